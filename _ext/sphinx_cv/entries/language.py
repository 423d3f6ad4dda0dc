"""``cv:language``: a language, and how well it is spoken."""

from __future__ import annotations

from typing import Any

from sphinx_cv import model
from sphinx_cv.entries import Context, ItemType, JsonResume, RenderCV, Source, given
from sphinx_cv.words import _


def line(item: model.Item) -> str:
    fluency = item["fluency"]
    return _(" ({level})").format(level=fluency) if fluency else ""


def to_jsonresume(item: model.Item, context: Context) -> dict[str, Any]:
    return given({"language": item.name, "fluency": item["fluency"]})


def from_jsonresume(source: Source) -> dict[str, str]:
    return {"name": source.text("language"), "fluency": source.text("fluency")}


def to_rendercv(item: model.Item, context: Context) -> dict[str, str]:
    return {"label": item.name, "details": item["fluency"]}


TYPE = ItemType(
    name="language",
    doc="a language, and how well it is spoken",
    required=("name",),
    optional=("fluency",),
    line=line,
    section=("languages", "Languages"),
    jsonresume=JsonResume("languages", to_jsonresume, from_jsonresume),
    rendercv=RenderCV("OneLineEntry", to_rendercv),
    jsonld=lambda item, whole: {"knowsLanguage": [item.name]},
    rank=120,
)
