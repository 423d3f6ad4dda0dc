"""``cv:certificate``: a certificate, its name, who issued it, when, where."""

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
    calendar,
    dates,
    given,
)
from sphinx_cv.markup import escape_markdown
from sphinx_cv.words import parted


def heading(entry: model.Entry, context: Context) -> Heading:
    issuer = entry["issuer"]
    return Heading(entry["name"], after=f"{parted()}{issuer}" if issuer else "")


def to_jsonresume(entry: model.Entry, context: Context) -> dict[str, Any]:
    date = entry["date"]
    return given(
        {
            "name": entry["name"],
            "date": date.iso() if date else "",
            "issuer": entry["issuer"],
            "url": entry.url,
        }
    )


def from_jsonresume(source: Source) -> dict[str, str]:
    return {
        "name": source.text("name"),
        "issuer": source.text("issuer"),
        "date": source.date("date"),
        "url": source.url("url"),
    }


def to_rendercv(entry: model.Entry, context: Context) -> dict[str, str]:
    name = escape_markdown(entry["name"])
    named = f"[{name}]({entry.url})" if entry.url else name
    when = dates(entry, context)
    parts = (named, escape_markdown(entry["issuer"]), when)
    return {"bullet": ", ".join(part for part in parts if part)}


def jsonld(entry: model.Entry, whole: bool) -> dict[str, list[Any]]:
    credential: dict[str, Any] = {
        "@type": "EducationalOccupationalCredential",
        "name": entry["name"],
    }
    if entry["issuer"]:
        credential["recognizedBy"] = {"@type": "Organization", "name": entry["issuer"]}
    created = calendar(entry["date"])
    if created:
        credential["dateCreated"] = created
    if entry.url:
        credential["url"] = entry.url
    return {"hasCredential": [credential]}


TYPE = EntryType(
    name="certificate",
    doc="a certificate: its name, who issued it, when, and where to check it",
    required=("name",),
    optional=("issuer", "date", *model.COMMON),
    heading=heading,
    label=("name", "issuer"),
    section=("certificates", "Certificates"),
    jsonresume=JsonResume("certificates", to_jsonresume, from_jsonresume),
    rendercv=RenderCV("BulletEntry", to_rendercv),
    jsonld=jsonld,
    rank=70,
)
