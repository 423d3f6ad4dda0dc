"""``cv:service``: service to a field: reviewing, committees, editorships.

Headed, and written to JSON Resume and RenderCV, as volunteering is."""

from __future__ import annotations

from sphinx_cv import model
from sphinx_cv.entries import EntryType, JsonResume, RenderCV
from sphinx_cv.entries.volunteer import (
    from_jsonresume,
    heading,
    to_jsonresume,
    to_rendercv,
)

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
