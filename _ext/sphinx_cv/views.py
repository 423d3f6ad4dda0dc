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

from sphinx_cv import entries, i18n, model
from sphinx_cv.directives import ValidatedDirective
from sphinx_cv.domain import CVDomain
from sphinx_cv.render import entry_reference

if TYPE_CHECKING:
    from sphinx.config import Config


class timeline(nodes.General, nodes.Element):
    """Placeholder for the timeline of the entries (of one type, if given)."""


class skills_index(nodes.General, nodes.Element):
    """Placeholder for the index of skills and the entries that used them."""


class ViewDirective(ValidatedDirective):
    """Leave a view's placeholder."""

    placeholder: ClassVar[type[nodes.Element]]

    def run(self) -> list[nodes.Node]:
        options = self.validate(self.name)
        if options is None:
            return []
        node = self.placeholder(**options)
        self.set_source_info(node)
        return [node]


class TimelineDirective(ViewDirective):
    """``cv:timeline``: the entries newest first, each linked to its page;
    ``:entries: work`` (or another type) keeps those of one type."""

    fields = ((), ("entries",))
    own_fields: ClassVar[dict[str, model.Field]] = {
        "entries": model.Field(entries.parse_type, doc="one type of entry, as work")
    }
    placeholder = timeline


class SkillsIndexDirective(ViewDirective):
    """``cv:skills-index``: each skill with links to every entry that used it;
    the page it is on is where links to skills go."""

    fields = ((), ())
    placeholder = skills_index

    def run(self) -> list[nodes.Node]:
        found = super().run()
        if found:
            CVDomain.of(self.env).note_skills_index(self.env.docname, self.lineno)
        return found


def _timeline(found: list[model.Entry], docname: str, config: Config) -> nodes.Node:
    items = nodes.bullet_list(classes=["cv-timeline"])
    context = i18n.context(config)
    for entry in model.by_date(found):
        dates = entries.dates(entry, context)
        line = nodes.paragraph()
        line += nodes.inline(dates, dates, classes=["cv-timeline-dates"])
        line += nodes.Text(" ")
        line += entry_reference(entry, docname)
        items += nodes.list_item("", line)
    return items


def _skills_index(domain: CVDomain, docname: str) -> nodes.Node:
    labels = i18n.short_labels(domain.entries.values())
    listing = nodes.definition_list()
    for skill, used in domain.skills().items():
        term = nodes.term(skill, skill, ids=[domain.skill_anchor(skill)])
        uses = nodes.paragraph()
        for position, entry in enumerate(used):
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
            found = [e for e in domain.entries.values() if kind in (None, e.type)]
            placeholder.replace_self(_timeline(found, docname, self.config))
        for index in list(self.document.findall(skills_index)):
            index.replace_self(_skills_index(domain, docname))
