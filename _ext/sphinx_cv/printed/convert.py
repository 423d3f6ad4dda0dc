"""The whole CV's resolved doctree as the printed document, a résumé's shape.

The builders inline every page into one doctree and resolve its links; this
walks it once into typed blocks (:mod:`sphinx_cv.printed.document`), giving
it the shape of a résumé that parsers read right:

- the contact line gives each address as it would be typed
  (``github.com/laphets``): "label (URL)" made the line wrap, and a parser
  took the address with its brackets;
- "Related:" lines are the web's: after the bullets, a parser reads them
  into the entry's last highlight;
- a page under a section that holds one entry is titled by it: the entry's
  own heading replaces the page's title, which would say the same again (a
  section of the CV keeps its heading, however few entries it holds);
- a page left with nothing to print is left out.

Each page, entry and term keeps its labels, ``docname#id``, where links
land; each entry its type and tags, each bullet its tags, for a version to
select by (:mod:`sphinx_cv.printed.select`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from docutils import nodes
from sphinx import addnodes
from sphinx.util import logging
from sphinx.util.console import darkgreen  # type: ignore[attr-defined]

from sphinx_cv import model, tags, words
from sphinx_cv.printed import document as d

if TYPE_CHECKING:
    from sphinx.environment import BuildEnvironment

logger = logging.getLogger(__name__)

#: A word longer than this may break between pieces of ten characters: no
#: line holds it whole, and Typst would set it past the margin.
LONG_WORD = 40
#: Chinese, Japanese and Korean characters (and their full-width marks),
#: between which a line may break: text of them is no word, however long.
_CJK = "\u2e80-\u9fff\ua960-\ua97f\uac00-\ud7ff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef"
_WORD = re.compile(rf"([^\s{_CJK}]+)")


def classed(tree: nodes.Node, name: str) -> list[nodes.Element]:
    """The elements of *tree* with the class *name*."""
    return [node for node in tree.findall(nodes.Element) if name in node["classes"]]


def _has(node: nodes.Node, name: str) -> bool:
    return isinstance(node, nodes.Element) and name in node["classes"]


def text_runs(text: str) -> d.Runs:
    """Runs for *text*: line breaks of the source are spaces, and a word
    longer than a line gets places to break."""
    text = re.sub(r"[\t\r\n]+", " ", text)
    runs: list[d.Run] = []
    for position, part in enumerate(_WORD.split(text)):
        last = runs[-1] if runs else None
        if position % 2 and len(part) > LONG_WORD:
            pieces = tuple(part[i : i + 10] for i in range(0, len(part), 10))
            runs.append(d.Pieces(pieces))
        elif isinstance(last, d.Text):
            runs[-1] = d.Text(last.text + part)
        elif part:
            runs.append(d.Text(part))
    return tuple(runs)


def _printable(node: nodes.Node) -> bool:
    """Whether *node* prints anything: targets, comments, the web's
    "Related:" lines and containers of nothing do not."""
    if isinstance(node, nodes.Invisible) or _has(node, "cv-related"):
        return False
    wrappers = (nodes.container, nodes.compound, addnodes.start_of_file)
    if isinstance(node, wrappers) and not _has(node, "cv-entry"):
        return any(map(_printable, node.children))
    if isinstance(node, nodes.section):
        return any(
            _printable(c) for c in node.children if not isinstance(c, nodes.title)
        )
    return True


@dataclass
class Converter:
    """Walks the doctree once; remembers each label it emits."""

    #: The CV's entries by id: their types and tags.
    entries: Mapping[str, model.Entry]
    docname: str = ""
    seen: set[str] = field(default_factory=set)

    def labels(self, node: nodes.Element) -> tuple[str, ...]:
        ids: list[str] = node.get("ids", [])
        fresh = [
            f"{self.docname}#{i}" for i in ids if f"{self.docname}#{i}" not in self.seen
        ]
        self.seen.update(fresh)
        return tuple(fresh)

    # -- runs -------------------------------------------------------------------

    def runs(self, node: nodes.Node) -> d.Runs:
        if isinstance(node, nodes.Text):
            return text_runs(str(node))
        assert isinstance(node, nodes.Element)
        if isinstance(node, (nodes.Invisible, nodes.image, nodes.raw)):
            return ()
        inner = tuple(run for child in node.children for run in self.runs(child))
        if _has(node, "bibtex-citation"):
            # A citation mark, "[4]": its numbers link to their citations.
            to = next((r.to for r in inner if isinstance(r, d.Ref)), "")
            return (d.Cite(to, inner),) if to else inner
        if isinstance(node, nodes.strong):
            return (d.Strong(inner),)
        if isinstance(node, nodes.emphasis):
            return (d.Emph(inner),)
        if isinstance(node, nodes.literal):
            return (d.Code(node.astext()),)
        if isinstance(node, nodes.reference):
            uri = node.get("refuri", "")
            to = ""
            if uri.startswith("%"):
                to = uri[1:]
            elif node.get("refid"):
                to = f"{self.docname}#{node['refid']}"
            if to:
                return (d.Ref(to, inner),)
            if uri:
                return (d.Link(uri, inner),)
        return inner

    # -- blocks -----------------------------------------------------------------

    def blocks(self, node: nodes.Node, depth: int) -> d.Blocks:
        """The blocks for *node*, in a section *depth* deep (the name's is 1)."""
        if isinstance(node, nodes.Text):
            return (d.Paragraph(text_runs(str(node))),)
        assert isinstance(node, nodes.Element)
        if not _printable(node):
            labels = self.labels(node)
            if isinstance(node, addnodes.start_of_file):
                return ()
            return (d.Anchor(labels),) if labels else ()
        if isinstance(node, addnodes.start_of_file):
            outer, self.docname = self.docname, node["docname"]
            self.seen.add(node["docname"])
            body = self.children(node, depth)
            self.docname = outer
            return (d.Part(node["docname"], body),)
        labels = self.labels(node)
        if isinstance(node, nodes.section):
            return self.section(node, depth, labels)
        if isinstance(node, (nodes.paragraph, nodes.rubric, nodes.term)):
            spaced = _has(node, "cv-letter-part")
            return (d.Paragraph(self.runs(node), labels, spaced),)
        if isinstance(node, (nodes.bullet_list, nodes.enumerated_list)):
            items = tuple(
                d.ListItem(
                    self.children(item, depth), tuple(item.get(tags.ATTRIBUTE, ()))
                )
                for item in node.children
                if isinstance(item, nodes.Element)
            )
            numbered = isinstance(node, nodes.enumerated_list)
            reverse = numbered and "reversed" in node["classes"]
            return (d.List(items, numbered, reverse, labels),)
        if isinstance(node, nodes.definition_list):
            return (d.Terms(self.terms(node), labels),)
        if isinstance(node, nodes.citation):
            label = node.next_node(nodes.label)
            said = tuple(
                run
                for child in node.children
                if not isinstance(child, nodes.label)
                for run in self.runs(child)
            )
            marked: tuple[str, ...] = tuple(node.get(tags.ATTRIBUTE, ()))
            return (
                d.Citation(
                    label.astext() if label else "",
                    said,
                    labels,
                    marked,
                    publication="cv-publication" in node["classes"],
                ),
            )
        if isinstance(node, nodes.literal_block):
            return (d.CodeBlock(node.astext()),)
        if _has(node, "cv-entry"):
            return (self.entry(node, depth, labels),)
        if _has(node, "cv-contacts"):
            return (self.contacts(node),)
        if _has(node, "cv-skills-index"):
            return (d.Columns(self.children(node, depth)),)
        if isinstance(node, nodes.title):
            return (d.Anchor(labels),) if labels else ()
        anchor: d.Blocks = (d.Anchor(labels),) if labels else ()
        return anchor + self.children(node, depth)

    def children(self, node: nodes.Element, depth: int) -> d.Blocks:
        return self.sequence(node.children, depth)

    def sequence(self, children: list[nodes.Node], depth: int) -> d.Blocks:
        """The blocks of *children*. Three items or more in a row that are
        their names alone (skills with no level or keywords, as a LinkedIn
        export gives them) are one line, the names parted by commas, as a
        résumé lists them, rather than a line each."""
        found: list[d.Block] = []
        group: list[nodes.paragraph] = []

        def flush() -> None:
            if len(group) >= 3:
                labels = tuple(label for item in group for label in self.labels(item))
                names = ", ".join(item.astext() for item in group)
                found.append(d.Paragraph(text_runs(names), labels))
            else:
                found.extend(b for item in group for b in self.blocks(item, depth))
            group.clear()

        for child in children:
            if group and _bare(child) != _bare(group[0]):
                flush()
            if isinstance(child, nodes.paragraph) and _bare(child):
                group.append(child)
            else:
                found.extend(self.blocks(child, depth))
        flush()
        return tuple(found)

    def section(
        self, node: nodes.section, depth: int, labels: tuple[str, ...]
    ) -> d.Blocks:
        first = node.children[0] if node.children else None
        title = first if isinstance(first, nodes.title) else None
        rest = [c for c in node.children if c is not title]
        printed = [c for c in rest if _printable(c)]
        if (
            title is not None
            and depth > 2
            and len(printed) == 1
            and _has(printed[0], "cv-entry")
        ):
            # A page of one entry: the entry's heading takes the title's
            # level, and the page's labels, so that links land on it.
            body = self.children(node, depth)
            return (d.Anchor(labels), *body) if labels else body
        if title is None:
            anchor: d.Blocks = (d.Anchor(labels),) if labels else ()
            return anchor + self.children(node, depth)
        body = self.sequence(rest, depth + 1)
        return (d.Section(depth, self.runs(title), body, labels),)

    def terms(self, node: nodes.definition_list) -> tuple[d.Term, ...]:
        """A definition runs in after its term; a term's id (a skill's, in
        the skills index) is its item's label."""
        found = []
        for item in node.findall(nodes.definition_list_item):
            term = item.next_node(nodes.term)
            definition = item.next_node(nodes.definition)
            assert term is not None and definition is not None
            runs: d.Runs = ()
            for paragraph in definition.findall(nodes.paragraph):
                runs += (d.Text(" "),) if runs else ()
                runs += self.runs(paragraph)
            found.append(d.Term(self.runs(term), runs, self.labels(term)))
        return tuple(found)

    def contacts(self, node: nodes.Element) -> d.Contacts:
        """The contact line, each address as it would be typed; a
        telephone number as written."""
        headline = classed(node, "cv-label")
        items = []
        for item in classed(node, "cv-contact"):
            link = item.next_node(nodes.reference)
            if link is None:
                items.append(d.Contact(item.astext().strip()))
                continue
            uri = link["refuri"]
            shown = (
                link.astext() if uri.startswith("tel:") else model.short_address(uri)
            )
            items.append(d.Contact(shown, uri))
        said = headline[0].astext() if headline else ""
        return d.Contacts(tuple(items), said)

    def entry(
        self, node: nodes.Element, depth: int, labels: tuple[str, ...]
    ) -> d.Entry:
        header = next(c for c in node.children if _has(c, "cv-entry-header"))
        assert isinstance(header, nodes.Element)
        # The entry's anchor, cv-<id>: on its target, or on the header the
        # target's ids were moved to.
        targets = [c for c in node.children if isinstance(c, nodes.target)]
        ids = [i for held in (*targets, header) for i in held["ids"]]
        entry_id = next((i[3:] for i in ids if i.startswith("cv-")), "")
        labels += self.labels(header)
        for target in targets:
            labels += self.labels(target)
        lines = []
        for line in header.findall(nodes.paragraph):
            main = classed(line, "cv-entry-main")
            aside = classed(line, "cv-entry-aside")
            lines.append(
                d.Line(
                    self.runs(main[0]) if main else (),
                    aside[0].astext() if aside else "",
                )
            )
        # A second line with no place beside it is short ("Course project"):
        # a parser would take it for a section heading, so it joins the first.
        if len(lines) > 1 and not lines[1].aside:
            second = lines.pop(1).main
            if second:
                joined = (*lines[0].main, d.Text(words.parted()), *second)
                lines[0] = d.Line(joined, lines[0].aside)
        details: d.Runs = ()
        body: d.Blocks = ()
        for child in node.children:
            if child is header or not _printable(child):
                continue
            if _has(child, "cv-entry-details"):
                details = self.runs(child)
            elif _has(child, "cv-entry-body"):
                assert isinstance(child, nodes.Element)
                body += self.children(child, depth)
            else:
                body += self.blocks(child, depth)
        record = self.entries.get(entry_id)
        return d.Entry(
            id=entry_id,
            kind=record.type if record else "",
            level=depth,
            lines=tuple(lines),
            details=details,
            body=body,
            labels=labels,
            tags=record.tags if record else (),
        )


def inline_pages(
    env: BuildEnvironment, tree: nodes.document, traversed: list[str], indent: str = " "
) -> nodes.document:
    """*tree* with the pages its toctrees list in their places, each in a
    ``start_of_file``, as Sphinx's ``inline_all_toctrees`` gives it, less
    its copy of every page: ``get_doctree`` gives each fresh, and copying
    them took a third of a 150-entry CV's PDF. *traversed* gains each page
    put in."""
    for toctree in list(tree.findall(addnodes.toctree)):
        found: list[nodes.Node] = []
        for name in map(str, toctree["includefiles"]):
            if name in traversed:
                continue
            traversed.append(name)
            logger.info(indent + darkgreen(name))
            page = inline_pages(env, env.get_doctree(name), traversed, indent + " ")
            start = addnodes.start_of_file(docname=name)
            start.children = page.children
            for section in start.findall(nodes.section):
                section.setdefault("docname", name)
            found.append(start)
        toctree.parent.replace(toctree, found)
    return tree


def convert(tree: nodes.document, entries: Mapping[str, model.Entry]) -> d.Blocks:
    """The blocks of the printed CV: *tree* is the whole CV, inlined and
    resolved; *entries* the ``cv`` domain's."""
    converter = Converter(entries, docname=tree.get("docname", ""))
    return tuple(b for child in tree.children for b in converter.blocks(child, 1))


def _bare(node: nodes.Node) -> str:
    """The type of an item that is its name alone (``cv-type-skill``), or
    "" for any other node."""
    if (
        isinstance(node, nodes.paragraph)
        and _has(node, "cv-item")
        and len(node.children) == 1
        and isinstance(node.children[0], nodes.strong)
    ):
        kind: str = next(c for c in node["classes"] if c.startswith("cv-type-"))
        return kind
    return ""
