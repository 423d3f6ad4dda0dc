"""``cv:award``: an honour, its title, who gave it, and when."""

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
    dates,
    given,
)
from sphinx_cv.words import parted


def heading(entry: model.Entry, context: Context) -> Heading:
    if not entry["organisation"]:
        return Heading(entry["title"])
    return Heading(entry["organisation"], after=f"{parted()}{entry['title']}")


def to_jsonresume(entry: model.Entry, context: Context) -> dict[str, Any]:
    last = entry.last_date
    return given(
        {
            "title": entry["title"],
            "date": last.iso() if last else "",
            "awarder": entry["organisation"],
            "summary": entry.summary,
        }
    )


def from_jsonresume(source: Source) -> dict[str, str]:
    date = source.date("date")
    if model.is_academic_year(date):
        source.note("date", "the year only (the month reads as an academic year)")
        date = date[:4]
    return {
        "title": source.text("title"),
        "organisation": source.text("awarder"),
        "years": date,
    }


def to_rendercv(entry: model.Entry, context: Context) -> dict[str, str]:
    when = dates(entry, context)
    parts = (entry["organisation"], entry["title"], when)
    return {"bullet": ", ".join(part for part in parts if part)}


def jsonld(entry: model.Entry, whole: bool) -> dict[str, list[Any]]:
    said = ", ".join(part for part in (entry["title"], entry["organisation"]) if part)
    if whole and entry["years"]:
        said += f" ({', '.join(entry['years'])})"
    return {"award": [said]}


TYPE = EntryType(
    name="award",
    doc="an honour: its title, who gave it, and the academic years",
    required=("title",),
    optional=("organisation", "years", "url", "tags"),
    heading=heading,
    label=("title", "organisation"),
    section=("honors", "Honors and awards"),
    jsonresume=JsonResume("awards", to_jsonresume, from_jsonresume),
    rendercv=RenderCV("BulletEntry", to_rendercv),
    jsonld=jsonld,
    rank=60,
    example={
        "organisation": "Its Awarder",
        "title": "An Award",
        "years": "2021",
    },
)
