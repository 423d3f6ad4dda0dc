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
from collections.abc import Collection
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
    #: The person's names as their publications write them, where the
    #: source sets them apart among the authors.
    authors: list[str] = field(default_factory=list)
    #: Files the project keeps beside its pages (a portrait), by path.
    files: dict[str, bytes] = field(default_factory=dict)
    #: Input fields with no place in the CV: named, never silently dropped.
    unmapped: list[str] = field(default_factory=list)
    #: Input fields kept, but changed or kept where the exports do not read.
    changed: list[str] = field(default_factory=list)
    #: Parts of the input that are another tool's own (its page design).
    ignored: list[str] = field(default_factory=list)

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


def json_of(text: str, path: Path) -> Any:
    """The JSON document *text*, read from *path*; an InputError at the line
    and column where it is not JSON."""
    import json

    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise InputError(
            f"{path}:{error.lineno}:{error.colno}: not valid JSON: {error.msg}"
        ) from None


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


_MARKED = re.compile(r"(?P<mark>[*_]{1,3})(?P<name>[^*_].*?)(?P=mark)")


def marked_author(text: str) -> tuple[str, bool]:
    """An author as a publication lists one: the name as text, and whether
    the source sets it apart (``*A. Lovelace*``, ``**...**``, ``***...***``)
    as RenderCV's files mark the CV's owner."""
    text = one_line(text).strip()
    match = _MARKED.fullmatch(text)
    if match:
        return markdown_to_text(match["name"])[0].strip(), True
    return markdown_to_text(text)[0].strip(), False


_DOI = re.compile(r"https?://(?:dx\.)?doi\.org/(?P<doi>10\..+)", re.I)
_ARXIV = re.compile(r"https?://arxiv\.org/(?:abs|pdf)/(?P<id>[^/?#]+?)(?:\.pdf)?", re.I)


def identified(url: str, doi: str = "") -> dict[str, str]:
    """A publication's address as BibTeX fields: a DOI's (``doi.org/10...``)
    as its ``doi``, an arXiv page's as its ``eprint``, any other as its
    ``url``; none where it is the address of the *doi* given."""
    found = _DOI.fullmatch(url)
    if found:
        return {} if doi else {"doi": found["doi"]}
    found = _ARXIV.fullmatch(url)
    if found:
        return {"eprint": found["id"], "archiveprefix": "arXiv"}
    return {"url": url} if url else {}


_TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]*)?/?>")


def html_to_markdown(text: str) -> str:
    """HTML written in a field (``<strong>``, ``<a href>``, ``<br>``, lists)
    as the Markdown that shows the same; text without tags as it is."""
    if not _TAG.search(text):
        return text
    from html.parser import HTMLParser

    marks = {"strong": "**", "b": "**", "em": "*", "i": "*", "code": "`"}
    out: list[str] = []
    links: list[str] = []

    class Parser(HTMLParser):
        def handle_starttag(
            self, tag: str, attrs: list[tuple[str, str | None]]
        ) -> None:
            if tag in marks:
                out.append(marks[tag])
            elif tag == "a":
                links.append(dict(attrs).get("href") or "")
                out.append("[")
            elif tag == "br":
                out.append("\n")
            elif tag in ("p", "ul", "ol", "div"):
                out.append("\n\n")
            elif tag == "li":
                out.append("\n- ")

        def handle_endtag(self, tag: str) -> None:
            if tag in marks:
                out.append(marks[tag])
            elif tag == "a":
                href = links.pop() if links else ""
                out.append(f"]({href})" if href else "]")
            elif tag in ("p", "ul", "ol", "div"):
                out.append("\n\n")

        def handle_data(self, data: str) -> None:
            out.append(data)

    parser = Parser(convert_charrefs=True)
    parser.feed(text)
    parser.close()
    found = re.sub(r"\n{3,}", "\n\n", "".join(out))
    return "\n".join(line.strip() for line in found.strip().splitlines())


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
    if kind.one_of and not any(entry.options.get(name) for name in kind.one_of):
        return f"needs {entries.one_of(kind.one_of)}", {}
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


def compose(text: str) -> Any:
    """The node tree of *text*, a YAML or JSON document, which tells where
    each value is written; None if it cannot be read."""
    import yaml

    try:
        # JSON is YAML but for tabs between its values, which YAML forbids.
        return yaml.compose(text.replace("\t", " "), Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return None


def locate(node: Any, path: tuple[str | int, ...]) -> int | None:
    """The line (from 1) where *path* is written in the document whose
    :func:`compose` tree is *node*, or None if it cannot be told."""
    import yaml

    if node is None:
        return None
    # A value is where its key is written; an item, where it starts.
    line = int(node.start_mark.line) + 1
    for part in path:
        if isinstance(node, yaml.MappingNode):
            found = [(k, v) for k, v in node.value if k.value == part]
            if not found:
                return line
            key, node = found[0]
            line = int(key.start_mark.line) + 1
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int):
            if part >= len(node.value):
                return line
            node = node.value[part]
            line = int(node.start_mark.line) + 1
        else:
            break
    return line


#: Words for an end still to come, as CVs write them ("Present", "now").
STILL = {model.PRESENT, "now", "current", "currently", "ongoing", "today", "to date"}

#: English month names and their abbreviations, as exports write them
#: ("Nov 2022", "September 2019"), by their number.
_MONTHS = {
    name: number
    for number, month in enumerate(
        (
            "january", "february", "march", "april", "may", "june", "july",
            "august", "september", "october", "november", "december",
        ),
        1,
    )
    for name in (month, month[:3], month[:4])
}  # fmt: skip

#: Calendar dates written otherwise: year and month parted by a slash or a
#: dot (2021/07, 2021.07), month first (07/2025), a month by its name.
_YEAR_MONTH = re.compile(r"(?P<year>\d{4})[/.](?P<month>\d{1,2})")
_MONTH_YEAR = re.compile(r"(?P<month>\d{1,2})[/.](?P<year>\d{4})")
_YEAR_MONTH_DAY = re.compile(
    r"(?P<year>\d{4})[/.](?P<month>\d{1,2})[/.](?P<day>\d{1,2})"
)
_NAMED_MONTH = re.compile(r"(?P<month>[A-Za-z]+)\.?,?\s+(?P<year>\d{4})")
_NAMED_MONTH_DAY = re.compile(
    r"(?P<month>[A-Za-z]+)\.?\s+(?P<day>\d{1,2}),?\s+(?P<year>\d{4})"
)
#: Two dates in one field: 2021 - 2024, 2018--2024, 2019 \u2013 present.
_RANGE = re.compile(r"\s*(?:--|\u2013|\u2014|\s-\s|\bto\b)\s*")


def normal_date(text: str, still: frozenset[str] | set[str] = STILL) -> str:
    """A date as the model takes it: ISO (``YYYY``, ``YYYY-MM``,
    ``YYYY-MM-DD``) from the forms CVs use (``2021/07``, ``07/2025``,
    ``Nov 2022``, ``Nov 12, 2023``), ``present`` for the words in *still*,
    or words kept as written ("Spring 2025"). A ValueError says why digits
    are no date."""
    text = one_line(text)
    if text.casefold() in still:
        return model.PRESENT
    for pattern in (
        _YEAR_MONTH_DAY, _YEAR_MONTH, _MONTH_YEAR, _NAMED_MONTH, _NAMED_MONTH_DAY,
    ):  # fmt: skip
        match = pattern.fullmatch(text)
        if match is None:
            continue
        month = match["month"]
        number = _MONTHS.get(month.casefold()) if month.isalpha() else int(month)
        if number is None:
            break
        day = match.groupdict().get("day")
        text = f"{match['year']}-{number:02d}" + (f"-{int(day):02d}" if day else "")
        break
    return model.parse_date(text).iso()


def date_range(text: str, still: frozenset[str] | set[str] = STILL) -> tuple[str, str]:
    """A field that holds two dates (``2021 - 2024``, ``2018--2024``) as
    its start and end; ("", "") if it is not two dates."""
    parts = _RANGE.split(one_line(text))
    if len(parts) != 2:
        return "", ""
    try:
        start, end = (normal_date(part, still) for part in parts)
    except ValueError:
        return "", ""
    dated = [
        model.parse_date(start),
        None if end == model.PRESENT else model.parse_date(end),
    ]
    if (
        any(isinstance(when, model.WrittenDate) for when in dated)
        or start == model.PRESENT
    ):
        return "", ""
    return start, end


def iso_date(value: Any) -> str:
    """A date as the model takes it: an ISO date (YAML may give a date or a
    year as a number) to the day where it has one, ``present``, or words
    kept as written ("Spring 2025"); see :func:`normal_date`."""
    import datetime

    if isinstance(value, datetime.date):
        return value.isoformat()[:10]
    if isinstance(value, bool):
        raise ValueError(f"{value!r} is not a date: use YYYY, YYYY-MM or YYYY-MM-DD")
    return normal_date(str(value))


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


_SCHEME = re.compile(r"[a-z][a-z0-9+.-]*:", re.I)
_HOST = re.compile(r"(?:www\.)?[\w-]+(?:\.[\w-]+)+(?:[/?#]\S*)?")


def normal_url(text: str) -> tuple[str, str]:
    """*text* as an address every output links (http, https or mailto), and
    what was changed to make it one ("" if nothing); a ValueError if it
    cannot be one. An address without its scheme (``together.ai``) gets
    https://, an e-mail address mailto:, and characters a URL cannot hold
    are %-encoded."""
    from urllib.parse import quote

    text = text.strip()
    change = ""
    if not _SCHEME.match(text) or text.casefold().startswith("www."):
        if re.fullmatch(r"[^\s@/]+@[^\s@]+\.[^\s@]+", text):
            text, change = f"mailto:{text}", "an e-mail address, linked with mailto:"
        elif _HOST.fullmatch(text):
            text, change = f"https://{text}", "no scheme: https:// added"
    try:
        return model.parse_url(text), change
    except ValueError as error:
        encoded = quote(text, safe="-._~:/?#[]@!$&'()*+,;=%")
        if encoded == text:
            raise error from None
        return model.parse_url(encoded), "characters a URL cannot hold %-encoded"


#: Where a value is in the document read: its keys and indexes.
Where = tuple[str | int, ...]


def is_empty(value: Any) -> bool:
    """Whether *value* says nothing: empty text, or only empty values."""
    if isinstance(value, dict):
        return all(is_empty(v) for v in value.values())
    if isinstance(value, list):
        return all(is_empty(v) for v in value)
    return value is None or (isinstance(value, str) and not value.strip())


def as_titled(
    title: str, kind: entries.Type, read: entries.Read
) -> tuple[entries.Type, entries.Read]:
    """The type, and its reader, of an item that a format's reader reads as
    *kind*, in a section so titled: where the title names a type that reads
    *kind*'s options (a talk, read from an education entry of "Invited
    talks"), that type, the options renamed."""
    held = entries.titled(title)
    if held is None or kind.name not in held.reads:
        return kind, read
    names = held.reads[kind.name]

    def renamed(source: entries.Source) -> dict[str, str]:
        return {names.get(k, k): v for k, v in read(source).items()}

    return held, renamed


#: The options whose values are dates, as an item's keys give them.
DATES = frozenset({"start", "end", "date"})


def by_keys(keys: dict[str, str], dates: Collection[str] = DATES) -> entries.Read:
    """How a type reads an item whose keys each hold one option (*keys*: the
    key of each option): a date as a date, an address as an address, the
    rest as text."""

    def read(source: entries.Source) -> dict[str, str]:
        return {
            option: source.date(key)
            if option in dates
            else source.url(key)
            if option == "url"
            else source.text(key)
            for option, key in keys.items()
        }

    return read


class Reader:
    """What every reader shares: the document, the draft it fills, where a
    value is, and the three ways a value goes: read, kept with a change
    (:meth:`kept`), or left out (:meth:`left_out`), each named with its file,
    line and field. Only a document that is no CV at all fails
    (:meth:`fail`): every other problem is reported, and reading goes on."""

    #: Keys above those the reader names (RenderCV's CV sits under "cv").
    root: Where = ()
    #: Whether the format has one way to write a date (LinkedIn's ``Nov
    #: 2022``), which is then read without a word; else each date not
    #: written as ISO is reported as read.
    native_dates = False

    def __init__(self, path: Path, text: str) -> None:
        self.path, self.text = path, text
        self.ids: set[str] = set()
        self.draft = Draft(name="")
        #: The words the document uses for an end still to come.
        self.still: set[str] = set(STILL)
        self._tree: Any = ...

    def dotted(self, where: Where) -> str:
        return dotted((*self.root, *where))

    def place(self, where: Where) -> str:
        """``file:line: field`` of *where*."""
        if self._tree is ...:
            self._tree = compose(self.text)
        line = locate(self._tree, (*self.root, *where))
        head = f"{self.path}:{line}" if line else str(self.path)
        return f"{head}: {self.dotted(where) or 'the document'}"

    def fail(self, where: Where, message: str) -> InputError:
        return InputError(f"{self.place(where)}: {message}")

    def left_out(self, where: Where, why: str) -> None:
        """Report that the value at *where* has no place in the CV."""
        self.draft.unmapped.append(f"{self.place(where)}: {why}")

    def kept(self, where: Where, change: str) -> None:
        """Report that the value at *where* was carried with *change*."""
        self.draft.changed.append(f"{self.place(where)}: {change}")

    def ignored(self, where: Where, why: str) -> None:
        """Report a part of the document that is another tool's alone."""
        self.draft.ignored.append(f"{self.place(where)}: {why}")

    def text_of(self, where: Where, item: dict[str, Any], key: str) -> str:
        """The text at *key* of *item* ("" if absent), on one line; a list
        of text is its items parted by semicolons."""
        value = item.get(key)
        if value is None:
            return ""
        if isinstance(value, list) and all(_scalar(v) for v in value):
            if len(value) > 1:
                self.kept((*where, key), "a list, as one text parted by semicolons")
            return "; ".join(one_line(v) for v in value if str(v).strip())
        if not _scalar(value):
            if not is_empty(value):
                self.left_out((*where, key), "not text")
            return ""
        return one_line(value)

    def prose_of(self, where: Where, item: dict[str, Any], key: str) -> str:
        """The text at *key* of *item* as it is written, paragraphs and
        lists kept ("" if absent); a list of text is paragraphs."""
        value = item.get(key)
        if isinstance(value, list) and all(_scalar(v) for v in value):
            return "\n\n".join(str(v).strip() for v in value if str(v).strip())
        if value is None or not _scalar(value):
            if not is_empty(value):
                self.left_out((*where, key), "not text")
            return ""
        return "\n".join(line.rstrip() for line in str(value).strip().splitlines())

    def strings(self, where: Where, item: dict[str, Any], key: str) -> list[str]:
        """The list of text at *key* of *item* ([] if absent), each as written;
        text alone is a list of one."""
        value = item.get(key)
        if value is None:
            return []
        if _scalar(value):
            value = [value]
        if not isinstance(value, list):
            self.left_out((*where, key), "not a list of text")
            return []
        found = []
        for number, v in enumerate(value):
            if _scalar(v):
                if str(v).strip():
                    found.append(str(v).strip())
            elif not is_empty(v):
                self.left_out((*where, key, number), "not text")
        return found

    def rest(self, where: Where, item: dict[str, Any], used: set[str]) -> None:
        """Report the keys of *item* that nothing read."""
        for key, value in item.items():
            if key not in used and not is_empty(value):
                self.left_out((*where, key), "no place in the CV")

    def checked_value(self, where: Where, option: str, value: str) -> str:
        """*value* as the model's option *option* reads it (a list as
        written); "" and reported if it cannot be read."""
        try:
            parsed = model.FIELDS[option].parse(value)
        except ValueError as error:
            self.left_out(where, str(error))
            return ""
        return parsed if isinstance(parsed, str) else value

    def url(self, where: Where, text: str) -> str:
        """*text* as an address the model takes ("" and reported if it
        cannot be one; a change made to it is reported)."""
        try:
            found, change = normal_url(text)
        except ValueError as error:
            self.left_out(where, str(error))
            return ""
        if change:
            self.kept(where, change)
        return found

    def url_of(self, where: Where, item: dict[str, Any], key: str = "url") -> str:
        """The address at *key* of *item*, checked; "" if there is none."""
        text = self.text_of(where, item, key)
        return self.url((*where, key), text) if text else ""

    def email_of(self, where: Where, item: dict[str, Any], key: str = "email") -> str:
        """The e-mail address at *key* of *item*; one that is none (hidden
        from robots, say) is left out, as publishing it would undo that."""
        text = self.text_of(where, item, key)
        if not text:
            return ""
        try:
            return model.parse_email(text.removeprefix("mailto:"))
        except ValueError as error:
            self.left_out((*where, key), f"{error}: give it in cv:person's :email:")
            return ""

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
        defaults: dict[str, str] | None = None,
    ) -> DraftEntry | None:
        """*item* as an entry (or item) of *kind*: its options as *read*
        (and *common*, what the format's items share) reads them, over
        *defaults*; its body from the key *body* and ``highlights``. Text is
        plain (escaped) or Markdown (kept). What no one read is reported; an
        item with nothing in it is no entry."""
        if is_empty(item):
            self.kept(where, "empty: no entry made of it")
            return None
        source = ItemSource(self, where, item, markdown=markdown)
        options = {**(defaults or {}), **(common(source) if common else {})}
        options |= {k: v for k, v in read(source).items() if v}
        if "skills" in kind.options and "keywords" not in source.used:
            # Keywords of a type that has none (a position's) name its skills.
            options.setdefault("skills", entries.read_list(source, "keywords"))
        options = {k: v for k, v in options.items() if v}
        if "date" in options:
            start, end = date_range(options["date"], self.still)
            if start and "start" in kind.options:
                del options["date"]
                options.update(start=start, end=end)
        if "date" in kind.options and options.get("start") == options.get("end", 0):
            # A span of one date, for a type that takes one: that date.
            options["date"] = options.pop("start")
            del options["end"]
        if "date" in options and "date" not in kind.options:
            # One date, for a type that has a span: it began and ended then.
            when = options.pop("date")
            options.setdefault("start", when)
            options.setdefault("end", when)
        for name in [k for k in options if k not in kind.options]:
            self.left_out((*where, name), f"cv:{kind.name} takes no {name}")
            del options[name]
        prose = "\n\n".join(p for p in (source.body(body), *source.extra) if p)
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
        """*entry* once it holds together: dates the wrong way round are
        swapped, a value the model cannot read is left out; None, reported,
        if it lacks what an entry needs."""
        while True:
            problem, values = check_entry(entry)
            if not problem:
                break
            if problem.startswith("needs "):
                self.left_out(where, f"a cv:{entry.type} {problem}")
                self.ids.discard(entry.id)
                return None
            name = problem.partition(":")[0]
            if name in entry.options:
                self.left_out((*where, name), problem.partition(": ")[2])
                del entry.options[name]
            else:
                # The one problem of no single option: the end before the start.
                options = entry.options
                options["start"], options["end"] = options["end"], options["start"]
                self.kept(where, f"{problem}; the two swapped")
        entry.title = page_title(entry, values)
        return entry


def _scalar(value: Any) -> bool:
    """Whether *value* is text, as a document writes it (a number too)."""
    return isinstance(value, str | int | float) and not isinstance(value, bool)


#: A Markdown link where a date should be (RenderCV shows any text there).
_LINKED = re.compile(r"\[[^\]]+\]\([^)\s]+\)")


class ItemSource:
    """An item of the document read, as an entry type reads it
    (:class:`sphinx_cv.entries.Source`): each key it reads is noted, and a
    value that cannot be read is reported at its line."""

    def __init__(
        self, reader: Reader, where: Where, item: dict[str, Any], *, markdown: bool
    ) -> None:
        self.reader, self.where, self.item = reader, where, item
        self.markdown = markdown
        self.used: set[str] = set()
        #: Prose found where a value was expected (a link for a date).
        self.extra: list[str] = []
        self.language = reader.draft.settings.get("language", "en")

    def text(self, key: str) -> str:
        self.used.add(key)
        text = self.reader.text_of(self.where, self.item, key)
        if not self.markdown:
            return text
        return one_line(markdown_to_text(html_to_markdown(text))[0])

    def date(self, key: str) -> str:
        self.used.add(key)
        value = self.item.get(key)
        if is_empty(value):
            return ""
        at = (*self.where, key)
        if isinstance(value, str) and _LINKED.search(value):
            self.extra.append(one_line(value))
            self.reader.kept(at, "links, not a date: kept in the entry's text")
            return ""
        if not (_scalar(value) or hasattr(value, "isoformat")):
            self.reader.left_out(at, "not a date")
            return ""
        try:
            found = iso_date(value)
        except ValueError as error:
            self.reader.left_out(at, str(error))
            return ""
        written = isinstance(model.parse_date(found), model.WrittenDate)
        if self.reader.native_dates and written:
            self.reader.kept(
                at, f"{one_line(value)!r} is no date as the format writes one: "
                "kept as written",
            )  # fmt: skip
        elif (
            isinstance(value, str)
            and not self.reader.native_dates
            and found.casefold() != one_line(value).casefold()
        ):
            self.reader.kept(at, f"{one_line(value)!r} read as {found}")
        return found

    def strings(self, key: str) -> list[str]:
        self.used.add(key)
        found = [one_line(t) for t in self.reader.strings(self.where, self.item, key)]
        return [markdown_to_text(t)[0] for t in found] if self.markdown else found

    def url(self, key: str) -> str:
        self.used.add(key)
        text = self.reader.text_of(self.where, self.item, key)
        if self.markdown:
            # Markdown's link, or text that is an address (not "Title: ...").
            addressed = re.match(r"(https?|mailto):", text, re.I) or _HOST.fullmatch(
                text
            )
            text = markdown_to_text(text)[1] or (text if addressed else "")
        return self.reader.url((*self.where, key), text) if text else ""

    def note(self, key: str, change: str) -> None:
        self.reader.kept((*self.where, key), change)

    def body_of(self, text: str) -> str:
        """Text of the body as the page writes it: Markdown kept (and HTML
        made Markdown), plain text escaped."""
        return html_to_markdown(text) if self.markdown else escape(text)

    def body(self, key: str) -> str:
        """The prose at *key*, as the page writes it."""
        self.used.add(key)
        prose = self.reader.prose_of(self.where, self.item, key)
        if self.markdown:
            return html_to_markdown(prose)
        return "\n\n".join(escape(p) for p in prose.split("\n\n"))
