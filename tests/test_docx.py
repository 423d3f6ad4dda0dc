"""The Word file (sphinx_cv.printed.word), read back as Word and résumé parsers read it.

python-docx reads every Word file the project builds (the CV on A4 and
Letter, each version, the Chinese edition, the hostile testroot): each seed
fact, the paragraph styles, reading order, hyperlinks, document
properties. LibreOffice opens and prints each (its pages counted here;
tests/test_ats.py reads its PDFs as a parser does), pandoc reads it as text.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import docx
import pytest
from docx.document import Document
from docx.oxml.ns import qn
from test_ats import found_heads, read
from test_hostile import HIGHLIGHTS, ORGANISATION

from conftest import (
    EPOCH,
    PAPERS,
    ROOT,
    Build,
    build,
    fitted_variant,
    full_cv,
    links,
    normalise,
    office_pdf,
    poppler,
    stopping_build,
)
from facts import ALL as FACTS
from facts import ENTRY_HEADS, PRINTED_AS, SECTIONS, ZH


@pytest.fixture(scope="module", params=PAPERS)
def paper(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture(scope="module")
def word(paper: str, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The CV's Word file on *paper*."""
    return full_cv("docx", paper, tmp_path_factory)


@pytest.fixture(scope="module")
def document(word: Path) -> Document:
    return docx.Document(str(word))


def texts(document: Document, style: str = "") -> list[str]:
    """The text of each paragraph (of *style*), hyperlinks' included."""
    return [
        p.text
        for p in document.paragraphs
        if not style or (p.style is not None and p.style.name == style)
    ]


@pytest.mark.parametrize("fact", FACTS)
def test_every_seed_fact_is_in_the_word_file(document: Document, fact: str) -> None:
    assert normalise(PRINTED_AS.get(fact, fact)) in normalise(
        "\n".join(texts(document))
    )


def test_the_name_is_the_title_and_each_section_a_heading(document: Document) -> None:
    assert texts(document, "Title") == ["Wenqing Luo"]
    assert texts(document, "Heading 1") == SECTIONS
    assert document.styles["Heading 1"].font.all_caps


def test_each_entry_begins_with_its_dates_at_a_right_tab(document: Document) -> None:
    heads = texts(document, "CV Entry")
    assert [
        max((h for h in ENTRY_HEADS if t.startswith(h)), key=len) for t in heads
    ] == (ENTRY_HEADS)
    for head in heads:
        _, when = head.split("\t")
        assert re.search(r"\b(19|20)\d\d\b", when), head
    [stop] = document.styles["CV Entry"].paragraph_format.tab_stops
    section = document.sections[0]
    width = section.page_width - section.left_margin - section.right_margin
    # Word keeps lengths in twips: the stop is within one of the width.
    assert abs(stop.position - width) <= 635
    assert str(stop.alignment) == "RIGHT (2)"


def test_highlights_are_list_bullets_once_in_reading_order(
    document: Document, cv_html: Build
) -> None:
    resume = json.loads((cv_html.outdir / "resume.json").read_text())
    bullets = [
        normalise(re.sub(r"\s*\[\d+\]", "", t)) for t in texts(document, "List Bullet")
    ]
    for entry in [*resume["work"], *resume["projects"]]:
        shown = [normalise(h) for h in entry.get("highlights", [])]
        assert all(bullets.count(h) == 1 for h in shown), shown
        positions = [bullets.index(h) for h in shown]
        assert positions == sorted(positions)


def test_everything_is_in_the_body_in_reading_order(
    word: Path, document: Document
) -> None:
    """No tables, no text boxes, no headers or footers: a parser reads the
    body's paragraphs, in order."""
    assert document.tables == []
    body = document.element.body
    assert not list(body.iter(qn("w:txbxContent")))
    assert not list(body.iter(qn("w:drawing")))
    with zipfile.ZipFile(word) as archive:
        names = archive.namelist()
    assert not [n for n in names if re.search(r"header|footer|thumbnail|customXml", n)]


def _hyperlinks(document: Document) -> tuple[set[str], list[str], set[str]]:
    """The document's web addresses, the bookmarks its internal links go
    to, and the bookmarks it has."""
    rels = document.part.rels
    body = document.element.body
    external, internal = set(), []
    for link in body.iter(qn("w:hyperlink")):
        if link.get(qn("r:id")):
            external.add(rels[link.get(qn("r:id"))].target_ref)
        else:
            internal.append(link.get(qn("w:anchor")))
    marks = {mark.get(qn("w:name")) for mark in body.iter(qn("w:bookmarkStart"))}
    return external, internal, marks


def test_the_links_are_the_pdfs_and_each_lands(
    document: Document, paper: str, tmp_path_factory: pytest.TempPathFactory
) -> None:
    pdf_uris, _ = links(full_cv("pdf", paper, tmp_path_factory))
    external, internal, marks = _hyperlinks(document)
    assert external == pdf_uris
    assert {"mailto:wenqing4@illinois.edu", "https://github.com/laphets"} <= external
    assert internal and set(internal) <= marks
    contacts = texts(document, "CV Contacts")
    assert contacts == [
        "wenqing4@illinois.edu | github.com/laphets | laphets.com | "
        "linkedin.com/in/wenqingluo"
    ]


def test_the_properties_name_the_cv_and_nothing_of_the_machine(
    document: Document, word: Path
) -> None:
    core = document.core_properties
    assert (core.title, core.author, core.last_modified_by) == ("Wenqing Luo",) * 3
    assert core.subject == "Curriculum vitae"
    assert {"Golang", "Kubernetes", "DPDK"} <= set(core.keywords.split(", "))
    assert len(core.keywords) <= 255
    assert core.language == "en"
    assert (core.comments, core.category, core.revision) == ("", "", 1)
    stamped = datetime.fromtimestamp(int(EPOCH), UTC)
    assert core.created == core.modified == stamped
    with zipfile.ZipFile(word) as archive:
        raw = b"".join(archive.read(name) for name in archive.namelist())
        app = archive.read("docProps/app.xml").decode()
        fonts = archive.read("word/fontTable.xml").decode()
    assert b"python-docx" not in raw and b"Macintosh" not in raw
    assert "<Application>sphinx-cv</Application>" in app
    assert re.findall(r'w:name="([^"]+)"', fonts) == ["Calibri", "Consolas"]


#: Each paper in EMU (a millimetre is 36,000, an inch 914,400), as ISO 216
#: and ANSI define it, not as the code does.
PAPER_SIZES = {
    "a4": (210 * 36_000, 297 * 36_000),
    "us-letter": (int(8.5 * 914_400), 11 * 914_400),
}


def test_the_paper_is_the_pdfs(document: Document, paper: str) -> None:
    section = document.sections[0]
    width, height = PAPER_SIZES[paper]
    assert abs(section.page_width - width) <= 635
    assert abs(section.page_height - height) <= 635


def test_two_builds_give_the_same_bytes(
    tmp_path: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """A build that reads every page again gives the bytes of the one that
    reused the site's reading (on A4: the paper changes no step)."""
    word = full_cv("docx", "a4", tmp_path_factory)
    saved = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = EPOCH
    try:
        again = build(ROOT, tmp_path, buildername="docx")
    finally:
        if saved is None:
            del os.environ["SOURCE_DATE_EPOCH"]
        else:
            os.environ["SOURCE_DATE_EPOCH"] = saved
    assert (again.outdir / word.name).read_bytes() == word.read_bytes()


# -- In a word processor -------------------------------------------------------------

#: The CV and each version, on each paper, with the pages each may take.
OPENED = [("", paper, 2) for paper in PAPERS] + [
    (name, paper, 1) for name in ("resume", "systems") for paper in PAPERS
]


def _word_file(name: str, paper: str, factory: pytest.TempPathFactory) -> Path:
    if not name:
        return full_cv("docx", paper, factory)
    return fitted_variant(name, paper, factory).docx


@pytest.mark.audit
@pytest.mark.parametrize(("name", "paper", "pages"), OPENED)
def test_libreoffice_opens_it_within_its_pages(
    name: str, paper: str, pages: int, tmp_path_factory: pytest.TempPathFactory
) -> None:
    printed = office_pdf(_word_file(name, paper, tmp_path_factory))
    said = poppler("pdfinfo", printed)
    assert int(re.search(r"Pages:\s+(\d+)", said)[1]) <= pages  # type: ignore[index]
    assert {"a4": "(A4)", "us-letter": "(letter)"}[paper] in said


@pytest.mark.audit
def test_libreoffice_opens_the_chinese_word_file_within_its_pages(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    printed = office_pdf(full_cv("docx", "a4", tmp_path_factory, "zh_CN"))
    pages = re.search(r"Pages:\s+(\d+)", poppler("pdfinfo", printed))
    assert pages is not None and int(pages[1]) <= 2
    assert "教育背景" in poppler("pdftotext", printed, "-")


@pytest.mark.parametrize("paper", PAPERS)
@pytest.mark.parametrize("name", ["resume", "systems"])
def test_a_version_holds_its_pdfs_selection(
    name: str, paper: str, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """The Word file of a version keeps what its PDF keeps, in order."""
    version = fitted_variant(name, paper, tmp_path_factory)
    document = docx.Document(str(version.docx))
    heads = [
        max((h for h in ENTRY_HEADS if t.startswith(h)), key=len)
        for t in texts(document, "CV Entry")
    ]
    assert heads == found_heads(read(version.pdf))
    bullets = [normalise(t) for t in texts(document, "List Bullet")]
    pdf_text = normalise(poppler("pdftotext", "-raw", version.pdf, "-"))
    assert all(bullet in pdf_text for bullet in bullets)
    assert document.core_properties.title == poppler_title(version.pdf)


def poppler_title(pdf: Path) -> str:
    return re.search(r"Title:\s+(.+)", poppler("pdfinfo", pdf))[1].strip()  # type: ignore[index]


def test_pandoc_reads_it_top_to_bottom(word: Path) -> None:
    if shutil.which("pandoc") is None:
        pytest.skip("needs pandoc (tests/install-tools installs it)")
    text = normalise(
        poppler("pandoc", "-f", "docx", "-t", "plain", "--wrap=none", word)
    )
    position = 0
    for head in ENTRY_HEADS:
        position = text.index(normalise(head), position) + 1
    for fact in FACTS:
        assert normalise(PRINTED_AS.get(fact, fact)) in text, fact


# -- Other editions, other text --------------------------------------------------------


def test_the_chinese_word_file_sets_chinese_in_a_cjk_face(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    word = full_cv("docx", "a4", tmp_path_factory, "zh_CN")
    document = docx.Document(str(word))
    defaults = document.styles.element.find(qn("w:docDefaults"))
    fonts = defaults.find(f".//{qn('w:rFonts')}")
    assert fonts.get(qn("w:eastAsia")) == "Noto Serif CJK SC"
    assert defaults.find(f".//{qn('w:lang')}").get(qn("w:eastAsia")) == "zh-CN"
    assert document.core_properties.language == "zh-CN"
    with zipfile.ZipFile(word) as archive:
        table = archive.read("word/fontTable.xml").decode()
    assert '<w:altName w:val="SimSun"/><w:charset w:val="86"/>' in table
    flowing = re.sub(r"\s", "", "".join(texts(document)))
    assert [fact for fact in ZH if re.sub(r"\s", "", fact) not in flowing] == []


HOSTILE = ROOT / "tests" / "roots" / "test-hostile"


def test_any_text_reaches_the_word_file_as_written(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    result = build(HOSTILE, tmp_path_factory.mktemp("hostile-docx"), buildername="docx")
    assert result.warnings == ""
    document = docx.Document(str(result.outdir / "ada-quoted-lovelace-cv.docx"))
    written = texts(document)
    assert any(ORGANISATION in text for text in written)
    assert texts(document, "List Bullet")[: len(HIGHLIGHTS)] == HIGHLIGHTS
    keywords = document.core_properties.keywords.split(", ")
    assert {"</script><!--<script>", "x--y", "C#", "Objective-C"} <= set(keywords)


def test_a_failed_build_keeps_the_previous_word_file(tmp_path: Path) -> None:
    """A template that fails stops the Word file, as the PDF, at its source."""
    srcdir = tmp_path / "src"
    shutil.copytree(ROOT / "tests" / "roots" / "test-prose", srcdir)
    outdir = tmp_path / "build" / "docx"
    outdir.mkdir(parents=True)
    previous = outdir / "ada-lovelace-cv.docx"
    previous.write_bytes(b"the previous Word file")
    (srcdir / "broken.typ").write_text("#let x = (\n", encoding="utf-8")
    said, status = stopping_build(
        srcdir,
        tmp_path / "build",
        buildername="docx",
        confoverrides={"cv_pdf_template": "broken.typ"},
    )
    assert status == 1
    assert said == (
        "ERROR: broken.typ: Typst could not set the CV: failed to compile "
        "document: unclosed delimiter [cv.pdf]\n"
    )
    assert previous.read_bytes() == b"the previous Word file"
