"""``cv:teaching``: a teaching position, its role, course, institution, dates."""

from __future__ import annotations

from typing import Any

from sphinx_cv import model
from sphinx_cv.entries import (
    Context,
    EntryType,
    Heading,
    JsonResume,
    RenderCV,
    employee_role,
    given,
    occupation,
    rendercv_dates,
    span,
)
from sphinx_cv.words import _, joined


def heading(entry: model.Entry, context: Context) -> Heading:
    instructor = entry["instructor"]
    return Heading(
        entry["course"],
        subtitle=joined(
            entry["role"],
            instructor and _("Instructor: {name}").format(name=instructor),
        ),
        place=joined(entry["organisation"], entry["location"]),
    )


def _position(entry: model.Entry) -> str:
    """What no interchange format has: a teaching position as a position
    held, its course after its role."""
    return ", ".join(part for part in (entry["role"], entry["course"]) if part)


def _held(entry: model.Entry) -> tuple[str, str]:
    """Where, and what: the institution and the position; the course and
    the role where no institution is given (RenderCV needs both)."""
    if entry["organisation"]:
        return entry["organisation"], _position(entry)
    return entry["course"], entry["role"]


def to_jsonresume(entry: model.Entry, context: Context) -> dict[str, Any]:
    description = entry["course"]
    if entry["instructor"]:
        description += f", Instructor: {entry['instructor']}"
    return given(
        {
            "name": entry["organisation"],
            "position": entry["role"],
            "location": entry["location"],
            "description": description,
            "url": entry.url,
            **span(entry),
            "summary": entry.summary,
            "highlights": list(entry.highlights),
        }
    )


def to_rendercv(entry: model.Entry, context: Context) -> dict[str, Any]:
    company, position = _held(entry)
    return given(
        {
            "company": company,
            "position": position,
            "location": entry["location"],
            **rendercv_dates(entry),
            "summary": entry.summary,
            "highlights": list(entry.highlights),
        }
    )


def jsonld(entry: model.Entry, whole: bool) -> dict[str, list[Any]]:
    return employee_role(entry, _position(entry)) if whole else occupation(entry)


TYPE = EntryType(
    name="teaching",
    doc="a teaching position: role, course, institution, dates",
    required=("course",),
    optional=(
        "role",
        "organisation",
        "instructor",
        "location",
        "start",
        "end",
        *model.COMMON,
    ),
    heading=heading,
    label=("role", "course"),
    short="course",
    position="role",
    section=("teaching", "Teaching experience"),
    own_page=True,
    jsonresume=JsonResume("work", to_jsonresume),
    rendercv=RenderCV("ExperienceEntry", to_rendercv),
    jsonld=jsonld,
    rank=50,
    example={
        "role": "Teaching Assistant",
        "course": "CS101, Introduction to Computing",
        "organisation": "Example University",
        "start": "2020-08",
        "end": "2021-05",
    },
    example_body=("Led weekly lab sections.",),
)
