"""The ePub: valid, navigable, complete, accessible and reproducible."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path
from xml.etree import ElementTree

import pytest

from conftest import EPOCH, STRICT, broken_links, copy_cv, epubcheck, full_cv, normalise
from facts import ALL as FACTS
from facts import SECTIONS

ACE = Path(__file__).parent / "node" / "node_modules" / ".bin" / "ace-puppeteer"
CHROMIUM = shutil.which("chromium")
NS = {
    "opf": "http://www.idpf.org/2007/opf",
    "dc": "http://purl.org/dc/elements/1.1/",
    "x": "http://www.w3.org/1999/xhtml",
}


def make_epub(workdir: Path) -> Path:
    """Build the ePub from a copy of the sources in *workdir*."""
    source = copy_cv(workdir / "src")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "sphinx",
            "-M",
            "epub",
            source,
            workdir / "build",
            *STRICT,
        ],
        env={**os.environ, "SOURCE_DATE_EPOCH": EPOCH},
        check=True,
    )
    return workdir / "build" / "epub" / "wenqing-luo-cv.epub"


@pytest.fixture(scope="module")
def book(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return full_cv("epub", "a4", tmp_path_factory)


def read(book: Path, name: str) -> str:
    with zipfile.ZipFile(book) as archive:
        return archive.read(name).decode()


@pytest.mark.audit
def test_epubcheck_finds_nothing(book: Path) -> None:
    assert epubcheck(book) == []


@pytest.mark.audit
@pytest.mark.skipif(
    CHROMIUM is None or not ACE.is_file(),
    reason="needs chromium and tests/node (make test installs them)",
)
def test_ace_by_daisy_finds_no_violation(book: Path, tmp_path: Path) -> None:
    """Ace (axe-core in the book's pages plus ePub rules), every impact."""
    assert CHROMIUM is not None
    subprocess.run(
        [ACE, "--silent", "--force", "--outdir", tmp_path, book],
        env={**os.environ, "PUPPETEER_EXECUTABLE_PATH": CHROMIUM},
        capture_output=True,
        check=True,
    )
    report = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    violations = [
        (test["dct:title"], test["earl:impact"], page["earl:testSubject"]["url"])
        for page in report["assertions"]
        for test in (rule["earl:test"] for rule in page.get("assertions", []))
    ]
    assert violations == []
    assert report["earl:result"]["earl:outcome"] == "pass"


def test_a_build_elsewhere_gives_the_same_bytes(book: Path, tmp_path: Path) -> None:
    """A strict build of a copy of the sources, in a process of its own."""
    assert make_epub(tmp_path).read_bytes() == book.read_bytes()


def test_the_mimetype_comes_first_and_stored(book: Path) -> None:
    with zipfile.ZipFile(book) as archive:
        first = archive.infolist()[0]
    assert (first.filename, first.compress_type) == ("mimetype", zipfile.ZIP_STORED)


def test_metadata_is_complete(book: Path) -> None:
    package = ElementTree.fromstring(read(book, "content.opf"))
    metadata = package.find("opf:metadata", NS)
    assert metadata is not None
    dc = {el.tag.split("}")[1]: el.text for el in metadata if "elements" in el.tag}
    assert dc == {
        "language": "en",
        "title": "Wenqing Luo",
        "creator": "Wenqing Luo",
        "publisher": "Wenqing Luo",
        "contributor": "Wenqing Luo",
        "rights": "Wenqing Luo",
        "date": "2023-11-14T22:13:20Z",
        "identifier": "urn:uuid:9905e934-3a37-58ec-bd5b-aa5317f5f7c5",
        "description": "Curriculum vitae of Wenqing Luo",
    }
    properties = {el.get("property") for el in metadata.findall("opf:meta", NS)}
    assert {
        "dcterms:modified",
        "schema:accessMode",
        "schema:accessModeSufficient",
        "schema:accessibilityFeature",
        "schema:accessibilityHazard",
        "schema:accessibilitySummary",
        "dcterms:conformsTo",
    } <= properties


def test_the_navigation_lists_every_section_in_cv_order(book: Path) -> None:
    nav = ElementTree.fromstring(read(book, "nav.xhtml"))
    top = nav.findall(".//x:nav/x:ol/x:li/x:a", NS)
    assert [a.text for a in top] == ["Wenqing Luo", *SECTIONS]
    assert len(nav.findall(".//x:a", NS)) == 17


def test_links_inside_the_book_resolve(book: Path, tmp_path: Path) -> None:
    with zipfile.ZipFile(book) as archive:
        archive.extractall(tmp_path)
    assert broken_links(tmp_path, "*.xhtml") == []


@pytest.fixture(scope="module")
def as_read(book: Path) -> str:
    """The book as a real reader takes it: pandoc's plain text."""
    if shutil.which("pandoc") is None:
        pytest.skip("needs pandoc (make test installs it)")
    text = subprocess.run(
        ["pandoc", "--from", "epub", "--to", "plain", "--wrap", "none", book],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return normalise(text)


@pytest.mark.parametrize("fact", FACTS)
def test_every_seed_fact_reaches_the_reader(as_read: str, fact: str) -> None:
    assert normalise(fact) in as_read
