"""``cv:talk``: a talk given, its title, event, place and date."""

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
    calendar,
    given,
    place,
    read_list,
    read_span,
    rendercv_dates,
)
from sphinx_cv.markup import escape_markdown


def heading(entry: model.Entry, context: Context) -> Heading:
    return Heading(entry["title"], subtitle=entry["event"], place=entry["location"])


def to_jsonresume(entry: model.Entry, context: Context) -> dict[str, Any]:
    """A project, as JSON Resume's schema suggests for a talk."""
    return as_project(entry, entry["title"], entry["event"], location=entry["location"])


def from_jsonresume(source: Source) -> dict[str, str]:
    return {
        "title": source.text("name"),
        "event": source.text("entity"),
        "location": source.text("location"),
        **read_span(source),
        "url": source.url("url"),
        "skills": read_list(source, "keywords"),
    }


def to_rendercv(entry: model.Entry, context: Context) -> dict[str, Any]:
    name = escape_markdown(entry["title"])
    return given(
        {
            "name": f"[{name}]({entry.url})" if entry.url else name,
            "location": ", ".join(p for p in (entry["event"], entry["location"]) if p),
            **rendercv_dates(entry),
            "summary": entry.summary,
            "highlights": list(entry.highlights),
        }
    )


def jsonld(entry: model.Entry, whole: bool) -> dict[str, list[Any]]:
    """A talk is an event the person performed at."""
    event: dict[str, Any] = {"@type": "Event", "name": entry["title"]}
    if entry["event"]:
        event["superEvent"] = {"@type": "Event", "name": entry["event"]}
    when = calendar(entry["date"] or entry.start)
    if when:
        event["startDate"] = when
    return {"performerIn": [event | place(entry["location"])]} if whole else {}


TYPE = EntryType(
    name="talk",
    doc="a talk given: its title, the event, place and date, slides or video",
    required=("title",),
    optional=("event", "location", "date", "start", "end", *model.COMMON),
    heading=heading,
    label=("title",),
    section=("talks", "Talks"),
    jsonresume=JsonResume(
        "projects", to_jsonresume, from_jsonresume, "description", "talk"
    ),
    rendercv=RenderCV("NormalEntry", to_rendercv),
    jsonld=jsonld,
    titles=(
        "talk",
        "talks",
        "presentation",
        "presentations",
        "keynote",
        "keynotes",
        "seminar",
        "seminars",
        "colloquia",
        "conferences",
    ),
    reads={
        "project": {"name": "title", "entity": "event"},
        "entry": {"subtitle": "event"},
        "education": {"organisation": "title", "degree": "event"},
        "work": {"role": "title", "organisation": "event"},
    },
    rank=72,
)
