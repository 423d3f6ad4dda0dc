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
    given,
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
    """As volunteering, the schema's section for unpaid roles."""
    return given(
        {
            "organization": entry["organisation"],
            "position": entry["role"],
            "url": entry.url,
            **span(entry),
            "summary": entry.summary,
            "highlights": list(entry.highlights),
            "location": entry["location"],
        }
    )


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
    jsonresume=JsonResume("volunteer", to_jsonresume),
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
        "entry": {"title": "role", "subtitle": "organisation"},
        "education": {"organisation": "organisation", "degree": "role"},
        "work": {},
    },
    rank=78,
)
