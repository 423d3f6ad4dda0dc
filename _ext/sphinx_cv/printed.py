"""The printed CV as data: the resolved doctree as blocks a template sets.

:class:`PrintLayout` gives the doctree the shape of a résumé; :func:`data`
then turns it into one JSON-ready document of blocks (headings, paragraphs,
lists, entries) holding runs of text. The Typst template reads that and
nothing else, so every string reaches it as data, never as markup:

``{"title", "author", "subject", "keywords", "lang", "region", "paper",
"fonts", "dated", "colon", "body": [block, ...]}`` (``colon`` is what follows
a term, in the CV's language), where a block is ``{"type": "section",
"level", "title", "labels", "body"}`` (the name's is level 1),
``paragraph`` (``body``, ``labels``),
``list`` (``items``: a list of blocks per item, ``numbered``, ``reversed``:
counting down), ``terms``
(``items`` of ``term`` and ``body``, runs both, and ``labels``),
``columns`` (``count``, ``body``),
``citation`` (``label``, ``body``), ``code`` (``text``), ``anchor``
(``labels``), ``contacts`` (``label``, a headline or "", and ``items`` of
``text`` and ``url``, empty for text) or ``entry``
(``id``, ``level``, ``lines`` of ``main`` and ``aside``, ``details``,
``body``, ``labels``); and a run is ``{"text"}``, ``{"pieces"}`` (a word
that may break between them), ``{"strong"}``, ``{"emph"}``, ``{"code"}``,
``{"url", "body"}`` or ``{"to", "body"}`` (a label in the document).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from docutils import nodes
from sphinx import addnodes
from sphinx.transforms.post_transforms import SphinxPostTransform

from sphinx_cv import i18n, model

Block = dict[str, Any]
Run = dict[str, Any]

#: The builders' formats of the printed CV: the PDF, the Word file, a
#: version's page of its own.
FORMATS = ("pdf", "docx", "onepage")


def classed(tree: nodes.Node, name: str) -> list[nodes.Element]:
    """The elements of *tree* with the class *name*."""
    return [node for node in tree.findall(nodes.Element) if name in node["classes"]]


def _entries(section: nodes.section) -> list[nodes.Element]:
    return [
        child
        for child in section.children
        if isinstance(child, nodes.container) and "cv-entry" in child["classes"]
    ]


def _is_empty(node: nodes.Node) -> bool:
    """Nothing that prints: targets, comments, and containers of nothing
    (a page's wrapper included, once its entries are left out)."""
    if isinstance(node, nodes.Invisible):
        return True
    wrappers = (nodes.container, nodes.compound, addnodes.start_of_file)
    wrapper = isinstance(node, wrappers)
    return wrapper and all(map(_is_empty, node.children))


def shape(document: nodes.Element) -> None:
    """Give the printed CV the shape of a résumé that parsers read right.

    - The contact line gives each address as it would be typed
      (``github.com/laphets``): "label (URL)" made the line wrap, and a
      parser took the address with its brackets.
    - "Related:" lines are the web's: after the bullets, a parser reads them
      into the entry's last highlight.
    - A page that holds one entry is titled by it: the entry's own header
      replaces the page title, which would say the same again.
    - A page left with nothing to print is dropped.
    """
    for contacts in classed(document, "cv-contacts"):
        contacts.replace_self(_contacts(contacts))
    for related in classed(document, "cv-related"):
        related.parent.remove(related)
    # Innermost first: a section whose subsections all went is empty too.
    for section in reversed(list(document.findall(nodes.section))):
        title = section.next_node(nodes.title)
        body = [child for child in section.children if child is not title]
        if all(map(_is_empty, body)):
            section.parent.remove(section)
        elif (
            title is not None
            and len(_entries(section)) == 1
            and _entries(section)[0] is body[0]
        ):
            # Keep the section's labels: references to the page land here.
            section.replace(title, nodes.target("", "", ids=section["ids"]))
            section["ids"] = []


def _contacts(contacts: nodes.Element) -> nodes.Element:
    headline = classed(contacts, "cv-label")
    line = nodes.paragraph()
    for item in classed(contacts, "cv-contact"):
        link = item.next_node(nodes.reference)
        if link is None:
            text = item.astext().strip()
            line += nodes.inline(text, text)
            continue
        uri = link["refuri"]
        # A telephone number as written; an address as it would be typed.
        text = link.astext() if uri.startswith("tel:") else model.short_address(uri)
        line += nodes.reference(text, text, refuri=uri)
    printed = nodes.container("", line, classes=contacts["classes"])
    printed[0:0] = headline
    return printed


class PrintLayout(SphinxPostTransform):
    """The printed CV in the shape of a résumé (:func:`shape`), in the PDF
    and the Word file."""

    default_priority = 800
    formats = FORMATS

    def run(self, **kwargs: Any) -> None:
        shape(self.document)


#: A word longer than this may break between pieces of ten characters: no
#: line holds it whole, and Typst would set it past the margin.
LONG_WORD = 40
#: Chinese, Japanese and Korean characters (and their full-width marks),
#: between which a line may break: text of them is no word, however long.
_CJK = "\u2e80-\u9fff\ua960-\ua97f\uac00-\ud7ff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef"
_WORD = re.compile(rf"([^\s{_CJK}]+)")


def _text(text: str) -> list[Run]:
    """Runs for *text*: line breaks of the source are spaces, and a word
    longer than a line gets places to break."""
    text = re.sub(r"[\t\r\n]+", " ", text)
    runs: list[Run] = []
    for position, part in enumerate(_WORD.split(text)):
        if position % 2 and len(part) > LONG_WORD:
            runs.append({"pieces": [part[i : i + 10] for i in range(0, len(part), 10)]})
        elif runs and "text" in runs[-1]:
            runs[-1]["text"] += part
        elif part:
            runs.append({"text": part})
    return runs


@dataclass
class _Converter:
    """Walks the doctree once; remembers each label it emits."""

    docname: str = ""
    labels: set[str] = field(default_factory=set)

    def _labels(self, node: nodes.Element) -> list[str]:
        ids: list[str] = node.get("ids", [])
        found = [f"{self.docname}#{node_id}" for node_id in ids]
        if isinstance(node, addnodes.start_of_file):
            found.insert(0, node["docname"])
        fresh = [name for name in found if name not in self.labels]
        self.labels.update(fresh)
        return fresh

    def runs(self, node: nodes.Node) -> list[Run]:
        if isinstance(node, nodes.Text):
            return _text(str(node))
        assert isinstance(node, nodes.Element)
        if isinstance(node, (nodes.Invisible, nodes.image, nodes.raw)):
            return []
        inner = [run for child in node.children for run in self.runs(child)]
        if isinstance(node, nodes.strong):
            return [{"strong": inner}]
        if isinstance(node, nodes.emphasis):
            return [{"emph": inner}]
        if isinstance(node, nodes.literal):
            return [{"code": node.astext()}]
        if isinstance(node, nodes.reference):
            uri = node.get("refuri", "")
            if uri.startswith("%"):
                return [{"to": uri[1:], "body": inner}]
            if node.get("refid"):
                return [{"to": f"{self.docname}#{node['refid']}", "body": inner}]
            if uri:
                return [{"url": uri, "body": inner}]
        return inner

    def blocks(self, node: nodes.Node, depth: int) -> list[Block]:
        """The blocks for *node*, in a section *depth* deep (the name's is 1)."""
        if isinstance(node, nodes.Text):
            return [{"type": "paragraph", "body": _text(str(node)), "labels": []}]
        assert isinstance(node, nodes.Element)
        if isinstance(node, addnodes.start_of_file):
            outer, self.docname = self.docname, node["docname"]
            labels = self._labels(node)
            found = [{"type": "anchor", "labels": labels}, *self.children(node, depth)]
            self.docname = outer
            return found
        labels = self._labels(node)
        if isinstance(node, nodes.section):
            # A page titled by its one entry has no title of its own left:
            # its entry's heading takes the title's level, none is skipped.
            first = node.children[0] if node.children else None
            if not isinstance(first, nodes.title):
                anchor = [{"type": "anchor", "labels": labels}]
                return anchor + self.children(node, depth)
            rest = node.children[1:]
            return [
                {
                    "type": "section",
                    "level": depth,
                    "title": self.runs(first),
                    "labels": labels,
                    "body": [
                        b for child in rest for b in self.blocks(child, depth + 1)
                    ],
                }
            ]
        if isinstance(node, (nodes.paragraph, nodes.rubric, nodes.term)):
            return [{"type": "paragraph", "body": self.runs(node), "labels": labels}]
        if isinstance(node, (nodes.bullet_list, nodes.enumerated_list)):
            entries = [
                self.children(item, depth)
                for item in node.children
                if isinstance(item, nodes.Element)
            ]
            numbered = isinstance(node, nodes.enumerated_list)
            return [
                {
                    "type": "list",
                    "items": entries,
                    "numbered": numbered,
                    "reversed": numbered and "reversed" in node["classes"],
                    "labels": labels,
                }
            ]
        if isinstance(node, nodes.definition_list):
            # A definition runs in after its term; a term's id (a skill's,
            # in the skills index) is its item's label.
            items: list[Block] = []
            for item in node.findall(nodes.definition_list_item):
                term = item.next_node(nodes.term)
                definition = item.next_node(nodes.definition)
                assert term is not None and definition is not None
                items.append(
                    {
                        "term": self.runs(term),
                        "body": self._joined(definition),
                        "labels": self._labels(term),
                    }
                )
            return [{"type": "terms", "items": items, "labels": labels}]
        if isinstance(node, nodes.citation):
            label = node.next_node(nodes.label)
            body = [
                run
                for child in node.children
                if not isinstance(child, nodes.label)
                for run in self.runs(child)
            ]
            return [
                {
                    "type": "citation",
                    "label": label.astext() if label else "",
                    "body": body,
                    "labels": labels,
                }
            ]
        if isinstance(node, nodes.literal_block):
            return [{"type": "code", "text": node.astext()}]
        if isinstance(node, nodes.container):
            classes = node["classes"]
            if "cv-entry" in classes:
                return [self.entry(node, depth, labels)]
            if "cv-contacts" in classes:
                headline = classed(node, "cv-label")
                paragraph = node.children[-1] if node.children else None
                contacts = [
                    {"text": item.astext(), "url": item.get("refuri", "")}
                    for item in (paragraph.children if paragraph else [])
                    if isinstance(item, nodes.Element)
                ]
                said = headline[0].astext() if headline else ""
                return [{"type": "contacts", "label": said, "items": contacts}]
            if "cv-skills-index" in classes:
                body = self.children(node, depth)
                return [{"type": "columns", "count": 2, "body": body}]
        if isinstance(node, (nodes.Invisible, nodes.title)):
            anchor = [{"type": "anchor", "labels": labels}] if labels else []
            return anchor
        anchor = [{"type": "anchor", "labels": labels}] if labels else []
        return anchor + self.children(node, depth)

    def _joined(self, node: nodes.Element) -> list[Run]:
        """The runs of *node*'s paragraphs, one after the other."""
        runs: list[Run] = []
        for paragraph in node.findall(nodes.paragraph):
            runs += [{"text": " "}] if runs else []
            runs += self.runs(paragraph)
        return runs

    def children(self, node: nodes.Element, depth: int) -> list[Block]:
        return [block for child in node.children for block in self.blocks(child, depth)]

    def entry(self, node: nodes.container, depth: int, labels: list[str]) -> Block:
        header = node.next_node(
            lambda n: (
                isinstance(n, nodes.container) and "cv-entry-header" in n["classes"]
            )
        )
        assert isinstance(header, nodes.container)
        labels += self._labels(header)
        entry_id = next(
            (i.removeprefix("cv-") for i in header["ids"] if i.startswith("cv-")), ""
        )
        lines: list[dict[str, Any]] = []
        for line in header.findall(nodes.paragraph):
            main = classed(line, "cv-entry-main")
            aside = classed(line, "cv-entry-aside")
            lines.append(
                {
                    "main": self.runs(main[0]) if main else [],
                    "aside": aside[0].astext() if aside else "",
                }
            )
        # A second line with no place beside it is short ("Course project"):
        # a parser would take it for a section heading, so it joins the first.
        if len(lines) > 1 and not lines[1]["aside"]:
            second = lines.pop(1)["main"]
            if second:
                lines[0]["main"] += [{"text": i18n.parted()}, *second]
        details: list[Run] = []
        body: list[Block] = []
        for child in node.children:
            if child is header or isinstance(child, nodes.Invisible):
                continue
            if (
                isinstance(child, nodes.paragraph)
                and "cv-entry-details" in child["classes"]
            ):
                details = self.runs(child)
            elif (
                isinstance(child, nodes.container)
                and "cv-entry-body" in child["classes"]
            ):
                body += self.children(child, depth)
            else:
                body += self.blocks(child, depth)
        return {
            "type": "entry",
            "id": entry_id,
            "level": depth,
            "lines": lines,
            "details": details,
            "body": body,
            "labels": labels,
        }


def data(tree: nodes.document) -> list[Block]:
    """The blocks of the printed CV."""
    converter = _Converter(docname=tree.get("docname", ""))
    return [block for child in tree.children for block in converter.blocks(child, 1)]


def labels(value: Any) -> Iterator[str]:
    """Every label that *value* (blocks) defines."""
    if isinstance(value, dict):
        yield from value.get("labels", [])
        for item in value.values():
            if isinstance(item, (dict, list)):
                yield from labels(item)
    elif isinstance(value, list):
        for item in value:
            yield from labels(item)


def targets(value: Any) -> Iterator[str]:
    """Every label that *value*'s links (``to``) go to."""
    if isinstance(value, dict):
        if "to" in value:
            yield value["to"]
        for item in value.values():
            yield from targets(item)
    elif isinstance(value, list):
        for item in value:
            yield from targets(item)
