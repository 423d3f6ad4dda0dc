"""HTML markup fixes that apply to every HTML-based builder (HTML, ePub)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx import addnodes
from sphinx.transforms.post_transforms import SphinxPostTransform

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.writers.html5 import HTML5Translator


def visit_citation(self: HTML5Translator, node: nodes.citation) -> None:
    """Open a citation as a list item of the references list.

    Docutils gives each citation ``role="doc-biblioentry"``, a role ARIA 1.2
    deprecated: axe reports the enclosing ``role="list"`` as missing its
    required children and epubcheck warns.  The plain ``listitem`` role keeps
    the list semantics for screen readers; the closing tags are unchanged.
    """
    if not isinstance(node.previous_sibling(), nodes.citation):
        self.body.append('<div role="list" class="citation-list">\n')
    self.body.append(
        self.starttag(node, "div", classes=[node.tagname], role="listitem")
    )


def visit_title(self: HTML5Translator, node: nodes.title) -> None:
    """Give a toctree caption the heading level its heading role requires.

    Sphinx writes ``<p class="caption" role="heading">`` for the captions in
    the sidebar; without ``aria-level`` axe reports a critical violation and
    the Nu HTML Checker an error on every page. They head the navigation
    below the page's own title, so level 2.
    """
    parent = node.parent
    if isinstance(parent, addnodes.compact_paragraph) and parent.get("toctree"):
        level: dict[str, Any] = {"aria-level": "2"}
        self.body.append(
            self.starttag(node, "p", "", CLASS="caption", ROLE="heading", **level)
        )
        self.body.append('<span class="caption-text">')
        self.context.append("</span></p>\n")
    else:
        type(self).visit_title(self, node)


def visit_enumerated_list(self: HTML5Translator, node: nodes.enumerated_list) -> None:
    """A list marked ``{.reversed}`` counts down to 1, as HTML's ``<ol
    reversed>`` does (RenderCV's reversed-numbered entries); written as
    XHTML wants a boolean attribute, for the ePub."""
    type(self).visit_enumerated_list(self, node)
    if "reversed" in node["classes"]:
        self.body[-1] = self.body[-1].replace("<ol ", '<ol reversed="reversed" ', 1)


class AddressShown(SphinxPostTransform):
    """An entry's address reads as itself under every theme.

    The page gives an entry's address as its text, as the printed CV does.
    pydata-sphinx-theme (and sphinx-book-theme, built on it) shortens the
    text of every GitHub or GitLab link that reads as its own address to
    ``owner/repository``, and the address is no longer on the page: it is
    put back, after the theme's transform (the class it adds for its icon is
    kept).
    """

    default_priority = 900
    formats = ("html",)

    def run(self, **kwargs: Any) -> None:
        for source in self.document.findall(nodes.inline):
            if "cv-entry-url" not in source["classes"]:
                continue
            for reference in source.findall(nodes.reference):
                shown = str(reference["refuri"]).removeprefix("mailto:")
                if reference.astext() != shown:
                    reference.children = []
                    reference += nodes.Text(shown)


def setup_html(app: Sphinx) -> None:
    app.add_post_transform(AddressShown)
    app.add_node(nodes.citation, override=True, html=(visit_citation, None))
    app.add_node(nodes.title, override=True, html=(visit_title, None))
    app.add_node(
        nodes.enumerated_list, override=True, html=(visit_enumerated_list, None)
    )
