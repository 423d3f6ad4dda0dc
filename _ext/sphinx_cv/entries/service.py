"""``cv:service``: service to a field: reviewing, committees, editorships."""

from __future__ import annotations

from typing import Any

from sphinx_cv import model
from sphinx_cv.entries import (
    Context,
    EntryType,
    Heading,
    JsonResume,
    RenderCV,
    Source,
    given,
    read_span,
    rendercv_dates,
    span,
)


def heading(entry: model.Entry, context: Context) -> Heading:
    if not entry["organisation"]:
        return Heading(entry["role"], place=entry["location"])
    return Heading(
        entry["organisation"], subtitle=entry["role"], place=entry["location"]
    )


def to_jsonresume(entry: model.Entry, context: Context) -> dict[str, Any]:
    """As volunteering, the schema's section for unpaid roles, of the
    type "service" (beyond the schema, which allows more)."""
    return given(
        {
            "type": "service",
            "organization": entry["organisation"],
            "position": entry["role"],
            "url": entry.url,
            **span(entry),
            "summary": entry.summary,
            "highlights": list(entry.highlights),
            "location": entry["location"],
        }
    )


def from_jsonresume(source: Source) -> dict[str, str]:
    return {
        "organisation": source.text("organization"),
        "role": source.text("position"),
        "location": source.text("location"),
        **read_span(source),
        "url": source.url("url"),
    }


def to_rendercv(entry: model.Entry, context: Context) -> dict[str, Any]:
    if not entry["organisation"]:
        return given(
            {
                "name": entry["role"],
                "location": entry["location"],
                **rendercv_dates(entry),
                "summary": entry.summary,
                "highlights": list(entry.highlights),
            }
        )
    return given(
        {
            "company": entry["organisation"],
            "position": entry["role"],
            "location": entry["location"],
            **rendercv_dates(entry),
            "summary": entry.summary,
            "highlights": list(entry.highlights),
        }
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
