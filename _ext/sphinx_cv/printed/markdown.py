"""The résumé as Markdown: the printed document, where Markdown is read.

``make markdown`` writes ``_build/markdown/<name>.md`` (and each version's,
with the PDF's selection): the name a ``#`` heading, the contact line, each
section a ``##`` heading, each entry's first line a ``###`` heading with its
dates after a dash, then what the person was and where, in italics; bullets
as ``-``, links as ``[text](address)``. Text is escaped wherever CommonMark
would read it as markup.
"""

from __future__ import annotations

from sphinx_cv.markup import COMMONMARK, escape_markdown
from sphinx_cv.printed import document as d
from sphinx_cv.printed.builder import PrintedBuilder

#: Between what a line says and when or where, where the PDF sets it flush
#: right.
DASH = " \u2014 "


class MarkdownWriter:
    """The printed document's blocks as Markdown, a block a paragraph."""

    def __init__(self, document: d.Document) -> None:
        self.document = document

    # -- what Markdown and plain text write differently -----------------------------

    def escape(self, text: str) -> str:
        return escape_markdown(text, COMMONMARK)

    def opening(self, text: str) -> str:
        """*text*, written, as the start of a line."""
        return escape_markdown(text, "", line=True)

    def heading(self, level: int, text: str) -> str:
        return f"{'#' * min(level, 6)} {text}"

    def strong(self, text: str) -> str:
        return f"**{text}**" if text.strip() else text

    def emph(self, text: str) -> str:
        return f"*{text}*" if text.strip() else text

    def code(self, text: str) -> str:
        return f"`{text}`"

    def link(self, text: str, url: str) -> str:
        if text == self.escape(url):
            return f"<{url}>"
        return f"[{text}](<{url}>)"

    def together(self, lines: list[str]) -> list[str]:
        """An entry's heading and the lines under it, as paragraphs."""
        return lines

    def code_block(self, text: str) -> str:
        return f"```\n{text}\n```"

    def bullet(self, number: int | None) -> str:
        return "-" if number is None else f"{number}."

    # -- the document ----------------------------------------------------------------

    def write(self) -> str:
        blocks = [b for block in self.document.body for b in self.block(block)]
        return "\n\n".join(b for b in blocks if b) + "\n"

    def block(self, block: d.Block) -> list[str]:
        """*block* as paragraphs."""
        written: list[str] = d.writer_of(self, block)(block)
        return written

    def blocks(self, blocks: d.Blocks) -> list[str]:
        return [b for block in blocks for b in self.block(block)]

    def write_section(self, block: d.Section) -> list[str]:
        title = self.plain(block.title)
        return [self.heading(block.level, title), *self.blocks(block.body)]

    def write_part(self, block: d.Part) -> list[str]:
        return self.blocks(block.body)

    def write_anchor(self, block: d.Anchor) -> list[str]:
        return []

    def write_paragraph(self, block: d.Paragraph) -> list[str]:
        return [self.opening(self.runs(block.body))]

    def write_contacts(self, block: d.Contacts) -> list[str]:
        items = [
            self.link(self.escape(c.text), c.url) if c.url else self.escape(c.text)
            for c in block.items
        ]
        found = [" | ".join(items)]
        return [self.escape(block.label), *found] if block.label else found

    def write_list(self, block: d.List) -> list[str]:
        lines = []
        count = len(block.items)
        for number, item in enumerate(block.items):
            mark = self.bullet(
                (count - number if block.reversed else number + 1)
                if block.numbered
                else None
            )
            inner = self.blocks(item.body)
            indent = " " * (len(mark) + 1)
            text = "\n\n".join(inner).replace("\n", "\n" + indent)
            lines.append(f"{mark} {text}")
        return ["\n".join(lines)]

    def write_terms(self, block: d.Terms) -> list[str]:
        return [
            f"{self.strong(self.runs(t.term))}{self.escape(self.document.colon)}"
            f"{self.runs(t.body)}"
            for t in block.items
        ]

    def write_columns(self, block: d.Columns) -> list[str]:
        return self.blocks(block.body)

    def write_citation(self, block: d.Citation) -> list[str]:
        return [f"{self.escape(f'[{block.label}]')} {self.runs(block.body)}"]

    def write_codeblock(self, block: d.CodeBlock) -> list[str]:
        return [self.code_block(block.text)]

    def write_entry(self, block: d.Entry) -> list[str]:
        """The first line a heading, with its dates; then what the person
        was and where; the details line; the body."""
        first, *rest = block.lines
        heading = self.plain(first.main)
        if first.aside:
            heading += DASH + self.escape(first.aside)
        found = [self.heading(block.level, heading)]
        for line in rest:
            text = self.runs(line.main)
            if line.aside:
                text += DASH + self.escape(line.aside)
            found.append(self.opening(text))
        if block.details:
            found.append(self.opening(self.runs(block.details)))
        return self.together(found) + self.blocks(block.body)

    # -- runs --------------------------------------------------------------------------

    def plain(self, runs: d.Runs) -> str:
        """*runs* with no emphasis: a heading's own."""
        return self.runs(runs, emphasis=False)

    def runs(self, runs: d.Runs, *, emphasis: bool = True) -> str:
        out = []
        for run in runs:
            if isinstance(run, d.Text):
                out.append(self.escape(run.text))
            elif isinstance(run, d.Pieces):
                out.append(self.escape("".join(run.pieces)))
            elif isinstance(run, d.Strong):
                inner = self.runs(run.body, emphasis=emphasis)
                out.append(self.strong(inner) if emphasis else inner)
            elif isinstance(run, d.Emph):
                inner = self.runs(run.body, emphasis=emphasis)
                out.append(self.emph(inner) if emphasis else inner)
            elif isinstance(run, d.Code):
                out.append(self.code(run.text))
            elif isinstance(run, d.Link):
                text = self.runs(run.body, emphasis=emphasis)
                out.append(self.link(text, run.url))
            elif isinstance(run, (d.Ref, d.Cite)):
                # A place in the document: the text says what it is.
                out.append(self.runs(run.body, emphasis=emphasis))
            else:
                raise d.Unknown(self, run)
        return "".join(out)


class MarkdownBuilder(PrintedBuilder):
    """The CV as one Markdown file, the PDF's selection."""

    name = "markdown"
    epilog = "The Markdown is in %(outdir)s."
    suffix = "md"

    def render(self, document: d.Document) -> bytes:
        return MarkdownWriter(document).write().encode("utf-8")
