"""The exports written beside the site: resume.json and rendercv.yaml.

The formats themselves are :mod:`sphinx_cv.formats`; this writes them from
the ``cv`` domain at the end of a build of the site's source edition, with
the publications: the bibliography entries cited on the page
``publications`` (the page ``sphinx-cv new`` writes for them), in the order
it cites them. Entries cited elsewhere (sources, such as this CV's) are not
publications.
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml
from docutils import nodes

from sphinx_cv import editions, model
from sphinx_cv.domain import CVDomain
from sphinx_cv.formats import jsonresume, rendercv
from sphinx_cv.site import is_website

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment


#: The page whose citations are the CV's publications.
PUBLICATIONS = "publications"


def _date(fields: Any) -> model.PartialDate | None:
    parts = [fields.get(key, "") for key in ("year", "month", "day")]
    iso = "-".join(f"{int(p):02d}" if n else p for n, p in enumerate(parts) if p)
    try:
        return model.PartialDate.parse(iso) if iso else None
    except ValueError:
        return None


def publications(env: BuildEnvironment) -> tuple[model.Publication, ...]:
    """The publications the CV lists (see the module's docstring)."""
    cite = env.domains.get("cite")
    if cite is None:
        return ()
    cited = [
        target.key
        for ref in getattr(cite, "citation_refs", [])
        if ref.docname == PUBLICATIONS
        for target in ref.targets
    ]
    entries = cite.bibdata.data.entries  # type: ignore[attr-defined]
    found = []
    for key in dict.fromkeys(cited):
        if key not in entries:
            continue
        entry = entries[key]
        fields = entry.fields
        authors = tuple(
            " ".join(
                [
                    *person.first_names,
                    *person.middle_names,
                    *person.prelast_names,
                    *person.last_names,
                ]
            )
            for person in entry.persons.get("author", [])
        )
        found.append(
            model.Publication(
                key=key,
                title=fields.get("title", ""),
                authors=authors,
                venue=fields.get("journal", "") or fields.get("publisher", ""),
                date=_date(fields),
                url=fields.get("url", ""),
                doi=fields.get("doi", ""),
                summary=fields.get("note", ""),
            )
        )
    return tuple(found)


def summary(env: BuildEnvironment) -> str:
    """The first page's own paragraphs, outside entries and boxes: the CV's
    prose about the person (JSON Resume's ``basics.summary``)."""
    section = env.get_doctree(env.config.root_doc).next_node(nodes.section)
    if section is None:
        return ""
    prose = [c for c in section.children if isinstance(c, nodes.paragraph)]
    return "\n\n".join(" ".join(p.astext().split()) for p in prose)


def write_exports(app: Sphinx, exception: Exception | None) -> None:
    """Every HTML build writes ``resume.json`` (JSON Resume) and
    ``rendercv.yaml`` (RenderCV input) beside its pages."""
    if exception is not None or not is_website(app.builder):
        return
    if not editions.is_source(app.config):
        return  # one canonical record: the source edition's
    outdir = Path(app.outdir)
    cv = replace(
        CVDomain.of(app.env).cv(),
        publications=publications(app.env),
        summary=summary(app.env),
    )
    data = json.dumps(jsonresume.write(cv), ensure_ascii=False, indent=2)
    (outdir / "resume.json").write_text(data + "\n", "utf-8")
    text = yaml.safe_dump(rendercv.write(cv), allow_unicode=True, sort_keys=False)
    (outdir / "rendercv.yaml").write_text(text, "utf-8")


def setup_export(app: Sphinx) -> None:
    app.connect("build-finished", write_exports)
