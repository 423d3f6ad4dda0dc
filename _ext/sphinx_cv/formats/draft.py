"""A CV read from another format, held in memory until it becomes a project.

The readers (:mod:`~sphinx_cv.formats.jsonresume`,
:mod:`~sphinx_cv.formats.rendercv`), both a :class:`Reader`, fill a
:class:`Draft`; :mod:`sphinx_cv.project` writes it out as MyST pages.  Every
option value is checked here with the model's own validators, so that a
draft that holds together writes a project that builds strictly.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sphinx_cv import model


class InputError(Exception):
    """Input that cannot become a CV: the message names the file and place."""


@dataclass
class DraftEntry:
    """One entry: its kind, id, options as written, and a Markdown body."""

    kind: str
    id: str
    options: dict[str, str]
    #: Markdown paragraphs before the bullets, and the bullets.
    summary: str = ""
    highlights: list[str] = field(default_factory=list)
    #: A page title for entries that get a page of their own.
    title: str = ""


@dataclass
class Page:
    """A page of the CV: entries of one kind, or Markdown, or both."""

    name: str
    title: str
    entries: list[DraftEntry] = field(default_factory=list)
    text: str = ""


@dataclass
class Publication:
    """One ``references.bib`` entry, cited from the publications page."""

    key: str
    type: str
    fields: dict[str, str]
    #: The line the page shows before the citation mark (Markdown).
    line: str


@dataclass
class Draft:
    """A whole CV, and what the import could not carry over, by name."""

    name: str
    email: str = ""
    #: The rest of ``cv:person``'s options: phone, location, address, ...
    contact: dict[str, str] = field(default_factory=dict)
    #: ``Network label URL`` items, as ``cv:person``'s :links: takes them.
    links: list[str] = field(default_factory=list)
    intro: str = ""
    #: The titles the input gives the sections of work and projects.
    titles: dict[str, str] = field(default_factory=dict)
    #: Work, projects and teaching: one page each, in these folders.
    work: list[DraftEntry] = field(default_factory=list)
    projects: list[DraftEntry] = field(default_factory=list)
    teaching: list[DraftEntry] = field(default_factory=list)
    #: Pages of their own (education, honours, skills, anything else).
    pages: list[Page] = field(default_factory=list)
    publications: list[Publication] = field(default_factory=list)
    publications_title: str = "Publications"
    #: conf.py's settings the input gives (the document's version, its date).
    settings: dict[str, str] = field(default_factory=dict)
    #: The pages in the order the input gave their sections, where it did.
    order: list[str] = field(default_factory=list)
    #: Input fields with no place in the CV: named, never silently dropped.
    unmapped: list[str] = field(default_factory=list)
    #: Input fields kept, but changed or kept where the exports do not read.
    changed: list[str] = field(default_factory=list)

    def entries(self) -> list[DraftEntry]:
        found = self.work + self.projects + self.teaching
        return found + [e for page in self.pages for e in page.entries]


# -- Text ----------------------------------------------------------------------

#: ASCII punctuation Markdown may read as markup; CommonMark lets a
#: backslash escape any of it.
_MARKUP = re.compile(r"([\\`*_\[\]{}<>#|~&$])")
_LINE_START = re.compile(r"^(\s*)([-+:>=]|\d+[.)])")


def escape(text: str) -> str:
    """Plain text as Markdown that shows it as written."""
    text = " ".join(str(text).split())
    text = _MARKUP.sub(r"\\\1", text)
    return _LINE_START.sub(lambda m: m[1] + "\\" + m[2], text)


def one_line(text: Any) -> str:
    """An option's value: one line, as the directive reads it verbatim."""
    return " ".join(str(text).split())


_MD_LINK = re.compile(r"\[(?P<text>[^\]]+)\]\((?P<url>[^)\s]+)\)")
_MD_MARKS = re.compile(r"(\*\*|__|\*|_|`)(?P<inner>.+?)\1")


def markdown_to_text(text: str) -> tuple[str, str]:
    """Markdown written where the CV takes plain text (an option): its text,
    and the address of its one link, if it is a link."""
    url = ""
    match = _MD_LINK.fullmatch(text.strip())
    if match:
        text, url = match["text"], match["url"]
    text = _MD_LINK.sub(lambda m: m["text"], text)
    return _MD_MARKS.sub(lambda m: m["inner"], text), url


def slug(text: str, taken: set[str], fallback: str = "entry") -> str:
    """A unique entry id from *text*: lowercase letters and digits joined by
    single hyphens (see :func:`sphinx_cv.model.parse_entry_id`)."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore")
    words = re.findall(r"[a-z0-9]+", ascii_text.decode().casefold())
    base = "-".join(words[:5]) or fallback
    candidate, number = base, 2
    while candidate in taken:
        candidate, number = f"{base}-{number}", number + 1
    taken.add(candidate)
    return model.parse_entry_id(candidate)


def check_entry(entry: DraftEntry) -> str:
    """What is wrong with *entry*'s options, as the directive would say, or
    an empty string."""
    required, optional = model.KINDS[entry.kind]
    missing = [name for name in required if not entry.options.get(name)]
    if missing:
        return "needs " + ", ".join(
            f"{name} ({model.FIELDS[name].doc})" for name in missing
        )
    fields = {}
    for name, value in entry.options.items():
        if name not in required + optional:
            return f"takes no {name}"
        try:
            fields[name] = model.FIELDS[name].parse(value)
        except ValueError as error:
            return f"{name}: {error}"
    try:
        model.check_dates(fields)
    except ValueError as error:
        return str(error)
    return ""


# -- Places and dates ------------------------------------------------------------


def dotted(path: tuple[str | int, ...]) -> str:
    """``work[0].startDate`` for ("work", 0, "startDate")."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else f".{part}" if text else part
    return text


def locate(text: str, path: tuple[str | int, ...]) -> int | None:
    """The line (from 1) where *path* is written in *text*, a YAML or JSON
    document, or None if it cannot be told."""
    import yaml

    try:
        node: Any = yaml.compose(text)
    except yaml.YAMLError:
        return None
    for part in path:
        if isinstance(node, yaml.MappingNode):
            found = [v for k, v in node.value if k.value == part]
            if not found:
                return int(node.start_mark.line) + 1
            node = found[0]
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int):
            if part >= len(node.value):
                return int(node.start_mark.line) + 1
            node = node.value[part]
        else:
            break
    return None if node is None else int(node.start_mark.line) + 1


def iso_date(value: Any) -> str:
    """An ISO date (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; YAML may give a
    date or a year as a number) as the model takes it, to the day where it
    has one. A ValueError says why a value is no date."""
    import datetime

    if isinstance(value, datetime.date):
        return value.isoformat()[:10]
    if isinstance(value, bool):
        raise ValueError(f"{value!r} is not a date: use YYYY, YYYY-MM or YYYY-MM-DD")
    text = str(value).strip()
    return model.PartialDate.parse(text).iso()


def bib_date(iso: str) -> dict[str, str]:
    """BibTeX's year, month and day fields of an ISO date ("" gives none)."""
    if not iso:
        return {}
    when = model.PartialDate.parse(iso)
    parts = {"year": when.year, "month": when.month, "day": when.day}
    return {key: str(value) for key, value in parts.items() if value is not None}


#: Where a value is in the document read: its keys and indexes.
Where = tuple[str | int, ...]


class Reader:
    """What every reader shares: the document, the draft it fills, where a
    value is, and one way to fail (naming the file, the line and the key)."""

    #: Keys above those the reader names (RenderCV's CV sits under "cv").
    root: Where = ()

    def __init__(self, path: Path, text: str) -> None:
        self.path, self.text = path, text
        self.ids: set[str] = set()
        self.draft = Draft(name="")

    def dotted(self, where: Where) -> str:
        return dotted((*self.root, *where))

    def fail(self, where: Where, message: str) -> InputError:
        line = locate(self.text, (*self.root, *where))
        place = f"{self.path}:{line}" if line else str(self.path)
        return InputError(f"{place}: {self.dotted(where) or 'the document'}: {message}")

    def text_of(self, where: Where, item: dict[str, Any], key: str) -> str:
        """The text at *key* of *item* ("" if absent), on one line."""
        value = item.get(key)
        if value is None:
            return ""
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            raise self.fail((*where, key), "must be text")
        return one_line(value)

    def rest(self, where: Where, item: dict[str, Any], used: set[str]) -> None:
        """Report the keys of *item* that nothing read."""
        for key, value in item.items():
            if key not in used and value not in ("", None, [], {}):
                self.draft.unmapped.append(self.dotted((*where, key)))

    def checked_value(self, where: Where, option: str, value: str) -> str:
        """*value* as the model's option *option* reads it (a list as
        written), or a failure."""
        try:
            parsed = model.FIELDS[option].parse(value)
        except ValueError as error:
            raise self.fail(where, str(error)) from None
        return parsed if isinstance(parsed, str) else value

    def url(self, where: Where, text: str) -> str:
        """*text* as an address the model takes, or a failure at *where*."""
        return self.checked_value(where, "url", text)

    def url_of(self, where: Where, item: dict[str, Any], key: str = "url") -> str:
        """The address at *key* of *item*, checked; "" if there is none."""
        text = self.text_of(where, item, key)
        return self.url((*where, key), text) if text else ""

    def checked(self, where: Where, entry: DraftEntry) -> DraftEntry | None:
        """*entry* if it holds together; None, reported, if it lacks what an
        entry needs; a failure if a value is wrong."""
        problem = check_entry(entry)
        if problem.startswith("needs "):
            self.draft.unmapped.append(
                f"{self.dotted(where)} (a cv:{entry.kind} {problem})"
            )
            self.ids.discard(entry.id)
            return None
        if problem:
            raise self.fail(where, problem)
        return entry
