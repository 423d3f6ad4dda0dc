"""The downloads box and the files beside the site (sphinx_cv.downloads).

On testroots with a downloads folder of small stand-in files: what the box
lists and how (what each file is, its type and size, in the edition's
language), the files published beside the pages, the alternates in each
page's head and the documents in the JSON-LD, and the pages written again
when the files change. ``make all`` and the Read the Docs replay build the
real files (tests/test_web.py).
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT, build

SITE = ROOT / "tests" / "roots" / "test-site"
VARIANTS = ROOT / "tests" / "roots" / "test-variants"


def offer(builddir: Path, files: dict[str, int]) -> Path:
    """A downloads folder beside *builddir*'s output, of stand-ins of these
    sizes."""
    folder = builddir / "downloads"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    for name, size in files.items():
        (folder / name).write_bytes(b"x" * size)
    return folder


def box(page: Path) -> list[str]:
    """The box's lines as a reader reads them."""
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    found = soup.select_one(".cv-downloads-box")
    assert found is not None
    return [" ".join(line.get_text().split()) for line in found.select("p")]


def hrefs(page: Path) -> list[str]:
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    return [a["href"] for a in soup.select(".cv-downloads-box a")]


FILES = {"ada-cv.pdf": 2048, "ada-cv.docx": 1536, "ada-cv.epub": 900}


@pytest.fixture
def site(tmp_path: Path) -> Path:
    srcdir = tmp_path / "src"
    shutil.copytree(SITE, srcdir)
    (srcdir / "conf.py").write_text(
        (srcdir / "conf.py").read_text() + 'cv_filename = "ada-cv"\n'
    )
    return srcdir


def test_the_box_lists_each_file_with_its_type_and_size(
    site: Path, tmp_path: Path
) -> None:
    offer(tmp_path / "build", FILES)
    result = build(site, tmp_path / "build")
    assert result.warnings == ""
    page = result.outdir / "index.html"
    exports = [
        f"{(result.outdir / name).stat().st_size // 1024 or 1}"
        for name in ("resume.json", "rendercv.yaml")
    ]
    assert box(page) == [
        "The whole CV on one page · Download",
        "Full CV: PDF, 2 KB · Word, 2 KB · ePub, 1 KB",
        f"Data: JSON Resume, {exports[0]} KB · RenderCV, {exports[1]} KB",
        "Français: PDF · Word · ePub",
    ]
    assert hrefs(page) == [
        "cv.html",
        "ada-cv.pdf",
        "ada-cv.docx",
        "ada-cv.epub",
        "resume.json",
        "rendercv.yaml",
        "https://cv.example/fr/ada-cv.pdf",
        "https://cv.example/fr/ada-cv.docx",
        "https://cv.example/fr/ada-cv.epub",
    ]
    # Each file is published beside the pages, as it is.
    for name, size in FILES.items():
        assert (result.outdir / name).read_bytes() == b"x" * size


def test_every_page_names_the_pdf_and_the_json_resume_in_its_head(
    site: Path, tmp_path: Path
) -> None:
    offer(tmp_path / "build", FILES)
    result = build(site, tmp_path / "build")
    for name, up in (("index.html", ""), ("work.html", "")):
        soup = BeautifulSoup((result.outdir / name).read_text(), "html.parser")
        found = [
            (link["type"], link["href"], link["title"])
            for link in soup.select('link[rel="alternate"][type]')
        ]
        assert found == [
            ("application/pdf", f"{up}ada-cv.pdf", "Full CV"),
            ("application/json", f"{up}resume.json", "JSON Resume"),
        ]
    # The CV printed: its PDF, in the JSON-LD.
    soup = BeautifulSoup((result.outdir / "index.html").read_text(), "html.parser")
    [script] = soup.select('script[type="application/ld+json"]')
    person = json.loads(script.string or "")["mainEntity"]
    assert person["subjectOf"] == [
        {
            "@type": "DigitalDocument",
            "name": "ada-cv",
            "url": f"https://cv.example/en/ada-cv{suffix}",
            "encodingFormat": kind,
        }
        for suffix, kind in [(".pdf", "application/pdf")]
    ]


def test_without_downloads_the_box_offers_the_exports(
    site: Path, tmp_path: Path
) -> None:
    """A site built alone (make html, not make all) promises no download:
    the box links every file it names."""
    result = build(site, tmp_path / "build")
    page = result.outdir / "index.html"
    assert [line.split(":")[0] for line in box(page)] == [
        "The whole CV on one page",
        "Data",
    ]
    assert hrefs(page) == ["cv.html", "resume.json", "rendercv.yaml"]
    soup = BeautifulSoup(page.read_text(), "html.parser")
    assert [link["type"] for link in soup.select('link[rel="alternate"][type]')] == [
        "application/json"
    ]


def test_new_files_rewrite_the_pages_that_list_them(site: Path, tmp_path: Path) -> None:
    builddir = tmp_path / "build"
    build(site, builddir)
    offer(builddir, {"ada-cv.pdf": 4096})
    again = build(site, builddir, freshenv=False)
    assert box(again.outdir / "index.html")[1] == "Full CV: PDF, 4 KB"
    offer(builddir, {"ada-cv.pdf": 8192, "ada-cv.docx": 1024})
    again = build(site, builddir, freshenv=False)
    assert box(again.outdir / "index.html")[1] == "Full CV: PDF, 8 KB · Word, 1 KB"
    soup = BeautifulSoup((again.outdir / "work.html").read_text(), "html.parser")
    assert soup.select_one('link[type="application/pdf"]') is not None


def test_a_version_is_listed_with_the_parts_of_the_cv_it_holds(tmp_path: Path) -> None:
    offer(tmp_path / "build", {"ada-cv.pdf": 3000, "ada-short.pdf": 1000})
    result = build(
        VARIANTS, tmp_path / "build", confoverrides={"epub_basename": "ada-cv"}
    )
    lines = box(result.outdir / "index.html")
    assert lines[:3] == [
        "The whole CV on one page · Download",
        "Full CV: PDF, 3 KB",
        "Short, one page (Jobs, Projects, Skills index): PDF, 1 KB",
    ]


def test_the_chinese_box_is_in_chinese(tmp_path: Path) -> None:
    """The real CV's Chinese edition, with stand-ins of its files."""
    offer(
        tmp_path / "build",
        {"wenqing-luo-cv.pdf": 2048, "wenqing-luo-cv.docx": 2048},
    )
    result = build(ROOT, tmp_path / "build", confoverrides={"language": "zh_CN"})
    assert result.warnings == ""
    assert box(result.outdir / "index.html") == [
        "单页完整简历 · 下载",
        "完整简历：PDF，2 KB · Word，2 KB",
        "数据：JSON Resume · RenderCV",
        "English：PDF · Word",
    ]
    assert hrefs(result.outdir / "index.html")[3:5] == [
        "https://wenqing-luo-cv.readthedocs.io/en/latest/resume.json",
        "https://wenqing-luo-cv.readthedocs.io/en/latest/rendercv.yaml",
    ]
