"""What belongs to the web site: one test that every output of it asks.

The site is what an HTML builder writes as pages that link one another
(``html``, ``dirhtml``): they get the sitemap, the exports, the page
metadata and the language switch. The ePub (HTML inside a book) and
``singlehtml`` (every page in one) are not the site.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sphinx.builders.dirhtml import DirectoryHTMLBuilder
from sphinx.builders.html import StandaloneHTMLBuilder

if TYPE_CHECKING:
    from sphinx.builders import Builder

#: The builders whose output is the site, by name.
SITE_BUILDERS = {StandaloneHTMLBuilder.name, DirectoryHTMLBuilder.name}


def is_website(builder: Builder) -> bool:
    """Whether *builder* writes the web site."""
    return builder.name in SITE_BUILDERS
