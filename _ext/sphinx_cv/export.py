"""The exports written beside the site: resume.json and rendercv.yaml.

The formats themselves are :mod:`sphinx_cv.formats`; this writes them from
the ``cv`` domain at the end of a build of the site's source edition.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

import yaml

from sphinx_cv import editions
from sphinx_cv.domain import CVDomain
from sphinx_cv.formats import jsonresume, rendercv
from sphinx_cv.site import is_website

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def write_exports(app: Sphinx, exception: Exception | None) -> None:
    """Every HTML build writes ``resume.json`` (JSON Resume) and
    ``rendercv.yaml`` (RenderCV input) beside its pages."""
    if exception is not None or not is_website(app.builder):
        return
    if not editions.is_source(app.config):
        return  # one canonical record: the source edition's
    outdir = Path(app.outdir)
    cv = CVDomain.of(app.env).cv()
    data = json.dumps(jsonresume.write(cv), ensure_ascii=False, indent=2)
    (outdir / "resume.json").write_text(data + "\n", "utf-8")
    text = yaml.safe_dump(rendercv.write(cv), allow_unicode=True, sort_keys=False)
    (outdir / "rendercv.yaml").write_text(text, "utf-8")


def setup_export(app: Sphinx) -> None:
    app.connect("build-finished", write_exports)
