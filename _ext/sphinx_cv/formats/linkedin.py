"""A LinkedIn data export ("Get a copy of your data"), read into a Draft.

LinkedIn gives a ZIP of CSV files, one for each part of the profile; this
reads the ZIP or the folder it unpacks to. Each file of :data:`TABLES` is a
section of the CV, its rows entries of one type, its columns their options
(each by the names LinkedIn has given it over the years: ``Started On``
now, ``Start Date`` in 2018). ``Profile.csv`` and ``Email Addresses.csv``
are the person. Only these files are opened: connections, messages,
invitations, recommendations, the registration's IP address and the rest
are never read. LinkedIn's text is plain: it is escaped, and a description
that sets its bullets inline (``• Led ... • Built ...``) gives the entry's
highlights.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from sphinx_cv import entries, model
from sphinx_cv.formats.draft import (
    DATES,
    Draft,
    InputError,
    Publication,
    Reader,
    Where,
    bib_date,
    by_keys,
    escape,
    identified,
    one_line,
    slug,
)


@dataclass(frozen=True)
class Table:
    """A file of the export whose rows are entries of *type*: each option
    by the columns that hold it (the current name first), the columns of
    the entry's text, and the columns not carried, with why."""

    file: str
    type: str
    title: str
    columns: dict[str, tuple[str, ...]]
    body: tuple[tuple[str, str], ...] = ()
    dropped: dict[str, str] = field(default_factory=dict)
    #: Options whose column some years' exports do not have.
    optional: tuple[str, ...] = ()


#: The files read as sections, in the CV's order.
TABLES = (
    Table(
        "Positions.csv",
        "work",
        "Experience",
        {
            "organisation": ("Company Name",),
            "role": ("Title",),
            "location": ("Location",),
            "start": ("Started On", "Start Date"),
            "end": ("Finished On", "End Date"),
        },
        body=(("Description", ""),),
    ),
    Table(
        "Education.csv",
        "education",
        "Education",
        {
            "organisation": ("School Name",),
            "degree": ("Degree Name",),
            "start": ("Start Date", "Started On"),
            "end": ("End Date", "Finished On"),
        },
        # LinkedIn's own words for its activities.
        body=(("Notes", ""), ("Activities", "Activities and societies: ")),
    ),
    Table(
        "Projects.csv",
        "project",
        "Projects",
        {
            "name": ("Title",),
            "url": ("Url",),
            "start": ("Started On", "Start Date"),
            "end": ("Finished On", "End Date"),
        },
        body=(("Description", ""),),
    ),
    Table(
        "Certifications.csv",
        "certificate",
        "Licenses and certifications",
        {
            "name": ("Name",),
            "issuer": ("Authority",),
            "date": ("Started On",),
            "url": ("Url",),
        },
        dropped={
            "Finished On": "its expiry: cv:certificate takes the date it was issued",
            "License Number": "a licence number: cv:certificate has no place for one",
        },
    ),
    Table(
        "Honors.csv",
        "award",
        "Honors and awards",
        {
            "title": ("Title",),
            "organisation": ("Issuer",),
            "years": ("Issued On", "Issue Date"),
        },
        body=(("Description", ""),),
        optional=("organisation",),
    ),
    Table(
        "Organizations.csv",
        "service",
        "Organizations",
        {
            "organisation": ("Name",),
            "role": ("Position",),
            "start": ("Started On", "Start Date"),
            "end": ("Finished On", "End Date"),
        },
        body=(("Description", ""),),
    ),
    Table(
        "Languages.csv",
        "language",
        "Languages",
        {
            "name": ("Name",),
            "fluency": ("Proficiency",),
        },
    ),
    Table("Skills.csv", "skill", "Skills", {"name": ("Name",)}),
)

#: The files the person is read from, and those read as a section of their
#: own (publications, courses).
PROFILE = "Profile.csv"
SUMMARY = "Profile Summary.csv"
EMAILS = "Email Addresses.csv"
PUBLICATIONS = "Publications.csv"
COURSES = "Courses.csv"
READ = {PROFILE, SUMMARY, EMAILS, PUBLICATIONS, COURSES} | {t.file for t in TABLES}

#: Profile.csv's columns that the CV does not show, with why.
PRIVATE = {
    "Maiden Name": "a former name",
    "Birth Date": "a birth date",
    "Industry": "the profile's industry",
    "Instant Messengers": "messenger accounts",
    "Contact Instructions": "instructions to contact",
}

#: Dates as LinkedIn writes them: ``Nov 2022``, ``2015``, ``Nov 12, 2023``
#: (an honour's too).
DATED = DATES | {"years"}

#: ``[PERSONAL:https://...]``: a list of typed values in one column.
_TYPED = re.compile(r"\[([^\]]*)\]")


@dataclass
class Rows:
    """A file's rows, each a dict by column with the line it starts on."""

    header: list[str]
    rows: list[tuple[int, dict[str, str]]]


def inline_bullets(text: str) -> tuple[str, list[str]]:
    """A description whose bullets are set inline (``Led it. • Built it.``
    or one a line): the text before them, and each bullet."""
    parts = re.split(r"\s*[•●▪◦]\s*", text)
    if len(parts) < 2:
        return text, []
    return parts[0].strip(), [one_line(part) for part in parts[1:] if part.strip()]


class _Reader(Reader):
    """Reads the files of one export; a value's place is its file, its line
    and its column."""

    native_dates = True

    def __init__(self, path: Path, files: dict[str, str]) -> None:
        super().__init__(path, "")
        self.files = files

    def place(self, where: Where) -> str:
        file, *rest = where
        line = f":{rest[0]}" if rest else ""
        column = f": {rest[1]}" if len(rest) > 1 else ""
        return f"{self.path}/{file}{line}{column or ': the file'}"

    def table(self, file: str) -> Rows | None:
        """The rows of *file*, None if the export has none."""
        if file not in self.files:
            return None
        reader = csv.reader(io.StringIO(self.files[file], newline=""))
        try:
            header = [name.strip() for name in next(reader)]
        except StopIteration:
            self.kept((file,), "empty")
            return None
        except csv.Error as error:
            raise self.fail((file,), f"not CSV: {error}") from None
        rows, start = [], reader.line_num + 1
        try:
            for values in reader:
                if any(value.strip() for value in values):
                    if len(values) > len(header):
                        self.left_out((file, start), "more values than columns")
                    rows.append((start, dict(zip(header, values, strict=False))))
                start = reader.line_num + 1
        except csv.Error as error:
            raise self.fail((file, start), f"not CSV: {error}") from None
        return Rows(header, rows)

    def columns(self, table: Table, header: list[str]) -> dict[str, str]:
        """The column that holds each option of *table*, by the option; a
        column the file lacks (that every year's export has) is said once."""
        found = {}
        for option, names in table.columns.items():
            column = next((name for name in names if name in header), "")
            if column:
                found[option] = column
            elif option not in table.optional:
                self.kept(
                    (table.file, 1),
                    f"no column {' or '.join(names)}: no {option} in its entries",
                )
        return found

    # -- the person ------------------------------------------------------------

    def person(self) -> None:
        rows = self.table(PROFILE)
        if rows is None or not rows.rows:
            raise self.fail(
                (PROFILE,), "missing or empty: the profile names the person"
            )
        line, row = rows.rows[0]
        if len(rows.rows) > 1:
            self.left_out((PROFILE, rows.rows[1][0]), "a second profile")
        where: Where = (PROFILE, line)
        name = " ".join(
            one_line(row.get(column, "")) for column in ("First Name", "Last Name")
        ).strip()
        if not name:
            raise self.fail((*where, "First Name"), "no name: a CV needs the person's")
        self.draft.name = name
        contact = {
            "label": "Headline",
            "location": "Geo Location",
            "address": "Address",
            "postcode": "Zip Code",
            "country": "Country",
        }
        for option, column in contact.items():
            value = one_line(row.get(column, ""))
            if value:
                self.draft.contact[option] = self.checked_value(
                    (*where, column), option, value
                )
        self.draft.intro = self.prose(row.get("Summary", ""))
        self.websites(where, row.get("Websites", ""))
        for handle in _TYPED.findall(row.get("Twitter Handles", "")):
            handle = handle.strip().lstrip("@")
            if handle:
                self.draft.links.append(
                    f"Twitter @{handle} https://twitter.com/{handle}"
                )
        for column, what in PRIVATE.items():
            if one_line(row.get(column, "")):
                self.left_out((*where, column), f"{what}: no place in the CV")
        known = {"First Name", "Last Name", "Summary", "Websites", "Twitter Handles"}
        self.rest_of(where, row, known | set(contact.values()) | set(PRIVATE))
        if not self.draft.intro:
            summary = self.table(SUMMARY)
            if summary and summary.rows:
                self.draft.intro = self.prose(
                    summary.rows[0][1].get("Profile Summary", "")
                )
        self.email()

    def prose(self, text: str) -> str:
        """Plain text as the page's Markdown: its paragraphs kept."""
        paragraphs = re.split(r"\n\s*\n", text.strip())
        return "\n\n".join(escape(p) for p in paragraphs if p.strip())

    def websites(self, where: Where, text: str) -> None:
        """``[PERSONAL:https://...,COMPANY:https://...]`` as the person's links."""
        for value in _TYPED.findall(text):
            for typed in value.split(","):
                kind, _, address = typed.strip().partition(":")
                if not address or ("//" not in address and "." not in address):
                    kind, address = "", typed.strip()
                if not address:
                    continue
                url = self.url((*where, "Websites"), address)
                if url:
                    label = kind.strip().capitalize() or "Website"
                    self.draft.links.append(f"{label} {model.short_address(url)} {url}")

    def email(self) -> None:
        """The primary address (confirmed or not); the others are named."""
        rows = self.table(EMAILS)
        if rows is None:
            return
        addresses = [
            (line, row)
            for line, row in rows.rows
            if one_line(row.get("Email Address", ""))
        ]
        primary = [p for p in addresses if row_says(p[1], "Primary")] or addresses[:1]
        for line, row in addresses:
            where: Where = (EMAILS, line, "Email Address")
            if (line, row) == primary[0]:
                self.draft.email = self.checked_value(
                    where, "email", one_line(row["Email Address"])
                )
            else:
                self.left_out(where, "another address: cv:person shows one")

    def rest_of(self, where: Where, row: dict[str, str], known: set[str]) -> None:
        """Name the columns of *row* with a value that nothing read."""
        for column, value in row.items():
            if column not in known and one_line(value or ""):
                self.left_out((*where, column), "no place in the CV")

    # -- sections --------------------------------------------------------------

    def section(self, table: Table) -> None:
        rows = self.table(table.file)
        if rows is None:
            return
        kind = entries.TYPES[table.type]
        columns = self.columns(table, rows.header)
        known = set(columns.values()) | {c for c, _ in table.body} | set(table.dropped)

        read = by_keys(columns, DATED)
        found = []
        for line, row in rows.rows:
            where: Where = (table.file, line)
            for column, why in table.dropped.items():
                if one_line(row.get(column, "")):
                    self.left_out((*where, column), why)
            self.rest_of(where, row, known)
            item: dict[str, Any] = {c: row[c] for c in columns.values() if c in row}
            text, highlights = self.body(table, row)
            item |= {"text": text, "highlights": highlights}
            entry = self.entry(where, item, kind, read, body="text", markdown=False)
            if entry is not None:
                found.append(entry)
        if found:
            self.draft.section(table.title, kind.section[0]).entries = found

    def body(self, table: Table, row: dict[str, str]) -> tuple[str, list[str]]:
        """The entry's text from the *table*'s body columns of *row*, and
        the bullets its description sets inline."""
        paragraphs, highlights = [], []
        for column, label in table.body:
            text = (row.get(column) or "").strip()
            if not text:
                continue
            text, bullets = inline_bullets(text)
            highlights += bullets
            if text:
                paragraphs.append(label + text)
        return "\n\n".join(paragraphs), highlights

    def publications(self) -> None:
        """``Publications.csv`` into ``references.bib``: what LinkedIn gives
        of each (no authors)."""
        rows = self.table(PUBLICATIONS)
        if rows is None:
            return
        keys: set[str] = set()
        found = []
        for line, row in rows.rows:
            where: Where = (PUBLICATIONS, line)
            title = one_line(row.get("Name", ""))
            if not title:
                self.left_out(where, "a publication with no name")
                continue
            date = self.date(where, row, "Published On")
            fields = {
                "title": title,
                "howpublished": one_line(row.get("Publisher", "")),
                "note": one_line(row.get("Description", "")),
            }
            fields |= bib_date(date)
            url = one_line(row.get("Url", ""))
            if url:
                fields |= identified(self.url((*where, "Url"), url))
            key = slug(f"{title} {date[:4]}", keys, "publication")
            found.append(
                Publication(key, "misc", {k: v for k, v in fields.items() if v})
            )
            known = {"Name", "Published On", "Publisher", "Description", "Url"}
            self.rest_of(where, row, known)
        if found:
            section = self.draft.section("Publications", model.PUBLICATIONS)
            section.publications = found

    def courses(self) -> None:
        """``Courses.csv`` as a list: each course, with its number."""
        rows = self.table(COURSES)
        if rows is None:
            return
        lines = []
        for line, row in rows.rows:
            name, number = (one_line(row.get(c, "")) for c in ("Name", "Number"))
            if not name:
                self.left_out((COURSES, line), "a course with no name")
                continue
            lines.append(
                f"- {escape(name)}" + (f" ({escape(number)})" if number else "")
            )
            self.rest_of((COURSES, line), row, {"Name", "Number"})
        if lines:
            self.draft.section("Courses", "courses").text = "\n".join(lines)

    def read(self) -> Draft:
        self.person()
        for table in TABLES[:5]:
            self.section(table)
        self.publications()
        self.courses()
        for table in TABLES[5:]:
            self.section(table)
        return self.draft


def row_says(row: dict[str, str], column: str) -> bool:
    return one_line(row.get(column, "")).casefold() in ("yes", "true")


def files(path: Path) -> dict[str, str]:
    """The export's files this reads, by name, from its folder or ZIP (at
    any depth); the rest are not opened."""
    found: dict[str, str] = {}
    try:
        if path.is_dir():
            for file in sorted(path.rglob("*.csv")):
                if file.name in READ:
                    found.setdefault(file.name, file.read_text(encoding="utf-8-sig"))
        else:
            with zipfile.ZipFile(path) as archive:
                for member in sorted(archive.namelist()):
                    name = PurePosixPath(member).name
                    if name in READ:
                        found.setdefault(name, archive.read(member).decode("utf-8-sig"))
    except (OSError, UnicodeDecodeError, zipfile.BadZipFile) as error:
        raise InputError(f"{path}: cannot be read: {error}") from None
    return found


def is_export(path: Path) -> bool:
    """Whether *path* is a folder or a ZIP (a LinkedIn export's forms)."""
    return path.is_dir() or path.suffix.casefold() == ".zip"


def read(path: Path) -> Draft:
    """The LinkedIn export at *path* (its ZIP or folder) as a Draft."""
    found = files(path)
    if not found:
        raise InputError(
            f"{path}: no LinkedIn export: none of {', '.join(sorted(READ))} in it"
        )
    return _Reader(path, found).read()
