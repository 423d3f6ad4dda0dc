"""Read a JSON Resume document (https://jsonresume.org/schema) into a Draft.

Each section goes to the closest kind of entry or page: ``work`` and
``volunteer`` to ``cv:work``, ``education``, ``awards`` and ``certificates``
to their entries, ``projects`` to ``cv:project``, ``publications`` to
``references.bib``, ``skills``, ``languages`` and ``interests`` to the
skills page. What has no place (a phone number, an address, referees) is
listed by name in :attr:`Draft.unmapped`; what is kept but changed or not
exported again, in :attr:`Draft.changed`. Its text is plain, so it is
escaped wherever Markdown would read it as markup.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from sphinx_cv import model
from sphinx_cv.formats.draft import (
    Draft,
    DraftEntry,
    InputError,
    Page,
    Publication,
    Reader,
    Where,
    bib_date,
    dotted,
    escape,
    iso_date,
    one_line,
    slug,
)

#: What each section's items may hold and where it goes; keys not listed are
#: reported as unmapped.
SECTIONS = (
    "basics",
    "work",
    "volunteer",
    "education",
    "awards",
    "certificates",
    "publications",
    "skills",
    "languages",
    "interests",
    "references",
    "projects",
    "meta",
    # The schema's address: every document written names it again.
    "$schema",
)

#: The sections the skills page lists: (section, cv: kind, each key's
#: option, the heading over them).
LISTED = [
    ("skills", "skill", {"name": "name", "level": "level", "keywords": "keywords"}, ""),
    ("languages", "language", {"language": "name", "fluency": "fluency"}, "Languages"),
    ("interests", "interest", {"name": "name", "keywords": "keywords"}, "Interests"),
]

#: JSON Resume's ``basics.location``, by the ``cv:person`` option each is.
LOCATION = {
    "address": "address",
    "postalCode": "postcode",
    "city": "city",
    "region": "region",
    "countryCode": "country",
}


class _Reader(Reader):
    def __init__(self, path: Path, text: str, data: dict[str, Any]) -> None:
        super().__init__(path, text)
        self.data = data

    # -- helpers ---------------------------------------------------------------

    def items(self, name: str) -> list[tuple[Where, dict[str, Any]]]:
        value = self.data.get(name, [])
        if not isinstance(value, list):
            raise self.fail((name,), "must be a list of objects")
        for number, item in enumerate(value):
            if not isinstance(item, dict):
                raise self.fail((name, number), "must be an object")
        return [((name, number), item) for number, item in enumerate(value)]

    def strings(self, where: Where, item: dict[str, Any], key: str) -> list[str]:
        value = item.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise self.fail((*where, key), "must be a list of text")
        return [one_line(v) for v in value if v.strip()]

    def date(self, where: Where, item: dict[str, Any], key: str) -> str:
        raw = self.text_of(where, item, key)
        if not raw:
            return ""
        try:
            return iso_date(raw)
        except ValueError as error:
            raise self.fail((*where, key), str(error)) from None

    def entry(
        self,
        where: Where,
        kind: str,
        name: str,
        options: dict[str, str],
        item: dict[str, Any],
        summary_key: str = "summary",
    ) -> DraftEntry | None:
        options = {k: v for k, v in options.items() if v}
        entry = DraftEntry(
            kind=kind,
            id=slug(name, self.ids, kind),
            options=options,
            summary=escape(self.text_of(where, item, summary_key)),
            highlights=[escape(h) for h in self.strings(where, item, "highlights")],
        )
        return self.checked(where, entry)

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

    def work(self, section: str) -> list[DraftEntry]:
        found = []
        organisation_key = "organization" if section == "volunteer" else "name"
        for where, item in self.items(section):
            organisation = self.text_of(where, item, organisation_key)
            role = self.text_of(where, item, "position")
            options = {
                "organisation": organisation,
                "role": role,
                "team": self.text_of(where, item, "description"),
                "location": self.text_of(where, item, "location"),
                "start": self.date(where, item, "startDate"),
                "end": self.date(where, item, "endDate"),
                "url": self.url_of(where, item),
            }
            kind = "volunteer" if section == "volunteer" else "work"
            if kind == "volunteer" and options.pop("team"):
                self.draft.unmapped.append(dotted((*where, "description")))
            entry = self.entry(where, kind, f"{organisation} {role}", options, item)
            if entry is not None:
                entry.title = escape(f"{organisation}: {role}")
                found.append(entry)
            used = {
                organisation_key,
                "position",
                "description",
                "location",
                "startDate",
                "endDate",
                "url",
                "summary",
                "highlights",
            }
            self.rest(where, item, used)
        return found

    def education(self) -> list[DraftEntry]:
        found = []
        for where, item in self.items("education"):
            study, area = (
                self.text_of(where, item, "studyType"),
                self.text_of(where, item, "area"),
            )
            institution = self.text_of(where, item, "institution")
            options = {
                "organisation": institution,
                "degree": model.join_degree(study, area),
                "start": self.date(where, item, "startDate"),
                "end": self.date(where, item, "endDate"),
                "url": self.url_of(where, item),
            }
            entry = self.entry(
                where, "education", f"{institution} {study}", options, item
            )
            if entry is None:
                continue
            score = self.text_of(where, item, "score")
            if score:
                entry.options["score"] = score
            courses = self.strings(where, item, "courses")
            if any(";" in course for course in courses):
                raise self.fail(
                    (*where, "courses"), "a course holds a semicolon, which parts them"
                )
            if courses:
                entry.options["courses"] = "; ".join(courses)
            found.append(entry)
            self.rest(
                where,
                item,
                {
                    "institution",
                    "studyType",
                    "area",
                    "startDate",
                    "endDate",
                    "url",
                    "score",
                    "courses",
                    "summary",
                    "highlights",
                },
            )
        return found

    def awards(self, section: str) -> list[DraftEntry]:
        found = []
        keys = ("title", "awarder") if section == "awards" else ("name", "issuer")
        for where, item in self.items(section):
            title, awarder = (self.text_of(where, item, key) for key in keys)
            date = self.date(where, item, "date")
            if model.is_academic_year(date):
                date = date[:4]
                self.draft.changed.append(
                    f"{dotted((*where, 'date'))}: the year only (the month reads "
                    "as an academic year)"
                )
            options = {"title": title, "organisation": awarder, "years": date}
            if section == "certificates":
                options["url"] = self.url_of(where, item)
            entry = self.entry(where, "award", f"{title} {date[:4]}", options, item)
            if entry is not None:
                found.append(entry)
                if section == "certificates":
                    self.draft.changed.append(f"{dotted(where)}: an award")
            self.rest(where, item, {*keys, "date", "url", "summary"})
        return found

    def projects(self) -> list[DraftEntry]:
        found = []
        for where, item in self.items("projects"):
            name = self.text_of(where, item, "name")
            options = {
                "name": name,
                # Roles part at semicolons: a role may hold a comma.
                "role": "; ".join(self.strings(where, item, "roles")),
                "entity": self.text_of(where, item, "entity"),
                "kind": self.text_of(where, item, "type"),
                "start": self.date(where, item, "startDate"),
                "end": self.date(where, item, "endDate"),
                "url": self.url_of(where, item),
                "skills": ", ".join(
                    k.replace(",", " ") for k in self.strings(where, item, "keywords")
                ),
            }
            entry = self.entry(
                where, "project", name, options, item, summary_key="description"
            )
            if entry is not None:
                entry.title = escape(name)
                found.append(entry)
            self.rest(
                where,
                item,
                {
                    "name",
                    "roles",
                    "entity",
                    "type",
                    "startDate",
                    "endDate",
                    "url",
                    "keywords",
                    "description",
                    "highlights",
                },
            )
        return found

    def publications(self) -> None:
        keys: set[str] = set()
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
            self.draft.publications.append(
                Publication(
                    key, "misc", {k: v for k, v in fields.items() if v}, escape(name)
                )
            )
            self.rest(
                where, item, {"name", "publisher", "releaseDate", "url", "summary"}
            )

    def listed(self, section: str, kind: str, keys: dict[str, str]) -> list[str]:
        """The items of *section* as ``cv:KIND`` directives: each option
        from the key *keys* names."""
        found = []
        for where, item in self.items(section):
            lines = [f":::{{cv:{kind}}}"]
            for key, option in keys.items():
                if key == "keywords":
                    words = self.strings(where, item, key)
                    value = ", ".join(
                        " ".join(w.replace(",", " ").split()) for w in words
                    )
                else:
                    value = self.text_of(where, item, key)
                if value:
                    lines.append(
                        f":{option}: {self.checked_value((*where, key), option, value)}"
                    )
            if kind == "reference":
                lines += ["", escape(self.text_of(where, item, "reference"))]
            found.append("\n".join([*lines, ":::"]))
            self.rest(
                where, item, {*keys, "reference"} if kind == "reference" else set(keys)
            )
        return found

    def skills_page(self) -> Page | None:
        """Skills, languages and interests, each an item of the skills page."""
        parts = []
        for section, kind, keys, title in LISTED:
            items = self.listed(section, kind, keys)
            if items:
                parts.append("\n\n".join([f"## {title}", *items] if title else items))
        return Page("skills", "Skills", text="\n\n".join(parts)) if parts else None

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
        self.draft.work = self.work("work")
        education = self.education()
        volunteer = self.work("volunteer")
        self.draft.projects = self.projects()
        honours = self.awards("awards") + self.awards("certificates")
        self.publications()
        skills = self.skills_page()
        pages = [
            Page("education", "Education", entries=education),
            Page("volunteer", "Volunteering", entries=volunteer),
            Page("honors", "Honors and awards", entries=honours),
        ]
        self.draft.pages = [page for page in pages if page.entries]
        if skills is not None:
            self.draft.pages.append(skills)
        referees = self.listed("references", "reference", {"name": "name"})
        if referees:
            self.draft.pages.append(
                Page("referees", "References", text="\n\n".join(referees))
            )
        for key in self.data:
            if key not in SECTIONS:
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


def _dates(entry: model.Entry) -> dict[str, str]:
    dates = {}
    if entry.start is not None:
        dates["startDate"] = entry.start.iso()
    if entry.end is not None:
        dates["endDate"] = entry.end.iso()
    return dates


def _work(entry: model.Entry) -> dict[str, Any]:
    if entry.kind == "teaching":
        description = entry.course
        if entry.instructor:
            description += f", Instructor: {entry.instructor}"
        name = entry.organisation
    else:
        description, name = entry.team, entry.organisation
    item = {
        "name": name,
        "position": entry.role,
        "location": entry.location,
        "description": description,
        "url": entry.url,
        **_dates(entry),
        "summary": entry.summary,
        "highlights": list(entry.highlights),
    }
    return {key: value for key, value in item.items() if value}


def _education(entry: model.Entry) -> dict[str, Any]:
    study, area = model.split_degree(entry.degree)
    item: dict[str, Any] = {
        "institution": entry.organisation,
        "url": entry.url,
        "area": area,
        "studyType": study,
        **_dates(entry),
        # Beyond the schema (which allows more): what the CV says besides.
        "location": entry.location,
        "advisor": entry.advisor,
        "expectedDate": entry.expected.iso() if entry.expected else "",
        "score": entry.score,
        "courses": list(entry.courses),
    }
    return {key: value for key, value in item.items() if value}


def _volunteer(entry: model.Entry) -> dict[str, Any]:
    item = {
        "organization": entry.organisation,
        "position": entry.role,
        "url": entry.url,
        **_dates(entry),
        "summary": entry.summary,
        "highlights": list(entry.highlights),
        # Beyond the schema (which allows more): what the CV says besides.
        "location": entry.location,
    }
    return {key: value for key, value in item.items() if value}


def _skills(cv: model.CV) -> list[dict[str, Any]]:
    """The skills the CV lists (``cv:skill``); without any, the skills its
    entries name, each with the spellings they use."""
    listed = [i for i in cv.items if i.kind == "skill"]
    if listed:
        skills = [
            {"name": i.name, "level": i.level, "keywords": list(i.keywords)}
            for i in listed
        ]
        return [{k: v for k, v in skill.items() if v} for skill in skills]
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
    return {key: value for key, value in item.items() if value}


def _project(entry: model.Entry) -> dict[str, Any]:
    item = {
        "name": entry.name,
        "description": entry.summary,
        "highlights": list(entry.highlights),
        "keywords": list(entry.skills),
        **_dates(entry),
        "url": entry.url,
        "roles": list(model.split_semicolons(entry.role)) if entry.role else [],
        "entity": entry.entity,
        "type": entry.kind_of,
    }
    return {key: value for key, value in item.items() if value}


def _award(entry: model.Entry) -> dict[str, Any]:
    given = entry.last_date
    item = {
        "title": entry.title,
        "date": given.iso() if given else "",
        "awarder": entry.organisation,
        "summary": entry.summary,
    }
    return {key: value for key, value in item.items() if value}


#: The schema the documents written follow (1.x keeps v1.0.0's address).
SCHEMA = "https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json"


def write(cv: model.CV) -> dict[str, Any]:
    """The CV as JSON Resume: https://jsonresume.org/schema (1.3). A
    teaching entry goes to ``work``, a position held, with duties; unpaid
    service is ``cv:volunteer``, and goes to ``volunteer``."""
    entries, person = cv.entries, cv.person
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
    meta = {
        "canonical": cv.canonical,
        "version": cv.version,
        "lastModified": cv.modified,
    }
    return {
        "$schema": SCHEMA,
        "basics": {key: value for key, value in basics.items() if value},
        "work": [_work(e) for e in entries if e.kind in ("work", "teaching")],
        "volunteer": [_volunteer(e) for e in entries if e.kind == "volunteer"],
        "education": [_education(e) for e in entries if e.kind == "education"],
        "awards": [_award(e) for e in entries if e.kind == "award"],
        "skills": _skills(cv),
        "languages": [
            {"language": i.name, "fluency": i.fluency}
            if i.fluency
            else {"language": i.name}
            for i in cv.items
            if i.kind == "language"
        ],
        "interests": [
            {"name": i.name, "keywords": list(i.keywords)}
            if i.keywords
            else {"name": i.name}
            for i in cv.items
            if i.kind == "interest"
        ],
        "references": [
            {"name": i.name, "reference": i.text}
            for i in cv.items
            if i.kind == "reference"
        ],
        "projects": [_project(e) for e in entries if e.kind == "project"],
        "publications": [_publication(p) for p in cv.publications],
        "meta": {key: value for key, value in meta.items() if value},
    }
