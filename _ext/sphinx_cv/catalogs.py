"""The build's message catalogs: the extension's compiled, the options extracted.

The extension's own catalogs (``locale/LANG/LC_MESSAGES/*.po`` in the
package) are compiled for each build, beside its doctrees; ``make gettext``
gets each entry's text options added to its page's catalog. The helpers the
directives translate with are :mod:`sphinx_cv.i18n`.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from sphinx.builders.gettext import MessageCatalogBuilder, MsgOrigin
from sphinx.util import logging
from sphinx.util.i18n import docname_to_domain

from sphinx_cv import entries
from sphinx_cv.domain import CVDomain
from sphinx_cv.i18n import CATALOG, LOCALE

if TYPE_CHECKING:
    from docutils import nodes
    from sphinx.application import Sphinx

logger = logging.getLogger(__name__)


def extract_options(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """``make gettext``: add each entry's text options to its page's catalog."""
    builder = app.builder
    if not isinstance(builder, MessageCatalogBuilder):
        return
    catalog = builder.catalogs[docname_to_domain(docname, app.config.gettext_compact)]
    source = str(app.env.doc2path(docname))
    for entry in CVDomain.of(app.env).on_page(docname):
        for name in entries.of(entry).translatable:
            value = entry[name]
            if value:
                catalog.add(value, MsgOrigin(source, entry.lineno))


def compile_catalogs(app: Sphinx) -> None:
    """Compile the extension's .po files beside the build's doctrees, where
    Sphinx loads them from (the package's own folder may not be writable)."""
    target = Path(app.doctreedir) / "sphinx_cv_locale"
    for po in LOCALE.glob("*/LC_MESSAGES/*.po"):
        mo = target / po.relative_to(LOCALE).with_suffix(".mo")
        if mo.is_file() and mo.stat().st_mtime >= po.stat().st_mtime:
            continue
        mo.parent.mkdir(parents=True, exist_ok=True)
        with po.open("rb") as source:
            messages = read_po(source)
        with mo.open("wb") as compiled:
            write_mo(compiled, messages)
    app.add_message_catalog(CATALOG, str(target))
    # The theme's words Sphinx's catalog lacks: after it, for what it lacks.
    app.add_message_catalog("sphinx", str(target))
    say_what_stays_english(app)


def say_what_stays_english(app: Sphinx) -> None:
    """In a language the extension has no catalog for, say (once a build,
    not as a warning, which would fail a strict build of any such CV) which
    of its words stay English."""
    language = (app.config.language or "en").replace("-", "_")
    if language.startswith("en"):
        return
    known = [p.name for p in LOCALE.iterdir() if p.is_dir()]
    if any(language == name or language.split("_")[0] == name for name in known):
        return
    logger.info(
        "sphinx-cv has no words in %s: the headings it adds, the downloads "
        "box, \"et al.\" and the word for an end to come stay English "
        "(cv_present sets the last: now %r)",
        language, app.config.cv_present,
    )  # fmt: skip


def setup_catalogs(app: Sphinx) -> None:
    app.connect("doctree-resolved", extract_options)
