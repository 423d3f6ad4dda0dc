"""``cv:work``: a position held, its employer, role, team, place and dates."""

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
    occupation,
    read_span,
    rendercv_dates,
    span,
)
from sphinx_cv.words import _


def heading(entry: model.Entry, context: Context) -> Heading:
    role, team = entry["role"], entry["team"]
    at = _("{role} at {team}").format(role=role, team=team) if role and team else ""
    at = at or role or team
    if not entry["organisation"]:
        return Heading(at, place=entry["location"])
    return Heading(entry["organisation"], subtitle=at, place=entry["location"])


def to_jsonresume(entry: model.Entry, context: Context) -> dict[str, Any]:
    return given(
        {
            "name": entry["organisation"],
            "position": entry["role"],
            "location": entry["location"],
            "description": entry["team"],
            "url": entry.url,
            **span(entry),
            "summary": entry.summary,
            "highlights": list(entry.highlights),
        }
    )


def from_jsonresume(source: Source) -> dict[str, str]:
    return {
        "organisation": source.text("name"),
        "role": source.text("position"),
        "team": source.text("description"),
        "location": source.text("location"),
        **read_span(source),
        "url": source.url("url"),
    }


def to_rendercv(entry: model.Entry, context: Context) -> dict[str, Any]:
    role, team = entry["role"], entry["team"]
    return given(
        {
            "company": entry["organisation"],
            "position": f"{role} at {team}" if role and team else role or team,
            "location": entry["location"],
            **rendercv_dates(entry),
            "summary": entry.summary,
            "highlights": list(entry.highlights),
        }
    )


def from_rendercv(source: Source) -> dict[str, str]:
    return {"organisation": source.text("company"), "role": source.text("position")}


def jsonld(entry: model.Entry, whole: bool) -> dict[str, list[Any]]:
    if not whole:
        return occupation(entry)
    return employee_role(entry, entry["role"], entry["team"])


TYPE = EntryType(
    name="work",
    doc="a position held: employer, role, team, place and dates",
    required=(),
    one_of=("organisation", "role"),
    optional=(
        "organisation",
        "role",
        "team",
        "location",
        "start",
        "end",
        *model.COMMON,
    ),
    heading=heading,
    label=("organisation", "team"),
    short="organisation",
    qualifier="team",
    position="role",
    section=("experience", "Experience"),
    own_page=True,
    employment=True,
    jsonresume=JsonResume("work", to_jsonresume, from_jsonresume),
    rendercv=RenderCV("ExperienceEntry", to_rendercv, from_rendercv),
    jsonld=jsonld,
    rank=10,
    example={
        "organisation": "Example Corp.",
        "role": "Software Engineer",
        "location": "City, Country",
        "start": "2022-06",
        "end": "present",
    },
    example_body=("What you did, and what it changed.",),
)
