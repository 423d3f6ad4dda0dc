"""Cover letters: set in the CV's look, one page, tagged, never published.

``roots/test-letters`` is a CV with one letter (``letters/acme.md``). The
letter is a PDF and a Word file of one page under the CV's own head; no
build of the CV (site, search index, sitemap, ePub, exports) holds a word
of it; a letter over one page stops, saying by how much, and the previous
file stays.
"""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pikepdf
import pytest
from docx import Document
from test_pdf import structure

from conftest import build, normalise, office_pdf, poppler, root
from sphinx_cv import cli

ROOT = root("letters")
MARKER = "private-letter-marker"


def set_letters(sources: Path, builddir: Path, *names: str) -> int:
    """`sphinx-cv letters`, as `make letters` runs it."""
    argv = ["letters", *names, "--sources", str(sources)]
    return cli.main([*argv, "--builddir", str(builddir)])


@pytest.fixture(scope="module")
def letter(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The letters' build folder, as `sphinx-cv letters` writes it."""
    builddir = tmp_path_factory.mktemp("letters")
    assert set_letters(ROOT, builddir) == 0
    return builddir / "letters"


def test_the_letter_is_one_tagged_page_under_the_cvs_head(
    letter: Path, tmp_path: Path
) -> None:
    pdf = letter / "pdf" / "ada-lovelace-letter-acme.pdf"
    text = normalise(poppler("pdftotext", "-enc", "UTF-8", pdf, "-"))
    assert text.startswith(
        "Ada Lovelace ada@example.org | example.org September 1, 1843 Grace Hopper "
        "Head of Engineering Acme Corp. 1 Example Street, Springfield Application "
        "for the position of Programmer Dear Ms Hopper, Only this letter says"
    )
    # A link to the CV's entry reads as the entry's name.
    assert "At Analytical Engines Ltd. I wrote the first program." in text
    assert text.endswith("Yours sincerely, Ada Lovelace")
    # The head is the CV's own, as the CV's PDF sets it.
    cv = build(ROOT, tmp_path, buildername="pdf")
    assert cv.warnings == ""
    head = normalise(poppler("pdftotext", cv.outdir / "ada-lovelace-cv.pdf", "-"))
    assert head.startswith("Ada Lovelace ada@example.org | example.org ")
    with pikepdf.open(pdf) as document:
        assert len(document.pages) == 1
        assert bool(document.Root.MarkInfo.Marked) is True
        assert str(document.Root.Lang) == "en"
        xmp = document.open_metadata()
        assert xmp["pdfuaid:part"] == "1"
        assert (
            xmp["dc:title"]
            == "Ada Lovelace: Application for the position of Programmer"
        )
    assert structure(pdf)[:2] == [("/Document", ""), ("/H1", "Ada Lovelace")] or (
        "/H1",
        "Ada Lovelace",
    ) in structure(pdf)


def test_the_word_letter_has_the_same_words(letter: Path) -> None:
    docx = letter / "docx" / "ada-lovelace-letter-acme.docx"
    paragraphs = [p.text for p in Document(str(docx)).paragraphs if p.text.strip()]
    assert paragraphs[0] == "Ada Lovelace"
    assert "Dear Ms Hopper," in paragraphs
    assert paragraphs[-2:] == ["Yours sincerely,", "Ada Lovelace"]


@pytest.mark.audit
def test_libreoffice_opens_the_word_letter_in_one_page(letter: Path) -> None:
    converted = office_pdf(letter / "docx" / "ada-lovelace-letter-acme.docx")
    with pikepdf.open(converted) as document:
        assert len(document.pages) == 1


def test_no_build_of_the_cv_holds_a_letter(tmp_path: Path) -> None:
    """The site (its pages, search index, sitemap, exports) and the ePub,
    as make all and Read the Docs build them, hold no word of a letter."""
    site = build(ROOT, tmp_path / "site")
    assert site.warnings == ""
    assert "letters/acme" not in site.found_docs
    book = build(ROOT, tmp_path / "epub", buildername="epub")
    assert book.warnings == ""
    published = [p for p in site.outdir.rglob("*") if p.is_file()]
    assert any(p.name == "sitemap.xml" for p in published)
    holding = [p for p in published if MARKER.encode() in p.read_bytes()]
    [epub] = book.outdir.glob("*.epub")
    with zipfile.ZipFile(epub) as archive:
        holding += [n for n in archive.namelist() if MARKER.encode() in archive.read(n)]
    assert holding == []


def test_a_letter_over_one_page_stops_and_keeps_the_last_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sources = tmp_path / "cv"
    shutil.copytree(ROOT, sources)
    builddir = tmp_path / "build"
    assert set_letters(sources, builddir) == 0
    pdf = builddir / "letters" / "pdf" / "ada-lovelace-letter-acme.pdf"
    before = pdf.read_bytes()
    page = sources / "letters" / "acme.md"
    long = "\n\n".join(["A paragraph that goes on and on. " * 12] * 14)
    page.write_text(page.read_text().replace("I wrote the first program.", long))
    capsys.readouterr()
    assert set_letters(sources, builddir) == 1
    said = capsys.readouterr().err
    assert (
        "letters/acme.md:1: ERROR: the letter does not fit one page: it runs " in said
    )
    assert "; shorten it [cv.pages]" in said
    assert pdf.read_bytes() == before


def test_a_letter_that_is_not_there_is_named(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    assert set_letters(ROOT, tmp_path, "globex") == 1
    assert capsys.readouterr().err == (
        f"sphinx-cv: error: {ROOT / 'letters'}: no letter globex.md (letters: acme)\n"
    )


def test_a_new_projects_example_letter_is_set(tmp_path: Path) -> None:
    """`sphinx-cv new`, then `make letters`: the example letter, one page."""
    project = tmp_path / "cv"
    assert cli.main(["new", str(project), "--name", "Ada Lovelace"]) == 0
    assert set_letters(project, tmp_path / "build") == 0
    pdf = tmp_path / "build" / "letters" / "pdf" / "ada-lovelace-letter-example.pdf"
    with pikepdf.open(pdf) as document:
        assert len(document.pages) == 1
    text = normalise(poppler("pdftotext", "-enc", "UTF-8", pdf, "-"))
    assert text.startswith(
        "Ada Lovelace you@example.com | example.com | github.com/you"
    )
    assert "This is an example letter. Its words say nothing about you" in text
    assert (tmp_path / "build" / "letters" / "docx" / f"{pdf.stem}.docx").is_file()
