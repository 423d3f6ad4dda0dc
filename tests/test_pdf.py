"""The real PDF, built by `make latexpdf` with TeX: pages, fonts, metadata,
links and every fact of the CV in its text."""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest
from pypdf import PdfReader

from conftest import ROOT, copy_cv, make_env, make_pdf, normalise, poppler
from facts import ALL as FACTS
from facts import PRINTED_AS, SECTIONS

pytestmark = pytest.mark.skipif(
    shutil.which("latexmk") is None or shutil.which("pdftotext") is None,
    reason="needs TeX and poppler-utils (.ci/run installs them)",
)


def test_a_build_elsewhere_gives_the_same_bytes(pdf: Path, tmp_path: Path) -> None:
    papersize = pdf.parent.parent.name.rstrip("0123456789")
    copy = copy_cv(tmp_path / "cv")
    again = make_pdf(tmp_path / "build", papersize, source=copy)
    assert again.read_bytes() == pdf.read_bytes()


def test_two_pages_at_most(pdf: Path) -> None:
    assert len(PdfReader(pdf).pages) <= 2


def test_every_font_is_embedded_and_none_is_type_3(pdf: Path) -> None:
    rows = poppler("pdffonts", pdf).splitlines()[2:]
    assert rows
    for row in rows:
        columns = row.split()
        assert "Type 3" not in row
        assert columns[-5] == "yes", f"not embedded: {row}"


def test_metadata_names_the_person_and_the_skills(pdf: Path) -> None:
    info = PdfReader(pdf).metadata
    assert info is not None
    assert info.title == "Wenqing Luo"
    assert info.author == "Wenqing Luo"
    assert info.subject == "Curriculum vitae"
    assert "Golang" in info["/Keywords"] and "Kubernetes" in info["/Keywords"]


def test_sections_are_bookmarked_in_cv_order(pdf: Path) -> None:
    outline = [
        item.title for item in PdfReader(pdf).outline if not isinstance(item, list)
    ]
    assert outline == SECTIONS


def test_links_are_clickable_and_land(pdf: Path) -> None:
    reader = PdfReader(pdf)
    destinations = set(reader.named_destinations)
    uris, internal = set(), []
    for page in reader.pages:
        for annotation in page.get("/Annots") or []:
            action = annotation.get_object().get("/A", {})
            if "/URI" in action:
                uris.add(action["/URI"])
            elif "/D" in action:
                internal.append(action["/D"])
    assert {
        "mailto:wenqing4@illinois.edu",
        "https://github.com/laphets",
        "https://laphets.com",
        "https://www.linkedin.com/in/wenqingluo",
        "https://github.com/laphets/WeirdOS",
    } <= uris
    assert len(internal) > 50
    assert [d for d in internal if d not in destinations] == []


@pytest.fixture(scope="module")
def text(pdf: Path) -> str:
    return poppler("pdftotext", "-enc", "UTF-8", pdf, "-")


def test_text_has_no_ligatures_or_broken_words(text: str) -> None:
    assert not re.search("[\ufb00-\ufb06]", text)
    assert not re.search(r"[a-z]-\n[a-z]", text)


@pytest.mark.parametrize("fact", FACTS)
def test_every_seed_fact_is_in_the_text(text: str, fact: str) -> None:
    flowing = normalise(text)
    fact = PRINTED_AS.get(fact, fact)
    # An address may break across lines; only its characters must all be there.
    assert normalise(fact) in flowing or (
        "://" in fact and fact in re.sub(r"\s", "", text)
    )


def test_sections_read_in_cv_order(text: str) -> None:
    # Printed in capitals (tests/test_ats.py checks how).
    headings = [section.upper() for section in SECTIONS]
    lines = [line.strip() for line in text.splitlines()]
    assert [line for line in lines if line in headings] == headings


HOSTILE = "字节跳动 Bytedance Inc. & Co. % $ # _ { } ~ ^ \\ Cafe\u0301"
LONG_WORD = "x" * 2000


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def make(project: Path, target: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["make", "-s", target, f"VENV={ROOT / '.venv'}"],
        cwd=project,
        env=make_env(),
        capture_output=True,
        text=True,
        check=False,
    )


def test_any_text_reaches_the_pdf_or_stops_it_at_its_source(tmp_path: Path) -> None:
    project = copy_cv(tmp_path / "cv")
    page = project / "experience" / "bytedance-lark.md"
    source = page.read_text(encoding="utf-8")
    source = source.replace(
        ":organisation: Bytedance Inc.", f":organisation: {HOSTILE}"
    )
    source = source.replace("case by case.", f"case by case. {LONG_WORD} \\input{{x}}")
    page.write_text(source, encoding="utf-8")

    built = make(project, "latexpdf")
    assert built.returncode == 0, built.stdout[-2000:] + built.stderr[-2000:]
    pdf = project / "_build" / "latex" / "wenqing-luo-cv.pdf"
    text = poppler("pdftotext", "-enc", "UTF-8", pdf, "-")
    # The font composes e and U+0301 into one glyph: compare composed text.
    assert nfc(normalise(HOSTILE)) in nfc(normalise(text))
    assert LONG_WORD in re.sub(r"\s", "", text)  # broken across lines, all there
    assert "\\input{x}" in text
    good = pdf.read_bytes()

    line = source.splitlines().index(f":organisation: {HOSTILE}") + 1
    page.write_text(source.replace("Cafe\u0301", "Cafe\u0301 \U0001f680"), "utf-8")
    failed = make(project, "latexpdf")
    assert failed.returncode != 0
    said = (failed.stdout + failed.stderr).replace(f"{project}/", "")
    assert "Traceback" not in said
    assert (
        f"experience/bytedance-lark.md:{line}: no font of the PDF has '\U0001f680' "
        "(U+1F680 ROCKET): write it another way, or give the PDF a font that has "
        "it (latex_elements['fontpkg'])"
    ) in said.splitlines()
    assert "make latexpdf: failed; the previous PDF is kept" in said
    assert pdf.read_bytes() == good
