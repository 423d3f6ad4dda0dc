"""The real CV as an HTML site: clean build, every fact, every link."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest
from bs4 import BeautifulSoup

from conftest import Build, normalise, page_text
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


def internal_links(page: Path, outdir: Path) -> list[tuple[str, Path, str]]:
    """Every same-site ``href``/``src`` of a page: (raw, target file, anchor)."""
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    links = []
    for tag in soup.find_all(["a", "link", "img", "script"]):
        raw = tag.get("href") or tag.get("src")
        if not raw or urlparse(raw).scheme or raw.startswith("//"):
            continue
        parts = urlparse(raw)
        path, anchor = parts.path, parts.fragment
        target = (page.parent / unquote(path)).resolve() if path else page
        assert target.is_relative_to(outdir), f"{page}: {raw} leaves the site"
        links.append((raw, target, anchor))
    return links


def test_every_internal_link_and_anchor_resolves(cv_html: Build) -> None:
    outdir = cv_html.outdir.resolve()
    ids: dict[Path, set[str]] = {}
    broken = []
    for page in html_pages(cv_html):
        for raw, target, anchor in internal_links(page.resolve(), outdir):
            if target.is_dir():
                target = target / "index.html"
            if not target.is_file():
                broken.append(f"{page.name}: {raw} (no file)")
                continue
            if anchor and target.suffix == ".html":
                if target not in ids:
                    soup = BeautifulSoup(
                        target.read_text(encoding="utf-8"), "html.parser"
                    )
                    ids[target] = {tag["id"] for tag in soup.find_all(id=True)}
                if anchor not in ids[target]:
                    broken.append(f"{page.name}: {raw} (no anchor)")
    assert broken == []


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
