"""The PDF as a résumé parser (an applicant-tracking system) reads it.

Parsers see a PDF's text layer: characters with positions and fonts, words
found by the gaps between them, columns by a gutter no line crosses, lines
by their height, entries by the vertical gaps between lines, sections by
conventional headings in bold capitals. This reads every PDF the project
builds (the CV and each version of it, on A4 and on Letter, and the CV in
each look) the same way, with pdfminer.six's layout analysis (its default
parameters) and poppler's pdftotext.
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
#: What a two-column look sets in its narrow column, which is read first.
NARROW = {"HONORS AND AWARDS", "SKILLS", *ENTRY_HEADS[-4:]}
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


#: A line box of a page: its top, bottom, left, right, text, first character.
Box = tuple[float, float, float, float, str, LTChar]


def aligned(boxes: list[Box]) -> bool:
    """Whether five of *boxes* or more start at one left edge."""
    edges = [round(box[2]) for box in boxes]
    return bool(edges) and max(edges.count(edge) for edge in set(edges)) >= 5


def columns(boxes: list[Box], gap: float) -> list[list[Box]]:
    """The page's boxes in reading order, in runs read as lines across.

    Parsers that detect columns look for a gutter: an upright band at least
    *gap* wide that no line crosses, down a third of the page's text or
    more, with a column of text on each side (five lines or more starting
    at one left edge). Such a band's columns are read one after the other,
    left first; what is above and below it, across the page. Dates set
    flush right start at no one edge, and a shorter band is a layout within
    a column (a list in two columns): both are read across."""
    if not boxes:
        return []
    boxes = sorted(boxes, key=lambda box: box[0])
    height = max(box[1] for box in boxes) - boxes[0][0]
    best: tuple[float, int, int, float] | None = None
    for edge in sorted({box[3] for box in boxes}):
        start = 0
        for end in range(len(boxes) + 1):
            crossing = (
                end < len(boxes) and boxes[end][3] > edge and boxes[end][2] < edge + gap
            )
            if end < len(boxes) and not crossing:
                continue
            run = boxes[start:end]
            left = [box for box in run if box[3] <= edge]
            right = [box for box in run if box[3] > edge]
            if aligned(left) and aligned(right):
                tall = max(box[1] for box in run) - run[0][0]
                if tall >= height / 3 and (best is None or tall > best[0]):
                    best = (tall, start, end, edge)
            start = end + 1
    if best is None:
        return [boxes]
    _, start, end, edge = best
    run = boxes[start:end]
    return [
        *columns(boxes[:start], gap),
        [box for box in run if box[3] <= edge],
        [box for box in run if box[3] > edge],
        *columns(boxes[end:], gap),
    ]


def read(pdf: Path) -> list[Line]:
    """The PDF's lines, top to bottom, as a parser assembles them: the
    boxes at one height joined, within a column (:func:`columns`)."""
    lines: list[Line] = []
    for number, page in enumerate(extract_pages(pdf)):
        boxes: list[Box] = []
        for box in page:
            if not isinstance(box, LTTextContainer):
                continue
            # A line alone is a box of its own; a box holds lines.
            for line in [box] if isinstance(box, LTTextLine) else box:
                chars = [c for c in line if isinstance(c, LTChar)]
                if isinstance(line, LTTextLine) and chars and line.get_text().strip():
                    top, bottom = page.height - line.y1, page.height - line.y0
                    text = line.get_text().strip()
                    boxes.append((top, bottom, line.x0, line.x1, text, chars[0]))
        sizes = [box[5].size for box in boxes]
        for column in columns(boxes, gap=statistics.mode(sizes) if sizes else 0):
            column.sort(key=lambda box: (round(box[0]), box[2]))
            for top, bottom, _, _, text, first in column:
                if lines and lines[-1].page == number and abs(lines[-1].top - top) < 2:
                    lines[-1].text += f" {text}"
                else:
                    lines.append(
                        Line(number, top, bottom, text, first.fontname, first.size)
                    )
    return lines


@pytest.fixture(scope="module")
def lines(printed: tuple[str, Path]) -> list[Line]:
    return read(printed[1])


def as_read(items: list[str], look: str) -> list[str]:
    """*items* (in the CV's order) as a parser reads them in *look*."""
    if THEMES[look].look.columns == 1:
        return items
    return [i for i in items if i in NARROW] + [i for i in items if i not in NARROW]


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
    found = [
        line.text for line in lines[1:] if line.bold and round(line.size, 1) > body
    ]
    # A section a page break splits names itself again atop the new page.
    continued = " (continued)"
    headings = [h for h in found if not h.casefold().endswith(continued)]
    for number, heading in enumerate(found):
        if heading.casefold().endswith(continued):
            assert heading[: -len(continued)] == found[number - 1], found
    upper = [heading.upper() for heading in headings]
    assert in_order(upper, as_read(HEADINGS, printed.look), whole=not printed[0]), (
        headings
    )
    assert {"EDUCATION", "EXPERIENCE", "SKILLS"} <= set(upper)
    capitals = THEMES[printed.look].look.capitals
    for heading in headings:
        # In capitals, where the look sets them so (modern's are as written).
        assert heading.isupper() is capitals or not capitals
        assert set(heading.casefold().split()) <= CONVENTIONAL


def spacing(lines: list[Line]) -> float:
    """The line spacing within a paragraph, baseline to baseline."""
    return statistics.median(
        b.bottom - a.bottom
        for a, b in itertools.pairwise(lines)
        if a.page == b.page and not a.bold and not b.bold
    )


def _heads(lines: list[Line]) -> list[int]:
    """Where the entries begin: lines that start in bold at the body size,
    but for one that goes on from a bold line at a line's spacing (a name a
    narrow column wraps)."""
    body = statistics.mode(round(line.size) for line in lines)
    line_spacing = spacing(lines)
    starts = [line.bold and round(line.size) == body for line in lines]
    return [
        n
        for n, start in enumerate(starts)
        if start
        and not (
            n
            and starts[n - 1]
            and lines[n - 1].page == lines[n].page
            and lines[n].bottom - lines[n - 1].bottom < 1.5 * line_spacing
        )
    ]


def head(lines: list[Line], n: int) -> tuple[str, int]:
    """The entry's head that starts at line *n*, as ENTRY_HEADS words it,
    and how many lines it takes (a narrow column wraps it)."""
    for count in range(1, 5):
        read = flowing(" ".join(line.text for line in lines[n : n + count]))
        found = [h for h in ENTRY_HEADS if read.startswith(normalise(h))]
        if found and not any(
            normalise(h).startswith(read) for h in ENTRY_HEADS if h not in found
        ):
            return max(found, key=len), count
    raise AssertionError(f"no entry's head: {lines[n].text}")


def found_heads(lines: list[Line]) -> list[str]:
    """The entries' heads as ENTRY_HEADS words them, in PDF order."""
    return [head(lines, n)[0] for n in _heads(lines)]


def test_every_entry_starts_a_block_with_its_dates(
    printed: Printed, lines: list[Line]
) -> None:
    heads = _heads(lines)
    found = found_heads(lines)
    assert in_order(found, as_read(ENTRY_HEADS, printed.look), whole=not printed[0]), (
        found
    )
    line_spacing = spacing(lines)
    body = statistics.mode(round(line.size) for line in lines)
    for n in heads:
        previous, line = lines[n - 1], lines[n]
        after_heading = previous.bold and round(previous.size, 1) > body
        if previous.page == line.page and not after_heading:
            gap = line.bottom - previous.bottom
            assert gap >= 1.5 * line_spacing, (line.text, gap, line_spacing)
        # The dates follow the head at once: on its last line or the next.
        last = n + head(lines, n)[1] - 1
        dated = [lines[last].text, lines[last + 1].text]
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


def pdftotext(printed: Printed, mode: str) -> str:
    """The printed CV's text as pdftotext reads it in *mode*: in the order
    it is set (-raw) or as it stands on the page (-layout), a line across
    the page at a time: two columns side by side, so not for a look in two."""
    if mode == "-layout" and THEMES[printed.look].look.columns == 2:
        pytest.skip("pdftotext -layout sets two columns' lines side by side")
    return flowing(poppler("pdftotext", mode, "-enc", "UTF-8", printed.pdf, "-"))


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
    text = pdftotext(printed, mode)
    for entry in highlights(printed, cv_html, tmp_path_factory):
        for highlight in entry:
            assert text.count(normalise(highlight)) == 1, highlight
        positions = [text.index(normalise(highlight)) for highlight in entry]
        assert positions == sorted(positions), entry


@pytest.mark.parametrize("mode", ["-raw", "-layout"])
def test_the_entries_read_in_cv_order(
    printed: Printed, lines: list[Line], mode: str
) -> None:
    text = pdftotext(printed, mode)
    position = 0
    for head in found_heads(lines):
        position = text.index(normalise(head), position) + 1


def test_no_page_number_is_read_into_the_text(lines: list[Line]) -> None:
    assert not [line.text for line in lines if line.text.strip().isdigit()]
