"""Versions of the CV from one source: what a variant keeps, in the PDF it
writes (roots/test-variants), and its bad input."""

from __future__ import annotations

import re
import runpy
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pikepdf
import pytest
from pdfminer.high_level import extract_pages
from pdfminer.layout import LTChar, LTTextBox
from pypdf import PdfReader

from conftest import (
    PAPERS,
    ROOT,
    Build,
    VariantPDF,
    build,
    copy_cv,
    fitted_variant,
    links,
    make_env,
    normalise,
    poppler,
    stopping_build,
)
from facts import ENTRY_HEADS, SECTIONS
from sphinx_cv import entries
from sphinx_cv.model import Entry

TESTROOT = Path(__file__).parent / "roots" / "test-variants"
CONF_SHORT = runpy.run_path(str(TESTROOT / "conf.py"))["cv_variants"]["short"]


def printed(srcdir: Path, tmp_path: Path, **overrides: Any) -> tuple[str, str]:
    """The text of a PDF build of *srcdir*, and what the build said."""
    result = build(srcdir, tmp_path, buildername="pdf", confoverrides=overrides)
    [pdf] = result.outdir.glob("*.pdf")
    text = poppler("pdftotext", "-enc", "UTF-8", pdf, "-")
    return normalise(text), result.warnings


@pytest.fixture(scope="module")
def full(tmp_path_factory: pytest.TempPathFactory) -> str:
    text, warnings = printed(TESTROOT, tmp_path_factory.mktemp("full"))
    assert warnings == ""
    return text


@pytest.fixture(scope="module")
def short(tmp_path_factory: pytest.TempPathFactory) -> str:
    text, warnings = printed(
        TESTROOT, tmp_path_factory.mktemp("short"), cv_variant="short"
    )
    assert warnings == ""
    return text


def test_the_full_cv_keeps_everything_and_shows_no_tag(full: str) -> None:
    for text in ("Other Corp.", "Web bullet", "Big Project", "A summary paragraph"):
        assert text in full
    assert "cv:tags" not in full and "sys, web" not in full
    assert "REFERENCES" in full and "A web paper" in full


def test_a_variant_keeps_its_tagged_entries_and_fill(short: str) -> None:
    assert "Acme Corp." in short
    assert "Toy Project" in short and "Big Project" in short  # both fit
    # Tagged web only: left out, its name only where a kept bullet links it.
    assert "Designer" not in short and "Other bullet" not in short
    assert "see Other Corp. and Acme Corp." in short


def test_a_fill_entry_that_does_not_fit_is_skipped_for_the_next(
    tmp_path: Path,
) -> None:
    srcdir = tmp_path / "src"
    shutil.copytree(TESTROOT, srcdir)
    projects = srcdir / "projects.md"
    bullets = "".join(f"- Big bullet {n}.\n" for n in range(90))
    text = projects.read_text().replace("- Big bullet.\n", bullets)
    # A skill of both: the skills index names the toy project alone.
    projects.write_text(text.replace(":skills: Haskell", ":skills: Haskell, Rust"))
    variants = {"short": {**CONF_SHORT, "fill": ["big", "toy"]}}
    result = build(
        srcdir,
        tmp_path / "out",
        buildername="pdf",
        confoverrides={"cv_variant": "short", "cv_variants": variants},
    )
    text = normalise(poppler("pdftotext", result.outdir / "ada-short.pdf", "-"))
    assert "Toy Project" in text and "Big Project" not in text
    assert "Haskell" not in text  # its skill, in the skills index
    assert "Rust: Toy Project" in text
    assert len(PdfReader(result.outdir / "ada-short.pdf").pages) == 1


def test_a_variant_keeps_untagged_bullets_and_those_of_its_tags(short: str) -> None:
    assert "Kept bullet, untagged" in short
    assert "Systems bullet." in short
    assert "Web bullet" not in short


def test_what_a_variant_drops_leaves_no_trace(short: str) -> None:
    # The dropped bullet's citation, the references, the dropped entry's
    # skills in the index, the prose outside entries, the skills line.
    assert "webpaper" not in short and "A web paper" not in short
    assert "[web20]" not in short and "REFERENCES" not in short
    assert "Figma" not in short
    assert "Golang" in short and "Rust" in short  # in the skills index
    assert "A summary paragraph" not in short
    assert "Skills:" not in short


def test_a_variant_showing_the_references_page_keeps_the_bibliography(
    tmp_path: Path,
) -> None:
    sections = [*CONF_SHORT["sections"], "refs"]
    kept = {**CONF_SHORT, "sections": sections, "highlights": ["sys", "web"]}
    text, warnings = printed(
        TESTROOT, tmp_path, cv_variant="short", cv_variants={"short": kept}
    )
    assert warnings == ""
    assert "A web paper" in text and "Web bullet [web20]" in text


def test_a_link_to_a_dropped_entry_reads_as_text(tmp_path: Path) -> None:
    result = build(
        TESTROOT, tmp_path, buildername="pdf", confoverrides={"cv_variant": "short"}
    )
    pdf = result.outdir / "ada-short.pdf"
    reader = PdfReader(pdf)
    assert reader.metadata is not None
    assert reader.metadata.title == "Ada: Short"
    # The bullet links Acme Corp. (kept) but not Other Corp. (dropped): a
    # link over the second name of the pair and none over the first.
    boxes = word_boxes(pdf)
    other, acme = boxes["Other"], boxes["Acme"][-1]
    rects = [
        [float(v) for v in annotation.get_object()["/Rect"]]
        for page in reader.pages
        for annotation in page.get("/Annots") or []
    ]
    assert any(_over(rect, acme) for rect in rects)
    assert not any(_over(rect, box) for rect in rects for box in other)
    _, internal = links(pdf)
    assert internal and None not in internal


def word_boxes(pdf: Path) -> dict[str, list[tuple[float, float, float, float]]]:
    """Each word of the PDF's first page with its boxes (x0, y0, x1, y1)."""
    found: dict[str, list[tuple[float, float, float, float]]] = {}
    page = next(extract_pages(pdf))
    for line in (ln for box in page if isinstance(box, LTTextBox) for ln in box):
        chars = [c for c in line if isinstance(c, LTChar)]
        word: list[LTChar] = []
        for char in [*chars, None]:
            if char is not None and char.get_text().strip():
                word.append(char)
                continue
            if word:
                text = "".join(c.get_text() for c in word).strip(".,:;")
                box = (word[0].x0, word[0].y0, word[-1].x1, word[-1].y1)
                found.setdefault(text, []).append(box)
            word = []
    return found


def _over(rect: list[float], box: tuple[float, float, float, float]) -> bool:
    """Whether a link's rectangle covers the middle of a word's box."""
    x, y = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
    return rect[0] <= x <= rect[2] and rect[1] <= y <= rect[3]


def test_an_unknown_variant_stops_the_build_and_names_the_known_ones(
    tmp_path: Path,
) -> None:
    text, status = stopping_build(
        TESTROOT, tmp_path, buildername="pdf", confoverrides={"cv_variant": "long"}
    )
    assert status == 1
    assert not list(tmp_path.rglob("*.pdf"))
    assert text.splitlines() == [
        "conf.py:8: ERROR: no variant 'long': cv_variants in conf.py declares "
        "short [cv.config]"
    ]


def test_a_malformed_variant_is_reported_and_left_out(tmp_path: Path) -> None:
    variants = {"odd": {"title": "Odd", "filename": "odd", "sections": []}}
    text, status = stopping_build(
        TESTROOT, tmp_path, buildername="pdf", confoverrides={"cv_variants": variants}
    )
    assert status is None
    assert text.splitlines() == [
        "conf.py:8: WARNING: cv_variants: 'odd' needs 'pages': the most pages "
        "it may take [cv.config]"
    ]


@pytest.mark.parametrize(
    ("old", "new", "line", "message"),
    [
        (
            ":tags: core, sys",
            ":tags: core, systems",
            8,
            "cv:work 'acme': :tags: unknown tag 'systems': cv_tags in conf.py "
            "declares core, sys, web [cv.tags]",
        ),
        (
            "{cv:tags}`web`",
            "{cv:tags}`webb`",
            11,
            "cv:tags: unknown tag 'webb': cv_tags in conf.py declares core, sys, "
            "web [cv.tags]",
        ),
    ],
)
def test_an_unknown_tag_is_reported_at_its_line(
    tmp_path: Path, old: str, new: str, line: int, message: str
) -> None:
    srcdir = tmp_path / "src"
    shutil.copytree(TESTROOT, srcdir)
    jobs = srcdir / "jobs.md"
    jobs.write_text(jobs.read_text(encoding="utf-8").replace(old, new, 1))
    text, _ = stopping_build(srcdir, tmp_path / "out")
    assert f"jobs.md:{line}: WARNING: {message}" in text.splitlines()


# -- The CV's own versions, built and fitted by make variant ---------------------


def resume_pdf(papersize: str, factory: pytest.TempPathFactory) -> VariantPDF:
    if shutil.which("pdftotext") is None:
        pytest.skip("needs poppler-utils (make test installs them)")
    return fitted_variant("resume", papersize, factory)


CONF = runpy.run_path(str(ROOT / "conf.py"))
INTERNSHIPS = [
    "bytedance-virtualization",
    "alibaba-search-recommendation",
    "bytedance-lark",
    "tencent-csig",
]
#: Bullets the systems version leaves out: tagged backend or web only.
NOT_SYSTEMS = [
    "Build several medical diagnosis services",
    "Implement server side rendering for the form submit page",
]


def kept(variant: VariantPDF, entries: dict[str, Entry]) -> set[str]:
    """The ids of the entries *variant* keeps: those with one of its tags,
    on a page it shows, and the fill entries that fitted."""
    declared = CONF["cv_variants"][variant.name]
    tagged = {
        entry.id
        for entry in entries.values()
        if set(entry.tags) & set(declared["entries"])
        and entry.id not in declared["fill"]
    }
    return tagged | set(variant.fill)


def pdf_text(pdf: Path) -> str:
    return normalise(poppler("pdftotext", "-enc", "UTF-8", pdf, "-"))


def test_each_version_has_exactly_its_pages(variant_pdf: VariantPDF) -> None:
    pages = CONF["cv_variants"][variant_pdf.name]["pages"]
    assert len(PdfReader(variant_pdf.pdf).pages) == pages


@pytest.mark.parametrize("papersize", PAPERS)
def test_the_resume_keeps_education_and_every_internship_whole(
    papersize: str, cv_html: Build, tmp_path_factory: pytest.TempPathFactory
) -> None:
    variant_pdf = resume_pdf(papersize, tmp_path_factory)
    text = pdf_text(variant_pdf.pdf)
    for entry_id in [*INTERNSHIPS, "uiuc-ms", "uiuc-bs", "zju-be"]:
        entry = cv_html.entries[entry_id]
        assert normalise(entries.label(entry, ", ").split(", ")[0]) in text
        for highlight in entry.highlights:
            assert normalise(highlight) in text
    # Each fill entry is kept or left out for room, each list in fill order.
    fill = CONF["cv_variants"]["resume"]["fill"]
    assert sorted([*variant_pdf.fill, *variant_pdf.left_out]) == sorted(fill)
    for part in (variant_pdf.fill, variant_pdf.left_out):
        assert list(part) == [entry for entry in fill if entry in part]
    # Room for the first, WeirdOS, on either paper: the résumé has projects.
    assert variant_pdf.fill[:1] == ("weirdos",)


def test_kept_highlights_are_verbatim_and_dropped_ones_absent(
    variant_pdf: VariantPDF, cv_html: Build
) -> None:
    text = pdf_text(variant_pdf.pdf)
    keep = kept(variant_pdf, cv_html.entries)
    for entry in cv_html.entries.values():
        for highlight in entry.highlights:
            dropped = variant_pdf.name == "systems" and any(
                highlight.startswith(start) for start in NOT_SYSTEMS
            )
            if entry.id in keep and not dropped:
                assert normalise(highlight) in text, highlight
            else:
                assert normalise(highlight)[:60] not in text, highlight
    assert "Related:" not in text and "Skills:" not in text
    assert "[1]" not in text and "REFERENCES" not in text


def test_no_link_points_at_a_missing_target(variant_pdf: VariantPDF) -> None:
    _, internal = links(variant_pdf.pdf)
    assert None not in internal


def test_fonts_and_metadata_name_the_version(variant_pdf: VariantPDF) -> None:
    title = CONF["cv_variants"][variant_pdf.name]["title"]
    info = PdfReader(variant_pdf.pdf).metadata
    assert info is not None
    assert info.title == f"Wenqing Luo: {title}"
    assert info.author == "Wenqing Luo"
    for row in poppler("pdffonts", variant_pdf.pdf).splitlines()[2:]:
        assert "Type 3" not in row and row.split()[-5] == "yes", row
    with pikepdf.open(variant_pdf.pdf) as document:
        assert document.open_metadata()["pdfuaid:part"] == "1"


def test_make_variant_names_the_variants_it_knows(tmp_path: Path) -> None:
    result = subprocess.run(
        ["make", "-s", "variant", "V=cover-letter", f"BUILDDIR={tmp_path}"],
        cwd=ROOT,
        env=make_env(),
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    said = result.stdout + result.stderr
    assert "Traceback" not in said
    conf = (ROOT / "conf.py").read_text(encoding="utf-8").splitlines()
    line = next(n for n, text in enumerate(conf, 1) if text.startswith("cv_variants ="))
    assert (
        f"{ROOT}/conf.py:{line}: ERROR: no variant 'cover-letter': cv_variants in "
        "conf.py declares resume, systems [cv.config]"
    ) in said.splitlines()


def test_a_version_that_cannot_fit_says_by_how_much(tmp_path: Path) -> None:
    project = copy_cv(tmp_path / "cv")
    conf = project / "conf.py"
    text = conf.read_text(encoding="utf-8")
    # The résumé asked to keep everything tagged, with nothing to leave out.
    text = text.replace('"entries": ["core"],', '"entries": list(cv_tags),', 1)
    conf.write_text(re.sub(r'"fill": \[[^\]]*\],', '"fill": [],', text, count=1))
    previous = tmp_path / "build" / "wenqing-luo-resume.pdf"
    previous.parent.mkdir()
    previous.write_bytes(b"the previous PDF")

    result = subprocess.run(
        ["make", "-s", "variant", "V=resume", f"BUILDDIR={tmp_path / 'build'}",
         f"VENV={ROOT / '.venv'}"],
        cwd=project,
        env=make_env(),
        capture_output=True,
        text=True,
        check=False,
    )  # fmt: skip

    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    [message] = [line for line in result.stderr.splitlines() if "ERROR" in line]
    assert re.fullmatch(
        rf"{project}/conf\.py:\d+: ERROR: 'resume' even without its fill entries "
        r"does not fit 1 page\(s\): it runs \d+pt \(about \d+ lines\) over; keep "
        r"fewer entries or allow more pages \(cv_variants in conf\.py\) \[cv\.pages\]",
        message,
    ), message
    assert previous.read_bytes() == b"the previous PDF"


#: Each entry's first line in print, with the section it is in.
HEADS = [
    *[(head, "Education") for head in ENTRY_HEADS[:3]],
    *[(head, "Experience") for head in ENTRY_HEADS[3:7]],
    *[(head, "Projects") for head in ENTRY_HEADS[7:10]],
    (ENTRY_HEADS[10], "Teaching experience"),
    *[(head, "Honors and awards") for head in ENTRY_HEADS[11:]],
]


def test_each_version_prints_every_entry_under_its_own_section(
    variant_pdf: VariantPDF,
) -> None:
    """A version keeps each section's heading while it holds anything: an
    entry never reads as part of the section before its own."""
    text = poppler("pdftotext", "-layout", "-enc", "UTF-8", variant_pdf.pdf, "-")
    headings = {section.upper(): section for section in SECTIONS}
    longest_first = sorted(HEADS, key=lambda pair: -len(pair[0]))
    section, found = "", []
    for line in (normalise(line) for line in text.splitlines()):
        section = headings.get(line, section)
        for head, own in longest_first:
            # An entry's first line: its dates beside it (a place is not).
            if line.startswith(head) and re.search(r"(\d{4}|Present)$", line):
                found.append((head, own, section))
                break
    assert len(found) >= 8  # the degrees, the internships, the first project
    assert [(head, printed) for head, own, printed in found if own != printed] == []
