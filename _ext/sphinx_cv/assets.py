"""What each page loads: only the stylesheets and scripts its content uses.

furo links Pygments' stylesheet (20 KB) into every page, and sphinx-design
its whole stylesheet (55 KB, every component) and its tabs script (7.5 KB),
whatever the pages hold; a CV has no code and no tabs, and of sphinx-design
uses cards, a grid and icons. So what the doctrees contain decides, each
build; it is recorded per document as they are read, so that parallel and
incremental builds see the same:

- a page links Pygments' stylesheet only if it shows code, sphinx-design's
  stylesheet only if it uses one of its components, its tabs script only if
  it has tabs (a page no doctree makes, as the search page, is judged by
  its markup); a site with no code has no Pygments stylesheet at all;
  Sphinx's scripts that mark a search's words on the page a result opens
  (10 KB) only the search page runs, unless the theme's own scripts read
  them on every page (pydata-sphinx-theme's, for its search and switchers);
- the build's static files are written for it: sphinx-design's stylesheet
  and the theme's rules for it (furo's ``furo-extensions.css``) reduced to
  the rules whose classes some page carries, with the custom properties and
  animations those use; the tabs script only if a page has tabs; and this
  package's own stylesheet. All without comments or white space.

A dropdown gets its classes only when its page is written (sphinx-design
makes it a ``<details>`` then): a project with one keeps the whole of
sphinx-design's rules.
"""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Set
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import sphinx
from docutils import nodes
from sphinx.environment.collectors import EnvironmentCollector
from sphinx_design.extension import STATIC_DIR as DESIGN_STATIC
from sphinx_design.icons import sd_icon

from sphinx_cv.site import is_website
from sphinx_cv.stylesheets import Reduction, minified

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

DESIGN_CSS = "sphinx-design.min.css"
TABS_JS = "design-tabs.js"
PYGMENTS_CSS = "pygments.css"
#: Sphinx's scripts that the search page runs.
SEARCH_SCRIPTS = ("documentation_options.js", "doctools.js", "sphinx_highlight.js")
#: The class sphinx-design gives a set of tabs, which its script drives.
TABS = "sd-tab-set"
#: The components whose classes sphinx-design adds when the page is written.
WRITTEN_LATER = {"dropdown"}


@dataclass(frozen=True)
class Uses:
    """What one page needs of the stylesheets and scripts the build has."""

    #: A code block (or highlighted inline code): Pygments' stylesheet.
    code: bool = False
    #: The sphinx-design classes its elements carry.
    design: frozenset[str] = frozenset()
    #: A component whose classes only the written page shows: every rule.
    every_design_rule: bool = False

    @property
    def tabs(self) -> bool:
        return TABS in self.design

    @property
    def any_design(self) -> bool:
        return bool(self.design) or self.every_design_rule

    @classmethod
    def of_doctree(cls, doctree: nodes.document) -> Uses:
        code, every, design = False, False, set()
        for node in doctree.findall(nodes.Element):
            if isinstance(node, (nodes.literal_block, nodes.doctest_block)):
                code = True
            elif isinstance(node, nodes.literal) and node.get("language"):
                code = code or "code" in node["classes"]
            elif isinstance(node, sd_icon):
                design.update(classes_in(node["svg"]))
            elif isinstance(node, nodes.raw) and "html" in node["format"].split():
                design.update(classes_in(node.astext()))
            design.update(node["classes"])
            every = every or node.get("design_component") in WRITTEN_LATER
        design = {c for c in design if c.startswith("sd-")}
        return cls(code, frozenset(design), every)

    @classmethod
    def of_html(cls, body: str) -> Uses:
        """The same, read from a page's markup, for pages with no doctree."""
        classes = classes_in(body)
        design = frozenset(c for c in classes if c.startswith("sd-"))
        return cls("highlight" in classes, design)


def classes_in(markup: str) -> set[str]:
    """Every class the elements of *markup* carry."""
    attributes = re.findall(r'class="([^"]*)"', markup)
    return {name for attribute in attributes for name in attribute.split()}


def recorded(env: BuildEnvironment) -> dict[str, Uses]:
    """What each document uses, kept in the environment with it."""
    uses: dict[str, Uses] = vars(env).setdefault("sphinx_cv_uses", {})
    return uses


class UsesCollector(EnvironmentCollector):
    """Records what each document uses as it is read."""

    def clear_doc(self, app: Sphinx, env: BuildEnvironment, docname: str) -> None:
        recorded(env).pop(docname, None)

    def merge_other(
        self,
        app: Sphinx,
        env: BuildEnvironment,
        docnames: Set[str],
        other: BuildEnvironment,
    ) -> None:
        theirs = recorded(other)
        recorded(env).update((d, theirs[d]) for d in docnames if d in theirs)

    def process_doc(self, app: Sphinx, doctree: nodes.document) -> None:
        recorded(app.env)[app.env.docname] = Uses.of_doctree(doctree)


# -- the build's decisions ----------------------------------------------------

#: The package's own stylesheet, which every project using it gets.
STYLESHEET = Path(__file__).with_name("static") / "sphinx-cv.css"


def generated(app: Sphinx) -> Path:
    """The folder of static files written for the build: the package's
    stylesheet, sphinx-design's and the theme's stylesheets as far as the
    pages use them, and sphinx-design's tabs script if a page has tabs."""
    return Path(app.doctreedir) / "sphinx-cv-static"


def serve_generated(app: Sphinx) -> None:
    """Serve the build's folder in place of sphinx-design's (which it added
    to ``html_static_path``), and first: a file of the same name in the
    project's own ``html_static_path`` wins, and any of them over the
    theme's.

    Added once the builder exists: by then the builder has hashed its
    configuration into ``.buildinfo``, which this folder's absolute path
    would make differ from one checkout to another."""
    if app.builder.format != "html":
        return
    paths = [p for p in app.config.html_static_path if Path(p) != DESIGN_STATIC]
    app.config.html_static_path = [str(generated(app)), *paths]


def theme_stylesheets(app: Sphinx) -> dict[str, Path]:
    """The theme's stylesheets that style sphinx-design's components (furo's
    ``styles/furo-extensions.css``), by their path in ``_static``."""
    found: dict[str, Path] = {}
    theme = getattr(app.builder, "theme", None)
    for folder in reversed(theme.get_theme_dirs() if theme else []):
        static = Path(folder, "static")
        for sheet in static.rglob("*.css") if static.is_dir() else []:
            found[sheet.relative_to(static).as_posix()] = sheet
    return {
        name: sheet
        for name, sheet in found.items()
        if ".sd-" in sheet.read_text(encoding="utf-8")
    }


def write_generated(app: Sphinx, env: BuildEnvironment) -> None:
    """Write the build's folder once the doctrees are read, before any page
    is written (a page's links carry a digest of each file)."""
    if app.builder.format != "html":
        return
    uses = recorded(env).values()
    folder = generated(app)
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    sheets = {DESIGN_CSS: DESIGN_STATIC / DESIGN_CSS, **theme_stylesheets(app)}
    texts = [sheet.read_text(encoding="utf-8") for sheet in sheets.values()]
    if not any(u.every_design_rule for u in uses):
        used = frozenset().union(*(u.design for u in uses))
        texts = Reduction("sd-", used).reduce(texts)
    ours = STYLESHEET.read_text(encoding="utf-8")
    for name, text in [*zip(sheets, texts, strict=True), (STYLESHEET.name, ours)]:
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(minified(text), encoding="utf-8")
    if any(u.tabs for u in uses):
        shutil.copyfile(DESIGN_STATIC / TABS_JS, folder / TABS_JS)


#: Sphinx's own themes, whose scripts are the ones in question.
SPHINX_THEMES = Path(sphinx.__file__).resolve().parent / "themes"


@cache
def scripts_read_sphinx(theme_dirs: tuple[str, ...]) -> bool:
    """Whether a theme's own scripts (in *theme_dirs*, its and those it
    builds on but Sphinx's) read Sphinx's ``DOCUMENTATION_OPTIONS``, as
    pydata-sphinx-theme's do on every page (its search, run from any page,
    needs ``doctools.js`` too)."""
    return any(
        "DOCUMENTATION_OPTIONS" in script.read_text(encoding="utf-8", errors="ignore")
        for folder in map(Path, theme_dirs)
        if not folder.resolve().is_relative_to(SPHINX_THEMES)
        for script in (folder / "static").rglob("*.js")
    )


def _name(asset: Any) -> str:
    """A stylesheet's or a script's name in ``_static`` ("" for an inline
    script)."""
    name = getattr(asset, "filename", asset)
    return os.fspath(name).removeprefix("_static/") if name else ""


def link_used(
    app: Sphinx,
    pagename: str,
    templatename: str,
    context: dict[str, Any],
    doctree: nodes.document | None,
) -> None:
    """Leave out of the page the stylesheets and scripts it does not use.

    The lists are the builder's own, which it restores for each page, so
    they are changed in place: a later handler's additions stay."""
    if doctree is not None and pagename in recorded(app.env):
        uses = recorded(app.env)[pagename]
    else:
        uses = Uses.of_html(context.get("body", ""))
    theme = getattr(app.builder, "theme", None)
    dirs = tuple(map(str, theme.get_theme_dirs())) if theme else ()
    unused = {
        PYGMENTS_CSS: not uses.code,
        DESIGN_CSS: not uses.any_design,
        TABS_JS: not uses.tabs,
        # Sphinx's scripts that mark a search's words on the page a result
        # opens, and what they need: the search page's, not every page's,
        # unless the theme's scripts read them wherever they run.
        **dict.fromkeys(
            SEARCH_SCRIPTS, pagename != "search" and not scripts_read_sphinx(dirs)
        ),
    }
    for key in ("css_files", "script_files"):
        if key in context:
            files = context[key]
            files[:] = [f for f in files if not unused.get(_name(f), False)]


def drop_pygments(app: Sphinx, exception: Exception | None) -> None:
    """Remove Pygments' stylesheet from a site with no code, once furo has
    written its own over Sphinx's (both do, every build)."""
    if exception is not None or not is_website(app.builder):
        return
    if not any(u.code for u in recorded(app.env).values()):
        (Path(app.outdir) / "_static" / PYGMENTS_CSS).unlink(missing_ok=True)


def setup_assets(app: Sphinx) -> None:
    app.add_env_collector(UsesCollector)
    # Where conf.py's html_css_files go (800): after the theme's and
    # sphinx-design's rules, as the CV's own stylesheet always came.
    app.add_css_file(STYLESHEET.name, priority=800)
    # After sphinx-design has added its folder to html_static_path.
    app.connect("builder-inited", serve_generated, priority=900)
    app.connect("env-updated", write_generated)
    app.connect("html-page-context", link_used)
    # After furo's, which writes the stylesheet when the build finishes.
    app.connect("build-finished", drop_pygments, priority=900)
