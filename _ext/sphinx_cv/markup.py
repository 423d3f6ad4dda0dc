"""Plain text as Markdown that shows it as written: the one escaper.

Three readers read the Markdown the package writes: MyST reads the pages
``sphinx-cv new`` writes, any CommonMark reader (GitHub's among them) the
Markdown résumé, and RenderCV ``rendercv.yaml``. A backslash escapes a mark
in all three, but RenderCV's reader takes fewer marks as escapable and would
print the backslash before any other, and a résumé reads best with no
backslash it does not need: so each reader gets the marks it would read as
markup escaped, and ``]``, ``<`` and ``&`` only where they would open a
link's address, a tag or an entity.
"""

from __future__ import annotations

import re

#: What RenderCV's Markdown reads as inline markup.
RENDERCV = "\\`*_[]"
#: What CommonMark (and GitHub's strikethrough) reads as inline markup,
#: besides a link, a tag or an entity.
COMMONMARK = "\\`*_~"
#: What MyST reads besides: roles' and substitutions' braces, maths, tables.
MYST = COMMONMARK + "{}$|"

#: What opens a link's address, a tag, an autolink or an entity, which
#: CommonMark reads within a line.
_OPENING = re.compile(r"\](?=[(\[:])|<(?=[A-Za-z/!?])|&(?=#?\w+;)")
#: What opens a block at the start of a line: a heading, a list, a quote, a
#: heading's underline, a definition.
_LINE_START = re.compile(r"^(\s*)([-+:>=#]|\d+[.)])")


def escape_markdown(text: str, marks: str = RENDERCV, *, line: bool = False) -> str:
    """*text* with each of *marks* escaped (and, for CommonMark's readers,
    what would open a link's address, a tag or an entity); with *line*,
    text that opens a line, so that what would open a block is escaped
    too."""
    if marks:
        text = re.sub(f"([{re.escape(marks)}])", r"\\\1", text)
    if marks != RENDERCV and marks:
        text = _OPENING.sub(lambda m: "\\" + m[0], text)
    if line:
        text = _LINE_START.sub(lambda m: m[1] + "\\" + m[2], text)
    return text
