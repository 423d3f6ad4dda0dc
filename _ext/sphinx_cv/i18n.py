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

from sphinx_cv import entries, model, words

if TYPE_CHECKING:
    from sphinx.application import Sphinx
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


def context(config: Config) -> entries.Context:
    """How the entry types say dates, in the build's language and style:
    ``cv_date_format`` as a catalog translates it, or, left as its English
    default in a language no catalog translates it for, the language's own
    way to say a month of a year (CLDR's, by Babel: ``enero de 2021``)."""
    language = config.language or "en"
    month_format = str(_(config.cv_date_format))
    if month_format == ENGLISH_MONTHS and not language.startswith("en"):
        month_format = month_pattern(language)
    return entries.Context(month_format, str(_(config.cv_present)), language)


#: ``cv_date_format``'s default, in English: the month's name and the year.
ENGLISH_MONTHS = "%B %Y"


def month_pattern(language: str) -> str:
    """The CLDR pattern that says a month of a year in *language*
    (``MMMM 'de' y``); the English default where Babel knows no such
    language."""
    from babel import Locale, UnknownLocaleError

    try:
        locale = Locale.parse(language)
    except (ValueError, UnknownLocaleError):
        return ENGLISH_MONTHS
    return str(locale.datetime_skeletons["yMMMM"].pattern)


def short_labels(found: Iterable[model.Entry]) -> dict[str, str]:
    """The entries' brief names (:func:`sphinx_cv.entries.short_labels`) in
    the build's language."""
    return entries.short_labels(found, str(_("{name} ({qualifier})")))


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


def setup_i18n(app: Sphinx) -> None:
    """What the entry types say (:mod:`sphinx_cv.words`), said through the
    extension's catalog."""
    words.install(lambda message: str(_(message)), pgettext)
