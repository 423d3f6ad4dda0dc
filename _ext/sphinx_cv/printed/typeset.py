"""Typst, in this process: how a printed document fills its pages, and its PDF.

The template (``typst/cv.typ``, or ``cv_pdf_template``) reads the whole
document as JSON from the file ``sys.inputs.cv`` names, and nothing else
but the files it names: each page's blocks (a ``part``'s ``body``) are a
file of their own. Typst keeps what it set in memory and sets again only
what read a changed file, so an edit to one page is set in a tenth of the
time (``make live``). The template ends with a ``<cv-end>`` marker saying
how full the last page is, which fits a version to its pages.

A failure is a :class:`Stopped`, after an error at the place to fix: a
character that no font has (PDF/UA forbids the empty box Typst would set)
at its source line, a template that fails at the template.
"""

from __future__ import annotations

import functools
import json
import os
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import typst

from sphinx_cv.diagnostics import warn
from sphinx_cv.printed import document as d
from sphinx_cv.problems import Problem

TEMPLATE = Path(__file__).parent.parent / "typst" / "cv.typ"


class Stopped(Exception):
    """A printed document that cannot be written: the error that says why
    has been logged, at its place."""


@dataclass(frozen=True)
class Layout:
    """How a compiled CV fills its pages."""

    pages: int
    #: Points used on the last page, of a page's text height.
    used: float
    height: float
    line: float

    def overflow(self, limit: int) -> float:
        """Points past the last page of *limit*: 0 when it fits."""
        over = self.pages - limit
        return (over - 1) * self.height + self.used if over > 0 else 0.0


@functools.cache
def system_fonts() -> typst.Fonts:
    """The fonts Typst finds (its own, the system's): one scan a process."""
    return typst.Fonts()


def epoch() -> int | None:
    """The build's date, from SOURCE_DATE_EPOCH; None (the file is undated,
    so that every build of the same sources gives the same bytes) without."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    return int(epoch) if epoch.isdigit() else None


class Typesetter:
    """One Typst compiler for a build, kept with the build: fonts are found
    once, and what Typst set for a page whose file did not change is reused.

    *fonts* are the families the PDF asks for, tried in order for each
    character; those this machine lacks are passed over. *sources* are the
    files a character may have come from, to say where one no font has is.
    *folder* holds the document's files: the build's own, so that no other
    build writes them while this one sets them.
    """

    def __init__(
        self,
        template: Path,
        fonts: Iterable[str],
        sources: Iterable[Path],
        folder: Path,
    ) -> None:
        self.template = template
        self.fonts = system_fonts()
        have = set(self.fonts.families())
        self.families = [font for font in fonts if font in have]
        self.sources = list(sources)
        #: Where the document's files are written for Typst to read.
        self.folder = folder
        self._compiler: typst.Compiler | None = None

    def _write(self, document: d.Document, **more: Any) -> Path:
        """The document's files, each page's blocks apart; the path of the
        one that names them."""
        families: list[Any] = list(self.families)
        # In a CJK edition the Latin font sets Latin text only, so that CJK
        # punctuation comes from the CJK font.
        if document.lang in ("zh", "ja", "ko") and families:
            families[0] = {"name": families[0], "covers": "latin-in-cjk"}
        folder = self.folder
        folder.mkdir(parents=True, exist_ok=True)
        named: dict[str, int] = {}

        def apart(value: Any) -> Any:
            if isinstance(value, list):
                return [apart(item) for item in value]
            if not isinstance(value, dict):
                return value
            value = {key: apart(item) for key, item in value.items()}
            if value.get("type") == "part":
                stem = re.sub(r"[^\w-]", "_", value["page"])
                named[stem] = named.get(stem, 0) + 1
                path = folder / f"{stem}-{named[stem]}.json"
                self._put(path, value["body"])
                value["body"] = str(path)
            return value

        data = apart({**d.as_json(document), "fonts": families, **more})
        main = folder / "cv.json"
        self._put(main, data)
        return main

    @staticmethod
    def _put(path: Path, value: Any) -> None:
        """*value* as JSON in *path*. Typst compares what it reads with what
        it read before, so a file written again as it was costs nothing."""
        path.write_text(json.dumps(value, ensure_ascii=False), "utf-8")

    def _run(self, document: d.Document, run: Any, **more: Any) -> Any:
        main = self._write(document, **more)
        if self._compiler is None:
            self._compiler = typst.Compiler(
                self.template,
                # The file system's root: the document's files, and a
                # portrait beside the CV's pages.
                root=Path(self.template.anchor),
                font_paths=self.fonts,
                sys_inputs={"cv": str(main)},
            )
        try:
            return run(self._compiler)
        except RuntimeError as error:  # typst.TypstError, or a failed query
            undisplayable = _UNDISPLAYABLE.search(str(error))
            if undisplayable:
                self._no_glyph(undisplayable["text"])
            warn(
                Problem.PDF, "%s: Typst could not set the CV: %s",
                self.template, str(error).strip(), stop=True,
            )  # fmt: skip
            raise Stopped from None

    def layout(self, document: d.Document) -> Layout:
        found = json.loads(
            self._run(document, lambda c: c.query("<cv-end>", "value", one=True))
        )
        return Layout(found["page"], found["used"], found["height"], found["line"])

    def pdf(self, document: d.Document) -> bytes:
        when = epoch()

        def compile_pdf(compiler: typst.Compiler) -> Any:
            return compiler.compile_with_warnings(
                format="pdf", pdf_standards=["ua-1"], timestamp=when or 0
            )

        result, warnings = self._run(document, compile_pdf, dated=when is not None)
        for warning in warnings:
            warn(Problem.PDF, "%s: Typst: %s", self.template, warning.message)
        assert isinstance(result, bytes)
        return result

    def _no_glyph(self, text: str) -> None:
        """An error at the source line of each character of *text* that
        needs a glyph: no font of the PDF has one."""
        for char in dict.fromkeys(c for c in text if _needs_glyph(c)):
            warn(
                Problem.FONT,
                "no font of the PDF has %r (U+%04X %s): install a font that has "
                "it, such as %s, or name one in cv_pdf_fonts",
                char, ord(char), unicodedata.name(char, "unnamed"),
                suggested_font(char),
                location=_source_line(char, self.sources), stop=True,
            )  # fmt: skip
        raise Stopped


# -- Glyphs no font has -----------------------------------------------------------

#: Typst's PDF/UA export refuses text that no font can display; it names it.
_UNDISPLAYABLE = re.compile(r'the text `"(?P<text>.+?)"` could not be displayed', re.S)


def _needs_glyph(char: str) -> bool:
    """Spaces, controls and format characters (joiners, marks of direction,
    variation selectors) take no glyph of their own."""
    category = unicodedata.category(char)
    return not (category.startswith(("Z", "C")) or 0xFE00 <= ord(char) <= 0xFE0F)


#: A font to suggest for each script a CV may be written in, by code point.
SUGGESTED = [
    (0x0590, 0x05FF, "Noto Sans Hebrew"),
    (0x0600, 0x06FF, "Noto Sans Arabic"),
    (0x0900, 0x097F, "Noto Sans Devanagari"),
    (0x0E00, 0x0E7F, "Noto Sans Thai"),
    (0x1100, 0x11FF, "Noto Sans CJK KR"),
    (0x2E80, 0x9FFF, "Noto Serif CJK SC"),
    (0xAC00, 0xD7AF, "Noto Sans CJK KR"),
    (0x1F000, 0x1FAFF, "Noto Color Emoji"),
]


def suggested_font(char: str) -> str:
    for low, high, font in SUGGESTED:
        if low <= ord(char) <= high:
            return font
    return "a Noto font of its script"


def _source_line(char: str, paths: Iterable[Path]) -> str | None:
    """``path:line`` of the first source line holding *char*."""
    for path in paths:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
        for number, line in enumerate(lines, start=1):
            if char in line:
                return f"{path}:{number}"
    return None
