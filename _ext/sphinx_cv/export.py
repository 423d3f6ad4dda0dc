"""The exports written beside the site: resume.json and rendercv.yaml.

The formats themselves are :mod:`sphinx_cv.formats`; this writes them, from
the one CV of the build (:func:`sphinx_cv.record.cv`), at the start of the
writing of the site's source edition, before the pages whose downloads box
gives their size.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

import yaml

from sphinx_cv import editions, record
from sphinx_cv.formats import jsonresume, rendercv
from sphinx_cv.site import is_website

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.builders import Builder


def write_exports(app: Sphinx, builder: Builder) -> None:
    """Every HTML build writes ``resume.json`` (JSON Resume) and
    ``rendercv.yaml`` (RenderCV input) beside its pages, before the pages,
    whose downloads box gives their size."""
    if not is_website(builder):
        return
    if not editions.is_source(app.config):
        return  # one canonical record: the source edition's
    outdir = Path(app.outdir)
    cv = record.cv(app.env)
    data = json.dumps(jsonresume.write(cv), ensure_ascii=False, indent=2)
    (outdir / "resume.json").write_text(data + "\n", "utf-8")
    # libyaml's emitter where PyYAML has it: the same text, ten times sooner.
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    text = yaml.dump(
        rendercv.write(cv), Dumper=dumper, allow_unicode=True, sort_keys=False
    )
    (outdir / "rendercv.yaml").write_text(text, "utf-8")


def setup_export(app: Sphinx) -> None:
    app.connect("write-started", write_exports)
