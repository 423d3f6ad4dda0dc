"""``cv:service``: service to a field: reviewing, committees, editorships.

Headed, and written to JSON Resume and RenderCV, as volunteering is."""

from __future__ import annotations

from typing import Any

from sphinx_cv import model
from sphinx_cv.entries import Context, EntryType, JsonResume, RenderCV
from sphinx_cv.entries.volunteer import from_jsonresume, heading, to_rendercv
from sphinx_cv.entries.volunteer import to_jsonresume as volunteering


def to_jsonresume(entry: model.Entry, context: Context) -> dict[str, Any]:
    """As volunteering, the schema's section for unpaid roles, of the
    type "service" (beyond the schema, which allows more)."""
    return {"type": "service", **volunteering(entry, context)}


TYPE = EntryType(
    name="service",
    doc=(
        "service to a field: the role (reviewer, editor, member), the journal, "
        "conference or committee, and dates"
    ),
    required=(),
    one_of=("organisation", "role"),
    optional=(
        "organisation",
        "role",
        "location",
        "date",
        "start",
        "end",
        *model.COMMON,
    ),
    heading=heading,
    label=("organisation", "role"),
    position="role",
    section=("service", "Service"),
    jsonresume=JsonResume(
        "volunteer", to_jsonresume, from_jsonresume, marker="service"
    ),
    rendercv=RenderCV("ExperienceEntry", to_rendercv),
    titles=(
        "service",
        "services",
        "committee",
        "committees",
        "reviewing",
        "reviewer",
        "editorial",
        "editorships",
        "boards",
        "organization",
        "organisation",
        "organizing",
    ),
    reads={
        "project": {"name": "organisation"},
        "volunteer": {},
        "entry": {"title": "role", "subtitle": "organisation"},
        "education": {"organisation": "organisation", "degree": "role"},
        "work": {},
    },
    rank=78,
)
