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

if TYPE_CHECKING:
    from sphinx.application import Sphinx

NAMESPACE = "http://www.sitemaps.org/schemas/sitemap/0.9"


def page_urls(app: Sphinx) -> list[str]:
    """The published address of every page, in a stable order."""
    base = app.config.html_baseurl
    base = base if base.endswith("/") else f"{base}/"
    return sorted(
        base + app.builder.get_target_uri(docname) for docname in app.env.found_docs
    )


def sitemap(urls: list[str]) -> str:
    rows = "".join(f"  <url><loc>{escape(url)}</loc></url>\n" for url in urls)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<urlset xmlns="{NAMESPACE}">\n{rows}</urlset>\n'
    )


def write_sitemap(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or app.builder.name != "html":
        return
    if not app.config.html_baseurl:
        return  # a map needs absolute addresses
    text = sitemap(page_urls(app))
    (Path(app.outdir) / "sitemap.xml").write_text(text, encoding="utf-8")


def setup_sitemap(app: Sphinx) -> None:
    app.connect("build-finished", write_sitemap)
