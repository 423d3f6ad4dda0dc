"""The whole CV on one web page: ``cv.html``, in every build of the site.

Every build of the site writes ``cv.html`` beside its pages: the document
the PDF prints (the same blocks, in the same order; its skills index is the
site's own page, which every skill links to) written as HTML by the printed
document's page writer (:mod:`sphinx_cv.printed.page`), in the site's
theme, light and dark. Its JSON-LD is the whole Person, and its own
stylesheet prints it with the PDF's look.
"""

from __future__ import annotations

import html
import posixpath
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import docutils.nodes
from sphinx import addnodes
from sphinx.util.nodes import process_only_nodes
from sphinx.util.tags import Tags

from sphinx_cv.domain import CVDomain
from sphinx_cv.furo import PRINT, draws_with_furo
from sphinx_cv.look import of_config
from sphinx_cv.printed.convert import convert, inline_pages
from sphinx_cv.printed.page import Writer, print_style
from sphinx_cv.site import ONE_PAGE, is_website
from sphinx_cv.stylesheets import minified

if TYPE_CHECKING:
    from collections.abc import Iterator

    from docutils import nodes
    from sphinx.application import Sphinx
    from sphinx.builders import Builder


# -- cv.html, in every build of the site ------------------------------------------

#: The printed document's tags: what ``{only}`` keeps for print, not the web.
PRINTED_TAGS = ("printed", "format_printed")


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
    tree = inline_pages(env, env.get_doctree(root), [root])
    process_only_nodes(tree, Tags(list(PRINTED_TAGS)))
    # The skills index is the site's page of its own, which every skill on
    # this one links to: a list of links to what this page holds.
    index = CVDomain.of(env).skills_index_doc
    for part in list(tree.findall(addnodes.start_of_file)):
        if part["docname"] == index:
            part.parent.remove(part)
    env.resolve_references(tree, root, builder)
    _rebased(tree, builder, builder.get_target_uri(ONE_PAGE))
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


def collect(app: Sphinx) -> Iterator[tuple[str, dict[str, Any], str]]:
    """``cv.html``: the whole CV in the site's theme (html-collect-pages)."""
    if not is_website(app.builder):
        return
    domain = CVDomain.of(app.env)
    blocks = convert(printed_tree(app), domain.entries)
    pages = {
        entry.id: app.builder.get_target_uri(entry.docname) + f"#{entry.anchor}"
        for entry in domain.entries.values()
    }
    language = (app.config.language or "en").split("_")[0]
    body = Writer(pages, language).page(blocks)
    name = domain.person.name if domain.person else app.config.project
    chrome = PRINT if draws_with_furo(app.builder) else ""
    look = of_config(app.config.cv_theme, app.config.cv_look)
    context = {
        "title": html.escape(name),
        "body": f'<div class="cv-onepage">{body}</div>',
        "metatags": f"<style>{minified(print_style(look, chrome))}</style>\n",
        "sourcename": "",
        "meta": {},
    }
    yield ONE_PAGE, context, "page.html"


def setup_onepage(app: Sphinx) -> None:
    app.connect("html-collect-pages", collect)
