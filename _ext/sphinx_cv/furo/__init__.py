"""What sphinx-cv adds to furo, loaded only when furo draws the pages.

sphinx-cv works under any theme. furo, the theme this CV is published in,
gets four things more, which no other theme needs or could use:

- its navigation made once a build rather than once a page
  (:mod:`sphinx_cv.furo.navigation`), so that a site's build stays linear
  in its pages;
- its English words (aria-labels, icons' titles, the footer's possessive)
  put through the catalog (:mod:`sphinx_cv.furo.words`), by the layer's
  ``templates/page.html``;
- its sidebar's search form given the submit button it lacks
  (``templates/sidebar/search.html``);
- its page around ``cv.html`` left out when that is printed (:data:`PRINT`).

The templates are the package's, so every project on furo gets them and
needs no ``_templates`` of its own; a project's own ``templates_path``
still comes first. This module imports nothing of furo: the two that do are
imported once the builder is known to draw with furo, so a project on any
other theme, or with furo not installed, never loads it.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sphinx.builders.html import StandaloneHTMLBuilder

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.builders import Builder

#: What printing ``cv.html`` leaves out of furo's page around the CV, and
#: how it lets the CV take the page's width.
PRINT = """
  .sidebar-drawer, .toc-drawer, .mobile-header, .back-to-top, .theme-toggle-container,
  .related-pages, .bottom-of-page, .skip-to-content,
  .content-icon-container { display: none !important; }
  .page, .main, .content, .article-container, article[role="main"] {
    display: block; margin: 0; padding: 0; width: auto; max-width: none;
  }
"""

#: The layer's templates: furo's page and its sidebar's search form.
TEMPLATES = Path(__file__).with_name("templates")


def draws_with_furo(builder: Builder) -> bool:
    """Whether *builder* renders its pages with furo: the HTML builders when
    ``html_theme`` is furo, not the ePub's, which has a theme of its own
    (``epub_theme``) whatever ``html_theme`` says."""
    return isinstance(builder, StandaloneHTMLBuilder) and builder.theme.name == "furo"


def add_templates(builder: StandaloneHTMLBuilder) -> None:
    """Put the layer's templates after the project's own, before furo's.

    The builder made its template loader from ``templates_path`` when it was
    made, before ``builder-inited``: the loader is made again with the
    layer's folder at the end of that list, and the list given back as the
    project wrote it. So the configuration Sphinx hashes into the site's
    ``.buildinfo`` names no folder of this checkout (two checkouts build the
    same bytes), and ``make gettext`` does not read the layer's words into
    the project's catalog (they are in the package's, or Sphinx's)."""
    config = builder.config
    own = config.templates_path
    config.templates_path = [*own, str(TEMPLATES)]
    try:
        builder.templates.init(builder, builder.theme)
    finally:
        config.templates_path = own


def load(app: Sphinx) -> None:
    """Add the layer to a build drawn with furo; leave any other alone."""
    if not draws_with_furo(app.builder):
        return
    # Here, not at the top: these import furo.
    from sphinx_cv.furo.navigation import setup_navigation
    from sphinx_cv.furo.words import setup_words

    builder = app.builder
    assert isinstance(builder, StandaloneHTMLBuilder)
    add_templates(builder)
    setup_navigation(app)
    setup_words(app)


def setup_furo(app: Sphinx) -> None:
    # Before other listeners of the event: remaking the template loader
    # would drop what one of them had added to its environment.
    app.connect("builder-inited", load, priority=100)
