"""The site map: ``sitemap.xml``, every page of the site, on every build.

Written from the build environment, which knows every page whichever were
rewritten (sphinx-sitemap lists only the pages a build wrote, so an
incremental build shrank its map), and sorted, so a parallel build writes
the same bytes as a serial one.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape

from sphinx_cv import editions
from sphinx_cv.site import ONE_PAGE, is_website

if TYPE_CHECKING:
    from sphinx.application import Sphinx

NAMESPACE = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML = "http://www.w3.org/1999/xhtml"


def pages(app: Sphinx) -> list[str]:
    """Every page's address below the site's root, the whole CV's page too,
    in a stable order."""
    found = [*app.env.found_docs, ONE_PAGE]
    return sorted(app.builder.get_target_uri(doc) for doc in found)


def sitemap(app: Sphinx) -> str:
    """Each page at its address and, where the CV has editions in other
    languages, at theirs (``xhtml:link`` alternates, as search engines read
    them)."""
    base = app.config.html_baseurl
    base = base if base.endswith("/") else f"{base}/"
    rows = []
    for page in pages(app):
        rows.append(f"  <url><loc>{escape(base + page)}</loc>")
        for tag, _name, url in editions.page_urls(app.config, page):
            link = f'rel="alternate" hreflang="{tag}" href="{escape(url)}"'
            rows.append(f"    <xhtml:link {link}/>")
        rows.append("  </url>")
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<urlset xmlns="{NAMESPACE}" xmlns:xhtml="{XHTML}">\n'
        + "".join(f"{row}\n" for row in rows)
        + "</urlset>\n"
    )


def write_sitemap(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or not is_website(app.builder):
        return
    if not app.config.html_baseurl:
        return  # a map needs absolute addresses
    (Path(app.outdir) / "sitemap.xml").write_text(sitemap(app), encoding="utf-8")


def setup_sitemap(app: Sphinx) -> None:
    app.connect("build-finished", write_sitemap)
