"""``sphinx-cv new``: a new CV project, empty or from another format's file."""

from __future__ import annotations

import argparse
from pathlib import Path

from sphinx_cv import entries, project
from sphinx_cv.formats import jsonresume, rendercv
from sphinx_cv.formats.draft import (
    Draft,
    DraftEntry,
    InputError,
    check_entry,
    page_title,
)


def _example() -> Draft:
    """The CV ``new`` writes without ``--from``: the person, a summary, and
    an entry of each type that gives an example, in a section of its own."""
    draft = Draft(
        name="Your Name",
        email="you@example.com",
        links=[
            "Website example.com https://example.com",
            "GitHub you https://github.com/you",
        ],
        intro="One paragraph on who you are and what you do.",
    )
    for kind in entries.ENTRY_TYPES.values():
        if kind.example is None:
            continue
        folder, title = kind.section
        entry = DraftEntry(
            kind.name,
            f"example-{kind.name}",
            dict(kind.example),
            highlights=list(kind.example_body),
        )
        problem, values = check_entry(entry)
        assert not problem, f"cv:{kind.name}'s example: {problem}"
        entry.title = page_title(entry, values)
        draft.section(title, folder).entries.append(entry)
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
