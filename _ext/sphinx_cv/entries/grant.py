"""``cv:grant``: funding won, its title, funder, role, amount and dates."""

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
    read_span,
    rendercv_dates,
)
from sphinx_cv.markup import escape_markdown
from sphinx_cv.words import joined


def heading(entry: model.Entry, context: Context) -> Heading:
    return Heading(
        entry["title"],
        subtitle=joined(entry["role"], entry["funder"]),
        place=joined(entry["amount"], entry["location"]),
    )


def to_jsonresume(entry: model.Entry, context: Context) -> dict[str, Any]:
    """A project: its funder the entity, its role its roles, the amount."""
    return as_project(
        entry,
        entry["title"],
        entry["funder"],
        roles=[entry["role"]] if entry["role"] else [],
        amount=entry["amount"],
        location=entry["location"],
    )


def from_jsonresume(source: Source) -> dict[str, str]:
    return {
        "title": source.text("name"),
        "funder": source.text("entity"),
        "role": "; ".join(source.strings("roles")),
        "amount": source.text("amount"),
        "location": source.text("location"),
        **read_span(source),
        "url": source.url("url"),
    }


def to_rendercv(entry: model.Entry, context: Context) -> dict[str, Any]:
    name = escape_markdown(entry["title"])
    said = ", ".join(p for p in (entry["role"], entry["funder"], entry["amount"]) if p)
    return given(
        {
            "name": f"[{name}]({entry.url})" if entry.url else name,
            **rendercv_dates(entry),
            "summary": "\n\n".join(p for p in (said, entry.summary) if p),
            "highlights": list(entry.highlights),
        }
    )


def jsonld(entry: model.Entry, whole: bool) -> dict[str, list[Any]]:
    """A grant is funding of the person's work (schema.org's Grant)."""
    if not whole:
        return {}
    grant: dict[str, Any] = {"@type": "Grant", "name": entry["title"]}
    if entry["funder"]:
        grant["funder"] = {"@type": "Organization", "name": entry["funder"]}
    return {"funding": [grant]}


TYPE = EntryType(
    name="grant",
    doc="funding won: its title, the funder, your role, the amount and dates",
    required=("title",),
    optional=(
        "funder",
        "role",
        "amount",
        "location",
        "date",
        "start",
        "end",
        *model.COMMON,
    ),
    heading=heading,
    label=("title",),
    position="role",
    section=("grants", "Grants and funding"),
    jsonresume=JsonResume(
        "projects", to_jsonresume, from_jsonresume, "description", "grant"
    ),
    rendercv=RenderCV("NormalEntry", to_rendercv),
    jsonld=jsonld,
    titles=("grant", "grants", "funding", "funded", "fundings"),
    reads={
        "project": {"name": "title", "entity": "funder"},
        "entry": {"subtitle": "funder"},
        "education": {"organisation": "title", "degree": "funder"},
        "work": {"organisation": "funder"},
    },
    rank=74,
)
