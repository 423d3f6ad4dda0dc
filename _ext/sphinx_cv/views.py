"""Views generated from all entries: the timeline and the skills index.

Their directives leave a placeholder; once every page is read, a
post-transform replaces it with standard nodes whose links are
``pending_xref`` nodes resolved by the ``cv`` domain, so they work in every
builder (HTML, PDF, ePub).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform

from sphinx_cv import i18n, model
from sphinx_cv.directives import ValidatedDirective
from sphinx_cv.domain import CVDomain
from sphinx_cv.render import entry_reference

if TYPE_CHECKING:
    from sphinx.config import Config


class timeline(nodes.General, nodes.Element):
    """Placeholder for the timeline of the entries (of one kind, if given)."""


class skills_index(nodes.General, nodes.Element):
    """Placeholder for the index of skills and the entries that used them."""


class ViewDirective(ValidatedDirective):
    """Leave a view's placeholder, and note the page in the domain's *pages*
    (rewritten when what the view shows changes)."""

    placeholder: ClassVar[type[nodes.Element]]
    pages: ClassVar[str]

    def run(self) -> list[nodes.Node]:
        options = self.validate(self.name)
        if options is None:
            return []
        CVDomain.of(self.env).note_view(self.pages, self.env.docname, self.lineno)
        node = self.placeholder(**options)
        self.set_source_info(node)
        return [node]


class TimelineDirective(ViewDirective):
    """``cv:timeline``: the entries newest first, each linked to its page;
    ``:entries: work`` (or another kind) keeps those of one kind."""

    fields = ((), ("entries",))
    placeholder = timeline
    pages = "timeline_docs"


class SkillsIndexDirective(ViewDirective):
    """``cv:skills-index``: each skill with links to every entry that used it."""

    fields = ((), ())
    placeholder = skills_index
    pages = "skills_index_docs"


def _timeline(entries: list[model.Entry], docname: str, config: Config) -> nodes.Node:
    items = nodes.bullet_list(classes=["cv-timeline"])
    for entry in model.by_date(entries):
        dates = i18n.dates(entry, config)
        line = nodes.paragraph()
        line += nodes.inline(dates, dates, classes=["cv-timeline-dates"])
        line += nodes.Text(" ")
        line += entry_reference(entry, docname)
        items += nodes.list_item("", line)
    return items


def _skills_index(domain: CVDomain, docname: str) -> nodes.Node:
    labels = i18n.short_labels(domain.entries.values())
    listing = nodes.definition_list()
    for skill, entries in domain.skills().items():
        term = nodes.term(skill, skill, ids=[domain.skill_anchor(skill)])
        uses = nodes.paragraph()
        for position, entry in enumerate(entries):
            if position:
                uses += nodes.Text(str(i18n._("; ")))
            uses += entry_reference(entry, docname, labels[entry.id])
        listing += nodes.definition_list_item("", term, nodes.definition("", uses))
    # A container, so that the PDF can set the list in two columns.
    return nodes.container("", listing, classes=["cv-skills-index"])


class RenderViews(SphinxPostTransform):
    """Replace the placeholders with the views, before references resolve."""

    default_priority = 5  # sphinx's ReferencesResolver runs at 10

    def run(self, **kwargs: Any) -> None:
        domain = CVDomain.of(self.env)
        docname = self.env.docname
        for placeholder in list(self.document.findall(timeline)):
            kind = placeholder.get("entries")
            entries = [e for e in domain.entries.values() if kind in (None, e.kind)]
            placeholder.replace_self(_timeline(entries, docname, self.config))
        for index in list(self.document.findall(skills_index)):
            index.replace_self(_skills_index(domain, docname))
