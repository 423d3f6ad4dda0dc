"""The command line: start a CV project, print its reference, list versions.

    python -m sphinx_cv new DIR [--from resume.json | --from cv.yaml]
    python -m sphinx_cv reference [--check FILE]
    python -m sphinx_cv variants [DIR]

A problem with the input is one line naming the file and the place, and an
exit status of 1; nothing is written then.
"""

from __future__ import annotations

import argparse
import json
import runpy
import sys
from pathlib import Path

from sphinx_cv import __version__, project, reference
from sphinx_cv.formats import jsonresume, rendercv
from sphinx_cv.formats.draft import Draft, DraftEntry, InputError


def _example() -> Draft:
    """The CV ``new`` writes without ``--from``: one entry of each kind."""
    text = json.dumps(project.example(), indent=2)
    draft = jsonresume.parse(text, Path("example.json"))
    draft.teaching.append(
        DraftEntry(
            kind="teaching",
            id="teaching-assistant",
            title="Teaching Assistant",
            options={
                "role": "Teaching Assistant",
                "course": "CS101, Introduction to Computing",
                "organisation": "Example University",
                "start": "2020-08",
                "end": "2021-05",
            },
            highlights=["Led weekly lab sections."],
        )
    )
    draft.changed.clear()
    return draft


def read(path: Path) -> Draft:
    """A JSON Resume (``.json``) or RenderCV (``.yaml``, ``.yml``) file."""
    if path.suffix.casefold() == ".json":
        return jsonresume.read(path)
    if path.suffix.casefold() in (".yaml", ".yml"):
        return rendercv.read(path)
    raise InputError(
        f"{path}: neither .json (JSON Resume) nor .yaml (RenderCV): "
        "give a file with one of those extensions"
    )


def report(draft: Draft) -> str:
    """What the import could not carry, or carried with a change."""
    lines = []
    if draft.unmapped:
        lines.append("Not imported (no place in the CV):")
        lines += [f"  {name}" for name in draft.unmapped]
    if draft.changed:
        lines.append("Imported with a change, or where the exports do not read it:")
        lines += [f"  {name}" for name in draft.changed]
    return "\n".join(lines)


def new(args: argparse.Namespace) -> int:
    source: Path | None = args.source
    draft = read(source) if source is not None else _example()
    written = project.write(draft, args.directory, args.package)
    print(f"{args.directory}: a new CV project of {len(written)} files")
    summary = report(draft)
    if summary:
        print(summary)
    print(f"Next: cd {args.directory} && make html")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m sphinx_cv", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--version", action="version", version=__version__)
    commands = parser.add_subparsers(dest="command", required=True)
    start = commands.add_parser("new", help="write a new CV project into DIR")
    start.add_argument("directory", type=Path, metavar="DIR")
    start.add_argument(
        "--from",
        dest="source",
        type=Path,
        metavar="FILE",
        help="fill it from a JSON Resume (.json) or RenderCV (.yaml) file",
    )
    start.add_argument(
        "--package",
        default=f"sphinx-cv=={__version__}",
        help="how requirements.txt names sphinx-cv (default: %(default)s); "
        "a wheel's path or a URL also works",
    )
    docs = commands.add_parser("reference", help="print the extension's reference")
    docs.add_argument("--check", type=Path, metavar="FILE", help="fail if FILE differs")
    versions = commands.add_parser(
        "variants", help="print the versions conf.py in DIR declares (cv_variants)"
    )
    versions.add_argument("directory", type=Path, metavar="DIR", nargs="?", default=".")
    args = parser.parse_args(argv)
    try:
        if args.command == "new":
            return new(args)
        if args.command == "variants":
            conf = runpy.run_path(str(args.directory / "conf.py"))
            print("\n".join(conf.get("cv_variants", {})))
            return 0
        text = reference.markdown()
        if args.check is not None:
            if args.check.read_text(encoding="utf-8") != text:
                print(
                    f"{args.check}: out of date: run "
                    f"python -m sphinx_cv reference > {args.check}",
                    file=sys.stderr,
                )
                return 1
            return 0
        sys.stdout.write(text)
        return 0
    except InputError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
