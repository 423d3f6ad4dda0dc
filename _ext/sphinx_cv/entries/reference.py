"""``cv:reference``: a referee's words (its body), with the referee's name."""

from __future__ import annotations

from typing import Any

from sphinx_cv import model
from sphinx_cv.entries import Context, ItemType, JsonResume, RenderCV, Source


def to_jsonresume(item: model.Item, context: Context) -> dict[str, Any]:
    return {"name": item.name, "reference": item.text}


def from_jsonresume(source: Source) -> dict[str, str]:
    return {"name": source.text("name")}


def to_rendercv(item: model.Item, context: Context) -> str:
    return f"{item.text} ({item.name})" if item.text else item.name


TYPE = ItemType(
    name="reference",
    doc="a referee's words (the body), with the referee's name",
    required=("name",),
    optional=(),
    takes_body=True,
    section=("referees", "References"),
    jsonresume=JsonResume(
        "references", to_jsonresume, from_jsonresume, summary="reference"
    ),
    rendercv=RenderCV("TextEntry", to_rendercv),
    rank=140,
)
