"""Any text in any field: shown as written in every output, never run,
never lost (roots/test-hostile)."""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import yaml
from bs4 import BeautifulSoup
from pypdf import PdfReader

from conftest import Build, build, epubcheck, normalise, poppler

ROOT = Path(__file__).parent / "roots" / "test-hostile"
ORGANISATION = "字节跳动 & Co. % $ # _ { } ~ ^ \\ end"
HIGHLIGHTS = [
    'Ported to .NET and .bashrc, said "yes" -- twice.',
    "\\input{/etc/passwd} and \\write18{echo pwned}",
    '<img src=x onerror="alert(1)"> and <b>bold</b>',
    "Cafe\u0301 with a combining accent, and an emoji: \U0001f680",
]
SKILLS = ["</script><!--<script>", "TCP/IP", "TCP IP", "Objective-C", "x--y", "C#"]


@pytest.fixture(scope="module")
def html(tmp_path_factory: pytest.TempPathFactory) -> Build:
    return build(ROOT, tmp_path_factory.mktemp("hostile"))


@pytest.fixture(scope="module")
def page(html: Build) -> BeautifulSoup:
    text = (html.outdir / "index.html").read_text(encoding="utf-8")
    return BeautifulSoup(text, "html.parser")


def test_it_builds_without_a_warning(html: Build) -> None:
    assert html.warnings == ""


def test_option_values_arrive_verbatim(page: BeautifulSoup) -> None:
    header = normalise(page.select_one(".cv-type-work .cv-entry-header").get_text(" "))
    assert ORGANISATION in header
    assert 'Engineer #2 of the team at "Chief" Engineer' in header
    assert "القاهرة" in header
    project = normalise(page.select_one(".cv-type-project").get_text(" "))
    assert "| pipe first" in project
    assert '"Course" project' in project


def test_html_in_the_text_is_shown_not_run(page: BeautifulSoup) -> None:
    article = page.select_one('[role="main"]')
    assert article.find(["img", "b"]) is None
    assert article.find("div", class_="raw") is None
    text = normalise(article.get_text(" "))
    assert HIGHLIGHTS[2] in text
    assert '<div class="raw">A block of HTML</div>' in text


def test_highlights_read_as_written_on_the_page(page: BeautifulSoup) -> None:
    items = [
        normalise(li.get_text())
        for li in page.select(".cv-type-work .cv-entry-body li")
    ]
    assert items == HIGHLIGHTS


def test_inline_json_cannot_end_its_script(page: BeautifulSoup, html: Build) -> None:
    raw = (html.outdir / "index.html").read_text(encoding="utf-8")
    start = raw.index('<script type="application/ld+json">')
    script = raw[start : raw.index("</script>", start)]
    body = script.split(">", 1)[1]
    assert not {"<", ">", "&"} & set(body)
    data = json.loads(body)
    assert SKILLS[0] in data["mainEntity"]["knowsAbout"]
    # What follows the script in the head is still the head's.
    assert page.head.select_one('meta[name="description"]') is not None


def test_every_id_on_the_page_is_unique(page: BeautifulSoup) -> None:
    ids = Counter(tag["id"] for tag in page.find_all(id=True))
    assert [name for name, count in ids.items() if count > 1] == []
    terms = [dt.get_text() for dt in page.select(".cv-skills-index dt")]
    assert {"TCP/IP", "TCP IP", "C#", "C"} <= set(terms)


@pytest.fixture(scope="module")
def resume(html: Build) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((html.outdir / "resume.json").read_text())
    return data


def test_exports_keep_every_character(html: Build, resume: dict[str, Any]) -> None:
    work = resume["work"][0]
    assert work["name"] == ORGANISATION
    assert work["position"] == "Engineer #2 of the team"
    assert work["description"] == '"Chief" Engineer'
    assert work["highlights"] == HIGHLIGHTS
    assert resume["basics"]["name"] == 'Ada "Quoted" Lovelace'
    rendercv = yaml.safe_load((html.outdir / "rendercv.yaml").read_text())
    experience = rendercv["cv"]["sections"]["Experience"][0]
    assert experience["company"] == ORGANISATION
    assert experience["highlights"] == HIGHLIGHTS


@pytest.fixture(scope="module")
def pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    result = build(ROOT, tmp_path_factory.mktemp("pdf"), buildername="pdf")
    assert result.warnings == ""
    return result.outdir / "ada-quoted-lovelace-cv.pdf"


def test_every_character_reaches_the_pdf_as_text(pdf: Path) -> None:
    # Arabic reads back in logical order, between marks of direction.
    text = unicodedata.normalize(
        "NFC", re.sub("[\u202a-\u202e]", "", poppler("pdftotext", pdf, "-"))
    )
    for typed in [
        ORGANISATION, "القاهرة", "Engineer #2 of the team", '"Chief" Engineer',
        "\\input{/etc/passwd} and \\write18{echo pwned}",
        '<img src=x onerror="alert(1)"> and <b>bold</b>',
        "Cafe\u0301 with a combining accent, and an emoji:", "\U0001f680",
        '<div class="raw">A block of HTML</div>', "| pipe first",
    ]:  # fmt: skip
        assert unicodedata.normalize("NFC", typed) in text, typed


def test_pdf_keywords_keep_every_character(pdf: Path) -> None:
    keywords = PdfReader(pdf).metadata["/Keywords"].split(", ")
    assert {"</script><!--<script>", "x--y", "C#", "Objective-C"} <= set(keywords)


@pytest.mark.audit
def test_the_epub_of_hostile_text_is_valid(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    result = build(ROOT, tmp_path_factory.mktemp("epub"), buildername="epub")
    assert result.warnings == ""
    assert epubcheck(result.outdir / "ada-quoted-lovelace-cv.epub") == []
