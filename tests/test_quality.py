"""Quality gates on the built site: accessibility (axe-core in Chromium),
validity (the Nu HTML Checker) and reproducibility."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup

from conftest import EPOCH, ROOT, STRICT, Build, build, copy_cv, normalise, site

NODE = Path(__file__).parent / "node"
VNU = NODE / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
CHROMIUM = shutil.which("chromium")
# Saved for reviewers, as CI artefacts: the index and one entry page.
SHOTS_DIR = ROOT / "_build" / "screenshots"
SHOTS = ["index.html", "experience/bytedance-virtualization.html"]


def run_axe(
    site: Path, shots_dir: Path, shots: list[str], taken: Path
) -> tuple[list[dict[str, Any]], Path]:
    """axe-core's violations on every page of *site*, and *taken*, a new
    folder of the screenshots of *shots*, which are also copied into
    *shots_dir* for reviewers (two test workers may run it at once)."""
    if CHROMIUM is None or not (NODE / "node_modules" / "axe-core").is_dir():
        pytest.skip("needs chromium and tests/node (make test installs them)")
    pages = sorted(str(p.relative_to(site)) for p in site.rglob("*.html"))
    result = subprocess.run(
        ["node", NODE / "axe.mjs", site, taken, *pages],
        env={**os.environ, "CHROMIUM": CHROMIUM, "SHOTS": ",".join(shots)},
        capture_output=True,
        text=True,
        check=True,
    )
    shots_dir.mkdir(parents=True, exist_ok=True)
    for shot in taken.glob("*.png"):
        shutil.copyfile(shot, shots_dir / shot.name)
    violations: list[dict[str, Any]] = json.loads(result.stdout)
    return violations, taken


@pytest.fixture(scope="module")
def axe(
    cv_html: Build, tmp_path_factory: pytest.TempPathFactory
) -> tuple[list[dict[str, Any]], Path]:
    return run_axe(cv_html.outdir, SHOTS_DIR, SHOTS, tmp_path_factory.mktemp("shots"))


@pytest.mark.audit
def test_the_chinese_edition_has_no_accessibility_violation(
    zh_html: Build, tmp_path: Path
) -> None:
    reviewed = ROOT / "_build" / "screenshots-zh_CN"
    violations, shots = run_axe(zh_html.outdir, reviewed, SHOTS, tmp_path)
    assert violations == []
    assert len(list(shots.glob("*.png"))) == 2 * 2 * len(SHOTS)


@pytest.mark.audit
def test_no_serious_or_critical_accessibility_violation(
    axe: tuple[list[dict[str, Any]], Path],
) -> None:
    violations, _ = axe
    assert [v for v in violations if v["impact"] in ("serious", "critical")] == []


@pytest.mark.audit
def test_screenshots_are_saved_for_review(
    axe: tuple[list[dict[str, Any]], Path],
) -> None:
    names = {p.name for p in axe[1].glob("*.png")}
    for page in SHOTS:
        slug = page.removesuffix(".html").replace("/", "-")
        for size in ("desktop", "phone"):
            for scheme in ("light", "dark"):
                assert f"{slug}-{size}-{scheme}.png" in names


@pytest.mark.skipif(
    CHROMIUM is None
    or shutil.which("pdftotext") is None
    or not (NODE / "node_modules" / "playwright-core").is_dir(),
    reason="needs chromium, poppler and tests/node (make test installs them)",
)
@pytest.mark.parametrize("page", SHOTS)
def test_a_page_printed_from_the_browser_is_its_content(
    cv_html: Build, tmp_path: Path, page: str
) -> None:
    assert CHROMIUM is not None
    pdf = tmp_path / "page.pdf"
    subprocess.run(
        ["node", NODE / "print.mjs", (cv_html.outdir / page).as_uri(), pdf],
        env={**os.environ, "CHROMIUM": CHROMIUM},
        capture_output=True,
        check=True,
    )
    text = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", pdf, "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "Skip to content" not in text
    html = (cv_html.outdir / page).read_text(encoding="utf-8")
    heading = BeautifulSoup(html, "html.parser").select_one("article h1")
    assert heading is not None
    # White space collapsed: a long heading may wrap on narrower paper.
    assert normalise(text).startswith(normalise(str(heading.find(string=True))))


@pytest.mark.audit
@pytest.mark.skipif(
    not VNU.is_file(), reason="needs tests/node (make test installs it)"
)
def test_the_nu_html_checker_finds_no_error(cv_html: Build) -> None:
    options = ("--errors-only", "--format", "json", "--skip-non-html")
    result = subprocess.run(
        ["java", "-jar", VNU, *options, cv_html.outdir],
        capture_output=True,
        text=True,
        check=False,
    )
    messages = json.loads(result.stderr)["messages"]
    errors = [f"{m.get('url')}:{m.get('lastLine')}: {m['message']}" for m in messages]
    assert errors == []
    assert result.returncode == 0


def tree(root: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(root)): p.read_bytes() for p in root.rglob("*") if p.is_file()
    }


def test_two_html_builds_are_byte_identical(
    tmp_path: Path,
    tmp_path_factory: pytest.TempPathFactory,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The site built in a copy of the sources, in a process of its own, and
    in this process from the environment the tests' site read: the same bytes."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    source = copy_cv(tmp_path / "elsewhere")
    elsewhere = tmp_path / "out"
    command = [sys.executable, "-m", "sphinx", "-b", "html", source, elsewhere]
    doctrees = ["-d", str(tmp_path / "doctrees")]
    subprocess.run([*command, *doctrees, *STRICT], check=True, capture_output=True)
    here = build(ROOT, tmp_path / "here", read=site("en", tmp_path_factory))
    assert tree(here.outdir) == tree(elsewhere)
