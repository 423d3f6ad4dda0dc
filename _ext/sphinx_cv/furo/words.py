"""The theme's own words in the page's language, where furo writes English.

furo puts most of what it writes through Sphinx's catalog, which the
package's ``locale/LANG/LC_MESSAGES/sphinx.po`` completes ("Skip to
content", its footer). The rest it writes in English whatever the language:
the aria-labels of its toggles, the titles of its icons, "Toggle navigation
of" each section of the sidebar, and the possessive of its footer
("@pradyunsg's Furo"); a screen reader would read them in the page's
language all the same. The layer's ``page.html`` (``templates/`` beside
this module) passes furo's page through :func:`translated`, which looks
each up in the same catalog: furo itself is left as it is.
"""

from __future__ import annotations

import html
import re
from typing import TYPE_CHECKING, Any

from sphinx.locale import _

if TYPE_CHECKING:
    from docutils import nodes
    from sphinx.application import Sphinx

#: What furo (2025.12.19) writes in English as an aria-label or an icon's
#: title: each is a message of the catalog.
WORDS = (
    "Toggle site navigation sidebar",
    "Toggle table of contents sidebar",
    "Toggle Light / Dark / Auto color theme",
    "Contents",
    "Menu",
    "Expand",
    "Light mode",
    "Dark mode",
    "Auto light/dark, in light mode",
    "Auto light/dark, in dark mode",
    "On Read the Docs",
    "On GitHub",
)

_WORD = re.compile(
    r'(?P<open>aria-label="|<title>)(?P<text>{})(?P<close>"|</title>)'.format(
        "|".join(re.escape(html.escape(word)) for word in WORDS)
    )
)
_SECTION = re.compile(r'aria-label="Toggle navigation of (?P<title>[^"]*)"')
_POSSESSIVE = re.compile(r"(?P<author><a [^>]*>@pradyunsg</a>)\'s")


def translated(page: str) -> str:
    """furo's page with its English words in the build's language (the
    same page where the catalog has no translation, as in English)."""

    def word(match: re.Match[str]) -> str:
        text = html.escape(_(html.unescape(match["text"])))
        return f"{match['open']}{text}{match['close']}"

    def section(match: re.Match[str]) -> str:
        title = html.unescape(match["title"])
        label = _("Toggle navigation of {title}").format(title=title)
        return f'aria-label="{html.escape(label)}"'

    page = _WORD.sub(word, page)
    page = _SECTION.sub(section, page)
    return _POSSESSIVE.sub(lambda m: _("{author}'s").format(author=m["author"]), page)


def page_context(
    app: Sphinx,
    pagename: str,
    templatename: str,
    context: dict[str, Any],
    doctree: nodes.document | None,
) -> None:
    context["cv_theme_words"] = translated


def setup_words(app: Sphinx) -> None:
    app.connect("html-page-context", page_context)
