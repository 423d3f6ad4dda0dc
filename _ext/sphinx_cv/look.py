"""How the printed CV looks, declared once: sizes, lines, margins, colour, faces.

The PDF's Typst template reads these values from the document it is given,
the Word file's styles are made from them, and so is the one page's print
stylesheet, so the three agree by construction. Sizes are in points, the
line is baseline to baseline as a multiple of the text's size, margins in
centimetres. Body text is 10 pt: what résumé advice and RenderCV's themes
start at.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Look:
    """The values of the printed CV's look."""

    #: The text's size, and the smaller text's (an entry's details line,
    #: the skills index, the references).
    size: float = 10.0
    small: float = 8.5
    #: The person's name, the headline under it, and a section's heading
    #: (bold capitals over a rule, in the accent colour).
    name: float = 20.0
    headline: float = 11.0
    heading: float = 11.0
    #: Baseline to baseline, as a multiple of the text's size.
    line: float = 1.1
    #: Space above an entry, besides a line's (a parser reads a gap of a
    #: line and more as a new entry), and above a section's heading, in
    #: multiples of the text's size.
    entry_gap: float = 0.8
    section_gap: float = 0.6
    #: The margins, in centimetres: the CV in two pages on A4 and Letter.
    top: float = 0.8
    bottom: float = 0.8
    side: float = 1.1
    #: The colour of headings, rules and links.
    accent: str = "#1f3a5f"
    rule: float = 0.5
    #: The face of the Word file (one every Word and LibreOffice has; Carlito
    #: is LibreOffice's metric twin of Calibri), and of the printed page.
    word_font: str = "Calibri"
    page_fonts: tuple[str, ...] = (
        "Libertinus Serif",
        "Georgia",
        "Times New Roman",
        "serif",
    )

    def as_dict(self) -> dict[str, Any]:
        """The values, for the Typst template."""
        return dataclasses.asdict(self)


#: The CV's one look.
LOOK = Look()
