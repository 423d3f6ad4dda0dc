"""``sphinx-cv variant``: build versions of the CV, each fitted to its pages.

Each version is strict Sphinx builds (``-D cv_variant=NAME``, warnings are
errors) in this process: the PDF, which the builder fits to its pages,
saying which fill entries it kept, then the Word file, with the same
selection. Both are then copied to the build folder
(``_build/wenqing-luo-resume.pdf`` and ``.docx``); a version that fails
leaves the previous ones there.
"""

from __future__ import annotations

import argparse
import runpy
import shutil
from pathlib import Path

from sphinx.cmd.build import make_main

from sphinx_cv.formats.draft import InputError


def declared(sources: Path) -> list[str]:
    """The versions conf.py in *sources* declares (cv_variants)."""
    conf = runpy.run_path(str(sources / "conf.py"))
    return list(conf.get("cv_variants", {}))


#: What a version's build writes: each builder, and its file's suffix.
OUTPUTS = {"pdf": "pdf", "docx": "docx", "onepage": "html"}


def built(name: str, builddir: Path) -> list[Path]:
    """The files the version *name* was last built into."""
    outdir = builddir / "variants" / name
    return [
        p for b, suffix in OUTPUTS.items() for p in (outdir / b).glob(f"*.{suffix}")
    ]


def build(name: str, sources: Path, builddir: Path, options: list[str]) -> int:
    """Build the version *name*; its exit status."""
    outdir = builddir / "variants" / name
    for builder in OUTPUTS:
        argv = ["-M", builder, str(sources), str(outdir), "-D", f"cv_variant={name}"]
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
