"""``cv:project``: a project, its name, your role, its kind and dates."""

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
    read_list,
    read_span,
    rendercv_dates,
    span,
)
from sphinx_cv.markup import escape_markdown
from sphinx_cv.words import joined


def heading(entry: model.Entry, context: Context) -> Heading:
    return Heading(
        entry["name"],
        subtitle=joined(entry["role"], entry["kind"]),
        place=entry["entity"],
    )


def to_jsonresume(entry: model.Entry, context: Context) -> dict[str, Any]:
    roles = model.split_semicolons(entry["role"]) if entry["role"] else ()
    return given(
        {
            "name": entry["name"],
            "description": entry.summary,
            "highlights": list(entry.highlights),
            "keywords": list(entry.skills),
            **span(entry),
            "url": entry.url,
            "roles": list(roles),
            "entity": entry["entity"],
            "type": entry["kind"],
        }
    )


def from_jsonresume(source: Source) -> dict[str, str]:
    return {
        "name": source.text("name"),
        # Roles part at semicolons: a role may hold a comma.
        "role": "; ".join(source.strings("roles")) or source.text("position"),
        "entity": source.text("entity"),
        "kind": source.text("type"),
        **read_span(source),
        "url": source.url("url"),
        "skills": read_list(source, "keywords"),
    }


def to_rendercv(entry: model.Entry, context: Context) -> dict[str, Any]:
    # RenderCV's names are Markdown: a project's address is its link.
    name = escape_markdown(entry["name"])
    what = ", ".join(p for p in (entry["role"], entry["kind"], entry["entity"]) if p)
    return given(
        {
            "name": f"[{name}]({entry.url})" if entry.url else name,
            **rendercv_dates(entry),
            "summary": "\n\n".join(p for p in (what, entry.summary) if p),
            "highlights": list(entry.highlights),
        }
    )


TYPE = EntryType(
    name="project",
    doc="a project: its name, your role, its kind and dates",
    required=("name",),
    optional=("role", "kind", "entity", "start", "end", "date", *model.COMMON),
    heading=heading,
    label=("name",),
    short="name",
    position="role",
    section=("projects", "Projects"),
    own_page=True,
    jsonresume=JsonResume(
        "projects", to_jsonresume, from_jsonresume, summary="description"
    ),
    rendercv=RenderCV("NormalEntry", to_rendercv),
    rank=40,
    example={
        "name": "A Project",
        "start": "2021",
        "end": "2022",
        "skills": "Python",
    },
    example_body=("What it does, and for whom.",),
)
