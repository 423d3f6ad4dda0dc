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
    as_titled,
    bib_date,
    html_to_markdown,
    identified,
    is_empty,
    markdown_to_text,
    marked_author,
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
    "whatsapp": "https://wa.me/{}",
    "reddit": "https://reddit.com/user/{}",
    "imdb": "https://imdb.com/name/{}",
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

    def __init__(self, path: Path, text: str, cv: dict[str, Any]) -> None:
        super().__init__(path, text)
        self.cv = cv
        self.bib_keys: set[str] = set()

    # -- the header --------------------------------------------------------------

    def person(self) -> None:
        name = self.text_of((), self.cv, "name")
        if not name:
            raise self.fail(("name",), "a CV needs the person's name")
        self.draft.name = markdown_to_text(name)[0]
        self.draft.email = self.email_of((), self.cv)
        for key in ("phone", "location"):
            value = self.text_of((), self.cv, key)
            if value:
                self.draft.contact[key] = self.checked_value((key,), key, value)
        website = self.url_of((), self.cv, "website")
        if website:
            self.draft.links.append(f"Website {model.short_address(website)} {website}")
        networks = self.cv.get("social_networks") or []
        for number, network in enumerate(
            networks if isinstance(networks, list) else []
        ):
            where: Where = ("social_networks", number)
            if not isinstance(network, dict):
                self.left_out(where, "not a network and a username")
                continue
            site, user = (
                self.text_of(where, network, "network"),
                self.text_of(where, network, "username"),
            )
            address = profile(site, user)
            if not address:
                self.left_out(where, f"no address known for {site!r}")
                continue
            address = self.url((*where, "username"), address)
            if not address:
                continue
            self.draft.links.append(f"{''.join(site.split())} {user} {address}")
            self.rest(where, network, {"network", "username"})
        headline = self.text_of((), self.cv, "headline")
        if headline:
            self.draft.contact = {"label": headline, **self.draft.contact}
        used = {"name", "email", "phone", "location", "website", "social_networks"}
        self.rest((), self.cv, used | {"headline", "sections", *SETTINGS})

    # -- sections ------------------------------------------------------------------

    def sections(self) -> None:
        sections = self.cv.get("sections") or {}
        if not isinstance(sections, dict):
            self.left_out(("sections",), "not a mapping of titles to entries")
            return
        for key, items in sections.items():
            where: Where = ("sections", str(key))
            if not isinstance(items, list):
                items = [items]
            known = []
            for number, item in enumerate(items):
                if entry_type(item) is not None:
                    known.append((number, item))
                elif not is_empty(item):
                    keys = (
                        ", ".join(map(str, item))
                        if isinstance(item, dict)
                        else type(item).__name__
                    )
                    self.left_out(
                        (*where, number),
                        f"not a RenderCV entry: its keys ({keys}) make none of "
                        f"RenderCV's entry types ({', '.join(TYPES)}, TextEntry)",
                    )
            self.section(str(key), known)

    def section(self, key: str, items: list[tuple[int, Any]]) -> None:
        """One section, under its own title: each entry read by the type
        that reads its RenderCV type, or as Markdown."""
        where: Where = ("sections", key)
        kinds = [entry_type(item) or "TextEntry" for _, item in items]
        publications = kinds and all(kind == "PublicationEntry" for kind in kinds)
        name = model.PUBLICATIONS if publications else key
        section = self.draft.section(section_title(key), name)
        texts: list[str] = []
        for kind in dict.fromkeys(kinds):
            mine = [
                (n, item)
                for (n, item), k in zip(items, kinds, strict=True)
                if k == kind
            ]
            reader = READERS.get(kind)
            if kind == "PublicationEntry":
                for number, item in mine:
                    self.publication((*where, number), item, section)
            elif reader is not None and (
                kind != "OneLineEntry" or _skills(key, [i for _, i in mine])
            ):
                read = reader.rendercv.read
                assert read is not None
                held, read = as_titled(section.title, reader, read)
                for number, item in mine:
                    entry = self.entry(
                        (*where, number), item, held, read, body="summary",
                        markdown=True, common=_common,
                    )  # fmt: skip
                    if entry is not None:
                        section.entries.append(entry)
            else:
                texts.append(self.markdown(where, kind, mine))
        section.text = "\n\n".join(text for text in texts if text)
        if not (section.entries or section.text or section.publications):
            self.draft.sections.remove(section)
            self.kept(where, "empty: no section made of it")

    def markdown(self, where: Where, kind: str, items: list[tuple[int, Any]]) -> str:
        """Text, bullet, numbered, reversed-numbered or one-line entries as
        the Markdown the exports read back: paragraphs, a list, a list
        marked ``{.reversed}``, a definition list (a date beside it kept
        after its details)."""
        if kind == "TextEntry":
            return "\n\n".join(html_to_markdown(str(item).strip()) for _, item in items)
        keys = {
            "OneLineEntry": {"label", "details"},
            "BulletEntry": {"bullet"},
            "NumberedEntry": {"number"},
            "ReversedNumberedEntry": {"reversed_number"},
        }[kind]
        texts = []
        for number, item in items:
            at = (*where, number)
            # A date beside them (beyond RenderCV's schema), as written.
            when = self.text_of(at, item, "date")
            texts.append([self.text_of(at, item, key) for key in sorted(keys)] + [when])
            self.rest(at, item, keys | {"date"})
        if kind == "OneLineEntry":
            lines = [
                f"{label}\n: {details}" + (f" ({when})" if when else "")
                for details, label, when in texts
            ]
            return "\n\n".join(lines)
        lines = [text + (f" ({when})" if when else "") for text, when in texts]
        if kind == "BulletEntry":
            return "\n".join(f"- {text}" for text in lines)
        numbered = "\n".join(f"{n}. {text}" for n, text in enumerate(lines, 1))
        if kind == "ReversedNumberedEntry":
            return f"{{.reversed}}\n{numbered}"
        return numbered

    def publication(
        self, where: Where, item: dict[str, Any], section: DraftSection
    ) -> None:
        title = self.text_of(where, item, "title")
        authors = [marked_author(a) for a in self.strings(where, item, "authors")]
        names = [name for name, _ in authors]
        for name, own in authors:
            if own and name not in self.draft.authors:
                # The owner, set apart: conf.py's cv_author_names.
                self.draft.authors.append(name)
        title, linked = markdown_to_text(title)
        doi = identified(self.text_of(where, item, "doi")).get("doi", "")
        fields = {
            "title": title,
            "author": " and ".join(names),
            "journal": markdown_to_text(self.text_of(where, item, "journal"))[0],
            "doi": doi or self.text_of(where, item, "doi"),
            "note": self.text_of(where, item, "summary"),
        }
        # Its address, or the one its title links to.
        fields |= identified(self.url_of(where, item) or linked, fields["doi"])
        fields |= bib_date(self.date(where, item, "date"))
        key = slug(
            f"{names[0].split()[-1] if names else ''} {fields.get('year', '')} {title}",
            self.bib_keys,
            "publication",
        )
        section.publications.append(
            Publication(
                # A journal's article, or else a work of its own (a preprint).
                key,
                "article" if fields["journal"] else "misc",
                {k: v for k, v in fields.items() if v},
            )
        )  # fmt: skip
        self.rest(
            where,
            item,
            {"title", "authors", "journal", "doi", "summary", "url", "date"},
        )

    def locale(self, data: dict[str, Any]) -> None:
        """The CV's language, and its word for an end to come, from
        RenderCV's ``locale`` (or 1.x's ``locale_catalog``), wherever the
        file puts it."""
        for key in ("locale", "locale_catalog"):
            found = data.get(key, self.cv.get(key))
            if not isinstance(found, dict):
                continue
            place: Where = (key,) if key in self.cv else ()
            language = str(found.get("language") or "")
            if language:
                code = language_code(language)
                if code is None:
                    unknown = f"{language!r} is no language Babel knows"
                    self.left_out((*place, "language"), unknown)
                else:
                    self.draft.settings["language"] = code
            present = one_line(found.get("present") or "")
            if present:
                self.draft.settings["present"] = present
                self.still.add(present.casefold())

    def read(self, data: dict[str, Any]) -> Draft:
        self.locale(data)
        self.person()
        self.sections()
        return self.draft


def profile(network: str, user: str) -> str:
    """The address of *user*'s profile on *network*, as RenderCV links it;
    "" where it does not know one."""
    name = network.casefold()
    if not user:
        return ""
    if name == "mastodon":
        account, _, host = user.lstrip("@").partition("@")
        return f"https://{host}/@{account}" if host else ""
    if name == "whatsapp":
        user = re.sub(r"\D", "", user)
    pattern = NETWORKS.get(name)
    return pattern.format(user) if pattern else ""


def language_code(text: str) -> str | None:
    """The language *text* names, as Sphinx's ``language`` takes it (a
    code, ``pt``), from a code (``ko``, ``pt-BR``) or an English name
    (``portuguese``), by Babel's CLDR data; None if it names none."""
    from babel import Locale, UnknownLocaleError

    text = text.strip()
    try:
        code: str | None = str(Locale.parse(text.replace("-", "_")))
    except (ValueError, UnknownLocaleError):
        names = {name.casefold(): c for c, name in Locale("en").languages.items()}
        code = names.get(text.casefold())
    return code


#: RenderCV's settings for its own PDF, beside the CV: 2.x's, and 1.x's
#: (``locale_catalog``); some files put them under ``cv``.
SETTINGS = ("design", "locale", "settings", "rendercv_settings", "locale_catalog")


class _Loader(yaml.SafeLoader):
    """YAML as RenderCV's files are read, with dates kept as written: a
    date YAML cannot make (``2025-13-01``) is then reported as a date."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rule) for tag, rule in found if tag != "tag:yaml.org,2002:timestamp"]
    for first, found in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def read(path: Path) -> Draft:
    """The RenderCV input at *path* as a Draft; an InputError names the file
    and the line of what makes it no RenderCV input at all."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(f"{path}: cannot be read: {error}") from None
    try:
        data = yaml.load(text, Loader=_Loader)
    except yaml.constructor.ConstructorError as error:
        mark = error.problem_mark
        line = f":{mark.line + 1}" if mark is not None else ""
        tag = re.search(r"tag '([^']+)'", str(error.problem))
        what = f"the tag {tag[1]}" if tag else "a value"
        raise InputError(
            f"{path}{line}: {what} is not YAML that RenderCV reads: "
            "write the value itself"
        ) from None
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
    reader = _Reader(path, text, data["cv"])
    draft = reader.read(data)
    top = Reader(path, text)
    top.draft = draft
    for key in data:
        if key in SETTINGS:
            top.ignored((key,), _settings(key))
        elif key != "cv":
            top.left_out((key,), "not part of a RenderCV input")
    for key in data["cv"]:
        if key in SETTINGS:
            reader.ignored((key,), f"{_settings(key)}; RenderCV reads them beside cv")
    return draft


def _settings(key: str) -> str:
    said = "RenderCV's settings for its own PDF"
    if key.startswith("locale"):
        return f"{said}, but for its language and word for present, which are read"
    return said


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


def _publication(publication: model.Publication) -> Typed:
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
        "authors": [
            f"*{a}*" if a in publication.own else a for a in publication.authors
        ],
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
    sections = _Sections()
    records: list[model.Entry | model.Item] = [*cv.entries, *cv.items]
    for section in cv.sections:
        for record in records:
            if record.docname in section.docnames:
                sections.put(section.title, _typed(record, cv))
        for publication in cv.publications:
            if publication.docname in section.docnames:
                sections.put(section.title, _publication(publication))
        for block in section.prose:
            for typed in _prose(block, section.title):
                sections.put(section.title, typed)
    for record in records:
        if cv.section_of(record.docname) is None:
            typed = _typed(record, cv)
            sections.put(typed[1], typed)
    for publication in cv.publications:
        if cv.section_of(publication.docname) is None:
            sections.put("Publications", _publication(publication))
    if not sections.titled("Skills"):
        for skill, short_names in _skill_uses(cv).items():
            line = {"label": skill, "details": ", ".join(short_names)}
            sections.put("Skills", ("OneLineEntry", "Skills", line))
    out["sections"] = {
        title: [_fields(sections.types[title], item) for item in items]
        for title, items in sections.items.items()
    }
    return {"cv": out}


def _fields(kind: str, item: Any) -> Any:
    """*item* less its empty fields, which RenderCV would read as given,
    but with every field its type requires: RenderCV refuses an entry
    without one, so one the CV does not have is written empty (a position
    with no role), never made up."""
    if not isinstance(item, dict):
        return item
    required = {key: "" for key in TYPES.get(kind, ()) if not item.get(key)}
    return {**required, **entries.given(item)}


def _skill_uses(cv: model.CV) -> dict[str, list[str]]:
    labels = entries.short_labels(cv.entries, separator=", ")
    return {
        skill: [labels[entry.id] for entry in used] for skill, used in cv.skills.items()
    }
