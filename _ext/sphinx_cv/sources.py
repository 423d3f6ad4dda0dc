"""Sources that would crash the build stop it with a message instead.

A page that is not UTF-8 and a ``.bib`` file that does not parse each stop
Sphinx or sphinxcontrib-bibtex with a traceback.  They are checked first:
every problem is reported as a ``cv`` error naming file and line, and the
build then stops with exit status 2, with nothing half-written and no
traceback. Nothing sensible can be built from such a source, in either the
strict build or the plain one.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pybtex.errors
from pybtex.database.input import bibtex
from sphinx.util import logging

from sphinx_cv.diagnostics import warn
from sphinx_cv.problems import Problem

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

logger = logging.getLogger(__name__)

#: The exit status of a build stopped by unreadable sources.
STOPPED = 2


def _stop(problems: int) -> None:
    if problems:
        logger.error("build stopped: fix the %d source error(s) above", problems)
        raise SystemExit(STOPPED)


def check_encoding(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    """Stop before reading if a page is not valid in the source encoding."""
    problems = 0
    for docname in docnames:
        path = Path(env.doc2path(docname))
        data = path.read_bytes()
        try:
            data.decode(env.config.source_encoding)
        except UnicodeDecodeError as error:
            line = data[: error.start].count(b"\n") + 1
            warn(
                Problem.ENCODING,
                "not %s: byte %r cannot be read; save the file as UTF-8",
                env.config.source_encoding,
                data[error.start : error.start + 1],
                location=f"{path}:{line}",
                stop=True,
            )
            problems += 1
    _stop(problems)


def check_bibliography(app: Sphinx) -> None:
    """Stop before sphinxcontrib-bibtex reads a ``.bib`` file that does not
    parse, saying where."""
    problems = 0
    for name in getattr(app.config, "bibtex_bibfiles", []):
        path = Path(app.srcdir) / name
        if not path.is_file():
            continue  # sphinxcontrib-bibtex says so itself
        with pybtex.errors.capture() as errors:
            bibtex.Parser().parse_file(str(path))
        for error in errors:
            warn(
                Problem.BIBTEX,
                "%s; fix the entry there",
                error,
                location=f"{path}:{getattr(error, 'lineno', 0) or 1}",
                stop=True,
            )
        problems += len(errors)
    _stop(problems)


def setup_sources(app: Sphinx) -> None:
    app.connect("env-before-read-docs", check_encoding)
    # Before sphinxcontrib-bibtex (priority 500) parses the same files.
    app.connect("builder-inited", check_bibliography, priority=400)
