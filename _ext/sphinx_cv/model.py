"""The CV's data model: options and their parsers, dates, entries, skills.

Pure Python, no Sphinx: the directives fill these objects, the domain stores
them, and every view and export reads them. Each option any directive takes
is declared once, in :data:`FIELDS`, with the parser that reads it; which
options a type of entry takes, and what it does with them, is that type's
own declaration (:mod:`sphinx_cv.entries`). An entry is its type's name and
its parsed options, so that a new type needs no new attribute here. All
text stays plain strings so that Sphinx's gettext workflow can offer it for
translation.
"""

from __future__ import annotations

import datetime
import functools
import hashlib
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from sphinx_cv.problems import Problem

# -- Dates -------------------------------------------------------------------

PRESENT = "present"

#: The months as BibTeX names them (its styles print them as words).
MONTHS = (
    "jan",
    "feb",
    "mar",
    "apr",
    "may",
    "jun",
    "jul",
    "aug",
    "sep",
    "oct",
    "nov",
    "dec",
)

_DATE = re.compile(r"(?P<year>\d{4})(?:-(?P<month>\d{2})(?:-(?P<day>\d{2}))?)?")
#: What reads as a calendar date, right or wrong: digits and hyphens only
#: (``2021-13`` is a mistake to report, ``Spring 2021`` a date as written).
_NUMERIC = re.compile(r"[\d-]+")
_ACADEMIC_YEAR = re.compile(r"(?P<start>\d{4})-(?P<end>\d{2})")


@functools.total_ordering
@dataclass(frozen=True)
class PartialDate:
    """A date known to the year, the month or the day, as CVs give them.

    Ordered by :attr:`sort_key`: a year alone comes before the months of that
    year (a dataclass's own order would compare ``None`` with a month). A
    CV shows months: the day, where the source gives one, is kept for the
    exports, which write it back.
    """

    year: int
    month: int | None = None
    day: int | None = None

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Parse ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; else a ValueError."""
        match = _DATE.fullmatch(text.strip())
        if match is None:
            raise ValueError(f"{text!r} is not a date: use YYYY, YYYY-MM or YYYY-MM-DD")
        year = int(match["year"])
        month = int(match["month"]) if match["month"] else None
        day = int(match["day"]) if match["day"] else None
        if month is not None and not 1 <= month <= 12:
            raise ValueError(f"{text!r} has no month {month}: months run 01 to 12")
        if month is not None and day is not None:
            try:
                datetime.date(year, month, day)
            except ValueError:
                raise ValueError(f"{text!r} has no day {day} in that month") from None
        return cls(year, month, day)

    def format(self, month_format: str, locale: str = "en") -> str:
        """Show the date with *month_format*, or as a bare year. The format
        is strftime's (and ``%-m`` for the month's number unpadded, as
        ``2021年2月`` has it), or, without a ``%``, a CLDR pattern (``MMMM
        'de' y``) that Babel says in the language *locale*."""
        if self.month is None:
            return str(self.year)
        day = datetime.date(self.year, self.month, 1)
        if "%" not in month_format:
            from babel.dates import format_date

            return str(format_date(day, month_format, locale=locale))
        month_format = month_format.replace("%-m", str(self.month))
        return day.strftime(month_format)

    def iso(self) -> str:
        """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``, as JSON Resume takes it."""
        if self.month is None:
            return f"{self.year}"
        if self.day is None:
            return f"{self.year}-{self.month:02d}"
        return f"{self.year}-{self.month:02d}-{self.day:02d}"

    @property
    def sort_key(self) -> tuple[int, int, int]:
        """Year-only dates sort before the months of that year, a month
        before its days."""
        return (self.year, self.month or 0, self.day or 0)

    def __lt__(self, other: PartialDate) -> bool:
        return self.sort_key < other.sort_key


@dataclass(frozen=True)
class WrittenDate:
    """A date that is no calendar date ("Spring 2025", "2021 to 2024",
    "Ongoing"): real CVs are full of them. It is shown, and exported, as
    written; ordering passes over it."""

    text: str

    def format(self, month_format: str, locale: str = "en") -> str:
        return self.text

    def iso(self) -> str:
        return self.text


#: A date as an entry gives it.
When = PartialDate | WrittenDate


def parse_date(text: str) -> When:
    """A calendar date (``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``), or any other
    words, kept as written; digits and hyphens that make no date
    (``2021-13``) are a ValueError, as they are a mistake."""
    text = " ".join(text.split())
    if not text:
        raise ValueError("it is empty: give a date, YYYY-MM, or words")
    if _NUMERIC.fullmatch(text):
        return PartialDate.parse(text)
    return WrittenDate(text)


def parse_end(text: str) -> When | None:
    """An end date, or ``present`` (None) for an entry still going on."""
    if text.strip().casefold() == PRESENT:
        return None
    return parse_date(text)


def is_academic_year(text: str) -> bool:
    """Whether *text* is an academic year (``2019-20``: the second year
    follows the first); ``2019-11`` is a month."""
    match = _ACADEMIC_YEAR.fullmatch(text)
    return match is not None and int(match["end"]) == (int(match["start"]) + 1) % 100


def parse_academic_years(text: str) -> tuple[str, ...]:
    """When an award was given: academic years such as ``2018-19, 2019-20``,
    years, or dates (``2014-11-01``, as JSON Resume gives an award's), kept
    as written."""
    years = split_list(text)
    for year in years:
        if is_academic_year(year):
            continue
        if _ACADEMIC_YEAR.fullmatch(year) and int(year[5:]) > 12:
            raise ValueError(f"{year!r} does not span one year: use YYYY-YY")
        try:
            PartialDate.parse(year)
        except ValueError:
            raise ValueError(
                f"{year!r} is not a year: use YYYY, YYYY-YY or a date, YYYY-MM-DD"
            ) from None
    return years


def academic_year_end(year: str) -> PartialDate:
    """The calendar year an academic year (``2019-20``) ends in; a year or
    a date is itself."""
    if is_academic_year(year):
        return PartialDate(int(year[:4]) + 1)
    return PartialDate.parse(year)


def show_year(year: str, month_format: str, locale: str = "en") -> str:
    """An item of an award's years as shown: an academic year or a year as
    written, a date as the CV shows dates (its month)."""
    if is_academic_year(year):
        return year
    return PartialDate.parse(year).format(month_format, locale)


# -- Text options --------------------------------------------------------------


def _split(text: str, separator: str, name: str) -> tuple[str, ...]:
    items = tuple(item.strip() for item in text.split(separator))
    if any(not item for item in items):
        raise ValueError(
            f"{text!r} has an empty item: separate items with single {name}"
        )
    return items


def split_list(text: str) -> tuple[str, ...]:
    """Split a comma-separated option; an empty item is a ValueError."""
    return _split(text, ",", "commas")


def split_skills(text: str) -> tuple[str, ...]:
    """Comma-separated skills; a semicolon, which would make one skill of
    two ("Python; SQL"), is a ValueError."""
    if ";" in text:
        raise ValueError(
            f"{text!r} parts skills with ';': separate skills with commas (Python, SQL)"
        )
    return split_list(text)


def split_semicolons(text: str) -> tuple[str, ...]:
    """Split an option whose items may hold commas (courses) at semicolons."""
    return _split(text, ";", "semicolons")


def parse_text(text: str) -> str:
    text = " ".join(text.split())
    if not text:
        raise ValueError("it is empty: give a value")
    return text


_URL = re.compile(r"(https?://[^\s/$.?#][^\s]*|mailto:[^\s@]+@[^\s@]+)", re.I)
#: What RFC 3986 lets a URL hold; anything else (quotes, angle brackets,
#: spaces) must be %-encoded, or the ePub and the PDF break on it.
_URL_CHARACTERS = re.compile(r"[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]*")


def parse_url(text: str) -> str:
    """Only web and e-mail addresses: they are what every output can link."""
    text = text.strip()
    if _URL.fullmatch(text) is None:
        raise ValueError(f"{text!r} is not a URL: use http://, https:// or mailto:")
    bad = "".join(dict.fromkeys(re.sub(_URL_CHARACTERS, "", text)))
    if bad:
        raise ValueError(
            f"{text!r} holds {bad!r}, which a URL cannot: write each such "
            'character %-encoded (a space as %20, " as %22)'
        )
    return text


def short_address(url: str) -> str:
    """The address as a person would type it: ``github.com/laphets`` for
    ``https://github.com/laphets/``, the bare e-mail for ``mailto:``."""
    if url.casefold().startswith("mailto:"):
        return url[len("mailto:") :]
    address = re.sub(r"^https?://", "", url, flags=re.I).rstrip("/")
    return re.sub(r"^www\.", "", address, flags=re.I)


_ENTRY_ID = re.compile(r"[a-z0-9]+(?:[-_.][a-z0-9]+)*")


def parse_entry_id(text: str) -> str:
    """An entry's id: it becomes an HTML id, a PDF label and a URL part."""
    if _ENTRY_ID.fullmatch(text) is None:
        raise ValueError(
            f"{text!r} is not an entry id: use lowercase letters and digits, "
            "joined by single hyphens, dots or underscores, such as acme-kernel"
        )
    return text


_EMAIL = re.compile(r"[^\s@]+@[^\s@]+\.[^\s@]+")


_PHONE = re.compile(r"\+?[\d\s().-]*\d[\d\s().-]*")


def parse_phone(text: str) -> str:
    """A telephone number as it is dialled (digits, spaces, + ( ) - .; as
    a ``tel:`` address, as RenderCV writes them, the number it dials), or
    words in its place ("Upon request"), shown as written and never linked."""
    text = parse_text(text)
    return re.sub(r"^tel:", "", text, flags=re.I)


def dialable(phone: str) -> bool:
    """Whether *phone* is a number to dial (a ``tel:`` link), not words."""
    return _PHONE.fullmatch(phone) is not None


def parse_country(text: str) -> str:
    """A country as its ISO 3166-1 code of two letters (``US``, ``CN``), or
    its name as written (``Switzerland``), which schema.org takes too."""
    text = parse_text(text)
    return text.upper() if re.fullmatch(r"[A-Za-z]{2}", text) else text


def parse_email(text: str) -> str:
    text = text.strip()
    if _EMAIL.fullmatch(text) is None:
        raise ValueError(f"{text!r} is not an e-mail address: use name@host")
    return text


@dataclass(frozen=True)
class Link:
    """A place to find the person: ``network`` names the site, ``label`` is
    the text shown (a user name, or a word such as Blog)."""

    network: str
    label: str
    url: str

    @property
    def username(self) -> str:
        """The account's name, which both JSON Resume and RenderCV take: as
        its address writes it (``laphets``); the label where the address is
        the site's alone, with no path to name the account."""
        path = re.sub(r"^[a-z]+://[^/]*", "", self.url, flags=re.I).strip("/")
        return path.rsplit("/", 1)[-1] if path else self.label

    @property
    def is_website(self) -> bool:
        """The person's own site rather than a profile elsewhere."""
        return self.network.casefold() == "website"


def parse_links(text: str) -> tuple[Link, ...]:
    """Comma-separated ``Network label URL`` items, in the order shown."""
    links = []
    for item in split_list(text):
        words = item.split()
        if len(words) < 3:
            raise ValueError(f"{item!r} is not a link: use 'Network label URL'")
        links.append(Link(words[0], " ".join(words[1:-1]), parse_url(words[-1])))
    return tuple(links)


# -- Options ---------------------------------------------------------------------


@dataclass(frozen=True)
class Field:
    """One option of a ``cv`` directive: its parser, what it takes, the
    subtype of the ``cv`` warning a bad value gets, and whether a
    translation of the CV translates it."""

    parse: Callable[[str], Any]
    doc: str
    subtype: Problem = Problem.VALUE
    #: Words a translation renders (an employer, a role, a place), as
    #: against names of people, dates, addresses and technology names.
    translatable: bool = False
    #: What an entry without it holds: "" for text, () for a list, None.
    empty: Any = ""


def _text(doc: str, translatable: bool = True) -> Field:
    return Field(parse_text, doc, translatable=translatable)


def _date(doc: str, parse: Callable[[str], Any] = parse_date) -> Field:
    return Field(parse, doc, subtype=Problem.DATE, empty=None)


#: Every option of every directive of the ``cv`` domain, declared once.
FIELDS: dict[str, Field] = {
    "organisation": _text("employer, university or body"),
    "name": _text("the person's, the project's or the certificate's name"),
    "role": _text("position held"),
    "degree": _text("degree and subject"),
    "title": _text("what it is called"),
    "subtitle": _text("what it was, or where, in a few words"),
    "team": _text("team, unit or group"),
    "course": _text("course code and title"),
    "kind": _text("what sort of project"),
    "entity": _text("the body it was done for or with"),
    "issuer": _text("who issued it"),
    "event": _text("the event it was given at: a conference, a seminar"),
    "funder": _text("who funded it"),
    "amount": _text("how much, as written (EUR 120,000)", translatable=False),
    "placement": _text("where the student went next"),
    "location": _text("city and country"),
    "start": _date("when it began: YYYY, YYYY-MM, or as written (Spring 2020)"),
    "end": _date(
        "when it ended: YYYY, YYYY-MM, present, or as written (Ongoing)", parse_end
    ),
    "date": _date("when: YYYY, YYYY-MM, YYYY-MM-DD, or as written (Spring 2020)"),
    "expected": _date("expected completion: YYYY, YYYY-MM, or as written"),
    "years": Field(
        parse_academic_years,
        doc="when it was given: academic years (YYYY-YY), years or dates, ...",
        subtype=Problem.DATE,
        empty=(),
    ),
    "advisor": _text("research advisor", translatable=False),
    "score": _text("grade or score, as given (4.0, first class)", False),
    "courses": Field(
        split_semicolons, doc="courses taken, parted by semicolons", empty=()
    ),
    "instructor": _text("course instructor"),
    "url": Field(parse_url, doc="http(s) or mailto address", subtype=Problem.URL),
    "skills": Field(
        split_skills, doc="comma-separated skills", subtype=Problem.SKILLS, empty=()
    ),
    "tags": Field(
        split_list,
        doc="comma-separated tags of cv_tags",
        subtype=Problem.TAGS,
        empty=(),
    ),
    "email": Field(parse_email, doc="e-mail address"),
    "phone": Field(
        parse_phone, doc="telephone number, as dialled (or words: Upon request)"
    ),
    "label": _text("what the person is, in a few words (a headline)", False),
    "address": _text("street address", False),
    "postcode": _text("postal code", False),
    "city": _text("city", False),
    "region": _text("region, state or province", False),
    "country": Field(
        parse_country, doc="country: its ISO code of two letters, or its name"
    ),
    "links": Field(
        parse_links, doc="comma-separated 'Network label URL' items", empty=()
    ),
    "photo": _text(
        "a portrait's image file, beside the page (printed only with cv_photo)",
        False,
    ),
    "level": _text("how well, in words (Master, Fluent)", False),
    "fluency": _text("how well the language is spoken", False),
    "keywords": Field(split_list, doc="comma-separated keywords", empty=()),
}

#: The options every dated entry may take besides its own.
COMMON = ("url", "skills", "tags")


def check_dates(values: Mapping[str, Any]) -> None:
    """An entry cannot end before it starts (where both are calendar dates)."""
    start, end = values.get("start"), values.get("end")
    if (
        isinstance(start, PartialDate)
        and isinstance(end, PartialDate)
        and end.sort_key < start.sort_key
    ):
        raise ValueError(
            f"ends ({end.iso()}) before it starts ({start.iso()}): "
            "give the end on or after the start"
        )


# -- Entries and items -------------------------------------------------------------


@dataclass(frozen=True)
class Record:
    """What a directive of the CV states: its type (the directive's name),
    where it was written, and its options, parsed. An option it was not
    given reads as its field's empty value."""

    type: str
    docname: str
    lineno: int
    values: Mapping[str, Any] = field(default_factory=dict, hash=False)

    def __getitem__(self, name: str) -> Any:
        if name in self.values:
            return self.values[name]
        return FIELDS[name].empty


@dataclass(frozen=True)
class Entry(Record):
    """One validated CV entry: an id, and its body as plain text for the
    exports (its prose, its bullets)."""

    id: str = ""
    summary: str = ""
    highlights: tuple[str, ...] = ()

    @classmethod
    def of(
        cls,
        type: str,
        id: str,
        docname: str = "doc",
        lineno: int = 1,
        *,
        summary: str = "",
        highlights: tuple[str, ...] = (),
        **values: Any,
    ) -> Entry:
        """An entry of *type* with these options, already parsed."""
        return cls(type, docname, lineno, values, id, summary, highlights)

    @property
    def anchor(self) -> str:
        return f"cv-{self.id}"

    @property
    def start(self) -> When | None:
        start: When | None = self["start"]
        return start

    @property
    def end(self) -> When | None:
        end: When | None = self["end"]
        return end

    @property
    def skills(self) -> tuple[str, ...]:
        skills: tuple[str, ...] = self["skills"]
        return skills

    @property
    def tags(self) -> tuple[str, ...]:
        tags: tuple[str, ...] = self["tags"]
        return tags

    @property
    def url(self) -> str:
        url: str = self["url"]
        return url

    @property
    def last_date(self) -> PartialDate | None:
        """When the entry ended or was last given, if a calendar says."""
        if self["years"]:
            return max(academic_year_end(year) for year in self["years"])
        for name in ("end", "date", "start"):
            if isinstance(self[name], PartialDate):
                date: PartialDate = self[name]
                return date
        return None

    def sort_key(self) -> tuple[tuple[int, int, int], tuple[int, int, int]]:
        """By start, then by end (going on counts as latest); one date or
        an award's years by the last; an entry with no calendar date of
        its own comes last."""
        start = self.start
        if not isinstance(start, PartialDate):
            given = self.last_date
            key = given.sort_key if given else (0, 0, 0)
            return (key, key)
        end = self.end.sort_key if isinstance(self.end, PartialDate) else (9999, 99, 99)
        return (start.sort_key, end)

    def dates(
        self,
        month_format: str,
        present: str,
        separator: str = ", ",
        locale: str = "en",
    ) -> str:
        """The entry's dates as shown in every output (in the language
        *locale*, for a CLDR *month_format*); an award's years joined by
        *separator* (a translation's own, in a language that joins lists
        with another mark)."""
        if self["years"]:
            return separator.join(
                show_year(year, month_format, locale) for year in self["years"]
            )
        if self["date"] is not None:
            return str(self["date"].format(month_format, locale))
        if self.start is None:
            return "" if self.end is None else self.end.format(month_format, locale)
        end = present if self.end is None else self.end.format(month_format, locale)
        start = self.start.format(month_format, locale)
        return start if start == end else f"{start} \u2013 {end}"


@dataclass(frozen=True)
class Item(Record):
    """A line the CV lists that is no entry (no id, no dates, no page of its
    own): a skill, a language, an interest, a reference; its body, the
    referee's words, as plain text."""

    text: str = ""

    @property
    def name(self) -> str:
        name: str = self["name"]
        return name


#: The options of ``cv:person``: (required, optional). Its name is
#: conf.py's ``author`` where it gives none, so that it is written once.
PERSON_FIELDS = (
    (),
    (
        "name",
        "label",
        "email",
        "phone",
        "location",
        "address",
        "postcode",
        "city",
        "region",
        "country",
        "links",
        "photo",
    ),
)


@dataclass(frozen=True)
class Person:
    """Whose CV it is, and how to reach them."""

    docname: str
    lineno: int
    name: str
    label: str = ""
    email: str = ""
    phone: str = ""
    #: Where the person is, as shown (``San Francisco, CA``); or in parts:
    location: str = ""
    address: str = ""
    postcode: str = ""
    city: str = ""
    region: str = ""
    country: str = ""
    links: tuple[Link, ...] = ()
    #: A portrait's image file, relative to the person's page.
    photo: str = ""

    @property
    def place(self) -> str:
        """Where the person is, as the contact line shows it."""
        return self.location or ", ".join(
            part for part in (self.city, self.region, self.country) if part
        )


def by_date(entries: Iterable[Entry]) -> list[Entry]:
    """Entries newest first (see :meth:`Entry.sort_key`), ties by id."""
    return sorted(sorted(entries, key=lambda e: e.id), key=Entry.sort_key, reverse=True)


# -- Skills ----------------------------------------------------------------------


@functools.cache
def skill_key(name: str) -> str:
    """Fold a skill's spelling: ``NodeJS``, ``Node.js`` and ``nodejs`` agree.
    Kept: each skill of each entry is folded against each alias."""
    return re.sub(r"[\s.\-_]", "", name).casefold()


def canonical_skill(name: str, aliases: Mapping[str, str]) -> str:
    """The name the Skills section uses for *name*.

    *aliases* maps a spelling to that name (``React.js`` to ``React``);
    spellings that differ only in case, spaces, dots or hyphens (``NodeJS``,
    ``Node.js``) need no alias.
    """
    for alias, canonical in aliases.items():
        if skill_key(alias) == skill_key(name):
            return canonical
    return name


def _slug(name: str) -> str:
    name = name.casefold().replace("+", "p").replace("#", "sharp")
    return re.sub(r"[^a-z0-9]+", "-", name).strip("-")


def skill_anchors(names: Iterable[str]) -> dict[str, str]:
    """The HTML id of each skill in the skills index, one id per skill.

    The id reads as the name (``skill-c-cpp`` for C/C++); where two names
    give one slug (``TCP/IP`` and ``TCP IP``), the first alphabetically keeps
    it and each other adds a digest of its own name, so that ids stay unique
    and stable.
    """
    anchors: dict[str, str] = {}
    taken: set[str] = set()
    for name in sorted(names, key=lambda name: (name.casefold(), name)):
        anchor = f"skill-{_slug(name) or 'x'}"
        if anchor in taken:
            digest = hashlib.sha1(name.encode("utf-8")).hexdigest()[:8]
            anchor = f"{anchor}-{digest}"
        taken.add(anchor)
        anchors[name] = anchor
    return anchors


def fold_skill(skill: str, aliases: Mapping[str, str]) -> str:
    """The one key of a skill however it is spelled or aliased: every view
    and export groups skills by it."""
    return skill_key(canonical_skill(skill, aliases))


def skills_index(
    entries: Iterable[Entry], aliases: Mapping[str, str]
) -> dict[str, list[Entry]]:
    """Each skill, alphabetically, with the entries that used it, newest first.

    Spellings of one skill share a key (see :func:`fold_skill`); the first
    spelling met, newest entry first, names it.
    """
    names: dict[str, str] = {}
    index: dict[str, list[Entry]] = {}
    for entry in by_date(entries):
        for skill in entry.skills:
            key = fold_skill(skill, aliases)
            names.setdefault(key, canonical_skill(skill, aliases))
            if entry not in index.setdefault(key, []):
                index[key].append(entry)
    return {
        names[key]: index[key]
        for key in sorted(index, key=lambda key: names[key].casefold())
    }


def skill_spellings(
    entries: Iterable[Entry], aliases: Mapping[str, str]
) -> dict[str, list[str]]:
    """Each skill of :func:`skills_index` with the spellings the entries use
    for it, in the order of *entries*."""
    entries = list(entries)
    names = {fold_skill(name, aliases): name for name in skills_index(entries, aliases)}
    spellings: dict[str, list[str]] = {name: [] for name in names.values()}
    for entry in entries:
        for skill in entry.skills:
            found = spellings[names[fold_skill(skill, aliases)]]
            if skill not in found:
                found.append(skill)
    return spellings


# -- Degrees and the whole CV ----------------------------------------------------


def split_degree(degree: str) -> tuple[str, str]:
    """A degree as its type and its area, as JSON Resume and RenderCV keep
    them: ``M.S. in Computer Science`` is ``("M.S.", "Computer Science")``;
    without " in ", the area is empty."""
    study, _, area = degree.partition(" in ")
    return study, area


def join_degree(study: str, area: str, language: str = "en") -> str:
    """The degree a type and an area make: the inverse of split_degree; in
    a language other than English, the two parted by a comma ("Licence,
    Informatique"), which reads in any."""
    joiner = " in " if language.startswith("en") else ", "
    return f"{study}{joiner}{area}" if study and area else study or area


#: The page ``sphinx-cv new`` writes the CV's publications on.
PUBLICATIONS = "publications"
#: The bibliography style that lists the person's own publications
#: (:mod:`sphinx_cv.publications`); a bibliography in another lists sources.
STYLE = "cv"


@dataclass(frozen=True)
class Publication:
    """A publication the CV lists: an entry of its bibliography."""

    key: str
    title: str
    authors: tuple[str, ...] = ()
    #: The journal, or whoever published it.
    venue: str = ""
    date: PartialDate | None = None
    url: str = ""
    doi: str = ""
    summary: str = ""
    #: Its BibTeX type (article, inproceedings, phdthesis, software...).
    kind: str = "misc"
    #: Its arXiv identifier, if any.
    arxiv: str = ""
    #: The person's own names among its authors, as written there.
    own: tuple[str, ...] = ()
    #: The page that lists it: its section's.
    docname: str = ""

    @property
    def address(self) -> str:
        """Where to read it: its DOI's address, its own, or its arXiv page."""
        if self.doi:
            return f"https://doi.org/{self.doi}"
        if self.url:
            return self.url
        return f"https://arxiv.org/abs/{self.arxiv}" if self.arxiv else ""


@dataclass(frozen=True)
class Prose:
    """What a page says outside entries and items, block by block: its
    paragraphs (``text``), the items of a list (``bullet``, ``numbered``,
    ``reversed``: numbered down to 1) or of a definition list (``line``: a
    label in :attr:`labels` beside each item). Text is Markdown."""

    kind: str
    items: tuple[str, ...]
    labels: tuple[str, ...] = ()


@dataclass(frozen=True)
class Section:
    """A section of the CV, as its author made it: a page of the first
    page's table of contents, its title, and the pages under it. It holds
    entries of any type, items, publications or prose."""

    title: str
    docnames: tuple[str, ...]
    #: The page's own prose, where it holds no entries and no items.
    prose: tuple[Prose, ...] = ()


@dataclass(frozen=True)
class CV:
    """The whole CV, as every format writes it: whose it is, its entries in
    the order it reads, and its skills with the spellings entries use."""

    person: Person | None
    entries: tuple[Entry, ...]
    #: Each skill with the entries that used it (see skills_index).
    skills: dict[str, list[Entry]]
    #: Each skill with the spellings entries use (see skill_spellings).
    spellings: dict[str, list[str]]
    date_format: str = "%B %Y"
    #: The bibliography entries the publications page lists, in its order.
    publications: tuple[Publication, ...] = ()
    #: Skills, languages, interests and references, in the CV's order.
    items: tuple[Item, ...] = ()
    #: The CV's prose about the person: the first page's own paragraphs.
    summary: str = ""
    #: Its sections, in the order it reads.
    sections: tuple[Section, ...] = ()
    #: The document's own record: its version, the day it was last changed
    #: (as given), and the address its exported record is published at.
    version: str = ""
    modified: str = ""
    canonical: str = ""

    def section_of(self, docname: str) -> Section | None:
        """The section *docname* is in, if any."""
        return next((s for s in self.sections if docname in s.docnames), None)
