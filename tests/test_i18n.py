"""The Chinese edition: complete catalogs, every fact in every Chinese
output, editions that link to each other, and the quality gates."""

from __future__ import annotations

import copy
import json
import os
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pikepdf
import pytest
from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_file
from babel.messages.pofile import read_po
from bs4 import BeautifulSoup
from pypdf import PdfReader
from sphinx.testing.util import SphinxTestApp

from conftest import (
    ROOT,
    Build,
    broken_links,
    build,
    epubcheck,
    full_cv,
    make_env,
    page_text,
    poppler,
    root,
    site_pages,
)
from facts import ZH
from sphinx_cv.config import VALUES

LOCALES = ROOT / "locales" / "zh_CN" / "LC_MESSAGES"
EXTENSION = ROOT / "_ext" / "sphinx_cv"
CATALOG = EXTENSION / "locale" / "zh_CN" / "LC_MESSAGES" / "sphinx_cv.po"
#: furo's words (sphinx_cv.furo.words) are in the extension's sphinx.po.
THEME = CATALOG.with_name("sphinx.po")
FURO_WORDS = EXTENSION / "furo" / "words.py"
#: Every catalog of the Chinese edition: the pages' and the extension's.
CATALOGS = sorted([*LOCALES.rglob("*.po"), *CATALOG.parent.glob("*.po")])
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


def catalog_of(path: Path) -> Catalog:
    with path.open("rb") as file:
        return read_po(file)


def translated_in(path: Path) -> set[tuple[str, str]]:
    """(context, message) of every message *path* translates, not fuzzily."""
    return {
        (m.context or "", m.id)
        for m in catalog_of(path)
        if m.id and m.string and not m.fuzzy
    }


def test_every_message_of_the_extension_is_translated() -> None:
    messages = {
        ("", VALUES["cv_date_format"].default),
        ("", VALUES["cv_present"].default),
    }
    theme = set()
    for module in EXTENSION.rglob("*.py"):
        found = theme if module == FURO_WORDS else messages
        for _line, text, _comments, context in extract_from_file("python", module):
            found.add((context or "", text if isinstance(text, str) else text[0]))
    assert sorted(messages - translated_in(CATALOG)) == []
    assert sorted(theme - translated_in(THEME)) == []


#: A skill as a page names it, with the text it shows if any.
SKILL = re.compile(r"\{cv:skill\}`[^`]*`")


def test_skills_stay_as_written_in_every_catalog() -> None:
    """Skills are names: a translation keeps each one as the English page
    writes it, so that the page, the entries and the skills index agree."""
    changed = [
        f"{path.relative_to(ROOT)}: {message.id!r}"
        for path in CATALOGS
        for message in catalog_of(path)
        if message.id and message.string
        if sorted(SKILL.findall(message.string)) != sorted(SKILL.findall(message.id))
    ]
    assert changed == []


@pytest.mark.skipif(shutil.which("msgfmt") is None, reason="needs gettext's msgfmt")
def test_every_catalog_passes_msgfmt_checks() -> None:
    """Headers filled in (no template's "FULL NAME"), formats that match,
    every message translated and none fuzzy: msgfmt says nothing else."""
    said = []
    for path in CATALOGS:
        result = subprocess.run(
            ["msgfmt", "-c", "--statistics", "-o", os.devnull, path],
            capture_output=True,
            text=True,
            check=False,
        )
        if result.returncode or not re.fullmatch(
            r"\d+ translated messages?\.\n", result.stderr
        ):
            said.append(f"{path.relative_to(ROOT)}: {result.stderr.strip()}")
    assert said == []


def test_no_catalog_keeps_obsolete_messages() -> None:
    """``sphinx-intl update --no-obsolete`` drops what no page says any more."""
    kept = [str(p.relative_to(ROOT)) for p in CATALOGS if catalog_of(p).obsolete]
    assert kept == []


def squeezed(text: str) -> str:
    """Text without white space, as Chinese is compared (see facts.ZH)."""
    return re.sub(r"\s", "", text)


def test_the_chinese_site_builds_without_warnings(zh_html: Build) -> None:
    assert zh_html.warnings == ""


@pytest.fixture(scope="module")
def zh_text(zh_html: Build) -> str:
    """The Chinese site's text, every page, squeezed."""
    pages = site_pages(zh_html.outdir)
    return squeezed("".join(page_text(page) for page in pages))


@pytest.mark.parametrize("fact", ZH)
def test_every_fact_is_in_the_chinese_site(zh_text: str, fact: str) -> None:
    assert squeezed(fact) in zh_text


def test_the_chinese_site_is_chinese_and_its_links_resolve(zh_html: Build) -> None:
    index = (zh_html.outdir / "index.html").read_text(encoding="utf-8")
    assert '<html class="no-js" lang="zh-CN"' in index
    text = page_text(zh_html.outdir / "experience" / "tencent-csig.html")
    assert "腾讯" in text and "2019 年 6 月 – 2019 年 8 月" in text and "技能：" in text
    assert "Tencent Inc." not in text  # the employer under its Chinese name
    assert broken_links(zh_html.outdir, "*.html") == []


def soups(site: Path) -> dict[str, BeautifulSoup]:
    """Every page of *site*, parsed, by its path in the site."""
    return {
        str(page.relative_to(site)): BeautifulSoup(
            page.read_text(encoding="utf-8"), "html.parser"
        )
        for page in site_pages(site)
    }


@pytest.fixture(scope="module")
def zh_pages(zh_html: Build) -> dict[str, BeautifulSoup]:
    return soups(zh_html.outdir)


#: Where the extension writes text into a page: entries' header lines and
#: details (skills, source), the timeline, the skills index, the related
#: lines and the downloads.
GENERATED = (
    ".cv-entry-line, .cv-entry-details, .cv-timeline p, .cv-skills-index dd, "
    ".cv-related, .cv-downloads"
)


def generated_text(pages: dict[str, BeautifulSoup]) -> list[str]:
    """What the extension writes on *pages*: the parts above, each page's
    description, the titles of its links to entries and the JSON-LD's
    descriptions, with skills and addresses taken out (names, written as
    they are in every language)."""
    skills = {
        dt.get_text()
        for soup in pages.values()
        for dt in soup.select(".cv-skills-index dt")
    }
    texts = []
    for name, soup in pages.items():
        texts += [f"{name}: {part.get_text()}" for part in soup.select(GENERATED)]
        texts += [
            f"{name}: {meta['content']}"
            for meta in soup.select(
                'meta[name="description"], meta[property="og:description"]'
            )
        ]
        links = soup.select('article a[title][href*="#cv-"]')
        texts += [f"{name}: {a['title']}" for a in links]
        for script in soup.select('script[type="application/ld+json"]'):
            person = json.loads(script.get_text())["mainEntity"]
            texts += [
                f"{name}: {job['description']}"
                for job in person.get("hasOccupation", [])
            ]
    for skill in sorted(skills, key=len, reverse=True):
        texts = [text.replace(skill, "") for text in texts]
    return [re.sub(r"https?://\S+", "", text) for text in texts]


def test_generated_chinese_text_has_chinese_brackets_and_commas(
    zh_pages: dict[str, BeautifulSoup],
) -> None:
    texts = generated_text(zh_pages)
    assert len(texts) > 100
    assert [text for text in texts if re.search(r"[()]|, ", text)] == []


def test_lists_in_generated_chinese_text_are_parted_by_enumeration_commas(
    zh_pages: dict[str, BeautifulSoup], cv_html: Build
) -> None:
    """Skills, an award's years, employers, the skills index's skills: an
    enumeration comma (U+3001) between the items of a list, where Chinese
    prose takes a full-width comma."""
    for soup in zh_pages.values():
        for line in soup.select(".cv-entry-skills"):
            names = [skill.get_text() for skill in line.select(".cv-skill")]
            assert line.get_text() == "技能：" + "、".join(names)
    english = BeautifulSoup((cv_html.outdir / "honors.html").read_text(), "html.parser")
    asides = english.select(".cv-type-award .cv-entry-aside")
    years = [aside.get_text() for aside in asides]
    assert "2018-19, 2019-20" in years
    chinese = zh_pages["honors.html"].select(".cv-type-award .cv-entry-aside")
    assert [aside.get_text() for aside in chinese] == [
        year.replace(", ", "、") for year in years
    ]

    def description(page: str) -> str:
        meta = zh_pages[page].select_one('meta[name="description"]')
        assert meta is not None
        return str(meta["content"])

    assert "在字节跳动、阿里巴巴集团和腾讯的经历" in description("index.html")
    skills = [dt.get_text() for dt in zh_pages["skills-index.html"].select("dt")]
    assert description("skills-index.html").endswith("：" + "、".join(skills) + "。")


HAN = "\u4e00-\u9fff"
#: Chinese marks, which take no space beside them.
FULL_WIDTH = "，。、；：？！（）“”‘’《》【】"
#: Blocks of text: the text of each is read as one line.
TEXT_BLOCKS = ["p", "li", "dt", "dd", "td", "th", "caption", "title"]
TEXT_BLOCKS += [f"h{level}" for level in range(1, 7)]


def test_chinese_text_has_no_space_inside_it(
    zh_pages: dict[str, BeautifulSoup],
) -> None:
    """No space between a Han character and a full-width mark, in a block of
    text or a description; none between two Han characters within a text.
    (A space between Chinese and Latin letters or digits is the pages'
    style: "2021 年 2 月", "Wenqing Luo 的简历".)"""
    beside_mark = re.compile(rf"[{HAN}]\s+[{FULL_WIDTH}]|[{FULL_WIDTH}]\s+[{HAN}]")
    between_han = re.compile(rf"[{HAN}]\s+[{HAN}]")
    found = []
    for name, soup in zh_pages.items():
        blocks = [
            block.get_text()
            for block in soup.find_all(TEXT_BLOCKS)
            if block.find(TEXT_BLOCKS) is None
        ]
        blocks += [meta["content"] for meta in soup.select("meta[content]")]
        found += [f"{name}: {b!r}" for b in blocks if beside_mark.search(b)]
        found += [
            f"{name}: {str(text)!r}" for text in soup.find_all(string=between_han)
        ]
    assert found == []


def test_chinese_and_latin_letters_or_digits_are_spaced_apart(
    zh_pages: dict[str, BeautifulSoup],
) -> None:
    """As the pages write them ("2021 年 2 月", "Wenqing Luo 的简历", "用
    Golang 构建"), in every text of the site and every description: the
    HTML has the space that the PDF's typesetter would add."""
    joined = re.compile(rf"[{HAN}][A-Za-z0-9]|[A-Za-z0-9][{HAN}]")
    found = []
    for name, soup in zh_pages.items():
        texts = [
            str(text)
            for text in soup.find_all(string=joined)
            if text.parent is not None and text.parent.name not in ("script", "style")
        ]
        texts += [str(m["content"]) for m in soup.select("meta[content]")]
        found += [f"{name}: {text!r}" for text in texts if joined.search(text)]
    assert found == []


#: Latin words that may stand in the theme's Chinese: names.
NAMES = {"Wenqing", "Luo", "Sphinx", "Furo", "pradyunsg", "GitHub", "LinkedIn"}


def test_the_theme_speaks_chinese_on_the_chinese_site(
    zh_pages: dict[str, BeautifulSoup],
) -> None:
    """What furo writes around the page, shown (the skip link, the footer,
    the search box, "On this page") or said to a screen reader (every
    aria-label, the icons' titles), is Chinese but for names."""
    found = []
    for name, soup in zh_pages.items():
        said = [str(tag["aria-label"]) for tag in soup.select("[aria-label]")]
        said += [str(tag["placeholder"]) for tag in soup.select("[placeholder]")]
        said += [title.get_text() for title in soup.select("svg title, symbol title")]
        # A section's toggle names the section: its title is the page's.
        said = [re.sub(r"“[^”]*”", "", text) for text in said]
        body = copy.copy(soup).body  # the fixture's pages stay whole
        assert body is not None
        for part in body.select(
            "article, script, .sidebar-tree, .toc-tree, .brand, .sidebar-brand, "
            ".related-pages .title"
        ):
            part.decompose()
        shown = body.get_text(" ")
        for text in [*said, shown]:
            english = set(re.findall(r"[A-Za-z]+", text)) - NAMES
            if english:
                found.append(f"{name}: {text.strip()!r} ({', '.join(sorted(english))})")
    assert found == []


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
        for page in site_pages(site.outdir):
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
    hrefs = [a["href"] for a in soup.select(".cv-downloads-box a")]
    assert [h for h in hrefs if h.endswith((".json", ".yaml"))] == [
        EN + "resume.json",
        EN + "rendercv.yaml",
    ]
    resume = json.loads((cv_html.outdir / "resume.json").read_text())
    assert resume["work"][0]["name"] == "Bytedance Inc."


def test_the_person_keeps_her_name(zh_html: Build) -> None:
    soup = BeautifulSoup((zh_html.outdir / "index.html").read_text(), "html.parser")
    assert soup.select_one("article h1").get_text().startswith("Wenqing Luo")
    script = soup.select_one('script[type="application/ld+json"]')
    assert script is not None
    assert json.loads(script.string)["mainEntity"]["name"] == "Wenqing Luo"


@pytest.mark.audit
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
    return full_cv("epub", "a4", tmp_path_factory, "zh_CN")


@pytest.mark.audit
def test_epubcheck_finds_nothing_in_the_chinese_epub(zh_epub: Path) -> None:
    assert epubcheck(zh_epub) == []


def test_the_chinese_epub_says_its_language(zh_epub: Path, tmp_path: Path) -> None:
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


def test_the_chinese_pdf_writes_what_the_site_writes(
    zh_pdf: Path, zh_pages: dict[str, BeautifulSoup]
) -> None:
    """The generated parts in the same Chinese punctuation: each entry's
    skills, each term of the skills index with the full-width colon."""
    text = squeezed(poppler("pdftotext", "-enc", "UTF-8", zh_pdf, "-"))
    lines = [
        line.get_text()
        for soup in zh_pages.values()
        for line in soup.select(".cv-entry-skills")
    ]
    index = zh_pages["skills-index.html"]
    lines += [
        f"{dt.get_text()}：{dt.find_next_sibling('dd').get_text()}"
        for dt in index.select("dt")
    ]
    assert len(lines) > 30
    assert [line for line in lines if squeezed(line) not in text] == []


def test_every_fact_is_searchable_in_the_chinese_pdf(zh_pdf: Path) -> None:
    text = squeezed(poppler("pdftotext", "-enc", "UTF-8", zh_pdf, "-"))
    assert [fact for fact in ZH if squeezed(fact) not in text] == []
    assert "\ufffd" not in text  # no glyph without its character


@pytest.mark.parametrize(("language", "said"), [("fr", True), ("zh_CN", False)])
def test_a_language_without_our_words_is_said_once(
    tmp_path: Path, language: str, said: bool
) -> None:
    """Not a warning (a French CV's strict build must pass): a line saying
    which of the extension's words stay English."""
    app = SphinxTestApp(
        srcdir=root("entries"),
        builddir=tmp_path,
        freshenv=True,
        confoverrides={"language": language},
    )
    try:
        app.build()
        status, warnings = app.status.getvalue(), app.warning.getvalue()
    finally:
        app.cleanup()
    assert warnings == ""
    line = (
        f"sphinx-cv has no words in {language}: the headings it adds, the "
        'downloads box, "et al." and the word for an end to come stay English '
        "(cv_present sets the last: now 'Present')"
    )
    assert (line in status) is said
