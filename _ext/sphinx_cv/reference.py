"""The extension's reference documentation, written from its declarations.

Directives and their options come from the entry types
(:data:`sphinx_cv.entries.TYPES`), :data:`sphinx_cv.model.PERSON_FIELDS`
and :data:`sphinx_cv.model.FIELDS`; configuration values from
:data:`sphinx_cv.config.VALUES`. What is said here besides (a sentence per
directive, role, value and warning subtype) is checked against those
declarations by the tests, so the page cannot drift: ``python -m sphinx_cv
reference > _ext/README.markdown`` rewrites it.
"""

from __future__ import annotations

from sphinx_cv import entries, model
from sphinx_cv.config import VALUES
from sphinx_cv.problems import Problem
from sphinx_cv.views import TimelineDirective

#: A value for each option, for the examples; each parses.
EXAMPLES: dict[str, str] = {
    "organisation": "Acme Corp.",
    "name": "Ada Example",
    "role": "Kernel Intern",
    "degree": "B.S. in Computer Engineering",
    "title": "Dean's List",
    "subtitle": "Invited talk",
    "issuer": "Example Institute",
    "event": "Example Conference 2021",
    "funder": "Example Foundation",
    "amount": "EUR 120,000",
    "placement": "Example Lab",
    "date": "2021-05",
    "team": "Networking",
    "course": "CS101, Introduction to Computing",
    "kind": "open source",
    "location": "Springfield",
    "start": "2022-06",
    "end": "present",
    "expected": "2023-06",
    "years": "2018-19, 2019-20",
    "advisor": "Grace Hopper",
    "entity": "Analytical Society",
    "score": "First class",
    "courses": "Analysis; Mechanics, with Lab",
    "instructor": "Alan Turing",
    "url": "https://example.com/",
    "skills": "C, Golang",
    "tags": "core",
    "email": "ada@example.com",
    "label": "Mathematician",
    "phone": "+44 20 7946 0958",
    "address": "12 St James's Square",
    "postcode": "SW1Y 4JH",
    "city": "London",
    "region": "England",
    "country": "GB",
    "links": "GitHub ada https://github.com/ada, Website Blog https://ada.example.com",
    "photo": "portrait.jpg",
    "level": "Master",
    "fluency": "Native speaker",
    "keywords": "HTML, CSS",
}

#: Directives that are not entries: (options, what it does).
OTHER_DIRECTIVES = {
    "person": (
        model.PERSON_FIELDS,
        "whose CV it is, once in the project: the contact line under the "
        "name, and the ``basics`` of the exports; its name is conf.py's "
        "``author`` where it gives none",
    ),
    "related": (
        ((), ()),
        "one paragraph after an entry pointing at related entries; the site "
        'and the ePub show it as "Related: ...", the printed CV leaves it out',
    ),
    **{
        name: ((kind.required, kind.optional), kind.doc)
        for name, kind in entries.ITEM_TYPES.items()
    },
    "timeline": (
        ((), ("entries",)),
        "every entry newest first, or those of one type (``:entries:``)",
    ),
    "skills-index": (
        ((), ()),
        "every skill the entries name, with the entries that used it",
    ),
    "downloads": (
        ((), ()),
        "the files the site offers (``sphinx-cv downloads``), with their sizes, "
        "and the exports",
    ),
}

ROLES = {
    "entry": ("{cv:entry}`example-work`", "a link to an entry by its id"),
    "skill": ("{cv:skill}`Golang`", "a link to a skill in the skills index"),
    "tags": (
        "- {cv:tags}`core` A bullet",
        "tags a bullet for the versions of the CV; shows nothing",
    ),
}


def _options_table(fields: tuple[tuple[str, ...], tuple[str, ...]]) -> list[str]:
    required, optional = fields
    if not required + optional:
        return ["Takes no options."]
    lines = ["| option | | takes | bad value warns |", "| --- | --- | --- | --- |"]
    for name in required + optional:
        field = TimelineDirective.own_fields.get(name) or model.FIELDS[name]
        need = "required" if name in required else "optional"
        lines.append(f"| `:{name}:` | {need} | {field.doc} | `cv.{field.subtype}` |")
    return lines


def example(
    directive: str,
    fields: tuple[tuple[str, ...], tuple[str, ...]],
    *,
    all_options: bool = True,
    argument: str = "",
) -> str:
    """A use of *directive* with example values, as MyST."""
    required, optional = fields
    names = required + (optional if all_options else ())
    head = f":::{{cv:{directive}}}" + (f" {argument}" if argument else "")
    values = {**EXAMPLES, "entries": next(iter(entries.ENTRY_TYPES))}
    lines = [head, *(f":{name}: {values[name]}" for name in names)]
    if argument:
        lines += ["", "- What you did, and what it changed."]
    return "\n".join([*lines, ":::"])


def markdown() -> str:
    """The reference, as the Markdown of the package's README."""
    out = [
        "# sphinx-cv",
        "",
        "A Sphinx extension for a curriculum vitae kept as documentation: typed,",
        "validated entries written as MyST directives, one a type (positions,",
        "degrees, volunteering, projects, teaching, awards, certificates,",
        "talks, grants, students advised, service, and `cv:entry` for what",
        "fits no other type), publications from BibTeX, in sections of the author's",
        "own; a timeline and a skills index generated from them; the CV printed",
        "as a PDF (Typst, tagged PDF/UA-1), a Word file, Markdown and plain text",
        "(for application forms), and on one web page, `cv.html`; an ePub; and",
        "`resume.json` (JSON Resume) and `rendercv.yaml` (RenderCV) written by",
        "every HTML build. Versions of the CV (`cv_variants`: a one-page",
        "résumé, say) are selected from the same source, each fitted to its",
        "length.",
        "",
        "## Start a CV",
        "",
        "```sh",
        "python -m pip install path/to/sphinx-cv/_ext   # no index holds it yet",
        'python -m sphinx_cv new my-cv --name "Ada Lovelace"  # or --from cv.yaml',
        "cd my-cv && make html         # then make strict, pdf, docx, all, docs...",
        "```",
        "",
        "`new` writes conf.py, index.md, a section for each type that gives an",
        "example (one page an entry in `experience/`, `projects/` and",
        "`teaching/`; `education.md`, `honors.md`), `skills-index.md`,",
        "`publications.md` with an example entry in `references.bib`,",
        "`letters/example.md` (a cover letter), its own copy of the package in",
        "`_ext/` (so that it builds anywhere, Read the Docs too, with no index",
        "holding sphinx-cv), a Makefile, requirements.txt, .readthedocs.yaml",
        "and a README; the package's documentation is `make docs` there.",
        "A section is a page of index.md's table of contents, under its",
        "own title, and may hold entries of any type. `--from` reads a JSON",
        "Resume document (`.json`), a RenderCV input (`.yaml`), a LinkedIn",
        "data export (its `.zip` or folder) or a Europass CV (`.xml`, or 3.x's",
        "`.json`), each section in its order (a RenderCV section under its own",
        "title), and lists by name what it could not carry over. Every date may",
        "be left out; a date",
        "(`:start:`, `:end:`, `:date:`) is `YYYY`, `YYYY-MM`, `YYYY-MM-DD` or",
        'words ("Spring 2025"), which are shown as written. Add',
        '`"sphinx_cv"` to `extensions` in any other project: its stylesheet,',
        "Typst template and message catalogs come with it.",
        "",
        "Any HTML theme will do (alabaster, sphinx-rtd-theme, pydata-sphinx-theme",
        "and sphinx-book-theme are tested). Under furo, and only there, furo is",
        "given more: its navigation made once a build rather than once a page,",
        "its English words in the page's language, and a submit button on its",
        "search form; the templates for these come with the package, after a",
        "project's own `templates_path`.",
        "",
        "## Publications",
        "",
        "Publications are the entries of `references.bib`, listed by",
        "sphinxcontrib-bibtex's `{bibliography}` in the style `cv`",
        '(`bibtex_default_style = "cv"`, which `new` sets): newest first,',
        "numbered, the person's name in bold, titles as written, the month as",
        "the CV says dates, and links to the DOI, the arXiv page, the `url`,",
        "and the `pdf` and `code` fields. Each publication's key is its anchor",
        "(`publications.html#lovelace-1843-sketch`); `{cite}` and `{cv:entry}`",
        "point at it by its key from any page. A new project's",
        "`publications.md` lists them all:",
        "",
        "````md",
        "# Publications",
        "",
        "```{bibliography}",
        ":all:",
        "```",
        "````",
        "",
        "One list a kind is a bibliography a kind, on one page or on several,",
        'each with a filter (`:filter: type == "article"`) and, after the',
        "first, a `:labelprefix:` (`C` numbers C1, C2...). A bibliography in",
        "another style (`:style: unsrt`) lists sources, not publications: the",
        "exports, the JSON-LD and the versions take only those in `cv`.",
        "`cv_author_names` gives the person's name as the publications write",
        "it (by default, the person's surname and first initial are matched);",
        "`cv_et_al` shortens long lists of authors, the person kept in view;",
        '`cv_publication_numbers = "down"` counts each list down to 1. A',
        "`keywords` field naming a tag of `cv_tags` (`keywords = {selected}`)",
        'lets a version keep those only: `"entries": ["selected"]`.',
        "",
        "A section whose title names talks, grants, students or service",
        "(`Invited talks`, `Funded projects`, `Ph.D. students`, `Program",
        "committees`) is read as `cv:talk`, `cv:grant`, `cv:student` or",
        "`cv:service` by `new --from`.",
        "",
        "<!-- Everything below is generated by `python -m sphinx_cv reference`",
        "     from sphinx_cv.entries, sphinx_cv.model and sphinx_cv.config:",
        "     do not edit it. -->",
        "",
        "## Entry directives",
        "",
        "Each option is read verbatim from its `:name: value` line (one line a",
        "value); the body holds the entry's prose and bullets (its highlights).",
        "A bad value is a `cv` warning at the option's own line.",
    ]
    for name, kind in entries.ENTRY_TYPES.items():
        fields = (kind.required, kind.optional)
        out += ["", f"### `cv:{name}`", "", kind.doc[0].upper() + kind.doc[1:] + "."]
        out += ["", *_options_table(fields)]
        out += ["", "```md", example(name, fields, argument=f"example-{name}"), "```"]
    out += ["", "## Other directives"]
    for name, (fields, doc) in OTHER_DIRECTIVES.items():
        out += ["", f"### `cv:{name}`", "", doc[0].upper() + doc[1:] + ".", ""]
        out += _options_table(fields)
        body = "\n\nSee also {cv:entry}`example-work`." if name == "related" else ""
        text = example(name, fields)
        if body:
            text = text.replace("\n:::", body + "\n:::")
        out += ["", "```md", text, "```"]
    out += [
        "",
        "## Roles",
        "",
        "| role | example | what it does |",
        "| --- | --- | --- |",
    ]
    for name, (use, doc) in ROLES.items():
        out.append(f"| `cv:{name}` | `` {use} `` | {doc} |")
    out += [
        "",
        "## Configuration values",
        "",
        "| name | default | what it sets |",
        "| --- | --- | --- |",
    ]
    for name, value in VALUES.items():
        out.append(f"| `{name}` | `{value.default!r}` | {value.doc} |")
    out += [
        "",
        "## Warnings",
        "",
        "Every warning of the extension has the type `cv`; silence one subtype",
        'with `suppress_warnings = ["cv.<subtype>"]`.',
        "",
        "| subtype | raised by |",
        "| --- | --- |",
    ]
    out += [f"| `cv.{problem}` | {problem.doc} |" for problem in Problem]
    return "\n".join(out) + "\n"
