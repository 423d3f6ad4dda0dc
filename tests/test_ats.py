"""The PDF as a résumé parser (an applicant-tracking system) reads it.

Parsers see a PDF's text layer: characters with positions and fonts, words
found by the gaps between them, lines by their height, entries by the
vertical gaps between lines, sections by conventional headings in bold
capitals. This reads every PDF the project builds (the CV and each
version of it, on A4 and on Letter) the same way, with pdfminer.six's layout
analysis (its default parameters) and poppler's pdftotext.
"""

from __future__ import annotations

import itertools
import re
import statistics
from dataclasses import dataclass
from pathlib import Path

import pytest
from pdfminer.high_level import extract_pages
from pdfminer.layout import LTChar, LTTextContainer, LTTextLine
from test_variants import NOT_SYSTEMS, kept

from conftest import Build, Printed, fitted_variant, normalise, poppler
from facts import ENTRY_HEADS
from sphinx_cv.look import THEMES

#: The words résumé parsers look for in a section heading.
CONVENTIONAL = {
    "education", "experience", "projects", "skills", "honors", "awards",
    "references", "teaching", "index", "and",
}  # fmt: skip
HEADINGS = [
    "EDUCATION",
    "EXPERIENCE",
    "PROJECTS",
    "TEACHING EXPERIENCE",
    "HONORS AND AWARDS",
    "SKILLS",
    "SKILLS INDEX",
    "REFERENCES",
]
CONTACTS = [
    "wenqing4@illinois.edu",
    "github.com/laphets",
    "laphets.com",
    "linkedin.com/in/wenqingluo",
]
YEAR = re.compile(r"\b(19|20)\d\d\b")


@dataclass
class Line:
    """One line across the page: the text of every box at its height."""

    page: int
    top: float
    bottom: float
    text: str
    font: str
    size: float

    @property
    def bold(self) -> bool:
        return "Bold" in self.font


def read(pdf: Path) -> list[Line]:
    """The PDF's lines, top to bottom, as a parser assembles them."""
    lines: list[Line] = []
    for number, page in enumerate(extract_pages(pdf)):
        parts = []
        for box in page:
            if not isinstance(box, LTTextContainer):
                continue
            # A line alone is a box of its own; a box holds lines.
            for line in [box] if isinstance(box, LTTextLine) else box:
                chars = [c for c in line if isinstance(c, LTChar)]
                if isinstance(line, LTTextLine) and chars and line.get_text().strip():
                    top = page.height - line.y1
                    parts.append((top, line.x0, line, chars[0]))
        parts.sort(key=lambda part: (round(part[0]), part[1]))
        for top, _, line, first in parts:
            text = line.get_text().strip()
            if lines and lines[-1].page == number and abs(lines[-1].top - top) < 2:
                lines[-1].text += f" {text}"
            else:
                bottom = page.height - line.y0
                font = first.fontname
                lines.append(Line(number, top, bottom, text, font, first.size))
    return lines


@pytest.fixture(scope="module")
def lines(printed: tuple[str, Path]) -> list[Line]:
    return read(printed[1])


def in_order(found: list[str], expected: list[str], *, whole: bool) -> bool:
    """Whether *found* is *expected* (*whole*), or some of it in its order."""
    if whole:
        return found == expected
    rest = iter(expected)
    return all(item in rest for item in found)


def test_the_contact_line_splits_into_its_items(lines: list[Line]) -> None:
    name, contacts = lines[0], lines[1]
    assert name.text == "Wenqing Luo"
    assert [item.strip() for item in contacts.text.split("|")] == CONTACTS


def test_every_section_heading_is_conventional(
    printed: Printed, lines: list[Line]
) -> None:
    body = statistics.mode(round(line.size) for line in lines)
    found = [line.text for line in lines[1:] if line.bold and line.size > body]
    # A section a page break splits names itself again atop the new page.
    continued = " (continued)"
    headings = [h for h in found if not h.casefold().endswith(continued)]
    for number, heading in enumerate(found):
        if heading.casefold().endswith(continued):
            assert heading[: -len(continued)] == found[number - 1], found
    upper = [heading.upper() for heading in headings]
    assert in_order(upper, HEADINGS, whole=not printed[0]), headings
    assert {"EDUCATION", "EXPERIENCE", "SKILLS"} <= set(upper)
    capitals = THEMES[printed.look].look.capitals
    for heading in headings:
        # In capitals, where the look sets them so (modern's are as written).
        assert heading.isupper() is capitals or not capitals
        assert set(heading.casefold().split()) <= CONVENTIONAL


def _heads(lines: list[Line]) -> list[int]:
    """Where the entries begin: lines that start in bold at the body size."""
    body = statistics.mode(round(line.size) for line in lines)
    return [n for n, line in enumerate(lines) if line.bold and round(line.size) == body]


def found_heads(lines: list[Line]) -> list[str]:
    """The entries' first lines as ENTRY_HEADS words them, in PDF order."""
    return [
        max((h for h in ENTRY_HEADS if lines[n].text.startswith(h)), key=len)
        for n in _heads(lines)
    ]


def test_every_entry_starts_a_block_with_its_dates(
    printed: tuple[str, Path], lines: list[Line]
) -> None:
    heads = _heads(lines)
    found = found_heads(lines)
    assert in_order(found, ENTRY_HEADS, whole=not printed[0]), found
    # The line spacing within a paragraph, baseline to baseline.
    spacing = statistics.median(
        b.bottom - a.bottom
        for a, b in itertools.pairwise(lines)
        if a.page == b.page and not a.bold and not b.bold
    )
    body = statistics.mode(round(line.size) for line in lines)
    for n in heads:
        previous, line = lines[n - 1], lines[n]
        after_heading = previous.bold and previous.size > body
        if previous.page == line.page and not after_heading:
            gap = line.bottom - previous.bottom
            assert gap >= 1.5 * spacing, (line.text, gap, spacing)
        dated = [line.text, lines[n + 1].text]
        assert any(YEAR.search(text) for text in dated), line.text


def highlights(
    printed: Printed, cv_html: Build, factory: pytest.TempPathFactory
) -> list[list[str]]:
    """The highlights of each entry the printed CV keeps, in the CV's order,
    from what the CV and its versions declare, not from the PDF."""
    entries = cv_html.ordered()
    if not printed.name:
        return [list(entry.highlights) for entry in entries if entry.highlights]
    keep = kept(fitted_variant(printed.name, printed.paper, factory), cv_html.entries)
    dropped = NOT_SYSTEMS if printed.name == "systems" else []
    return [
        [h for h in entry.highlights if not h.startswith(tuple(dropped))]
        for entry in entries
        if entry.id in keep and entry.highlights
    ]


def flowing(text: str) -> str:
    """Text as a parser joins its lines, without citation marks ([1])."""
    return normalise(re.sub(r"\s*\[\d+\]", "", text))


@pytest.mark.parametrize("mode", ["-raw", "-layout"])
def test_each_highlight_is_one_paragraph_once_in_reading_order(
    printed: Printed,
    cv_html: Build,
    tmp_path_factory: pytest.TempPathFactory,
    mode: str,
) -> None:
    """Each highlight the printed CV keeps (a version some: test_variants.py
    says which) reads as one paragraph, once, in the CV's order."""
    text = flowing(poppler("pdftotext", mode, "-enc", "UTF-8", printed.pdf, "-"))
    for entry in highlights(printed, cv_html, tmp_path_factory):
        for highlight in entry:
            assert text.count(normalise(highlight)) == 1, highlight
        positions = [text.index(normalise(highlight)) for highlight in entry]
        assert positions == sorted(positions), entry


@pytest.mark.parametrize("mode", ["-raw", "-layout"])
def test_the_entries_read_in_cv_order(
    printed: tuple[str, Path], lines: list[Line], mode: str
) -> None:
    text = flowing(poppler("pdftotext", mode, "-enc", "UTF-8", printed[1], "-"))
    position = 0
    for head in found_heads(lines):
        position = text.index(normalise(head), position) + 1


def test_no_page_number_is_read_into_the_text(lines: list[Line]) -> None:
    assert not [line.text for line in lines if line.text.strip().isdigit()]
