"""Looks of the printed CV: each (cv_theme) sets this CV's PDF and Word file.

(The HTML themes a project uses are tests/test_themes.py's.)

Every look keeps what the CV's PDF promises: at most two pages, tagged and
declaring PDF/UA-1, every seed fact in its text, fonts embedded, body text
of 10 pt or more; and its Word file builds in the same look's values.
"""

from __future__ import annotations

import re
import shutil
import statistics
from pathlib import Path

import pdfplumber
import pikepdf
import pytest
from docx import Document

from conftest import ROOT, Build, build, full_cv, normalise, poppler, root
from facts import ALL as FACTS
from facts import PRINTED_AS
from sphinx_cv import cli
from sphinx_cv.look import THEMES


@pytest.fixture(scope="module", params=list(THEMES))
def themed(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> tuple[str, Path, Path]:
    """(theme, its PDF, its Word file): built once a run for every test
    worker, as the other tests' printed CVs are (conftest.full_cv)."""
    theme = request.param
    pdf = full_cv("pdf", "a4", tmp_path_factory, look=theme)
    docx = full_cv("docx", "a4", tmp_path_factory, look=theme)
    return theme, pdf, docx


def test_each_look_keeps_what_the_pdf_promises(themed: tuple[str, Path, Path]) -> None:
    theme, pdf, _ = themed
    with pikepdf.open(pdf) as document:
        assert len(document.pages) <= 2, theme
        assert bool(document.Root.MarkInfo.Marked) is True
        assert document.open_metadata()["pdfuaid:part"] == "1"
    text = poppler("pdftotext", "-enc", "UTF-8", pdf, "-")
    # The line a page opens with to name the section it continues is not
    # the text's; a line may break after a slash (Clang/ LLVM).
    text = re.sub(r"^.* \(CONTINUED\)$", "", text, flags=re.M)
    flowing = re.sub(r"(?<=[/-]) ", "", normalise(text))
    missing = [
        fact
        for fact in FACTS
        if re.sub(r"(?<=[/-]) ", "", normalise(PRINTED_AS.get(fact, fact)))
        not in flowing
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


PHOTO = root("photo")


def _figures(pdf: Path) -> list[str]:
    """The alternative text of each figure of the PDF's structure tree."""
    found: list[str] = []

    def walk(element: object) -> None:
        if isinstance(element, pikepdf.Array):
            for child in element:
                walk(child)
        elif isinstance(element, pikepdf.Dictionary) and "/S" in element:
            if str(element.S) == "/Figure":
                found.append(str(element.get("/Alt", "")))
            walk(element.get("/K"))

    with pikepdf.open(pdf) as document:
        walk(document.Root.StructTreeRoot.K)
    return found


@pytest.mark.parametrize("shown", [False, True])
def test_a_photo_is_printed_only_where_cv_photo_says(
    tmp_path: Path, shown: bool
) -> None:
    """Off by default; on, beside the name in the PDF (a figure described
    by the person's name) and above it in the Word file (described too)."""
    overrides = {"cv_photo": shown}
    pdf_build = build(
        PHOTO, tmp_path / "pdf", buildername="pdf", confoverrides=overrides
    )
    assert pdf_build.warnings == ""
    [pdf] = pdf_build.outdir.glob("*.pdf")
    assert _figures(pdf) == (["Ada Lovelace"] if shown else [])
    images = poppler("pdfimages", "-list", pdf).splitlines()[2:]
    assert len(images) == (1 if shown else 0)
    text = normalise(poppler("pdftotext", pdf, "-"))
    assert text.startswith("Ada Lovelace ada@example.org Analytical Engines Ltd.")
    word = build(PHOTO, tmp_path / "docx", buildername="docx", confoverrides=overrides)
    [docx] = word.outdir.glob("*.docx")
    described = [
        shape._inline.docPr.get("descr") for shape in Document(str(docx)).inline_shapes
    ]
    assert described == (["Ada Lovelace"] if shown else [])


def test_a_photo_that_is_not_there_is_named_at_the_persons_line(
    tmp_path: Path,
) -> None:
    source = tmp_path / "src"
    shutil.copytree(PHOTO, source)
    (source / "portrait.png").unlink()
    done = build(
        source, tmp_path / "pdf", buildername="pdf", confoverrides={"cv_photo": True}
    )
    assert done.warnings.strip().endswith(
        "index.md:3: WARNING: cv:person: :photo: portrait.png is not a file beside "
        "the page [cv.value]"
    )


def test_the_two_column_look_reads_its_narrow_column_whole_first(
    cv_html: Build, tmp_path: Path
) -> None:
    """The text layer (the content's order, as pdftotext -raw reads it)
    holds the narrow column's sections whole, before the wide one's: never
    a line of one between lines of the other."""
    done = build(
        ROOT,
        tmp_path,
        read=cv_html,
        buildername="pdf",
        confoverrides={"cv_theme": "two-column"},
    )
    assert done.warnings == ""
    [pdf] = done.outdir.glob("*.pdf")
    first = poppler("pdftotext", "-raw", "-l", "1", pdf, "-")
    order = [
        first.index(text)
        for text in (
            "HONORS AND",
            "Dean's",
            "Interdisciplinary Contest",
            "SKILLS",
            "Relative Courses",
            "EDUCATION",
            "M.S. in Computer Science, advisor",
            "EXPERIENCE",
        )
    ]
    assert order == sorted(order)
