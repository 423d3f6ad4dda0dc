"""Publications: the style ``cv`` on each BibTeX type, in every output.

``roots/test-publications`` lists an article, one of six authors (the
person sixth, after ``cv_et_al = 4``), a paper of proceedings, an arXiv
preprint, a PhD thesis and software, in two lists filtered by type. Each
reads the same on the site, in the PDF and in the Word file: the person's
name bold, titles as written, months as the CV says dates, each link.
"""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path

import pdfplumber
import pikepdf
import pytest
import yaml
from bs4 import BeautifulSoup
from docx import Document
from pybtex.database import Person
from test_pdf import structure

from conftest import Build, build, links, normalise, poppler, root
from sphinx_cv.publications import is_owner

ROOT = root("publications")

#: Each publication as every output reads it, by its key.
LISTED = {
    "lovelace-1843-sketch": (
        "[1] Ada Lovelace and Luigi Menabrea. Sketch of the Analytical Engine. "
        "Scientific Memoirs, 3:666\u2013731, September 1843. "
        "doi:10.1234/sketch.1843."
    ),
    "babbage-1842-many": (
        "[2] Charles Babbage, John Herschel, George Peacock, \u2026, A. Lovelace, "
        "et al. A Paper of Many Hands. Proceedings of the Analytical Society, "
        "1842. PDF."
    ),
    "lovelace-1845-engine": (
        "[P1] Ada Lovelace. engine-tools. 1845. https://example.org/engine-tools, Code."
    ),
    "lovelace-1844-preprint": (
        "[P2] Ada Lovelace and Charles Babbage. A Preprint on Engines. 1844. "
        "arXiv:2101.00001."
    ),
    "lovelace-1842-notes": (
        "[P3] Ada Lovelace. Notes on the Engine. In Proceedings of the Engine "
        "Meeting. London, June 1842. https://example.org/notes."
    ),
    "lovelace-1840-thesis": (
        "[P4] Ada Lovelace. On Numbers. PhD thesis, University of London, 1840."
    ),
}

#: Where each links to.
ADDRESSES = {
    "https://doi.org/10.1234/sketch.1843",
    "https://example.org/many.pdf",
    "https://example.org/engine-tools",
    "https://example.org/engine-tools.git",
    "https://arxiv.org/abs/2101.00001",
    "https://example.org/notes",
}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    result = build(ROOT, tmp_path_factory.mktemp("publications"))
    assert result.warnings == ""
    return result


@pytest.fixture(scope="module")
def printed(site: Build, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The PDF, the Word file, the ePub and the Markdown, from the site's
    reading."""
    found = {}
    for builder in ("pdf", "docx", "epub", "markdown"):
        done = build(
            ROOT, tmp_path_factory.mktemp(builder), read=site, buildername=builder
        )
        assert done.warnings == ""
        suffix = {"markdown": "md"}.get(builder, builder)
        [found[builder]] = done.outdir.glob(f"*.{suffix}")
    return found


def _citations(page: Path) -> dict[str, BeautifulSoup]:
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    return {
        span["id"]: span.parent
        for span in soup.select("div.citation > span[id]")
        if not span.get("class")
    }


def test_each_publication_reads_once_on_the_site_with_its_anchor(site: Build) -> None:
    found = {}
    for page in ("articles", "other"):
        for key, citation in _citations(site.outdir / f"{page}.html").items():
            assert key not in found, key
            label = citation.select_one("span.label").get_text()
            found[key] = normalise(f"{label} {citation.p.get_text()}")
    assert found == LISTED


def test_the_person_is_bold_and_every_link_is_there(site: Build) -> None:
    pages = [site.outdir / f"{page}.html" for page in ("articles", "other")]
    bold, hrefs = [], set()
    for page in pages:
        for citation in _citations(page).values():
            bold += [normalise(b.get_text()) for b in citation.find_all("strong")]
            hrefs |= {a["href"] for a in citation.find_all("a") if "//" in a["href"]}
    assert bold == ["Ada Lovelace", "A. Lovelace"] + ["Ada Lovelace"] * 4
    assert hrefs == ADDRESSES
    # A citation points at its publication, and so does {cv:entry}, by key.
    other = (site.outdir / "other.html").read_text(encoding="utf-8")
    assert re.search(r'<a class="reference internal" href="#id\d+"', other)
    soup = BeautifulSoup(other, "html.parser")
    [link] = soup.select('a[href="articles.html#lovelace-1843-sketch"]')
    assert link.get_text() == "Sketch of the Analytical Engine"


def test_the_pdf_lists_each_publication_bold_and_linked(
    printed: dict[str, Path],
) -> None:
    text = normalise(poppler("pdftotext", "-enc", "UTF-8", printed["pdf"], "-"))
    for key, line in LISTED.items():
        assert line in text, key
    uris, _ = links(printed["pdf"])
    assert uris >= ADDRESSES
    with pdfplumber.open(printed["pdf"]) as pdf:
        words = pdf.pages[0].extract_words(extra_attrs=["fontname"])
    heavy = {w["text"] for w in words if "Bold" in w["fontname"]}
    assert {"Ada", "Lovelace", "A."} <= heavy
    assert not {"Luigi", "Menabrea.", "Charles", "Babbage,"} & heavy


def test_the_word_file_lists_each_publication_bold(printed: dict[str, Path]) -> None:
    paragraphs = Document(str(printed["docx"])).paragraphs
    text = [normalise(p.text.replace("\t", " ")) for p in paragraphs]
    for key, line in LISTED.items():
        assert normalise(line) in text, key
    listed = [
        p for p in paragraphs if normalise(p.text.replace("\t", " ")) in LISTED.values()
    ]
    bold = [normalise("".join(r.text for r in p.runs if r.bold)) for p in listed]
    assert bold == ["Ada Lovelace", "A. Lovelace"] + ["Ada Lovelace"] * 4


def test_the_epub_and_the_markdown_list_each_publication(
    printed: dict[str, Path],
) -> None:
    with zipfile.ZipFile(printed["epub"]) as book:
        pages = [n for n in book.namelist() if n.endswith(".xhtml")]
        html = " ".join(book.read(n).decode("utf-8") for n in pages)
    soup = BeautifulSoup(html, "html.parser")
    listed = [
        normalise(f"{c.select_one('span.label').get_text()} {c.p.get_text()}")
        for c in soup.select("div.citation")
    ]
    # An ePub shows each link's address after it, as Sphinx's do.
    shown = [re.sub(r" \[https?://[^\]]+\]", "", line) for line in listed]
    assert sorted(shown) == sorted(LISTED.values())
    markdown = printed["markdown"].read_text(encoding="utf-8")
    assert "[1] **Ada Lovelace** and Luigi Menabrea." in markdown
    assert (
        "[doi:10.1234/sketch.1843](<https://doi.org/10.1234/sketch.1843>)" in markdown
    )


def test_a_version_keeps_the_publications_tagged_for_it(
    site: Build, tmp_path_factory: pytest.TempPathFactory
) -> None:
    done = build(
        ROOT,
        tmp_path_factory.mktemp("selected"),
        read=site,
        buildername="pdf",
        confoverrides={"cv_variant": "selected"},
    )
    assert done.warnings == ""
    [pdf] = done.outdir.glob("ada-lovelace-selected.pdf")
    text = normalise(poppler("pdftotext", "-enc", "UTF-8", pdf, "-"))
    assert "Sketch of the Analytical Engine" in text and "On Numbers" in text
    for left_out in ("Many Hands", "engine-tools", "Preprint", "Notes on the Engine"):
        assert left_out not in text


def test_json_ld_and_the_exports_carry_each_publication(site: Build) -> None:
    page = BeautifulSoup((site.outdir / "index.html").read_text(), "html.parser")
    [script] = page.select('script[type="application/ld+json"]')
    person = json.loads(script.get_text())["mainEntity"]
    assert person["identifier"] == [
        {
            "@type": "PropertyValue",
            "propertyID": "ORCID",
            "value": "0000-0002-1825-0097",
            "url": "https://orcid.org/0000-0002-1825-0097",
        }
    ]
    works = {w["name"]: w for w in person["@reverse"]["author"]}
    assert works["Sketch of the Analytical Engine"]["identifier"] == {
        "@type": "PropertyValue",
        "propertyID": "DOI",
        "value": "10.1234/sketch.1843",
    }
    assert works["Sketch of the Analytical Engine"]["datePublished"] == "1843-09"
    assert {w["@type"] for w in works.values()} == {
        "ScholarlyArticle",
        "Thesis",
        "SoftwareSourceCode",
    }
    assert len(works) == len(LISTED)
    resume = json.loads((site.outdir / "resume.json").read_text(encoding="utf-8"))
    urls = {p["name"]: p.get("url") for p in resume["publications"]}
    assert (
        urls["Sketch of the Analytical Engine"] == "https://doi.org/10.1234/sketch.1843"
    )
    assert urls["A Preprint on Engines"] == "https://arxiv.org/abs/2101.00001"
    rendercv = yaml.safe_load((site.outdir / "rendercv.yaml").read_text("utf-8"))
    sections = rendercv["cv"]["sections"]
    assert [p["title"] for p in sections["Articles"]] == [
        "Sketch of the Analytical Engine",
        "A Paper of Many Hands",
    ]
    assert sections["Articles"][0]["authors"] == ["*Ada Lovelace*", "Luigi Menabrea"]
    assert sections["Articles"][0]["doi"] == "10.1234/sketch.1843"
    assert len(sections["Papers, preprints, theses and software"]) == 4


@pytest.mark.parametrize(
    ("author", "owner", "same"),
    [
        ("Lovelace, Ada", "Ada Lovelace", True),
        ("A. Lovelace", "Ada Lovelace", True),
        ("Lovelace", "Ada Lovelace", True),
        ("B. Lovelace", "Ada Lovelace", False),
        ("Ada Byron", "Ada Lovelace", False),
        ("José Núñez", "Jose Nunez", True),
        ("{van} Gogh, Vincent", "Vincent van Gogh", True),
    ],
)
def test_the_owner_is_found_by_surname_and_initial(
    author: str, owner: str, same: bool
) -> None:
    assert is_owner(Person(author), [Person(owner)]) is same


def test_the_pdf_tags_each_list_and_describes_each_link(
    printed: dict[str, Path],
) -> None:
    tree = structure(printed["pdf"])
    assert [title for kind, title in tree if kind == "/H2"] == [
        "Articles",
        "Papers, preprints, theses and software",
    ]
    with pikepdf.open(printed["pdf"]) as document:
        annotations = [a for page in document.pages for a in page.get("/Annots", [])]
        assert all(str(a.get("/Contents", "")).strip() for a in annotations)
    assert [kind for kind, _ in tree].count("/Link") == len(annotations)


def test_lists_count_down_and_name_every_author_where_asked(tmp_path: Path) -> None:
    done = build(
        ROOT,
        tmp_path,
        confoverrides={"cv_publication_numbers": "down", "cv_et_al": 0},
    )
    assert done.warnings == ""
    found = {}
    for page in ("articles", "other"):
        for key, citation in _citations(done.outdir / f"{page}.html").items():
            label = citation.select_one("span.label").get_text()
            found[key] = (label, normalise(citation.p.get_text()))
    assert [found[key][0] for key in LISTED] == [
        "[2]", "[1]", "[P4]", "[P3]", "[P2]", "[P1]"
    ]  # fmt: skip
    assert found["babbage-1842-many"][1].startswith(
        "Charles Babbage, John Herschel, George Peacock, Mary Somerville, "
        "Augustus De Morgan, and A. Lovelace. A Paper of Many Hands."
    )


def test_the_one_page_lists_each_publication_once(site: Build) -> None:
    """cv.html, the whole CV on one page, as the site and the PDF say it."""
    page = BeautifulSoup((site.outdir / "cv.html").read_text("utf-8"), "html.parser")
    listed = [normalise(p.get_text()) for p in page.select("p.cv-citation")]
    assert sorted(listed) == sorted(LISTED.values())
    bold = [
        normalise(b.get_text())
        for p in page.select("p.cv-citation")
        for b in p("strong")
    ]
    assert sorted(bold) == sorted(["Ada Lovelace"] * 5 + ["A. Lovelace"])
