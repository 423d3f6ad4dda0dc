"""The one builder of every printed output: it reads, selects and fits the CV.

Each printed format (the PDF, the Word file, a version's own page, the
Markdown and the plain text résumé) is a builder of this class with a
writer of its own (:meth:`PrintedBuilder.write`): the builder inlines every
page into one doctree, resolves its links, turns it into the printed
document (:mod:`sphinx_cv.printed.convert`), keeps what the version being
built keeps (:mod:`sphinx_cv.printed.select`) and, for a version, adds its
``fill`` entries in order while each still fits its pages, skipping one
that does not: Typst measures them (:mod:`sphinx_cv.printed.typeset`), so
every format holds the PDF's selection. A paged format (the PDF, the Word
file) of the whole CV must fit ``cv_pdf_pages``.

Nothing is written unless it is whole: a problem is an error at its
place, the build's status is 1, and the previous file stays.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from docutils import nodes
from sphinx.builders import Builder
from sphinx.errors import NoUri
from sphinx.util import logging

from sphinx_cv import letters, variants
from sphinx_cv.diagnostics import conf_line, warn
from sphinx_cv.domain import CVDomain
from sphinx_cv.i18n import _
from sphinx_cv.look import Look, of_config
from sphinx_cv.printed import document as d
from sphinx_cv.printed.convert import convert, inline_pages
from sphinx_cv.printed.select import Selection
from sphinx_cv.printed.typeset import TEMPLATE, Layout, Stopped, Typesetter
from sphinx_cv.problems import Problem
from sphinx_cv.render import render_contacts

if TYPE_CHECKING:
    from collections.abc import Set

logger = logging.getLogger(__name__)


class PrintedBuilder(Builder):
    """The CV as one printed document, written by a format's writer."""

    #: Every printed format shares ``{only} printed``.
    format = "printed"
    #: What the builder writes, after the CV's file name.
    suffix: ClassVar[str]
    #: Whether its file has pages, which the whole CV must fit.
    paged: ClassVar[bool] = False

    def init(self) -> None:
        self.docnames: set[str] = set()
        #: What the letter this build sets is about (a letter's build).
        self.subject = ""
        self.blocks: d.Blocks | None = None
        self._typesetter: Typesetter | None = None

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
        if letters.is_letter(self.config):
            self._letter()
            return
        root = self.config.root_doc
        tree = self.env.get_doctree(root)
        traversed = [root]
        tree = inline_pages(self.env, tree, traversed)
        self.docnames = set(traversed)
        tree["docname"] = root
        self.env.resolve_references(tree, root, self)
        self.blocks = convert(tree, CVDomain.of(self.env).entries)

    def _letter(self) -> None:
        """A letter under the CV's head: the person's name, then the
        contact line; its links to the CV's entries read as their text."""
        name = letters.docname(self.config)
        if name not in self.env.found_docs:
            known = ", ".join(letters.letters(Path(self.confdir))) or "none"
            warn(
                Problem.VALUE,
                "cv_letter: no letter %s.md (letters: %s)",
                name, known, location=conf_line(self._app, "cv_letter"), stop=True,
            )  # fmt: skip
            self._app.statuscode = 1
            return
        tree = self.env.get_doctree(name)
        tree["docname"] = name
        self.docnames = {name}
        person = CVDomain.of(self.env).person
        section = tree.next_node(nodes.section)
        title = section.next_node(nodes.title) if section is not None else None
        if person is not None and section is not None and title is not None:
            # The page's own title names the letter; the head names its sender.
            title.children = [nodes.Text(person.name)]
            section.insert(1, render_contacts(person))
        self.subject = letters.subject(tree)
        # Links to the CV's entries resolve to their names, read as text:
        # the letter goes without the CV's pages.
        self.docnames = set(self.env.found_docs)
        self.env.resolve_references(tree, name, self)
        for link in list(tree.findall(nodes.reference)):
            if link.get("refuri", "").startswith("%"):
                link.replace_self(nodes.Text(link.astext()))
        self.docnames = {name}
        self.blocks = convert(tree, CVDomain.of(self.env).entries)

    def write_doc(self, docname: str, doctree: nodes.document) -> None:
        raise NotImplementedError  # write_documents writes the one document

    # -- the format's own -----------------------------------------------------------

    def render(self, document: d.Document) -> bytes:
        """The file's bytes."""
        raise NotImplementedError

    # -- the document ----------------------------------------------------------------

    @property
    def look(self) -> Look:
        """The build's look: its theme's, as cv_look changes it."""
        return of_config(self.config.cv_theme, self.config.cv_look)

    @property
    def typesetter(self) -> Typesetter:
        """Typst, with the template and fonts of the PDF: it measures."""
        if self._typesetter is None:
            template = self.config.cv_pdf_template
            path = Path(self.confdir, template) if template else TEMPLATE
            sources = [
                Path(self.env.doc2path(doc)) for doc in sorted(self.env.found_docs)
            ]
            bibs = getattr(self.config, "bibtex_bibfiles", [])
            sources += [Path(self.srcdir, bib) for bib in bibs]
            fonts = [*self.look.pdf_fonts, *self.config.cv_pdf_fonts]
            # The build's own folder for Typst's files: one per output
            # folder, as the PDF and the Word file share their doctrees.
            where = hashlib.sha256(
                str(Path(self.outdir).resolve()).encode()
            ).hexdigest()
            folder = Path(self.doctreedir, "typst", f"{self.name}-{where[:12]}")
            self._typesetter = Typesetter(
                path, list(dict.fromkeys(fonts)), sources, folder
            )
        return self._typesetter

    def document(self, blocks: d.Blocks, keywords: tuple[str, ...]) -> d.Document:
        """The document with what its file says of itself."""
        config = self.config
        person = CVDomain.of(self.env).person
        name = person.name if person else config.project
        variant = variants.active(config)
        language, _sep, region = config.language.replace("-", "_").partition("_")
        title = f"{name}: {variant.title}" if variant else name
        what = str(_("Curriculum vitae"))
        if letters.is_letter(config):
            what = str(_("Cover letter"))
            title = f"{name}: {self.subject or what}"
        photo = self.photo()
        look = self.look
        if look.columns == 2:
            blocks = _asides(blocks)
        return d.Document(
            body=blocks,
            photo=str(photo) if photo else "",
            photo_alt=name if photo else "",
            title=title,
            author=config.author or name,
            subject=what,
            keywords=keywords,
            lang=language.lower(),
            region=region.lower() or None,
            colon=str(_(": ")),
            continued=str(_("{section} (continued)")),
            paper=config.cv_pdf_paper,
            look=look.as_dict(),
        )

    def photo(self) -> Path | None:
        """The person's portrait, where cv_photo prints it; a warning at the
        person's line if its file is not there."""
        person = CVDomain.of(self.env).person
        if not (self.config.cv_photo and person is not None and person.photo):
            return None
        page = Path(self.env.doc2path(person.docname)).parent
        found = (page / person.photo).resolve()
        if not found.is_file():
            warn(
                Problem.VALUE,
                "cv:person: :photo: %s is not a file beside the page",
                person.photo, location=(person.docname, person.lineno),
            )  # fmt: skip
            return None
        return found

    @property
    def filename(self) -> str:
        person = CVDomain.of(self.env).person
        name = person.name if person else ""
        if letters.is_letter(self.config):
            # ada-lovelace-letter-acme
            person_name = variants.named(name or self.config.project).removesuffix(
                "-cv"
            )
            return f"{person_name}-letter-{self.config.cv_letter}"
        return variants.filename(self.config, name)

    def finish(self) -> None:
        if self.blocks is None:
            return
        if self.config.cv_variant and variants.active(self.config) is None:
            self._app.statuscode = 1  # not declared: said at conf.py's line
            return
        try:
            output = self.render(self.fitted())
        except Stopped:
            self._app.statuscode = 1
            return
        target = Path(self.outdir) / f"{self.filename}.{self.suffix}"
        warned = getattr(self._app, "_warncount", 0)
        if warned and getattr(self._app, "_fail_on_warnings", False):
            # A strict build (-W) that warned keeps the last good file.
            logger.info(
                "%s: not written (%d warnings); the previous stays", target, warned
            )
            self._app.statuscode = 1
            return
        partial = target.with_name(f"{target.name}.partial")
        partial.write_bytes(output)
        partial.replace(target)
        logger.info("%s", target)

    def fitted(self) -> d.Document:
        """The document to write: the CV within its pages, or a version
        with the fill entries that fit."""
        assert self.blocks is not None
        variant = variants.active(self.config)
        domain = CVDomain.of(self.env)
        selection = Selection(
            self.blocks, variant, self.config.root_doc, domain.skills()
        )
        if variant is not None:
            return self._fit(selection, variant)
        document = self.document(*selection.keeping())
        if letters.is_letter(self.config):
            # A letter is one page, always.
            layout = self.typesetter.layout(document)
            if self.paged and layout.overflow(1):
                self._overflow("the letter", 1, layout, "")
            return document
        limit = self.config.cv_pdf_pages
        if self.paged and limit:
            layout = self.typesetter.layout(document)
            if layout.overflow(limit):
                self._overflow("the CV", limit, layout, "cv_pdf_pages")
        return document

    def _overflow(self, what: str, limit: int, layout: Layout, setting: str) -> None:
        """Stop: *what* runs over its pages; *setting* allows more ("": a
        letter, which shortens)."""
        over = layout.overflow(limit)
        lines = round(over / layout.line)
        if not setting:
            page = letters.docname(self.config)
            warn(
                Problem.PAGES,
                "%s does not fit one page: it runs %.0fpt (about %d lines) "
                "over; shorten it",
                what, over, lines, location=(page, 1), stop=True,
            )  # fmt: skip
            raise Stopped
        warn(
            Problem.PAGES,
            "%s does not fit %d page(s): it runs %.0fpt (about %d lines) over; "
            "keep fewer entries or allow more pages (%s in conf.py)",
            what, limit, over, lines, setting,
            location=conf_line(self._app, setting), stop=True,
        )  # fmt: skip
        raise Stopped

    def _fit(self, selection: Selection, variant: variants.Variant) -> d.Document:
        """The version with each of its fill entries, in order, that fits:
        as the last build of any format found them, if nothing that sets
        the pages has changed since (every format of a version holds the
        same selection, and Typst measures it once)."""
        record = Path(self.doctreedir) / f"cv-fit-{variant.name}.json"
        key = self._fit_key(selection, variant)
        found = json.loads(record.read_text("utf-8")) if record.is_file() else {}
        if found.get("key") == key:
            kept, pages = found["kept"], found["pages"]
            document = self.document(*selection.keeping(kept))
        else:
            kept, document, pages = self._fit_anew(selection, variant)
            record.write_text(
                json.dumps({"key": key, "kept": kept, "pages": pages}), "utf-8"
            )
        left = [entry_id for entry_id in variant.fill if entry_id not in kept]
        logger.info(
            "%s: %s, %d page(s)%s%s",
            f"{self.filename}.{self.suffix}", variant.title, pages,
            f"; with {', '.join(kept)}" if kept else "",
            f"; left out for room: {', '.join(left)}" if left else "",
        )  # fmt: skip
        return document

    def _fit_key(self, selection: Selection, variant: variants.Variant) -> str:
        """A digest of what sets a version's pages: its document and what it
        declares, the paper, the look, the fonts at hand and the template."""
        setting = {
            "blocks": d.as_json(selection.blocks),
            "variant": dataclasses.asdict(variant),
            "paper": self.config.cv_pdf_paper,
            "language": self.config.language,
            "look": self.look.as_dict(),
            "fonts": self.typesetter.families,
            "template": self.typesetter.template.read_text("utf-8"),
        }
        text = json.dumps(setting, ensure_ascii=False, sort_keys=True)
        return hashlib.sha256(text.encode("utf-8")).hexdigest()

    def _fit_anew(
        self, selection: Selection, variant: variants.Variant
    ) -> tuple[list[str], d.Document, int]:
        """Each fill entry, in order, kept if it still fits (Typst sets the
        candidates); the entries kept, the document, its pages."""
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
        return kept, document, layout.pages


def _asides(blocks: d.Blocks) -> d.Blocks:
    """*blocks* with each page a narrow column would hold so marked."""
    marked: list[d.Block] = []
    for block in blocks:
        if isinstance(block, d.Part):
            block = dataclasses.replace(block, aside=d.aside(block))
        elif isinstance(block, d.Section):
            block = dataclasses.replace(block, body=_asides(block.body))
        marked.append(block)
    return tuple(marked)
