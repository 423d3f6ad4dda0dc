"""Publications: the bibliography style ``cv``, and an anchor for each.

sphinxcontrib-bibtex lists a publication with a pybtex style. The style
``cv`` is pybtex's ``unsrt`` with what a CV needs of it:

- the owner's name set apart (bold) among the authors, found by
  ``cv_author_names`` or, without them, by the person's surname and first
  initial; a list longer than ``cv_et_al`` names shortened with "et al.",
  the owner kept in view (``A, B, …, Owner, et al.``);
- titles as written (``unsrt`` lowercases them), and the month and year as
  the CV says its dates (``March 2024``, ``2024年3月``), a month given as a
  number too;
- its links: the DOI and an arXiv identifier as their own addresses, the
  entry's ``url``, and ``pdf`` and ``code`` fields as links so named;
- newest first (the label style numbers them up, or down to 1 with
  ``cv_publication_numbers = "down"``), and types biblatex adds
  (``thesis``, ``report``) read as the BibTeX types they are.

Each publication listed also gets its key as an anchor (``#key``), so a
link can point at it from anywhere, as the key names it, and the tags
(``cv_tags``) its ``keywords`` field names: a version keeps the
publications tagged with one of its ``entries`` tags, as it keeps entries.
"""

from __future__ import annotations

import importlib.metadata
import re
import unicodedata
import weakref
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, cast

from docutils import nodes
from pybtex.database import Entry as BibEntry
from pybtex.database import Person
from pybtex.plugin import register_plugin
from pybtex.richtext import Tag, Text
from pybtex.style.formatting.unsrt import Style as Unsrt
from pybtex.style.labels import BaseLabelStyle
from pybtex.style.sorting import BaseSortingStyle
from pybtex.style.template import (
    FieldIsMissing,
    field,
    href,
    join,
    node,
    optional,
    sentence,
)
from sphinx.transforms.post_transforms import SphinxPostTransform

from sphinx_cv import model, tags
from sphinx_cv.domain import CVDomain
from sphinx_cv.i18n import context as date_context
from sphinx_cv.words import _

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment
    from sphinxcontrib.bibtex.domain import BibtexDomain

#: The style's name, for ``bibtex_default_style`` or ``:style:``.
STYLE = model.STYLE

#: BibTeX's months by their names' first three letters (its macros say
#: them in English: "May", "December").
_MONTHS = {name[:3].casefold(): number for number, name in enumerate(model.MONTHS, 1)}


def date_of(fields: Any) -> model.PartialDate | None:
    """The date of a BibTeX entry's ``year``, ``month`` (a number, or a
    month's name) and ``day``; None where the year is not a year."""
    year, month, day = (
        str(fields.get(key, "")).strip() for key in ("year", "month", "day")
    )
    if not month.isdigit():
        month = str(_MONTHS.get(month[:3].casefold(), "")) if month else ""
    parts = [year, month if month else "", day if month and day.isdigit() else ""]
    iso = "-".join(f"{int(p):02d}" if n else p for n, p in enumerate(parts) if p)
    try:
        return model.PartialDate.parse(iso) if iso else None
    except ValueError:
        return None


@dataclass(frozen=True)
class Settings:
    """What one build asks of the style: whose publications they are, how
    many authors are named, how lists are numbered, how a month reads."""

    owners: tuple[Person, ...] = ()
    shown: int = 10
    numbers: str = "up"
    month_format: str = "%B %Y"
    locale: str = "en"


#: This build's settings (:func:`configure` sets them before the
#: bibliographies are formatted; pybtex makes its styles with no arguments).
settings = Settings()


def _fold(text: str) -> str:
    """A name part as two spellings of it compare: no accents, braces,
    dots or case."""
    plain = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    return re.sub(r"[{}.\s]", "", plain).casefold()


def _surname(person: Person) -> str:
    return _fold(" ".join([*person.prelast_names, *person.last_names]))


def _initial(person: Person) -> str:
    given = [*person.first_names, *person.middle_names]
    return _fold(given[0])[:1] if given else ""


def is_owner(person: Person, owners: Iterable[Person]) -> bool:
    """Whether *person* is one of the owner's names: the same surname, and
    the same first initial where both give one."""
    for owner in owners:
        if _surname(person) == _surname(owner):
            mine, theirs = _initial(person), _initial(owner)
            if not mine or not theirs or mine == theirs:
                return True
    return False


@node  # type: ignore[untyped-decorator]
def authors(children: Any, context: dict[str, Any], role: str) -> Text:
    """The names in *role*, the owner's bold, shortened after
    :attr:`Settings.shown` names with the owner kept in view."""
    entry = context["entry"]
    if role not in entry.persons:
        raise FieldIsMissing(role, entry)
    style = context["style"]
    persons = entry.persons[role]
    names = [style.format_name(p, style.abbreviate_names).format() for p in persons]
    names = [
        Tag("b", name) if is_owner(p, settings.owners) else name
        for p, name in zip(persons, names, strict=True)
    ]
    shown = settings.shown
    if not shown or len(names) <= shown:
        joined = join(sep=", ", sep2=" and ", last_sep=", and ")[names]
        return joined.format_data(context)
    kept = names[:shown]
    owner = next(
        (n for n, p in enumerate(persons) if is_owner(p, settings.owners)), None
    )
    if owner is not None and owner >= shown:
        kept = [*names[: shown - 1], Text("\u2026"), names[owner]]
    shortened = join(sep=", ")[(*kept, Text(_("et al.")))]
    return shortened.format_data(context)


class Style(Unsrt):  # type: ignore[misc]
    """pybtex's ``unsrt``, as a CV lists its own publications."""

    default_sorting_style = STYLE
    default_label_style = STYLE

    def format_names(self, role: str, as_sentence: bool = True) -> Any:
        return sentence[authors(role)] if as_sentence else authors(role)

    def format_title(
        self, e: BibEntry, which_field: str, as_sentence: bool = True
    ) -> Any:
        # As written: unsrt's lowercases all but the first letter.
        return sentence[field(which_field)] if as_sentence else field(which_field)

    def get_thesis_template(self, e: BibEntry) -> Any:
        return self.get_phdthesis_template(e)

    def get_report_template(self, e: BibEntry) -> Any:
        return self.get_techreport_template(e)

    def format_web_refs(self, e: BibEntry) -> Any:
        doi = e.fields.get("doi", "")
        url = e.fields.get("url", "")
        links = [
            optional[self.format_eprint(e)] if arxiv(e) else None,
            optional[self.format_doi(e)],
            optional[self.format_url(e)] if url and not (doi and doi in url) else None,
            optional[_named("pdf", _("PDF"))],
            optional[_named("code", _("Code"))],
        ]
        return sentence[[link for link in links if link is not None]]

    def format_url(self, e: BibEntry) -> Any:
        url = field("url", raw=True)
        return href(url)[url]

    def format_entry(self, label: str, entry: BibEntry, bib_data: Any = None) -> Any:
        return super().format_entry(label, _dated(entry), bib_data)


def arxiv(entry: BibEntry) -> bool:
    """Whether the entry's ``eprint`` is an arXiv identifier (the archive
    unnamed, or named arXiv)."""
    archive = entry.fields.get("archiveprefix", "") or entry.fields.get(
        "eprinttype", ""
    )
    return "eprint" in entry.fields and archive.casefold() in ("", "arxiv")


def _named(name: str, text: str) -> Any:
    return href(field(name, raw=True))[text]


def _dated(entry: BibEntry) -> BibEntry:
    """*entry* with its month and year as one date, as the CV says dates
    (unsrt prints a month given as a number as that number)."""
    when = date_of(entry.fields)
    if when is None or when.month is None:
        return entry
    fields = {k: v for k, v in entry.fields.items() if k not in ("month", "day")}
    fields["year"] = when.format(settings.month_format, settings.locale)
    dated = BibEntry(entry.type, fields=fields, persons=entry.persons)
    dated.key = entry.key
    return dated


class Newest(BaseSortingStyle):  # type: ignore[misc]
    """Newest first; those of one date, or none, in the order given."""

    def sort(self, entries: Iterable[BibEntry]) -> list[BibEntry]:
        def when(entry: BibEntry) -> tuple[int, int, int]:
            found = date_of(entry.fields)
            if found is None:
                digits = re.match(r"\d{4}", entry.fields.get("year", ""))
                return (int(digits.group()), 0, 0) if digits else (0, 0, 0)
            return found.sort_key

        return sorted(entries, key=when, reverse=True)


class Numbers(BaseLabelStyle):  # type: ignore[misc]
    """1, 2, 3... or, with ``cv_publication_numbers = "down"``, down to 1."""

    def format_labels(self, sorted_entries: list[BibEntry]) -> Iterator[str]:
        count = len(sorted_entries)
        for number in range(count):
            yield str(count - number if settings.numbers == "down" else number + 1)


register_plugin("pybtex.style.formatting", STYLE, Style)
register_plugin("pybtex.style.sorting", STYLE, Newest)
register_plugin("pybtex.style.labels", STYLE, Numbers)


def _register_installed() -> None:
    """Register every pybtex plugin installed, found in one scan: pybtex
    looks a plugin up by scanning every distribution's entry points, each
    time, and a build's dozen lookups took 0.1 s of its 0.4 s."""
    for distribution in importlib.metadata.distributions():
        for point in distribution.entry_points:
            if point.group.startswith("pybtex."):
                register_plugin(point.group, point.name, point.load(), force=True)


_register_installed()


def configure(app: Sphinx, env: BuildEnvironment) -> None:
    """Before sphinxcontrib-bibtex formats the bibliographies (on
    ``env-updated``): whose they are, and how this build says them."""
    global settings
    config = app.config
    names = list(config.cv_author_names)
    person = CVDomain.of(env).person
    if not names and person is not None:
        names = [person.name]
    dates = date_context(config)
    settings = Settings(
        owners=tuple(Person(name) for name in names if name.strip()),
        shown=config.cv_et_al,
        numbers=config.cv_publication_numbers,
        month_format=dates.date_format,
        locale=dates.locale,
    )


class Listed(SphinxPostTransform):
    """Each publication listed gets its key as an anchor (sphinxcontrib-
    bibtex's ids are numbers), the tags of ``cv_tags`` its ``keywords``
    name, which versions select by, as entries', and, listed in the style
    ``cv``, the class ``cv-publication``: the person's own, not a source."""

    # After sphinxcontrib-bibtex's BibliographyTransform (5), before links
    # are resolved (10).
    default_priority = 6

    def run(self, **kwargs: Any) -> None:
        if "cite" not in self.env.domains:
            return
        domain = cast("BibtexDomain", self.env.domains["cite"])
        found = {
            (citation.bibliography_key.docname, citation.citation_id): citation
            for citation in domain.citations
        }
        declared = self.config.cv_tags
        for listed in self.document.findall(nodes.citation):
            ids = listed["ids"]
            where = listed.get("docname", "")
            citation = next((found[where, i] for i in ids if (where, i) in found), None)
            if citation is None:
                continue
            anchor = nodes.make_id(citation.key)
            if anchor not in self.document.ids:
                ids.append(anchor)
                self.document.ids[anchor] = listed
            bibliography = domain.bibliographies[citation.bibliography_key]
            if bibliography.style == STYLE:
                listed["classes"].append("cv-publication")
            keywords = re.split(r"[,;]", citation.entry.fields.get("keywords", ""))
            listed[tags.ATTRIBUTE] = [
                word.strip() for word in keywords if word.strip() in declared
            ]


#: Each environment's citation nodes as read, before a build lists them.
_AS_READ: weakref.WeakKeyDictionary[BuildEnvironment, dict[Any, nodes.Element]] = (
    weakref.WeakKeyDictionary()
)


def _bibliographies(env: BuildEnvironment) -> dict[Any, Any]:
    return dict(getattr(env.domains.get("cite"), "bibliographies", {}))


def as_read(app: Sphinx, env: BuildEnvironment) -> None:
    """Keep each citation node as read (on ``env-check-consistency``,
    before a page is written): see :func:`unlisted`."""
    _AS_READ[env] = {
        (key, cited): node.deepcopy()
        for key, bibliography in _bibliographies(env).items()
        for cited, node in bibliography.citation_nodes.items()
    }


def unlisted(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    """Each bibliography's citations as read, again, before a build: the
    transform that lists them adds their label, text and anchors to the
    nodes the environment keeps, so a second build in one process (the
    build server, :mod:`sphinx_cv.server`) would list each text twice and
    give its anchor twice."""
    kept = _AS_READ.get(env, {})
    for key, bibliography in _bibliographies(env).items():
        for cited in list(bibliography.citation_nodes):
            if (key, cited) in kept:
                bibliography.citation_nodes[cited] = kept[key, cited].deepcopy()


def setup_publications(app: Sphinx) -> None:
    app.connect("env-updated", configure, priority=400)
    app.connect("env-before-read-docs", unlisted)
    app.connect("env-check-consistency", as_read)
    app.add_post_transform(Listed)
