"""The real PDF, built by `make pdf` with Typst: pages, fonts, metadata,
links, the structure a screen reader gets, and every fact of the CV."""

from __future__ import annotations

import itertools
import re
import shutil
import subprocess
import unicodedata
from pathlib import Path
from typing import Any

import pikepdf
import pytest
from pypdf import PdfReader

from conftest import (
    EPOCH,
    ROOT,
    build,
    copy_cv,
    full_cv,
    links,
    make_env,
    make_pdf,
    normalise,
    poppler,
)
from facts import ALL as FACTS
from facts import PRINTED_AS, SECTIONS
from sphinx_cv.look import of_config
from sphinx_cv.printed import document as d
from sphinx_cv.printed.typeset import TEMPLATE, Typesetter

pytestmark = pytest.mark.skipif(
    shutil.which("pdftotext") is None,
    reason="needs poppler-utils (make test installs them)",
)


def test_a_build_elsewhere_gives_the_same_bytes(
    tmp_path: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """`make pdf` in a copy of the sources, in a process of its own, gives
    the bytes of the build in this one (on A4: the paper changes no step)."""
    papersize = "a4"
    pdf = full_cv("pdf", papersize, tmp_path_factory)
    copy = copy_cv(tmp_path / "cv")
    again = make_pdf(tmp_path / "build", papersize, source=copy)
    assert again.read_bytes() == pdf.read_bytes()
    # After an edit and its undoing, the incremental build equals the clean one.
    page = copy / "experience" / "bytedance-lark.md"
    source = page.read_text(encoding="utf-8")
    page.write_text(source.replace("case by case.", "case by case, edited."))
    edited = make_pdf(tmp_path / "build", papersize, source=copy)
    assert "case by case, edited." in poppler("pdftotext", edited, "-")
    page.write_text(source, encoding="utf-8")
    assert make_pdf(tmp_path / "build", papersize, source=copy).read_bytes() == (
        pdf.read_bytes()
    )


def test_the_paper_is_the_one_asked_for(pdf: Path) -> None:
    width = float(PdfReader(pdf).pages[0].mediabox.width)
    assert round(width) == (612 if "us-letter" in str(pdf) else 595)


def test_two_pages_at_most(pdf: Path) -> None:
    assert len(PdfReader(pdf).pages) <= 2


def test_every_font_is_embedded_and_none_is_a_bitmap(pdf: Path) -> None:
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
    # Dated by SOURCE_DATE_EPOCH (the tests' EPOCH), as reproducible builds want.
    assert info.creation_date is not None
    assert info.creation_date.timestamp() == int(EPOCH)
    assert "Golang" in info["/Keywords"] and "Kubernetes" in info["/Keywords"]


def test_sections_are_bookmarked_in_cv_order(pdf: Path) -> None:
    outline = [
        item.title for item in PdfReader(pdf).outline if not isinstance(item, list)
    ]
    assert outline == SECTIONS


def test_links_are_clickable_and_land(pdf: Path) -> None:
    uris, internal = links(pdf)
    assert {
        "mailto:wenqing4@illinois.edu",
        "https://github.com/laphets",
        "https://laphets.com",
        "https://www.linkedin.com/in/wenqingluo",
        "https://github.com/laphets/WeirdOS",
    } <= uris
    assert len(internal) > 50
    assert None not in internal


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


HOSTILE = "字节跳动 Bytedance Inc. & Co. % $ # _ { } ~ ^ \\ Cafe\u0301 جامعة القاهرة"
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
    # The long word takes lines the two pages do not have.
    conf = project / "conf.py"
    conf.write_text(conf.read_text().replace("cv_pdf_pages = 2", "cv_pdf_pages = 3"))

    built = make(project, "pdf")
    assert built.returncode == 0, built.stdout[-2000:] + built.stderr[-2000:]
    pdf = project / "_build" / "pdf" / "wenqing-luo-cv.pdf"
    text = poppler("pdftotext", "-enc", "UTF-8", pdf, "-")
    # Compare composed text: a font may set e and U+0301 as one glyph.
    # Arabic reads back in logical order, between marks of direction.
    flowing = nfc(normalise(re.sub("[\u202a-\u202e]", "", text)))
    assert nfc(normalise(HOSTILE)) in flowing
    assert LONG_WORD in re.sub(r"\s", "", text)  # broken across lines, all there
    assert "\\input{x}" in text
    good = pdf.read_bytes()

    line = source.splitlines().index(f":organisation: {HOSTILE}") + 1
    # A character no font of the PDF has: an Egyptian hieroglyph.
    page.write_text(source.replace("Cafe\u0301", "Cafe\u0301 \U00013000"), "utf-8")
    failed = make(project, "pdf")
    assert failed.returncode != 0
    said = (failed.stdout + failed.stderr).replace(f"{project}/", "")
    assert "Traceback" not in said
    assert (
        f"experience/bytedance-lark.md:{line}: ERROR: no font of the PDF has "
        "'\U00013000' (U+13000 EGYPTIAN HIEROGLYPH A001): install a font that has "
        "it, such as a Noto font of its script, or name one in cv_pdf_fonts [cv.font]"
    ) in said.splitlines()
    assert pdf.read_bytes() == good


# -- What a screen reader gets (PDF/UA-1) -----------------------------------------


def structure(pdf: Path) -> list[tuple[str, str]]:
    """The structure tree's elements in document order: (type, its title)."""
    found: list[tuple[str, str]] = []

    def walk(element: Any) -> None:
        if isinstance(element, pikepdf.Array):
            for child in element:
                walk(child)
        elif isinstance(element, pikepdf.Dictionary) and "/S" in element:
            found.append((str(element.S), str(element.get("/T", ""))))
            walk(element.get("/K"))

    with pikepdf.open(pdf) as document:
        walk(document.Root.StructTreeRoot.K)
    return found


def test_headings_are_tagged_in_order_without_a_level_skipped(pdf: Path) -> None:
    tree = structure(pdf)
    headings = [(kind, title) for kind, title in tree if kind.startswith("/H")]
    assert headings[0] == ("/H1", "Wenqing Luo")
    assert [title for kind, title in headings if kind == "/H2"] == SECTIONS
    levels = [int(kind[2:]) for kind, _ in headings]
    assert all(b - a <= 1 for a, b in itertools.pairwise(levels))
    # Each entry is a heading under its section: 15 entries.
    assert levels.count(3) == 15


def test_highlights_are_lists_and_every_link_is_described(pdf: Path) -> None:
    kinds = [kind for kind, _ in structure(pdf)]
    assert kinds.count("/L") >= 10 and kinds.count("/LI") >= 40
    with pikepdf.open(pdf) as document:
        annotations = [a for page in document.pages for a in page.get("/Annots", [])]
        assert len(annotations) > 60
        assert all(str(a.get("/Contents", "")).strip() for a in annotations)
        assert kinds.count("/Link") == len(annotations)


def test_the_pdf_declares_pdf_ua_with_its_language_and_title(pdf: Path) -> None:
    with pikepdf.open(pdf) as document:
        root = document.Root
        assert str(root.Lang) == "en"
        assert bool(root.MarkInfo.Marked) is True
        assert bool(root.ViewerPreferences.DisplayDocTitle) is True
        xmp = document.open_metadata()
        assert xmp["pdfuaid:part"] == "1"
        assert xmp["dc:title"] == "Wenqing Luo"


def test_a_section_split_by_a_page_break_names_itself_on_the_new_page(
    tmp_path: Path,
) -> None:
    """A page that opens inside a section says which, as a parser reads
    it (its first text); screen readers skip it (no heading is added to the
    structure tree)."""
    source = tmp_path / "src"
    source.mkdir()
    (source / "conf.py").write_text(
        'extensions = ["myst_parser", "sphinx_cv"]\n'
        'myst_enable_extensions = ["colon_fence"]\n'
        'project = author = "Ada Lovelace"\ncv_pdf_pages = 0\n'
    )
    jobs = "\n\n".join(
        f":::{{cv:work}} job-{n}\n:organisation: Employer {n}\n:role: Engineer\n"
        f":start: {1900 + n}\n\n- Did a thing worth a line of its own.\n:::"
        for n in range(90)
    )
    (source / "index.md").write_text(
        "# Ada Lovelace\n\n:::{cv:person}\n:email: ada@example.org\n:::\n\n"
        f"## Experience\n\n{jobs}\n\n## Skills\n\nEngines.\n"
    )
    done = build(source, tmp_path / "build", buildername="pdf")
    assert done.warnings == ""
    [pdf] = done.outdir.glob("*.pdf")
    pages = poppler("pdftotext", "-enc", "UTF-8", pdf, "-").split("\f")
    firsts = [page.strip().splitlines()[0] for page in pages if page.strip()]
    assert len(firsts) >= 3
    assert firsts[0] == "Ada Lovelace"
    assert set(firsts[1:]) == {"EXPERIENCE (CONTINUED)"}
    headings = [title for kind, title in structure(pdf) if kind == "/H2"]
    assert headings == ["Experience", "Skills"]


def test_typst_reads_each_page_apart_so_an_edit_changes_one_file(
    tmp_path: Path,
) -> None:
    """The document reaches Typst as files, a page's blocks in a file of its
    own: after an edit to one page only its file changes, which is what lets
    Typst set only that page again (timed in benchmarks/), and the PDF is
    the one a new typesetter makes of the edited document."""

    def document(said: str) -> d.Document:
        pages = tuple(
            d.Part(
                page=f"experience/job-{n}",
                body=(d.Paragraph(body=(d.Text(said if n == 2 else f"Job {n}"),)),),
            )
            for n in (1, 2, 3)
        )
        title = (d.Text("Ada Lovelace"),)
        return d.Document(
            body=(d.Section(level=1, title=title, body=pages),),
            title="Ada Lovelace",
            look=of_config("classic", {}).as_dict(),
        )

    def files(typesetter: Typesetter) -> dict[str, str]:
        return {path.name: path.read_text() for path in typesetter.folder.iterdir()}

    typesetter = Typesetter(TEMPLATE, ["Libertinus Serif"], [], tmp_path / "kept")
    typesetter.pdf(document("Analytical Engine"))
    before = files(typesetter)
    assert sorted(before) == [
        "cv.json",
        "experience_job-1-1.json",
        "experience_job-2-1.json",
        "experience_job-3-1.json",
    ]
    edited = typesetter.pdf(document("Difference Engine"))
    after = files(typesetter)
    changed = {name for name in after if after[name] != before[name]}
    assert changed == {"experience_job-2-1.json"}
    assert "Difference Engine" in after["experience_job-2-1.json"]
    fresh = Typesetter(TEMPLATE, ["Libertinus Serif"], [], tmp_path / "fresh")
    assert edited == fresh.pdf(document("Difference Engine"))
