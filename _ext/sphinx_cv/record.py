"""The whole CV as data, read from the build: one CV for every export.

The ``cv`` domain holds the entries, the items and the person; the rest of
what the formats write is read here from the environment: the first page's
own paragraphs (the summary), the sections as the author made them (each
page of the first page's table of contents, with its title and the pages
under it, and the prose of a page that holds no entries), and the
publications, the entries of every bibliography in the style ``cv``
(:mod:`sphinx_cv.publications`), in the order the pages list them; a
bibliography in another style lists sources (such as this CV's), not the
person's publications.
:func:`cv` makes the one :class:`~sphinx_cv.model.CV` that the exports and
the JSON-LD both write, once a build.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx import addnodes

from sphinx_cv import model
from sphinx_cv import publications as style
from sphinx_cv.domain import CVDomain
from sphinx_cv.markup import escape_markdown

if TYPE_CHECKING:
    from sphinx.environment import BuildEnvironment


def _names(person: Any) -> str:
    return " ".join(
        [
            *person.first_names,
            *person.middle_names,
            *person.prelast_names,
            *person.last_names,
        ]
    )


def publications(env: BuildEnvironment) -> tuple[model.Publication, ...]:
    """The publications the CV lists (see the module's docstring)."""
    cite = env.domains.get("cite")
    if cite is None:
        return ()
    found: dict[str, model.Publication] = {}
    for citation in getattr(cite, "citations", []):
        bibliography = cite.bibliographies[citation.bibliography_key]  # type: ignore[attr-defined]
        if bibliography.style != style.STYLE or citation.key in found:
            continue
        entry = citation.entry
        fields = entry.fields
        persons = entry.persons.get("author", [])
        found[citation.key] = model.Publication(
            key=citation.key,
            # Braces keep a title's capitals from the style: not text.
            title=fields.get("title", "").replace("{", "").replace("}", ""),
            authors=tuple(_names(person) for person in persons),
            venue=fields.get("journal", "")
            or fields.get("booktitle", "")
            or fields.get("howpublished", "")
            or fields.get("school", "")
            or fields.get("publisher", ""),
            date=style.date_of(fields),
            url=fields.get("url", ""),
            doi=fields.get("doi", ""),
            summary=fields.get("note", ""),
            kind=entry.type,
            arxiv=fields.get("eprint", "") if style.arxiv(entry) else "",
            own=tuple(
                _names(person)
                for person in persons
                if style.is_owner(person, style.settings.owners)
            ),
            docname=citation.bibliography_key.docname,
        )
    return tuple(found.values())


def summary(env: BuildEnvironment) -> str:
    """The first page's own paragraphs, outside entries and boxes: the CV's
    prose about the person (JSON Resume's ``basics.summary``)."""
    section = env.get_doctree(env.config.root_doc).next_node(nodes.section)
    if section is None:
        return ""
    prose = [c for c in section.children if isinstance(c, nodes.paragraph)]
    return "\n\n".join(" ".join(p.astext().split()) for p in prose)


# -- Sections and their prose ---------------------------------------------------


def markdown(node: nodes.Element) -> str:
    """The text of *node* as Markdown, on one line: emphasis, code and
    links as Markdown writes them, the rest as text."""
    parts = []
    for child in node.children:
        if isinstance(child, nodes.Text):
            parts.append(escape_markdown(str(child)))
        elif isinstance(child, (nodes.Invisible, addnodes.only)):
            continue
        elif isinstance(child, nodes.strong):
            parts.append(f"**{markdown(child)}**")
        elif isinstance(child, nodes.emphasis):
            parts.append(f"*{markdown(child)}*")
        elif isinstance(child, nodes.literal):
            parts.append(f"`{child.astext()}`")
        elif isinstance(child, nodes.reference) and child.get("refuri"):
            parts.append(f"[{markdown(child)}]({child['refuri']})")
        elif isinstance(child, nodes.Element):
            parts.append(markdown(child))
    return " ".join("".join(parts).split())


def _item_text(item: nodes.Node) -> str:
    """A list item's or a definition's paragraphs, on one line."""
    return " ".join(markdown(p) for p in item.findall(nodes.paragraph))


def prose(tree: nodes.Node) -> list[model.Prose]:
    """The paragraphs, lists and definition lists of a page, in order, its
    subsections' included; what only some outputs show is left out."""
    found: list[model.Prose] = []
    for child in tree.children if isinstance(tree, nodes.Element) else []:
        if isinstance(child, nodes.section):
            found += prose(child)
        elif isinstance(child, nodes.paragraph):
            found.append(model.Prose("text", (markdown(child),)))
        elif isinstance(child, (nodes.bullet_list, nodes.enumerated_list)):
            kind = "bullet"
            if isinstance(child, nodes.enumerated_list):
                kind = "reversed" if "reversed" in child["classes"] else "numbered"
            found.append(model.Prose(kind, tuple(map(_item_text, child.children))))
        elif isinstance(child, nodes.definition_list):
            lines = [
                (item.next_node(nodes.term), item.next_node(nodes.definition))
                for item in child.findall(nodes.definition_list_item)
            ]
            found.append(
                model.Prose(
                    "line",
                    tuple(_item_text(text) for _, text in lines if text),
                    tuple(markdown(label) for label, _ in lines if label),
                )
            )
    return found


def sections(env: BuildEnvironment) -> tuple[model.Section, ...]:
    """Each page of the first page's tables of contents, with the pages
    under it; the prose of a page that holds no entries, no items and no
    publications."""
    domain = CVDomain.of(env)
    # A page of publications: its prose is its list of them.
    holding = {i.docname for i in domain.items()} | {
        e.docname for e in domain.entries.values()
    }
    holding |= {p.docname for p in publications(env)}
    found = []
    for top in env.toctree_includes.get(env.config.root_doc, []):
        docnames, todo = [], [top]
        while todo:
            doc = todo.pop(0)
            if doc not in docnames:
                docnames.append(doc)
                todo[:0] = env.toctree_includes.get(doc, [])
        own = () if top in holding else tuple(prose(env.get_doctree(top)))
        title = env.titles[top].astext() if top in env.titles else top
        found.append(model.Section(title, tuple(docnames), own))
    return tuple(found)


def cv(env: BuildEnvironment) -> model.CV:
    """The whole CV (see the module's docstring), made once a build."""
    domain = CVDomain.of(env)
    config = env.config

    def make() -> model.CV:
        baseurl = config.html_baseurl
        return model.CV(
            person=domain.person,
            entries=tuple(domain.ordered()),
            skills=domain.skills(),
            spellings=domain.spellings(),
            items=domain.items(),
            date_format=config.cv_date_format,
            publications=publications(env),
            summary=summary(env),
            sections=sections(env),
            version=config.version,
            modified=config.today,
            canonical=f"{baseurl.rstrip('/')}/resume.json" if baseurl else "",
        )

    whole: model.CV = domain.derive("cv", make)
    return whole
