"""The ``cv`` domain: every entry of the CV, and the skills they used.

Entries are recorded per document, so :meth:`CVDomain.clear_doc` and
:meth:`CVDomain.merge_domaindata` keep parallel and incremental builds equal
to a clean one.  Skills are derived from the entries, never stored twice.
Entries and skills go to ``objects.inv``: other Sphinx sites can link to them
with intersphinx (``:external+cv:cv:entry:`bytedance-lark```).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Set
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.domains import Domain, ObjType
from sphinx.roles import XRefRole
from sphinx.util.nodes import make_refnode

from sphinx_cv import entries, model
from sphinx_cv.diagnostics import warn
from sphinx_cv.problems import Problem

if TYPE_CHECKING:
    from sphinx.addnodes import pending_xref
    from sphinx.application import Sphinx
    from sphinx.builders import Builder
    from sphinx.environment import BuildEnvironment

    from sphinx_cv.diagnostics import Location


class CVDomain(Domain):
    name = "cv"
    label = "Curriculum vitae"
    object_types = {
        "entry": ObjType("entry", "entry"),
        "skill": ObjType("skill", "skill"),
    }
    roles = {
        "entry": XRefRole(innernodeclass=nodes.inline),
        "skill": XRefRole(innernodeclass=nodes.inline),
    }
    initial_data = {
        "entries": {},  # id -> model.Entry
        "skills_index_docs": {},  # docname -> line of its cv:skills-index
        "people": {},  # docname -> model.Person (one in all)
        "items": {},  # docname -> [model.Item]: skills, languages, ...
        # docname -> [(line, subtype, message)]: what its directives warned of
        "problems": {},
    }
    dangling_warnings = {
        "entry": "unknown CV entry: %(target)s",
        "skill": "no entry lists the skill %(target)s",
    }

    def __init__(self, env: BuildEnvironment) -> None:
        super().__init__(env)
        # What is derived from all entries, computed once per change: every
        # page resolves its skill links against it, so recomputing it per
        # link would make a build quadratic in the number of entries.
        self._derived: dict[str, Any] = {}

    @classmethod
    def of(cls, env: BuildEnvironment) -> CVDomain:
        """The ``cv`` domain of *env*, typed."""
        domain = env.domains["cv"]
        assert isinstance(domain, cls)
        return domain

    def changed(self) -> None:
        """Forget what was derived from the entries; they have changed."""
        self._derived.clear()

    def derive(self, name: str, compute: Callable[[], Any]) -> Any:
        """What *compute* makes of the entries, made once until they change."""
        if name not in self._derived:
            self._derived[name] = compute()
        return self._derived[name]

    @property
    def entries(self) -> dict[str, model.Entry]:
        found: dict[str, model.Entry] = self.data["entries"]
        return found

    @property
    def skills_index_doc(self) -> str | None:
        """The page that holds the skills index, if the CV has one."""
        docs: dict[str, int] = self.data["skills_index_docs"]
        return min(docs) if docs else None

    def note_entry(self, entry: model.Entry, location: Location) -> bool:
        """Record *entry*; warn and refuse it if its id is taken."""
        other = self.entries.get(entry.id)
        if other is not None:
            self._warn_duplicate(entry, other, location)
            return False
        self.entries[entry.id] = entry
        self.changed()
        return True

    def note_skills_index(self, docname: str, lineno: int) -> None:
        """Record that *docname* holds the skills index, at *lineno*."""
        self.data["skills_index_docs"][docname] = lineno

    @property
    def person(self) -> model.Person | None:
        people: dict[str, model.Person] = self.data["people"]
        return next(iter(people.values()), None)

    def note_item(self, item: model.Item) -> None:
        """Record a skill, a language, an interest or a reference."""
        self.data["items"].setdefault(item.docname, []).append(item)

    def items(self) -> tuple[model.Item, ...]:
        """The items, in the CV's order of pages, then of their lines."""
        pages = {entry.docname: n for n, entry in enumerate(self.ordered())}
        found = [item for items in self.data["items"].values() for item in items]
        return tuple(
            sorted(found, key=lambda i: (pages.get(i.docname, len(pages)), i.lineno))
        )

    def note_person(self, person: model.Person, location: Location) -> bool:
        """Record whose CV it is; warn and refuse a second person."""
        other = self.person
        if other is not None:
            warn(
                Problem.DUPLICATE,
                "a second cv:person: the CV's person is already given at %s:%d",
                self.env.doc2path(other.docname, False),
                other.lineno,
                location=location,
            )
            return False
        self.data["people"][person.docname] = person
        return True

    def skills(self) -> dict[str, list[model.Entry]]:
        """Each skill with the entries that used it (see model.skills_index)."""
        aliases = self.env.config.cv_skill_aliases
        index: dict[str, list[model.Entry]] = self.derive(
            "skills", lambda: model.skills_index(self.entries.values(), aliases)
        )
        return index

    def spellings(self) -> dict[str, list[str]]:
        """Each skill with the spellings entries use (model.skill_spellings)."""
        aliases = self.env.config.cv_skill_aliases
        spellings: dict[str, list[str]] = self.derive(
            "spellings", lambda: model.skill_spellings(self.ordered(), aliases)
        )
        return spellings

    def skill_anchor(self, skill: str) -> str:
        """The id of *skill* in the skills index (see model.skill_anchors)."""
        anchors: dict[str, str] = self.derive(
            "anchors", lambda: model.skill_anchors(self.skills())
        )
        return anchors[skill]

    def ordered(self) -> list[model.Entry]:
        """Entries as the CV reads: pages in toctree order, then page order."""
        env = self.env

        def compute() -> list[model.Entry]:
            docs: dict[str, int] = {}
            todo = [env.config.root_doc]
            while todo:
                doc = todo.pop(0)
                if doc not in docs:
                    docs[doc] = len(docs)
                    todo[:0] = env.toctree_includes.get(doc, [])
            return sorted(
                self.entries.values(),
                key=lambda e: (docs.get(e.docname, len(docs)), e.lineno),
            )

        ordered: list[model.Entry] = self.derive("ordered", compute)
        return ordered

    def on_page(self, docname: str) -> list[model.Entry]:
        """The entries written on *docname*, in page order."""

        def compute() -> dict[str, list[model.Entry]]:
            pages: dict[str, list[model.Entry]] = {}
            for entry in self.ordered():
                pages.setdefault(entry.docname, []).append(entry)
            return pages

        pages: dict[str, list[model.Entry]] = self.derive("pages", compute)
        return pages.get(docname, [])

    def clear_doc(self, docname: str) -> None:
        for entry_id, entry in list(self.entries.items()):
            if entry.docname == docname:
                del self.entries[entry_id]
        self.changed()
        self.data["skills_index_docs"].pop(docname, None)
        self.data["people"].pop(docname, None)
        self.data["items"].pop(docname, None)
        self.data["problems"].pop(docname, None)

    def note_problem(
        self, docname: str, line: int, problem: Problem, message: str
    ) -> None:
        """Keep what a directive of *docname* warned of, to say again in
        each build that does not read the page again (:func:`say_again`)."""
        self.data["problems"].setdefault(docname, []).append((line, problem, message))

    def merge_domaindata(self, docnames: Set[str], otherdata: dict[str, Any]) -> None:
        for entry_id, entry in otherdata["entries"].items():
            if entry.docname not in docnames:
                continue
            if entry_id in self.entries:
                self._warn_duplicate(
                    entry, self.entries[entry_id], (entry.docname, entry.lineno)
                )
                continue
            self.entries[entry_id] = entry
        for key in ("skills_index_docs", "people", "items", "problems"):
            for docname, line in otherdata[key].items():
                if docname in docnames:
                    self.data[key][docname] = line
        self.changed()

    def resolve_xref(
        self,
        env: BuildEnvironment,
        fromdocname: str,
        builder: Builder,
        typ: str,
        target: str,
        node: pending_xref,
        contnode: nodes.Element,
    ) -> nodes.reference | None:
        found = self._find(typ, target)
        if found is None:
            return None
        docname, anchor, title = found
        if not node.get("refexplicit"):
            contnode = nodes.inline(title, title)
        return make_refnode(builder, fromdocname, docname, anchor, contnode, title)

    def resolve_any_xref(
        self,
        env: BuildEnvironment,
        fromdocname: str,
        builder: Builder,
        target: str,
        node: pending_xref,
        contnode: nodes.Element,
    ) -> list[tuple[str, nodes.reference]]:
        results = []
        for typ in self.object_types:
            found = self._find(typ, target)
            if found is not None:
                docname, anchor, title = found
                ref = make_refnode(
                    builder, fromdocname, docname, anchor, contnode, title
                )
                results.append((f"cv:{typ}", ref))
        return results

    def _find(self, typ: str, target: str) -> tuple[str, str, str] | None:
        """(docname, anchor, title) of the entry or skill named *target*."""
        if typ == "entry":
            entry = self.entries.get(target)
            if entry is None:
                return self._publication(target)
            return (entry.docname, entry.anchor, entries.label(entry))
        index_doc = self.skills_index_doc
        aliases = self.env.config.cv_skill_aliases
        lookup: dict[str, str] = self.derive(
            "skill keys",
            lambda: {model.fold_skill(s, aliases): s for s in self.skills()},
        )
        skill = lookup.get(model.fold_skill(target, aliases))
        if skill is None or index_doc is None:
            return None
        return (index_doc, self.skill_anchor(skill), skill)

    def _publication(self, key: str) -> tuple[str, str, str] | None:
        """(docname, anchor, title) of the publication whose key is *key*:
        an entry of a bibliography in the style ``cv``."""
        cite = self.env.domains.get("cite")
        for citation in getattr(cite, "citations", []):
            bibliography = cite.bibliographies[citation.bibliography_key]  # type: ignore[union-attr]
            if citation.key == key and bibliography.style == model.STYLE:
                title = citation.entry.fields.get("title", key)
                plain = title.replace("{", "").replace("}", "")
                return (citation.bibliography_key.docname, nodes.make_id(key), plain)
        return None

    def get_objects(self) -> Iterator[tuple[str, str, str, str, str, int]]:
        for entry in self.entries.values():
            yield (
                entry.id,
                entries.label(entry),
                "entry",
                entry.docname,
                entry.anchor,
                1,
            )
        index_doc = self.skills_index_doc
        if index_doc is not None:
            for skill in self.skills():
                anchor = self.skill_anchor(skill)
                yield (skill, skill, "skill", index_doc, anchor, 1)

    def _warn_duplicate(
        self, entry: model.Entry, other: model.Entry, location: Location
    ) -> None:
        warn(
            Problem.DUPLICATE,
            "duplicate CV entry id %r: already used at %s:%d; "
            "give each entry its own id",
            entry.id,
            self.env.doc2path(other.docname, False),
            other.lineno,
            location=location,
        )


def note_reading(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    """The pages this build reads (and will warn of itself)."""
    env.cv_reading = set(docnames)  # type: ignore[attr-defined]


def say_again(app: Sphinx, env: BuildEnvironment) -> None:
    """Each problem kept with a page this build did not read, again: a
    broken entry is left out of every output, so every build says so (a
    second ``make pdf`` too, and ``-W`` fails each time)."""
    reading: set[str] = getattr(env, "cv_reading", set())
    kept = CVDomain.of(env).data["problems"]
    for docname in sorted(set(kept) - reading):
        for line, problem, message in kept[docname]:
            warn(problem, "%s", message, location=(docname, line))


def setup_problems(app: Sphinx) -> None:
    app.connect("env-before-read-docs", note_reading)
    app.connect("env-updated", say_again)
