"""The real CV as an HTML site: clean build, every fact, every link."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import DOWNLOADS, Build, broken_links, normalise, page_text, site_pages
from facts import ALL as FACTS


def html_pages(app: Build) -> list[Path]:
    return site_pages(app.outdir)


def test_builds_without_warnings(cv_html: Build) -> None:
    assert cv_html.warnings == ""


@pytest.fixture(scope="module")
def site_text(cv_html: Build) -> str:
    return " ".join(page_text(page) for page in html_pages(cv_html))


@pytest.mark.parametrize("fact", FACTS)
def test_every_seed_fact_is_in_the_site(site_text: str, fact: str) -> None:
    assert normalise(fact) in site_text


def test_every_internal_link_and_anchor_resolves(cv_html: Build) -> None:
    assert broken_links(cv_html.outdir, "*.html") == []


def test_every_page_is_reachable_from_the_index(cv_html: Build) -> None:
    seen, todo = set(), ["index"]
    while todo:
        doc = todo.pop()
        if doc not in seen:
            seen.add(doc)
            todo.extend(cv_html.toctree_includes.get(doc, []))
    assert seen == cv_html.found_docs


def test_markdown_sources_are_not_published(cv_html: Build) -> None:
    # Sphinx always creates _sources/; it must stay empty. (The Markdown
    # résumés are downloads, under their own names.)
    published = [p.name for p in cv_html.outdir.rglob("*") if p.is_file()]
    sources = [name for name in published if ".md" in name]
    assert sorted(sources) == sorted(n for n in DOWNLOADS["en"] if n.endswith(".md"))
    assert list((cv_html.outdir / "_sources").iterdir()) == []


SECTION_PAGES = {
    "experience": [
        "February 2021 \u2013 Present Bytedance Inc., Infrastructure - "
        "Virtualization Team",
        "June 2020 \u2013 December 2020 Alibaba Group, Search and Recommendation "
        "Business Unit",
        "April 2020 \u2013 June 2020 Bytedance Inc., Lark Core Services Team",
        "June 2019 \u2013 August 2019 Tencent Inc., Cloud & Smart Industries "
        "Business Group (CSIG)",
    ],
    "projects": [
        "October 2019 \u2013 December 2019 WeirdOS",
        "August 2018 \u2013 June 2019 Open-Source Contribution for VS Code and Firefox",
        "May 2018 \u2013 September 2019 Recruit Open Platform",
    ],
    "teaching": [
        "August 2020 \u2013 December 2020 Teaching Assistant, ECE220 - Computer "
        "Systems Programming",
    ],
}


@pytest.mark.parametrize("section", sorted(SECTION_PAGES))
def test_each_section_page_lists_its_entries_with_dates(
    cv_html: Build, section: str
) -> None:
    page = cv_html.outdir / section / "index.html"
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    items = soup.select("article ul.cv-timeline > li")
    listed = [" ".join(li.get_text(" ").split()) for li in items]
    assert listed == SECTION_PAGES[section]
    assert all(li.select_one("a.reference.internal[href]") for li in items)
