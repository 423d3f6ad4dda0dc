"""The résumé as plain text: the printed document, for a form's text box.

``make plaintext`` writes ``_build/plaintext/<name>.txt`` (and each
version's, with the PDF's selection): no markup at all. A form's text box
wraps lines itself and keeps the breaks it is given, so each paragraph and
each bullet is one line, never wrapped here; sections are headed in
capitals, entries parted by a blank line, bullets marked with a hyphen, and
an address follows the words that link to it, in brackets, unless they are
the address.
"""

from __future__ import annotations

from sphinx_cv.printed import document as d
from sphinx_cv.printed.builder import PrintedBuilder
from sphinx_cv.printed.markdown import MarkdownWriter


class PlainTextWriter(MarkdownWriter):
    """The Markdown writer, less its markup."""

    def escape(self, text: str) -> str:
        return text

    def opening(self, text: str) -> str:
        return text

    def heading(self, level: int, text: str) -> str:
        return text.upper() if level == 2 else text

    def strong(self, text: str) -> str:
        return text

    def emph(self, text: str) -> str:
        return text

    def code(self, text: str) -> str:
        return text

    def link(self, text: str, url: str) -> str:
        shown = url.removeprefix("mailto:").removeprefix("tel:")
        return (
            text
            if shown in (text, url) or text.endswith(shown)
            else f"{text} ({shown})"
        )

    def code_block(self, text: str) -> str:
        return text

    def together(self, lines: list[str]) -> list[str]:
        """An entry's heading and the lines under it, one to a line."""
        return ["\n".join(lines)]

    def write_contacts(self, block: d.Contacts) -> list[str]:
        """Each address as typed: the line shows nothing else."""
        found = [" | ".join(contact.text for contact in block.items)]
        return [block.label, *found] if block.label else found


class PlainTextBuilder(PrintedBuilder):
    """The CV as one plain text file, the PDF's selection."""

    name = "plaintext"
    epilog = "The plain text is in %(outdir)s."
    suffix = "txt"

    def render(self, document: d.Document) -> bytes:
        return PlainTextWriter(document).write().encode("utf-8")
