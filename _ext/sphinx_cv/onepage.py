"""The whole CV on one web page: ``cv.html``, and a page for each version.

Every build of the site writes ``cv.html`` beside its pages: the document
the PDF prints (:mod:`sphinx_cv.printed`: the same blocks, in the same
order; its skills index is the site's own page, which every skill links to)
as HTML, in the site's theme, light and dark. It reads as a résumé
parser wants it: the name the one ``h1``, each section an ``h2`` in a
``section``, each entry's first line an ``h3`` that links to the entry's own
page, with its dates; the contact line as text, each icon beside it
decorative; lists, no tables. Its JSON-LD is the whole Person, and its own
stylesheet prints it with the PDF's look.

Each version of the CV gets a page of its own from the builder ``onepage``
(``sphinx-cv variant`` and ``downloads`` run it beside the PDF and the Word
file): the PDF's selection, fitted by the PDF's own layout, as a page that
stands alone (light and dark, printable), offered in the downloads and not
in the site's navigation.
"""

from __future__ import annotations

import html
import posixpath
import re
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import docutils.nodes
from sphinx import addnodes
from sphinx.util.console import darkgreen  # type: ignore[attr-defined]
from sphinx.util.nodes import inline_all_toctrees, process_only_nodes
from sphinx.util.tags import Tags
from sphinx_design.icons import get_octicon

from sphinx_cv import pdf, printed
from sphinx_cv.domain import CVDomain
from sphinx_cv.site import ONE_PAGE, is_website
from sphinx_cv.stylesheets import minified

if TYPE_CHECKING:
    from collections.abc import Iterator

    from docutils import nodes
    from sphinx.application import Sphinx
    from sphinx.builders import Builder

#: The octicon beside each kind of address on the contact line.
ICONS = (
    ("mailto:", "mail"),
    ("tel:", "device-mobile"),
    ("https://github.com", "mark-github"),
)


def _icon(url: str) -> str:
    """A decorative icon for *url*: the text beside it says what it is. The
    page styles it itself, without sphinx-design's stylesheet."""
    name = next((icon for start, icon in ICONS if url.startswith(start)), "link")
    svg = get_octicon(name if url else "location")
    return re.sub(r'class="[^"]*"', 'class="cv-icon"', svg, count=1)


def _id(label: str) -> str:
    """An HTML id for a label of the printed document (``page#anchor``)."""
    return re.sub(r"[^A-Za-z0-9_-]+", "-", label).strip("-") or "cv"


def section_id(block: printed.Block) -> str:
    """A section's id: its page's name (``experience``, ``skills``)."""
    labels = block.get("labels") or ["section"]
    page = labels[0].split("#")[0].removesuffix("/index")
    return "section-" + _id(page)


class Writer:
    """The printed document's blocks as HTML.

    *entry_pages* gives each entry's own page, which its heading links to
    (the site's pages; none for a page that stands alone); links inside the
    document (``to``) go to the place on this page.
    """

    def __init__(self, entry_pages: dict[str, str], language: str = "en") -> None:
        self.entry_pages = entry_pages
        # Between a line's what and its when: a space where words are spaced
        # (a parser reads "Champaign 2021"); the layout parts them anyway.
        self.gap = "" if language in ("zh", "ja", "ko") else " "

    def page(self, blocks: list[printed.Block]) -> str:
        targets = set(printed.targets(blocks))
        self.targets = targets
        return "".join(self.block(block) for block in blocks)

    def _anchors(self, labels: list[str]) -> str:
        return "".join(
            f'<span id="{_id(label)}"></span>'
            for label in labels
            if label in self.targets
        )

    def block(self, block: printed.Block) -> str:
        kind = block["type"]
        anchors = self._anchors(block.get("labels", []))
        if kind == "section":
            level = min(block["level"], 6)
            body = "".join(self.block(child) for child in block["body"])
            heading = f"<h{level}>{anchors}{self.runs(block['title'])}</h{level}>"
            if level == 1:
                return (
                    f"<header>{heading}{self._contacts(block['body'])}</header>{body}"
                )
            return f'<section id="{section_id(block)}">{heading}{body}</section>'
        if kind == "anchor":
            return anchors
        if kind == "paragraph":
            return f"<p>{anchors}{self.runs(block['body'])}</p>"
        if kind == "contacts":
            return ""  # in the header, under the name
        if kind == "list":
            tag = "ol" if block["numbered"] else "ul"
            reverse = " reversed" if block.get("reversed") else ""
            items = "".join(f"<li>{self._item(item)}</li>" for item in block["items"])
            return f"{anchors}<{tag}{reverse}>{items}</{tag}>"
        if kind == "terms":
            rows = "".join(
                f"<dt>{self._anchors(item['labels'])}{self.runs(item['term'])}</dt>"
                f"<dd>{self.runs(item['body'])}</dd>"
                for item in block["items"]
            )
            return f'{anchors}<dl class="cv-terms">{rows}</dl>'
        if kind == "columns":
            return "".join(self.block(child) for child in block["body"])
        if kind == "citation":
            label = html.escape(block["label"])
            body = self.runs(block["body"])
            return f'<p class="cv-citation">{anchors}[{label}] {body}</p>'
        if kind == "code":
            return f"<pre>{html.escape(block['text'])}</pre>"
        if kind == "entry":
            return self.entry(block, anchors)
        return ""

    def _item(self, blocks: list[printed.Block]) -> str:
        """A list item: a lone paragraph's text as it is, else its blocks."""
        if len(blocks) == 1 and blocks[0]["type"] == "paragraph":
            return self._anchors(blocks[0]["labels"]) + self.runs(blocks[0]["body"])
        return "".join(self.block(block) for block in blocks)

    def _contacts(self, body: list[printed.Block]) -> str:
        found = next((b for b in body if b["type"] == "contacts"), None)
        if found is None:
            return ""
        items = []
        for item in found["items"]:
            text = html.escape(item["text"])
            if item["url"]:
                text = f'<a href="{html.escape(item["url"])}">{text}</a>'
            items.append(f'<span class="cv-contact">{_icon(item["url"])} {text}</span>')
        label = (
            f'<p class="cv-label">{html.escape(found["label"])}</p>'
            if found["label"]
            else ""
        )
        return f'{label}<p class="cv-contacts">{" · ".join(items)}</p>'

    def entry(self, block: printed.Block, anchors: str) -> str:
        """An entry: its first line a heading, linking to its own page."""
        level = min(block["level"], 6)
        lines = []
        for number, line in enumerate(block["lines"]):
            main = self.runs(line["main"])
            own = self.entry_pages.get(block["id"])
            if number == 0 and own and "<a " not in main:
                main = f'<a href="{html.escape(own)}">{main}</a>'
            aside = (
                f'{self.gap}<span class="cv-entry-aside">{html.escape(line["aside"])}'
                "</span>"
                if line["aside"]
                else ""
            )
            tag = f"h{level}" if number == 0 else "p"
            lines.append(
                f'<{tag} class="cv-entry-line"><span class="cv-entry-main">'
                f"{main}</span>{aside}</{tag}>"
            )
        details = (
            f'<p class="cv-entry-details">{self.runs(block["details"])}</p>'
            if block["details"]
            else ""
        )
        body = "".join(self.block(child) for child in block["body"])
        header = f'<div class="cv-entry-header">{"".join(lines)}</div>'
        entry_id = f' id="cv-{block["id"]}"' if block["id"] else ""
        inside = f"{anchors}{header}{details}{body}"
        return f'<article class="cv-entry"{entry_id}>{inside}</article>'

    def runs(self, runs: list[printed.Run]) -> str:
        out = []
        for run in runs:
            if "text" in run:
                out.append(html.escape(run["text"]))
            elif "pieces" in run:
                out.append("<wbr>".join(html.escape(piece) for piece in run["pieces"]))
            elif "strong" in run:
                out.append(f"<strong>{self.runs(run['strong'])}</strong>")
            elif "emph" in run:
                out.append(f"<em>{self.runs(run['emph'])}</em>")
            elif "code" in run:
                out.append(f"<code>{html.escape(run['code'])}</code>")
            elif "url" in run:
                href = html.escape(run["url"])
                out.append(f'<a href="{href}">{self.runs(run["body"])}</a>')
            elif "to" in run:
                href = f"#{_id(run['to'])}" if run["to"] in self.targets else ""
                body = self.runs(run["body"])
                out.append(f'<a href="{href}">{body}</a>' if href else body)
        return "".join(out)


# -- cv.html, in every build of the site ------------------------------------------

#: The printed document's tags: what ``{only}`` keeps for print, not the web.
PRINTED_TAGS = ("pdf", "format_pdf", "builder_pdf")


def _unfilled_citations(app: Sphinx) -> None:
    """Empty sphinxcontrib-bibtex's citations, as they are when read: it
    keeps one node an entry and fills it each time it resolves a page, so a
    second resolution (this one, after the site's) would print it twice."""
    cite = app.env.domains.get("cite")
    for bibliography in getattr(cite, "bibliographies", {}).values():
        for node in bibliography.citation_nodes.values():
            del node[:]


def printed_tree(app: Sphinx) -> nodes.document:
    """The CV as the PDF prints it but for its skills index, its links
    resolved for the site."""
    _unfilled_citations(app)
    env, builder, root = app.env, app.builder, app.config.root_doc
    tree = inline_all_toctrees(
        builder, set(), root, env.get_doctree(root), darkgreen, [root]
    )
    process_only_nodes(tree, Tags(list(PRINTED_TAGS)))
    # The skills index is the site's page of its own, which every skill on
    # this one links to: a list of links to what this page holds.
    index = CVDomain.of(env).skills_index_doc
    for part in list(tree.findall(addnodes.start_of_file)):
        if part["docname"] == index:
            part.parent.remove(part)
    env.resolve_references(tree, root, builder)
    _rebased(tree, builder, builder.get_target_uri(ONE_PAGE))
    printed.shape(tree)
    tree["docname"] = root
    return tree


def _on_site(uri: str) -> bool:
    """Whether *uri* is a page of the site, relative to the one it is on."""
    return bool(uri) and not urlsplit(uri).scheme and not uri.startswith(("#", "/"))


def _rebased(tree: nodes.Element, builder: Builder, page: str) -> None:
    """Make each link relative to *page*: links were resolved from the page
    each part of the CV comes from (``../skills-index.html`` from
    ``experience/``), and now all sit on one page."""
    here = posixpath.dirname(page) or "."

    def rebase(node: nodes.Element, base: str) -> None:
        for child in node.children:
            if isinstance(child, addnodes.start_of_file):
                rebase(
                    child, posixpath.dirname(builder.get_target_uri(child["docname"]))
                )
                continue
            if not isinstance(child, docutils.nodes.Element):
                continue
            uri = child.get("refuri", "")
            if isinstance(child, docutils.nodes.reference) and _on_site(uri):
                target = posixpath.normpath(posixpath.join(base, uri))
                child["refuri"] = posixpath.relpath(target, here)
            rebase(child, base)

    rebase(tree, here)


#: The page's own stylesheet: printed, it looks like the PDF (and it names
#: the fonts, which résumé checkers read from the page itself).
STYLE = """
.cv-onepage h3.cv-entry-line { font-size: 1em; font-weight: normal; padding: 0; }
.cv-onepage .cv-entry { margin: 1.1rem 0 1.4rem; }
.cv-onepage .cv-icon { fill: currentColor; vertical-align: -0.15em; }
.cv-onepage .cv-entry-aside { margin-left: auto; }
@media print {
  @page { margin: 1.1cm 1.4cm; }
  .sidebar-drawer, .toc-drawer, .mobile-header, .back-to-top, .theme-toggle-container,
  .related-pages, .bottom-of-page, nav.cv-editions, .skip-to-content,
  .content-icon-container { display: none !important; }
  .page, .main, .content, .article-container, article[role="main"] {
    display: block; margin: 0; padding: 0; width: auto; max-width: none;
  }
  html body .cv-onepage { font: 9.5pt/1.3 "Libertinus Serif", Georgia,
    "Times New Roman", serif; color: #000; }
  html body .cv-onepage :is(p, li, dt, dd, span) { font-size: 9.5pt; line-height: 1.3; }
  html body .cv-onepage :is(h1, h2, h3) { font-family: inherit; }
  html body .cv-onepage h1 { font-size: 20pt; text-align: center; margin: 0; }
  html body .cv-onepage header p { text-align: center; margin: 0 0 5pt; }
  html body .cv-onepage h2 { font-size: 10.5pt; text-transform: uppercase;
    color: #1f3a5f; border-bottom: 0.5pt solid #1f3a5f; margin: 7pt 0 2pt;
    padding: 0 0 1pt; break-after: avoid; }
  html body .cv-onepage .cv-entry { margin: 5pt 0 0; }
  html body .cv-onepage .cv-entry-header { margin: 0; break-after: avoid; }
  html body .cv-onepage :is(p, ul, ol, dl, dd) { margin: 0 0 1.5pt; }
  html body .cv-onepage :is(ul, ol) { padding-left: 1.2em; }
  html body .cv-onepage li { margin: 0; }
  html body .cv-onepage a { color: inherit; text-decoration: none; }
  html body .cv-onepage .cv-entry-details { font-size: 8.5pt; }
  html body .cv-onepage h3.cv-entry-line { margin: 0; padding: 0; }
  html body .cv-onepage .cv-terms :is(dt, dd) { display: inline; margin: 0;
    font-size: 8.5pt; }
  html body .cv-onepage .cv-terms dd::after { content: "\\A"; white-space: pre; }
  html body .cv-onepage .cv-terms dt::after { content: ": "; }
  html body .cv-onepage .cv-citation { font-size: 8.5pt; }
}
"""


#: A version's page stands alone: the site's look, without the site.
ALONE = """
:root { color-scheme: light dark; --fg: #1f2328; --muted: #59636e; --bg: #fff;
  --link: #1f3a5f; }
@media (prefers-color-scheme: dark) {
  :root { --fg: #e6edf3; --muted: #9198a1; --bg: #0d1117; --link: #8cb4e8; }
}
body { margin: 0; background: var(--bg); color: var(--fg);
  font: 16px/1.5 -apple-system, BlinkMacSystemFont, "Segoe UI", Helvetica, Arial,
  sans-serif; }
main { max-width: 46rem; margin: 0 auto; padding: 1.5rem 1rem 3rem; }
a { color: var(--link); }
h1 { font-size: 2.2rem; margin: 0 0 0.25rem; }
h2 { font-size: 1.4rem; margin: 2rem 0 0.5rem; }
.cv-entry-line { display: flex; flex-wrap: wrap; column-gap: 1.5rem; margin: 0; }
.cv-entry-aside, .cv-entry-details { color: var(--muted); }
.cv-entry-details { font-size: 0.9em; margin: 0.25rem 0; }
"""


def standalone(data: dict[str, Any], body: str) -> str:
    """A page of its own: the version's title, language and styles."""
    lang = "-".join(p for p in (data["lang"], (data["region"] or "").upper()) if p)
    title = html.escape(data["title"])
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{title}</title>\n"
        f'<meta name="description" content="{html.escape(data["subject"])}: {title}">\n'
        f"<style>{minified(ALONE + STYLE)}</style>\n</head>\n"
        f'<body>\n<main class="cv-onepage">{body}</main>\n</body>\n</html>\n'
    )


class CVPageBuilder(pdf.CVPDFBuilder):
    """A version of the CV on a page of its own: the PDF's document and
    selection, as HTML (``sphinx-cv variant`` writes it beside the PDF)."""

    name = "onepage"
    format = "onepage"
    epilog = "The page is in %(outdir)s."
    suffix = "html"

    def render(self, document: dict[str, Any]) -> bytes:
        domain = CVDomain.of(self.env)
        pages = {
            entry.id: f"{entry.docname}.html#{entry.anchor}"
            for entry in domain.entries.values()
        }
        body = Writer(pages, document["lang"]).page(document["body"])
        return standalone(document, body).encode("utf-8")


def collect(app: Sphinx) -> Iterator[tuple[str, dict[str, Any], str]]:
    """``cv.html``: the whole CV in the site's theme (html-collect-pages)."""
    if not is_website(app.builder):
        return
    blocks = printed.data(printed_tree(app))
    domain = CVDomain.of(app.env)
    pages = {
        entry.id: app.builder.get_target_uri(entry.docname) + f"#{entry.anchor}"
        for entry in domain.entries.values()
    }
    language = (app.config.language or "en").split("_")[0]
    body = Writer(pages, language).page(blocks)
    name = domain.person.name if domain.person else app.config.project
    context = {
        "title": html.escape(name),
        "body": f'<div class="cv-onepage">{body}</div>',
        "metatags": f"<style>{minified(STYLE)}</style>\n",
        "sourcename": "",
        "meta": {},
    }
    yield ONE_PAGE, context, "page.html"


def setup_onepage(app: Sphinx) -> None:
    app.add_builder(CVPageBuilder)
    app.connect("html-collect-pages", collect)
