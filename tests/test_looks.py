"""Looks of the printed CV: each (cv_theme) sets this CV's PDF and Word file.

(The HTML themes a project uses are tests/test_themes.py's.)

Every look keeps what the CV's PDF promises: at most two pages, tagged and
declaring PDF/UA-1, every seed fact in its text, fonts embedded, body text
of 10 pt or more; and its Word file builds in the same look's values.
"""

from __future__ import annotations

import re
import statistics
from pathlib import Path

import pdfplumber
import pikepdf
import pytest
from docx import Document

from conftest import ROOT, Build, build, normalise, poppler
from facts import ALL as FACTS
from facts import PRINTED_AS
from sphinx_cv import cli
from sphinx_cv.look import THEMES


@pytest.fixture(scope="module", params=list(THEMES))
def themed(
    request: pytest.FixtureRequest,
    cv_html: Build,
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[str, Path, Path]:
    """(theme, its PDF, its Word file), from the site's reading."""
    theme = request.param
    found = []
    for builder in ("pdf", "docx"):
        done = build(
            ROOT,
            tmp_path_factory.mktemp(f"{theme}-{builder}"),
            read=cv_html,
            buildername=builder,
            confoverrides={"cv_theme": theme},
        )
        assert done.warnings == ""
        [written] = done.outdir.glob(f"wenqing-luo-cv.{builder}")
        found.append(written)
    return theme, found[0], found[1]


def test_each_look_keeps_what_the_pdf_promises(themed: tuple[str, Path, Path]) -> None:
    theme, pdf, _ = themed
    with pikepdf.open(pdf) as document:
        assert len(document.pages) <= 2, theme
        assert bool(document.Root.MarkInfo.Marked) is True
        assert document.open_metadata()["pdfuaid:part"] == "1"
    text = poppler("pdftotext", "-enc", "UTF-8", pdf, "-")
    flowing = normalise(text)
    missing = [
        fact
        for fact in FACTS
        if normalise(PRINTED_AS.get(fact, fact)) not in flowing
        and not ("://" in fact and fact in re.sub(r"\s", "", text))
    ]
    assert missing == [], theme
    for row in poppler("pdffonts", pdf).splitlines()[2:]:
        assert row.split()[-5] == "yes", f"{theme}: not embedded: {row}"
    with pdfplumber.open(pdf) as document:
        sizes = [round(c["size"], 1) for page in document.pages for c in page.chars]
    assert statistics.mode(sizes) >= 10, theme


def test_each_look_sets_the_word_file(themed: tuple[str, Path, Path]) -> None:
    theme, _, docx = themed
    document = Document(str(docx))
    assert document.paragraphs[0].text == "Wenqing Luo"
    look = THEMES[theme].look
    heading = document.styles["Heading 1"]
    assert str(heading.font.color.rgb) == look.accent.lstrip("#").upper()
    assert heading.font.all_caps is look.capitals


def test_a_value_of_the_look_is_set_otherwise_by_cv_look(
    cv_html: Build, tmp_path: Path
) -> None:
    done = build(
        ROOT,
        tmp_path,
        read=cv_html,
        buildername="docx",
        confoverrides={"cv_theme": "modern", "cv_look": {"accent": "#7a1f5c"}},
    )
    assert done.warnings == ""
    [docx] = done.outdir.glob("*.docx")
    heading = Document(str(docx)).styles["Heading 1"]
    assert str(heading.font.color.rgb) == "7A1F5C"


def test_sphinx_cv_themes_lists_each_look(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["themes"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split()[0] for line in lines] == list(THEMES)
    assert all(len(line.split()) > 3 for line in lines)
