"""The CV's editions in other languages: their addresses and their links.

``cv_editions`` in conf.py names each edition's language, the name its
switch shows, and where it is published; the first is the source, the one
the exports (resume.json, rendercv.yaml) come from, in one canonical record.
Each page of each edition links to the same page in the others: a visible
switch at the top of the page, and ``<link rel="alternate" hreflang>`` in its
head; the sitemap lists them too.
"""

from __future__ import annotations

import html
import os
from typing import TYPE_CHECKING, Any

from sphinx_cv.i18n import _
from sphinx_cv.site import is_page

if TYPE_CHECKING:
    from docutils import nodes
    from sphinx.application import Sphinx
    from sphinx.config import Config


def language_tag(language: str) -> str:
    """A Sphinx language as HTML and ePub write it: ``zh_CN`` is ``zh-CN``."""
    return language.replace("_", "-")


def editions(config: Config) -> dict[str, tuple[str, str]]:
    """Each edition's language: (its name, its address ending in /)."""
    found: dict[str, tuple[str, str]] = {}
    for language, (name, url) in config.cv_editions.items():
        found[language] = (name, url if url.endswith("/") else f"{url}/")
    return found


def is_source(config: Config) -> bool:
    """Whether this build is of the source edition (or the only one)."""
    known = list(config.cv_editions)
    return not known or config.language == known[0]


def source_url(config: Config) -> str:
    """Where the source edition is published ("" with no editions)."""
    known = editions(config)
    return next(iter(known.values()))[1] if known else ""


def page_urls(config: Config, page: str) -> list[tuple[str, str, str]]:
    """(language tag, name, address) of *page* in every edition."""
    return [
        (language_tag(language), name, f"{url}{page}")
        for language, (name, url) in editions(config).items()
    ]


def set_address(config: Config) -> None:
    """Publish each edition at its own address (Read the Docs gives it)."""
    own = editions(config).get(config.language)
    if own is None or os.environ.get("READTHEDOCS_CANONICAL_URL"):
        return
    config.html_baseurl = own[1]
    if "ogp_site_url" in config:
        config.ogp_site_url = own[1]


def link_editions(
    app: Sphinx,
    pagename: str,
    templatename: str,
    context: dict[str, Any],
    doctree: nodes.document | None,
) -> None:
    """The switch at the top of the page, and the alternates in its head."""
    if not is_page(app.builder, pagename, doctree) or not app.config.cv_editions:
        return
    page = app.builder.get_target_uri(pagename)
    here = language_tag(app.config.language)
    links, alternates = [], []
    for tag, name, url in page_urls(app.config, page):
        alternates.append(
            f'<link rel="alternate" hreflang="{tag}" href="{html.escape(url)}">\n'
        )
        label = html.escape(name)
        if tag == here:
            links.append(f'<span aria-current="page" lang="{tag}">{label}</span>')
        else:
            links.append(
                f'<a href="{html.escape(url)}" hreflang="{tag}" lang="{tag}">'
                f"{label}</a>"
            )
    default = f"{source_url(app.config)}{page}"
    alternates.append(
        f'<link rel="alternate" hreflang="x-default" href="{html.escape(default)}">\n'
    )
    context["metatags"] += "".join(alternates)
    switch = f'<nav class="cv-editions" aria-label="{html.escape(_("Languages"))}">'
    context["body"] = switch + " | ".join(links) + "</nav>\n" + context["body"]


def setup_editions(app: Sphinx) -> None:
    app.connect("html-page-context", link_editions)
