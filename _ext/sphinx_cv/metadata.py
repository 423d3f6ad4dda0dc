"""Metadata of each HTML page: its description, and JSON-LD on the index.

The description is a sentence made from the page's entries, for link
previews and search results (sphinxext-opengraph reads it as og:description);
never the e-mail address, which the first words of the index page are.
"""

from __future__ import annotations

import html
import json
from typing import TYPE_CHECKING, Any

from sphinx_cv import downloads, entries, i18n, record, words
from sphinx_cv.domain import CVDomain
from sphinx_cv.formats import jsonld
from sphinx_cv.i18n import _
from sphinx_cv.site import ONE_PAGE, is_page

if TYPE_CHECKING:
    from docutils import nodes
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment


def description(env: BuildEnvironment, docname: str) -> str:
    """What a page holds, in a sentence made from its entries, for link
    previews and search results, in the build's language. Never the e-mail
    address."""
    domain = CVDomain.of(env)
    name = domain.person.name if domain.person else env.config.project
    pages = [docname, *env.toctree_includes.get(docname, [])]
    shown = [entry for page in pages for entry in domain.on_page(page)]
    title = env.titles[docname].astext() if docname in env.titles else ""
    comma, semicolon = str(_(", ")), str(_("; "))
    if docname == env.config.root_doc:
        everything = domain.ordered()
        studies = [entries.label(e) for e in everything if entries.of(e).study][:1]
        # An employer is a position's brief name (its organisation).
        employers = list(
            dict.fromkeys(
                e[entries.of(e).short] for e in everything if entries.of(e).employment
            )
        )
        at = str(_(" and ")).join(
            [words.listed(employers[:-1]), employers[-1]]
            if len(employers) > 1
            else employers
        )
        experience = _("experience at {employers}").format(employers=at)
        what = semicolon.join([*studies, experience])
        text = _("Curriculum vitae of {name}: {what}")
        return _sentence(text.format(name=name, what=what))
    own = [e for e in shown if e.docname == docname]
    if len(own) == 1:
        entry = own[0]
        position = entries.of(entry).position
        role = entry[position] if position else ""
        what = comma.join(part for part in (role, entries.label(entry)) if part)
        dates = entries.dates(entry, i18n.context(env.config))
        return _sentence(f"{name}{_(': ')}{what}{comma}{dates}")
    listed = ""
    if shown:
        listed = semicolon.join(entries.label(e) for e in shown)
    elif docname in domain.data["skills_index_docs"]:
        listed = words.listed(domain.skills())
    if listed:
        text = _("{title} of {name}: {listed}")
        return _sentence(text.format(title=title, name=name, listed=listed))
    text = _("{title}: the curriculum vitae of {name}")
    return _sentence(text.format(title=title, name=name))


def _sentence(text: str) -> str:
    stop = str(_("."))
    return text if text.endswith((".", stop)) else f"{text}{stop}"


#: What inline JSON must not hold as such: ``</script>``, ``<!--`` and
#: ``<script`` change how the browser reads a script element's end.
_INLINE_JSON = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})


def inline_json(data: Any) -> str:
    """JSON safe inside an HTML ``<script>`` element, whatever its strings;
    compact, as search engines read it (no reader needs its indentation)."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.translate(_INLINE_JSON)


def _script(data: dict[str, Any]) -> str:
    text = inline_json(data)
    return f'<script type="application/ld+json">\n{text}\n</script>\n'


def page_context(
    app: Sphinx,
    pagename: str,
    templatename: str,
    context: dict[str, Any],
    doctree: nodes.document | None,
) -> None:
    """Metadata for each HTML page: description, and JSON-LD on the index."""
    if not is_page(app.builder, pagename, doctree):
        return
    whole = pagename == ONE_PAGE
    text = description(app.env, pagename) if not whole else _whole(app.env)
    # sphinxext-opengraph reads og: fields from the page's metadata.
    context["meta"] = {**(context.get("meta") or {}), "og:description": text}
    context["metatags"] += f'<meta name="description" content="{html.escape(text)}">\n'
    url = app.config.html_baseurl or ""
    if whole:
        # A page of no source, which sphinxext-opengraph passes over.
        context["metatags"] += _open_graph(
            app, f"{url}{app.builder.get_target_uri(pagename)}", text
        )
    if pagename == app.config.root_doc or whole:
        cv = record.cv(app.env)
        # The documents that are the CV printed: its PDFs.
        files = [
            (path.stem, f"{url}{path.name}", "application/pdf")
            for path in downloads.offered(app)
            if path.suffix == ".pdf"
        ]
        # The whole CV's page describes the whole Person.
        page_url = f"{url}{app.builder.get_target_uri(pagename)}" if whole else url
        data = jsonld.write(cv, page_url, files, whole=whole)
        context["metatags"] += _script(data)


def _whole(env: BuildEnvironment) -> str:
    """The description of the whole CV's page."""
    domain = CVDomain.of(env)
    name = domain.person.name if domain.person else env.config.project
    text = _("{title}: the curriculum vitae of {name}")
    return _sentence(text.format(title=_("The whole CV on one page"), name=name))


def _open_graph(app: Sphinx, url: str, text: str) -> str:
    """The Open Graph tags sphinxext-opengraph gives a page of the sources."""
    domain = CVDomain.of(app.env)
    tags = {
        "og:title": domain.person.name if domain.person else app.config.project,
        "og:type": "website",
        "og:url": url,
        "og:site_name": app.config.html_title or app.config.project,
        "og:description": text,
    }
    return "".join(
        f'<meta property="{key}" content="{html.escape(value)}" />\n'
        for key, value in tags.items()
    )


def setup_metadata(app: Sphinx) -> None:
    # Before sphinxext-opengraph (priority 500) reads the page's metadata.
    app.connect("html-page-context", page_context, priority=400)
