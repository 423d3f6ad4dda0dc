"""``sphinx-cv letters``: set each cover letter as a PDF and a Word file.

Each letter of ``letters/`` (or those named) is built by the PDF and the
Word builders with ``cv_letter`` set, into ``BUILDDIR/letters/`` (an
environment of their own: the CV's builds never read a letter). A letter
over one page stops its build, saying by how much, and the previous file
stays. Letters are never part of the site, the downloads or Read the Docs'
build: only this command writes them.
"""

from __future__ import annotations

import argparse

from sphinx.cmd.build import make_main

from sphinx_cv.formats.draft import InputError
from sphinx_cv.letters import letters


def run(args: argparse.Namespace) -> int:
    found = letters(args.sources)
    names = args.names or found
    unknown = [name for name in names if name not in found]
    if unknown:
        raise InputError(
            f"{args.sources / 'letters'}: no letter {unknown[0]}.md "
            f"(letters: {', '.join(found) or 'none'})"
        )
    if not names:
        print(f"{args.sources / 'letters'}: no letters to set")
        return 0
    builddir = args.builddir / "letters"
    status = 0
    for name in names:
        for builder in ("pdf", "docx"):
            argv = ["-M", builder, str(args.sources), str(builddir)]
            done = make_main([*argv, "-q", "-D", f"cv_letter={name}", *args.options])
            status = status or done
    if not status:
        print(f"{builddir}: {', '.join(names)}")
    return status
