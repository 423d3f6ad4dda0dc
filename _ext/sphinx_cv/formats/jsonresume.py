"""JSON Resume (https://jsonresume.org/schema), read into a Draft and written.

Each section of the document is a section of the CV, under the title its
entry type gives it (``work`` "Experience", ``certificates``
"Certificates"), in the document's order; each of its items is read by the
type that reads that section (:mod:`sphinx_cv.entries`), ``publications``
into ``references.bib``. What has no place is listed by name in
:attr:`Draft.unmapped`; what is kept but changed or not exported again, in
:attr:`Draft.changed`. Its text is plain, so it is escaped wherever
Markdown would read it as markup. Written, a section of JSON Resume holds
every entry whose type goes there, whatever section of the CV it is in.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from sphinx_cv import entries, model
from sphinx_cv.formats.draft import (
    Draft,
    InputError,
    Publication,
    Reader,
    Where,
    bib_date,
    dotted,
    escape,
    slug,
)

#: The sections the format reads besides those of the entry types.
OWN = ("basics", "publications", "meta", "$schema")

#: JSON Resume's ``basics.location``, by the ``cv:person`` option each is.
LOCATION = {
    "address": "address",
    "postalCode": "postcode",
    "city": "city",
    "region": "region",
    "countryCode": "country",
}

#: The type that reads each section: the types' own declarations.
READERS: dict[str, entries.Type] = {
    kind.jsonresume.section: kind
    for kind in entries.TYPES.values()
    if kind.jsonresume.read is not None
}


class _Reader(Reader):
    def __init__(self, path: Path, text: str, data: dict[str, Any]) -> None:
        super().__init__(path, text)
        self.data = data

    def items(self, name: str) -> list[tuple[Where, dict[str, Any]]]:
        value = self.data.get(name, [])
        if not isinstance(value, list):
            raise self.fail((name,), "must be a list of objects")
        for number, item in enumerate(value):
            if not isinstance(item, dict):
                raise self.fail((name, number), "must be an object")
        return [((name, number), item) for number, item in enumerate(value)]

    # -- sections --------------------------------------------------------------

    def basics(self) -> None:
        basics = self.data.get("basics", {})
        if not isinstance(basics, dict):
            raise self.fail(("basics",), "must be an object")
        where: Where = ("basics",)
        name = self.text_of(where, basics, "name")
        if not name:
            raise self.fail(where, "has no name: a CV needs the person's name")
        self.draft.name = name
        email = self.text_of(where, basics, "email")
        if email:
            try:
                self.draft.email = model.parse_email(email)
            except ValueError as error:
                raise self.fail((*where, "email"), str(error)) from None
        phone = self.text_of(where, basics, "phone")
        if phone:
            self.draft.contact["phone"] = self.checked_value(
                (*where, "phone"), "phone", phone
            )
        location = basics.get("location") or {}
        if not isinstance(location, dict):
            raise self.fail((*where, "location"), "must be an object")
        for key, option in LOCATION.items():
            value = self.text_of((*where, "location"), location, key)
            if value:
                place = (*where, "location", key)
                self.draft.contact[option] = self.checked_value(place, option, value)
        self.rest((*where, "location"), location, set(LOCATION))
        url = self.text_of(where, basics, "url")
        if url:
            self.draft.links.append(
                f"Website {model.short_address(url)} {self.url((*where, 'url'), url)}"
            )
        for number, profile in enumerate(basics.get("profiles") or []):
            at: Where = (*where, "profiles", number)
            if not isinstance(profile, dict):
                raise self.fail(at, "must be an object")
            network = "".join(self.text_of(at, profile, "network").split()) or "Profile"
            username = self.text_of(at, profile, "username") or network
            link = self.text_of(at, profile, "url")
            if not link:
                self.draft.unmapped.append(f"{dotted(at)} (no url to link)")
                continue
            self.draft.links.append(
                f"{network} {username} {self.url((*at, 'url'), link)}"
            )
            self.rest(at, profile, {"network", "username", "url"})
        label = self.text_of(where, basics, "label")
        if label:
            self.draft.contact = {"label": label, **self.draft.contact}
        self.draft.intro = escape(self.text_of(where, basics, "summary"))
        read = {"name", "email", "phone", "location", "url", "profiles"}
        self.rest(where, basics, read | {"label", "summary"})

    def section(self, name: str, kind: entries.Type) -> None:
        """The section *name*, each item read by *kind*."""
        read = kind.jsonresume.read
        assert read is not None
        found = [
            entry
            for where, item in self.items(name)
            if (
                entry := self.entry(
                    where, item, kind, read, body=kind.jsonresume.summary,
                    markdown=False,
                )
            )
            is not None
        ]  # fmt: skip
        if found:
            folder, title = kind.section
            self.draft.section(title, folder).entries = found

    def publications(self) -> None:
        keys: set[str] = set()
        found = []
        for where, item in self.items("publications"):
            name = self.text_of(where, item, "name")
            if not name:
                self.draft.unmapped.append(f"{dotted(where)} (no name)")
                continue
            date = self.date(where, item, "releaseDate")
            fields = {
                "title": name,
                "publisher": self.text_of(where, item, "publisher"),
            }
            fields |= bib_date(date)
            fields["url"] = self.url_of(where, item)
            summary = self.text_of(where, item, "summary")
            if summary:
                fields["note"] = summary
            key = slug(f"{name} {date[:4]}", keys, "publication")
            found.append(
                Publication(
                    key, "misc", {k: v for k, v in fields.items() if v}, escape(name)
                )
            )
            self.rest(
                where, item, {"name", "publisher", "releaseDate", "url", "summary"}
            )
        if found:
            section = self.draft.section("Publications", model.PUBLICATIONS)
            section.publications = found

    def meta(self) -> None:
        """The document's version and date become the project's (conf.py's
        ``version`` and ``today``); its address is the new site's own."""
        meta = self.data.get("meta") or {}
        if not isinstance(meta, dict):
            raise self.fail(("meta",), "must be an object")
        for key, setting in (("version", "version"), ("lastModified", "today")):
            value = self.text_of(("meta",), meta, key)
            if value:
                self.draft.settings[setting] = value
        if meta.get("canonical"):
            self.draft.changed.append(
                "meta.canonical: the new site's own resume.json (from html_baseurl)"
            )
        self.rest(("meta",), meta, {"version", "lastModified", "canonical"})

    def read(self) -> Draft:
        self.basics()
        self.meta()
        for key in self.data:
            if key == "publications":
                self.publications()
            elif key in READERS:
                self.section(key, READERS[key])
            elif key not in OWN:
                self.draft.unmapped.append(f"{key} (not a section of the CV)")
        return self.draft


def read(path: Path) -> Draft:
    """The JSON Resume document at *path* as a Draft; an InputError names the
    file, the line and the field of the first problem."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(f"{path}: cannot be read: {error}") from None
    return parse(text, path)


def parse(text: str, path: Path) -> Draft:
    """The JSON Resume document *text*, read from *path*, as a Draft."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise InputError(
            f"{path}:{error.lineno}:{error.colno}: not valid JSON: {error.msg}"
        ) from None
    if not isinstance(data, dict):
        raise InputError(f"{path}:1: not a JSON Resume document: it is not an object")
    return _Reader(path, text, data).read()


# -- Writing ------------------------------------------------------------------


def _skills(cv: model.CV) -> list[dict[str, Any]]:
    """For a CV that lists no skills (``cv:skill``): the skills its entries
    name, each with the spellings they use."""
    return [
        {"name": name, "keywords": [s for s in used if s != name] or [name]}
        for name, used in cv.spellings.items()
    ]


def _publication(publication: model.Publication) -> dict[str, Any]:
    item = {
        "name": publication.title,
        "publisher": publication.venue,
        "releaseDate": publication.date.iso() if publication.date else "",
        "url": publication.url,
        "summary": publication.summary,
    }
    return entries.given(item)


#: The schema the documents written follow (1.x keeps v1.0.0's address).
SCHEMA = "https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json"

#: The sections of a document's entries and items, in the schema's order
#: (its publications come after the certificates).
ORDER = (
    "work",
    "volunteer",
    "education",
    "awards",
    "certificates",
    "skills",
    "languages",
    "interests",
    "references",
    "projects",
)


def write(cv: model.CV) -> dict[str, Any]:
    """The CV as JSON Resume: https://jsonresume.org/schema (1.3). Each
    entry and item goes to the section its type names (a teaching position
    to ``work``, a position held with duties), in the CV's order."""
    person = cv.person
    context = entries.Context(cv.date_format)
    basics: dict[str, Any] = {}
    if person is not None:
        basics = {
            "name": person.name,
            "label": person.label,
            "email": person.email,
            "phone": person.phone,
            "summary": cv.summary,
        }
        place = {key: getattr(person, option) for key, option in LOCATION.items()}
        basics["location"] = {key: value for key, value in place.items() if value}
        websites = [link.url for link in person.links if link.is_website]
        if websites:
            basics["url"] = websites[0]
        basics["profiles"] = [
            {"network": link.network, "username": link.username, "url": link.url}
            for link in person.links
            if not link.is_website
        ]
    sections: dict[str, list[Any]] = {name: [] for name in ORDER}
    for record in [*cv.entries, *cv.items]:
        place_of = entries.TYPES[record.type].jsonresume
        sections.setdefault(place_of.section, []).append(
            place_of.write(record, context)
        )
    if not sections["skills"]:
        sections["skills"] = _skills(cv)
    publications = [_publication(p) for p in cv.publications]
    meta = {
        "canonical": cv.canonical,
        "version": cv.version,
        "lastModified": cv.modified,
    }
    before = list(ORDER[: ORDER.index("skills")])
    return {
        "$schema": SCHEMA,
        "basics": entries.given(basics),
        **{name: sections.pop(name) for name in before},
        "publications": publications,
        **sections,
        "meta": entries.given(meta),
    }
