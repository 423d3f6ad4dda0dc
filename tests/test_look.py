"""One look in every printed output: the PDF, the Word file and the printed page agree.

The values are declared once (sphinx_cv/look.py); this reads them back from
what each output holds, never from the code: the PDF's text as pdfplumber
reads it, the Word file's styles as python-docx reads them, and ``cv.html``'s
print stylesheet as a browser would apply it.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pdfplumber
import pytest
from docx import Document
from docx.shared import Length

from conftest import PAPERS, Build, full_cv

#: A centimetre in EMU, the Word file's unit.
CM = 360_000


def body_size(pdf: Path) -> float:
    """The size of most of the PDF's characters: its body text's."""
    with pdfplumber.open(pdf) as document:
        sizes = Counter(
            round(char["size"], 1) for page in document.pages for char in page.chars
        )
    return sizes.most_common(1)[0][0]


def test_the_body_text_is_ten_points_or_more_on_two_pages(pdf: Path) -> None:
    assert body_size(pdf) >= 10
    with pdfplumber.open(pdf) as document:
        assert len(document.pages) == 2


@pytest.fixture(scope="module", params=PAPERS)
def word(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Document:
    return Document(str(full_cv("docx", request.param, tmp_path_factory)))


def print_rules(cv_html: Build) -> dict[str, str]:
    """The declarations of cv.html's print stylesheet, by selector's end
    and property (``h2 color``, ``@page margin``)."""
    page = (cv_html.outdir / "cv.html").read_text(encoding="utf-8")
    [style] = [
        s for s in re.findall(r"<style>(.*?)</style>", page, re.S) if "cv-onepage" in s
    ]
    printed = style[style.index("@media print") :]
    found = {}
    for selector, body in re.findall(r"([^{}]+)\{([^{}]*)\}", printed):
        last = selector.strip().split()[-1]
        for declaration in body.split(";"):
            if ":" in declaration:
                name, value = declaration.split(":", 1)
                found[f"{last} {name.strip()}"] = value.strip()
    return found


def points(value: str) -> float:
    return float(re.match(r"[\d.]+", value)[0])  # type: ignore[index]


def emu(length: Length | None) -> int:
    assert length is not None
    return int(length)


def test_the_word_file_and_the_printed_page_read_one_look(
    word: Document, cv_html: Build, pdf: Path
) -> None:
    css = print_rules(cv_html)
    styles = word.styles
    # The text, the name and the sections' headings: one size each.
    assert styles["Normal"].font.size.pt == points(css[".cv-onepage font"].split()[0])
    assert styles["Normal"].font.size.pt == body_size(pdf)
    assert styles["Title"].font.size.pt == points(css["h1 font-size"])
    assert styles["Heading 1"].font.size.pt == points(css["h2 font-size"])
    assert styles["CV Details"].font.size.pt == points(
        css[".cv-entry-details font-size"]
    )
    # One line: baseline to baseline, as a multiple of the text's size.
    line = css[".cv-onepage font"].split()[0].split("/")[1]
    normal = styles["Normal"].paragraph_format
    assert round(normal.line_spacing.pt / styles["Normal"].font.size.pt, 2) == float(
        line
    )
    # One colour for headings and rules.
    accent = str(styles["Heading 1"].font.color.rgb)
    assert css["h2 color"].lstrip("#").upper() == accent
    # The margins: @page's (top, sides, bottom), the Word file's.
    top, side, bottom = (points(v) for v in css["@page margin"].split())
    section = word.sections[0]
    assert round(emu(section.top_margin) / CM, 2) == top
    assert round(emu(section.left_margin) / CM, 2) == side
    assert round(emu(section.right_margin) / CM, 2) == side
    assert round(emu(section.bottom_margin) / CM, 2) == bottom
