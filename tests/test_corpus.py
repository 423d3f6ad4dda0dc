"""Real CVs in: every JSON Resume and RenderCV file people wrote for
themselves (../shared/data/real, sources in its SOURCES.md) imports with no
traceback, and its project builds strictly, as a PDF and as a Word file,
with every entry of the source on the site and in the PDF, every RenderCV
section under its own title, and the file's language the site's.

What each import's report named is printed, file by file (``pytest -s``).
The files are read where they are; nothing of them is copied here.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from babel import Locale
from bs4 import BeautifulSoup

from conftest import ROOT, _needs_poppler, build, normalise, page_text, poppler
from sphinx_cv import cli
from sphinx_cv.formats.draft import markdown_to_text
from sphinx_cv.formats.rendercv import section_title

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


@pytest.mark.parametrize("source", FILES, ids=[p.stem for p in FILES])
def test_a_real_cv_imports_whole_and_builds(
    source: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _needs_poppler()
    project = tmp_path / "cv"
    status = cli.main(["new", str(project), "--from", str(source)])
    out, err = capsys.readouterr()
    with capsys.disabled():
        print(f"\n{source.name}: exit {status}\n{out}{err}")
    assert "Traceback" not in out + err
    assert status == (1 if "Left out" in out else 0)

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
    html = html.casefold()
    text = normalise(poppler("pdftotext", "-enc", "UTF-8", printed, "-")).casefold()
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
