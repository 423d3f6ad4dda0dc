"""``sphinx-cv downloads``: build every file the site offers, into one folder.

Every output of the table (:data:`sphinx_cv.outputs.OUTPUTS`) of the whole
CV, and, in the source edition, of each version, fitted to its pages:
strict builds in this process (warnings are errors). They are gathered in
the downloads folder (``--into``, by default ``BUILDDIR/downloads``), which
a build of the site
then publishes and lists (:mod:`sphinx_cv.downloads`). The folder is emptied
first: a build that fails leaves it without its file, and the command fails,
so that the site built next (``make all``, Read the Docs' ``pre_build``
job) fails too rather than offer a file that is not there.
"""

from __future__ import annotations

import argparse
import runpy
import shutil
from pathlib import Path

from sphinx.cmd.build import make_main

from sphinx_cv.cli.variant import build, built, declared
from sphinx_cv.outputs import OUTPUTS


def overridden(options: list[str], name: str) -> str | None:
    """The value ``-D name=value`` gives among Sphinx's *options*, if any."""
    for number, option in enumerate(options):
        given = option[2:] if option.startswith("-D") and option != "-D" else None
        if option == "-D" and number + 1 < len(options):
            given = options[number + 1]
        if given and given.startswith(f"{name}="):
            return given.split("=", 1)[1]
    return None


def is_source(sources: Path, options: list[str]) -> bool:
    """Whether the build is of the source edition, whose versions are built
    (conf.py's language, or the one the options give, is cv_editions' first)."""
    conf = runpy.run_path(str(sources / "conf.py"))
    language = overridden(options, "language") or conf.get("language") or "en"
    known = list(conf.get("cv_editions", {}))
    return not known or language == known[0]


def run(args: argparse.Namespace) -> int:
    into: Path = args.into or args.builddir / "downloads"
    shutil.rmtree(into, ignore_errors=True)
    found: list[Path] = []
    for output in OUTPUTS:
        if not output.full:
            continue
        argv = ["-M", output.name, str(args.sources), str(args.builddir)]
        status = make_main([*argv, "-nW", "--keep-going", *args.options])
        if status:
            return status
        found += (args.builddir / output.name).glob(f"*.{output.suffix}")
    if is_source(args.sources, args.options):
        for name in declared(args.sources):
            status = build(name, args.sources, args.builddir, args.options)
            if status:
                return status
            found += built(name, args.builddir)
    into.mkdir(parents=True)
    for path in found:
        shutil.copyfile(path, into / path.name)
    print(f"{into}: {', '.join(sorted(path.name for path in found))}")
    if args.formats is not None:
        # Read the Docs' own downloads: the whole CV's PDF and ePub, one
        # file a folder.
        for suffix in ("pdf", "epub"):
            folder = args.formats / suffix
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir(parents=True)
            for path in (args.builddir / suffix).glob(f"*.{suffix}"):
                shutil.copyfile(path, folder / path.name)
    return 0
