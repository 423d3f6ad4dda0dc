"""LaTeX support: the ``sphinxcv`` package that styles entries in the PDF."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sphinx.application import Sphinx

STYLE = Path(__file__).with_name("sphinxcv.sty")


def copy_style(app: Sphinx, exception: Exception | None) -> None:
    """Put ``sphinxcv.sty`` beside the ``.tex`` file that loads it."""
    if exception is None and app.builder.format == "latex":
        shutil.copy(STYLE, Path(app.outdir) / STYLE.name)


def setup_latex(app: Sphinx) -> None:
    app.add_latex_package("sphinxcv")
    app.connect("build-finished", copy_style)
