"""``cv:interest``: an interest, with its keywords."""

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
    keywords = item["keywords"]
    return f"{_(': ')}{listed(keywords)}" if keywords else ""


def to_jsonresume(item: model.Item, context: Context) -> dict[str, Any]:
    return given({"name": item.name, "keywords": list(item["keywords"])})


def from_jsonresume(source: Source) -> dict[str, str]:
    return {"name": source.text("name"), "keywords": read_list(source, "keywords")}


def to_rendercv(item: model.Item, context: Context) -> dict[str, str]:
    return {"label": item.name, "details": ", ".join(item["keywords"])}


TYPE = ItemType(
    name="interest",
    doc="an interest, with its keywords",
    required=("name",),
    optional=("keywords",),
    line=line,
    section=("interests", "Interests"),
    jsonresume=JsonResume("interests", to_jsonresume, from_jsonresume),
    rendercv=RenderCV("OneLineEntry", to_rendercv),
    rank=130,
)
