"""furo's navigation made once a build (sphinx_cv.furo.navigation): every page is
the bytes furo writes when it renders the tree for each page itself."""

from __future__ import annotations

from pathlib import Path

import pytest
from furo.navigation import get_navigation_tree
from sphinx.testing.util import SphinxTestApp

from conftest import ROOT, Build, offer_downloads
from sphinx_cv.furo import navigation

TESTROOT = Path(__file__).parent / "roots" / "test-navigation"


def pages(
    srcdir: Path, builddir: Path, builder: str, *, cached: bool
) -> dict[str, bytes]:
    """Every page of a build, by path; with furo rendering the navigation
    for each page itself (*cached* false: this package's listeners are
    disconnected) or from the tree made once."""
    app = SphinxTestApp(buildername=builder, srcdir=srcdir, builddir=builddir)
    try:
        if not cached:
            for listeners in app.events.listeners.values():
                for listener in list(listeners):
                    if listener.handler.__module__ == navigation.__name__:
                        app.disconnect(listener.id)
        get_navigation_tree.cache_clear()
        app.build()
        assert app.warning.getvalue() == ""
        # The trees furo read back: the empty one it was answered with and
        # the site's, or one for each place a page can be in.
        rendered = get_navigation_tree.cache_info().currsize
        outdir = Path(app.outdir)
        written = {
            str(p.relative_to(outdir)): p.read_bytes() for p in outdir.rglob("*.html")
        }
    finally:
        app.cleanup()
    assert rendered == 2 if cached else rendered > 2
    return written


@pytest.mark.parametrize("builder", ["html", "dirhtml"])
def test_every_page_is_what_furo_writes(tmp_path: Path, builder: str) -> None:
    cached = pages(TESTROOT, tmp_path / "cached", builder, cached=True)
    furo = pages(TESTROOT, tmp_path / "furo", builder, cached=False)
    # Nine pages, the whole CV's, the search page and the index.
    assert len(furo) == 12
    assert sorted(p for p in furo if cached[p] != furo[p]) == []


def test_the_page_is_marked_where_it_is(tmp_path: Path) -> None:
    written = pages(TESTROOT, tmp_path, "html", cached=True)
    page = written["folder/deeper/d.html"].decode("utf-8")
    assert (
        '<li class="toctree-l3 current current-page">'
        '<a class="current reference internal" href="#">D, three folders down</a>'
    ) in page
    assert '<a class="reference internal" href="../../a.html">' in page
    assert 'href="https://example.com/a?b=1&amp;c=2"' in page
    assert page.count('checked=""') == 2


def test_the_cv_is_what_furo_writes(cv_html: Build, tmp_path: Path) -> None:
    furo = pages(ROOT, offer_downloads(tmp_path, "en"), "html", cached=False)
    cached = {
        str(p.relative_to(cv_html.outdir)): p.read_bytes()
        for p in cv_html.outdir.rglob("*.html")
    }
    assert sorted(p for p in furo if cached[p] != furo[p]) == []
