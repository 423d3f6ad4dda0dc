"""Metadata of each HTML page: its description, and JSON-LD on the index.

The description is a sentence made from the page's entries, for link
previews and search results (sphinxext-opengraph reads it as og:description);
never the e-mail address, which the first words of the index page are.
"""

from __future__ import annotations

import html
import json
from typing import TYPE_CHECKING, Any

from sphinx_cv import i18n
from sphinx_cv.domain import CVDomain
from sphinx_cv.formats import jsonld
from sphinx_cv.i18n import _
from sphinx_cv.site import is_website

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
    entries = [entry for page in pages for entry in domain.on_page(page)]
    title = env.titles[docname].astext() if docname in env.titles else ""
    comma, semicolon = str(_(", ")), str(_("; "))
    if docname == env.config.root_doc:
        everything = domain.ordered()
        studies = [i18n.label(e) for e in everything if e.kind == "education"][:1]
        employers = list(
            dict.fromkeys(e.organisation for e in everything if e.kind == "work")
        )
        at = str(_(" and ")).join(
            [comma.join(employers[:-1]), employers[-1]]
            if len(employers) > 1
            else employers
        )
        experience = _("experience at {employers}").format(employers=at)
        what = semicolon.join([*studies, experience])
        text = _("Curriculum vitae of {name}: {what}")
        return _sentence(text.format(name=name, what=what))
    own = [e for e in entries if e.docname == docname]
    if len(own) == 1:
        entry = own[0]
        role = entry.role or entry.degree
        what = comma.join(part for part in (role, i18n.label(entry)) if part)
        dates = i18n.dates(entry, env.config)
        return _sentence(f"{name}{_(': ')}{what}{comma}{dates}")
    listed = ""
    if entries:
        listed = semicolon.join(i18n.label(e) for e in entries)
    elif docname in domain.data["skills_index_docs"]:
        listed = comma.join(domain.skills())
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
    if doctree is None or not is_website(app.builder):
        return
    text = description(app.env, pagename)
    # sphinxext-opengraph reads og: fields from the page's metadata.
    context["meta"] = {**(context.get("meta") or {}), "og:description": text}
    context["metatags"] += f'<meta name="description" content="{html.escape(text)}">\n'
    if pagename == app.config.root_doc:
        url = app.config.html_baseurl or ""
        context["metatags"] += _script(jsonld.write(CVDomain.of(app.env).cv(), url))


def setup_metadata(app: Sphinx) -> None:
    # Before sphinxext-opengraph (priority 500) reads the page's metadata.
    app.connect("html-page-context", page_context, priority=400)
