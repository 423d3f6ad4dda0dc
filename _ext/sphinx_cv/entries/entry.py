"""``cv:entry``: an entry of any other kind (a talk, a grant, a student)."""

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
    as_project,
    given,
    rendercv_dates,
)
from sphinx_cv.markup import escape_markdown


def heading(entry: model.Entry, context: Context) -> Heading:
    return Heading(entry["title"], subtitle=entry["subtitle"], place=entry["location"])


def to_jsonresume(entry: model.Entry, context: Context) -> dict[str, Any]:
    """As a project, JSON Resume's most general item; where it was, beyond
    the schema (which allows more)."""
    return as_project(
        entry,
        entry["title"],
        entry["subtitle"],
        keywords=list(entry.skills),
        location=entry["location"],
    )


def to_rendercv(entry: model.Entry, context: Context) -> dict[str, Any]:
    """RenderCV's normal entry, whose kind this is; its subtitle, which
    RenderCV has no place for, opens the summary."""
    name = escape_markdown(entry["title"])
    prose = "\n\n".join(p for p in (entry["subtitle"], entry.summary) if p)
    return given(
        {
            "name": f"[{name}]({entry.url})" if entry.url else name,
            "location": entry["location"],
            **rendercv_dates(entry),
            "summary": prose,
            "highlights": list(entry.highlights),
        }
    )


def from_rendercv(source: Source) -> dict[str, str]:
    return {"title": source.text("name"), "url": source.url("name")}


TYPE = EntryType(
    name="entry",
    doc=(
        "an entry that fits no other type (a talk, a grant, a student "
        "advised): its title, a subtitle, dates and place"
    ),
    required=("title",),
    optional=("subtitle", "location", "date", "start", "end", *model.COMMON),
    heading=heading,
    label=("title",),
    section=("entries", "Entries"),
    jsonresume=JsonResume("projects", to_jsonresume, summary="description"),
    rendercv=RenderCV("NormalEntry", to_rendercv, from_rendercv),
    rank=80,
)
