"""``sphinx-cv variant``: build versions of the CV, each fitted to its pages.

Each version is strict Sphinx builds (``-D cv_variant=NAME``, warnings are
errors) in this process, one for each output a version gets
(:data:`sphinx_cv.outputs.OUTPUTS`): the PDF, which the builder fits to its
pages, saying which fill entries it kept, then the Word file, the page, the
Markdown and the plain text, with the same selection. They are then copied
to the build folder (``_build/wenqing-luo-resume.pdf``, ``.docx``...); a
version that fails leaves the previous ones there.
"""

from __future__ import annotations

import argparse
import runpy
import shutil
from pathlib import Path

from sphinx.cmd.build import make_main

from sphinx_cv.formats.draft import InputError
from sphinx_cv.outputs import OUTPUTS


def declared(sources: Path) -> list[str]:
    """The versions conf.py in *sources* declares (cv_variants)."""
    conf = runpy.run_path(str(sources / "conf.py"))
    return list(conf.get("cv_variants", {}))


#: What a version's build writes.
VERSIONS = [output for output in OUTPUTS if output.versions]


def built(name: str, builddir: Path) -> list[Path]:
    """The files the version *name* was last built into."""
    outdir = builddir / "variants" / name
    return [
        path
        for output in VERSIONS
        for path in (outdir / output.name).glob(f"*.{output.suffix}")
    ]


def build(name: str, sources: Path, builddir: Path, options: list[str]) -> int:
    """Build the version *name*; its exit status. Every version reads the
    pages into one environment: what a version keeps is chosen after
    reading, so the pages are read once for all of them."""
    outdir = builddir / "variants" / name
    doctrees = builddir / "variants" / "doctrees"
    for output in VERSIONS:
        argv = ["-b", output.name, "-d", str(doctrees), str(sources)]
        argv += [str(outdir / output.name), "-D", f"cv_variant={name}"]
        status = make_main([*argv, "-nW", "--keep-going", *options])
        if status:
            return status
    for path in built(name, builddir):
        shutil.copyfile(path, builddir / path.name)
    return 0


def run(args: argparse.Namespace) -> int:
    names = declared(args.sources)
    if args.list:
        print("\n".join(names))
        return 0
    wanted = names if args.all else args.names
    if not wanted:
        raise InputError(
            f"say which version to build, or --all: {', '.join(names) or 'none'}"
        )
    for name in wanted:
        status = build(name, args.sources, args.builddir, args.options)
        if status:
            return status
    return 0
