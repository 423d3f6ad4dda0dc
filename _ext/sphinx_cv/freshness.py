"""Rewrite every page when what pages show of one another has changed.

A page shows more than its own source: the timeline and the skills index
list every entry, ``{cv:entry}`` links carry another entry's label, every
page's description names the person, the theme's navigation on every page
shows every page's title, and every page's head names the files the site
offers (the downloads box lists them). So when any of that changes, every
page is written
again (reading is not needed: the environment has it all); an edit
to an entry's highlights alone, which no other page shows, rewrites only its
own page.

What the pages were written with is recorded when a build completes, beside
the doctrees, one record for each output folder, with the pages it wrote: a
page whose source is gone has its output removed too, as a clean build would
not have it (Sphinx leaves it published). Comparing against the
environment just loaded would not do: a build stopped after saving its
environment (Ctrl-C while writing) already holds the edit, and the rerun would
leave the pages it never wrote stale for good.
"""

from __future__ import annotations

import dataclasses
import glob
import hashlib
import json
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sphinx_cv import downloads
from sphinx_cv.domain import CVDomain

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment


def shown(env: BuildEnvironment) -> str:
    """A digest of what pages show of other pages: the person, every entry
    but its body and line, in the CV's order, and the navigation."""
    domain = CVDomain.of(env)
    entries = [
        dataclasses.replace(e, lineno=0, summary="", highlights=())
        for e in domain.ordered()
    ]
    person = domain.person
    if person is not None:
        person = dataclasses.replace(person, lineno=0)
    titles = sorted((doc, title.astext()) for doc, title in env.titles.items())
    tree = sorted(env.toctree_includes.items())
    everything = repr((person, entries, titles, tree))
    return hashlib.sha256(everything.encode("utf-8")).hexdigest()


def _record(app: Sphinx) -> Path:
    """Where the digest of the last completed build into this output is kept."""
    # Relative, so that a build folder moved or copied whole keeps its record.
    outdir = os.path.relpath(app.outdir, app.doctreedir)
    key = hashlib.sha256(outdir.encode("utf-8")).hexdigest()[:16]
    return Path(app.doctreedir) / f"cv-written-{app.builder.name}-{key}"


def _written(app: Sphinx) -> dict[str, Any]:
    record = _record(app)
    if not record.is_file():
        return {}
    data: dict[str, Any] = json.loads(record.read_text(encoding="utf-8"))
    return data


def _shown(app: Sphinx) -> list[Any]:
    """What every page shows beyond itself: of the other pages, and of the
    files the site offers."""
    return [shown(app.env), downloads.signature(app)]


def outdated_pages(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """Every page, if what they show of each other is not what they were
    last written with; the outputs of pages removed since, removed."""
    written = _written(app)
    outfile = getattr(app.builder, "get_outfilename", None)
    for docname in set(written.get("pages", [])) - env.found_docs:
        if outfile is not None:
            Path(outfile(docname)).unlink(missing_ok=True)
        # Its source, as the site published it (html_copy_source).
        for copy in Path(app.outdir, "_sources").glob(f"{glob.escape(docname)}.*"):
            copy.unlink()
    fresh = written.get("shown") == json.loads(json.dumps(_shown(app)))
    return [] if fresh else sorted(env.found_docs)


def note_written(app: Sphinx, exception: Exception | None) -> None:
    if exception is None:
        record = _record(app)
        record.parent.mkdir(parents=True, exist_ok=True)
        data = {"shown": _shown(app), "pages": sorted(app.env.found_docs)}
        record.write_text(json.dumps(data), encoding="utf-8")


def setup_freshness(app: Sphinx) -> None:
    app.connect("env-get-updated", outdated_pages)
    app.connect("build-finished", note_written)
