"""sphinx_cv as a tool: its reference, `new`, imports, round trips, its wheel.

The samples are the official JSON Resume sample and RenderCV's John Doe
example, read from ``../shared/data/`` beside the repository. Each is
imported once (module-scoped) and built strictly in-process as HTML, and
by subprocess as PDF and ePub where TeX is present. A round trip compares
the input with the export the build writes, field by field, and prints the
fields that differ or were not imported: the list may only shrink.
"""

from __future__ import annotations

import ast
import json
import os
import re
import shutil
import subprocess
import sys
import tomllib
import venv
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from bs4 import BeautifulSoup
from sphinx.testing.util import SphinxTestApp
from test_web import SCHEMA, package_index, reachable

import sphinx_cv
from conftest import ROOT, Build, broken_links, build, epubcheck, make_env, poppler
from sphinx_cv import cli, entries, model, reference
from sphinx_cv.formats import jsonresume, rendercv
from sphinx_cv.formats.rendercv import section_title
from sphinx_cv.problems import Problem
from sphinx_cv.project import DEPENDENCIES

DATA = ROOT.parent / "shared" / "data"
JSON_RESUME = DATA / "jsonresume-sample.resume.json"
RENDERCV = DATA / "rendercv-John_Doe_ClassicTheme_CV.yaml"
PACKAGE = ROOT / "_ext" / "sphinx_cv"

needs_data = pytest.mark.skipif(
    not (JSON_RESUME.is_file() and RENDERCV.is_file()),
    reason=f"needs the samples in {DATA} (a copy of shared/ beside the clone)",
)


# -- The reference ---------------------------------------------------------------


def test_the_package_readme_is_the_generated_reference() -> None:
    readme = (ROOT / "_ext" / "README.markdown").read_text(encoding="utf-8")
    assert readme == reference.markdown(), (
        "run: PYTHONPATH=_ext python -m sphinx_cv reference > _ext/README.markdown"
    )


def _problems_raised() -> set[Problem]:
    """Every Problem the package's code names (each goes to warn()), and
    the subtype strings passed to a logger directly (none should be)."""
    found: set[Problem] = {field.subtype for field in model.FIELDS.values()}
    for path in PACKAGE.rglob("*.py"):
        if path.name == "problems.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Attribute)
                and isinstance(node.value, ast.Name)
                and node.value.id == "Problem"
            ):
                found.add(Problem[node.attr])
            if isinstance(node, ast.Call) and any(
                keyword.arg == "type"
                and isinstance(keyword.value, ast.Constant)
                and keyword.value.value == "cv"
                for keyword in node.keywords
            ):
                assert path.name == "diagnostics.py", f"{path.name}: use warn()"
    return found


def test_the_reference_covers_every_declaration() -> None:
    """Every option has an example value that parses; every configuration
    value and every warning subtype raised has its line, and no more."""
    assert set(reference.EXAMPLES) == set(model.FIELDS)
    for name, value in reference.EXAMPLES.items():
        model.FIELDS[name].parse(value)
    assert _problems_raised() == set(Problem)
    text = reference.markdown()
    for kind in entries.TYPES:
        assert f"### `cv:{kind}`" in text
    for name in model.FIELDS:
        assert f"`:{name}:`" in text


def test_the_reference_examples_build_without_a_warning(tmp_path: Path) -> None:
    """Each directive's and role's example, on one page, builds strictly."""
    text = reference.markdown()
    blocks = [b.split("```", 1)[0] for b in text.split("```md\n")[1:]]
    roles = "\n".join(use for use, _ in reference.ROLES.values())
    src = tmp_path / "src"
    src.mkdir()
    (src / "conf.py").write_text(
        'extensions = ["myst_parser", "sphinx_design", "sphinx_cv"]\n'
        'myst_enable_extensions = ["colon_fence", "fieldlist"]\n'
        'cv_tags = {"core": "every version"}\n',
        encoding="utf-8",
    )
    body = "\n\n".join(blocks)
    (src / "index.md").write_text(f"# Reference\n\n{body}\n\n{roles}\n", "utf-8")
    built = build(src, tmp_path / "build")
    assert built.warnings == ""
    assert set(built.entries) == {f"example-{kind}" for kind in entries.ENTRY_TYPES}


# -- new and --from ---------------------------------------------------------------


@dataclass(frozen=True)
class Imported:
    """A project written by `new`, what `new` printed, and its HTML build."""

    source: Path
    printed: str
    outdir: Path
    warnings: str


def _new(
    directory: Path, capsys: pytest.CaptureFixture[str], *args: str
) -> tuple[int, str, str]:
    status = cli.main(["new", str(directory), *args])
    out, err = capsys.readouterr()
    return status, out, err


def _import(
    factory: pytest.TempPathFactory, source: Path | None, name: str
) -> Imported:
    base = factory.mktemp(name)
    project = base / "cv"
    args = ["--from", str(source)] if source else []
    result = subprocess.run(
        [sys.executable, "-m", "sphinx_cv", "new", str(project), *args],
        env={**os.environ, "PYTHONPATH": str(ROOT / "_ext")},
        capture_output=True,
        text=True,
        check=True,
    )
    built = build(project, base / "build", confoverrides={})
    return Imported(project, result.stdout, built.outdir, built.warnings)


@pytest.fixture(scope="module")
def fresh(tmp_path_factory: pytest.TempPathFactory) -> Imported:
    return _import(tmp_path_factory, None, "new")


@pytest.fixture(scope="module")
def from_json(tmp_path_factory: pytest.TempPathFactory) -> Imported:
    return _import(tmp_path_factory, JSON_RESUME, "jsonresume")


@pytest.fixture(scope="module")
def from_rendercv(tmp_path_factory: pytest.TempPathFactory) -> Imported:
    return _import(tmp_path_factory, RENDERCV, "rendercv")


LAYOUT = [
    ".gitignore",
    ".readthedocs.yaml",
    "Makefile",
    "README.md",
    "_ext",
    "_static",
    "conf.py",
    "education.md",
    "experience",
    "honors.md",
    "index.md",
    "letters",
    "projects",
    "publications.md",
    "references.bib",
    "requirements.txt",
    "skills-index.md",
    "teaching",
]


def test_new_writes_the_layout_of_this_cv_and_builds_strictly(fresh: Imported) -> None:
    assert sorted(p.name for p in fresh.source.iterdir()) == LAYOUT
    for folder in ("experience", "projects", "teaching"):
        pages = sorted(p.name for p in (fresh.source / folder).iterdir())
        assert len(pages) == 2 and "index.md" in pages, pages
    assert fresh.warnings == ""
    assert (fresh.outdir / "resume.json").is_file()
    assert (fresh.outdir / "_static" / "sphinx-cv.css").is_file()
    # The example publication, listed from references.bib with its anchor,
    # the person's name set apart, its title as written, its link.
    listed = (fresh.outdir / "publications.html").read_text(encoding="utf-8")
    assert '<span id="example-2024-article"></span>' in listed
    assert (
        "<strong>Your Name</strong> and Another Author. An Example Article. "
        "<em>Journal of Examples</em>, 2024. "
        '<a class="reference external" href="https://example.com/article">'
    ) in listed


@needs_data
def test_both_samples_import_and_build_strictly(
    from_json: Imported, from_rendercv: Imported
) -> None:
    for imported in (from_json, from_rendercv):
        assert imported.warnings == "", imported.printed
        assert (imported.source / "publications.md").is_file()
    pages = sorted(p.stem for p in (from_json.source / "experience").iterdir())
    assert pages == ["index", "pied-piper-ceo-president"]
    # RenderCV's normal entries are general ones, on their section's page.
    projects = (from_rendercv.source / "projects.md").read_text(encoding="utf-8")
    assert re.findall(r"^:::\{cv:(\w+)\} (\S+)$", projects, re.M) == [
        ("entry", "flashinfer"),
        ("entry", "neuralprune"),
    ]
    # Publications became references.bib entries, cited from their page.
    bib = (from_rendercv.source / "references.bib").read_text(encoding="utf-8")
    assert bib.count("@article{") == 4
    listed = (from_rendercv.outdir / "publications.html").read_text(encoding="utf-8")
    assert listed.count('class="citation cv-publication"') == 4
    # RenderCV's Markdown stays Markdown: bold and links render.
    welcome = (from_rendercv.source / "welcome-to-rendercv.md").read_text("utf-8")
    assert "This is **bold**, *italic*, and [link](https://example.com)." in welcome
    html = (from_rendercv.outdir / "welcome-to-rendercv.html").read_text("utf-8")
    assert "<strong>bold</strong>" in html and 'href="https://example.com"' in html


@needs_data
def test_the_imported_person_is_described_in_json_ld(from_json: Imported) -> None:
    """What schema.org has a property for reaches the index page's JSON-LD."""
    page = BeautifulSoup((from_json.outdir / "index.html").read_text(), "html.parser")
    [script] = page.select('script[type="application/ld+json"]')
    person = json.loads(script.string or "")["mainEntity"]
    assert person["description"] == "Programmer"
    assert person["telephone"] == "(912) 555-4321"
    assert person["address"]["streetAddress"] == "2712 Broadway St"
    assert person["knowsLanguage"] == ["English"]
    assert person["award"] == ["Digital Compression Pioneer Award, Techcrunch"]
    assert person["knowsAbout"][:2] == ["Web Development", "Compression"]


@needs_data
def test_new_from_reports_what_it_could_not_import(
    from_json: Imported, from_rendercv: Imported
) -> None:
    """Each field not carried, or carried with a change, by name, with why
    no format could hold it: the samples' lists are this short."""
    assert from_json.printed.splitlines()[1:-1] == [
        "Carried with a change:",
        f"  {JSON_RESUME}:{_line(JSON_RESUME, 'canonical')}: meta.canonical: "
        "the new site's own resume.json (from html_baseurl)",
    ]
    said = "RenderCV's settings for its own PDF"
    assert from_rendercv.printed.splitlines()[1:-1] == [
        "Not read (another tool's settings):",
        f"  {RENDERCV}:{_line(RENDERCV, 'design:')}: design: {said}",
        f"  {RENDERCV}:{_line(RENDERCV, 'locale:')}: locale: {said}, but for its "
        "language and word for present, which are read",
        f"  {RENDERCV}:{_line(RENDERCV, 'settings:')}: settings: {said}",
    ]


def _line(path: Path, text: str) -> int:
    """The line (from 1) of *path* whose text starts with *text*, indented
    or not: where a report names a field."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(
        n
        for n, line in enumerate(lines, 1)
        if line.startswith(text) or line.strip().startswith(f'"{text}"')
    )


# -- Round trips ------------------------------------------------------------------


def _leaves(value: Any, path: str) -> dict[str, Any]:
    """The fields of *value* by dotted path; lists of text are one field."""
    if isinstance(value, dict):
        found: dict[str, Any] = {}
        for key, item in value.items():
            found.update(_leaves(item, f"{path}.{key}" if path else key))
        return found
    if isinstance(value, list) and any(isinstance(v, dict) for v in value):
        found = {}
        for number, item in enumerate(value):
            found.update(_leaves(item, f"{path}[{number}]"))
        return found
    if value in (None, "", []):
        return {}
    return {path: [str(v) for v in value] if isinstance(value, list) else str(value)}


def _matched(items: list[Any], others: list[Any], key: str) -> list[Any]:
    """For each item, the item of *others* with the same *key*, or {}."""
    by_key = {str(o.get(key)): o for o in others if isinstance(o, dict)}
    return [
        by_key.get(str(i.get(key)), {}) if isinstance(i, dict) else {} for i in items
    ]


def differences(given: dict[str, Any], back: dict[str, Any]) -> list[str]:
    """The fields of *given* that *back* does not give back equal."""
    ours, theirs = _leaves(given, ""), _leaves(back, "")
    return [path for path, value in ours.items() if theirs.get(path) != value]


#: Each JSON Resume section's items, matched by this field.
JSON_KEYS = {
    "work": "name",
    "education": "institution",
    "awards": "title",
    "projects": "name",
    "skills": "name",
    "volunteer": "organization",
    "publications": "name",
    "languages": "language",
    "interests": "name",
    "references": "name",
    "certificates": "name",
}

#: What does not come back from the JSON Resume sample, and why.
JSON_RESUME_DIFFERENCES = {
    "meta.canonical": "the address of the new site's own resume.json",
}


def held(found: list[str], recorded: dict[str, str], given: dict[str, Any]) -> None:
    """Print each field that did not come back, with why; hold the list to
    *recorded*, and what comes back to 98% of the fields or more."""
    total = len(_leaves(given, ""))
    print(f"{total - len(found)} of {total} fields come back unchanged; not:")
    for path in found:
        print(f"  {path}: {recorded.get(path, 'not known why')}")
    assert sorted(found) == sorted(recorded)
    assert (total - len(found)) / total >= 0.98


@needs_data
def test_every_resume_json_written_is_valid(
    from_json: Imported, from_rendercv: Imported, testroot_sites: list[Path]
) -> None:
    validator = jsonschema.Draft7Validator(json.loads(SCHEMA.read_text()))
    for outdir in [from_json.outdir, from_rendercv.outdir, *testroot_sites]:
        validator.validate(json.loads((outdir / "resume.json").read_text()))


@needs_data
def test_json_resume_round_trip(from_json: Imported) -> None:
    given = json.loads(JSON_RESUME.read_text(encoding="utf-8"))
    back = json.loads((from_json.outdir / "resume.json").read_text(encoding="utf-8"))
    aligned = dict(back)
    for section, key in JSON_KEYS.items():
        if section in given:
            aligned[section] = _matched(given[section], back.get(section, []), key)
    profiles = back.get("basics", {}).get("profiles", [])
    aligned["basics"] = {
        **back.get("basics", {}),
        "profiles": _matched(given["basics"]["profiles"], profiles, "network"),
    }
    held(differences(given, aligned), JSON_RESUME_DIFFERENCES, given)
    # What does come back: the person, the job, the degree, the project.
    assert back["basics"]["name"] == given["basics"]["name"]
    assert aligned["work"][0]["highlights"] == given["work"][0]["highlights"]


def _pages(project: Path) -> dict[str, str]:
    """A project's pages and bibliography, by path."""
    return {
        str(path.relative_to(project)): path.read_text(encoding="utf-8")
        for pattern in ("**/*.md", "*.bib")
        for path in sorted(project.glob(pattern))
    }


@needs_data
@pytest.mark.parametrize("export", ["resume.json", "rendercv.yaml"])
def test_importing_the_export_again_changes_nothing(
    export: str,
    from_json: Imported,
    from_rendercv: Imported,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The second round trip gives the project the first one made."""
    first = from_json if export == "resume.json" else from_rendercv
    status, _, err = _new(
        tmp_path / "again", capsys, "--from", str(first.outdir / export)
    )
    assert (status, err) == (0, "")
    assert _pages(tmp_path / "again") == _pages(first.source)


#: Each RenderCV entry type's items, matched by this field.
RENDERCV_KEYS = (
    "institution",
    "company",
    "name",
    "label",
    "bullet",
    "number",
    "reversed_number",
    "title",
)

#: What does not come back from RenderCV's sample, and why: nothing.
RENDERCV_DIFFERENCES: dict[str, str] = {}


def _rendercv_aligned(given: dict[str, Any], back: dict[str, Any]) -> dict[str, Any]:
    """*back* rearranged as *given*: sections by title, entries by their key."""
    sections = back["cv"].get("sections", {})
    titled = {title.casefold(): items for title, items in sections.items()}
    aligned_sections = {}
    for key, items in given["cv"]["sections"].items():
        theirs = titled.get(section_title(key).casefold())
        if theirs is None:
            continue
        matched = []
        for item in items:
            field = next(
                (k for k in RENDERCV_KEYS if isinstance(item, dict) and k in item), ""
            )
            if field:
                value = item.get(field)
                found = [
                    t for t in theirs if isinstance(t, dict) and t.get(field) == value
                ]
            else:
                found = [t for t in theirs if t == item]
            matched.append(found[0] if found else {})
        aligned_sections[key] = matched
    cv = dict(back["cv"])
    cv["sections"] = aligned_sections
    networks = back["cv"].get("social_networks", [])
    cv["social_networks"] = _matched(
        given["cv"]["social_networks"], networks, "network"
    )
    return {"cv": cv}


@needs_data
def test_rendercv_round_trip(from_rendercv: Imported) -> None:
    given = yaml.safe_load(RENDERCV.read_text(encoding="utf-8"))
    back = yaml.safe_load((from_rendercv.outdir / "rendercv.yaml").read_text("utf-8"))
    aligned = _rendercv_aligned({"cv": given["cv"]}, back)
    held(differences({"cv": given["cv"]}, aligned), RENDERCV_DIFFERENCES, given["cv"])
    # Sections in the source's order, under the titles RenderCV shows.
    titles = [section_title(key) for key in given["cv"]["sections"]]
    assert list(back["cv"]["sections"]) == titles
    # Every experience and education entry comes back, with its dates.
    assert len(aligned["cv"]["sections"]["experience"]) == 5
    assert all(aligned["cv"]["sections"]["experience"])
    assert all(aligned["cv"]["sections"]["education"])


def test_an_award_month_that_reads_as_an_academic_year_is_named(
    tmp_path: Path,
) -> None:
    """``2011-12`` as an award's years is the academic year 2011-12: a
    JSON Resume award of December 2011 keeps its year, and says so."""
    award = '{"title": "T", "awarder": "X", "date": "2011-12"}'
    text = f'{{"basics": {{"name": "A"}}, "awards": [{award}]}}'
    draft = jsonresume.parse(text, tmp_path / "r.json")
    assert draft.changed == [
        f"{tmp_path / 'r.json'}:1: awards[0].date: the year only (the month "
        "reads as an academic year)"
    ]
    assert [e.options["years"] for e in draft.entries()] == ["2011"]


# -- A page's prose -----------------------------------------------------------------

PROSE = ROOT / "tests" / "roots" / "test-prose"


@pytest.fixture(scope="module")
def testroot_sites(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """The sites of the testroots whose exports hold what the CV does not:
    prose sections, a phone and an address, text meant to break outputs,
    every type of entry with the least it takes."""
    sites = []
    for name in ("test-prose", "test-site", "test-hostile", "test-least"):
        outdir = build(ROOT / "tests" / "roots" / name, tmp_path_factory.mktemp(name))
        sites.append(outdir.outdir)
    return sites


def test_an_entry_with_the_least_it_takes_is_a_rendercv_entry_of_its_type(
    tmp_path: Path,
) -> None:
    """Each type's least entry is written with every field its RenderCV type
    requires, one the CV does not have empty (RenderCV refuses an entry
    without it, test_rendercv_itself_reads_every_rendercv_yaml_written), and
    a referee's name with no words is the name alone."""
    site = build(ROOT / "tests" / "roots" / "test-least", tmp_path)
    assert site.warnings == ""
    sections = yaml.safe_load((site.outdir / "rendercv.yaml").read_text())["cv"][
        "sections"
    ]
    found = {
        title: [rendercv.entry_type(item) for item in items]
        for title, items in sections.items()
    }
    assert found == {
        "Experience": ["ExperienceEntry", "ExperienceEntry"],
        "Education": ["EducationEntry"],
        "Teaching experience": ["ExperienceEntry"],
        "Volunteering": ["ExperienceEntry"],
        "Service": ["ExperienceEntry"],
        "Students advised": ["EducationEntry"],
        "Honors and awards": ["BulletEntry"],
        "Certificates": ["BulletEntry"],
        "Projects": ["NormalEntry"],
        "Talks": ["NormalEntry"],
        "Grants and funding": ["NormalEntry"],
        "Entries": ["NormalEntry"],
        "Skills": ["OneLineEntry"],
        "Languages": ["OneLineEntry"],
        "Interests": ["OneLineEntry"],
        "References": ["TextEntry"],
    }
    assert sections["Experience"] == [
        {"company": "Analytical Engines", "position": ""},
        {"company": "", "position": "Translator"},
    ]
    assert sections["References"] == ["C. Babbage"]


def test_a_pages_prose_is_exported_as_rendercv_entries(tmp_path: Path) -> None:
    """Paragraphs, lists, a list counted down and a definition list become
    RenderCV's text, bullet, numbered, reversed-numbered and one-line
    entries, under their pages' titles, in their order, Markdown kept; a
    page of entries exports its entries only."""
    site = build(PROSE, tmp_path)
    assert site.warnings == ""
    sections = yaml.safe_load((site.outdir / "rendercv.yaml").read_text())["cv"][
        "sections"
    ]
    assert sections == {
        "About": [
            "Ada writes **programs** for an *engine*, in `notes`, "
            "[as published](https://example.org/notes).",
            "A second paragraph, with a \\*star\\* and a \\[bracket\\].",
        ],
        "Honours": [
            {"bullet": "First honour (1840)"},
            {"bullet": "Second honour, with *emphasis*"},
        ],
        "Talks": [
            {"reversed_number": "The latest talk (1843)"},
            {"reversed_number": "An earlier talk (1842)"},
            {"reversed_number": "The first talk (1841)"},
        ],
        "Notes": [{"number": "Note A"}, {"number": "Note B"}],
        "Lines": [
            {"label": "Languages", "details": "English, French"},
            {"label": "Mathematics", "details": "*Analysis*, Algebra"},
        ],
        # A section holds one type of entry: the project goes to its own.
        "Work": [{"bullet": "Royal Society, Medal, November 1842"}],
        "Projects": [
            {"name": "[Notes on the Engine](https://example.org/notes)", "date": "1843"}
        ],
        "Publications": [
            {
                "title": "Sketch of the Analytical Engine",
                "authors": ["*Ada Lovelace*", "Luigi Menabrea"],
                "journal": "Scientific Memoirs",
                "date": "1843-09",
            }
        ],
    }
    resume = json.loads((site.outdir / "resume.json").read_text())
    assert resume["$schema"].endswith("/resume-schema/v1.0.0/schema.json")
    assert resume["meta"] == {
        "canonical": "https://cv.example/resume.json",
        "version": "2.1",
        "lastModified": "1843-09-01",
    }
    assert resume["awards"] == [
        {"title": "Medal", "date": "1842-11-30", "awarder": "Royal Society"}
    ]
    talks = BeautifulSoup((site.outdir / "talks.html").read_text(), "html.parser")
    [counted] = talks.select("ol.reversed")
    assert counted.has_attr("reversed")


def test_a_list_counted_down_in_print_and_in_the_book(tmp_path: Path) -> None:
    printed = build(PROSE, tmp_path / "pdf", buildername="pdf")
    text = " ".join(
        poppler("pdftotext", printed.outdir / "ada-lovelace-cv.pdf", "-").split()
    )
    assert (
        "3. The latest talk (1843) 2. An earlier talk (1842) 1. The first talk (1841)"
        in text
    )
    assert "Royal Society, Medal November 1842" in text


@pytest.mark.audit
def test_a_book_counting_down_passes_epubcheck(tmp_path: Path) -> None:
    book = build(PROSE, tmp_path / "epub", buildername="epub")
    [epub] = book.outdir.glob("*.epub")
    assert epubcheck(epub) == []
    with zipfile.ZipFile(epub) as archive:
        pages = b"".join(archive.read(n) for n in archive.namelist() if "xhtml" in n)
    assert b'<ol reversed="reversed"' in pages


# -- Bad input ----------------------------------------------------------------------

ENTRY_TYPES = (
    "EducationEntry, ExperienceEntry, PublicationEntry, NormalEntry, "
    "OneLineEntry, BulletEntry, NumberedEntry, ReversedNumberedEntry, TextEntry"
)
PRINCETON = (
    "cv:\n  name: John Doe\n  sections:\n    education:\n"
    "      - institution: Princeton University\n        area: Computer Science\n"
)

#: Each file that is no CV at all, and all that `new --from` says about it.
BAD = {
    "invalid.json": (
        '{\n  "basics": {"name": "A",}\n}\n',
        "{f}:2:26: not valid JSON: Expecting property name enclosed in double quotes",
    ),
    "invalid.yaml": (
        "cv:\n  name: [John\n",
        "{f}:3: not valid YAML: expected ',' or ']', but got '<stream end>'",
    ),
    "notrendercv.yaml": (
        "name: John Doe\nsections: {}\n",
        "{f}:1: not a RenderCV input: it has no 'cv' mapping "
        "(RenderCV's files start with cv: name: ...)",
    ),
    "include.yaml": (
        "cv:\n  name: John Doe\n  sections: !include sections.yaml\n",
        "{f}:3: the tag !include is not YAML that RenderCV reads: "
        "write the value itself",
    ),
}


@pytest.mark.parametrize("name", BAD)
def test_bad_input_is_one_located_message_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    """Exit 1, one line on stderr naming the file and the place, nothing
    written."""
    text, message = BAD[name]
    source = tmp_path / name
    source.write_text(text, encoding="utf-8")
    target = tmp_path / "out" / name
    assert _new(target, capsys, "--from", str(source)) == (
        1,
        "",
        "sphinx-cv: error: " + message.format(f=source) + "\n",
    )
    assert not (tmp_path / "out").exists() or list((tmp_path / "out").iterdir()) == []


#: Files with a value that cannot be carried, and what the report says of
#: it: the rest is imported.
LEFT_OUT = {
    "baddate.json": (
        '{"basics": {"name": "A"},\n "work": [{"name": "X", "position": "Y",\n'
        '   "startDate": "2014-13-01"}]}\n',
        "{f}:3: work[0].startDate: '2014-13-01' has no month 13: months run 01 to 12",
        ":organisation: X",
    ),
    "baddate.yaml": (
        PRINCETON + "        start_date: 2018-13-01\n",
        "{f}:7: cv.sections.education[0].start_date: '2018-13-01' has no month 13: "
        "months run 01 to 12",
        ":organisation: Princeton University",
    ),
    "unknown.yaml": (
        PRINCETON + "    awards:\n      - prize: Best Paper\n        year: 2020\n",
        "{f}:8: cv.sections.awards[0]: not a RenderCV entry: its keys (prize, "
        f"year) make none of RenderCV's entry types ({ENTRY_TYPES})",
        ":organisation: Princeton University",
    ),
}


@pytest.mark.parametrize("name", LEFT_OUT)
def test_a_value_that_cannot_be_carried_is_named_and_the_rest_imported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    """The project is written; the report names the value with its file,
    line and field; the exit status is 1, as something was not carried."""
    text, message, kept = LEFT_OUT[name]
    source = tmp_path / name
    source.write_text(text, encoding="utf-8")
    target = tmp_path / "out"
    status, out, err = _new(target, capsys, "--from", str(source))
    assert status == 1
    assert out.splitlines()[1:3] == [
        "Left out (no place in the CV):",
        "  " + message.format(f=source),
    ]
    assert err == f"sphinx-cv: 1 value(s) of {source} left out: see above\n"
    assert (target / "index.md").is_file()
    assert kept in "".join(p.read_text("utf-8") for p in target.rglob("*.md"))


def test_a_user_running_it_sees_the_message_and_no_traceback(tmp_path: Path) -> None:
    """The promise above, once as a user runs it: a process of its own."""
    name, (text, message) = next(iter(BAD.items()))
    source = tmp_path / name
    source.write_text(text, encoding="utf-8")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "sphinx_cv",
            "new",
            str(tmp_path / "out"),
            "--from",
            source,
        ],
        env={**os.environ, "PYTHONPATH": str(ROOT / "_ext")},
        capture_output=True,
        text=True,
        check=False,
    )
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == "sphinx-cv: error: " + message.format(f=source) + "\n"
    assert not (tmp_path / "out").exists()


def test_new_refuses_a_folder_that_is_not_empty(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "keep.txt").write_text("mine", encoding="utf-8")
    status, out, err = _new(tmp_path, capsys)
    assert (status, out) == (1, "")
    assert (
        err
        == f"sphinx-cv: error: {tmp_path}: exists and is not empty; give a new folder\n"
    )
    assert [p.name for p in tmp_path.iterdir()] == ["keep.txt"]


# -- PDF and ePub of the imports ---------------------------------------------------


@needs_data
def test_both_samples_build_a_pdf_and_an_epub(
    from_json: Imported, from_rendercv: Imported, tmp_path: Path
) -> None:
    for imported in (from_json, from_rendercv):
        for builder in ("pdf", "epub"):
            out = tmp_path / imported.source.parent.name / builder
            result = build(imported.source, out, buildername=builder)
            assert result.warnings == ""
            assert len(list(result.outdir.glob(f"*.{builder}"))) == 1


#: RenderCV itself, in an environment of its own (it needs Python 3.12).
RENDERCV_VENV = ROOT / "tests" / ".venv-rendercv"


def rendercv_python() -> Path:
    """The Python of RenderCV 2.8's environment, made on first use."""
    python = RENDERCV_VENV / "bin" / "python"
    if python.exists():
        return python
    candidates = [shutil.which(f"python3.{minor}") for minor in (12, 13)]
    candidates += [
        str(p) for p in Path.home().glob(".pyenv/versions/3.1[23]*/bin/python3")
    ]
    working = [
        c
        for c in candidates
        if c and subprocess.run([c, "--version"], capture_output=True).returncode == 0
    ]
    if not working:
        pytest.skip("needs a Python 3.12 or newer for RenderCV 2.8")
    base = working[0]
    index = package_index()
    if not reachable(index):
        pytest.skip(f"needs the package index ({index}) to install RenderCV")
    subprocess.run([base, "-m", "venv", RENDERCV_VENV], check=True)
    subprocess.run(
        [python, "-m", "pip", "install", "-q", "rendercv[full]==2.8", "click"],
        check=True,
        capture_output=True,
    )
    return python


@needs_data
@pytest.mark.audit
def test_rendercv_itself_reads_every_rendercv_yaml_written(
    from_json: Imported,
    from_rendercv: Imported,
    cv_html: Build,
    testroot_sites: list[Path],
    tmp_path: Path,
) -> None:
    """RenderCV's own model validates each export (without its PDF, which
    needs a Typst package it downloads)."""
    python = rendercv_python()
    outdirs = [from_json.outdir, from_rendercv.outdir, cv_html.outdir]
    for number, outdir in enumerate([*outdirs, *testroot_sites]):
        source = tmp_path / f"{number}.yaml"
        shutil.copy(outdir / "rendercv.yaml", source)
        result = subprocess.run(
            [python, "-m", "rendercv", "render", source.name, "--dont-generate-pdf",
             "--dont-generate-png", "--dont-generate-html", "--dont-generate-markdown"],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            check=False,
        )  # fmt: skip
        said = result.stdout + result.stderr
        assert result.returncode == 0 and "validation error" not in said, said[-3000:]


# -- The wheel ------------------------------------------------------------------------


def test_the_version_is_one(capsys: pytest.CaptureFixture[str]) -> None:
    """The version the wheel gets (hatchling reads it from the file its
    configuration names, as this does), the package's, the command's, and
    the changelog's last release are one string."""
    pyproject = tomllib.loads((ROOT / "_ext" / "pyproject.toml").read_text("utf-8"))
    source = ROOT / "_ext" / pyproject["tool"]["hatch"]["version"]["path"]
    [declared] = re.findall(r'^__version__ = "([^"]+)"$', source.read_text(), re.M)
    assert re.fullmatch(r"\d+\.\d+\.\d+", declared)
    assert sphinx_cv.__version__ == declared
    with pytest.raises(SystemExit):
        cli.main(["--version"])
    assert capsys.readouterr().out.strip() == declared
    changelog = (ROOT / "_ext" / "CHANGELOG.markdown").read_text(encoding="utf-8")
    assert re.findall(r"^## (\d+\.\d+\.\d+) ", changelog, re.M)[0] == declared


SHIPPED = [
    "sphinx_cv/py.typed",
    "sphinx_cv/typst/cv.typ",
    "sphinx_cv/static/sphinx-cv.css",
    "sphinx_cv/templates/new/conf.py.in",
    "sphinx_cv/templates/new/Makefile",
    "sphinx_cv/furo/templates/page.html",
    "sphinx_cv/furo/templates/sidebar/search.html",
    "sphinx_cv/__main__.py",
    "sphinx_cv/cli/__init__.py",
    "sphinx_cv/formats/jsonresume.py",
]


@pytest.mark.audit
def test_the_wheel_installs_and_a_new_cv_builds_with_it(tmp_path: Path) -> None:
    """One wheel, one fresh virtual environment, one new project built by
    its own Makefile strictly, as HTML and, where TeX is, PDF and ePub;
    sphinx_cv is the installed one, never _ext/."""
    index = package_index()
    if not reachable(index):
        pytest.skip(f"needs the package index ({index}): pip installs from it")
    env = {k: v for k, v in make_env().items() if k != "PYTHONPATH"}
    source = tmp_path / "src"
    shutil.copytree(ROOT / "_ext", source, ignore=shutil.ignore_patterns("__pycache__"))
    wheels = tmp_path / "dist"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", source, "-w", wheels],
        check=True,
        capture_output=True,
        env=env,
    )
    [wheel] = wheels.glob("*.whl")
    assert wheel.name == f"sphinx_cv-{sphinx_cv.__version__}-py3-none-any.whl"
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
    assert [name for name in SHIPPED if name not in names] == []
    assert not [name for name in names if "__pycache__" in name]
    locale = (
        [
            p.relative_to(source).as_posix()
            for p in (source / "sphinx_cv" / "locale").rglob("*")
            if p.is_file()
        ]
        if (source / "sphinx_cv" / "locale").is_dir()
        else []
    )
    assert [name for name in locale if name not in names] == []

    environment = tmp_path / "venv"
    venv.create(environment, with_pip=True)
    python = environment / "bin" / "python"
    subprocess.run(
        [python, "-m", "pip", "install", "-q", wheel],
        check=True,
        capture_output=True,
        env=env,
    )
    where = subprocess.run(
        [python, "-c", "import sphinx_cv; print(sphinx_cv.__file__)"],
        check=True,
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
    ).stdout
    assert Path(where).is_relative_to(environment)

    project = tmp_path / "my-cv"
    subprocess.run(
        [python, "-m", "sphinx_cv", "new", project, "--package", str(wheel)],
        check=True,
        capture_output=True,
        env=env,
    )
    targets = ["strict", "pdf", "epub"]
    for target in targets:
        result = subprocess.run(
            ["make", target, f"VENV={environment}", "SPHINXOPTS=-nW --keep-going"],
            cwd=project,
            capture_output=True,
            text=True,
            env=env,
            check=False,
        )
        assert result.returncode == 0, (
            target,
            result.stdout[-1500:],
            result.stderr[-1500:],
        )
    assert (project / "_build" / "html" / "_static" / "sphinx-cv.css").is_file()
    assert (project / "_build" / "pdf" / "your-name-cv.pdf").is_file()
    assert (project / "_build" / "epub" / "your-name-cv.epub").is_file()


# -- A real academic CV -----------------------------------------------------------

#: An academic's RenderCV file from ../shared/data/real (SOURCES.md there):
#: twenty sections of their own, grants and invited talks among them.
ACADEMIC = DATA / "real" / "rendercv-bateman.yaml"


@pytest.mark.skipif(not ACADEMIC.is_file(), reason=f"needs {ACADEMIC}")
def test_an_academics_sections_keep_their_own_titles(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Talks and grants are not filed under another section: each section
    of the file is a page of the CV under the file's own title, holding its
    entries, in the file's order."""
    _new(tmp_path / "cv", capsys, "--from", str(ACADEMIC))
    index = (tmp_path / "cv" / "index.md").read_text(encoding="utf-8")
    toc = index.split(":caption: Curriculum vitae\n:hidden:\n\n")[1].split("```")[0]
    pages = toc.split()
    for name, title in [
        ("funded-research-projects", "Funded Research Projects"),
        ("funding-acquisition-proposals", "Funding Acquisition Proposals"),
        ("keynote-presentations", "Keynote Presentations"),
        ("ph-d-students-supervision", "Ph.D. Students Supervision"),
    ]:
        assert name in pages
        page = (tmp_path / "cv" / f"{name}.md").read_text(encoding="utf-8")
        assert page.startswith(f"# {title}\n")
        assert page.count(":::{cv:") >= 2, name
    keynotes = (tmp_path / "cv" / "keynote-presentations.md").read_text("utf-8")
    assert ":title: The Potential and Challenges of Personality Detection" in keynotes
    assert pages.index("funded-research-projects") < pages.index(
        "keynote-presentations"
    )


@pytest.mark.parametrize(
    ("key", "item", "kind", "options"),
    [
        (
            "invitedTalks",
            {"name": "On Engines", "entity": "Royal Society", "date": "1843-06"},
            "talk",
            {"title": "On Engines", "event": "Royal Society", "date": "1843-06"},
        ),
        (
            "grants",
            {"name": "Engine Fund", "entity": "Crown", "startDate": "1840"},
            "grant",
            {"title": "Engine Fund", "funder": "Crown", "start": "1840"},
        ),
        (
            "students",
            {"name": "A. Pupil", "entity": "London", "roles": ["PhD"]},
            "student",
            {"name": "A. Pupil", "organisation": "London", "degree": "PhD"},
        ),
        (
            "service",
            {"organization": "Journal of Engines", "position": "Reviewer"},
            "service",
            {"organisation": "Journal of Engines", "role": "Reviewer"},
        ),
    ],
)
def test_a_section_titled_for_an_academic_type_is_read_as_one(
    tmp_path: Path, key: str, item: dict[str, Any], kind: str, options: dict[str, str]
) -> None:
    """A JSON Resume section of the author's own, named for talks, grants,
    students or service, holds entries of that type, its items' keys
    renamed to the type's options."""
    text = json.dumps({"basics": {"name": "A"}, key: [item]})
    draft = jsonresume.parse(text, tmp_path / "r.json")
    [entry] = draft.entries()
    assert (entry.type, entry.options) == (kind, options)
    assert draft.unmapped == []


DOCS = PACKAGE / "docs"


def test_the_packages_documentation_builds_strictly_and_its_links_land(
    tmp_path: Path,
) -> None:
    """`make docs`: the tutorial, the how-to guides, the reference made from
    the model, and the gallery; every page's links land, and the generated
    README and the docs name each make target a user runs."""
    app = SphinxTestApp(srcdir=DOCS, builddir=tmp_path, freshenv=True)
    try:
        app.build()
        warnings, found = app.warning.getvalue(), set(app.env.found_docs)
    finally:
        app.cleanup()
    assert warnings == ""
    assert {"tutorial", "how-to/publications", "reference", "gallery"} <= found
    outdir = tmp_path / "html"
    assert broken_links(outdir, "*.html") == []
    reference_page = (outdir / "reference.html").read_text("utf-8")
    for name in entries.TYPES:
        assert f"cv:{name}" in reference_page, name
    readme = (PACKAGE / "templates" / "new" / "README.md.in").read_text("utf-8")
    for target in ("html", "strict", "pdf", "docx", "epub", "all", "reference"):
        assert f"make {target} " in readme, target
    assert "`docs/`" in readme and "make docs" in readme


def _tutorial() -> str:
    """The tutorial's first shell block: the commands a reader types, word
    for word, the repository's place put where it says path/to/sphinx-cv."""
    text = (DOCS / "tutorial.md").read_text(encoding="utf-8")
    [block] = re.findall(r"```sh\n(.*?)```", text, re.S)[:1]
    return block.replace("path/to/sphinx-cv", str(ROOT))


@pytest.mark.audit
def test_the_tutorial_word_for_word_gives_a_cv_ready_for_read_the_docs(
    tmp_path: Path,
) -> None:
    """The tutorial's commands in an empty folder (a virtual environment,
    sphinx-cv installed from the repository, `new --name`, `make html`,
    `make all` with nothing else set), then Read the Docs' build replayed
    from the project's own .readthedocs.yaml in a fresh environment. The
    name is on the site and in the files' names, and "Your Name" nowhere."""
    index = package_index()
    if not reachable(index):
        pytest.skip(f"needs the package index ({index}): pip installs from it")
    env = {k: v for k, v in make_env().items() if k not in ("PYTHONPATH", "VENV")}
    typed = subprocess.run(
        ["bash", "-euo", "pipefail", "-c", _tutorial()],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert typed.returncode == 0, typed.stderr[-2000:]
    project = tmp_path / "my-cv"
    html = project / "_build" / "html"
    assert "<title>Ada Lovelace</title>" in (html / "index.html").read_text("utf-8")
    suffixes = ("pdf", "docx", "epub", "md", "txt")
    names = sorted(p.name for p in (project / "_build" / "downloads").iterdir())
    assert names == sorted(f"ada-lovelace-cv.{suffix}" for suffix in suffixes)
    pdf = project / "_build" / "downloads" / "ada-lovelace-cv.pdf"
    written = [
        p
        for p in project.rglob("*")
        if p.is_file()
        and not {".venv", "_ext"} & set(p.relative_to(project).parts)
        and p.suffix in (".md", ".py", ".bib", ".yaml", ".txt", ".html", ".json")
    ]
    texts = {p: p.read_text("utf-8", errors="replace") for p in written}
    texts[pdf] = poppler("pdftotext", pdf, "-")
    assert [p for p, text in texts.items() if "Your Name" in text] == []

    replay = subprocess.run(
        [ROOT / ".ci" / "readthedocs", tmp_path / "rtd", "en", project],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert replay.returncode == 0, replay.stderr[-2000:]
    output = tmp_path / "rtd" / "checkout" / "_readthedocs"
    assert [p.name for p in (output / "pdf").iterdir()] == ["ada-lovelace-cv.pdf"]
    assert [p.name for p in (output / "epub").iterdir()] == ["ada-lovelace-cv.epub"]


def test_a_project_keeps_its_copy_of_the_package_and_upgrade_replaces_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The copy in _ext/ is the package's files, and requirements.txt what
    the package imports (the wheel's dependencies); `upgrade` puts the
    running package's copy back and keeps the project's own requirements."""
    pyproject = tomllib.loads((ROOT / "_ext" / "pyproject.toml").read_text("utf-8"))
    assert list(DEPENDENCIES) == pyproject["project"]["dependencies"]
    cv = tmp_path / "cv"
    assert cli.main(["new", str(cv)]) == 0
    kept = cv / "_ext" / "sphinx_cv"
    ours = {
        p.relative_to(PACKAGE).as_posix()
        for p in PACKAGE.rglob("*")
        if p.is_file()
        and "__pycache__" not in p.parts
        and p.suffix not in (".pyc", ".mo")
        # Written by the documentation's build, not shipped.
        and p.name != "reference.md"
    }
    assert {
        p.relative_to(kept).as_posix() for p in kept.rglob("*") if p.is_file()
    } == ours
    (kept / "model.py").write_text("# an older copy\n")
    (kept / "gone.py").write_text("# a module a newer copy no longer has\n")
    requirements = cv / "requirements.txt"
    requirements.write_text("typst>=0.14,<0.15\nsphinxext-opengraph>=0.13\n")
    assert cli.main(["upgrade", str(cv)]) == 0
    assert (kept / "model.py").read_bytes() == (PACKAGE / "model.py").read_bytes()
    assert not (kept / "gone.py").exists()
    assert requirements.read_text().splitlines() == [
        "sphinxext-opengraph>=0.13",
        *DEPENDENCIES,
    ]
    installed = tmp_path / "installed"
    assert cli.main(["new", str(installed), "--package", "sphinx-cv==9.9"]) == 0
    assert not (installed / "_ext").exists()
    assert "\nsphinx-cv==9.9\n" in (installed / "requirements.txt").read_text()
    capsys.readouterr()
    assert cli.main(["upgrade", str(installed)]) == 1
    assert capsys.readouterr().err == (
        f"sphinx-cv: error: {installed}: keeps no copy of sphinx-cv in "
        "_ext/sphinx_cv: it installs the package named in its requirements.txt\n"
    )


def test_the_commands_help_is_plain_text(capsys: pytest.CaptureFixture[str]) -> None:
    """What --help prints has no reStructuredText markup (``literal``)."""
    for command in ([], ["new"], ["upgrade"], ["reference"], ["downloads"]):
        with pytest.raises(SystemExit):
            cli.main([*command, "--help"])
        assert "``" not in capsys.readouterr().out, command
