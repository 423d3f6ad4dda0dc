"""``cv:student``: a student advised, their degree, years and where they went."""

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
from sphinx_cv.words import _, joined


def heading(entry: model.Entry, context: Context) -> Heading:
    placement = entry["placement"]
    return Heading(
        entry["name"],
        subtitle=joined(
            entry["degree"],
            placement and _("then {place}").format(place=placement),
        ),
        place=joined(entry["organisation"], entry["location"]),
    )


def to_jsonresume(entry: model.Entry, context: Context) -> dict[str, Any]:
    """A project: the student its name, the institution its entity, the
    degree and where they went."""
    return as_project(
        entry,
        entry["name"],
        entry["organisation"],
        degree=entry["degree"],
        placement=entry["placement"],
        location=entry["location"],
    )


def from_jsonresume(source: Source) -> dict[str, str]:
    return {
        "name": source.text("name"),
        "organisation": source.text("entity"),
        "degree": source.text("degree"),
        "placement": source.text("placement"),
        "location": source.text("location"),
        **read_span(source),
        "url": source.url("url"),
    }


def to_rendercv(entry: model.Entry, context: Context) -> dict[str, Any]:
    """RenderCV's education entry, whose shape it has: the student where the
    institution goes, the degree where the area goes."""
    return given(
        {
            "institution": entry["name"],
            "area": entry["degree"],
            "location": joined(entry["organisation"], entry["location"]),
            **rendercv_dates(entry),
            "summary": "\n\n".join(
                p
                for p in (
                    entry["placement"]
                    and _("then {place}").format(place=entry["placement"]),
                    entry.summary,
                )
                if p
            ),
            "highlights": list(entry.highlights),
        }
    )


TYPE = EntryType(
    name="student",
    doc="a student advised: their name, degree, institution, years, where they went",
    required=("name",),
    optional=(
        "degree",
        "organisation",
        "location",
        "placement",
        "date",
        "start",
        "end",
        *model.COMMON,
    ),
    heading=heading,
    label=("name", "degree"),
    position="degree",
    section=("students", "Students advised"),
    jsonresume=JsonResume(
        "projects", to_jsonresume, from_jsonresume, "description", "supervision"
    ),
    rendercv=RenderCV("EducationEntry", to_rendercv),
    titles=(
        "students",
        "supervision",
        "supervised",
        "advisees",
        "advising",
        "mentees",
        "mentoring",
    ),
    reads={
        "project": {"entity": "organisation", "role": "degree"},
        "education": {"organisation": "name"},
        "entry": {"title": "name", "subtitle": "degree"},
        "work": {"role": "name"},
    },
    rank=76,
)
