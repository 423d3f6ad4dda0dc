"""The LaTeX source of the PDF, read without TeX: a résumé, not a manual."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import ROOT, build
from facts import SECTIONS
from sphinx_cv.texlog import problems


@pytest.fixture(scope="module")
def tex(tmp_path_factory: pytest.TempPathFactory) -> str:
    result = build(ROOT, tmp_path_factory.mktemp("latex"), buildername="latex")
    assert result.warnings == ""
    assert (result.outdir / "sphinxcv.sty").is_file()
    return (result.outdir / "wenqing-luo-cv.tex").read_text(encoding="utf-8")


def document(tex: str) -> str:
    return tex.split(r"\begin{document}", 1)[1]


@pytest.mark.parametrize(
    "manual",
    [r"\tableofcontents", r"\printindex", r"\sphinxmaketitle", r"\chapter", "Release"],
)
def test_nothing_of_a_manual_is_printed(tex: str, manual: str) -> None:
    assert manual not in document(tex)


def test_the_name_heads_the_first_page(tex: str) -> None:
    assert r"\usepackage{sphinxcv}" in tex
    body = document(tex)
    assert body.count(r"\sphinxcvmaketitle") == 1
    assert body.index(r"\sphinxcvmaketitle") < body.index(r"\section{")


def test_sections_follow_the_cv(tex: str) -> None:
    sections = [
        line.removeprefix(r"\section{").split("}", 1)[0]
        for line in document(tex).splitlines()
        if line.startswith(r"\section{")
    ]
    # The references list is LaTeX's own bibliography, not a \section.
    assert sections == SECTIONS[:-1]


def test_an_entry_page_is_titled_by_its_entry(tex: str) -> None:
    assert "Virtualization Team}" not in "".join(
        line for line in document(tex).splitlines() if "section{" in line
    )
    header = document(tex).split(r"\begin{sphinxuseclass}{cv-entry-header}")[4]
    lines = header.split(r"\end{sphinxuseclass}")[0].strip().split("\n\n")
    assert [line.replace("\n", "") for line in lines] == [
        r"\sphinxAtStartPar"
        r"\DUrole{cv-entry-main}{\sphinxstylestrong{Bytedance Inc.}}"
        "\\DUrole{cv-entry-aside}{February 2021 \u2013 Present}",
        r"\sphinxAtStartPar"
        r"\DUrole{cv-entry-main}{\sphinxstyleemphasis{Kernel, DPDK, Service Mesh "
        r"Intern at Infrastructure \sphinxhyphen{} Virtualization Team}}"
        r"\DUrole{cv-entry-aside}{Shanghai, China}",
    ]


def test_contacts_print_as_addresses_and_related_lines_not_at_all(tex: str) -> None:
    body = document(tex)
    assert r"\sphinxhref{https://github.com/laphets}{github.com/laphets}" in body
    assert r"\sphinxhref{https://www.linkedin.com/in/wenqingluo}{linkedin.com" in body
    assert "(https://github.com/laphets)" not in body
    assert body.count(r"\DUrole{cv-separator}{|}") == 3
    assert "Related:" not in body


def test_the_log_reader_finds_errors_and_undefined_references(tmp_path: Path) -> None:
    log = tmp_path / "cv.log"
    log.write_text(
        "This is pdfTeX\n"
        "! Undefined control sequence.\n"
        "LaTeX Warning: Reference `skills:x' on page 1 undefined on input line 3.\n"
        "LaTeX Warning: There were undefined references.\n"
        "Output written on cv.pdf (2 pages).\n",
        encoding="utf-8",
    )
    assert problems(log) == [
        f"{log}:2: ! Undefined control sequence.",
        f"{log}:3: LaTeX Warning: Reference `skills:x' on page 1 undefined on "
        "input line 3.",
        f"{log}:4: LaTeX Warning: There were undefined references.",
    ]


def test_the_log_reader_names_the_source_of_lost_text(tmp_path: Path) -> None:
    (tmp_path / "src" / "jobs").mkdir(parents=True)
    page = tmp_path / "src" / "jobs" / "acme.md"
    page.write_text("# Acme\n\nA rocket \U0001f680 and a longwordthatruns.\n")
    (tmp_path / "cv.tex").write_text("\\sphinxAtStartPar\nA longwordthatruns.\n")
    log = tmp_path / "cv.log"
    log.write_text(
        "! Missing character: There is no \U0001f680 (U+1F680) in font [x.otf]/O\n"
        "Overfull \\hbox (3.5pt too wide) in paragraph at lines 1--2\n"
        "Overfull \\hbox (0.4pt too wide) in paragraph at lines 1--2\n",
        encoding="utf-8",
    )
    assert problems(log, tmp_path / "src") == [
        f"{page}:3: no font of the PDF has '\U0001f680' (U+1F680 ROCKET): write it "
        "another way, or give the PDF a font that has it (latex_elements['fontpkg'])",
        f"{page}:3: a line runs 3.5pt past the margin of the PDF, and the text "
        "there is cut: break the text (a space, or a shorter word)",
    ]


def test_without_tex_make_latexpdf_says_what_to_install(tmp_path: Path) -> None:
    # A PATH with make and a shell, and no TeX.
    for tool in ("make", "sh"):
        found = shutil.which(tool)
        assert found is not None
        (tmp_path / tool).symlink_to(found)
    result = subprocess.run(
        ["make", "--no-print-directory", "latexpdf"],
        cwd=ROOT,
        env={"PATH": str(tmp_path)},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0
    assert result.stdout == (
        "make latexpdf needs TeX. Debian: apt-get install latexmk texlive-xetex "
        "texlive-latex-recommended texlive-latex-extra texlive-fonts-recommended "
        "tex-gyre texlive-lang-chinese fonts-noto-cjk; "
        "macOS: brew install --cask mactex-no-gui\n"
    )
    assert "Traceback" not in result.stderr
