"""RenderCV's input (its ``cv`` part, 2.x): read into a Draft, and written.

Each section of the file is a section of the CV under its own title, in
the file's order. RenderCV tells an entry's type by its keys; each is read
by the type of :mod:`sphinx_cv.entries` that reads RenderCV's type
(experience entries by ``cv:work``, education entries by ``cv:education``,
normal entries by ``cv:entry``), publication entries into
``references.bib``; one-line, bullet, numbered and text entries become the
section's Markdown (one-line entries of a ``skills`` section, ``cv:skill``
items). RenderCV's text is Markdown and stays Markdown; where the CV takes
plain text (an option), a Markdown link gives the text and, for a name,
the entry's ``:url:``. Written, each record is the RenderCV entry its type
declares, in its section of the CV.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from sphinx_cv import entries, model
from sphinx_cv.formats.draft import (
    Draft,
    DraftSection,
    InputError,
    Publication,
    Reader,
    Where,
    bib_date,
    locate,
    markdown_to_text,
    one_line,
    slug,
)
from sphinx_cv.markup import escape_markdown

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


#: The words RenderCV leaves in lower case within a title.
SMALL_WORDS = frozenset(
    [
        "a",
        "and",
        "as",
        "at",
        "but",
        "by",
        "for",
        "from",
        "if",
        "in",
        "into",
        "like",
        "near",
        "nor",
        "of",
        "off",
        "on",
        "onto",
        "or",
        "over",
        "so",
        "than",
        "that",
        "to",
        "upon",
        "when",
        "with",
        "yet",
    ]
)


def section_title(key: str) -> str:
    """The title RenderCV shows for a section key: ``education_and_training``
    reads "Education and Training"; a key with spaces is its own title, and
    in one with capitals only the underscores are spaces (RenderCV 1.x's
    rule, which its users' files were written for: ``Ph.D._students``
    reads "Ph.D. Students")."""
    if " " in key:
        return key
    words = key.split("_")
    return " ".join(
        word.capitalize()
        if word.islower() and (n == 0 or word not in SMALL_WORDS)
        else word
        for n, word in enumerate(words)
    )


#: The type that reads each of RenderCV's entry types: their own declarations.
READERS: dict[str, entries.Type] = {
    kind.rendercv.type: kind
    for kind in entries.TYPES.values()
    if kind.rendercv.read is not None
}


def _skills(key: str, items: list[Any]) -> bool:
    """Whether a section of one-line entries lists skills, each with its
    keywords: it is called so, and its details are plain text."""
    details = [str(item.get("details", "")) for item in items]
    named = re.sub(r"[^a-z]", "", key.casefold()) == "skills"
    return named and all(markdown_to_text(d)[0] == d for d in details)


def _common(source: entries.Source) -> dict[str, str]:
    """What every RenderCV entry may hold: its place and its dates (a span,
    or one ``date``, which may be words: "Spring 2025")."""
    return {
        "location": source.text("location"),
        "start": source.date("start_date"),
        "end": source.date("end_date"),
        "date": source.date("date"),
    }


class _Reader(Reader):
    root: Where = ("cv",)
    dates = "; RenderCV takes YYYY-MM-DD, YYYY-MM, YYYY"

    def __init__(self, path: Path, text: str, cv: dict[str, Any]) -> None:
        super().__init__(path, text)
        self.cv = cv
        self.bib_keys: set[str] = set()

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
            self.section(str(key), items, kind)

    def section(self, key: str, items: list[Any], kind: str) -> None:
        """One section, under its own title: its entries read by the type
        that reads RenderCV's *kind*, or as Markdown."""
        where: Where = ("sections", key)
        name = model.PUBLICATIONS if kind == "PublicationEntry" else key
        section = self.draft.section(section_title(key), name)
        reader = READERS.get(kind)
        if kind == "PublicationEntry":
            for number, item in enumerate(items):
                self.publication((*where, number), item, section)
        elif reader is not None and (kind != "OneLineEntry" or _skills(key, items)):
            read = reader.rendercv.read
            assert read is not None
            for number, item in enumerate(items):
                entry = self.entry(
                    (*where, number), item, reader, read, body="summary",
                    markdown=True, common=_common,
                )  # fmt: skip
                if entry is not None:
                    section.entries.append(entry)
        else:
            section.text = self.markdown(where, kind, items)
        if not (section.entries or section.text or section.publications):
            self.draft.sections.remove(section)

    def markdown(self, where: Where, kind: str, items: list[Any]) -> str:
        """A section of text, bullet, numbered, reversed-numbered or one-line
        entries as the Markdown the exports read back: paragraphs, a list,
        a list marked ``{.reversed}``, a definition list."""
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
            return "\n\n".join(f"{label}\n: {details}" for label, details in lines)
        [key] = keys
        texts = [self.text_of((*where, n), item, key) for n, item in enumerate(items)]
        if kind == "BulletEntry":
            return "\n".join(f"- {text}" for text in texts)
        numbered = "\n".join(f"{n}. {text}" for n, text in enumerate(texts, 1))
        if kind == "ReversedNumberedEntry":
            return f"{{.reversed}}\n{numbered}"
        return numbered

    def publication(
        self, where: Where, item: dict[str, Any], section: DraftSection
    ) -> None:
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
        fields |= bib_date(self.date(where, item, "date"))
        key = slug(
            f"{names[0].split()[-1] if names else ''} {fields.get('year', '')} {title}",
            self.bib_keys,
            "publication",
        )
        section.publications.append(
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


#: RenderCV's settings for its own PDF, beside the CV: 2.x's, and 1.x's
#: (``locale_catalog``).
SETTINGS = ("design", "locale", "settings", "rendercv_settings", "locale_catalog")


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
        if key != "cv" and key not in SETTINGS:
            raise InputError(
                f"{path}:{locate(text, (key,)) or 1}: not a RenderCV input: "
                f"unknown top-level key {key!r}"
            )
    draft = _Reader(path, text, data["cv"]).read()
    for key in SETTINGS:
        if data.get(key):
            draft.unmapped.append(f"{key} (RenderCV's settings for its own PDF)")
    return draft


# -- Writing ------------------------------------------------------------------

#: RenderCV's entry of each kind of prose, by the key that holds its text.
PROSE = {
    "bullet": ("BulletEntry", "bullet"),
    "numbered": ("NumberedEntry", "number"),
    "reversed": ("ReversedNumberedEntry", "reversed_number"),
}

#: An entry of RenderCV's: its type, and the title of its kind's section.
Typed = tuple[str, str, Any]


def _typed(record: model.Entry | model.Item, cv: model.CV) -> Typed:
    """*record* as the RenderCV entry that carries the same facts (its
    type's own declaration), with the title of a section of its type."""
    kind = entries.TYPES[record.type]
    context = entries.Context(cv.date_format, "present")
    return kind.rendercv.type, kind.section[1], kind.rendercv.write(record, context)


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
        title = escape_markdown(publication.title)
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
    records: list[model.Entry | model.Item] = [*cv.entries, *cv.items]
    for section in cv.sections:
        for record in records:
            if record.docname in section.docnames:
                sections.put(section.title, _typed(record, cv))
        if model.PUBLICATIONS in section.docnames:
            for publication in cv.publications:
                sections.put(section.title, _publication(publication, own))
        for block in section.prose:
            for typed in _prose(block, section.title):
                sections.put(section.title, typed)
    for record in records:
        if cv.section_of(record.docname) is None:
            typed = _typed(record, cv)
            sections.put(typed[1], typed)
    if cv.section_of(model.PUBLICATIONS) is None:
        for publication in cv.publications:
            sections.put("Publications", _publication(publication, own))
    if not sections.titled("Skills"):
        for skill, short_names in _skill_uses(cv).items():
            line = {"label": skill, "details": ", ".join(short_names)}
            sections.put("Skills", ("OneLineEntry", "Skills", line))
    # An empty field RenderCV would read as given.
    out["sections"] = {
        title: [entries.given(i) if isinstance(i, dict) else i for i in items]
        for title, items in sections.items.items()
    }
    return {"cv": out}


def _skill_uses(cv: model.CV) -> dict[str, list[str]]:
    labels = entries.short_labels(cv.entries, separator=", ")
    return {
        skill: [labels[entry.id] for entry in used] for skill, used in cv.skills.items()
    }
