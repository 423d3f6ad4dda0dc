"""The Sphinx extension's setup: every part of sphinx-cv registered with Sphinx.

(``sphinx_cv.setup`` calls it, so that importing the package, as the
command line and its build client do, imports nothing of Sphinx.)
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sphinx_cv import __version__
from sphinx_cv.assets import setup_assets
from sphinx_cv.catalogs import setup_catalogs
from sphinx_cv.config import setup_config
from sphinx_cv.directives import DIRECTIVES, RelatedLabel
from sphinx_cv.domain import CVDomain, setup_problems
from sphinx_cv.downloads import DownloadsDirective, setup_downloads
from sphinx_cv.editions import setup_editions
from sphinx_cv.epub import setup_epub
from sphinx_cv.export import setup_export
from sphinx_cv.freshness import setup_freshness
from sphinx_cv.furo import setup_furo
from sphinx_cv.html import setup_html
from sphinx_cv.i18n import setup_i18n
from sphinx_cv.letters import setup_letters
from sphinx_cv.metadata import setup_metadata
from sphinx_cv.onepage import setup_onepage
from sphinx_cv.outputs import setup_outputs
from sphinx_cv.publications import setup_publications
from sphinx_cv.sitemap import setup_sitemap
from sphinx_cv.sources import setup_sources
from sphinx_cv.tags import setup_tags
from sphinx_cv.views import (
    RenderViews,
    SkillsIndexDirective,
    TimelineDirective,
    skills_index,
    timeline,
)

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.util.typing import ExtensionMetadata


def setup(app: Sphinx) -> ExtensionMetadata:
    # The contact line's icons are sphinx-design's nodes: load what we emit.
    app.setup_extension("sphinx_design")
    setup_config(app)
    setup_problems(app)
    setup_i18n(app)
    app.add_domain(CVDomain)
    directives = {
        **DIRECTIVES,
        "timeline": TimelineDirective,
        "skills-index": SkillsIndexDirective,
        "downloads": DownloadsDirective,
    }
    for name, directive in directives.items():
        app.add_directive_to_domain("cv", name, directive)
    # Placeholders that RenderViews replaces before any writer sees them.
    app.add_node(timeline)
    app.add_node(skills_index)
    app.add_post_transform(RenderViews)
    app.add_post_transform(RelatedLabel)
    setup_freshness(app)
    setup_html(app)
    setup_assets(app)
    setup_outputs(app)
    setup_epub(app)
    setup_export(app)
    setup_downloads(app)
    setup_onepage(app)
    setup_metadata(app)
    setup_sources(app)
    setup_letters(app)
    setup_publications(app)
    setup_sitemap(app)
    setup_tags(app)
    setup_catalogs(app)
    setup_editions(app)
    # What furo gets more, loaded only when furo draws the pages.
    setup_furo(app)
    return {
        "version": __version__,
        "env_version": 7,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
