"""``sphinx-cv new``: a new CV project, empty or from another format's file."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from sphinx_cv import __version__, entries, i18n, model, project
from sphinx_cv.formats import europass, jsonresume, linkedin, rendercv
from sphinx_cv.formats.draft import (
    Draft,
    DraftEntry,
    InputError,
    Publication,
    check_entry,
    page_title,
)

#: The name of a new CV's person, until ``--name`` gives one.
NAME = "Your Name"


def _example(name: str) -> Draft:
    """The CV ``new`` writes without ``--from``: the person, a summary, and
    an entry of each type that gives an example, in a section of its own."""
    draft = Draft(
        name=name,
        email="you@example.com",
        links=[
            "Website example.com https://example.com",
            "GitHub you https://github.com/you",
        ],
        intro="One paragraph on who you are and what you do.",
        settings={"pages": "2"},
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
    # A publication, listed by its key from references.bib.
    draft.section("Publications", model.PUBLICATIONS).publications.append(
        Publication(
            "example-2024-article",
            "article",
            {
                "author": f"{name} and Another Author",
                "title": "An Example Article",
                "journal": "Journal of Examples",
                "year": "2024",
                "url": "https://example.com/article",
            },
        )
    )
    return draft


def read(path: Path) -> Draft:
    """A JSON Resume (``.json``) or RenderCV (``.yaml``, ``.yml``) file, a
    LinkedIn export (its ``.zip`` or folder), or a Europass CV (``.xml``, or
    ``.json`` of Europass 3)."""
    suffix = path.suffix.casefold()
    if linkedin.is_export(path):
        return linkedin.read(path)
    if suffix == ".xml" or (suffix == ".json" and europass.is_europass(path)):
        return europass.read(path)
    if suffix == ".json":
        return jsonresume.read(path)
    if suffix in (".yaml", ".yml"):
        return rendercv.read(path)
    raise InputError(
        f"{path}: not .json (JSON Resume, Europass), .yaml (RenderCV), .xml "
        "(Europass), nor a LinkedIn export (.zip or its folder)"
    )


def report(draft: Draft) -> str:
    """What the import left out, carried with a change, or did not read as
    another tool's own; each with its file, line and field."""
    lines = []
    for title, found in (
        ("Left out (no place in the CV):", draft.unmapped),
        ("Carried with a change:", draft.changed),
        ("Not read (another tool's settings):", draft.ignored),
    ):
        if found:
            lines += [title, *(f"  {line}" for line in found)]
    return "\n".join(lines)


def new(args: argparse.Namespace) -> int:
    """Write the project; exit 1, with the project written, if something of
    the source could not be carried."""
    source: Path | None = args.source
    draft = read(source) if source is not None else _example(args.name or NAME)
    if args.name:
        draft.name = args.name
    if args.email:
        draft.email = args.email
    if args.language:
        draft.settings["language"] = args.language
    language = draft.settings.get("language", "en")
    if not (language.startswith("en") or (i18n.LOCALE / language).is_dir()):
        draft.changed.append(
            f"language {language}: dates are said in it (Babel's CLDR data); "
            "the extension's own few words (headings it adds, Present) stay "
            "English, as it has no catalog for it: set cv_present in conf.py"
        )
    written = project.write(draft, args.directory, args.package)
    print(f"{args.directory}: a new CV project of {len(written)} files")
    summary = report(draft)
    if summary:
        print(summary)
    print(f"Next: cd {args.directory} && make html")
    if draft.unmapped:
        print(
            f"sphinx-cv: {len(draft.unmapped)} value(s) of {source} left out: "
            "see above",
            file=sys.stderr,
        )
        return 1
    return 0


def upgrade(args: argparse.Namespace) -> int:
    """Put this package's copy in the project's ``_ext/``, and what it
    imports in its ``requirements.txt``."""
    root: Path = args.directory
    if not (root / project.VENDORED).is_dir():
        raise InputError(
            f"{root}: keeps no copy of sphinx-cv in {project.VENDORED}: "
            "it installs the package named in its requirements.txt"
        )
    project.vendor(root)
    wanted = root / "requirements.txt"
    lines = wanted.read_text(encoding="utf-8").splitlines()
    names = {project.requirement(line): line for line in project.DEPENDENCIES}
    kept = [line for line in lines if project.requirement(line) not in names]
    wanted.write_text("\n".join([*kept, *project.DEPENDENCIES]) + "\n", "utf-8")
    print(f"{root}: sphinx-cv {__version__} in {project.VENDORED}")
    return 0
