"""What the extension says in words, in the build's language, without Sphinx.

The entry types (:mod:`sphinx_cv.entries`) head an entry with words such as
"advisor: {name}", and they know nothing of Sphinx, so that the formats can
use them anywhere. They say them through :func:`_` and :func:`pgettext`
here, which a Sphinx build points at the extension's catalog
(:func:`sphinx_cv.i18n.setup_i18n`); outside a build they say the English.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable


def _english(context: str, message: str) -> str:
    return message


_gettext: Callable[[str], str] = str
_pgettext: Callable[[str, str], str] = _english


def _(message: str) -> str:
    """*message* in the build's language."""
    return str(_gettext(message))


def pgettext(context: str, message: str) -> str:
    """*message* as it reads in *context*: the same English may take
    different words, or marks, in another language."""
    return str(_pgettext(context, message))


def install(
    gettext: Callable[[str], str], contextual: Callable[[str, str], str]
) -> None:
    """Say everything through these translators from now on."""
    global _gettext, _pgettext
    _gettext, _pgettext = gettext, contextual


def listed(items: Iterable[str]) -> str:
    """Items joined as a list: Chinese parts them with an enumeration comma
    (U+3001) where its prose has a full-width comma, though English writes
    ", " for both."""
    return pgettext("list", ", ").join(items)


def parted() -> str:
    """What joins the parts of one name (an employer and its team, a
    degree and its school), which are not a list either."""
    return pgettext("parts", ", ")


def joined(*parts: str) -> str:
    """Parts of one line (a role and its kind), those given, in a row."""
    return _(", ").join(part for part in parts if part)
