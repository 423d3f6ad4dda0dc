"""``sphinx-cv new``: a new CV project, empty or from another format's file."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from sphinx_cv import project
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
