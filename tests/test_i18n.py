"""The Chinese edition: complete catalogs, every fact in every Chinese
output, editions that link to each other, and the quality gates."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pikepdf
import pytest
from babel.messages.extract import extract_from_file
from babel.messages.pofile import read_po
from bs4 import BeautifulSoup
from pypdf import PdfReader

from conftest import (
    ROOT,
    Build,
    broken_links,
    build,
    epubcheck,
    make_env,
    page_text,
    poppler,
)
from facts import ZH
from sphinx_cv.config import VALUES

LOCALES = ROOT / "locales" / "zh_CN" / "LC_MESSAGES"
EXTENSION = ROOT / "_ext" / "sphinx_cv"
CATALOG = EXTENSION / "locale" / "zh_CN" / "LC_MESSAGES" / "sphinx_cv.po"
EN = "https://wenqing-luo-cv.readthedocs.io/en/latest/"
ZH_CN = "https://wenqing-luo-cv.readthedocs.io/zh-cn/latest/"
VNU = Path(__file__).parent / "node" / "node_modules" / "vnu-jar" / "build" / "dist"


def untranslated(template: Path, catalog: Path) -> list[str]:
    """The messages of *template* that *catalog* does not translate, or
    only fuzzily."""
    with template.open("rb") as file:
        wanted = [message.id for message in read_po(file) if message.id]
    done: dict[str, str] = {}
    if catalog.is_file():
        with catalog.open("rb") as file:
            done = {
                message.id: message.string
                for message in read_po(file)
                if message.id and message.string and not message.fuzzy
            }
    return [f"{catalog.name}: {message!r}" for message in wanted if message not in done]


def test_every_message_of_the_pages_is_translated(tmp_path: Path) -> None:
    templates = build(ROOT, tmp_path, buildername="gettext").outdir
    missing = []
    for template in sorted(templates.rglob("*.pot")):
        page = template.relative_to(templates).with_suffix(".po")
        missing += untranslated(template, LOCALES / page)
    assert missing == []


def test_every_message_of_the_extension_is_translated() -> None:
    messages = {VALUES["cv_date_format"].default, VALUES["cv_present"].default}
    for module in EXTENSION.glob("*.py"):
        for _line, text, _comments, _context in extract_from_file("python", module):
            messages.add(text if isinstance(text, str) else text[0])
    with CATALOG.open("rb") as file:
        done = {m.id for m in read_po(file) if m.id and m.string and not m.fuzzy}
    assert sorted(messages - done) == []


def squeezed(text: str) -> str:
    """Text without white space, as Chinese is compared (see facts.ZH)."""
    return re.sub(r"\s", "", text)


def test_the_chinese_site_builds_without_warnings(zh_html: Build) -> None:
    assert zh_html.warnings == ""


@pytest.fixture(scope="module")
def zh_text(zh_html: Build) -> str:
    """The Chinese site's text, every page, squeezed."""
    pages = sorted(zh_html.outdir.rglob("*.html"))
    return squeezed("".join(page_text(page) for page in pages))


@pytest.mark.parametrize("fact", ZH)
def test_every_fact_is_in_the_chinese_site(zh_text: str, fact: str) -> None:
    assert squeezed(fact) in zh_text


def test_the_chinese_site_is_chinese_and_its_links_resolve(zh_html: Build) -> None:
    index = (zh_html.outdir / "index.html").read_text(encoding="utf-8")
    assert '<html class="no-js" lang="zh-CN"' in index
    text = page_text(zh_html.outdir / "experience" / "tencent-csig.html")
    assert "腾讯" in text and "2019年6月 – 2019年8月" in text and "技能：" in text
    assert "Tencent Inc." not in text  # the employer under its Chinese name
    assert broken_links(zh_html.outdir, "*.html") == []


def editions_of(page: Path) -> tuple[list[tuple[str, str]], dict[str, str]]:
    """The page's language switch (text, link) and its hreflang alternates."""
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    switch = soup.select_one("article nav.cv-editions")
    assert switch is not None, page
    links = [(a.get_text(), a["href"]) for a in switch.find_all("a")]
    alternates = {
        link["hreflang"]: link["href"]
        for link in soup.select('head link[rel="alternate"][hreflang]')
    }
    return links, alternates


def test_every_page_links_to_itself_in_the_other_edition(
    zh_html: Build, cv_html: Build
) -> None:
    for site, base, other_name, other in (
        (cv_html, EN, "中文", ZH_CN),
        (zh_html, ZH_CN, "English", EN),
    ):
        for page in sorted(site.outdir.rglob("*.html")):
            name = str(page.relative_to(site.outdir))
            if name in ("search.html", "genindex.html"):
                continue
            links, alternates = editions_of(page)
            assert links == [(other_name, other + name)], name
            assert alternates == {
                "en": EN + name,
                "zh-CN": ZH_CN + name,
                "x-default": EN + name,
            }
            canonical = BeautifulSoup(page.read_text(), "html.parser").select_one(
                'link[rel="canonical"]'
            )
            assert canonical is not None and canonical["href"] == base + name


def test_the_sitemap_lists_both_editions(zh_html: Build) -> None:
    sitemap = (zh_html.outdir / "sitemap.xml").read_text(encoding="utf-8")
    assert f"<loc>{ZH_CN}index.html</loc>" in sitemap
    assert f'hreflang="en" href="{EN}index.html"' in sitemap
    assert f'hreflang="zh-CN" href="{ZH_CN}index.html"' in sitemap


def test_the_exports_stay_in_english_and_the_chinese_site_links_them(
    zh_html: Build, cv_html: Build
) -> None:
    assert not (zh_html.outdir / "resume.json").exists()
    assert not (zh_html.outdir / "rendercv.yaml").exists()
    soup = BeautifulSoup((zh_html.outdir / "index.html").read_text(), "html.parser")
    hrefs = [a["href"] for a in soup.select("p.cv-downloads a")]
    assert hrefs == [EN + "resume.json"]
    resume = json.loads((cv_html.outdir / "resume.json").read_text())
    assert resume["work"][0]["name"] == "Bytedance Inc."


def test_the_person_keeps_her_name(zh_html: Build) -> None:
    soup = BeautifulSoup((zh_html.outdir / "index.html").read_text(), "html.parser")
    assert soup.select_one("article h1").get_text().startswith("Wenqing Luo")
    script = soup.select_one('script[type="application/ld+json"]')
    assert script is not None
    assert json.loads(script.string)["mainEntity"]["name"] == "Wenqing Luo"


@pytest.mark.skipif(not (VNU / "vnu.jar").is_file(), reason="needs tests/node")
def test_the_nu_checker_finds_no_error_in_chinese(zh_html: Build) -> None:
    result = subprocess.run(
        ["java", "-jar", VNU / "vnu.jar", "--errors-only", "--skip-non-html",
         "--format", "json", zh_html.outdir],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    messages = json.loads(result.stderr)["messages"]
    assert [f"{m.get('url')}: {m['message']}" for m in messages] == []


@pytest.fixture(scope="module")
def zh_epub(tmp_path_factory: pytest.TempPathFactory) -> Path:
    result = build(
        ROOT,
        tmp_path_factory.mktemp("zh-epub"),
        buildername="epub",
        confoverrides={"language": "zh_CN"},
    )
    assert result.warnings == ""
    return result.outdir / "wenqing-luo-cv.epub"


def test_the_chinese_epub_is_valid_and_says_its_language(
    zh_epub: Path, tmp_path: Path
) -> None:
    assert epubcheck(zh_epub) == []
    with zipfile.ZipFile(zh_epub) as book:
        book.extractall(tmp_path)
        pages = [name for name in book.namelist() if name.endswith(".xhtml")]
        text = ""
        for name in pages:
            page = book.read(name).decode()
            assert 'lang="zh-CN" xml:lang="zh-CN"' in page, name
            text += BeautifulSoup(page, "html.parser").get_text(" ")
    assert "<dc:language>zh-CN</dc:language>" in (tmp_path / "content.opf").read_text()
    assert broken_links(tmp_path, "*.xhtml") == []
    missing = [fact for fact in ZH if squeezed(fact) not in squeezed(text)]
    assert missing == []


@pytest.fixture(scope="module")
def zh_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if shutil.which("pdftotext") is None:
        pytest.skip("needs poppler-utils (make test installs them)")
    builddir = tmp_path_factory.mktemp("zh-pdf")
    subprocess.run(
        ["make", "-s", "pdf", "LANGUAGE=zh_CN", f"BUILDDIR={builddir}"],
        cwd=ROOT,
        env=make_env(),
        check=True,
        capture_output=True,
    )
    return builddir / "pdf" / "wenqing-luo-cv.pdf"


def test_the_chinese_pdf_has_two_pages_at_most_and_embeds_its_fonts(
    zh_pdf: Path,
) -> None:
    assert len(PdfReader(zh_pdf).pages) <= 2
    rows = poppler("pdffonts", zh_pdf).splitlines()[2:]
    # Headings in bold CJK, text in the regular face.
    assert any("NotoSerifCJKsc-Bold" in row for row in rows)
    assert any("NotoSerifCJKsc-Regular" in row for row in rows)
    for row in rows:
        assert "Type 3" not in row and row.split()[-5] == "yes", row
    with pikepdf.open(zh_pdf) as document:
        assert str(document.Root.Lang) == "zh-CN"


def test_every_fact_is_searchable_in_the_chinese_pdf(zh_pdf: Path) -> None:
    text = squeezed(poppler("pdftotext", "-enc", "UTF-8", zh_pdf, "-"))
    assert [fact for fact in ZH if squeezed(fact) not in text] == []
    assert "\ufffd" not in text  # no glyph without its character
