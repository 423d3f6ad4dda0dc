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

from sphinx_cv import entries, model
from sphinx_cv.markup import MYST, escape_markdown


class InputError(Exception):
    """Input that cannot become a CV: the message names the file and place."""


@dataclass
class DraftEntry:
    """One entry or item: its type, id (an item has none), options as
    written, and its body in Markdown."""

    type: str
    id: str
    options: dict[str, str]
    #: Markdown paragraphs before the bullets (a referee's words, for a
    #: reference), and the bullets.
    summary: str = ""
    highlights: list[str] = field(default_factory=list)
    #: A page title for entries that get a page of their own.
    title: str = ""


@dataclass
class Publication:
    """One ``references.bib`` entry, cited from the publications page."""

    key: str
    type: str
    fields: dict[str, str]
    #: The line the page shows before the citation mark (Markdown).
    line: str


@dataclass
class DraftSection:
    """A section of the CV, as the source names it: its title, the name of
    its page (or folder), and what it holds: entries and items of any type,
    Markdown, publications."""

    title: str
    name: str
    entries: list[DraftEntry] = field(default_factory=list)
    text: str = ""
    publications: list[Publication] = field(default_factory=list)


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
    #: Its sections, in the source's order.
    sections: list[DraftSection] = field(default_factory=list)
    #: conf.py's settings the input gives (the document's version, its date).
    settings: dict[str, str] = field(default_factory=dict)
    #: Input fields with no place in the CV: named, never silently dropped.
    unmapped: list[str] = field(default_factory=list)
    #: Input fields kept, but changed or kept where the exports do not read.
    changed: list[str] = field(default_factory=list)

    def entries(self) -> list[DraftEntry]:
        return [entry for section in self.sections for entry in section.entries]

    def section(self, title: str, name: str) -> DraftSection:
        """A new section titled *title*, its page named after *name* unless
        another section has that name."""
        taken = {section.name for section in self.sections}
        base = re.sub(r"[^a-z0-9]+", "-", name.casefold()).strip("-") or "section"
        found, number = base, 2
        while found in taken or found in RESERVED:
            found, number = f"{base}-{number}", number + 1
        section = DraftSection(title, found)
        self.sections.append(section)
        return section


#: Names a section's page may not take: the project's own pages.
RESERVED = {"index", "skills-index", "references", "conf", "readme", "_static"}


# -- Text ----------------------------------------------------------------------


def escape(text: str) -> str:
    """Plain text as the Markdown of a MyST page that shows it as written,
    on one line."""
    return escape_markdown(one_line(text), MYST, line=True)


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


def page_title(entry: DraftEntry, values: dict[str, Any]) -> str:
    """The title of *entry*'s own page, from its parsed *values*
    (``Acme: Kernel Team``), for a type whose entries get one; "" for any
    other."""
    kind = entries.TYPES[entry.type]
    if not (isinstance(kind, entries.EntryType) and kind.own_page):
        return ""
    return escape(entries.label(model.Entry.of(entry.type, entry.id, **values), ": "))


def check_entry(entry: DraftEntry) -> tuple[str, dict[str, Any]]:
    """What is wrong with *entry*'s options, as the directive would say, or
    an empty string; and the options, parsed."""
    kind = entries.TYPES[entry.type]
    required, optional = kind.required, kind.optional
    missing = [name for name in required if not entry.options.get(name)]
    if missing:
        return "needs " + ", ".join(
            f"{name} ({model.FIELDS[name].doc})" for name in missing
        ), {}
    fields = {}
    for name, value in entry.options.items():
        if name not in required + optional:
            return f"takes no {name}", {}
        try:
            fields[name] = model.FIELDS[name].parse(value)
        except ValueError as error:
            return f"{name}: {error}", {}
    try:
        model.check_dates(fields)
    except ValueError as error:
        return str(error), {}
    return "", fields


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
    """A date as the model takes it: an ISO date (``YYYY``, ``YYYY-MM`` or
    ``YYYY-MM-DD``; YAML may give a date or a year as a number) to the day
    where it has one, ``present``, or words kept as written ("Spring 2025").
    A ValueError says why digits are no date."""
    import datetime

    if isinstance(value, datetime.date):
        return value.isoformat()[:10]
    if isinstance(value, bool):
        raise ValueError(f"{value!r} is not a date: use YYYY, YYYY-MM or YYYY-MM-DD")
    text = one_line(value)
    if text.casefold() == model.PRESENT:
        return model.PRESENT
    return model.parse_date(text).iso()


def bib_date(iso: str) -> dict[str, str]:
    """BibTeX's year, month and day fields of a date ("" gives none; words,
    BibTeX's year as written)."""
    if not iso:
        return {}
    when = model.parse_date(iso)
    if isinstance(when, model.WrittenDate):
        return {"year": when.text}
    parts = {"year": when.year, "month": when.month, "day": when.day}
    return {key: str(value) for key, value in parts.items() if value is not None}


#: Where a value is in the document read: its keys and indexes.
Where = tuple[str | int, ...]


class Reader:
    """What every reader shares: the document, the draft it fills, where a
    value is, and one way to fail (naming the file, the line and the key)."""

    #: Keys above those the reader names (RenderCV's CV sits under "cv").
    root: Where = ()
    #: What the format's dates may be, said after a date that is none.
    dates: str = ""

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

    def strings(self, where: Where, item: dict[str, Any], key: str) -> list[str]:
        """The list of text at *key* of *item* ([] if absent), each on one line."""
        value = item.get(key) or []
        if not isinstance(value, list) or not all(
            isinstance(v, str | int | float) and not isinstance(v, bool) for v in value
        ):
            raise self.fail((*where, key), "must be a list of text")
        return [one_line(v) for v in value if str(v).strip()]

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

    def date(self, where: Where, item: dict[str, Any], key: str) -> str:
        """The date at *key* of *item* as the model takes it; "" if none."""
        return ItemSource(self, where, item, markdown=False).date(key)

    def entry(
        self,
        where: Where,
        item: dict[str, Any],
        kind: entries.Type,
        read: entries.Read,
        *,
        body: str,
        markdown: bool,
        common: entries.Read | None = None,
    ) -> DraftEntry | None:
        """*item* as an entry (or item) of *kind*: its options as *read*
        (and *common*, what the format's items share) reads them, its body
        from the key *body* and ``highlights``. Text is plain (escaped) or
        Markdown (kept). What no one read is reported."""
        source = ItemSource(self, where, item, markdown=markdown)
        options = {**(common(source) if common else {}), **read(source)}
        options = {k: v for k, v in options.items() if v}
        if "date" in options and "date" not in kind.options:
            # One date, for a type that has a span: it began and ended then.
            when = options.pop("date")
            options.setdefault("start", when)
            options.setdefault("end", when)
        options = {k: v for k, v in options.items() if k in kind.options}
        prose = source.body(body)
        highlights = [
            source.body_of(h) for h in self.strings(where, item, "highlights")
        ]
        source.used.add("highlights")
        entry = DraftEntry(kind.name, "", options, prose, highlights)
        if isinstance(kind, entries.EntryType):
            name = " ".join(
                options.get(n, "") for n in (*kind.label[:1], kind.position)
            )
            entry.id = slug(name, self.ids, kind.name)
        self.rest(where, item, source.used)
        return self.checked(where, entry)

    def checked(self, where: Where, entry: DraftEntry) -> DraftEntry | None:
        """*entry* if it holds together; None, reported, if it lacks what an
        entry needs; a failure if a value is wrong."""
        problem, values = check_entry(entry)
        if problem.startswith("needs "):
            self.draft.unmapped.append(
                f"{self.dotted(where)} (a cv:{entry.type} {problem})"
            )
            self.ids.discard(entry.id)
            return None
        if problem:
            raise self.fail(where, problem)
        entry.title = page_title(entry, values)
        return entry


class ItemSource:
    """An item of the document read, as an entry type reads it
    (:class:`sphinx_cv.entries.Source`): each key it reads is noted, and a
    value that cannot be read fails at its line."""

    def __init__(
        self, reader: Reader, where: Where, item: dict[str, Any], *, markdown: bool
    ) -> None:
        self.reader, self.where, self.item = reader, where, item
        self.markdown = markdown
        self.used: set[str] = set()

    def text(self, key: str) -> str:
        self.used.add(key)
        text = self.reader.text_of(self.where, self.item, key)
        return markdown_to_text(text)[0] if self.markdown else text

    def date(self, key: str) -> str:
        self.used.add(key)
        value = self.item.get(key)
        if value in (None, ""):
            return ""
        try:
            return iso_date(value)
        except ValueError as error:
            said = f"{error}{self.reader.dates}"
            raise self.reader.fail((*self.where, key), said) from None

    def strings(self, key: str) -> list[str]:
        self.used.add(key)
        found = self.reader.strings(self.where, self.item, key)
        return [markdown_to_text(t)[0] for t in found] if self.markdown else found

    def url(self, key: str) -> str:
        self.used.add(key)
        text = self.reader.text_of(self.where, self.item, key)
        if self.markdown:
            text = markdown_to_text(text)[1] or (text if "://" in text else "")
        return self.reader.url((*self.where, key), text) if text else ""

    def note(self, key: str, change: str) -> None:
        self.reader.draft.changed.append(
            f"{self.reader.dotted((*self.where, key))}: {change}"
        )

    def body_of(self, text: str) -> str:
        """Text of the body as the page writes it: Markdown kept, plain
        text escaped."""
        return text if self.markdown else escape(text)

    def body(self, key: str) -> str:
        """The prose at *key*, as the page writes it."""
        self.used.add(key)
        return self.body_of(self.reader.text_of(self.where, self.item, key))
