"""The whole CV on one web page (sphinx_cv.onepage): cv.html and the versions'.

cv.html of the real site (both editions): every seed fact, headings as a
résumé parser reads them, entries linking to their pages, the contact line,
the JSON-LD of the whole Person, and what JSON Resume's ATS validator checks
that the page can hold itself (one h1, no heading skipped, no tables, a
standard font named in its own stylesheet, no web fonts nor columns there,
icons decorative beside their text, a language). Printed by Chromium, it
takes three pages at most. Each version's page holds its PDF's selection.
axe, pa11y and the Nu checker read cv.html with every page of the site
(tests/test_quality.py, tests/test_audit.py); the versions' pages here.
"""

from __future__ import annotations

import itertools
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from pyld import jsonld
from test_ats import found_heads, read
from test_quality import CHROMIUM, NODE, VNU
from test_web import _offline_schema_org

from conftest import Build, fitted_variant, normalise, page_text, poppler
from facts import ALL as FACTS
from facts import ENTRY_HEADS, PRINTED_AS, SECTIONS, ZH


@pytest.fixture(scope="module")
def page(cv_html: Build) -> BeautifulSoup:
    return BeautifulSoup((cv_html.outdir / "cv.html").read_text("utf-8"), "html.parser")


@pytest.fixture(scope="module")
def text(cv_html: Build) -> str:
    return normalise(page_text(cv_html.outdir / "cv.html"))


@pytest.mark.parametrize("fact", FACTS)
def test_every_seed_fact_is_on_the_one_page(text: str, fact: str) -> None:
    # Addresses as they are typed, as in print.
    assert normalise(PRINTED_AS.get(fact, fact)) in text


def _headings(page: BeautifulSoup) -> list[tuple[int, str]]:
    return [
        (int(h.name[1]), " ".join(h.get_text().split()))
        for h in page.find_all(re.compile(r"^h[1-6]$"))
    ]


def _heads(page: BeautifulSoup) -> list[str]:
    """The entries' first lines as ENTRY_HEADS words them, in page order."""
    lines = page.select("article.cv-entry > .cv-entry-header > :first-child")
    found = [" ".join(line.get_text().split()) for line in lines]
    return [max((h for h in ENTRY_HEADS if t.startswith(h)), key=len) for t in found]


def test_headings_are_the_name_the_sections_and_the_entries(
    page: BeautifulSoup,
) -> None:
    headings = _headings(page)
    levels = [level for level, _ in headings]
    assert levels[0] == 1 and levels.count(1) == 1
    assert all(b <= a + 1 for a, b in itertools.pairwise(levels))
    # The skills index is the site's page, which every skill links to.
    assert [t for level, t in headings if level == 2] == [
        section for section in SECTIONS if section != "Skills index"
    ]
    entries = [t for level, t in headings if level == 3]
    assert [
        max((h for h in ENTRY_HEADS if t.startswith(h)), key=len) for t in entries
    ] == (ENTRY_HEADS)
    # Each entry's heading carries its dates, and links to the entry's page.
    for heading in page.select("article.cv-entry > .cv-entry-header > h3"):
        assert re.search(r"\b(19|20)\d\d\b", heading.get_text()), heading
        own = heading.select_one(".cv-entry-main a")
        assert own is not None and "#cv-" in own["href"], heading


def test_the_entries_read_in_the_pdfs_order(page: BeautifulSoup, pdf: Path) -> None:
    assert _heads(page) == found_heads(read(pdf))


def test_the_contact_line_is_text_with_decorative_icons(page: BeautifulSoup) -> None:
    header = page.select_one(".cv-onepage header")
    assert header is not None
    items = header.select(".cv-contact")
    assert [" ".join(i.get_text().split()) for i in items] == [
        "wenqing4@illinois.edu",
        "github.com/laphets",
        "laphets.com",
        "linkedin.com/in/wenqingluo",
    ]
    for item in items:
        icon = item.select_one("svg")
        assert icon is not None and icon["aria-hidden"] == "true"
        assert item.select_one("a").get_text().strip()  # text beside it


def test_what_a_resume_checker_reads(page: BeautifulSoup) -> None:
    """The checks of JSON Resume's ATS validator the page holds itself."""
    assert page.find("table") is None
    assert page.html["lang"] == "en"
    assert page.find("header") is not None and page.find("section") is not None
    headings = _headings(page)
    assert len(headings) >= 3 and all(len(t) >= 3 for _, t in headings)
    style = " ".join(s.get_text() for s in page.find_all("style")).lower()
    assert any(font in style for font in ("georgia", "times new roman", "helvetica"))
    assert "@font-face" not in style and "fonts.googleapis" not in style
    assert "column-count" not in style and "columns:" not in style
    assert not re.findall(r"font-size:\s*[0-9]px", style)
    body = page.body.get_text()
    assert not re.search("[\ue000-\uf8ff]", body)
    assert re.search(r"[\w.+-]+@[\w.-]+\.[a-z]{2,}", body)
    assert all(img.get("alt") for img in page.find_all("img"))


def test_the_json_ld_is_the_whole_person(page: BeautifulSoup) -> None:
    [script] = page.select('script[type="application/ld+json"]')
    data = json.loads(script.string or "")
    jsonld.expand(data, {"documentLoader": _offline_schema_org})
    person = data["mainEntity"]
    works = person["worksFor"]
    assert [w["worksFor"]["name"] for w in works] == [
        "Bytedance Inc.",
        "Alibaba Group",
        "Bytedance Inc.",
        "Tencent Inc.",
        "University of Illinois at Urbana\u2013Champaign",
    ]
    assert works[0]["startDate"] == "2021-02" and "endDate" not in works[0]
    assert (
        works[1]["roleName"] == "C++, LLVM, Tensorflow, Machine Learning System Intern"
    )
    assert works[1]["worksFor"]["department"]["name"] == (
        "Search and Recommendation Business Unit"
    )
    assert "hasOccupation" not in person  # the Roles say it, with dates
    assert [s["roleName"] for s in person["alumniOf"]] == [
        "M.S. in Computer Science",
        "B.S. in Computer Engineering",
        "B.E. in Electrical & Computer Engineering",
    ]
    assert len(person["award"]) == 4
    assert "13,749 teams" in person["award"][3]


def test_the_site_links_it_and_maps_it(cv_html: Build) -> None:
    index = BeautifulSoup((cv_html.outdir / "index.html").read_text(), "html.parser")
    link = index.select_one(".cv-downloads-title a")
    assert link is not None and link["href"] == "cv.html"
    assert link.get_text() == "The whole CV on one page"
    sitemap = (cv_html.outdir / "sitemap.xml").read_text()
    assert (
        "<loc>https://wenqing-luo-cv.readthedocs.io/en/latest/cv.html</loc>" in sitemap
    )


def test_the_chinese_edition_has_its_own(zh_html: Build) -> None:
    page = BeautifulSoup((zh_html.outdir / "cv.html").read_text(), "html.parser")
    assert page.html["lang"] == "zh-CN"
    flowing = re.sub(r"\s", "", page.get_text())
    assert [fact for fact in ZH if re.sub(r"\s", "", fact) not in flowing] == []
    assert [h.get_text() for h in page.find_all("h2")][:2] == ["教育背景", "实习经历"]


@pytest.mark.skipif(CHROMIUM is None, reason="needs chromium")
def test_printed_from_the_browser_it_takes_three_pages_at_most(
    cv_html: Build, tmp_path: Path
) -> None:
    printed = tmp_path / "cv.pdf"
    subprocess.run(
        ["node", NODE / "print.mjs", (cv_html.outdir / "cv.html").as_uri(), printed],
        env={**os.environ, "CHROMIUM": CHROMIUM or ""},
        check=True,
        capture_output=True,
    )
    pages = int(re.search(r"Pages:\s+(\d+)", poppler("pdfinfo", printed))[1])  # type: ignore[index]
    assert pages <= 3
    printed_text = normalise(poppler("pdftotext", printed, "-"))
    assert "EXPERIENCE" in printed_text and "13,749 teams" in printed_text
    # The site around it is not printed: its navigation, its footer.
    assert "Skills index References" not in printed_text
    assert "Made with" not in printed_text


# -- The versions' own pages ---------------------------------------------------------


@pytest.mark.parametrize("name", ["resume", "systems"])
def test_a_versions_page_holds_its_pdfs_selection(
    name: str, tmp_path_factory: pytest.TempPathFactory
) -> None:
    version = fitted_variant(name, "a4", tmp_path_factory)
    page = BeautifulSoup(
        version.pdf.with_suffix(".html").read_text("utf-8"), "html.parser"
    )
    assert _heads(page) == found_heads(read(version.pdf))
    pdf_text = normalise(poppler("pdftotext", "-raw", version.pdf, "-"))
    bullets = [normalise(li.get_text()) for li in page.select("article.cv-entry li")]
    assert bullets and all(bullet in pdf_text for bullet in bullets)
    assert (
        page.title.get_text()
        == re.search(r"Title:\s+(.+)", poppler("pdfinfo", version.pdf))[1].strip()
    )  # type: ignore[index]


@pytest.mark.audit
def test_the_versions_pages_pass_axe_and_the_nu_checker(
    tmp_path_factory: pytest.TempPathFactory, tmp_path: Path
) -> None:
    if CHROMIUM is None or not VNU.is_file():
        pytest.skip("needs chromium and tests/node")
    site = tmp_path / "site"
    site.mkdir()
    for name in ("resume", "systems"):
        built = fitted_variant(name, "a4", tmp_path_factory).pdf.with_suffix(".html")
        shutil.copy(built, site / built.name)
    result = subprocess.run(
        ["node", NODE / "axe.mjs", site, tmp_path / "shots", *sorted(
            p.name for p in site.glob("*.html"))],
        env={**os.environ, "CHROMIUM": CHROMIUM},
        capture_output=True,
        text=True,
        check=True,
    )  # fmt: skip
    assert json.loads(result.stdout) == []
    checked = subprocess.run(
        ["java", "-jar", VNU, "--errors-only", "--format", "json", site],
        capture_output=True,
        text=True,
        check=False,
    )
    assert json.loads(checked.stderr)["messages"] == []
