"""The cv domain: parallel and incremental builds agree with a clean one
(roots/test-incremental, a small CV in furo), and entries are published
for intersphinx (the CV's)."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sphinx.testing.util import SphinxTestApp
from sphinx.util.inventory import InventoryFile

from conftest import Build, build

ROOT = Path(__file__).parent / "roots" / "test-incremental"


def files(result: Build) -> dict[str, bytes]:
    """Every file the build wrote, by path: heads, sitemap, search index.

    One normalisation: Sphinx leaves a word that a rewritten page no longer
    holds in the search index with no pages (``"april": []``), which finds
    nothing, as the word's absence does; such words are dropped.
    """
    written = {
        str(path.relative_to(result.outdir)): path.read_bytes()
        for path in sorted(result.outdir.rglob("*"))
        if path.is_file()
    }
    index = written["searchindex.js"].decode("utf-8")
    terms = json.loads(index.split("(", 1)[1].removesuffix(")"))
    for key in ("terms", "titleterms"):
        terms[key] = {word: docs for word, docs in terms[key].items() if docs != []}
    written["searchindex.js"] = json.dumps(terms, sort_keys=True).encode()
    return written


def differing(one: Build, other: Build) -> list[str]:
    a, b = files(one), files(other)
    return sorted(name for name in a.keys() | b.keys() if a.get(name) != b.get(name))


def test_a_parallel_build_equals_a_serial_one(tmp_path: Path) -> None:
    serial = build(ROOT, tmp_path / "serial")
    parallel = build(ROOT, tmp_path / "parallel", parallel=2)
    assert parallel.warnings == serial.warnings == ""
    assert differing(parallel, serial) == []


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def delete_page(src: Path) -> None:
    (src / "jobs" / "hooli.md").unlink()
    edit(src / "jobs" / "index.md", "hooli\n", "")


#: Edits whose effect reaches pages other than the one edited.
EDITS = {
    "a date, shown in the timelines": lambda src: edit(
        src / "jobs" / "initech.md", ":start: 2020-04", ":start: 2018-09"
    ),
    "a team, in entry links' labels": lambda src: edit(
        src / "jobs" / "hooli.md",
        ":team: Cloud & Smart Industries Group",
        ":team: CSIG",
    ),
    "the person's name, in every description": lambda src: edit(
        src / "index.md", ":name: Ada Example", ":name: A. Example"
    ),
    "a skill renamed, in the skills page's links": lambda src: edit(
        src / "jobs" / "acme.md",
        ":skills: Golang, Kubernetes,",
        ":skills: Golang, K8s,",
    ),
    "an entry's page deleted": delete_page,
}


@pytest.fixture(scope="module")
def built_once(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the testroot and its build, to copy again for each edit."""
    work = tmp_path_factory.mktemp("base")
    shutil.copytree(ROOT, work / "src")
    assert build(work / "src", work / "build").warnings == ""
    return work


def rebuilt(base: Path, work: Path, change: Callable[[Path], None]) -> Build:
    shutil.copytree(base, work, symlinks=True)
    change(work / "src")
    return build(work / "src", work / "build", freshenv=False)


@pytest.mark.parametrize("name", sorted(EDITS))
def test_an_incremental_build_equals_a_clean_one(
    built_once: Path, tmp_path: Path, name: str
) -> None:
    incremental = rebuilt(built_once, tmp_path / "work", EDITS[name])
    clean = build(tmp_path / "work" / "src", tmp_path / "clean")
    assert incremental.warnings.replace(str(tmp_path / "work"), "") == (
        clean.warnings.replace(str(tmp_path / "work"), "")
    )
    assert differing(incremental, clean) == []


class Interrupted(BaseException):
    """Stands for Ctrl-C or a kill: no handler of the build sees it."""


def test_a_build_after_an_interrupted_one_equals_a_clean_one(
    built_once: Path, tmp_path: Path
) -> None:
    work = tmp_path / "work"
    shutil.copytree(built_once, work, symlinks=True)
    src = work / "src"
    initech = src / "jobs" / "initech.md"
    edit(initech, "# Initech", "# Initrode")  # in every page's menu
    edit(initech, ":organisation: Initech", ":organisation: Initrode")

    def interrupt(app: Any, *args: Any) -> None:
        raise Interrupted  # after the environment was saved, while writing

    app = SphinxTestApp(srcdir=src, builddir=work / "build", freshenv=False)
    app.connect("html-page-context", interrupt)
    try:
        with pytest.raises(Interrupted):
            app.build()
    finally:
        app.cleanup()
    again = build(src, work / "build", freshenv=False)
    clean = build(src, tmp_path / "clean")
    assert differing(again, clean) == []
    assert "Initrode" in (again.outdir / "index.html").read_text()


def test_entries_and_skills_are_in_the_inventory(cv_html: Build) -> None:
    """The CV's own: other Sphinx sites link to its entries and skills."""
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
