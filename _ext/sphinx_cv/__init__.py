"""Sphinx extension for a curriculum vitae kept as documentation."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sphinx_cv.html import setup_html

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.util.typing import ExtensionMetadata

__version__ = "0.1.0"


def setup(app: Sphinx) -> ExtensionMetadata:
    setup_html(app)
    return {
        "version": __version__,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
