"""Read a RenderCV input file (its ``cv`` part, RenderCV 2.x) into a Draft.

RenderCV tells an entry's type by its keys: education and experience
entries become ``cv:education`` and ``cv:work``, normal entries
``cv:project``, publication entries ``references.bib`` entries; one-line,
bullet, numbered and text entries become Markdown pages (one-line entries of
a ``skills`` section, the skills page). RenderCV's text is Markdown and
stays Markdown; where the CV takes plain text (an option), a Markdown link
gives the text and, for a project, its ``:url:``.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

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
    escape,
    iso_date,
    locate,
    markdown_to_text,
    one_line,
    slug,
)

#: RenderCV's entry types, each told by the keys it requires.
TYPES: dict[str, tuple[str, ...]] = {
    "EducationEntry": ("institution", "area"),
    "ExperienceEntry": ("company", "position"),
    "PublicationEntry": ("title", "authors"),
    "NormalEntry": ("name",),
    "OneLineEntry": ("label", "details"),
    "BulletEntry": ("bullet",),
    "NumberedEntry": ("number",),
    "ReversedNumberedEntry": ("reversed_number",),
}
_COMMON = {"date", "start_date", "end_date", "location", "summary", "highlights"}

#: Where RenderCV links each network's username (its own table, abridged).
NETWORKS = {
    "linkedin": "https://linkedin.com/in/{}",
    "github": "https://github.com/{}",
    "gitlab": "https://gitlab.com/{}",
    "instagram": "https://instagram.com/{}",
    "orcid": "https://orcid.org/{}",
    "stackoverflow": "https://stackoverflow.com/users/{}",
    "researchgate": "https://researchgate.net/profile/{}",
    "youtube": "https://youtube.com/@{}",
    "google scholar": "https://scholar.google.com/citations?user={}",
    "telegram": "https://t.me/{}",
    "x": "https://x.com/{}",
    "bluesky": "https://bsky.app/profile/{}",
    "leetcode": "https://leetcode.com/u/{}",
}


#: The networks RenderCV 2.8 accepts, by their names folded; Twitter is X.
SOCIAL_NETWORKS = {
    name.casefold(): name
    for name in (
        "LinkedIn", "GitHub", "GitLab", "IMDB", "Instagram", "ORCID", "Mastodon",
        "StackOverflow", "ResearchGate", "YouTube", "Google Scholar", "Telegram",
        "WhatsApp", "Leetcode", "X", "Bluesky", "Reddit",
    )
} | {"twitter": "X"}  # fmt: skip


def entry_type(item: Any) -> str | None:
    """RenderCV's name for the type of *item*, or None if it is none."""
    if isinstance(item, str):
        return "TextEntry"
    if isinstance(item, dict):
        for name, keys in TYPES.items():
            if all(key in item for key in keys):
                return name
    return None


def section_title(key: str) -> str:
    """RenderCV's title for a section key: ``selected_honors`` reads
    "Selected Honors"; a key with capitals or spaces is its own title."""
    if re.fullmatch(r"[a-z0-9_]+", key):
        return " ".join(word.capitalize() for word in key.split("_"))
    return key


class _Reader(Reader):
    root: Where = ("cv",)

    def __init__(self, path: Path, text: str, cv: dict[str, Any]) -> None:
        super().__init__(path, text)
        self.cv = cv
        self.bib_keys: set[str] = set()

    def date(self, where: Where, value: Any, *, end: bool = False) -> str:
        """YYYY, YYYY-MM, YYYY-MM-DD, or present."""
        if end and str(value).strip().casefold() == "present":
            return model.PRESENT
        try:
            return iso_date(value)
        except ValueError as error:
            words = "YYYY-MM-DD, YYYY-MM, YYYY" + (" or present" if end else "")
            raise self.fail(where, f"{error}; RenderCV takes {words}") from None

    def dates(self, where: Where, item: dict[str, Any]) -> dict[str, str]:
        options: dict[str, str] = {}
        for key, option in (("start_date", "start"), ("end_date", "end")):
            if item.get(key) not in (None, ""):
                options[option] = self.date(
                    (*where, key), item[key], end=key == "end_date"
                )
        if "start" in options and "end" not in options:
            options["end"] = model.PRESENT
        given = item.get("date")
        if given not in (None, "") and "start" not in options:
            try:
                value = iso_date(given)
            except ValueError:
                if re.fullmatch(r"\d{4}-\d{2}(-\d{2})?", str(given)):
                    raise self.fail(
                        (*where, "date"), f"{given!r} is not a date"
                    ) from None
                self.draft.unmapped.append(
                    f"{self.dotted((*where, 'date'))} (free text, no date)"
                )
            else:
                options["start"] = options["end"] = value
        return options

    def highlights(self, where: Where, item: dict[str, Any]) -> list[str]:
        value = item.get("highlights") or []
        if not isinstance(value, list) or not all(
            isinstance(v, str | int | float) for v in value
        ):
            raise self.fail((*where, "highlights"), "must be a list of text")
        return [one_line(v) for v in value]

    def entry(
        self,
        where: Where,
        kind: str,
        name: str,
        options: dict[str, str],
        item: dict[str, Any],
    ) -> DraftEntry | None:
        entry = DraftEntry(
            kind=kind,
            id=slug(name, self.ids, kind),
            options={k: v for k, v in options.items() if v},
            summary=self.text_of(where, item, "summary"),
            highlights=self.highlights(where, item),
        )
        return self.checked(where, entry)

    # -- the header --------------------------------------------------------------

    def person(self) -> None:
        name = self.text_of((), self.cv, "name")
        if not name:
            raise self.fail(("name",), "a CV needs the person's name")
        self.draft.name = name
        email = self.text_of((), self.cv, "email")
        if email:
            try:
                self.draft.email = model.parse_email(email)
            except ValueError as error:
                raise self.fail(("email",), str(error)) from None
        for key in ("phone", "location"):
            value = self.text_of((), self.cv, key)
            if value:
                self.draft.contact[key] = self.checked_value((key,), key, value)
        website = self.text_of((), self.cv, "website")
        if website:
            self.draft.links.append(
                f"Website {model.short_address(website)} "
                f"{self.url(('website',), website)}"
            )
        networks = self.cv.get("social_networks") or []
        if not isinstance(networks, list):
            raise self.fail(("social_networks",), "must be a list")
        for number, network in enumerate(networks):
            where: Where = ("social_networks", number)
            if not isinstance(network, dict):
                raise self.fail(where, "must be a mapping of network and username")
            site, user = (
                self.text_of(where, network, "network"),
                self.text_of(where, network, "username"),
            )
            pattern = NETWORKS.get(site.casefold())
            if pattern is None or not user:
                self.draft.unmapped.append(
                    f"{self.dotted(where)} (no address known for {site!r})"
                )
                continue
            self.draft.links.append(
                f"{''.join(site.split())} {user} {pattern.format(user)}"
            )
        headline = self.text_of((), self.cv, "headline")
        if headline:
            self.draft.contact = {"label": headline, **self.draft.contact}
        self.rest(
            (),
            self.cv,
            {"name", "email", "phone", "location", "website", "social_networks"}
            | {"headline", "sections"},
        )

    # -- sections ------------------------------------------------------------------

    def sections(self) -> None:
        sections = self.cv.get("sections") or {}
        if not isinstance(sections, dict):
            raise self.fail(
                ("sections",), "must map section titles to lists of entries"
            )
        pages: dict[str, Page] = {}
        for key, items in sections.items():
            where: Where = ("sections", str(key))
            if not isinstance(items, list):
                raise self.fail(where, "must be a list of entries")
            kinds = {entry_type(item) for item in items}
            for number, item in enumerate(items):
                if entry_type(item) is None:
                    keys = (
                        ", ".join(map(str, item))
                        if isinstance(item, dict)
                        else type(item).__name__
                    )
                    raise self.fail(
                        (*where, number),
                        f"not a RenderCV entry: its keys ({keys}) make none of "
                        f"RenderCV's entry types ({', '.join(TYPES)}, TextEntry)",
                    )
            if len(kinds) > 1:
                raise self.fail(
                    where,
                    f"mixes entry types ({', '.join(sorted(map(str, kinds)))}): "
                    "RenderCV takes one type a section",
                )
            kind = next(iter(kinds), None) or "TextEntry"
            self.section(str(key), items, kind, pages)
        self.draft.pages = [
            page for page in pages.values() if page.entries or page.text
        ]

    def section(
        self, key: str, items: list[Any], kind: str, pages: dict[str, Page]
    ) -> None:
        where: Where = ("sections", key)
        title = section_title(key)
        name = re.sub(r"[^a-z0-9]+", "-", key.casefold()).strip("-") or "section"
        folder = {"ExperienceEntry": "work", "NormalEntry": "project"}.get(kind)
        # One folder a kind: a second section of the kind joins the first.
        if folder and self.draft.titles.setdefault(folder, title) != title:
            self.draft.changed.append(
                f"cv.sections.{key}: under {self.draft.titles[folder]}"
            )
        self.draft.order.append(
            {
                "ExperienceEntry": "experience/index",
                "EducationEntry": "education",
                "NormalEntry": "projects/index",
                "PublicationEntry": "publications",
            }.get(kind, name)
        )
        if kind == "ExperienceEntry":
            for number, item in enumerate(items):
                at = (*where, number)
                company, position = (
                    self.text_of(at, item, "company"),
                    self.text_of(at, item, "position"),
                )
                options = {
                    "organisation": company,
                    "role": position,
                    "location": self.text_of(at, item, "location"),
                    **self.dates(at, item),
                }
                entry = self.entry(at, "work", f"{company} {position}", options, item)
                if entry is not None:
                    entry.title = f"{company}: {position}"
                    self.draft.work.append(entry)
                self.rest(at, item, _COMMON | {"company", "position"})
        elif kind == "EducationEntry":
            page = pages.setdefault("education", Page("education", title))
            for number, item in enumerate(items):
                at = (*where, number)
                institution, area = (
                    self.text_of(at, item, "institution"),
                    self.text_of(at, item, "area"),
                )
                degree = self.text_of(at, item, "degree")
                options = {
                    "organisation": institution,
                    "degree": model.join_degree(degree, area),
                    "location": self.text_of(at, item, "location"),
                    **self.dates(at, item),
                }
                entry = self.entry(
                    at, "education", f"{institution} {degree or area}", options, item
                )
                if entry is not None:
                    page.entries.append(entry)
                self.rest(at, item, _COMMON | {"institution", "area", "degree"})
        elif kind == "NormalEntry":
            for number, item in enumerate(items):
                at = (*where, number)
                text, url = markdown_to_text(self.text_of(at, item, "name"))
                options = {"name": text, "url": url, **self.dates(at, item)}
                entry = self.entry(at, "project", text, options, item)
                if entry is not None:
                    entry.title = escape(text)
                    self.draft.projects.append(entry)
                used = _COMMON - {"location"} | {"name"}
                self.rest(at, item, used)
        elif kind == "PublicationEntry":
            self.draft.publications_title = title
            for number, item in enumerate(items):
                self.publication((*where, number), item)
        else:
            page = pages.setdefault(name, Page(name, title))
            page.text = self.markdown(where, kind, items, skills=name == "skills")

    def markdown(
        self, where: Where, kind: str, items: list[Any], *, skills: bool
    ) -> str:
        """A section of text, bullet, numbered, reversed-numbered or one-line
        entries as the Markdown the exports read back: paragraphs, a list,
        a list marked ``{.reversed}``, a definition list; the one-line
        entries of a skills section as ``cv:skill`` items."""
        if kind == "TextEntry":
            return "\n\n".join(one_line(item) for item in items)
        keys = {
            "OneLineEntry": {"label", "details"},
            "BulletEntry": {"bullet"},
            "NumberedEntry": {"number"},
            "ReversedNumberedEntry": {"reversed_number"},
        }[kind]
        for number, item in enumerate(items):
            self.rest((*where, number), item, keys)
        if kind == "OneLineEntry":
            lines = [
                (
                    self.text_of((*where, n), item, "label"),
                    self.text_of((*where, n), item, "details"),
                )
                for n, item in enumerate(items)
            ]
            if skills and all(markdown_to_text(d)[0] == d for _, d in lines):
                return "\n\n".join(
                    self.skill((*where, n, "details"), label, details)
                    for n, (label, details) in enumerate(lines)
                )
            return "\n\n".join(f"{label}\n: {details}" for label, details in lines)
        [key] = keys
        texts = [self.text_of((*where, n), item, key) for n, item in enumerate(items)]
        if kind == "BulletEntry":
            return "\n".join(f"- {text}" for text in texts)
        numbered = "\n".join(f"{n}. {text}" for n, text in enumerate(texts, 1))
        if kind == "ReversedNumberedEntry":
            return f"{{.reversed}}\n{numbered}"
        return numbered

    def skill(self, where: Where, label: str, details: str) -> str:
        """A one-line entry of skills as a ``cv:skill``: its details, parted
        at commas, the keywords."""
        lines = [":::{cv:skill}", f":name: {self.checked_value(where, 'name', label)}"]
        if details:
            lines.append(f":keywords: {self.checked_value(where, 'keywords', details)}")
            if ", ".join(model.split_list(details)) != details:
                self.draft.changed.append(
                    f"{self.dotted(where)}: parted at commas, joined by ', '"
                )
        return "\n".join([*lines, ":::"])

    def publication(self, where: Where, item: dict[str, Any]) -> None:
        title = self.text_of(where, item, "title")
        authors = item.get("authors") or []
        if not isinstance(authors, list):
            raise self.fail((*where, "authors"), "must be a list of names")
        names = [markdown_to_text(one_line(a))[0] for a in authors]
        # The exports set the CV's own person in italics, as RenderCV's
        # examples do; other Markdown has no place in BibTeX.
        own = f"*{self.draft.name}*"
        if any(markdown_to_text(a)[0] != a for a in map(one_line, authors) if a != own):
            self.draft.changed.append(
                f"{self.dotted((*where, 'authors'))}: "
                "Markdown emphasis dropped in BibTeX"
            )
        fields = {
            "title": markdown_to_text(title)[0],
            "author": " and ".join(names),
            "journal": self.text_of(where, item, "journal"),
            "doi": self.text_of(where, item, "doi"),
            "note": self.text_of(where, item, "summary"),
        }
        fields["url"] = self.url_of(where, item)
        date = item.get("date")
        if date not in (None, ""):
            fields |= bib_date(self.date((*where, "date"), date))
        key = slug(
            f"{names[0].split()[-1] if names else ''} {fields.get('year', '')} {title}",
            self.bib_keys,
            "publication",
        )
        self.draft.publications.append(
            Publication(key, "article", {k: v for k, v in fields.items() if v}, title)
        )
        self.rest(
            where,
            item,
            {"title", "authors", "journal", "doi", "summary", "url", "date"},
        )

    def read(self) -> Draft:
        self.person()
        self.sections()
        return self.draft


def read(path: Path) -> Draft:
    """The RenderCV input at *path* as a Draft; an InputError names the file,
    the line and the field of the first problem."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(f"{path}: cannot be read: {error}") from None
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = f":{mark.line + 1}" if mark is not None else ""
        problem = getattr(error, "problem", None) or "cannot be read"
        raise InputError(f"{path}{line}: not valid YAML: {problem}") from None
    if not isinstance(data, dict) or not isinstance(data.get("cv"), dict):
        raise InputError(
            f"{path}:1: not a RenderCV input: it has no 'cv' mapping "
            "(RenderCV's files start with cv: name: ...)"
        )
    for key in data:
        if key not in ("cv", "design", "locale", "settings", "rendercv_settings"):
            raise InputError(
                f"{path}:{locate(text, (key,)) or 1}: not a RenderCV input: "
                f"unknown top-level key {key!r}"
            )
    draft = _Reader(path, text, data["cv"]).read()
    for key in ("design", "locale", "settings", "rendercv_settings"):
        if data.get(key):
            draft.unmapped.append(f"{key} (RenderCV's settings for its own PDF)")
    return draft


# -- Writing ------------------------------------------------------------------

#: Characters RenderCV's Markdown would read as markup, written escaped.
_MARKUP = str.maketrans({c: f"\\{c}" for c in "\\*_`[]"})

#: The title of a section of each kind of entry or item, where the CV gives
#: none (an entry outside the sections) or its section holds another type.
TITLES = {
    "education": "Education",
    "work": "Experience",
    "teaching": "Teaching Experience",
    "volunteer": "Volunteering",
    "project": "Projects",
    "award": "Honors and Awards",
    "skill": "Skills",
    "language": "Languages",
    "interest": "Interests",
    "reference": "References",
}

#: RenderCV's entry of each kind of prose, by the key that holds its text.
PROSE = {
    "bullet": ("BulletEntry", "bullet"),
    "numbered": ("NumberedEntry", "number"),
    "reversed": ("ReversedNumberedEntry", "reversed_number"),
}

#: An entry of RenderCV's: its type, and the title of its kind's section.
Typed = tuple[str, str, Any]


def _dated(entry: model.Entry) -> dict[str, str]:
    """A span as its start and end; a single day, month or year as RenderCV's
    ``date``."""
    if entry.start is not None and entry.start == entry.end:
        return {"date": entry.start.iso()}
    end = "present" if entry.end is None else entry.end.iso()
    return {"start_date": entry.start.iso() if entry.start else "", "end_date": end}


def _entry(entry: model.Entry, cv: model.CV) -> Typed:
    """*entry* as the RenderCV entry that carries the same facts: teaching
    as an experience, an award as a bullet."""
    title = TITLES[entry.kind]
    if entry.kind == "education":
        study, area = model.split_degree(entry.degree)
        notes = [f"Advisor: {entry.advisor}"] if entry.advisor else []
        if entry.score:
            notes.append(f"Score: {entry.score}")
        if entry.courses:
            notes.append(f"Courses: {'; '.join(entry.courses)}")
        if entry.expected:
            notes.append(f"Expected {entry.expected.format(cv.date_format)}")
        item = {
            "institution": entry.organisation,
            "area": area or study,
            "degree": study if area else None,
            "location": entry.location,
            **_dated(entry),
            "summary": entry.summary,
            "highlights": notes + list(entry.highlights),
        }
        return "EducationEntry", title, item
    if entry.kind in ("work", "teaching", "volunteer"):
        position = entry.role
        if entry.kind == "teaching":
            position = f"{entry.role}, {entry.course}"
        item = {
            "company": entry.organisation,
            "position": f"{position} at {entry.team}" if entry.team else position,
            "location": entry.location,
            **_dated(entry),
            "summary": entry.summary,
            "highlights": list(entry.highlights),
        }
        return "ExperienceEntry", title, item
    if entry.kind == "project":
        # RenderCV's names are Markdown: a project's address is its link.
        name = entry.name.translate(_MARKUP)
        what = ", ".join(p for p in (entry.role, entry.kind_of, entry.entity) if p)
        item = {
            "name": f"[{name}]({entry.url})" if entry.url else name,
            **_dated(entry),
            "summary": "\n\n".join(p for p in (what, entry.summary) if p),
            "highlights": list(entry.highlights),
        }
        return "NormalEntry", title, item
    when = entry.dates(cv.date_format, "present")
    line = f"{entry.organisation}, {entry.title}, {when}"
    return "BulletEntry", title, {"bullet": line}


def _item(item: model.Item) -> Typed:
    """A skill, a language or an interest as a line of its name and what
    follows it on the page; a reference as its text, then whose words."""
    title = TITLES[item.kind]
    if item.kind == "reference":
        return "TextEntry", title, f"{item.text} ({item.name})"
    keywords = ", ".join(item.keywords)
    how = item.level or item.fluency
    details = f"{keywords} ({how})" if keywords and how else keywords or how
    return "OneLineEntry", title, {"label": item.name, "details": details}


def _prose(block: model.Prose, title: str) -> list[Typed]:
    """A page's paragraphs, lists and definition lists as RenderCV's text,
    bullet, numbered, reversed-numbered and one-line entries."""
    if block.kind == "text":
        return [("TextEntry", title, text) for text in block.items]
    if block.kind == "line":
        return [
            ("OneLineEntry", title, {"label": label, "details": text})
            for label, text in zip(block.labels, block.items, strict=True)
        ]
    kind, key = PROSE[block.kind]
    return [(kind, title, {key: text}) for text in block.items]


def _publication(publication: model.Publication, person: str) -> Typed:
    """A publication, the CV's own person among its authors set in italics,
    as RenderCV's examples mark them; one without authors, which RenderCV's
    publications need, as a normal entry."""
    when = publication.date.iso() if publication.date else None
    if not publication.authors:
        title = publication.title.translate(_MARKUP)
        item: dict[str, Any] = {
            "name": f"[{title}]({publication.url})" if publication.url else title,
            "date": when,
            "summary": "\n\n".join(
                p for p in (publication.venue, publication.summary) if p
            ),
        }
        return "NormalEntry", "Publications", item
    item = {
        "title": publication.title,
        "authors": [f"*{a}*" if a == person else a for a in publication.authors],
        "journal": publication.venue,
        "doi": publication.doi,
        "url": publication.url,
        "date": when,
        "summary": publication.summary,
    }
    return "PublicationEntry", "Publications", item


class _Sections:
    """RenderCV's sections as they fill: one type of entry a section, so an
    entry whose section holds another type goes to its kind's own."""

    def __init__(self) -> None:
        self.items: dict[str, list[Any]] = {}
        self.types: dict[str, str] = {}

    def put(self, title: str, typed: Typed) -> None:
        kind, fallback, item = typed
        for name in (title, fallback, f"{title} ({fallback})"):
            if self.types.setdefault(name, kind) == kind:
                self.items.setdefault(name, []).append(item)
                return
        raise AssertionError(f"no section for a {kind} of {title!r}")

    def titled(self, title: str) -> bool:
        return any(name.casefold() == title.casefold() for name in self.items)


def _header(person: model.Person) -> dict[str, Any]:
    out: dict[str, Any] = {"name": person.name}
    if person.label:
        out["headline"] = person.label
    if person.email:
        out["email"] = person.email
    if person.place:
        out["location"] = person.place
    # RenderCV reads a number with its country's code only (+1 ...).
    if person.phone.startswith("+"):
        out["phone"] = person.phone
    for link in person.links:
        name = SOCIAL_NETWORKS.get(link.network.casefold())
        if link.is_website and "website" not in out:
            out["website"] = link.url
        elif name is not None:
            network = {"network": name, "username": link.username}
            out.setdefault("social_networks", []).append(network)
        else:
            # A network RenderCV does not know: a connection of one's own.
            connection = {
                "fontawesome_icon": link.network.casefold(),
                "placeholder": link.label,
                "url": link.url,
            }
            out.setdefault("custom_connections", []).append(connection)
    return out


def write(cv: model.CV) -> dict[str, Any]:
    """The CV as RenderCV input (its ``cv`` part, schema of RenderCV 2.x).

    Sections are the CV's, in its order and under its titles: entries as
    the RenderCV entries that carry the same facts, skills and the like as
    one-line entries, publications, and a page's own prose as text,
    bullet, numbered and one-line entries. Without a Skills section of its
    own, the skills are those the entries name.
    """
    person = cv.person
    out = _header(person) if person is not None else {}
    own = person.name if person is not None else ""
    sections = _Sections()
    placed: set[str] = set()
    for section in cv.sections:
        for entry in cv.entries:
            if entry.docname in section.docnames:
                sections.put(section.title, _entry(entry, cv))
                placed.add(entry.id)
        for item in cv.items:
            if item.docname in section.docnames:
                sections.put(section.title, _item(item))
        if model.PUBLICATIONS in section.docnames:
            for publication in cv.publications:
                sections.put(section.title, _publication(publication, own))
        for block in section.prose:
            for typed in _prose(block, section.title):
                sections.put(section.title, typed)
    for entry in cv.entries:
        if entry.id not in placed:
            typed = _entry(entry, cv)
            sections.put(typed[1], typed)
    for item in cv.items:
        if cv.section_of(item.docname) is None:
            typed = _item(item)
            sections.put(typed[1], typed)
    if cv.section_of(model.PUBLICATIONS) is None:
        for publication in cv.publications:
            sections.put("Publications", _publication(publication, own))
    if not sections.titled("Skills"):
        for skill, short_names in _skill_uses(cv).items():
            line = {"label": skill, "details": ", ".join(short_names)}
            sections.put("Skills", ("OneLineEntry", "Skills", line))
    out["sections"] = {
        title: [_without_empty(item) for item in items]
        for title, items in sections.items.items()
    }
    return {"cv": out}


def _without_empty(item: Any) -> Any:
    """An entry less its empty fields, which RenderCV reads as given."""
    if isinstance(item, dict):
        return {k: v for k, v in item.items() if v not in (None, "", [])}
    return item


def _skill_uses(cv: model.CV) -> dict[str, list[str]]:
    labels = model.short_labels(cv.entries)
    return {
        skill: [labels[entry.id] for entry in used] for skill, used in cv.skills.items()
    }
