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
                self.draft.changed.append(
                    f"{self.dotted((*where, 'date'))}: "
                    "exported as start_date and end_date"
                )
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
            if title != "Experience":
                self.draft.changed.append(
                    f"cv.sections.{key}: exported under Experience"
                )
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
                if url:
                    self.draft.changed.append(
                        f"{self.dotted((*at, 'name'))}: a link: "
                        "its text the name, its address the :url:"
                    )
                entry = self.entry(at, "project", text, options, item)
                if entry is not None:
                    entry.title = escape(text)
                    self.draft.projects.append(entry)
                used = _COMMON - {"location"} | {"name"}
                self.rest(at, item, used)
            if title != "Projects":
                self.draft.changed.append(f"cv.sections.{key}: exported under Projects")
        elif kind == "PublicationEntry":
            self.draft.publications_title = title
            for number, item in enumerate(items):
                self.publication((*where, number), item)
            self.draft.changed.append(
                f"cv.sections.{key}: in references.bib, not exported"
            )
        else:
            page = pages.setdefault(name, Page(name, title))
            page.text = self.markdown(where, kind, items)
            if name == "skills":
                self.draft.changed.append(
                    f"cv.sections.{key}: on skills.md; "
                    "rendercv.yaml's Skills are the entries' skills"
                )
            else:
                self.draft.changed.append(
                    f"cv.sections.{key}: a page of Markdown, not exported"
                )

    def markdown(self, where: Where, kind: str, items: list[Any]) -> str:
        if kind == "TextEntry":
            return "\n\n".join(one_line(item) for item in items)
        lines = []
        count = len(items)
        for number, item in enumerate(items):
            at = (*where, number)
            if kind == "OneLineEntry":
                label = self.text_of(at, item, "label")
                lines.append(f"- **{label}:** {self.text_of(at, item, 'details')}")
                used = {"label", "details"}
            elif kind == "BulletEntry":
                lines.append(f"- {self.text_of(at, item, 'bullet')}")
                used = {"bullet"}
            elif kind == "NumberedEntry":
                lines.append(f"{number + 1}. {self.text_of(at, item, 'number')}")
                used = {"number"}
            else:
                lines.append(
                    f"- {count - number}\\. {self.text_of(at, item, 'reversed_number')}"
                )
                used = {"reversed_number"}
            self.rest(at, item, used)
        return "\n".join(lines)

    def publication(self, where: Where, item: dict[str, Any]) -> None:
        title = self.text_of(where, item, "title")
        authors = item.get("authors") or []
        if not isinstance(authors, list):
            raise self.fail((*where, "authors"), "must be a list of names")
        names = [markdown_to_text(one_line(a))[0] for a in authors]
        if any(markdown_to_text(one_line(a))[0] != one_line(a) for a in authors):
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


def _rendercv_date(date: model.PartialDate | None) -> str:
    return "present" if date is None else date.iso()


def write(cv: model.CV) -> dict[str, Any]:
    """The CV as RenderCV input (its ``cv`` part, schema of RenderCV 2.x).

    Sections keep the CV's order and titles; RenderCV's entry types carry the
    same facts: teaching as an experience, awards and skills as one-liners.
    """
    entries, person = cv.entries, cv.person
    out: dict[str, Any] = {}
    if person is not None:
        out["name"] = person.name
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

    def dated(entry: model.Entry) -> dict[str, str]:
        return {
            "start_date": _rendercv_date(entry.start),
            "end_date": _rendercv_date(entry.end),
        }

    def highlights(entry: model.Entry) -> list[str]:
        return [*(f"{entry.summary}",) * bool(entry.summary), *entry.highlights]

    sections: dict[str, list[Any]] = {}
    for entry in entries:
        if entry.kind == "education":
            study, area = model.split_degree(entry.degree)
            notes = [f"Advisor: {entry.advisor}"] if entry.advisor else []
            if entry.score:
                notes.append(f"Score: {entry.score}")
            if entry.courses:
                notes.append(f"Courses: {'; '.join(entry.courses)}")
            if entry.expected:
                notes.append(f"Expected {entry.expected.format(cv.date_format)}")
            sections.setdefault("Education", []).append(
                {
                    "institution": entry.organisation,
                    "area": area or study,
                    "degree": study if area else None,
                    "location": entry.location,
                    **dated(entry),
                    "highlights": notes + highlights(entry),
                }
            )
        elif entry.kind in ("work", "teaching", "volunteer"):
            title = {
                "work": "Experience",
                "teaching": "Teaching Experience",
                "volunteer": "Volunteering",
            }[entry.kind]
            position = (
                f"{entry.role}, {entry.course}"
                if entry.kind == "teaching"
                else entry.role
            )
            sections.setdefault(title, []).append(
                {
                    "company": entry.organisation,
                    "position": f"{position} at {entry.team}"
                    if entry.team
                    else position,
                    "location": entry.location or None,
                    **dated(entry),
                    "highlights": highlights(entry),
                }
            )
        elif entry.kind == "project":
            sections.setdefault("Projects", []).append(
                {
                    "name": entry.name,
                    **dated(entry),
                    "summary": ", ".join(p for p in (entry.role, entry.kind_of) if p)
                    or None,
                    "highlights": highlights(entry),
                }
            )
        else:
            years = ", ".join(entry.years)
            award = {"bullet": f"{entry.organisation}, {entry.title}, {years}"}
            sections.setdefault("Honors and Awards", []).append(award)
    if cv.publications:
        # RenderCV's publications need authors: those without are not one.
        sections["Publications"] = [
            {
                "title": p.title,
                "authors": list(p.authors),
                "journal": p.venue or None,
                "doi": p.doi or None,
                "url": p.url or None,
                "date": p.date.iso() if p.date else None,
                "summary": p.summary or None,
            }
            for p in cv.publications
            if p.authors
        ]
    sections["Skills"] = [
        {"label": skill, "details": ", ".join(short_names)}
        for skill, short_names in _skill_uses(cv).items()
    ]
    out["sections"] = {
        title: [{k: v for k, v in item.items() if v is not None} for item in items]
        for title, items in sections.items()
    }
    return {"cv": out}


def _skill_uses(cv: model.CV) -> dict[str, list[str]]:
    labels = model.short_labels(cv.entries)
    return {
        skill: [labels[entry.id] for entry in used] for skill, used in cv.skills.items()
    }
