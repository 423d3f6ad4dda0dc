"""Publishing and interchange: page metadata, sitemap, JSON-LD, JSON Resume,
Read the Docs, and what must never be published."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit
from urllib.request import Request, urlopen
from xml.etree import ElementTree

import jsonschema
import pytest
from bs4 import BeautifulSoup
from pyld import jsonld

from conftest import (
    DOWNLOADS,
    EPOCH,
    ROOT,
    Build,
    fitted_variant,
    full_cv,
    make_env,
    poppler,
    site_pages,
)
from sphinx_cv.outputs import BY_SUFFIX

BASE = "https://wenqing-luo-cv.readthedocs.io/en/latest/"
EMAIL = "wenqing4@illinois.edu"
SCHEMA = Path(__file__).parent / "data" / "jsonresume-schema.json"
NODE_TOOLS = Path(__file__).parent / "node" / "node_modules" / ".bin"


def pages(cv_html: Build) -> dict[str, BeautifulSoup]:
    return {
        str(page.relative_to(cv_html.outdir)): BeautifulSoup(
            page.read_text(encoding="utf-8"), "html.parser"
        )
        for page in site_pages(cv_html.outdir)
    }


@pytest.fixture(scope="module")
def site(cv_html: Build) -> dict[str, BeautifulSoup]:
    return pages(cv_html)


@pytest.fixture(scope="module")
def resume(cv_html: Build) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((cv_html.outdir / "resume.json").read_text())
    return data


def test_each_page_has_one_absolute_canonical_link(
    site: dict[str, BeautifulSoup],
) -> None:
    for name, soup in site.items():
        links = [link["href"] for link in soup.select('link[rel="canonical"]')]
        assert links == [BASE + name], name


def test_each_page_has_opengraph_tags_of_its_own(
    site: dict[str, BeautifulSoup],
) -> None:
    descriptions = set()
    pages = {name: soup for name, soup in site.items() if name != "search.html"}
    for name, soup in pages.items():
        og = {m["property"]: m["content"] for m in soup.select("meta[property]")}
        assert og["og:url"] == BASE + name
        assert og["og:title"]
        assert (
            og["og:description"]
            == soup.select_one('meta[name="description"]')["content"]
        )
        descriptions.add(og["og:description"])
    assert len(descriptions) == len(pages)
    lark = site["experience/bytedance-lark.html"].select_one('meta[name="description"]')
    assert lark["content"] == (
        "Wenqing Luo: Golang, Thrift, Protobuf Intern, Bytedance Inc., "
        "Lark Core Services Team, April 2020 \u2013 June 2020."
    )


def test_the_sitemap_lists_every_page_and_no_search(cv_html: Build) -> None:
    tree = ElementTree.parse(cv_html.outdir / "sitemap.xml")
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    urls = [loc.text for loc in tree.findall(".//s:loc", ns)]
    names = sorted(url.removeprefix(BASE) for url in urls if url)
    assert all(url.startswith(BASE) for url in urls)
    expected = sorted(pages(cv_html))
    assert names == [n for n in expected if n not in ("search.html", "genindex.html")]


def _offline_schema_org(url: str, options: dict[str, Any]) -> dict[str, Any]:
    """schema.org's JSON-LD context, reduced to what it declares: its vocabulary.
    The tests run offline."""
    assert url.rstrip("/") in ("https://schema.org", "http://schema.org"), url
    return {
        "contentType": "application/ld+json",
        "contextUrl": None,
        "documentUrl": url,
        "document": {"@context": {"@vocab": "https://schema.org/"}},
    }


def test_the_index_page_describes_the_person_in_json_ld(
    site: dict[str, BeautifulSoup],
) -> None:
    scripts = site["index.html"].select('script[type="application/ld+json"]')
    assert len(scripts) == 1
    data = json.loads(scripts[0].string)
    expanded = jsonld.expand(data, {"documentLoader": _offline_schema_org})
    assert expanded[0]["@type"] == ["https://schema.org/ProfilePage"]
    person = data["mainEntity"]
    assert person["@type"] == "Person"
    assert person["name"] == "Wenqing Luo"
    assert [school["name"] for school in person["alumniOf"]] == [
        "University of Illinois at Urbana\u2013Champaign",
        "Zhejiang University",
    ]
    assert person["sameAs"] == [
        "https://github.com/laphets",
        "https://laphets.com",
        "https://www.linkedin.com/in/wenqingluo",
    ]
    assert {"Golang", "Kubernetes", "C/C++"} <= set(person["knowsAbout"])
    assert [job["name"] for job in person["hasOccupation"]][:2] == [
        "Kernel, DPDK, Service Mesh Intern",
        "C++, LLVM, Tensorflow, Machine Learning System Intern",
    ]
    assert not {"telephone", "address", "email"} & set(person)
    # And the page of the whole CV (tests/test_onepage.py); no other.
    assert [
        name
        for name, page in site.items()
        if page.select('script[type="application/ld+json"]')
    ] == ["cv.html", "index.html"]


def test_resume_json_is_valid_json_resume(resume: dict[str, Any]) -> None:
    jsonschema.Draft7Validator(json.loads(SCHEMA.read_text())).validate(resume)


def test_resume_json_follows_the_cv(resume: dict[str, Any]) -> None:
    assert resume["basics"] == {
        "name": "Wenqing Luo",
        "email": EMAIL,
        # The index page's own paragraph, as the page has it.
        "summary": (
            "M.S. student in Computer Science at the University of Illinois at "
            "Urbana\u2013Champaign, advised by Tianyin Xu. Intern experience across "
            "systems and infrastructure: kernel bypass and TCP offload for a service "
            "mesh at Bytedance, a machine learning system serving Taobao's more than "
            "300 million DAU at Alibaba, and Golang backend services at Bytedance "
            "Lark and Tencent."
        ),
        "url": "https://laphets.com",
        "profiles": [
            {
                "network": "GitHub",
                "username": "laphets",
                "url": "https://github.com/laphets",
            },
            {
                "network": "LinkedIn",
                "username": "wenqingluo",
                "url": "https://www.linkedin.com/in/wenqingluo",
            },
        ],
    }
    work = [
        (job["name"], job.get("startDate"), job.get("endDate"))
        for job in resume["work"]
    ]
    assert work == [
        ("Bytedance Inc.", "2021-02", None),
        ("Alibaba Group", "2020-06", "2020-12"),
        ("Bytedance Inc.", "2020-04", "2020-06"),
        ("Tencent Inc.", "2019-06", "2019-08"),
        ("University of Illinois at Urbana\u2013Champaign", "2020-08", "2020-12"),
    ]
    assert resume["education"][0] == {
        "institution": "University of Illinois at Urbana\u2013Champaign",
        "area": "Computer Science",
        "studyType": "M.S.",
        "startDate": "2021",
        "location": "Illinois",
        "advisor": "Tianyin Xu",
        "expectedDate": "2023-06",
    }
    assert [p["name"] for p in resume["projects"]] == [
        "WeirdOS",
        "Open-Source Contribution for VS Code and Firefox",
        "Recruit Open Platform",
    ]
    assert not re.search(r"\[\d\]", json.dumps(resume))  # no citation marks
    assert resume["awards"][3]["title"] == "Finalist Award (Top 1% among 13,749 teams)"
    skills = {s["name"]: s["keywords"] for s in resume["skills"]}
    assert skills["C/C++"] == ["C++", "Pure C", "C"]


@pytest.mark.skipif(
    not (NODE_TOOLS / "resumed").exists(),
    reason="needs tests/node (make test installs it)",
)
def test_a_json_resume_theme_renders_it(cv_html: Build, tmp_path: Path) -> None:
    out = tmp_path / "resume.html"
    theme = ("--theme", "jsonresume-theme-even")
    subprocess.run(
        [
            NODE_TOOLS / "resumed",
            "render",
            cv_html.outdir / "resume.json",
            *theme,
            "-o",
            out,
        ],
        check=True,
        capture_output=True,
    )
    text = BeautifulSoup(out.read_text(encoding="utf-8"), "html.parser").get_text(" ")
    for fact in ("Wenqing Luo", "Bytedance Inc.", "300 million DAU", "13,749 teams"):
        assert fact in text


def test_the_site_offers_its_downloads(
    site: dict[str, BeautifulSoup], cv_html: Build
) -> None:
    """What each file is, its type and size; the exports; the Chinese
    edition's files (tests/test_downloads.py tests the box's rules)."""
    box = site["index.html"].select_one(".cv-downloads-box")
    assert box is not None
    lines = [" ".join(p.get_text().split()) for p in box.select("p")]
    kb = {
        name: f"{round((cv_html.outdir / name).stat().st_size / 1024)} KB"
        for name in ("resume.json", "rendercv.yaml", "wenqing-luo-resume.html")
    }
    parts = "Education, Experience, Projects, Teaching experience"
    text = "Markdown, 18 KB · Plain text, 18 KB"
    version = (
        f"PDF, 18 KB · Word, 18 KB · Web page, {kb['wenqing-luo-resume.html']} · "
        + text
    )
    assert lines == [
        "The whole CV on one page · Download",
        f"Full CV: PDF, 18 KB · Word, 18 KB · ePub, 18 KB · {text}",
        f"Résumé, one page ({parts}, Honors and awards, Skills): {version}",
        f"Résumé, systems and infrastructure, one page ({parts}, Skills): {version}",
        f"Data: JSON Resume, {kb['resume.json']} · RenderCV, {kb['rendercv.yaml']}",
        "中文: PDF · Word · ePub · Markdown · Plain text",
    ]
    for link in box.select("a"):
        href = link["href"]
        assert href.startswith("https://") or (cv_html.outdir / href).is_file()


PHONE = re.compile(r"\+\d[\d ()-]{7,}\d|\(\d{3}\)\s*\d{3}-\d{4}")


def test_no_phone_or_postal_address_and_the_email_only_where_the_cv_shows_it(
    cv_html: Build, resume: dict[str, Any]
) -> None:
    outputs = [p for p in cv_html.outdir.rglob("*") if p.is_file()]
    text_outputs = [p for p in outputs if p.suffix in (".html", ".js", ".xml", ".json")]
    assert not [p for p in outputs if "_sources" in p.parts]
    for path in text_outputs:
        text = path.read_text(encoding="utf-8")
        assert not PHONE.search(text), path
        assert "streetAddress" not in text and "postalCode" not in text, path
        shows_email = EMAIL in text
        if path.suffix == ".html":  # meta tags and JSON-LD; entities decoded
            soup = BeautifulSoup(text, "html.parser")
            assert soup.head is not None and EMAIL not in str(soup.head), path
            shows_email = shows_email or EMAIL in soup.get_text("")
        shown = ("index.html", "cv.html", "resume.json")  # the CV's, whole
        assert not shows_email or path.name in shown, path
    assert json.dumps(resume).count(EMAIL) == 1  # basics.email


def package_index() -> str:
    """The index pip installs from: its environment, its configuration, or
    PyPI."""
    if url := os.environ.get("PIP_INDEX_URL"):
        return url
    config = subprocess.run(
        [sys.executable, "-m", "pip", "config", "get", "global.index-url"],
        capture_output=True,
        text=True,
        check=False,
    )
    return (
        config.stdout.strip() if config.returncode == 0 else "https://pypi.org/simple"
    )


def reachable(index: str) -> bool:
    """Whether *index* answers for a project (pip's own) within 3 s; a TCP
    connection alone proves nothing behind a proxy that accepts them all."""
    if urlsplit(index).scheme not in ("http", "https"):
        return True  # a local index
    page = index.rstrip("/") + "/pip/"
    try:
        with urlopen(Request(page, method="HEAD"), timeout=3) as response:
            return bool(response.status < 400)
    except (OSError, ValueError):
        return False


@pytest.mark.audit
@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")
@pytest.mark.parametrize(
    ("language", "sphinx_language", "title"),
    [("en", "en", "Education"), ("zh-cn", "zh_CN", "教育背景")],
)
def test_read_the_docs_publishes_every_file_the_downloads_name(
    tmp_path: Path,
    tmp_path_factory: pytest.TempPathFactory,
    language: str,
    sphinx_language: str,
    title: str,
) -> None:
    """The replay clones what is committed: run it on a clean checkout. The
    Chinese edition is a translation project built from the same files.
    Each file the downloads box names is published at the address its link
    gives, and is the file a local build makes, byte for byte."""
    index = package_index()
    if not reachable(index):
        pytest.skip(f"needs the package index ({index}): pip installs from it")
    result = subprocess.run(
        [ROOT / ".ci" / "readthedocs", tmp_path, language],
        env={**make_env(), "SOURCE_DATE_EPOCH": EPOCH},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    output = tmp_path / "checkout" / "_readthedocs"
    html = output / "html"
    assert [p.name for p in (output / "pdf").iterdir()] == ["wenqing-luo-cv.pdf"]
    assert [p.name for p in (output / "epub").iterdir()] == ["wenqing-luo-cv.epub"]
    page = BeautifulSoup((html / "index.html").read_text("utf-8"), "html.parser")
    hrefs = [a["href"] for a in page.select(".cv-downloads-box a")]
    here = [href for href in hrefs if not href.startswith("https://")]
    exports = ["resume.json", "rendercv.yaml"] if language == "en" else []
    offered = ["cv.html", *DOWNLOADS[sphinx_language], *exports]
    assert sorted(here) == sorted(offered)
    for href in here:
        assert (html / href).is_file(), href
    # The files local builds make.
    for name in DOWNLOADS[sphinx_language]:
        stem, suffix = name.split(".")
        version = stem.removeprefix("wenqing-luo-")
        if version == "cv":
            builder = BY_SUFFIX[f".{suffix}"].name
            local = full_cv(builder, "a4", tmp_path_factory, sphinx_language)
        else:
            fitted = fitted_variant(version, "a4", tmp_path_factory)
            local = fitted.pdf.with_suffix(f".{suffix}")
        assert (html / name).read_bytes() == local.read_bytes(), name
    for kind in ("pdf", "epub"):
        published = output / kind / f"wenqing-luo-cv.{kind}"
        assert published.read_bytes() == (html / published.name).read_bytes()
    assert title.upper() in poppler(
        "pdftotext", output / "pdf" / "wenqing-luo-cv.pdf", "-"
    )
    # Nothing published that is not the site's or its downloads'.
    assert not [
        p
        for p in output.rglob("*")
        if p.is_file()
        and ("_sources" in p.parts or p.suffix in (".doctree", ".pickle", ".log"))
    ]
