"""Every output the project builds, in one table: what reads it finds it here.

An output is a builder (its name is also ``make``'s target), the suffix of
its file, the words the downloads box gives it, and which documents get
one: the whole CV (``full``), each version of it (``versions``). The
commands that build every file (``sphinx-cv variant``, ``sphinx-cv
downloads``, so ``make all`` and the Read the Docs job), the downloads box
and the registration of the builders all read :data:`OUTPUTS`; each file is
named by :func:`sphinx_cv.variants.filename`, so the files of one document
are named alike. A new format is a writer and one line here.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from sphinx_cv.i18n import _
from sphinx_cv.printed.builder import PrintedBuilder
from sphinx_cv.printed.markdown import MarkdownBuilder
from sphinx_cv.printed.page import PageBuilder
from sphinx_cv.printed.pdf import PDFBuilder
from sphinx_cv.printed.plaintext import PlainTextBuilder
from sphinx_cv.printed.word import WordBuilder

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.builders import Builder


@dataclass(frozen=True)
class Output:
    """One output of the project."""

    #: The builder's name, and make's target.
    name: str
    #: The file's suffix.
    suffix: str
    #: What the downloads box calls it (translated where it is shown).
    label: str
    #: The builder, where it is the package's own (None: Sphinx's).
    builder: type[Builder] | None
    #: Whether the whole CV gets a file of its own (its web page is the
    #: site's ``cv.html``), and whether each version gets one.
    full: bool = True
    versions: bool = True


def printed(builder: type[PrintedBuilder], label: str, full: bool = True) -> Output:
    """The output of one of the package's builders, named as it names itself."""
    return Output(builder.name, builder.suffix, label, builder, full=full)


OUTPUTS = (
    printed(PDFBuilder, _("PDF")),
    printed(WordBuilder, _("Word")),
    Output("epub", "epub", _("ePub"), None, versions=False),
    printed(PageBuilder, _("Web page"), full=False),
    printed(MarkdownBuilder, _("Markdown")),
    printed(PlainTextBuilder, _("Plain text")),
)

#: Each output by its file's suffix.
BY_SUFFIX = {f".{output.suffix}": output for output in OUTPUTS}


def setup_outputs(app: Sphinx) -> None:
    for output in OUTPUTS:
        if output.builder is not None:
            app.add_builder(output.builder)
