"""``cv:skill``: a skill the CV lists, with its level and keywords."""

from __future__ import annotations

from typing import Any

from sphinx_cv import model
from sphinx_cv.entries import (
    Context,
    ItemType,
    JsonResume,
    RenderCV,
    Source,
    given,
    read_list,
)
from sphinx_cv.words import _, listed


def line(item: model.Item) -> str:
    level = _(" ({level})").format(level=item["level"]) if item["level"] else ""
    keywords = f"{_(': ')}{listed(item['keywords'])}" if item["keywords"] else ""
    return level + keywords


def to_jsonresume(item: model.Item, context: Context) -> dict[str, Any]:
    keywords = list(item["keywords"])
    return given({"name": item.name, "level": item["level"], "keywords": keywords})


def from_jsonresume(source: Source) -> dict[str, str]:
    return {
        "name": source.text("name"),
        "level": source.text("level"),
        "keywords": read_list(source, "keywords"),
    }


def to_rendercv(item: model.Item, context: Context) -> dict[str, str]:
    keywords, level = ", ".join(item["keywords"]), item["level"]
    details = f"{keywords} ({level})" if keywords and level else keywords or level
    return {"label": item.name, "details": details}


def from_rendercv(source: Source) -> dict[str, str]:
    return {"name": source.text("label"), "keywords": source.text("details")}


TYPE = ItemType(
    name="skill",
    doc="a skill the CV lists, with its level and keywords",
    required=("name",),
    optional=("level", "keywords"),
    line=line,
    jsonresume=JsonResume("skills", to_jsonresume, from_jsonresume),
    rendercv=RenderCV("OneLineEntry", to_rendercv, from_rendercv),
    jsonld=lambda item, whole: {"knowsAbout": [item.name]},
    rank=110,
)
