"""sphinx-cv under any theme: the CV builds strictly and whole with the themes
Sphinx projects use; furo's layer, and furo, are loaded only under furo."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp
from sphinx.util.console import strip_escape_sequences

from conftest import ROOT, normalise, offer_downloads, page_text, site_pages
from facts import ALL as FACTS
from sphinx_cv.assets import theme_stylesheets
from sphinx_cv.stylesheets import Rule, parse, split

PYDATA = "styles/pydata-sphinx-theme.css"
#: Themes other than furo, and their stylesheets (theirs and the themes'
#: they build on) that style sphinx-design's components: sphinx_cv.assets
#: serves them reduced to the components the pages use.
THEMES = {
    "alabaster": set(),
    "sphinx_rtd_theme": set(),
    "pydata_sphinx_theme": {PYDATA},
    "sphinx_book_theme": {PYDATA, "styles/sphinx-book-theme.css"},
}


def statements(rules: list[Rule], within: tuple[str, ...] = ()) -> set[tuple[str, ...]]:
    """Every declaration of *rules* under each of its selectors, and every
    other statement, with the group rules around it."""
    found: set[tuple[str, ...]] = set()
    for rule in rules:
        if rule.is_group:
            found |= statements(rule.rules, (*within, rule.prelude))
        elif rule.is_style:
            for selector in split(rule.prelude, ","):
                found |= {(*within, selector, d) for d in rule.declarations}
        else:
            found.add((*within, rule.prelude, rule.body or ""))
    return found


def theirs(statement: tuple[str, ...]) -> bool:
    """Whether a statement is the theme's own, not sphinx-design's: its
    selector names no ``sd-`` class and it sets no ``--sd-`` property."""
    *_, selector, declaration = statement
    return ".sd-" not in selector and not declaration.startswith("--sd-")


#: Sphinx's scripts that a theme's may read: its options and its helpers.
SPHINX_SCRIPTS = {"documentation_options.js", "doctools.js"}


def reads_sphinx_without_it(page: Path) -> bool:
    """Whether *page* runs a script that reads Sphinx's options (an inline
    one, or Sphinx's search) without loading Sphinx's scripts."""
    html = page.read_text(encoding="utf-8")
    linked = {
        Path(src.split("?")[0]).name
        for src in re.findall(r'<script[^>]*\ssrc="([^"]+)"', html)
    }
    inline = re.findall(r"<script(?![^>]*\ssrc=)[^>]*>(.*?)</script>", html, re.S)
    reads = any("DOCUMENTATION_OPTIONS" in script for script in inline)
    return (reads or "searchtools.js" in linked) and not linked >= SPHINX_SCRIPTS


def build_with(theme: str, builddir: Path) -> tuple[str, Path, dict[str, Path]]:
    """The CV built with *theme*: what it said, where it went, and the
    theme's stylesheets that sphinx_cv.assets served reduced (those that
    style sphinx-design's components, the inherited themes' too)."""
    # A list of its own: pydata-sphinx-theme and sphinx-book-theme append
    # their folders to templates_path in place, and Sphinx's default list
    # is one for every application of the process (a later gettext build of
    # the CV would read their templates).
    app = SphinxTestApp(
        srcdir=ROOT,
        builddir=builddir,
        confoverrides={"html_theme": theme, "templates_path": []},
    )
    try:
        app.build()
        return app.warning.getvalue(), Path(app.outdir), theme_stylesheets(app)
    finally:
        app.cleanup()


# sphinx-book-theme 1.4 reads an attribute Sphinx 9 deprecates: the
# theme's own business, which Python warns about, not Sphinx.
@pytest.mark.filterwarnings("ignore:'sphinx_book_theme._transforms")
@pytest.mark.parametrize("theme", sorted(THEMES))
def test_the_cv_builds_strictly_with_every_fact(tmp_path: Path, theme: str) -> None:
    warnings, outdir, sheets = build_with(theme, offer_downloads(tmp_path, "en"))
    assert strip_escape_sequences(warnings) == ""
    pages = site_pages(outdir)
    text = " ".join(page_text(page) for page in pages)
    assert [fact for fact in FACTS if normalise(fact) not in text] == []
    # The pages load no less than the theme's scripts need (pydata-sphinx-
    # theme's read Sphinx's options on every page).
    assert [page.name for page in pages if reads_sphinx_without_it(page)] == []
    # The theme's stylesheets lose sphinx-design's rules that no page uses,
    # and nothing of their own.
    assert set(sheets) == THEMES[theme]
    for name, sheet in sheets.items():
        original = statements(parse(sheet.read_text(encoding="utf-8")))
        reduced = statements(parse((outdir / "_static" / name).read_text()))
        assert sorted(s for s in original - reduced if theirs(s)) == [], name
        assert reduced <= original, name


#: Builds a project in a process of its own, where importing furo fails
#: when *hide* is given, and says whether furo was imported.
WITHOUT_FURO = """
import importlib.abc, sys
from sphinx.cmd.build import build_main

class NoFuro(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.partition(".")[0] == "furo":
            raise ModuleNotFoundError(f"No module named {name!r}", name=name)

srcdir, outdir, theme, hide = sys.argv[1:]
if hide == "hide":
    sys.meta_path.insert(0, NoFuro())
import sphinx_cv
status = build_main(
    ["-b", "html", "-nW", "--keep-going", "-q", "-D", f"html_theme={theme}",
     srcdir, outdir]
)
print(status, "furo" in sys.modules)
"""


@pytest.mark.parametrize(
    ("theme", "hide", "imported"),
    [("alabaster", "hide", False), ("furo", "", True)],
    ids=["alabaster-furo-not-installed", "furo"],
)
def test_furo_is_imported_only_when_it_is_the_theme(
    tmp_path: Path, theme: str, hide: str, imported: bool
) -> None:
    srcdir = Path(__file__).parent / "roots" / "test-site"
    done = subprocess.run(
        [sys.executable, "-c", WITHOUT_FURO, str(srcdir), str(tmp_path), theme, hide],
        env={**os.environ, "PYTHONPATH": str(ROOT / "_ext")},
        capture_output=True,
        text=True,
        check=False,
    )
    assert (done.stdout.split(), done.stderr) == (["0", str(imported)], "")
    page = (tmp_path / "index.html").read_text(encoding="utf-8")
    # The layer's search form, with its button, is furo's alone.
    assert ("cv-search-submit" in page) == imported
