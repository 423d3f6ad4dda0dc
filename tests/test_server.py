"""The build server and `make live` (sphinx_cv.server, sphinx_cv.live).

A Sphinx application kept between builds gives the bytes a fresh
`sphinx-build` gives after a page is edited (its bibliographies listed once,
its pages as read again); a run with nothing changed writes nothing; a
strict build that warns names the file and line and keeps the last good
PDF. One test asks a real server through its socket, as `make pdf` does.
"""

from __future__ import annotations

import gc
import io
import os
import re
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import ROOT, poppler, root
from sphinx_cv import live, server

EDITED = ("for where it began", "for where it all began")


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of roots/test-publications (two bibliographies, a cross-page
    link), dated as every build of the tests is."""
    shutil.copytree(root("publications"), tmp_path / "src")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    return tmp_path / "src"


@pytest.fixture
def kept() -> Iterator[server.Server]:
    """A server's applications, in this process."""
    yield server.Server()


def argv(project: Path, builder: str, *more: str) -> list[str]:
    out = project.parent / "served"
    return ["-q", "-b", builder, str(project), str(out / builder),
            "-d", str(out / "doctrees"), *more]  # fmt: skip


def edit(project: Path, old: str, new: str) -> None:
    page = project / "other.md"
    page.write_text(page.read_text().replace(old, new), encoding="utf-8")
    # A second's later time: Sphinx compares pages' times with its record.
    later = time.time() + 1
    os.utime(page, (later, later))


@pytest.mark.parametrize("builder", ["pdf", "docx", "html"])
def test_a_kept_application_builds_what_sphinx_build_builds(
    project: Path, kept: server.Server, builder: str
) -> None:
    err = io.StringIO()
    assert kept.build(argv(project, builder), io.StringIO(), err) == 0, err.getvalue()
    edit(project, *EDITED)
    assert kept.build(argv(project, builder), io.StringIO(), err) == 0
    assert err.getvalue() == ""
    fresh = project.parent / "fresh"
    subprocess.run(
        [sys.executable, "-m", "sphinx", "-q", "-b", builder, str(project),
         str(fresh), "-d", str(project.parent / "fresh-doctrees")],
        check=True, env={**os.environ, "PYTHONPATH": str(ROOT / "_ext")},
    )  # fmt: skip
    served = project.parent / "served" / builder
    files = sorted(
        p.relative_to(fresh)
        for p in fresh.rglob("*")
        if p.is_file() and p.name != ".buildinfo" and ".doctrees" not in p.parts
    )
    assert files
    for name in files:
        assert (served / name).read_bytes() == (fresh / name).read_bytes(), name
    if builder == "pdf":
        [pdf] = served.glob("*.pdf")
        text = poppler("pdftotext", "-enc", "UTF-8", pdf, "-")
        assert "for where it all began" in " ".join(text.split())
        # Each publication once: a kept environment lists it again.
        assert text.count("Sketch of the Analytical Engine") == 2  # cited, listed


def test_nothing_changed_is_said_and_nothing_is_written(
    project: Path, kept: server.Server
) -> None:
    loud = [a for a in argv(project, "pdf") if a != "-q"]
    assert kept.build(loud, io.StringIO(), io.StringIO()) == 0
    [pdf] = (project.parent / "served" / "pdf").glob("*.pdf")
    written = pdf.stat().st_mtime_ns
    out = io.StringIO()
    assert kept.build(loud, out, io.StringIO()) == 0
    assert out.getvalue() == (
        f"{project.parent / 'served' / 'pdf'}: nothing changed since its last build\n"
    )
    assert pdf.stat().st_mtime_ns == written


def test_no_collector_pass_runs_during_a_build_and_one_frees_it_after(
    project: Path, kept: server.Server
) -> None:
    """Python's cycle collector waits while the server builds (its passes
    over a kept application came at random), and the garbage of a build is
    freed by one pass once it is said: none is left for the next."""
    passes: list[int] = []

    def counted(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            passes.append(info["generation"])

    gc.callbacks.append(counted)
    try:
        for change in [(), EDITED]:
            if change:
                edit(project, *change)
            passes.clear()
            assert kept.build(argv(project, "pdf"), io.StringIO(), io.StringIO()) == 0
            assert passes == []
            assert gc.isenabled()
        kept.collect()
        assert passes == [2]
        kept.collect()  # nothing built since: no pass
        assert passes == [2]
    finally:
        gc.callbacks.remove(counted)


def test_a_strict_build_that_warns_keeps_the_last_good_pdf(
    project: Path, kept: server.Server
) -> None:
    strict = argv(project, "pdf", "-W")
    assert kept.build(strict, io.StringIO(), io.StringIO()) == 0
    [pdf] = (project.parent / "served" / "pdf").glob("*.pdf")
    good = pdf.read_bytes()
    entry = "\n:::{cv:work} engines\n:organisation: Engines\n:start: 2019-13\n:::\n"
    edit(project, "See {cite:p}", entry + "\nSee {cite:p}")
    line = (project / "other.md").read_text().splitlines().index(":start: 2019-13") + 1
    err = io.StringIO()
    assert kept.build(strict, io.StringIO(), err) == 1
    assert (
        f"{project / 'other.md'}:{line}: WARNING: cv:work 'engines': :start: "
        "'2019-13' has no month 13: months run 01 to 12 [cv.date]"
    ) in err.getvalue()
    assert pdf.read_bytes() == good
    edit(project, ":start: 2019-13", ":start: 2019-12")
    edit(project, *EDITED)
    assert kept.build(strict, io.StringIO(), io.StringIO()) == 0
    assert "it all began" in " ".join(
        poppler("pdftotext", "-enc", "UTF-8", pdf, "-").split()
    )


def test_make_pdf_asks_the_server_through_its_socket(project: Path) -> None:
    """As `make pdf` runs it: the first run builds and starts the server,
    the next ones are the server's; --stop ends it."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "_ext")}
    del env["SPHINX_CV_SERVER"]  # conftest's, for every other test
    command = [sys.executable, "-m", "sphinx_cv.server", *argv(project, "pdf")[1:]]
    where = server.address(project)
    try:
        first = subprocess.run(command, cwd=project, env=env, capture_output=True)
        assert first.returncode == 0, first.stderr
        deadline = time.time() + 60
        while not os.path.exists(where) and time.time() < deadline:
            time.sleep(0.1)
        assert os.path.exists(where)
        served = subprocess.run(command, cwd=project, env=env, capture_output=True)
        assert served.returncode == 0, served.stderr
        again = subprocess.run(command, cwd=project, env=env, capture_output=True)
        assert again.stdout.decode().endswith("nothing changed since its last build\n")
    finally:
        subprocess.run(
            [sys.executable, "-m", "sphinx_cv.server", "--stop"],
            cwd=project, env=env, check=True,
        )  # fmt: skip
    deadline = time.time() + 10
    while os.path.exists(where) and time.time() < deadline:
        time.sleep(0.05)
    assert not os.path.exists(where)


def test_live_says_a_bad_edit_at_its_line_and_keeps_the_last_good_pdf(
    project: Path,
) -> None:
    """`make live` as a user runs it: a bad edit names its file and line,
    the PDF stays; the fix brings the new text into the PDF, no restart."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "_ext")}
    live_run = subprocess.Popen(
        [sys.executable, "-m", "sphinx_cv", "live", "--port", "0"],
        cwd=project, env=env, text=True,
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
    )  # fmt: skip
    assert live_run.stdout is not None
    said: list[str] = []

    def until(start: str) -> str:
        for line in live_run.stdout:  # type: ignore[union-attr]
            said.append(line)
            if line.startswith(start):
                return line
        raise AssertionError("".join(said))

    try:
        until("Serving")
        [pdf] = (project / "_build" / "pdf").glob("*.pdf")
        good = pdf.read_bytes()
        bad = "\n:::{cv:work} engines\n:organisation: Engines\n:start: 2019-13\n:::\n"
        # Saved as an editor saves, once (edit() also sets a later time: a
        # second change, which make live would build again).
        page = project / "other.md"
        text = page.read_text(encoding="utf-8")
        page.write_text(text.replace("See {cite:p}", bad + "\nSee {cite:p}"), "utf-8")
        line = page.read_text().splitlines().index(":start: 2019-13")
        assert until("other.md:") == "other.md: pdf failed · html failed\n"
        assert any(
            f"other.md:{line + 1}: WARNING: cv:work 'engines': :start: '2019-13'" in s
            for s in said
        ), said
        assert pdf.read_bytes() == good
        # Fixed, and the text changed, in one save.
        fixed = page.read_text("utf-8").replace(":start: 2019-13", ":start: 2019-12")
        page.write_text(fixed.replace(*EDITED), encoding="utf-8")
        assert re.match(r"other\.md: pdf [\d.]+ s", until("other.md:")), said
        text = poppler("pdftotext", "-enc", "UTF-8", pdf, "-")
        assert "for where it all began" in " ".join(text.split())
    finally:
        live_run.terminate()
        live_run.wait(timeout=30)


def test_live_builds_the_pdf_and_the_site_with_doctrees_apart(tmp_path: Path) -> None:
    """The two builds run at once, and Sphinx writes a page's doctree in
    place: sharing a folder, the PDF's build once read the site's half
    written ("EOFError: Ran out of input")."""
    pdf, html = live.builds(tmp_path, tmp_path / "_build", ["-D", "x=1"])
    assert pdf[:2] == ["-b", "pdf"] and html[:2] == ["-b", "html"]
    folders = [argv[argv.index("-d") + 1] for argv in (pdf, html)]
    assert folders == [
        str(tmp_path / "_build" / f) for f in ("doctrees-pdf", "doctrees")
    ]
    assert pdf[-4:] == html[-4:] == ["-q", "-W", "-D", "x=1"]


def test_live_builds_a_save_of_two_writes_once_it_holds_still() -> None:
    """An editor's save may be two writes (truncated, then written): make
    live builds the sources as the last of looks that agree, not the empty
    page between them."""
    looks = iter(["written", "written", "later"])
    assert live.settled("truncated", lambda: next(looks)) == "written"
    assert next(looks) == "later"  # no look after the two that agreed


def test_the_live_site_reloads_its_page_when_written_again(tmp_path: Path) -> None:
    (tmp_path / "index.html").write_text("<html><body><p>CV</p></body></html>")
    site = live.Site(0, tmp_path)
    threading.Thread(target=site.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{site.server_port}"
    try:
        page = urllib.request.urlopen(f"{base}/").read()
        assert page.endswith(live.RELOAD + b"</body></html>")
        events = urllib.request.urlopen(f"{base}/__live__", timeout=10)
        site.written_again()
        assert events.readline() == b"data: 1\n"
    finally:
        site.shutdown()
        site.server_close()


def test_off_builds_here_and_starts_no_server(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert os.environ["SPHINX_CV_SERVER"] == "off"  # as conftest sets it
    monkeypatch.chdir(project)
    started: list[str] = []
    monkeypatch.setattr(server, "start", started.append)
    assert server.ask(argv(project, "pdf")) == 0
    assert list((project.parent / "served" / "pdf").glob("*.pdf"))
    assert started == []


def test_live_names_what_changed(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("a")
    before = server.snapshot(tmp_path)
    (tmp_path / "b.md").write_text("b")
    (tmp_path / "_build").mkdir()
    (tmp_path / "_build" / "out.html").write_text("built")
    assert live.changes(before, server.snapshot(tmp_path), tmp_path) == "b.md"


def test_the_socket_is_the_projects_own_in_a_private_folder(tmp_path: Path) -> None:
    other = tmp_path / "other"
    other.mkdir()
    assert server.address(tmp_path) != server.address(other)
    assert len(server.address(tmp_path)) < 100  # a Unix socket's limit is 108
    assert Path(server.address(tmp_path)).parent.stat().st_mode & 0o777 == 0o700
    with socket.socket(socket.AF_UNIX) as probe:
        probe.bind(server.address(tmp_path))
        os.unlink(server.address(tmp_path))
