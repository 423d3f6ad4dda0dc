"""HTML markup fixes that apply to every HTML-based builder (HTML, ePub)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes

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


def setup_html(app: Sphinx) -> None:
    app.add_node(nodes.citation, override=True, html=(visit_citation, None))
