"""ePub support: valid XHTML, accessibility metadata, a reproducible book.

Sphinx's ePub template has no place for EPUB Accessibility metadata, gives
the NCX a ``dtb:uid`` that differs from the book's identifier, and zips the
book in build order with the files' own times.  After the build, the book is
written again: the package document gains the accessibility metadata, the
NCX the book's identifier, and the zip a fixed order and fixed times, so two
builds with the same ``SOURCE_DATE_EPOCH`` give the same bytes.

Sphinx's pages also leave out what accessibility checkers (Ace by DAISY)
ask of them: the content pages' ``<html>`` has no language, so a screen
reader cannot choose its voice, and the navigation document's table of
contents has no ARIA role.  The rewrite adds both.
"""

from __future__ import annotations

import os
import re
import time
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx_design.icons import sd_icon

from sphinx_cv.domain import CVDomain
from sphinx_cv.editions import language_tag
from sphinx_cv.variants import filename

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config
    from sphinx.environment import BuildEnvironment

SVG = 'xmlns="http://www.w3.org/2000/svg"'

#: EPUB Accessibility 1.1 metadata: what the book is, for reading systems.
ACCESSIBILITY = [
    ("schema:accessMode", "textual"),
    ("schema:accessModeSufficient", "textual"),
    ("schema:accessibilityFeature", "structuralNavigation"),
    ("schema:accessibilityFeature", "tableOfContents"),
    ("schema:accessibilityFeature", "readingOrder"),
    ("schema:accessibilityHazard", "none"),
    (
        "schema:accessibilitySummary",
        "A curriculum vitae in text: headings for every section, a table of "
        "contents, links between entries, and no images carrying information.",
    ),
    ("dcterms:conformsTo", "EPUB Accessibility 1.1 - WCAG 2.1 Level AA"),
]


class SvgNamespace(SphinxPostTransform):
    """Give inline SVG icons their namespace: the ePub's XHTML requires it
    (the web pages' HTML does not, and keeps sphinx-design's markup)."""

    default_priority = 400
    builders = ("epub",)

    def run(self, **kwargs: Any) -> None:
        for icon in self.document.findall(sd_icon):
            if SVG not in icon["svg"]:
                icon["svg"] = icon["svg"].replace("<svg ", f"<svg {SVG} ", 1)


def _package(opf: str, with_svg: list[str]) -> str:
    """The package document, with accessibility metadata, and the pages that
    hold inline SVG declared as such."""
    metadata = "".join(
        f'\n    <meta property="{name}">{value}</meta>' for name, value in ACCESSIBILITY
    )
    opf = opf.replace("</metadata>", f"{metadata}\n  </metadata>", 1)
    for href in with_svg:
        opf = re.sub(
            rf'(<item [^>]*href="{re.escape(href)}"[^>]*?)\s*/>',
            r'\g<1> properties="svg"/>',
            opf,
        )
    return opf


def _ncx(ncx: str, identifier: str) -> str:
    return re.sub(
        r'(<meta name="dtb:uid" content=")[^"]*(")', rf"\g<1>{identifier}\g<2>", ncx
    )


def _page(xhtml: str, language: str) -> str:
    """A page with its language on ``<html>`` (``lang`` for HTML,
    ``xml:lang`` for XML; the ePub's XHTML is read as both)."""
    start = re.search(r"<html\b[^>]*>", xhtml)
    if start is None or re.search(r"\slang=", start[0]):
        return xhtml
    tag = start[0][:-1] + f' lang="{language}" xml:lang="{language}">'
    return xhtml[: start.start()] + tag + xhtml[start.end() :]


def _nav(nav: str) -> str:
    """The navigation document, its table of contents given the ARIA role
    that matches its ``epub:type``."""
    return re.sub(r'<nav epub:type="toc"(?![^>]*\srole=)', r'\g<0> role="doc-toc"', nav)


def _timestamp() -> tuple[int, int, int, int, int, int]:
    """SOURCE_DATE_EPOCH as a zip time (from 1980, zip's epoch), or 1980."""
    epoch = max(int(os.environ.get("SOURCE_DATE_EPOCH", "0")), 315532800)
    return time.gmtime(epoch)[:6]


def rewrite(book: Path, identifier: str, language: str) -> None:
    """Rewrite *book* in place: metadata and the pages' language added,
    entries in a fixed order."""
    with zipfile.ZipFile(book) as old:
        files = {name: old.read(name) for name in old.namelist()}
    for name, data in files.items():
        if name.endswith(".xhtml"):
            files[name] = _page(data.decode(), language).encode()
    files["nav.xhtml"] = _nav(files["nav.xhtml"].decode()).encode()
    with_svg = [
        name
        for name, data in files.items()
        if name.endswith(".xhtml") and b"<svg" in data
    ]
    files["content.opf"] = _package(files["content.opf"].decode(), with_svg).encode()
    files["toc.ncx"] = _ncx(files["toc.ncx"].decode(), identifier).encode()
    order = ["mimetype", "META-INF/container.xml"]
    order += sorted(name for name in files if name not in order)
    stamp = _timestamp()
    with zipfile.ZipFile(book, "w") as new:
        for name in order:
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.external_attr = 0o644 << 16
            # The mimetype comes first and uncompressed, as the spec asks.
            info.compress_type = (
                zipfile.ZIP_STORED if name == "mimetype" else zipfile.ZIP_DEFLATED
            )
            new.writestr(info, files[name], compresslevel=9)


def name_book(app: Sphinx, env: BuildEnvironment) -> None:
    """Once the pages are read, name the book as the CV's other files are
    (:func:`sphinx_cv.variants.filename`: after the person, whom the pages
    give), before Sphinx writes it under that name."""
    if app.builder.name == "epub":
        person = CVDomain.of(env).person
        app.config.epub_basename = filename(app.config, person.name if person else "")


def finish_epub(app: Sphinx, exception: Exception | None) -> None:
    if exception is None and app.builder.name == "epub":
        book = Path(app.outdir) / f"{app.config.epub_basename}.epub"
        language = app.config.epub_language
        rewrite(book, app.config.epub_identifier, language)


def tag_language(config: Config) -> None:
    """The book's language as a language tag: Sphinx's ``zh_CN`` is not
    one (epubcheck: OPF-092), ``zh-CN`` is; Sphinx writes it into the
    package, the navigation, and here the pages. (Its file is named once
    the pages are read: :func:`name_book`.)"""
    config.epub_language = language_tag(config.epub_language or config.language)


def setup_epub(app: Sphinx) -> None:
    app.add_post_transform(SvgNamespace)
    app.connect("env-updated", name_book)
    app.connect("build-finished", finish_epub)
