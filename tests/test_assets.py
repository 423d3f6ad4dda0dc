"""What pages load (sphinx_cv.assets, sphinx_cv.stylesheets): a page links
Pygments' stylesheet, sphinx-design's and its tabs script only if it uses
them; the stylesheets keep every rule a page's elements match and none for
a class no page carries; every page of the CV, in either language, and all
it loads weigh less than 110,000 bytes."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote, urlparse

import furo
import pytest
from bs4 import BeautifulSoup
from sphinx_design.extension import STATIC_DIR as DESIGN_STATIC

from conftest import Build, build
from sphinx_cv import assets
from sphinx_cv.stylesheets import Reduction, Rule, minified, parse, serialise

TESTROOT = Path(__file__).parent / "roots" / "test-assets"
NODE = Path(__file__).parent / "node"
CHROMIUM = shutil.which("chromium")
#: The stylesheets with sphinx-design's rules, as their packages ship them.
SOURCES = {
    assets.DESIGN_CSS: DESIGN_STATIC / assets.DESIGN_CSS,
    "styles/furo-extensions.css": Path(furo.__file__).parent
    / "theme/furo/static/styles/furo-extensions.css",
}
#: The most a page of the CV and all it loads may weigh, in bytes.
BOUND = 110_000
#: What the search page loads besides what every page does: Sphinx's search.
SEARCH = {"_static/searchtools.js", "_static/language_data.js", "searchindex.js"}


# -- stylesheets, on their own ------------------------------------------------

SHEET = """/* a comment */
:root{--sd-a:red;--sd-b:var(--sd-a);--sd-unused:blue;--other:1px}
.sd-card{color:var(--sd-b);animation:sd-grow 1s}
.sd-tab,.sd-card>p{margin:0}
.sd-tab:not(.sd-card){padding:0}
.sd-card:not(.sd-tab){padding:1px}
@media (min-width:1px){.sd-tab{margin:1px}.sd-card{margin:2px}}
@media print{.sd-tab{display:none}}
@keyframes sd-grow{0%{opacity:0}100%{opacity:1}}
@keyframes sd-fade{0%{opacity:0}}
p{content:"{ .sd-tab }"}
"""


def test_a_stylesheet_is_written_back_as_read_but_its_comments() -> None:
    design = (DESIGN_STATIC / assets.DESIGN_CSS).read_text(encoding="utf-8")
    assert serialise(parse(design)) == design.strip()
    assert minified("a ,\n b {\n  color : red ;\n  margin: 0  1px }") == (
        "a,b{color:red;margin:0 1px}"
    )


def test_only_the_rules_the_classes_can_match_are_kept() -> None:
    [reduced] = Reduction("sd-", frozenset({"sd-card"})).reduce([SHEET])
    assert reduced == (
        ":root{--sd-a:red;--sd-b:var(--sd-a);--other:1px}"
        ".sd-card{color:var(--sd-b);animation:sd-grow 1s}"
        ".sd-card>p{margin:0}"
        ".sd-card:not(.sd-tab){padding:1px}"
        "@media (min-width:1px){.sd-card{margin:2px}}"
        "@keyframes sd-grow{0%{opacity:0}100%{opacity:1}}"
        'p{content:"{ .sd-tab }"}'
    )


def test_custom_properties_used_by_another_sheet_are_kept() -> None:
    defined, using = ":root{--sd-a:red;--sd-b:blue}", ".sd-card{color:var(--sd-a)}"
    reduction = Reduction("sd-", frozenset({"sd-card"}))
    assert reduction.reduce([defined, using]) == [":root{--sd-a:red}", using]


def test_every_rule_is_kept_for_a_page_with_every_class() -> None:
    classes = set(re.findall(r"\.(sd-[\w-]+)", SHEET))
    [reduced] = Reduction("sd-", frozenset(classes)).reduce([SHEET])
    unused = ["--sd-unused:blue;", "@keyframes sd-fade{0%{opacity:0}}"]
    assert reduced == minified(SHEET).replace(unused[0], "").replace(unused[1], "")


# -- what a site serves --------------------------------------------------------


def pages(outdir: Path) -> dict[str, BeautifulSoup]:
    return {
        str(p.relative_to(outdir)): BeautifulSoup(p.read_text("utf-8"), "html.parser")
        for p in sorted(outdir.rglob("*.html"))
    }


def linked(page: BeautifulSoup) -> set[str]:
    """The site's files a page links as stylesheets and scripts."""
    links = [a["href"] for a in page.select('link[rel="stylesheet"]')]
    links += [s["src"] for s in page.select("script[src]")]
    return {re.sub(r"^(\.\./)*|\?v=.*$", "", str(link)) for link in links}


def style_rules(rules: list[Rule], within: str = "") -> Iterator[tuple[str, Rule]]:
    """Each style rule, with the group rules it is in."""
    for rule in rules:
        if rule.is_group:
            yield from style_rules(rule.rules, f"{within}{rule.prelude}")
        elif rule.is_style:
            yield within, rule


def served(outdir: Path, name: str) -> set[tuple[str, str, str]]:
    """Each declaration of a served stylesheet: its groups, its selector."""
    text = (outdir / "_static" / name).read_text(encoding="utf-8")
    return {
        (within, selector, declaration)
        for within, rule in style_rules(parse(text))
        for selector in rule.prelude.split(",")
        for declaration in rule.declarations
    }


def matches(selector: str, site: dict[str, BeautifulSoup], carried: set[str]) -> bool:
    """Whether an element of a page matches *selector*, in any state (the
    pseudo-classes and pseudo-elements left out)."""
    if not Reduction("sd-", frozenset(carried)).needed(selector) <= carried:
        return False  # (what no element can match, told quickly)
    plain = re.sub(r"::?[\w-]+(\([^()]*\))?", "", selector).strip() or "*"
    plain = re.sub(r"([>+~])\s*$", r"\1 *", plain)
    return any(page.select_one(plain) is not None for page in site.values())


def assert_what_pages_match_is_served(outdir: Path, sources: dict[str, Path]) -> None:
    """Every declaration of the full stylesheets that an element of a page
    matches is in the served ones (custom properties: those any served
    declaration uses); none for a class no element carries."""
    site = pages(outdir)
    carried = {
        c for page in site.values() for e in page.select("[class]") for c in e["class"]
    }
    for name, source in sources.items():
        have = served(outdir, name)
        for within, rule in style_rules(parse(source.read_text(encoding="utf-8"))):
            for selector in rule.prelude.split(","):
                needed = {
                    (within, selector, d)
                    for d in rule.declarations
                    if not d.startswith("--sd-")
                }
                if matches(selector, site, carried):
                    assert needed <= have, selector
        reduction = Reduction("sd-", frozenset())
        named = {c for _, selector, _ in have for c in reduction.needed(selector)}
        assert named <= carried
    properties = {d.split(":")[0] for n in sources for _, _, d in served(outdir, n)}
    used = {
        name
        for n in sources
        for _, _, d in served(outdir, n)
        for name in re.findall(r"var\((--sd-[\w-]+)\)", d)
    }
    assert used <= properties


@pytest.fixture(scope="module")
def testroot(tmp_path_factory: pytest.TempPathFactory) -> Build:
    return build(TESTROOT, tmp_path_factory.mktemp("assets"))


def test_a_page_links_pygments_and_the_tabs_script_if_it_uses_them(
    testroot: Build,
) -> None:
    assert testroot.warnings == ""
    site = {name: linked(page) for name, page in pages(testroot.outdir).items()}
    common = {"_static/styles/furo.css", "_static/scripts/furo.js"}
    pygments, design = "_static/pygments.css", "_static/sphinx-design.min.css"
    tabs = "_static/design-tabs.js"
    assert common | {pygments} <= site["code.html"]
    assert common | {design, tabs} <= site["tabs.html"]
    assert {pygments, design, tabs} & site["code.html"] == {pygments}
    for page in ("index.html", "plain.html", "search.html", "genindex.html"):
        assert common <= site[page]
        assert {pygments, design, tabs} & site[page] == set()
    assert (testroot.outdir / tabs).is_file()
    assert (testroot.outdir / pygments).is_file()


def test_the_stylesheets_keep_what_the_tabs_page_matches(testroot: Build) -> None:
    assert_what_pages_match_is_served(testroot.outdir, SOURCES)
    design = (testroot.outdir / "_static" / assets.DESIGN_CSS).read_text("utf-8")
    assert ".sd-tab-set>input:checked + label" in design
    assert ".sd-card" not in design


def test_a_dropdown_keeps_the_whole_stylesheet(tmp_path: Path) -> None:
    src = tmp_path / "src"
    shutil.copytree(TESTROOT, src)
    page = src / "plain.md"
    page.write_text(page.read_text() + "\n:::{dropdown} More\nHidden.\n:::\n")
    result = build(src, tmp_path / "build")
    css = (result.outdir / "_static" / assets.DESIGN_CSS).read_text("utf-8")
    full = (DESIGN_STATIC / assets.DESIGN_CSS).read_text("utf-8")
    assert css == minified(full)
    assert "_static/sphinx-design.min.css" in linked(pages(result.outdir)["plain.html"])


def test_a_page_that_no_longer_shows_code_no_longer_links_pygments(
    tmp_path: Path,
) -> None:
    src = tmp_path / "src"
    shutil.copytree(TESTROOT, src)
    build(src, tmp_path / "build")
    (src / "code.md").write_text("# Code\n\nNone left.\n")
    again = build(src, tmp_path / "build", freshenv=False)
    assert "_static/pygments.css" not in linked(pages(again.outdir)["code.html"])


def test_the_cv_loads_no_pygments_no_tabs_and_a_reduced_design(cv_html: Build) -> None:
    for name, page in pages(cv_html.outdir).items():
        assert {"_static/pygments.css", "_static/design-tabs.js"} & linked(
            page
        ) == set()
        uses_design = page.select_one('[class*="sd-"]') is not None
        assert uses_design == ("_static/sphinx-design.min.css" in linked(page)), name
    for unused in (assets.TABS_JS, assets.PYGMENTS_CSS):
        assert not (cv_html.outdir / "_static" / unused).exists()
    assert_what_pages_match_is_served(cv_html.outdir, SOURCES)


# -- what a browser fetches ------------------------------------------------------


def fetched(site: Path) -> dict[str, dict[str, int]]:
    """Each page's fetches as Chromium makes them: file and bytes."""
    if CHROMIUM is None or not (NODE / "node_modules" / "playwright-core").is_dir():
        pytest.skip("needs chromium and tests/node (.ci/run installs them)")
    names = sorted(str(p.relative_to(site)) for p in site.rglob("*.html"))
    result = subprocess.run(
        ["node", NODE / "weight.mjs", site, *names],
        env={**os.environ, "CHROMIUM": CHROMIUM},
        capture_output=True,
        text=True,
        check=True,
    )
    urls: dict[str, list[str]] = json.loads(result.stdout)
    weights = {}
    for page, fetches in urls.items():
        files = [Path(unquote(urlparse(url).path)) for url in fetches]
        # Nothing from elsewhere: no font, script or stylesheet of another site.
        assert [u for u in fetches if urlparse(u).scheme != "file"] == [], page
        weights[page] = {str(f.relative_to(site)): f.stat().st_size for f in files}
    return weights


@pytest.mark.audit
@pytest.mark.parametrize("edition", ["cv_html", "zh_html"])
def test_every_page_weighs_less_than_the_bound(
    request: pytest.FixtureRequest, edition: str
) -> None:
    site: Build = request.getfixturevalue(edition)
    weights = fetched(site.outdir)
    assert len(weights) == len(list(site.outdir.rglob("*.html")))
    over = {}
    for page, files in weights.items():
        # The search page loads Sphinx's search besides: it is held to the
        # bound without it.
        extra = SEARCH if page == "search.html" else set()
        assert extra <= files.keys()
        total = sum(size for name, size in files.items() if name not in extra)
        if total >= BOUND:
            over[page] = total
        # No web font: the theme's text is set in the reader's own fonts.
        assert not [n for n in files if n.endswith((".woff", ".woff2", ".ttf"))]
    assert over == {}
