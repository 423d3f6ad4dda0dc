"""What belongs to the web site: one test that every output of it asks.

The site is what an HTML builder writes as pages that link one another
(``html``, ``dirhtml``): they get the sitemap, the exports, the page
metadata and the language switch. The ePub (HTML inside a book) and
``singlehtml`` (every page in one) are not the site. Its pages are the
sources' and one more, the whole CV on one page (:mod:`sphinx_cv.onepage`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sphinx.builders.dirhtml import DirectoryHTMLBuilder
from sphinx.builders.html import StandaloneHTMLBuilder

if TYPE_CHECKING:
    from sphinx.builders import Builder

#: The builders whose output is the site, by name.
SITE_BUILDERS = {StandaloneHTMLBuilder.name, DirectoryHTMLBuilder.name}


#: The page of the whole CV, which no source has: ``cv.html``.
ONE_PAGE = "cv"


def is_website(builder: Builder) -> bool:
    """Whether *builder* writes the web site."""
    return builder.name in SITE_BUILDERS


def is_page(builder: Builder, pagename: str, doctree: object) -> bool:
    """Whether *pagename* is a page of the site: a source's, or the whole
    CV's (search and the like are not)."""
    return is_website(builder) and (doctree is not None or pagename == ONE_PAGE)
