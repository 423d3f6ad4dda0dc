"""LaTeX support: a printed résumé rather than a manual.

``sphinxcv.sty`` styles the entries; :class:`PrintLayout` trims what a page
of a web site needs and a sheet of paper does not.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx import addnodes
from sphinx.builders.latex import LaTeXBuilder
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util.texescape import escape

from sphinx_cv import model
from sphinx_cv.domain import CVDomain
from sphinx_cv.i18n import _
from sphinx_cv.render import replace_text

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.builders import Builder


STYLE = Path(__file__).with_name("sphinxcv.sty")


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


class PrintLayout(SphinxPostTransform):
    """Give the printed CV the shape of a résumé that parsers read right.

    - The contact line gives each address as it would be typed
      (``github.com/laphets``), items parted by `` | ``: "label (URL)" made
      the line wrap, and a parser took the address with its brackets.
    - "Related:" lines are the web's: after the bullets, a parser reads them
      into the entry's last highlight.
    - A page that holds one entry is titled by it: the entry's own two-line
      header replaces the page title, which would say the same again.
    - A page left with nothing to print is dropped: the references page,
      whose citations LaTeX sets at the end of the document.
    """

    default_priority = 800  # after Sphinx moves citations to the end (750)
    formats = ("latex",)

    def run(self, **kwargs: Any) -> None:
        for contacts in classed(self.document, "cv-contacts"):
            contacts.replace_self(self._contacts(contacts))
        for related in classed(self.document, "cv-related"):
            related.parent.remove(related)
        # Innermost first: a section whose subsections all went is empty too.
        for section in reversed(list(self.document.findall(nodes.section))):
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

    @staticmethod
    def _contacts(contacts: nodes.Element) -> nodes.Element:
        line = nodes.paragraph()
        for position, link in enumerate(contacts.findall(nodes.reference)):
            if position:
                line += nodes.inline("|", "|", classes=["cv-separator"])
            address = model.short_address(link["refuri"])
            line += nodes.reference(address, address, refuri=link["refuri"])
        return nodes.container("", line, classes=contacts["classes"])


#: TeX's special characters, as hyperref writes them into a PDF string.
#: (Sphinx's own escaping is for typeset text: its ``\sphinxhyphen`` and
#: ``--`` ligature guards vanish from a PDF string, with the hyphens.)
_PDF_STRING = str.maketrans(
    {
        "\\": r"\textbackslash{}",
        "{": r"\{",
        "}": r"\}",
        "#": r"\#",
        "%": r"\%",
        "&": r"\&",
        "$": r"\$",
        "_": r"\_",
        "~": r"\textasciitilde{}",
        "^": r"\textasciicircum{}",
    }
)


def pdf_string(text: str) -> str:
    """*text* for a hyperref option, kept character for character."""
    return text.translate(_PDF_STRING)


#: A word longer than this may break anywhere: no line holds it whole.
LONG_WORD = 40
_LONG_WORD = re.compile(rf"\S{{{LONG_WORD + 1},}}")


class BreakLongWords(SphinxPostTransform):
    """Let a word longer than a line break, every few characters.

    TeX breaks lines only at spaces (the CV turns hyphenation off) and would
    push such a word past the margin, where its text is lost (xdvipdfmx even
    crashed on a 2,000-character word). Titles are left alone: a break there
    would reach the PDF's bookmarks.
    """

    default_priority = 810
    formats = ("latex",)

    def run(self, **kwargs: Any) -> None:
        for text in list(self.document.findall(nodes.Text)):
            if _LONG_WORD.search(text) and not self._verbatim(text):
                replace_text(text, self._breakable(str(text)))

    @staticmethod
    def _verbatim(node: nodes.Node) -> bool:
        return any(
            isinstance(
                a, (nodes.FixedTextElement, nodes.literal, nodes.title, nodes.raw)
            )
            for a in _ancestors(node)
        )

    @staticmethod
    def _breakable(text: str) -> list[nodes.Node]:
        pieces: list[nodes.Node] = []
        for part in re.split(r"(\S+)", text):
            if len(part) <= LONG_WORD:
                pieces.append(nodes.Text(part))
                continue
            for start in range(0, len(part), 10):
                if start:
                    pieces.append(nodes.raw("", r"\allowbreak{}", format="latex"))
                pieces.append(nodes.Text(part[start : start + 10]))
        return pieces


def _ancestors(node: nodes.Node) -> list[nodes.Node]:
    found = []
    while node.parent is not None:
        node = node.parent
        found.append(node)
    return found


def add_preamble(app: Sphinx, builder: Builder) -> None:
    """The PDF's keywords are the skills the entries name; its references
    heading is in the edition's language; and a CJK edition sets emphasis
    upright, as CJK text has no italics to match Latin ones."""
    if not isinstance(builder, LaTeXBuilder):
        return
    domain = CVDomain.of(builder.env)
    keywords = pdf_string(", ".join(domain.skills()))
    refname = escape(str(_("References")))
    preamble = [
        f"\\hypersetup{{pdfkeywords={{{keywords}}}}}",
        f"\\AtBeginDocument{{\\renewcommand{{\\refname}}{{{refname}}}}}",
    ]
    if app.config.language.split("_")[0] in ("zh", "ja", "ko"):
        preamble.append(
            "\\AtBeginDocument{\\protected\\def\\sphinxstyleemphasis#1{#1}}"
        )
    builder.context["preamble"] += "\n" + "\n".join(preamble)


def copy_style(app: Sphinx, exception: Exception | None) -> None:
    """Put ``sphinxcv.sty`` beside the ``.tex`` file that loads it."""
    if exception is None and app.builder.format == "latex":
        shutil.copy(STYLE, Path(app.outdir) / STYLE.name)


def setup_latex(app: Sphinx) -> None:
    app.add_latex_package("sphinxcv")
    app.add_post_transform(PrintLayout)
    app.add_post_transform(BreakLongWords)
    app.connect("write-started", add_preamble)
    app.connect("build-finished", copy_style)
