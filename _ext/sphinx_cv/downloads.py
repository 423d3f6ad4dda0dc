"""The downloads box: each file the site offers, what it is, and its size.

``sphinx-cv downloads`` (``make all``; on Read the Docs, the ``pre_build``
job) builds every file of the CV that the table of outputs
(:data:`sphinx_cv.outputs.OUTPUTS`) names: its PDF, Word file, ePub,
Markdown and plain text, and each version's, into the downloads folder
(``cv_downloads_dir``; by default ``downloads`` beside the site's output
folder). A build of the
site then publishes them beside its pages, under their own names, and
``cv:downloads`` lists them, grouped by what they are ("Full CV", each
version with the parts of the CV it holds), with each file's type and size,
in the edition's language; then the exports (``resume.json``,
``rendercv.yaml``), and the other editions' files at their addresses. The
box is filled when the page is written, so that it names what is there:
when the files change, every page is written again
(:mod:`sphinx_cv.freshness`). The head of each page names the PDF and the
JSON Resume file as alternates, and the index page's JSON-LD the PDF.
"""

from __future__ import annotations

import html
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.util.docutils import SphinxDirective

from sphinx_cv import editions
from sphinx_cv.domain import CVDomain
from sphinx_cv.i18n import _, note_catalogs
from sphinx_cv.outputs import BY_SUFFIX
from sphinx_cv.site import ONE_PAGE, is_page, is_website
from sphinx_cv.variants import Variant, filename

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

#: The exports every build of the source edition writes.
EXPORTS = {"resume.json": "JSON Resume", "rendercv.yaml": "RenderCV"}


class downloads(nodes.General, nodes.Element):
    """Where the box goes; filled when the page is written."""


class DownloadsDirective(SphinxDirective):
    """``cv:downloads``: the box of the files the site offers."""

    def run(self) -> list[nodes.Node]:
        note_catalogs(self.env)
        return [downloads()]


def folder(app: Sphinx) -> Path:
    """Where ``sphinx-cv downloads`` put the files the site offers."""
    given = app.config.cv_downloads_dir
    return Path(app.confdir, given) if given else Path(app.outdir).parent / "downloads"


def leave_out_of_sources(app: Sphinx, config: Config) -> None:
    """The downloads folder holds no page, where it is inside the sources
    (Read the Docs' output folder is in the checkout): its Markdown résumé
    would be read as one."""
    found = folder(app).resolve()
    sources = Path(app.srcdir).resolve()
    if found.is_relative_to(sources):
        config.exclude_patterns = [
            *config.exclude_patterns,
            found.relative_to(sources).as_posix(),
        ]


def offered(app: Sphinx) -> list[Path]:
    """The files the site offers, by name, then format (PDF, Word, ePub)."""
    found = folder(app)
    if not found.is_dir():
        return []
    order = list(BY_SUFFIX)
    files = [p for p in found.iterdir() if p.suffix in BY_SUFFIX and p.is_file()]
    return sorted(files, key=lambda p: (p.stem, order.index(p.suffix)))


def size(path: Path) -> str:
    """A file's size as a reader reads it: ``84 KB``, ``1.2 MB``."""
    count = path.stat().st_size
    if count < 1024 * 1024:
        return f"{max(1, round(count / 1024))} KB"
    return f"{count / 1024 / 1024:.1f} MB"


@dataclass(frozen=True)
class Group:
    """Files of one document in its formats: the full CV, or a version and
    the parts of the CV it holds."""

    label: str
    files: list[Path]
    parts: str = ""


def groups(config: Config, files: list[Path], titles: dict[str, str]) -> list[Group]:
    """The full CV's files, then each version's, as the box lists them: a
    version by its title, its pages and the parts of the CV it holds."""
    versions = [
        Variant.parse(name, data, config.cv_tags)
        for name, data in config.cv_variants.items()
    ]
    theirs = {version.filename for version in versions}
    full = [p for p in files if p.stem not in theirs]
    found = [Group(str(_("Full CV")), full)] if full else []
    for version in versions:
        own = [p for p in files if p.stem == version.filename]
        if not own:
            continue
        parts = str(_(", ")).join(
            titles[doc] for doc in version.sections if doc in titles
        )
        said = (
            _("{title}, one page")
            if version.pages == 1
            else _("{title}, {count} pages")
        )
        label = said.format(title=version.title, count=version.pages)
        found.append(Group(label, own, _(" ({parts})").format(parts=parts)))
    return found


def _link(text: str, url: str) -> nodes.reference:
    """A link whose text names the file's type (and size), for every reader."""
    return nodes.reference(text, text, refuri=url)


def _line(label: str, links: list[nodes.reference], parts: str = "") -> nodes.list_item:
    line = nodes.paragraph()
    line += nodes.strong(label, label)
    if parts:
        line += nodes.inline(parts, parts, classes=["cv-downloads-parts"])
    line += nodes.Text(str(_(": ")))
    for number, link in enumerate(links):
        if number:
            line += nodes.Text(" \u00b7 ")
        line += link
    return nodes.list_item("", line)


def fill(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """Fill each ``cv:downloads`` box of the page being written with what is
    there to download; outside the site, leave it out."""
    for found in list(doctree.findall(downloads)):
        found.replace_self(box(app, docname) if is_website(app.builder) else [])


def box(app: Sphinx, docname: str) -> nodes.Element:
    """The box: a line for each document's files, then the exports, then the
    other editions' full CV."""
    config = app.config
    up = "../" * docname.count("/")
    titles = {doc: title.astext() for doc, title in app.env.titles.items()}
    files = offered(app)
    items = nodes.bullet_list(classes=["cv-downloads"])
    for group in groups(config, files, titles):
        links = []
        for path in group.files:
            text = f"{BY_SUFFIX[path.suffix].label}{_(', ')}{size(path)}"
            links.append(_link(text, f"{up}{path.name}"))
        items += _line(group.label, links, group.parts)
    # The exports are the source edition's, in one canonical record; written
    # before any page (sphinx_cv.export), so their size is known.
    source = editions.is_source(config)
    base = up if source else editions.source_url(config)
    exports = []
    for name, label in EXPORTS.items():
        text = f"{label}{_(', ')}{size(Path(app.outdir, name))}" if source else label
        exports.append(_link(text, f"{base}{name}"))
    items += _line(str(_("Data")), exports)
    full = [p for p in files if p.stem == _full(app)]
    for name, url in _other_editions(config):
        links = [_link(str(BY_SUFFIX[p.suffix].label), f"{url}{p.name}") for p in full]
        if links:
            items += _line(name, links)
    heading = nodes.paragraph(classes=["cv-downloads-title"])
    whole = str(_("The whole CV on one page"))
    heading += nodes.reference(
        whole, whole, refuri=app.builder.get_relative_uri(docname, ONE_PAGE)
    )
    if files:
        # Without the files (a site built alone, not by make all), the box
        # promises no download: it offers the page and the data.
        heading += nodes.Text(" \u00b7 ")
        heading += nodes.strong(str(_("Download")), str(_("Download")))
    return nodes.container("", heading, items, classes=["cv-downloads-box"])


def _full(app: Sphinx) -> str:
    """The name of the whole CV's files."""
    person = CVDomain.of(app.env).person
    return filename(app.config, person.name if person else "")


def _other_editions(config: Config) -> list[tuple[str, str]]:
    """(name, address) of each edition but this one."""
    here = config.language
    found = editions.editions(config).items()
    return [(name, url) for language, (name, url) in found if language != here]


def alternates(
    app: Sphinx,
    pagename: str,
    templatename: str,
    context: dict[str, Any],
    doctree: nodes.document | None,
) -> None:
    """Name the CV's PDF and its JSON Resume in each page's head."""
    if not is_page(app.builder, pagename, doctree):
        return
    pdf = [p for p in offered(app) if p.stem == _full(app)]
    pdf = [p for p in pdf if p.suffix == ".pdf"]
    pathto = context["pathto"]
    links = []
    if pdf:
        href = pathto(pdf[0].name, 1)
        links.append(("application/pdf", href, str(_("Full CV"))))
    if editions.is_source(app.config):
        links.append(("application/json", pathto("resume.json", 1), "JSON Resume"))
    else:
        url = f"{editions.source_url(app.config)}resume.json"
        links.append(("application/json", url, "JSON Resume"))
    context["metatags"] += "".join(
        f'<link rel="alternate" type="{kind}" href="{html.escape(href)}" '
        f'title="{html.escape(title)}">\n'
        for kind, href, title in links
    )


def publish(app: Sphinx, exception: Exception | None) -> None:
    """Put the files the site offers beside its pages."""
    if exception is not None or not is_website(app.builder):
        return
    for path in offered(app):
        shutil.copyfile(path, Path(app.outdir, path.name))


def signature(app: Sphinx) -> list[tuple[str, int]]:
    """What the box shows of the downloads folder: each file and its size."""
    return [(path.name, path.stat().st_size) for path in offered(app)]


def setup_downloads(app: Sphinx) -> None:
    app.connect("config-inited", leave_out_of_sources)
    app.add_node(downloads)
    app.connect("doctree-resolved", fill)
    app.connect("html-page-context", alternates)
    app.connect("build-finished", publish)
