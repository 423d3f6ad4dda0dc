"""The CV in other languages: translates what entries and the extension say.

Two catalogs. The extension's own (``sphinx_cv/locale/LANG/LC_MESSAGES/
sphinx_cv.po``) translates what it generates: "Skills:", "Present", the
date format, the downloads box (and ``sphinx.po`` there, the theme's words
that Sphinx's own catalog lacks, :mod:`sphinx_cv.furo.words`). The project's
(``locale_dirs``, kept in step by ``make gettext`` and sphinx-intl)
translates the pages; an entry's text
options (an employer, a role, a place) are in it too: ``make gettext``
extracts them with the page's other messages, and the directive translates
them as it reads, so that the timeline, the skills index and the page
descriptions, which are made from the entries, read in the same language as
the pages. These are the helpers that translate; the build's hooks (the
catalogs compiled, the options extracted) are :mod:`sphinx_cv.catalogs`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from sphinx.locale import get_translation, get_translator
from sphinx.locale import init as init_locale
from sphinx.util.i18n import docname_to_domain

from sphinx_cv import model

if TYPE_CHECKING:
    from sphinx.config import Config
    from sphinx.environment import BuildEnvironment

#: The extension's catalog, and where its translations are kept.
CATALOG = "sphinx_cv"
LOCALE = Path(__file__).with_name("locale")

#: Translate text the extension generates (lazily, in the build's language).
_ = get_translation(CATALOG)


def pgettext(context: str, message: str) -> str:
    """*message* translated as it reads in *context*: the same English may
    take different words, or marks, in another language."""
    return get_translator(CATALOG).pgettext(context, message)


def listed(items: Iterable[str]) -> str:
    """Items joined as a list: Chinese parts them with an enumeration comma
    (U+3001) where its prose has a full-width comma, though English writes
    ", " for both."""
    return pgettext("list", ", ").join(items)


def parted() -> str:
    """What joins the parts of one name (an employer and its team, a
    degree and its school), which are not a list either."""
    return pgettext("parts", ", ")


def dates(entry: model.Entry, config: Config) -> str:
    """The entry's dates in the build's language and its style of date."""
    return entry.dates(
        str(_(config.cv_date_format)),
        str(_(config.cv_present)),
        pgettext("list", ", "),
    )


def date(when: model.PartialDate, config: Config) -> str:
    return when.format(str(_(config.cv_date_format)))


def label(entry: model.Entry) -> str:
    """The entry's label in the build's language."""
    return entry.label_with(parted())


def short_labels(entries: Iterable[model.Entry]) -> dict[str, str]:
    """The entries' brief names (:func:`sphinx_cv.model.short_labels`) in
    the build's language."""
    return model.short_labels(entries, str(_("{organisation} ({team})")), parted())


def translatable(kind: str) -> list[str]:
    """The options of entries of *kind* that a translation renders."""
    required, optional = model.KINDS[kind]
    return [name for name in required + optional if model.FIELDS[name].translatable]


def page_translator(env: BuildEnvironment) -> Callable[[str], str]:
    """Translate with the catalog of the page being read (its .po file)."""
    config = env.config
    if not config.locale_dirs:
        return lambda text: text
    domain = docname_to_domain(env.docname, config.gettext_compact)
    dirs = [Path(env.srcdir, directory) for directory in config.locale_dirs]
    catalog, _found = init_locale(dirs, config.language, domain)
    return catalog.gettext


def note_catalogs(env: BuildEnvironment) -> None:
    """Make the page being read depend on the extension's catalogs for its
    language: the text they give is written into the page as it is read."""
    language = env.config.language or "en"
    for po in sorted(LOCALE.glob(f"{language}/LC_MESSAGES/*.po")):
        env.note_dependency(str(po))
