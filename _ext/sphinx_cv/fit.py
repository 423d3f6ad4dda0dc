"""Build a version of the CV as a PDF within its page limit.

Run as ``python -m sphinx_cv.fit NAME [--all] [--sources DIR] [--builddir
DIR] [-- SPHINX-OPTIONS]`` (``make variant V=NAME``, ``make variants``).

A variant keeps its tagged entries, then its ``fill`` entries in order while
they fit: this builds the PDF with all of them, and, while it runs over the
limit, with fewer (a search over how many; more entries never take less
room). It stops with the overflow in points and lines, and no new PDF, when
even none of them fit. The PDF lands as ``BUILDDIR/FILENAME.pdf``; the
previous one stays unless the new one fits and its log is clean.
"""

from __future__ import annotations

import argparse
import re
import runpy
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from sphinx_cv import texlog
from sphinx_cv.variants import Variant

PAGES = re.compile(r"Output written on .*\((\d+) pages?")
LAST_PAGE = re.compile(
    r"sphinxcv-last-page: ([\d.]+)pt of\s*([\d.]+)pt, lines of ([\d.]+)pt"
)


@dataclass(frozen=True)
class Build:
    """One build of a variant: how many fill entries, and what came out."""

    fill: int
    pages: int
    pdf: Path
    log: Path
    #: Points past the limit: 0 when it fits.
    overflow: float
    line: float


def variants(sources: Path) -> dict[str, Variant]:
    """The variants conf.py declares, parsed as the extension parses them."""
    raw = runpy.run_path(str(sources / "conf.py"))
    tags = raw.get("cv_tags", {})
    declared = {}
    for name, data in raw.get("cv_variants", {}).items():
        try:
            declared[name] = Variant.parse(name, data, tags)
        except ValueError as error:
            raise ValueError(f"{name!r} {error}") from None
    return declared


def build(
    variant: Variant, fill: int, sources: Path, outdir: Path, options: list[str]
) -> Build:
    """Build the variant's PDF with its first *fill* fill entries, strictly:
    a warning fails it, as it fails ``make strict``."""
    command = [
        sys.executable, "-m", "sphinx", "-M", "latexpdf", str(sources), str(outdir),
        "-D", f"cv_variant={variant.name}", "-D", f"cv_fill={fill}",
        "-nW", "--keep-going", "-q", *options,
    ]  # fmt: skip
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    log = outdir / "latex" / f"{variant.filename}.log"
    text = log.read_text(encoding="utf-8", errors="replace") if log.is_file() else ""
    pages, last = PAGES.search(text), LAST_PAGE.search(text)
    if result.returncode != 0 or pages is None or last is None:
        sys.stdout.write(result.stdout)
        sys.stderr.write(result.stderr)
        problems = texlog.problems(log, sources) if log.is_file() else []
        for problem in problems:
            print(problem, file=sys.stderr)
        raise SystemExit(result.returncode or 1)
    used, height, line = (float(value) for value in last.groups())
    over = int(pages[1]) - variant.pages
    overflow = (over - 1) * height + used if over > 0 else 0.0
    pdf = outdir / "latex" / f"{variant.filename}.pdf"
    return Build(fill, int(pages[1]), pdf, log, overflow, line)


def fit(variant: Variant, sources: Path, outdir: Path, options: list[str]) -> Build:
    """The build with the most fill entries that fits, or SystemExit."""
    last = build(variant, len(variant.fill), sources, outdir, options)
    if not last.overflow:
        return last
    # Bisect: `fits` fill entries are known to fit (-1: none known), and
    # `over` are known to run over.
    fits, over, best, smallest = -1, len(variant.fill), None, last
    while over - fits > 1:
        last = build(variant, (fits + over) // 2, sources, outdir, options)
        if last.overflow:
            over, smallest = last.fill, last
        else:
            fits, best = last.fill, last
    if best is None:
        lines = round(smallest.overflow / smallest.line)
        print(
            f"make variant: {variant.name!r} does not fit {variant.pages} page(s) "
            f"even without its fill entries: it runs {smallest.overflow:.0f}pt "
            f"(about {lines} lines) over; keep fewer entries or allow more pages "
            "(cv_variants in conf.py)",
            file=sys.stderr,
        )
        raise SystemExit(1)
    if last is not best:
        last = build(variant, best.fill, sources, outdir, options)
    return last


def publish(
    variant: Variant, sources: Path, builddir: Path, options: list[str]
) -> None:
    """Fit *variant*, check its log, and put its PDF in *builddir*."""
    done = fit(variant, sources, builddir / "variants" / variant.name, options)
    problems = texlog.problems(done.log, sources)
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        raise SystemExit(1)
    target = builddir / f"{variant.filename}.pdf"
    shutil.copyfile(done.pdf, target)
    kept, left = variant.fill[: done.fill], variant.fill[done.fill :]
    print(
        f"{target}: {variant.title}, {done.pages} page(s)"
        + (f"; with {', '.join(kept)}" if kept else "")
        + (f"; left out for room: {', '.join(left)}" if left else "")
    )


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m sphinx_cv.fit")
    parser.add_argument("name", nargs="?", default="", help="the variant to build")
    parser.add_argument("--all", action="store_true", help="build every variant")
    parser.add_argument("--sources", type=Path, default=Path("."))
    parser.add_argument("--builddir", type=Path, default=Path("_build"))
    args, options = parser.parse_known_args(argv)
    options = [option for option in options if option != "--"]
    try:
        declared = variants(args.sources)
    except ValueError as error:
        print(f"make variant: cv_variants in conf.py: {error}", file=sys.stderr)
        return 2
    names = list(declared) if args.all else [args.name]
    for name in names:
        if name not in declared:
            known = ", ".join(declared) or "none"
            print(
                f"make variant: no variant {name!r}: use V=NAME with one of "
                f"cv_variants in conf.py ({known})",
                file=sys.stderr,
            )
            return 2
        publish(declared[name], args.sources, args.builddir, options)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
