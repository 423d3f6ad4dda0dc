"""The real CV as an HTML site: clean build, every fact, every link."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import Build, broken_links, normalise, page_text
from facts import ALL as FACTS


def html_pages(app: Build) -> list[Path]:
    return sorted(app.outdir.rglob("*.html"))


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
    # Sphinx always creates _sources/; it must stay empty.
    published = [p.name for p in cv_html.outdir.rglob("*") if p.is_file()]
    assert [name for name in published if ".md" in name] == []
    assert list((cv_html.outdir / "_sources").iterdir()) == []
