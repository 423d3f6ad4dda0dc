"""Each type of entry, declared once: what a type declares, and the registry.

A type (``cv:work``, ``cv:certificate``, a skill...) is one module of this
package holding one :class:`EntryType` or :class:`ItemType`: its options,
what it is for, how it is headed and named, and its place in JSON Resume,
RenderCV and JSON-LD. The directives, the views, every printed output and
every format reach a type only through its record, so a new type is one new
module here; the registry (:data:`TYPES`) finds it. Nothing here knows
Sphinx: the formats read and write CVs with it alone.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol

from sphinx_cv import model, words

# -- What a type declares --------------------------------------------------------


@dataclass(frozen=True)
class Heading:
    """How an entry is headed, in every output: a first line with its
    :attr:`title` in bold (then :attr:`after`, not bold) and its dates flush
    right; a second line with what the person was (:attr:`subtitle`,
    emphasised) and :attr:`place` flush right, if it has either."""

    title: str
    after: str = ""
    subtitle: str = ""
    place: str = ""


class Source(Protocol):
    """An item of another format (JSON Resume's, RenderCV's) as a type reads
    it: each key read is marked as carried over, the rest reported."""

    #: The CV's language, as Sphinx's ``language`` names it.
    language: str

    def text(self, key: str) -> str:
        """The text at *key*, on one line; "" if there is none."""

    def date(self, key: str) -> str:
        """The date at *key* as the model's options take it; "" if none."""

    def strings(self, key: str) -> list[str]:
        """The list of text at *key*; [] if there is none."""

    def url(self, key: str) -> str:
        """The address at *key*, checked; "" if there is none."""

    def note(self, key: str, change: str) -> None:
        """Report that *key* was carried with *change*."""


#: A type's reader: an item's keys as the type's options (written as the
#: directive takes them; the empty ones are dropped).
Read = Callable[[Source], dict[str, str]]


@dataclass(frozen=True)
class Context:
    """What a type says of a record besides the record itself: how dates
    read, and the word for an end to come, in the build's language."""

    date_format: str = "%B %Y"
    present: str = "Present"
    #: The build's language, in which a CLDR date format is said.
    locale: str = "en"


@dataclass(frozen=True)
class JsonResume:
    """A type's place in JSON Resume: the section its records go to, how
    one is written, and, for the type that reads the section, how one is
    read (a section may hold several types, read back as one)."""

    section: str
    write: Callable[[Any, Context], dict[str, Any]]
    read: Read | None = None
    #: The key of an entry's prose (JSON Resume's projects call it
    #: ``description``).
    summary: str = "summary"
    #: In a section another type reads, the ``type`` its items carry, which
    #: tells them apart (a project of the type "talk" is a talk): the
    #: format writes it, and reads by it.
    marker: str = ""


@dataclass(frozen=True)
class RenderCV:
    """A type's place in RenderCV: the entry type it becomes (and its
    fields), and, for the type that reads that entry type, how one is read."""

    type: str
    write: Callable[[Any, Context], Any]
    read: Read | None = None


@dataclass(frozen=True)
class Type:
    """What every type of the CV declares: the directive ``cv:<name>``."""

    name: str
    #: What it is, in a line: the reference prints it.
    doc: str
    required: tuple[str, ...]
    optional: tuple[str, ...]
    jsonresume: JsonResume
    rendercv: RenderCV
    #: What the person's JSON-LD gets of one (``{"award": [...]}``); with
    #: *whole*, the page of the whole CV's, which says it in full.
    jsonld: Callable[[Any, bool], dict[str, list[Any]]] = lambda record, whole: {}
    #: The section a new project files it under: (folder or page, title).
    section: tuple[str, str] = ("entries", "Entries")
    #: Where the registry lists it (the reference, the messages).
    rank: int = 100
    #: One, as a new project shows it (``sphinx-cv new``): its options as
    #: written, and its body; a type without one is not in a new project.
    example: Mapping[str, str] | None = None
    example_body: tuple[str, ...] = ()
    #: Optional options of which one at least must be given: a position
    #: held is named by its employer, its role, or both.
    one_of: tuple[str, ...] = ()

    @property
    def options(self) -> tuple[str, ...]:
        return self.required + self.optional

    @property
    def translatable(self) -> list[str]:
        """Its options that a translation renders."""
        return [name for name in self.options if model.FIELDS[name].translatable]


@dataclass(frozen=True)
class EntryType(Type):
    """A type of entry: dated, with an id, prose and highlights."""

    #: How one is headed (see :class:`Heading`), in the build's language.
    heading: Callable[[model.Entry, Context], Heading] = lambda entry, c: Heading("")
    #: The options whose values name it, in order: links to it read so.
    label: tuple[str, ...] = ()
    #: The option that names it briefly where many are listed (the skills
    #: index); its label if none.
    short: str = ""
    #: The option that tells two of one brief name apart (a team).
    qualifier: str = ""
    #: The option saying what the person was there (a role, a degree).
    position: str = ""
    #: Whether each gets a page of its own in a new project's section.
    own_page: bool = False
    #: Whether it is a position held, or a degree: the index page's
    #: description names the first degree and the employers.
    employment: bool = False
    study: bool = False
    #: Words of a section's title that say it holds this type, where a
    #: format has no type of its own for it (RenderCV's "Invited talks").
    titles: tuple[str, ...] = ()
    #: How it reads an entry that a format's reader made of another type:
    #: that type's options, renamed (a talk read as an education entry:
    #: its institution is the talk's title).
    reads: Mapping[str, Mapping[str, str]] = field(default_factory=dict)


@dataclass(frozen=True)
class ItemType(Type):
    """A type of item: a line the CV lists (a skill, a language)."""

    #: What follows the name on its line, in the build's language.
    line: Callable[[model.Item], str] = lambda item: ""
    #: Whether the body is part of it (a referee's words).
    takes_body: bool = False
    section: tuple[str, str] = ("skills", "Skills")


# -- What the records say, through their types -------------------------------------


def label(entry: model.Entry, separator: str | None = None) -> str:
    """A short name for links to *entry*, its parts joined by *separator*
    (the build's language's, by default)."""
    kind = of(entry)
    parts = [str(entry[name]) for name in kind.label if entry[name]]
    if not parts and kind.position and entry[kind.position]:
        # Named by what the person was, where nothing else names it.
        parts = [str(entry[kind.position])]
    return (words.parted() if separator is None else separator).join(parts)


def one_of(names: Iterable[str]) -> str:
    """``:organisation: (employer, ...) or :role: (position held)``."""
    return " or ".join(f":{name}: ({model.FIELDS[name].doc})" for name in names)


def heading(entry: model.Entry, context: Context) -> Heading:
    return of(entry).heading(entry, context)


def short_labels(
    entries: Iterable[model.Entry],
    qualified: str = "{name} ({qualifier})",
    separator: str | None = None,
) -> dict[str, str]:
    """Brief names for lists that name many entries, such as the skills index.

    An entry is its type's brief name (an employer, a degree, a course),
    or its label; where two share one, the qualifier tells them apart
    (``Acme (Kernel Team)``), as *qualified* writes the two.
    """
    entries = list(entries)

    def brief(entry: model.Entry) -> str:
        short = of(entry).short
        return str(entry[short]) if short and entry[short] else ""

    shared = Counter(brief(e) for e in entries if brief(e))
    labels = {}
    for entry in entries:
        name, qualifier = brief(entry), of(entry).qualifier
        if name and qualifier and entry[qualifier] and shared[name] > 1:
            labels[entry.id] = qualified.format(name=name, qualifier=entry[qualifier])
        else:
            labels[entry.id] = name or label(entry, separator)
    return labels


def dates(entry: model.Entry, context: Context) -> str:
    """The entry's dates in the words of the build's language."""
    return entry.dates(
        context.date_format,
        context.present,
        words.pgettext("list", ", "),
        context.locale,
    )


# -- Helpers the types share ---------------------------------------------------------


def given(values: Mapping[str, Any]) -> dict[str, Any]:
    """*values* less the empty ones: what a format writes."""
    return {
        key: value for key, value in values.items() if value not in ("", None, [], {})
    }


def written(entry: model.Entry, present: str = "present") -> str:
    """*entry*'s dates as one text, as a format that takes any words for a
    date takes them: ``2021-02 \u2013 present`` (with an en dash),
    ``Spring 2025``."""
    one = entry["date"]
    if one is not None:
        return str(one.iso())
    start, end = entry.start, entry.end
    if start is None:
        return "" if end is None else end.iso()
    if start == end:
        return start.iso()
    return f"{start.iso()} \u2013 {present if end is None else end.iso()}"


def _words(entry: model.Entry) -> bool:
    """Whether one of *entry*'s dates is written in words."""
    dates = (entry.start, entry.end, entry["date"])
    return any(isinstance(when, model.WrittenDate) for when in dates)


def span(entry: model.Entry) -> dict[str, str]:
    """JSON Resume's ``startDate`` and ``endDate`` of *entry*, which its
    schema takes as calendar dates only; dates written in words as
    ``date`` beyond the schema (which allows more), as RenderCV writes
    them."""
    if _words(entry):
        return {"date": written(entry)}
    found = {}
    one = entry["date"]
    if one is not None:
        found["startDate"] = found["endDate"] = one.iso()
    if entry.start is not None:
        found["startDate"] = entry.start.iso()
    if entry.end is not None:
        found["endDate"] = entry.end.iso()
    return found


def as_project(
    entry: model.Entry, name: str, entity: str, **beyond: Any
) -> dict[str, Any]:
    """*entry* as a JSON Resume project, the schema's most general item: its
    name and entity, what its type says beyond the schema (which allows
    more), its dates, address and prose."""
    return given(
        {
            "name": name,
            "entity": entity,
            **beyond,
            **span(entry),
            "url": entry.url,
            "description": entry.summary,
            "highlights": list(entry.highlights),
        }
    )


def read_span(source: Source) -> dict[str, str]:
    """The options of JSON Resume's ``startDate`` and ``endDate`` (and of
    a ``date`` beyond its schema)."""
    return {
        "start": source.date("startDate"),
        "end": source.date("endDate"),
        "date": source.date("date"),
    }


def read_list(source: Source, key: str) -> str:
    """The list at *key* as a comma-separated option: a keyword that holds
    commas (``"HTML5, HTML"``) is the several it names, shown as written."""
    found = source.strings(key)
    if any("," in text for text in found):
        source.note(key, "an item holding commas, read as the items it names")
    return ", ".join(
        part.strip() for text in found for part in text.split(",") if part.strip()
    )


def rendercv_dates(entry: model.Entry) -> dict[str, str]:
    """RenderCV's dates of *entry*: a span of calendar dates as its start
    and end; one date, or dates written in words, as its ``date``, which
    takes any text."""
    start, end = entry.start, entry.end
    if _words(entry) or entry["date"] is not None or (start and start == end):
        return {"date": written(entry)}
    if start is None:
        return {}
    return {
        "start_date": start.iso(),
        "end_date": "present" if end is None else end.iso(),
    }


def calendar(when: model.When | None) -> str:
    """*when* as schema.org's dates take it (ISO 8601); "" for none, or for
    a date written in words, which they do not take."""
    return "" if when is None or isinstance(when, model.WrittenDate) else when.iso()


def role_dates(entry: model.Entry) -> dict[str, str]:
    """schema.org's ``startDate`` and ``endDate`` of a role: its calendar
    dates (a Role has no property for a date in words)."""
    return given({"startDate": calendar(entry.start), "endDate": calendar(entry.end)})


def place(location: str) -> dict[str, Any]:
    """A schema.org place, where there is one."""
    return {"location": {"@type": "Place", "name": location}} if location else {}


def occupation(entry: model.Entry) -> dict[str, list[Any]]:
    """A position held as the index page's JSON-LD says it: a schema.org
    Occupation, named by the role, described by the entry's label."""
    found: dict[str, Any] = {
        "@type": "Occupation",
        "name": entry["role"] or label(entry),
        "description": label(entry),
    }
    if entry["location"]:
        found["occupationLocation"] = {"@type": "City", "name": entry["location"]}
    return {"hasOccupation": [found]}


def employee_role(
    entry: model.Entry, role: str, department: str = ""
) -> dict[str, list[Any]]:
    """A position held as the whole CV's page says it: a schema.org
    EmployeeRole, with its organisation (and *department*), place and dates."""
    organisation: dict[str, Any] = {
        "@type": "Organization",
        "name": entry["organisation"],
    }
    if department:
        organisation["department"] = {"@type": "Organization", "name": department}
    organisation |= place(entry["location"])
    found = {"@type": "EmployeeRole", "roleName": role, "worksFor": organisation}
    return {"worksFor": [found | role_dates(entry)]}


# -- The registry ------------------------------------------------------------------


def _found() -> dict[str, Type]:
    """Every type this package declares, one a module, by rank."""
    found = []
    for module in pkgutil.iter_modules(__path__):
        declared = importlib.import_module(f"{__name__}.{module.name}").TYPE
        assert isinstance(declared, Type), f"{module.name} declares no TYPE"
        found.append(declared)
    return {t.name: t for t in sorted(found, key=lambda t: (t.rank, t.name))}


#: Every type, by its directive's name, in the order the reference lists them.
TYPES: dict[str, Type] = _found()
#: The types of entry, and of item.
ENTRY_TYPES: dict[str, EntryType] = {
    name: t for name, t in TYPES.items() if isinstance(t, EntryType)
}
ITEM_TYPES: dict[str, ItemType] = {
    name: t for name, t in TYPES.items() if isinstance(t, ItemType)
}


def of(entry: model.Entry) -> EntryType:
    """The type of *entry*."""
    return ENTRY_TYPES[entry.type]


def item_type(item: model.Item) -> ItemType:
    return ITEM_TYPES[item.type]


def titled(title: str) -> EntryType | None:
    """The type a section so titled holds, where a word of its title names
    one (:attr:`EntryType.titles`)."""
    words = re.findall(r"[a-z]+", title.casefold())
    for kind in ENTRY_TYPES.values():
        if any(word in kind.titles for word in words):
            return kind
    return None


def parse_type(text: str) -> str:
    """One type of entry, as the views filter them."""
    name = text.strip()
    if name not in ENTRY_TYPES:
        raise ValueError(
            f"{text!r} is not a type of entry: use {', '.join(ENTRY_TYPES)}"
        )
    return name
