"""Sources that would crash the build: said at their line, read as they can be.

A page that is not UTF-8 and a ``.bib`` file that does not parse each stop
Sphinx or sphinxcontrib-bibtex with a traceback. They are checked first:
every problem is a ``cv`` error naming file and line (the strict build
fails on it, as on any warning), and the build goes on with what can be
read: the page with each byte that is no character shown as U+FFFD, the
bibliography with the entries that parse.
"""

from __future__ import annotations

import codecs
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pybtex.errors
from pybtex.database.input import bibtex

from sphinx_cv.diagnostics import warn
from sphinx_cv.problems import Problem

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

#: The codec that reads a source in its encoding, a byte that is no
#: character as U+FFFD: ``cv_lenient_`` and the source encoding's name.
LENIENT = "cv_lenient_"


def _lenient(name: str) -> codecs.CodecInfo | None:
    """Python's codec search: *name*'s encoding, decoding with replacement."""
    if not name.startswith(LENIENT):
        return None
    base = codecs.lookup(name[len(LENIENT) :])

    class Decoder(base.incrementaldecoder):  # type: ignore[name-defined,misc]
        def __init__(self, errors: str = "strict") -> None:
            super().__init__("replace")

    def decode(data: Any, errors: str = "strict") -> tuple[str, int]:
        return base.decode(data, "replace")

    return codecs.CodecInfo(
        base.encode,
        decode,
        incrementalencoder=base.incrementalencoder,
        incrementaldecoder=Decoder,
        name=name,
    )


codecs.register(_lenient)


def check_encoding(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    """Before reading: an error at each page that is not in the source
    encoding, which is then read leniently."""
    encoding = env.config.source_encoding
    lenient = False
    for docname in docnames:
        path = Path(env.doc2path(docname))
        data = path.read_bytes()
        try:
            data.decode(encoding)
        except UnicodeDecodeError as error:
            line = data[: error.start].count(b"\n") + 1
            warn(
                Problem.ENCODING,
                "not %s: byte %r cannot be read; save the file as UTF-8",
                encoding,
                data[error.start : error.start + 1],
                location=f"{path}:{line}",
                stop=True,
            )
            lenient = True
    if lenient:
        env.settings["input_encoding"] = LENIENT + encoding


def check_bibliography(app: Sphinx) -> None:
    """Before sphinxcontrib-bibtex reads the ``.bib`` files: an error at
    each place one does not parse; sphinxcontrib-bibtex then reads the
    entries that do (:func:`read_bibliography_leniently`)."""
    problems = []
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
        problems += errors
    if problems:
        # pybtex raises at a problem unless it captures them: these are said.
        pybtex.errors.captured_errors = []


def read_bibliography_leniently(app: Sphinx) -> None:
    """Once sphinxcontrib-bibtex has read them, pybtex raises again."""
    pybtex.errors.captured_errors = None


def setup_sources(app: Sphinx) -> None:
    app.connect("env-before-read-docs", check_encoding)
    # Around sphinxcontrib-bibtex's (priority 500), which parses the files.
    app.connect("builder-inited", check_bibliography, priority=400)
    app.connect("builder-inited", read_bibliography_leniently, priority=600)
