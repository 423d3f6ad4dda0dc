"""Write a Draft out as a new CV project, laid out as this extension's own.

The project is written into a temporary folder beside its destination and
renamed into place only once complete, so a failure leaves nothing
half-made. Templates for the fixed files (conf.py, Makefile, README,
.readthedocs.yaml) ship in the package, under ``templates/new``.

The person's name is written once, as conf.py's ``author``: the first
page's heading (a MyST substitution), the ``cv:person`` entry, the site's
title and footer, and the files' names and properties read it there.

A project keeps its own copy of the package in ``_ext/`` (as this CV
does), and ``requirements.txt`` names what the package imports
(:data:`DEPENDENCIES`): it builds on a fresh machine and on Read the Docs
with no index holding sphinx-cv, and ``sphinx-cv upgrade`` puts a newer
copy in its place. Given ``--package`` (a version on an index, a wheel),
the project installs that instead and keeps no copy.
"""

from __future__ import annotations

import json
import re
import shutil
import string
import tempfile
from pathlib import Path

from sphinx_cv import entries, model
from sphinx_cv.formats.draft import (
    Draft,
    DraftEntry,
    DraftSection,
    InputError,
    Publication,
)
from sphinx_cv.variants import named

TEMPLATES = Path(__file__).with_name("templates") / "new"
#: The package itself, as a project keeps its copy of it.
PACKAGE = Path(__file__).parent
#: Where a project keeps that copy: conf.py puts it on sys.path.
VENDORED = Path("_ext") / "sphinx_cv"
#: What the package imports, as pip names it (the wheel's dependencies in
#: _ext/pyproject.toml, which a test holds the same): a project that keeps
#: its copy of the package installs these.
DEPENDENCIES = (
    "sphinx>=9.0,<10",
    "myst-parser>=5.0,<6",
    "furo>=2025.12.19,<2027",
    "sphinx-design>=0.8,<0.9",
    "sphinxcontrib-bibtex>=2.7,<3",
    "PyYAML>=6",
    "typst>=0.15,<0.16",
    "python-docx>=1.2,<2",
    "anyascii>=0.3,<0.4",
)


def directive(entry: DraftEntry) -> str:
    """An entry or an item as a MyST directive: options one a line, then
    its body."""
    head = f":::{{cv:{entry.type}}}" + (f" {entry.id}" if entry.id else "")
    lines = [head, *(f":{name}: {value}" for name, value in entry.options.items())]
    body = []
    if entry.summary:
        body.append(entry.summary)
    if entry.highlights:
        body.append("\n".join("- " + h.replace("\n", "\n  ") for h in entry.highlights))
    if body:
        lines += ["", "\n\n".join(body)]
    lines.append(":::")
    return "\n".join(lines)


def _person(draft: Draft) -> str:
    # Its name is conf.py's author.
    lines = [":::{cv:person}"]
    if draft.email:
        lines.append(f":email: {draft.email}")
    lines += [f":{name}: {value}" for name, value in draft.contact.items() if value]
    if draft.links:
        lines.append(f":links: {', '.join(draft.links)}")
    return "\n".join([*lines, ":::"])


def _toctree(caption: str, docs: list[str]) -> str:
    head = (
        f"```{{toctree}}\n:caption: {caption}\n:hidden:\n\n"
        if caption
        else "```{toctree}\n:hidden:\n\n"
    )
    return head + "\n".join(docs) + "\n```"


def _heading(text: str) -> str:
    return f"# {text}"


def _own_pages(section: DraftSection) -> bool:
    """Whether the section is a folder of one page an entry: it holds
    entries of a type that gets a page of its own (positions, projects)."""
    return any(
        isinstance(kind, entries.EntryType) and kind.own_page
        for kind in (entries.TYPES[entry.type] for entry in section.entries)
    )


def _folder(section: DraftSection) -> dict[str, str]:
    """A section as a folder: its index page (with a timeline of its
    entries, where they are of one type), and one page an entry."""
    files = {}
    for entry in section.entries:
        files[f"{section.name}/{entry.id}.md"] = (
            "\n\n".join([_heading(entry.title or entry.id), directive(entry)]) + "\n"
        )
    parts = [_heading(section.title)]
    types = {entry.type for entry in section.entries}
    if len(types) == 1:
        parts.append(
            f"::::{{only}} html\n\n:::{{cv:timeline}}\n:entries: {types.pop()}"
            "\n:::\n::::"
        )
    parts.append(_toctree("", [entry.id for entry in section.entries]))
    files[f"{section.name}/index.md"] = "\n\n".join(parts) + "\n"
    return files


def _page(section: DraftSection, prefix: str | None = None) -> str:
    """A section as one page: its prose, its entries and items, its
    publications: all of ``references.bib`` where it is the one list
    (*prefix* None), else each by its key, numbered after *prefix*, which
    tells the numbers of one list from another's."""
    parts = [_heading(section.title)]
    if section.entries and not section.text:
        # A label for the list: the page keeps its heading in print, where
        # a page that starts with its one entry is titled by it.
        parts.append(f"({section.name}-list)=")
    if section.text:
        parts.append(section.text)
    parts += [directive(entry) for entry in section.entries]
    if section.publications and prefix is None:
        parts.append("```{bibliography}\n:all:\n```")
    elif section.publications:
        # Each listed once, by its key.
        keys = "\n".join(p.key for p in section.publications)
        head = ":filter: False" + (f"\n:labelprefix: {prefix}" if prefix else "")
        parts.append(f"```{{bibliography}}\n{head}\n\n{keys}\n```")
    return "\n\n".join(parts) + "\n"


def pages(draft: Draft) -> dict[str, str]:
    """Every page of the project, by path, as MyST Markdown."""
    files: dict[str, str] = {}
    toc: list[str] = []
    for section in draft.sections:
        if _own_pages(section):
            files |= _folder(section)
            toc.append(f"{section.name}/index")
        else:
            lists = [s for s in draft.sections if s.publications]
            prefix = None if len(lists) == 1 else ""
            if section in lists[1:]:
                prefix = f"{lists.index(section)}-"
            files[f"{section.name}.md"] = _page(section, prefix)
            toc.append(section.name)
    if any("skills" in entry.options for entry in draft.entries()):
        files["skills-index.md"] = (
            "# Skills index\n\n```{only} html\nEvery skill the entries name, "
            "with the work that used it, newest first.\n```\n\n"
            "```{cv:skills-index}\n```\n"
        )
        toc.append("skills-index")
    index = [
        _heading("{{ author }}"),
        _person(draft),
        "::::{only} html and not epub\n\n:::{cv:downloads}\n:::\n::::",
    ]
    if draft.intro:
        index.append(draft.intro)
    index.append(
        "::::{only} html\n\n:::{rubric} Timeline\n:heading-level: 2\n:::\n\n"
        ":::{cv:timeline}\n:::\n::::"
    )
    index.append(_toctree("Curriculum vitae", toc))
    files["index.md"] = "\n\n".join(index) + "\n"
    publications = [p for section in draft.sections for p in section.publications]
    files["references.bib"] = "\n".join(bibtex(p) for p in publications)
    return files


_BIB_SPECIAL = re.compile(r"([{}\\])")


def _bib_value(name: str, value: str) -> str:
    """A field's value as BibTeX writes it: a month by its name; a title
    braced twice, so that the style keeps its capitals as written."""
    value = _BIB_SPECIAL.sub("", value)
    if name == "month" and value.isdigit() and 1 <= int(value) <= 12:
        return model.MONTHS[int(value) - 1]
    if name == "title":
        return f"{{{{{value}}}}}"
    return f"{{{value}}}"


def bibtex(publication: Publication) -> str:
    """One BibTeX entry; braces and backslashes in values are dropped, as
    BibTeX would read them as markup."""
    fields = ",\n".join(
        f"  {name} = {_bib_value(name, value)}"
        for name, value in publication.fields.items()
    )
    return f"@{publication.type}{{{publication.key},\n{fields}\n}}\n"


def _written(code: str) -> str:
    """*code* as Docutils writes its words (contents, notes) in it: where
    it knows the language only in one country's variant (Portuguese as
    pt_BR), that variant, so that a strict build has nothing to warn of."""
    import pkgutil

    import docutils.languages

    known = {m.name for m in pkgutil.iter_modules(docutils.languages.__path__)}
    if code.casefold() in known:
        return code
    variants = sorted(name for name in known if name.startswith(f"{code.casefold()}_"))
    if len(variants) == 1:
        language, _, country = variants[0].partition("_")
        return f"{language}_{country.upper()}"
    return code


def requirement(line: str) -> str:
    """The name a requirements line installs (``typst>=0.15`` typst), in
    pip's normal form; "" for a comment or a blank."""
    name = re.match(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)", line.split("#")[0])
    return re.sub(r"[-_.]+", "-", name.group(1)).casefold() if name else ""


def requirements(package: str | None) -> str:
    """requirements.txt: *package*, or, for a project that keeps its copy
    of the package, what the package imports."""
    head = "# What Read the Docs and `make html` need to build the CV.\n"
    if package is not None:
        return f"{head}{package}\n"
    kept = "# sphinx-cv itself is kept in _ext/ (see README.md); it imports:\n"
    return head + kept + "".join(f"{line}\n" for line in DEPENDENCIES)


def fixed_files(draft: Draft, package: str | None) -> dict[str, str]:
    """The files every project has, from the templates."""
    today = draft.settings.get("today")
    values = {
        "name": draft.name,
        "project": json.dumps(draft.name, ensure_ascii=False),
        "basename": named(draft.name),
        "version": json.dumps(draft.settings.get("version", "1.0")),
        "language": json.dumps(_written(draft.settings.get("language", "en"))),
        "present": json.dumps(
            draft.settings.get("present", "Present"), ensure_ascii=False
        ),
        "pages": draft.settings.get("pages", "0"),
        "path": (
            "\nimport sys\nfrom pathlib import Path\n\n# sphinx-cv, kept in _ext/ "
            "(see README.md).\n"
            'sys.path.insert(0, str(Path(__file__).parent / "_ext"))'
            if package is None
            else ""
        ),
        "authors": (
            "\n# Your name as your publications write it (else your surname).\n"
            f"cv_author_names = {json.dumps(draft.authors, ensure_ascii=False)}"
            if draft.authors
            else ""
        ),
        "today": (
            f"\n# When the CV was last changed, as its source said.\ntoday = "
            f"{json.dumps(today)}"
            if today
            else ""
        ),
    }
    files = {}
    for template, target in (
        ("conf.py.in", "conf.py"),
        ("Makefile", "Makefile"),
        ("README.md.in", "README.md"),
        ("readthedocs.yaml", ".readthedocs.yaml"),
        ("gitignore", ".gitignore"),
    ):
        text = (TEMPLATES / template).read_text(encoding="utf-8")
        files[target] = string.Template(text).safe_substitute(values)
    files["requirements.txt"] = requirements(package)
    files["_static/custom.css"] = (
        "/* Styles of this CV's own; sphinx-cv brings the entries'. */\n"
    )
    files["letters/example.md"] = (TEMPLATES / "letter.md").read_text("utf-8")
    return files


def vendor(root: Path) -> list[str]:
    """Put this package's copy in *root*'s ``_ext/`` (in place of any
    there); the files, as paths from *root*."""
    target = root / VENDORED
    shutil.rmtree(target, ignore_errors=True)
    # Caches, and the reference page the documentation writes when built.
    left = shutil.ignore_patterns("__pycache__", "*.pyc", "*.mo", "reference.md")
    shutil.copytree(PACKAGE, target, ignore=left)
    return sorted(
        p.relative_to(root).as_posix() for p in target.rglob("*") if p.is_file()
    )


def write(draft: Draft, destination: Path, package: str | None) -> list[str]:
    """Write the project into *destination*, which must not exist or be
    empty; the paths written, in order."""
    if destination.exists() and (
        not destination.is_dir() or any(destination.iterdir())
    ):
        raise InputError(f"{destination}: exists and is not empty; give a new folder")
    files = {**fixed_files(draft, package), **pages(draft)}
    destination.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(
        tempfile.mkdtemp(prefix=f".{destination.name}-", dir=destination.parent)
    )
    try:
        for name, text in files.items():
            path = staging / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        for name, data in draft.files.items():
            (staging / name).write_bytes(data)
        files |= dict.fromkeys(draft.files, "")
        if package is None:
            files |= dict.fromkeys(vendor(staging), "")
        if destination.exists():
            destination.rmdir()
        staging.rename(destination)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return sorted(files)
