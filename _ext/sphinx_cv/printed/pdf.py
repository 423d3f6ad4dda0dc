"""The PDF: the printed document typeset by Typst, tagged, declaring PDF/UA-1.

``sphinx-build -b pdf`` (``make pdf``) compiles the template
(``typst/cv.typ``, or ``cv_pdf_template``) in this process with the
``typst`` package: no TeX, nothing downloaded. The same sources give the
same bytes; ``SOURCE_DATE_EPOCH`` dates the file.
"""

from __future__ import annotations

from sphinx_cv.printed import document as d
from sphinx_cv.printed.builder import PrintedBuilder


class PDFBuilder(PrintedBuilder):
    """The CV as one PDF, set by Typst."""

    name = "pdf"
    epilog = "The PDF is in %(outdir)s."
    suffix = "pdf"
    paged = True

    def render(self, document: d.Document) -> bytes:
        return self.typesetter.pdf(document)
