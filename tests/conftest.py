"""Shared fixtures: Sphinx's own test fixtures and one build of the real CV."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup
from sphinx.testing.util import SphinxTestApp
from sphinx.util.console import strip_escape_sequences

pytest_plugins = ("sphinx.testing.fixtures",)

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def rootdir() -> Path:
    """Where the testroots live, for ``@pytest.mark.sphinx(testroot=...)``."""
    return Path(__file__).resolve().parent / "roots"


@dataclass(frozen=True)
class Build:
    """What a finished build left: its output and what it said."""

    outdir: Path
    warnings: str
    found_docs: set[str]
    toctree_includes: dict[str, list[str]]


def build(
    srcdir: Path, builddir: Path, *, freshenv: bool = True, **kwargs: Any
) -> Build:
    """Build a project, by default from a clean environment and as html, for
    fixtures wider than one test.

    The application is cleaned up at once: a live one keeps its node classes
    registered with docutils and every later application would warn.
    """
    app = SphinxTestApp(srcdir=srcdir, builddir=builddir, freshenv=freshenv, **kwargs)
    try:
        app.build()
        return Build(
            outdir=Path(app.outdir),
            warnings=strip_escape_sequences(app.warning.getvalue()),
            found_docs=set(app.env.found_docs),
            toctree_includes=dict(app.env.toctree_includes),
        )
    finally:
        app.cleanup()


@pytest.fixture(scope="session")
def cv_html(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The real CV, built once as HTML."""
    return build(ROOT, tmp_path_factory.mktemp("cv"))


def normalise(text: str) -> str:
    """Collapse white space and typographic quotes, as a reader sees text."""
    text = text.replace("\u2019", "'").replace("\u2018", "'")
    text = text.replace("\u201c", '"').replace("\u201d", '"')
    return re.sub(r"\s+", " ", text).strip()


# Elements that end a run of text; inline ones (links, the <span>s Sphinx
# wraps around an e-mail address's "@" and ".") must not split words.
BLOCKS = ["p", "li", "dt", "dd", "div", "section", "td", "th", "caption", "br"]
BLOCKS += [f"h{level}" for level in range(1, 7)]


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
