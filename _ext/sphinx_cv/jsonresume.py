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
from sphinx_cv.draft import (
    Draft,
    DraftEntry,
    InputError,
    Page,
    Publication,
    check_entry,
    dotted,
    escape,
    locate,
    month_date,
    one_line,
    slug,
)

Path_ = tuple[str | int, ...]

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
)


class _Reader:
    def __init__(self, path: Path, text: str, data: dict[str, Any]) -> None:
        self.path, self.text, self.data = path, text, data
        self.ids: set[str] = set()
        self.draft = Draft(name="")

    # -- helpers ---------------------------------------------------------------

    def fail(self, where: Path_, message: str) -> InputError:
        line = locate(self.text, where)
        place = f"{self.path}:{line}" if line else str(self.path)
        return InputError(f"{place}: {dotted(where) or 'the document'}: {message}")

    def items(self, name: str) -> list[tuple[Path_, dict[str, Any]]]:
        value = self.data.get(name, [])
        if not isinstance(value, list):
            raise self.fail((name,), "must be a list of objects")
        for number, item in enumerate(value):
            if not isinstance(item, dict):
                raise self.fail((name, number), "must be an object")
        return [((name, number), item) for number, item in enumerate(value)]

    def string(self, where: Path_, item: dict[str, Any], key: str) -> str:
        value = item.get(key, "")
        if value is None:
            return ""
        if not isinstance(value, str | int | float) or isinstance(value, bool):
            raise self.fail((*where, key), "must be text")
        return one_line(value)

    def strings(self, where: Path_, item: dict[str, Any], key: str) -> list[str]:
        value = item.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise self.fail((*where, key), "must be a list of text")
        return [one_line(v) for v in value if v.strip()]

    def date(self, where: Path_, item: dict[str, Any], key: str) -> str:
        raw = self.string(where, item, key)
        if not raw:
            return ""
        try:
            value, dropped_day = month_date(raw)
        except ValueError as error:
            raise self.fail((*where, key), str(error)) from None
        if dropped_day:
            self.draft.changed.append(f"{dotted((*where, key))}: day dropped")
        return value

    def rest(self, where: Path_, item: dict[str, Any], used: set[str]) -> None:
        """Report the keys of *item* that nothing read."""
        for key, value in item.items():
            if key not in used and value not in ("", None, [], {}):
                self.draft.unmapped.append(dotted((*where, key)))

    def entry(
        self,
        where: Path_,
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
            summary=escape(self.string(where, item, summary_key)),
            highlights=[escape(h) for h in self.strings(where, item, "highlights")],
        )
        problem = check_entry(entry)
        if problem.startswith("needs "):
            self.draft.unmapped.append(f"{dotted(where)} (a cv:{kind} {problem})")
            self.ids.discard(entry.id)
            return None
        if problem:
            raise self.fail(where, problem)
        return entry

    # -- sections --------------------------------------------------------------

    def basics(self) -> None:
        basics = self.data.get("basics", {})
        if not isinstance(basics, dict):
            raise self.fail(("basics",), "must be an object")
        where: Path_ = ("basics",)
        name = self.string(where, basics, "name")
        if not name:
            raise self.fail(where, "has no name: a CV needs the person's name")
        self.draft.name = name
        email = self.string(where, basics, "email")
        if email:
            try:
                self.draft.email = model.parse_email(email)
            except ValueError as error:
                raise self.fail((*where, "email"), str(error)) from None
        url = self.string(where, basics, "url")
        if url:
            self.draft.links.append(
                f"Website {model.short_address(url)} {self.url((*where, 'url'), url)}"
            )
        for number, profile in enumerate(basics.get("profiles") or []):
            at: Path_ = (*where, "profiles", number)
            if not isinstance(profile, dict):
                raise self.fail(at, "must be an object")
            network = "".join(self.string(at, profile, "network").split()) or "Profile"
            username = self.string(at, profile, "username") or network
            link = self.string(at, profile, "url")
            if not link:
                self.draft.unmapped.append(f"{dotted(at)} (no url to link)")
                continue
            self.draft.links.append(
                f"{network} {username} {self.url((*at, 'url'), link)}"
            )
            self.rest(at, profile, {"network", "username", "url"})
        intro = [self.string(where, basics, key) for key in ("label", "summary")]
        self.draft.intro = "\n\n".join(escape(text) for text in intro if text)
        self.rest(
            where, basics, {"name", "email", "url", "profiles", "label", "summary"}
        )

    def url(self, where: Path_, text: str) -> str:
        try:
            return model.parse_url(text)
        except ValueError as error:
            raise self.fail(where, str(error)) from None

    def work(self, section: str) -> list[DraftEntry]:
        found = []
        organisation_key = "organization" if section == "volunteer" else "name"
        for where, item in self.items(section):
            organisation = self.string(where, item, organisation_key)
            role = self.string(where, item, "position")
            options = {
                "organisation": organisation,
                "role": role,
                "team": self.string(where, item, "description"),
                "location": self.string(where, item, "location"),
                "start": self.date(where, item, "startDate"),
                "end": self.date(where, item, "endDate"),
                "url": self.string(where, item, "url")
                and self.url((*where, "url"), self.string(where, item, "url")),
            }
            entry = self.entry(where, "work", f"{organisation} {role}", options, item)
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
                self.string(where, item, "studyType"),
                self.string(where, item, "area"),
            )
            institution = self.string(where, item, "institution")
            options = {
                "organisation": institution,
                "degree": f"{study} in {area}" if study and area else study or area,
                "start": self.date(where, item, "startDate"),
                "end": self.date(where, item, "endDate"),
                "url": self.string(where, item, "url")
                and self.url((*where, "url"), self.string(where, item, "url")),
            }
            entry = self.entry(
                where, "education", f"{institution} {study}", options, item
            )
            if entry is None:
                continue
            score = self.string(where, item, "score")
            if score:
                entry.highlights.append(escape(f"Score: {score}"))
                self.draft.changed.append(
                    f"{dotted((*where, 'score'))}: a bullet, not exported"
                )
            courses = self.strings(where, item, "courses")
            if courses:
                entry.highlights += [escape(f"Course: {c}") for c in courses]
                self.draft.changed.append(
                    f"{dotted((*where, 'courses'))}: bullets, not exported"
                )
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
            title, awarder = (self.string(where, item, key) for key in keys)
            date = self.date(where, item, "date")
            year = date[:4]
            if date and date != year:
                self.draft.changed.append(f"{dotted((*where, 'date'))}: the year only")
            options = {"title": title, "organisation": awarder, "years": year}
            if section == "certificates" and self.string(where, item, "url"):
                options["url"] = self.url(
                    (*where, "url"), self.string(where, item, "url")
                )
            entry = self.entry(where, "award", f"{title} {year}", options, item)
            if entry is not None:
                found.append(entry)
                if entry.summary:
                    self.draft.changed.append(
                        f"{dotted((*where, 'summary'))}: on the page; "
                        "exported as title, awarder, year"
                    )
                if section == "certificates":
                    self.draft.changed.append(f"{dotted(where)}: an award")
            self.rest(where, item, {*keys, "date", "url", "summary"})
        return found

    def projects(self) -> list[DraftEntry]:
        found = []
        for where, item in self.items("projects"):
            name = self.string(where, item, "name")
            options = {
                "name": name,
                "role": ", ".join(self.strings(where, item, "roles")),
                "kind": self.string(where, item, "type"),
                "start": self.date(where, item, "startDate"),
                "end": self.date(where, item, "endDate"),
                "url": self.string(where, item, "url")
                and self.url((*where, "url"), self.string(where, item, "url")),
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
            name = self.string(where, item, "name")
            if not name:
                self.draft.unmapped.append(f"{dotted(where)} (no name)")
                continue
            date = self.date(where, item, "releaseDate")
            fields = {"title": name, "publisher": self.string(where, item, "publisher")}
            if date:
                fields["year"] = date[:4]
                if len(date) > 4:
                    fields["month"] = str(int(date[5:7]))
            url = self.string(where, item, "url")
            if url:
                fields["url"] = self.url((*where, "url"), url)
            summary = self.string(where, item, "summary")
            if summary:
                fields["note"] = summary
            key = slug(f"{name} {date[:4]}", keys, "publication")
            self.draft.publications.append(
                Publication(
                    key, "misc", {k: v for k, v in fields.items() if v}, escape(name)
                )
            )
            self.draft.changed.append(
                f"{dotted(where)}: in references.bib, not exported"
            )
            self.rest(
                where, item, {"name", "publisher", "releaseDate", "url", "summary"}
            )

    def skills_page(self) -> Page | None:
        lines = []
        for where, item in self.items("skills"):
            name, level = (
                self.string(where, item, "name"),
                self.string(where, item, "level"),
            )
            words = ", ".join(escape(k) for k in self.strings(where, item, "keywords"))
            head = f"**{escape(name)}**" + (f" ({escape(level)})" if level else "")
            lines.append(f"- {head}" + (f": {words}" if words else ""))
            self.rest(where, item, {"name", "level", "keywords"})
        if lines:
            self.draft.changed.append(
                "skills: on skills.md; resume.json's skills are the entries' skills"
            )
        parts = ["\n".join(lines)] if lines else []
        languages = []
        for where, item in self.items("languages"):
            language, fluency = (
                self.string(where, item, "language"),
                self.string(where, item, "fluency"),
            )
            languages.append(
                f"- {escape(language)}" + (f" ({escape(fluency)})" if fluency else "")
            )
            self.rest(where, item, {"language", "fluency"})
        if languages:
            parts.append("## Languages\n\n" + "\n".join(languages))
            self.draft.changed.append("languages: on skills.md, not exported")
        interests = []
        for where, item in self.items("interests"):
            words = ", ".join(escape(k) for k in self.strings(where, item, "keywords"))
            interests.append(
                f"- {escape(self.string(where, item, 'name'))}"
                + (f": {words}" if words else "")
            )
            self.rest(where, item, {"name", "keywords"})
        if interests:
            parts.append("## Interests\n\n" + "\n".join(interests))
            self.draft.changed.append("interests: on skills.md, not exported")
        return Page("skills", "Skills", text="\n\n".join(parts)) if parts else None

    def read(self) -> Draft:
        self.basics()
        self.draft.work = self.work("work")
        education = self.education()
        volunteer = self.work("volunteer")
        for number in range(len(volunteer)):
            self.draft.changed.append(
                f"volunteer[{number}]: a cv:work entry, exported under work"
            )
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
        for where, _ in self.items("references"):
            self.draft.unmapped.append(
                f"{dotted(where)} (a referee's words: the CV has no place for them)"
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
