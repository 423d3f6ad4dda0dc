"""Write a Draft out as a new CV project, laid out as this extension's own.

The project is written into a temporary folder beside its destination and
renamed into place only once complete, so a failure leaves nothing
half-made. Templates for the fixed files (conf.py, Makefile, README,
.readthedocs.yaml) ship in the package, under ``templates/new``.
"""

from __future__ import annotations

import json
import re
import shutil
import string
import tempfile
from pathlib import Path

from sphinx_cv import model
from sphinx_cv.formats.draft import Draft, DraftEntry, InputError, Publication

TEMPLATES = Path(__file__).with_name("templates") / "new"

#: The folders of one page an entry, as (folder, title, kind of entry).
FOLDERS = (
    ("experience", "Experience", "work"),
    ("projects", "Projects", "project"),
    ("teaching", "Teaching experience", "teaching"),
)


def directive(entry: DraftEntry) -> str:
    """An entry as a MyST directive: options one a line, then its body."""
    lines = [f":::{{cv:{entry.kind}}} {entry.id}"]
    lines += [f":{name}: {value}" for name, value in entry.options.items()]
    body = []
    if entry.summary:
        body.append(entry.summary)
    if entry.highlights:
        body.append("\n".join(_bullet(h) for h in entry.highlights))
    if body:
        lines += ["", "\n\n".join(body)]
    lines.append(":::")
    return "\n".join(lines)


def _bullet(text: str) -> str:
    return f"- {text}"


def _person(draft: Draft) -> str:
    lines = [":::{cv:person}", f":name: {draft.name}"]
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


def pages(draft: Draft) -> dict[str, str]:
    """Every page of the project, by path, as MyST Markdown."""
    files: dict[str, str] = {}
    toc: list[str] = []
    for folder, title, kind in FOLDERS:
        entries = {
            "work": draft.work,
            "project": draft.projects,
            "teaching": draft.teaching,
        }[kind]
        if not entries:
            continue
        for entry in entries:
            files[f"{folder}/{entry.id}.md"] = (
                "\n\n".join([_heading(entry.title or entry.id), directive(entry)])
                + "\n"
            )
        timeline = (
            f"::::{{only}} html\n\n:::{{cv:timeline}}\n:entries: {kind}\n:::\n::::"
        )
        heading = _heading(draft.titles.get(kind, title))
        files[f"{folder}/index.md"] = (
            "\n\n".join([heading, timeline, _toctree("", [e.id for e in entries])])
            + "\n"
        )
        toc.append(f"{folder}/index")
    for page in draft.pages:
        parts = [_heading(page.title)]
        if page.entries:
            # A label for the list: the page keeps its heading in print,
            # where a page that starts with its one entry is titled by it.
            parts.append(f"({page.name}-list)=")
        if page.text:
            parts.append(page.text)
        parts += [directive(entry) for entry in page.entries]
        files[f"{page.name}.md"] = "\n\n".join(parts) + "\n"
    if any("skills" in entry.options for entry in draft.entries()):
        files["skills-index.md"] = (
            "# Skills index\n\n```{only} html\nEvery skill the entries name, "
            "with the work that used it, newest first.\n```\n\n"
            "```{cv:skills-index}\n```\n"
        )
    if draft.publications:
        lines = [f"- {p.line} {{cite:p}}`{p.key}`" for p in draft.publications]
        files[f"{model.PUBLICATIONS}.md"] = (
            "\n\n".join(
                [
                    _heading(draft.publications_title),
                    "\n".join(lines),
                    "```{bibliography}\n```",
                ]
            )
            + "\n"
        )
    order = [*draft.order, "education", *toc]
    order += [page.name for page in draft.pages] + [model.PUBLICATIONS]
    toc = [doc for doc in dict.fromkeys(order) if f"{doc}.md" in files]
    if "skills-index.md" in files:
        toc.append("skills-index")
    index = [
        _heading(draft.name),
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
    files["references.bib"] = "\n".join(bibtex(p) for p in draft.publications)
    return files


_BIB_SPECIAL = re.compile(r"([{}\\])")


def bibtex(publication: Publication) -> str:
    """One BibTeX entry; braces and backslashes in values are dropped, as
    BibTeX would read them as markup."""
    fields = ",\n".join(
        f"  {name} = {{{_BIB_SPECIAL.sub('', value)}}}"
        for name, value in publication.fields.items()
    )
    return f"@{publication.type}{{{publication.key},\n{fields}\n}}\n"


def basename(name: str) -> str:
    words = re.findall(r"[a-z0-9]+", name.casefold())
    return "-".join([*words[:4], "cv"]) if words else "cv"


def fixed_files(draft: Draft, package: str) -> dict[str, str]:
    """The files every project has, from the templates."""
    today = draft.settings.get("today")
    values = {
        "name": draft.name,
        "project": json.dumps(draft.name, ensure_ascii=False),
        "basename": basename(draft.name),
        "version": json.dumps(draft.settings.get("version", "1.0")),
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
    files["requirements.txt"] = (
        f"# What Read the Docs and `make html` need to build the CV.\n{package}\n"
    )
    files["_static/custom.css"] = (
        "/* Styles of this CV's own; sphinx-cv brings the entries'. */\n"
    )
    return files


def write(draft: Draft, destination: Path, package: str) -> list[str]:
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
        if destination.exists():
            destination.rmdir()
        staging.rename(destination)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return sorted(files)


def example() -> dict[str, object]:
    """The JSON Resume document ``new`` starts from when given no file."""
    return {
        "basics": {
            "name": "Your Name",
            "email": "you@example.com",
            "url": "https://example.com",
            "summary": "One paragraph on who you are and what you do.",
            "profiles": [
                {
                    "network": "GitHub",
                    "username": "you",
                    "url": "https://github.com/you",
                }
            ],
        },
        "work": [
            {
                "name": "Example Corp.",
                "position": "Software Engineer",
                "location": "City, Country",
                "startDate": "2022-06",
                "highlights": ["What you did, and what it changed."],
            }
        ],
        "education": [
            {
                "institution": "Example University",
                "studyType": "B.S.",
                "area": "Computer Science",
                "startDate": "2018",
                "endDate": "2022",
            }
        ],
        "projects": [
            {
                "name": "A Project",
                "description": "What it is.",
                "startDate": "2021",
                "endDate": "2022",
                "keywords": ["Python"],
                "highlights": ["What it does, and for whom."],
            }
        ],
        "awards": [{"title": "An Award", "awarder": "Its Awarder", "date": "2021"}],
    }
