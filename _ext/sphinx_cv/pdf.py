"""The PDF builder: the CV typeset by Typst, tagged, checked and fitted.

``sphinx-build -b pdf`` (``make pdf``) assembles the CV's pages into one
doctree, turns it into data (:mod:`sphinx_cv.printed`) and compiles the
template (``typst/cv.typ``, or ``cv_pdf_template``) in this process with the
``typst`` package: no TeX, nothing downloaded. The PDF is tagged and declares
PDF/UA-1. A version of the CV (``-D cv_variant=NAME``) keeps its ``fill``
entries in order while each fits its pages, skipping one that does not.

The previous PDF stays unless a new one is complete: a character that no
font has (PDF/UA forbids the empty box Typst would set), a version that
cannot fit, or a template that fails stops the build with a message at its
source.
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
from typing import TYPE_CHECKING, Any

import typst
from docutils import nodes
from sphinx.builders import Builder
from sphinx.errors import NoUri
from sphinx.util import logging
from sphinx.util.console import darkgreen  # type: ignore[attr-defined]
from sphinx.util.nodes import inline_all_toctrees

from sphinx_cv import printed, variants
from sphinx_cv.diagnostics import conf_line, warn
from sphinx_cv.domain import CVDomain
from sphinx_cv.i18n import _
from sphinx_cv.problems import Problem

if TYPE_CHECKING:
    from collections.abc import Set

    from sphinx.application import Sphinx

logger = logging.getLogger(__name__)

TEMPLATE = Path(__file__).parent / "typst" / "cv.typ"


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


class Typesetter:
    """One Typst compiler for a build: fonts are found once."""

    def __init__(self, template: Path, fonts: typst.Fonts) -> None:
        self.template = template
        self.fonts = fonts

    def _compiler(self, document: dict[str, Any]) -> typst.Compiler:
        return typst.Compiler(
            self.template,
            root=self.template.parent,
            font_paths=self.fonts,
            sys_inputs={"data": json.dumps(document, ensure_ascii=False)},
        )

    def layout(self, document: dict[str, Any]) -> Layout:
        found = json.loads(
            self._compiler(document).query("<cv-end>", "value", one=True)
        )
        return Layout(found["page"], found["used"], found["height"], found["line"])

    def pdf(self, document: dict[str, Any], epoch: int | None) -> bytes:
        compiler = self._compiler({**document, "dated": epoch is not None})
        result, warnings = compiler.compile_with_warnings(
            format="pdf", pdf_standards=["ua-1"], timestamp=epoch or 0
        )
        for warning in warnings:
            warn(Problem.PDF, "%s: Typst: %s", self.template, warning.message)
        assert isinstance(result, bytes)
        return result


@functools.cache
def _fonts() -> typst.Fonts:
    """The fonts Typst finds (its own, the system's): one scan a process."""
    return typst.Fonts()


def epoch() -> int | None:
    """The build's date, from SOURCE_DATE_EPOCH; None (the PDF is undated,
    so that every build of the same sources gives the same bytes) without."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    return int(epoch) if epoch.isdigit() else None


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


# -- The builder ------------------------------------------------------------------


class CVPDFBuilder(Builder):
    """The CV as one PDF, set by Typst."""

    name = "pdf"
    format = "pdf"
    epilog = "The PDF is in %(outdir)s."

    def init(self) -> None:
        self.docnames: set[str] = set()
        self.tree: nodes.document | None = None

    def get_outdated_docs(self) -> str:
        return "all documents"

    def get_target_uri(self, docname: str, typ: str | None = None) -> str:
        if docname not in self.docnames:
            raise NoUri(docname, typ)
        return "%" + docname

    def get_relative_uri(self, from_: str, to: str, typ: str | None = None) -> str:
        return self.get_target_uri(to, typ)

    def prepare_writing(self, docnames: Set[str]) -> None:
        pass

    def write_documents(self, docnames: Set[str]) -> None:
        root = self.config.root_doc
        tree = self.env.get_doctree(root)
        tree["docname"] = root
        self.docnames = {root}
        tree = inline_all_toctrees(self, self.docnames, root, tree, darkgreen, [root])
        tree["docname"] = root
        self.env.resolve_references(tree, root, self)
        self.tree = tree

    def write_doc(self, docname: str, doctree: nodes.document) -> None:
        raise NotImplementedError  # write_documents writes the one document

    @property
    def filename(self) -> str:
        variant = variants.active(self.config)
        if variant is not None:
            return variant.filename
        if self.config.cv_pdf_filename:
            return str(self.config.cv_pdf_filename)
        person = CVDomain.of(self.env).person
        name = person.name if person else self.config.project
        return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") + "-cv"

    def document(
        self, blocks: list[printed.Block], keywords: list[str]
    ) -> dict[str, Any]:
        """The data the template reads."""
        config = self.config
        person = CVDomain.of(self.env).person
        name = person.name if person else config.project
        variant = variants.active(config)
        language, _sep, region = config.language.replace("-", "_").partition("_")
        return {
            "title": f"{name}: {variant.title}" if variant else name,
            "author": config.author or name,
            "subject": str(_("Curriculum vitae")),
            "keywords": keywords,
            "lang": language.lower(),
            "region": region.lower() or None,
            "paper": config.cv_pdf_paper,
            "fonts": self.fonts(language.lower()),
            "colon": str(_(": ")),
            "body": blocks,
        }

    def fonts(self, language: str) -> list[Any]:
        """The families of ``cv_pdf_fonts`` this machine has, in order. In a
        CJK edition the Latin font sets Latin text only, so that CJK
        punctuation comes from the CJK font."""
        have = set(self.typesetter.fonts.families())
        families: list[Any] = [f for f in self.config.cv_pdf_fonts if f in have]
        if language in ("zh", "ja", "ko") and families:
            families[0] = {"name": families[0], "covers": "latin-in-cjk"}
        return families

    #: What the builder writes, after the CV's file name.
    suffix = "pdf"

    def finish(self) -> None:
        if self.tree is None:
            return
        template = self.config.cv_pdf_template
        path = Path(self.confdir, template) if template else TEMPLATE
        self.typesetter = Typesetter(path, _fonts())
        try:
            output = self.render(self.fitted())
        except RuntimeError as error:  # typst.TypstError, or a failed query
            undisplayable = _UNDISPLAYABLE.search(str(error))
            if undisplayable:
                self._no_glyph(undisplayable["text"])
            warn(
                Problem.PDF, "%s: Typst could not set the CV: %s",
                path, str(error).strip(), stop=True,
            )  # fmt: skip
            raise SystemExit(1) from None
        target = Path(self.outdir) / f"{self.filename}.{self.suffix}"
        partial = target.with_name(f"{target.name}.partial")
        partial.write_bytes(output)
        partial.replace(target)
        logger.info("%s", target)

    def fitted(self) -> dict[str, Any]:
        """The document to print: the CV within its pages, or a version
        with the fill entries that fit."""
        blocks = printed.data(self.tree) if self.tree is not None else []
        variant = variants.active(self.config)
        optional = variant.fill if variant else ()
        selection = Selection(blocks, CVDomain.of(self.env), optional)
        if variant is not None:
            return self._fit(selection, variant)
        document = self.document(*selection.keeping(()))
        self._check_pages(document)
        return document

    def render(self, document: dict[str, Any]) -> bytes:
        """The file's bytes: the PDF Typst sets."""
        return self.typesetter.pdf(document, epoch())

    def _check_pages(self, document: dict[str, Any]) -> None:
        limit = self.config.cv_pdf_pages
        if not limit:
            return
        layout = self.typesetter.layout(document)
        if layout.overflow(limit):
            self._overflow("the CV", limit, layout, "cv_pdf_pages")

    def _overflow(self, what: str, limit: int, layout: Layout, setting: str) -> None:
        over = layout.overflow(limit)
        warn(
            Problem.PAGES,
            "%s does not fit %d page(s): it runs %.0fpt (about %d lines) over; "
            "keep fewer entries or allow more pages (%s in conf.py)",
            what, limit, over, round(over / layout.line), setting,
            location=conf_line(self.app, setting), stop=True,
        )  # fmt: skip
        raise SystemExit(1)

    def _fit(self, selection: Selection, variant: variants.Variant) -> dict[str, Any]:
        """The variant with each of its fill entries, in order, that fits."""
        fill = list(variant.fill)
        document = self.document(*selection.keeping(fill))
        layout = self.typesetter.layout(document)
        kept = fill
        if layout.overflow(variant.pages):
            kept = []
            document = self.document(*selection.keeping(kept))
            layout = self.typesetter.layout(document)
            if layout.overflow(variant.pages):
                self._overflow(
                    f"{variant.name!r} even without its fill entries",
                    variant.pages, layout, "cv_variants",
                )  # fmt: skip
            for entry_id in fill:
                trial = self.document(*selection.keeping([*kept, entry_id]))
                fitted = self.typesetter.layout(trial)
                if not fitted.overflow(variant.pages):
                    kept, document, layout = [*kept, entry_id], trial, fitted
        left = [entry_id for entry_id in fill if entry_id not in kept]
        logger.info(
            "%s: %s, %d page(s)%s%s",
            f"{self.filename}.{self.suffix}", variant.title, layout.pages,
            f"; with {', '.join(kept)}" if kept else "",
            f"; left out for room: {', '.join(left)}" if left else "",
        )  # fmt: skip
        return document

    def _no_glyph(self, text: str) -> None:
        """Stop at the source line of each character of *text* that needs a
        glyph: no font of the PDF has one."""
        paths = [Path(self.env.doc2path(doc)) for doc in sorted(self.env.found_docs)]
        bibs = getattr(self.config, "bibtex_bibfiles", [])
        paths += [Path(self.srcdir, bib) for bib in bibs]
        for char in dict.fromkeys(c for c in text if _needs_glyph(c)):
            warn(
                Problem.FONT,
                "no font of the PDF has %r (U+%04X %s): install a font that has "
                "it, such as %s, or name one in cv_pdf_fonts",
                char, ord(char), unicodedata.name(char, "unnamed"),
                suggested_font(char),
                location=_source_line(char, paths), stop=True,
            )  # fmt: skip
        raise SystemExit(1)


class Selection:
    """The CV's blocks, less the fill entries a version leaves out."""

    def __init__(
        self,
        blocks: list[printed.Block],
        domain: CVDomain,
        optional: Iterable[str],
    ) -> None:
        self.blocks = blocks
        self.domain = domain
        self.optional = set(optional)

    def keeping(self, fill: Iterable[str]) -> tuple[list[printed.Block], list[str]]:
        """The blocks, with only these of the optional entries (links into
        the others read as text; a section left empty goes), and the PDF's
        keywords: the skills of the entries kept."""
        omit = self.optional - set(fill)
        kept: set[str] = set()
        blocks = _without(self.blocks, omit, kept)
        labels = set(printed.labels(blocks))
        gone = set(printed.labels(self.blocks)) - labels
        skills = [
            skill
            for skill, entries in self.domain.skills().items()
            if any(entry.id in kept for entry in entries)
        ]
        return _unlinked(blocks, labels, gone), skills


def _without(blocks: list[printed.Block], omit: set[str], kept: set[str]) -> list[Any]:
    """*blocks* less the entries in *omit* and the sections they empty;
    the ids of the entries left are added to *kept*."""
    found = []
    for block in blocks:
        if block["type"] == "entry":
            if block["id"] in omit:
                continue
            kept.add(block["id"])
        if block["type"] == "section":
            body = _without(block["body"], omit, kept)
            if all(child["type"] == "anchor" for child in body):
                continue
            block = {**block, "body": body}
        found.append(block)
    return found


def _without_gone(runs: list[Any], gone: set[str]) -> list[Any]:
    """A definition that lists links (the entries of a skill in the skills
    index) less the links to what is gone, with their separators."""
    links = runs[::2]
    separators = {run.get("text") for run in runs[1::2]}
    if not links or any("to" not in run for run in links) or len(separators) > 1:
        return runs
    kept = [run for run in links if run["to"] not in gone]
    separator = runs[1:2]
    return [part for run in kept for part in [*separator, run]][len(separator) :]


def _unlinked(value: Any, labels: set[str], gone: set[str]) -> Any:
    """*value* with each link to a label it lacks turned into its text; a
    term whose definition listed only what is gone (a skill of entries left
    out) left out, and what is gone taken out of the others' lists."""
    if isinstance(value, list):
        flat: list[Any] = []
        for item in value:
            if isinstance(item, dict) and "term" in item:
                body = _without_gone(item["body"], gone)
                if item["body"] and not body:
                    continue
                item = {**item, "body": body}
            if isinstance(item, dict) and "to" in item and item["to"] not in labels:
                flat += _unlinked(item["body"], labels, gone)
            else:
                flat.append(_unlinked(item, labels, gone))
        return flat
    if isinstance(value, dict):
        return {key: _unlinked(item, labels, gone) for key, item in value.items()}
    return value


def setup_pdf(app: Sphinx) -> None:
    app.add_builder(CVPDFBuilder)
    app.add_post_transform(printed.PrintLayout)
