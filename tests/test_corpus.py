"""Real CVs in: every JSON Resume and RenderCV file people wrote for
themselves (../shared/data/real, sources in its SOURCES.md) imports with no
traceback, and its project builds strictly, as a PDF and as a Word file,
with every entry of the source on the site and in the PDF, every RenderCV
section under its own title, and the file's language the site's.

What each import's report named is printed, file by file (``pytest -s``).
The files are read where they are; nothing of them is copied here.
"""

from __future__ import annotations

import csv
import json
import re
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path
from typing import Any

import pdfplumber
import pytest
import yaml
from babel import Locale
from bs4 import BeautifulSoup

from conftest import (
    ROOT,
    Build,
    _needs_poppler,
    build,
    links,
    normalise,
    page_text,
    poppler,
)
from sphinx_cv import cli, entries
from sphinx_cv.formats.draft import markdown_to_text
from sphinx_cv.formats.rendercv import entry_type, section_title

REAL = ROOT.parent / "shared" / "data" / "real"
FILES = sorted(
    [*REAL.glob("jsonresume-*.json"), *REAL.glob("rendercv-*.yaml")]
    if REAL.is_dir()
    else []
)

pytestmark = [
    pytest.mark.audit,
    pytest.mark.skipif(not FILES, reason=f"needs the real CVs in {REAL}"),
]

#: The keys that name an entry, in the order a reader looks for one.
NAMES = (
    "company", "name", "organization", "institution", "title", "position",
    "language", "label", "bullet", "number", "reversed_number",
)  # fmt: skip


def words(text: Any, count: int = 6) -> str:
    """The first *count* words of *text* as a reader sees them: Markdown
    and HTML marks gone, white space collapsed, case folded."""
    plain = markdown_to_text(re.sub(r"<[^>]+>", "", str(text)))[0]
    return " ".join(normalise(plain).split()[:count]).casefold()


def needles(path: Path) -> list[str]:
    """What names each entry of the source file, as the test looks for it."""
    found = []

    def named(item: Any) -> None:
        if isinstance(item, str) and item.strip():
            found.append(words(item))
        elif isinstance(item, dict):
            value = next((item[k] for k in NAMES if str(item.get(k) or "").strip()), "")
            roles = item.get("positions")
            if isinstance(roles, list) and roles:
                for role in roles:
                    named(role)
            elif value:
                found.append(words(value))

    if path.suffix == ".json":
        data = json.loads(path.read_text(encoding="utf-8"))
        for key, section in data.items():
            if key in ("basics", "meta", "$schema"):
                continue
            items = section if isinstance(section, list) else [section]
            for item in items:
                if isinstance(item, dict) and not isinstance(section, dict):
                    named(item)
                elif isinstance(section, dict):
                    # Lists by name: each list's first item names it.
                    found.extend(words(v[0]) for v in section.values() if v)
                else:
                    named(item)
    else:
        cv = yaml.safe_load(path.read_text(encoding="utf-8"))["cv"]
        for items in (cv.get("sections") or {}).values():
            for item in items:
                named(item)
    return [needle for needle in found if needle]


def titles(path: Path) -> list[str]:
    """The titles of a RenderCV file's sections, as RenderCV shows them."""
    if path.suffix == ".json":
        return []
    cv = yaml.safe_load(path.read_text(encoding="utf-8"))["cv"]
    return [section_title(str(key)) for key in cv.get("sections") or {}]


def built(project: Path, tmp_path: Path) -> tuple[Build, str, str]:
    """*project* built strictly as a site, a PDF and a Word file, with no
    warning: the site, and the text of its pages and of the PDF (case
    folded)."""
    site = build(project, tmp_path / "html", confoverrides={})
    assert site.warnings == "", site.warnings
    pdf = build(project, tmp_path / "pdf", buildername="pdf", confoverrides={})
    assert pdf.warnings == ""
    docx = build(project, tmp_path / "docx", buildername="docx", confoverrides={})
    assert docx.warnings == ""
    [printed] = pdf.outdir.glob("*.pdf")
    assert [p.suffix for p in docx.outdir.glob("*.docx")] == [".docx"]
    html = " ".join(
        page_text(page)
        for page in site.outdir.rglob("*.html")
        if page.name not in ("search.html", "genindex.html")
    )
    text = normalise(poppler("pdftotext", "-enc", "UTF-8", printed, "-"))
    # pdftotext marks a right-to-left run (Arabic) with directional
    # embeddings; its letters are in their order.
    text = re.sub("[\u200e\u200f\u202a-\u202e\u2066-\u2069]", "", text)
    return site, html.casefold(), text.casefold()


@pytest.mark.parametrize("source", FILES, ids=[p.stem for p in FILES])
def test_a_real_cv_imports_whole_and_builds(
    source: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _needs_poppler()
    project = tmp_path / "cv"
    imported(source, project, capsys)
    site, html, text = built(project, tmp_path)
    missing_site = [n for n in needles(source) if n not in html]
    missing_pdf = [n for n in needles(source) if n not in text]
    assert missing_site == []
    assert missing_pdf == []
    for title in titles(source):
        assert title.casefold() in html and title.casefold() in text, title

    index = BeautifulSoup(
        (site.outdir / "index.html").read_text("utf-8"), "html.parser"
    )
    # The language, in the country whose words Docutils has where it has
    # them in one only (Portuguese, pt-BR).
    assert index.html is not None
    assert str(index.html["lang"]).partition("-")[0] == language(source)


def language(source: Path) -> str:
    """The language a RenderCV file's locale names (a code, or an English
    name that CLDR's table of languages holds), English by default."""
    if source.suffix != ".yaml":
        return "en"
    data = yaml.safe_load(source.read_text(encoding="utf-8"))
    locale = data.get("locale") or data["cv"].get("locale") or {}
    said = str(locale.get("language") or "en")
    names = {name.casefold(): code for code, name in Locale("en").languages.items()}
    return names.get(said.casefold(), said)


#: The RenderCV files of academics: those with publications.
ACADEMIC = [
    path
    for path in FILES
    if path.suffix == ".yaml" and "authors:" in path.read_text(encoding="utf-8")
]


def publications(path: Path) -> list[dict[str, Any]]:
    cv = yaml.safe_load(path.read_text(encoding="utf-8"))["cv"]
    return [
        item
        for items in (cv.get("sections") or {}).values()
        for item in items
        if isinstance(item, dict) and "authors" in item
    ]


def _items(path: Path) -> list[Any]:
    cv = yaml.safe_load(path.read_text(encoding="utf-8"))["cv"]
    return [item for items in (cv.get("sections") or {}).values() for item in items]


def _said(item: Any) -> str:
    """All the text of an item, its values in order."""
    if isinstance(item, dict):
        return " ".join(_said(value) for value in item.values())
    if isinstance(item, list):
        return " ".join(_said(value) for value in item)
    return str(item)


def _page_of(key: str) -> str:
    """The page a RenderCV section becomes: its key as the import names
    it (see sphinx_cv.formats.draft.slug)."""
    return re.sub(r"[^a-z0-9]+", "-", section_title(key).casefold()).strip("-")


def _marked(author: str) -> str:
    """An author's name, where the source sets it apart; "" if not."""
    found = re.fullmatch(r"([*_]{1,3})(.+?)\1", author.strip())
    return found[2].strip() if found else ""


@pytest.mark.parametrize("source", ACADEMIC, ids=[p.stem for p in ACADEMIC])
def test_an_academic_cv_lists_each_publication_once_linked_and_typed(
    source: Path, tmp_path: Path
) -> None:
    """Each publication once on the site and as often in the PDF; each DOI
    a link to doi.org in both; the owner bold where the source marks them;
    the index page's JSON-LD holding each with its DOI; an ORCID iD linked;
    talks, grants, students and service as their own types."""
    _needs_poppler()
    project = tmp_path / "cv"
    cli.main(["new", str(project), "--from", str(source)])
    site = build(project, tmp_path / "html")
    assert site.warnings == ""
    pdf = build(project, tmp_path / "pdf", read=site, buildername="pdf")
    assert pdf.warnings == ""
    [printed] = pdf.outdir.glob("*.pdf")
    text = normalise(poppler("pdftotext", "-enc", "UTF-8", printed, "-")).casefold()
    uris, _ = links(printed)
    pages = [p for p in site.outdir.rglob("*.html") if p.name != "search.html"]
    soups = [BeautifulSoup(p.read_text("utf-8"), "html.parser") for p in pages]
    cited = [c for soup in soups for c in soup.select("div.citation")]
    hrefs = {a["href"] for c in cited for a in c.find_all("a", href=True)}
    said = [words(_said(item), 10**6) for item in _items(source)]

    given = publications(source)
    for item in given:
        title = words(item["title"], 12)
        holding = [c for c in cited if title in normalise(c.get_text()).casefold()]
        assert len(holding) == 1, title
        # As often as the source says it: a talk may bear a paper's title.
        assert text.count(title) == sum(title in one for one in said), title
        doi = re.sub(r"^https?://doi\.org/", "", str(item.get("doi") or ""))
        if doi:
            assert f"https://doi.org/{doi}" in hrefs & uris, doi
        owner = [_marked(a) for a in item["authors"] if _marked(a)]
        bold = [normalise(b.get_text()) for b in holding[0].find_all("strong")]
        # Where the source marks the owner, and only the owner.
        assert set(owner) <= set(bold) and len(bold) <= 1, title

    marked = {_marked(a) for item in given for a in item["authors"]} - {""}
    with pdfplumber.open(printed) as document:
        heavy = [
            w["text"]
            for page in document.pages
            for w in page.extract_words(extra_attrs=["fontname"])
            if "Bold" in w["fontname"]
        ]
    owned = [item for item in given if any(_marked(a) for a in item["authors"])]
    for name in marked:
        # The name heads the page in bold too.
        assert heavy.count(name.split()[-1]) >= len(owned), name

    index = BeautifulSoup(
        (site.outdir / "index.html").read_text("utf-8"), "html.parser"
    )
    [script] = index.select('script[type="application/ld+json"]')
    person = json.loads(script.get_text())["mainEntity"]
    works = person.get("@reverse", {}).get("author", [])
    assert len(works) == len(given)
    dois = {w["identifier"]["value"] for w in works if "identifier" in w}
    assert dois == {
        re.sub(r"^https?://doi\.org/", "", str(i["doi"])) for i in given if i.get("doi")
    }
    orcid = [
        a["href"] for a in index.find_all("a", href=True) if "orcid.org" in a["href"]
    ]
    assert bool(orcid) == ("orcid" in source.read_text("utf-8").casefold())
    assert set(orcid) <= uris

    cv = yaml.safe_load(source.read_text(encoding="utf-8"))["cv"]
    for key, items in (cv.get("sections") or {}).items():
        kind = entries.titled(section_title(str(key)))
        # Entries; bullets stay the list their author made.
        objects = [
            i
            for i in items
            if isinstance(i, dict)
            and entry_type(i) in ("NormalEntry", "EducationEntry", "ExperienceEntry")
        ]
        if kind is None or kind.name not in ("talk", "grant", "student", "service"):
            continue
        page = site.outdir / f"{_page_of(str(key))}.html"
        shown = BeautifulSoup(page.read_text("utf-8"), "html.parser")
        assert len(shown.select(f".cv-type-{kind.name}")) == len(objects), key


#: A LinkedIn export and Europass CVs (``new --from`` reads them whole).
LINKEDIN = REAL / "linkedin-mohamedeways"
EUROPASS = sorted(REAL.glob("europass-*")) if REAL.is_dir() else []

#: The columns of a LinkedIn export that name its entries, by file.
NAMING = {
    "Positions.csv": ("Company Name", "Title"),
    "Education.csv": ("School Name",),
    "Certifications.csv": ("Name",),
    "Projects.csv": ("Title",),
    "Languages.csv": ("Name",),
    "Courses.csv": ("Name",),
}


def linkedin_needles() -> list[str]:
    found = []
    for file, columns in NAMING.items():
        with (LINKEDIN / file).open(encoding="utf-8", newline="") as rows:
            for row in csv.DictReader(rows):
                found += [words(row[c]) for c in columns if row[c].strip()]
    return found


def europass_needles(source: Path) -> list[str]:
    """Every employer and organisation of a Europass CV, read here with
    the standard library: each element or key that names one."""
    names = {"Name", "OrganizationName"}
    found: list[str] = []
    if source.suffix == ".json":

        def walk(value: Any, key: str = "", parent: str = "") -> None:
            if isinstance(value, dict):
                for k, v in value.items():
                    walk(v, k, key)
            elif isinstance(value, list):
                for v in value:
                    walk(v, key, parent)
            elif key in names and parent in ("Employer", "Organisation"):
                found.append(words(value))

        walk(json.loads(source.read_text(encoding="utf-8")))
    else:
        naming = {
            "OrganizationName": ("EmployerHistory", "EducationOrganizationAttendance"),
            "Name": ("Employer", "Organisation"),
        }
        for parent in ET.parse(source).iter():
            for child in parent:
                name, within = (
                    child.tag.rpartition("}")[2],
                    parent.tag.rpartition("}")[2],
                )
                if child.text and within in naming.get(name, ()):
                    found.append(words(child.text))
    return found


def imported(source: Path, project: Path, capsys: pytest.CaptureFixture[str]) -> int:
    status = cli.main(["new", str(project), "--from", str(source)])
    out, err = capsys.readouterr()
    with capsys.disabled():
        print(f"\n{source.name}: exit {status}\n{out}{err}")
    assert "Traceback" not in out + err
    assert status == (1 if "Left out" in out else 0)
    return status


@pytest.mark.skipif(not LINKEDIN.is_dir(), reason=f"needs {LINKEDIN}")
@pytest.mark.parametrize("form", ["folder", "zip"])
def test_a_linkedin_export_imports_whole_and_builds(
    form: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _needs_poppler()
    source = LINKEDIN
    if form == "zip":
        source = tmp_path / "export.zip"
        with zipfile.ZipFile(source, "w") as archive:
            for file in LINKEDIN.iterdir():
                archive.write(file, f"Basic_LinkedInDataExport/{file.name}")
    imported(source, tmp_path / "cv", capsys)
    _, html, text = built(tmp_path / "cv", tmp_path)
    needles = linkedin_needles()
    assert len(needles) >= 15
    assert [n for n in needles if n not in html] == []
    assert [n for n in needles if n not in text] == []


@pytest.mark.parametrize("source", EUROPASS, ids=[p.name for p in EUROPASS])
def test_a_europass_cv_imports_and_builds(
    source: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _needs_poppler()
    imported(source, tmp_path / "cv", capsys)
    _, html, text = built(tmp_path / "cv", tmp_path)
    needles = europass_needles(source)
    assert len(needles) >= 4
    assert [n for n in needles if n not in html] == []
    assert [n for n in needles if n not in text] == []
