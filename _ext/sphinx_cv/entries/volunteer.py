"""``cv:volunteer``: unpaid service, its organisation, role, place and dates."""

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
    employee_role,
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
    return given(
        {
            "organization": entry["organisation"],
            "position": entry["role"],
            "url": entry.url,
            **span(entry),
            "summary": entry.summary,
            "highlights": list(entry.highlights),
            # Beyond the schema (which allows more): what the CV says besides.
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


def jsonld(entry: model.Entry, whole: bool) -> dict[str, list[Any]]:
    return employee_role(entry, entry["role"]) if whole else {}


TYPE = EntryType(
    name="volunteer",
    doc="unpaid service: organisation, role, place and dates",
    required=(),
    one_of=("organisation", "role"),
    optional=("organisation", "role", "location", "start", "end", *model.COMMON),
    heading=heading,
    label=("organisation", "role"),
    position="role",
    section=("volunteering", "Volunteering"),
    own_page=True,
    jsonresume=JsonResume("volunteer", to_jsonresume, from_jsonresume),
    rendercv=RenderCV("ExperienceEntry", to_rendercv),
    jsonld=jsonld,
    rank=30,
)
