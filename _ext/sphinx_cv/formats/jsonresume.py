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

import re
from pathlib import Path
from typing import Any

from sphinx_cv import entries, model
from sphinx_cv.formats.draft import (
    Draft,
    DraftEntry,
    InputError,
    ItemSource,
    Publication,
    Reader,
    Where,
    as_titled,
    bib_date,
    escape,
    identified,
    is_empty,
    json_of,
    marked_author,
    one_line,
    slug,
)

#: The sections the format reads besides those of the entry types.
OWN = ("basics", "publications", "meta", "$schema")

#: What the document says of itself that is not the CV: JSON Resume's
#: themes and the address of the file.
THEIRS = {"meta": ("theme", "url")}

#: JSON Resume's ``basics.location``, by the ``cv:person`` option each is.
LOCATION = {
    "address": "address",
    "postalCode": "postcode",
    "city": "city",
    "region": "region",
    "countryCode": "country",
}

#: The schema's older names (0.0.x, still what most files people wrote
#: use), by the names of 1.0 they became.
OLDER = {"company": "name", "website": "url", "picture": "image", "gpa": "score"}

#: Names a section's items take from another section's (a volunteer's
#: organisation called its ``name``, as a position's is), by the names of
#: their own they stand for.
BORROWED = {"volunteer": {"name": "organization"}}

#: What an item given as text alone is, in the sections of items.
NAMED = {"languages": "language", "interests": "name", "skills": "name"}

#: The type that reads each section: the types' own declarations.
READERS: dict[str, entries.Type] = {
    kind.jsonresume.section: kind
    for kind in entries.TYPES.values()
    if kind.jsonresume.read is not None and not kind.jsonresume.marker
}

#: The types an item of a section may be besides its reader's, by the
#: section and the ``type`` the item carries (a project of the type "talk").
MARKED: dict[tuple[str, str], entries.Type] = {
    (kind.jsonresume.section, kind.jsonresume.marker): kind
    for kind in entries.TYPES.values()
    if kind.jsonresume.read is not None and kind.jsonresume.marker
}

#: How an item of a section of the author's own (``teaching``,
#: ``fellowships``) tells which section of the schema it is like: the first
#: whose keys it has, the most general (projects) last.
LIKE = (
    ({"institution"}, "education"),
    ({"organization"}, "volunteer"),
    ({"position"}, "work"),
    ({"positions"}, "work"),
    ({"awarder"}, "awards"),
    ({"issuer"}, "certificates"),
    ({"publisher"}, "publications"),
    ({"releaseDate"}, "publications"),
    ({"language"}, "languages"),
    ({"reference"}, "references"),
    ({"title", "date"}, "awards"),
    ({"level"}, "skills"),
    ({"name"}, "projects"),
    ({"title"}, "awards"),
)

#: Keys under which a position's item holds its roles, one an entry.
ROLES = ("positions", "roles")


def like(items: list[Any]) -> str | None:
    """The section of the schema that items of a section of the author's
    own are most like, by their keys (see :data:`LIKE`); None if they are
    text, or like none."""
    keys = {key for item in items if isinstance(item, dict) for key in item}
    keys |= {OLDER.get(key, key) for key in keys}
    for needed, section in LIKE:
        if needed <= keys:
            return section
    return None


def title_of(key: str) -> str:
    """A section's title from its key: ``peerFeedback`` "Peer feedback",
    ``writing_samples`` "Writing samples"."""
    spaced = re.sub(r"(?<=[a-z0-9])(?=[A-Z][a-z])", " ", key).replace("_", " ")
    text = " ".join(word if word.isupper() else word.lower() for word in spaced.split())
    return text[:1].upper() + text[1:]


def authors(text: str) -> list[str]:
    """The names in *text*, a list of authors written as one: parted by
    commas or semicolons where each part is a whole name ("Ada Lovelace,
    Alan Turing,"), else by BibTeX's "and" ("Lovelace, Ada and Turing, A.")."""
    parts = [p for p in re.split(r"\s*[,;]\s*|\s+and\s+", text) if p]
    if all(" " in part for part in parts):
        return parts
    return [p for p in re.split(r"\s+and\s+", text.strip(" ,;")) if p]


class _Reader(Reader):
    def __init__(self, path: Path, text: str, data: dict[str, Any]) -> None:
        super().__init__(path, text)
        self.data = data

    def items(self, name: str) -> list[tuple[Where, dict[str, Any]]]:
        """The items of the section *name* that are objects, each with its
        schema-1.0 names (:data:`OLDER`); text and the rest are reported."""
        value = self.data.get(name, [])
        if isinstance(value, dict):
            value = [value]
        if not isinstance(value, list):
            self.left_out((name,), "not a list of objects")
            return []
        found: list[tuple[Where, dict[str, Any]]] = []
        for number, item in enumerate(value):
            if isinstance(item, str) and name in NAMED and item.strip():
                item = {NAMED[name]: item}
            if isinstance(item, dict):
                item = self.current((name, number), item, BORROWED.get(name, {}))
                found.append(((name, number), item))
            elif not is_empty(item):
                self.left_out((name, number), "not an object")
        return found

    def current(
        self, where: Where, item: dict[str, Any], borrowed: dict[str, str] | None = None
    ) -> dict[str, Any]:
        """*item* with the schema's older (and *borrowed*) names as 1.0 has
        them; where a file gives both, the newer wins and a different older
        is reported."""
        item = dict(item)
        for old, new in {**OLDER, **(borrowed or {})}.items():
            if old not in item:
                continue
            value = item.pop(old)
            if is_empty(item.get(new)):
                item[new] = value
            elif not is_empty(value) and value != item[new]:
                self.left_out((*where, old), f"differs from {new}, which is read")
        return item

    # -- sections --------------------------------------------------------------

    def basics(self) -> None:
        where: Where = ("basics",)
        basics = self.data.get("basics", {})
        if not isinstance(basics, dict):
            raise self.fail(where, "must be an object")
        basics = self.current(where, basics)
        name = self.text_of(where, basics, "name")
        if not name:
            raise self.fail(where, "has no name: a CV needs the person's name")
        self.draft.name = name
        self.draft.email = self.email_of(where, basics)
        phone = self.text_of(where, basics, "phone")
        if phone:
            self.draft.contact["phone"] = self.checked_value(
                (*where, "phone"), "phone", phone
            )
        location = basics.get("location") or {}
        if not isinstance(location, dict):
            location = {"city": location}
        for key, option in LOCATION.items():
            value = self.text_of((*where, "location"), location, key)
            if value:
                place = (*where, "location", key)
                self.draft.contact[option] = self.checked_value(place, option, value)
        self.rest((*where, "location"), location, set(LOCATION))
        url = self.url_of(where, basics)
        if url:
            self.draft.links.append(f"Website {model.short_address(url)} {url}")
        profiles = basics.get("profiles") or []
        for number, profile in enumerate(
            profiles if isinstance(profiles, list) else []
        ):
            at: Where = (*where, "profiles", number)
            if not isinstance(profile, dict) or is_empty(profile):
                continue
            network = "".join(self.text_of(at, profile, "network").split()) or "Profile"
            username = self.text_of(at, profile, "username") or network
            link = self.url_of(at, profile)
            if link:
                self.draft.links.append(f"{network} {username} {link}")
            elif not profile.get("url"):
                self.left_out(at, "no url to link")
            self.rest(at, profile, {"network", "username", "url"})
        label = self.text_of(where, basics, "label")
        if label:
            self.draft.contact = {"label": label, **self.draft.contact}
        self.draft.intro = self.prose(where, basics, "summary")
        read = {"name", "email", "phone", "location", "url", "profiles"}
        self.rest(where, basics, read | {"label", "summary"})

    def prose(self, where: Where, item: dict[str, Any], key: str) -> str:
        """The Markdown at *key* of *item*."""
        return ItemSource(self, where, item, markdown=True).body(key)

    def section(self, name: str, kind: entries.Type, title: str = "") -> None:
        """The section *name*, each item read by *kind*, under *title* (the
        title of *kind*'s section by default)."""
        found = []
        for where, item in self.items(name):
            marker = str(item.get("type", "")).casefold()
            held = MARKED.get((kind.jsonresume.section, marker), kind)
            if held is not kind:
                # Its type said which: read.
                item = {k: v for k, v in item.items() if k != "type"}
            read = held.jsonresume.read
            assert read is not None
            if title and held is kind:
                # A section of the author's own that its title names.
                held, read = as_titled(title, held, read)
            for at, one, defaults in self.roles(where, item, held, read):
                entry = self.entry(
                    at, one, held, read, body=held.jsonresume.summary,
                    markdown=True, defaults=defaults,
                )  # fmt: skip
                if entry is not None:
                    found.append(entry)
        folder, own = kind.section
        if found:
            self.draft.section(title or own, name if title else folder).entries = found

    def roles(
        self, where: Where, item: dict[str, Any], kind: entries.Type, read: entries.Read
    ) -> list[tuple[Where, dict[str, Any], dict[str, str]]]:
        """*item*, or, where it holds its roles one an object (a company's
        ``positions``), each role, with what the item says of them all (its
        prose goes with the first role)."""
        nested = [
            key
            for key in ROLES
            if isinstance(item.get(key), list)
            and item[key]
            and all(isinstance(role, dict) for role in item[key])
        ]
        if not nested:
            return [(where, item, {})]
        key = nested[0]
        outer = {k: v for k, v in item.items() if k != key}
        source = ItemSource(self, where, outer, markdown=True)
        defaults = {k: v for k, v in read(source).items() if v}
        prose = {"summary", "highlights"} & outer.keys()
        self.rest(where, outer, source.used | prose)
        roles = [
            ((*where, key, n), self.current((*where, key, n), role))
            for n, role in enumerate(item[key])
        ]
        for name in prose:
            if is_empty(roles[0][1].get(name)):
                roles[0][1][name] = outer[name]
            elif not is_empty(outer[name]):
                self.left_out((*where, name), "its first role has its own")
        self.kept((*where, key), f"each of its {len(roles)} roles an entry")
        return [(at, role, defaults) for at, role in roles]

    def publications(self, name: str = "publications", title: str = "") -> None:
        keys: set[str] = set()
        found = []
        for where, item in self.items(name):
            title_text = self.text_of(where, item, "name") or self.text_of(
                where, item, "title"
            )
            if not title_text:
                if not is_empty(item):
                    self.left_out(where, "a publication with no name")
                continue
            date = self.date(where, item, "releaseDate") or self.date(
                where, item, "date"
            )
            names = [
                marked_author(name)
                for text in self.strings(where, item, "authors")
                for name in authors(text)
            ]
            self.draft.authors += [
                name for name, own in names if own and name not in self.draft.authors
            ]
            fields = {
                "title": title_text,
                "author": " and ".join(name for name, _ in names),
                # A misc entry shows where it appeared as howpublished.
                "howpublished": self.text_of(where, item, "publisher"),
            }
            fields |= bib_date(date)
            fields |= identified(self.url_of(where, item))
            summary = self.text_of(where, item, "summary")
            if summary:
                fields["note"] = summary
            key = slug(f"{title_text} {date[:4]}", keys, "publication")
            found.append(
                Publication(key, "misc", {k: v for k, v in fields.items() if v})
            )
            used = {"name", "title", "authors", "publisher", "releaseDate", "date"}
            self.rest(where, item, used | {"url", "summary"})
        if found:
            page = model.PUBLICATIONS if name == "publications" else name
            section = self.draft.section(title or "Publications", page)
            section.publications = found

    def own(self, name: str) -> None:
        """A section of the author's own, under a title made of its name:
        its items read by the type of the schema's section they are most
        like, or, if they are text, as a list."""
        value = self.data[name]
        items = value if isinstance(value, list) else [value]
        if is_empty(items):
            self.ignored((name,), "empty")
            return
        title = title_of(name)
        if all(isinstance(item, str) for item in items):
            section = self.draft.section(title, name)
            section.text = "\n".join(f"- {one_line(item)}" for item in items)
            return
        if isinstance(value, dict) and all(
            isinstance(v, list) and all(isinstance(i, str) for i in v)
            for v in value.values()
        ):
            self.named_lists(name, value, title)
            return
        schema = like(items)
        if schema == "publications":
            self.publications(name, title)
        elif schema is not None:
            self.kept((name,), f"a section of its own, read as the schema's {schema}")
            self.section(name, READERS[schema], title)
        else:
            self.left_out((name,), "not a section the CV can read")

    def named_lists(self, name: str, value: dict[str, list[str]], title: str) -> None:
        """Lists of text by name (``"frameworks": ["React", ...]``): one
        ``cv:skill`` each, the list its keywords."""
        kind = entries.TYPES["skill"]
        found = []
        for key, keywords in value.items():
            options = {
                "name": escape(title_of(key)),
                "keywords": ", ".join(one_line(k) for k in keywords),
            }
            entry = self.checked((name, key), DraftEntry(kind.name, "", options))
            if entry is not None:
                found.append(entry)
        self.kept((name,), "an object of lists, one skill each, named by its key")
        self.draft.section(
            title if name != "skills" else "Skills", name
        ).entries = found

    def meta(self) -> None:
        """The document's version and date become the project's (conf.py's
        ``version`` and ``today``); its address is the new site's own."""
        meta = self.data.get("meta") or {}
        if not isinstance(meta, dict):
            self.left_out(("meta",), "not an object")
            return
        for key, setting in (("version", "version"), ("lastModified", "today")):
            value = self.text_of(("meta",), meta, key)
            if value:
                self.draft.settings[setting] = value
        if meta.get("canonical"):
            self.kept(
                ("meta", "canonical"),
                "the new site's own resume.json (from html_baseurl)",
            )
        for key in THEIRS["meta"]:
            if not is_empty(meta.get(key)):
                self.ignored(("meta", key), "the JSON Resume site's own")
        self.rest(
            ("meta",), meta, {"version", "lastModified", "canonical", *THEIRS["meta"]}
        )

    def read(self) -> Draft:
        self.basics()
        self.meta()
        for key in self.data:
            if key == "publications":
                self.publications()
            elif key == "skills" and isinstance(self.data[key], dict):
                self.own(key)
            elif key in READERS:
                self.section(key, READERS[key])
            elif key not in OWN:
                self.own(key)
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
    data = json_of(text, path)
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
        "url": publication.url or publication.address,
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
        item = place_of.write(record, context)
        if place_of.marker:
            # Told apart from the section's own items by it (MARKED).
            item["type"] = place_of.marker
        sections.setdefault(place_of.section, []).append(item)
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
