"""Shared fixtures: Sphinx's own test fixtures and one build of the real CV."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from sphinx.testing.util import SphinxTestApp

pytest_plugins = ("sphinx.testing.fixtures",)

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def rootdir() -> Path:
    """Where the testroots live, for ``@pytest.mark.sphinx(testroot=...)``."""
    return Path(__file__).resolve().parent / "roots"


@pytest.fixture(scope="session")
def cv_html(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SphinxTestApp]:
    """The real CV, built once as HTML from a clean environment."""
    app = SphinxTestApp(
        "html",
        srcdir=ROOT,
        builddir=tmp_path_factory.mktemp("cv"),
        freshenv=True,
    )
    try:
        app.build()
        yield app
    finally:
        app.cleanup()


def normalise(text: str) -> str:
    """Collapse white space and typographic quotes, as a reader sees text."""
    text = text.replace("\u2019", "'").replace("\u2018", "'")
    text = text.replace("\u201c", '"').replace("\u201d", '"')
    return re.sub(r"\s+", " ", text).strip()


# Elements that end a run of text; inline ones (links, the <span>s Sphinx
# wraps around an e-mail address's "@" and ".") must not split words.
BLOCKS = "p li dt dd h1 h2 h3 h4 h5 h6 div section td th caption br".split()


def page_text(html_file: Path) -> str:
    """The normalised text of a page's main content, without theme chrome."""
    soup = BeautifulSoup(html_file.read_text(encoding="utf-8"), "html.parser")
    article = soup.find("article")
    assert article is not None, f"{html_file} has no <article>"
    for anchor in article.select("a.headerlink"):
        anchor.decompose()
    for block in article.find_all(BLOCKS):
        block.append(" ")
    return normalise(article.get_text())
