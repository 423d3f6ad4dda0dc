"""The cv domain: parallel and incremental builds agree with a clean one,
and entries are published for intersphinx."""

from __future__ import annotations

from pathlib import Path

import pytest
from sphinx.util.inventory import InventoryFile

from conftest import ROOT, Build, build, copy_cv, page_text


def site(result: Build) -> dict[str, str]:
    """Every page's main text, by path: what a reader sees."""
    return {
        str(page.relative_to(result.outdir)): page_text(page)
        for page in sorted(result.outdir.rglob("*.html"))
    }


def test_a_parallel_build_equals_a_serial_one(cv_html: Build, tmp_path: Path) -> None:
    parallel = build(ROOT, tmp_path, parallel=2)
    assert parallel.warnings == ""
    assert site(parallel) == site(cv_html)


@pytest.fixture
def cv_copy(tmp_path: Path) -> Path:
    return copy_cv(tmp_path / "src")


def test_an_incremental_rebuild_equals_a_clean_build(
    cv_copy: Path, tmp_path: Path
) -> None:
    build(cv_copy, tmp_path / "incremental")
    page = cv_copy / "experience" / "bytedance-lark.md"
    page.write_text(
        page.read_text(encoding="utf-8").replace(":start: 2020-04", ":start: 2019-09")
    )
    incremental = build(cv_copy, tmp_path / "incremental", freshenv=False)
    clean = build(cv_copy, tmp_path / "clean")
    assert incremental.warnings == clean.warnings == ""
    assert site(incremental) == site(clean)
    # The generated views on other pages saw the edit too.
    assert "September 2019 \u2013 June 2020" in site(incremental)["index.html"]


def test_entries_and_skills_are_in_the_inventory(cv_html: Build) -> None:
    data = (cv_html.outdir / "objects.inv").read_bytes()
    inventory = InventoryFile.loads(data, uri="https://cv.example/")
    lark = inventory["cv:entry", "bytedance-lark"]
    assert (
        lark.uri
        == "https://cv.example/experience/bytedance-lark.html#cv-bytedance-lark"
    )
    assert lark.display_name == "Bytedance Inc., Lark Core Services Team"
    golang = inventory["cv:skill", "Golang"]
    assert golang.uri == "https://cv.example/skills-index.html#skill-golang"
