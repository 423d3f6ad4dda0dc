"""How the printed CV looks, declared once: sizes, lines, margins, colour, faces.

The PDF's Typst template reads these values from the document it is given,
the Word file's styles are made from them, and so is the one page's print
stylesheet, so the three agree by construction. Sizes are in points, the
line is baseline to baseline as a multiple of the text's size, margins in
centimetres. Body text is 10 pt: what résumé advice and RenderCV's themes
start at.

A look is a theme's values (:data:`THEMES`: ``cv_theme`` picks one),
with any of them set otherwise by ``cv_look`` (``{"accent": "#0b7285"}``):
:func:`of_config` is the build's.
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
    #: The PDF's first faces, before cv_pdf_fonts' (which cover every script).
    pdf_fonts: tuple[str, ...] = ()
    #: Where the name and the contact line stand: center or left.
    align: str = "center"
    #: Whether section headings are set in capitals.
    capitals: bool = True
    #: Columns of the PDF's body: 2 sets pages of skills and awards in a
    #: narrow column (this share of the width) beside the rest.
    columns: int = 1
    aside: float = 0.23

    def as_dict(self) -> dict[str, Any]:
        """The values, for the Typst template."""
        return dataclasses.asdict(self)

    @classmethod
    def of(cls, values: dict[str, Any]) -> Look:
        """The look *values* say (as :meth:`as_dict` gives them)."""
        names = {f.name for f in dataclasses.fields(cls)}
        given: dict[str, Any] = {
            name: tuple(value) if isinstance(value, list) else value
            for name, value in values.items()
            if name in names
        }
        return cls(**given)


@dataclass(frozen=True)
class Theme:
    """A look of the printed CV: what it is for, and its values."""

    doc: str
    look: Look


#: The looks ``cv_theme`` chooses from, by name.
THEMES: dict[str, Theme] = {
    "classic": Theme(
        "a serif résumé: the name centred, headings in capitals over a rule",
        Look(),
    ),
    "compact": Theme(
        "an engineering résumé: sans-serif, dense, black headings over rules",
        Look(
            small=8.5,
            name=18.0,
            headline=10.5,
            # A point over the text, as a parser tells a heading by its size.
            heading=11.0,
            line=1.08,
            entry_gap=0.55,
            section_gap=0.45,
            top=0.7,
            bottom=0.7,
            side=1.0,
            accent="#000000",
            word_font="Arial",
            page_fonts=("DejaVu Sans", "Helvetica", "Arial", "sans-serif"),
            pdf_fonts=("DejaVu Sans", "Noto Sans CJK SC"),
        ),
    ),
    "modern": Theme(
        "an accent colour: the name on the left, headings as written in colour",
        Look(
            name=22.0,
            heading=12.0,
            accent="#0b7285",
            rule=1.2,
            align="left",
            capitals=False,
        ),
    ),
    "two-column": Theme(
        "skills and awards in a narrow column beside experience and education; "
        "the text layer reads the narrow column first",
        Look(
            columns=2,
            side=0.9,
            accent="#2f4f4f",
        ),
    ),
}

#: The look of every build that names none.
DEFAULT = "classic"


def of_config(theme: str, overrides: dict[str, Any]) -> Look:
    """A build's look: its theme's values, each of *overrides* in place."""
    base = THEMES.get(theme, THEMES[DEFAULT]).look
    return Look.of({**base.as_dict(), **overrides})
