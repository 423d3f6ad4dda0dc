"""The résumé as Markdown and as plain text: every fact, and what a reader of each gets.

``make markdown`` and ``make plaintext`` write the printed document: the
CV's own (in-process here), each version's (by ``make variants``, as
tests/conftest.py builds them). Markdown is read back with markdown-it
(CommonMark), as GitHub and the like read it; plain text must hold no
markup and give one line to each paragraph and bullet, for a form's text box.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from markdown_it import MarkdownIt
from test_variants import kept, pdf_text

from conftest import Build, VariantPDF, full_cv, normalise
from facts import ALL as FACTS
from facts import PRINTED_AS, SECTIONS


@pytest.fixture(scope="module")
def markdown(tmp_path_factory: pytest.TempPathFactory) -> str:
    return full_cv("markdown", "a4", tmp_path_factory).read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def plaintext(tmp_path_factory: pytest.TempPathFactory) -> str:
    return full_cv("plaintext", "a4", tmp_path_factory).read_text(encoding="utf-8")


def read_markdown(text: str) -> BeautifulSoup:
    """*text* as a CommonMark reader renders it."""
    return BeautifulSoup(MarkdownIt("commonmark").render(text), "html.parser")


@pytest.mark.parametrize("fact", FACTS)
def test_every_fact_is_in_both(markdown: str, plaintext: str, fact: str) -> None:
    fact = normalise(PRINTED_AS.get(fact, fact))
    assert fact in normalise(read_markdown(markdown).get_text(" "))
    assert fact in normalise(plaintext)


def test_markdown_reads_as_a_resume(markdown: str) -> None:
    page = read_markdown(markdown)
    assert [h.get_text() for h in page.select("h1")] == ["Wenqing Luo"]
    assert [h.get_text() for h in page.select("h2")] == SECTIONS
    # Each entry a third-level heading with its dates; its bullets a list.
    first = page.select("h3")[0].get_text()
    assert first == "University of Illinois at Urbana–Champaign — 2021 – Present"
    links = {a["href"] for a in page.select("a")}
    assert "mailto:wenqing4@illinois.edu" in links
    assert "https://github.com/laphets/WeirdOS" in links
    # What the pages wrote is shown as written: no backslash is left over.
    assert "\\" not in page.get_text()


def test_plain_text_has_no_markup_and_a_line_a_paragraph(plaintext: str) -> None:
    assert not any(mark in plaintext for mark in ("**", "](", "<", "\\"))
    lines = plaintext.splitlines()
    assert "EXPERIENCE" in lines and "PROJECTS" in lines
    bullet = next(line for line in lines if line.startswith("- Build up an automated"))
    assert bullet.endswith("real-time ML inference engine.")  # not wrapped
    assert "wenqing4@illinois.edu | github.com/laphets | laphets.com" in plaintext


@pytest.mark.parametrize("suffix", [".md", ".txt"])
def test_each_version_has_its_pdfs_selection(
    variant_pdf: VariantPDF, suffix: str, cv_html: Build
) -> None:
    """A version's Markdown and plain text hold the highlights of the
    entries its PDF keeps, and none it leaves out."""
    written: Path = variant_pdf.pdf.with_suffix(suffix)
    text = normalise(written.read_text(encoding="utf-8").replace("\\", ""))
    printed = pdf_text(variant_pdf.pdf)
    entries = cv_html.entries
    keep = kept(variant_pdf, entries)
    for entry in entries.values():
        for highlight in entry.highlights:
            shown = normalise(highlight)
            assert (shown in text) == (shown in printed), highlight
        if entry.id not in keep:
            assert all(normalise(h)[:60] not in text for h in entry.highlights)
