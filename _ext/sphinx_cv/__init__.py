"""Sphinx extension for a curriculum vitae kept as documentation.

Typed, validated CV entries, one directive a type (``cv:work``,
``cv:education``... :mod:`sphinx_cv.entries`), in a ``cv`` domain; the views
generated from them, a timeline and a skills index; the CV printed (a PDF,
a Word file, Markdown, plain text) and exported (JSON Resume, RenderCV).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.util.typing import ExtensionMetadata

__version__ = "0.4.0"


def setup(app: Sphinx) -> ExtensionMetadata:
    """Register the extension (:mod:`sphinx_cv.extension`); the package's
    own import stays light for the command line."""
    from sphinx_cv.extension import setup as set_up

    return set_up(app)
