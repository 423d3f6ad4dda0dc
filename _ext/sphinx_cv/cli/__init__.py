"""The command line: one ``sphinx-cv`` command with a subcommand per task.

    sphinx-cv new DIR [--from resume.json | cv.yaml | export.zip | cv.xml]
        [--name NAME] [--email ADDRESS] [--language CODE] [--package SPEC]
    sphinx-cv upgrade DIR
    sphinx-cv reference [--check FILE]
    sphinx-cv themes
    sphinx-cv variant NAME ... | --all | --list [--sources DIR] [--builddir DIR]
        [-- SPHINX-OPTIONS]
    sphinx-cv downloads [--sources DIR] [--builddir DIR] [--into DIR]
        [--formats DIR] [-- SPHINX-OPTIONS]
    sphinx-cv letters [NAME ...] [--sources DIR] [--builddir DIR]
        [-- SPHINX-OPTIONS]
    sphinx-cv live [--sources DIR] [--builddir DIR] [--port N] [-- SPHINX-OPTIONS]

(``python -m sphinx_cv`` is the same command.) A problem with the input is
one line, ``sphinx-cv: error: ...``, naming the file and the place where it
can, and an exit status of 1; nothing is written then.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from sphinx_cv import __version__, reference
from sphinx_cv.cli import downloads, letters, new, variant
from sphinx_cv.formats.draft import InputError
from sphinx_cv.look import THEMES


def _reference(args: argparse.Namespace) -> int:
    text = reference.markdown()
    if args.check is None:
        sys.stdout.write(text)
        return 0
    if args.check.read_text(encoding="utf-8") != text:
        raise InputError(
            f"{args.check}: out of date: run sphinx-cv reference > {args.check}"
        )
    return 0


def _themes(args: argparse.Namespace) -> int:
    for name, theme in THEMES.items():
        print(f"{name:<10} {theme.doc}")
    return 0


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(
        prog="sphinx-cv",
        description="A curriculum vitae kept as a Sphinx project: start one, "
        "build its versions and downloads, print the reference.",
        epilog="python -m sphinx_cv is the same command; `make docs` in a "
        "project builds the documentation.",
    )
    top.add_argument("--version", action="version", version=__version__)
    commands = top.add_subparsers(dest="command", required=True)

    start = commands.add_parser("new", help="write a new CV project into DIR")
    start.add_argument("directory", type=Path, metavar="DIR")
    start.add_argument(
        "--from",
        dest="source",
        type=Path,
        metavar="FILE",
        help="fill it from a JSON Resume (.json) or RenderCV (.yaml) file, a "
        "LinkedIn data export (.zip or its folder) or a Europass CV (.xml, .json)",
    )
    start.add_argument(
        "--language",
        metavar="CODE",
        help="the CV's language (conf.py's language: de, pt_BR); by default "
        "the source's (RenderCV's locale), else en",
    )
    start.add_argument(
        "--name", help=f"the person's name (default: {new.NAME}, or the source's)"
    )
    start.add_argument("--email", metavar="ADDRESS", help="the person's e-mail")
    start.add_argument(
        "--package",
        metavar="SPEC",
        help="install sphinx-cv from SPEC (a version on a package index, a "
        "wheel's path or address) rather than keep its copy in _ext/",
    )
    start.set_defaults(run=new.new)

    again = commands.add_parser(
        "upgrade", help="replace DIR's copy of sphinx-cv (_ext/) with this one"
    )
    again.add_argument("directory", type=Path, metavar="DIR")
    again.set_defaults(run=new.upgrade)

    looks = commands.add_parser("themes", help="list the looks cv_theme chooses from")
    looks.set_defaults(run=_themes)

    docs = commands.add_parser("reference", help="print the extension's reference")
    docs.add_argument("--check", type=Path, metavar="FILE", help="fail if FILE differs")
    docs.set_defaults(run=_reference)

    versions = commands.add_parser(
        "variant", help="build versions of the CV (cv_variants), fitted to their pages"
    )
    versions.add_argument("names", nargs="*", metavar="NAME")
    versions.add_argument("--all", action="store_true", help="build every version")
    versions.add_argument("--list", action="store_true", help="name the versions")
    versions.add_argument("--sources", type=Path, default=Path("."), metavar="DIR")
    versions.add_argument(
        "--builddir", type=Path, default=Path("_build"), metavar="DIR"
    )
    versions.set_defaults(run=variant.run)

    files = commands.add_parser(
        "downloads", help="build every file the site offers into one folder"
    )
    files.add_argument("--sources", type=Path, default=Path("."), metavar="DIR")
    files.add_argument("--builddir", type=Path, default=Path("_build"), metavar="DIR")
    files.add_argument(
        "--into",
        type=Path,
        metavar="DIR",
        help="the folder (default: BUILDDIR/downloads)",
    )
    files.add_argument(
        "--formats",
        type=Path,
        metavar="DIR",
        help="also the whole CV's PDF and ePub into DIR/pdf/ and DIR/epub/ "
        "(Read the Docs' own downloads)",
    )
    files.set_defaults(run=downloads.run)

    written = commands.add_parser(
        "letters", help="set the cover letters (letters/) as PDF and Word files"
    )
    written.add_argument("names", nargs="*", metavar="NAME")
    written.add_argument("--sources", type=Path, default=Path("."), metavar="DIR")
    written.add_argument("--builddir", type=Path, default=Path("_build"), metavar="DIR")
    written.set_defaults(run=letters.run)

    watched = commands.add_parser(
        "live",
        help="build the site and the PDF again on every save; serve the site, "
        "reloading its page",
    )
    watched.add_argument("--sources", type=Path, default=Path("."), metavar="DIR")
    watched.add_argument("--builddir", type=Path, default=Path("_build"), metavar="DIR")
    watched.add_argument("--port", type=int, default=8000, help="(default: 8000)")
    watched.add_argument(
        "--interval",
        type=float,
        default=0.05,
        help="seconds between looks at the sources (default: 0.05)",
    )
    watched.set_defaults(run=_live)
    return top


def _live(args: argparse.Namespace) -> int:
    # Imported here: it imports Sphinx, which no other command needs at once.
    from sphinx_cv import live

    args.sphinx = args.options
    return live.run(args)


def main(argv: list[str] | None = None) -> int:
    """Run the command *argv* says; what follows ``--`` goes to Sphinx."""
    argv = list(sys.argv[1:] if argv is None else argv)
    given = argv.index("--") if "--" in argv else len(argv)
    args = parser().parse_args(argv[:given])
    args.options = argv[given + 1 :]
    try:
        status: int = args.run(args)
    except InputError as error:
        print(f"sphinx-cv: error: {error}", file=sys.stderr)
        return 1
    return status
