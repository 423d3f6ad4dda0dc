"""Build-speed benchmark: this CV against RenderCV and JSON Resume, in one run.

    python3 benchmarks/run.py [--repeat 5] [--entries 15,150]
                              [--only formats,scaling,site,live,academic]
                              [--before REV]

Run by hand after `make test` (it uses .venv and tests/node). It reports the
median wall time and the peak memory of each step over --repeat runs, the
PDF builder's own step (Typst, in-process) apart from reading the sources, the
ratio ours/theirs, how a cold HTML build grows with the number of entries,
how long `make live` takes from a save to the PDF and the page, and `make
pdf` through its build server (cold, a page touched, nothing changed), on the
CV and on it grown to ten times its entries. RenderCV runs
from its own virtual environment (Python 3.12, made on first use); it fetches
a Typst package at render time, and when it cannot, the run says so and
skips its PDF rather than time something else under that name.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import gzip
import io
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, BinaryIO
from urllib.parse import unquote, urlparse

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
RESUMED = ROOT / "tests" / "node" / "node_modules" / ".bin" / "resumed"
RENDERCV_VENV = ROOT / "benchmarks" / ".venv-rendercv"
ENTRY = Path("experience") / "bytedance-lark.md"


def copy_cv(dest: Path) -> Path:
    """The committed sources of the CV, without build output or tests."""
    files = subprocess.run(
        ["git", "ls-files"], cwd=ROOT, check=True, capture_output=True, text=True
    ).stdout.split()
    for name in files:
        if name.startswith(("tests/", "benchmarks/", ".ci/")):
            continue
        (dest / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, dest / name)
    return dest


def timed(command: list[str], cwd: Path) -> tuple[float, int]:
    """Wall seconds and peak resident memory (KiB) of one command."""
    # Beside the project, not in it: a build server takes a file written in
    # the project for a change to build.
    report = cwd.parent / f".time-{cwd.name}"
    start = time.perf_counter()
    subprocess.run(
        ["/usr/bin/time", "-f", "%M", "-o", str(report), *command],
        cwd=cwd,
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    elapsed = time.perf_counter() - start
    return elapsed, int(report.read_text().split()[-1])


def edit(project: Path) -> None:
    """Change one entry's text, as an author saving a page does."""
    page = project / ENTRY
    page.write_text(page.read_text().replace("case by case.", "case by case. "))


def make(target: str) -> list[str]:
    return ["make", "-s", target, f"VENV={VENV}"]


class Results:
    def __init__(self) -> None:
        self.rows: dict[str, tuple[float, int]] = {}

    def measure(
        self,
        name: str,
        repeat: int,
        prepare: Callable[[], None],
        run: Callable[[], tuple[float, int]],
    ) -> tuple[float, int]:
        times, memory = [], 0
        for _ in range(repeat):
            prepare()
            seconds, kib = run()
            times.append(seconds)
            memory = max(memory, kib)
        self.rows[name] = (statistics.median(times), memory)
        print(f"  {name:<44} {self.rows[name][0]:7.2f} s  {memory / 1024:6.0f} MiB")
        return self.rows[name]


def ours(results: Results, repeat: int, work: Path) -> None:
    project = copy_cv(work / "cv")
    build = project / "_build"

    def clean() -> None:
        shutil.rmtree(build, ignore_errors=True)

    def nothing() -> None:
        pass

    steps = [
        ("cold make html", clean, "html"),
        ("no-change rebuild", nothing, "html"),
        ("rebuild after editing one entry", lambda: edit(project), "html"),
        ("cold make epub", clean, "epub"),
        ("cold make pdf", clean, "pdf"),
        ("cold make variants", clean, "variants"),
        ("cold make all", clean, "all"),
    ]
    for name, prepare, target in steps:
        results.measure(name, repeat, prepare, lambda t=target: timed(make(t), project))
    clean()
    timed(make("html"), project)
    shutil.copy(build / "html" / "resume.json", work / "resume.json")
    shutil.copy(build / "html" / "rendercv.yaml", work / "rendercv.yaml")


#: Times the PDF builder's own step (the doctree to data, the versions
#: fitted, Typst's compile) after a build has read the sources.
PDF_STEP = """
import statistics, sys, time
from pathlib import Path
from sphinx.application import Sphinx
sys.path.insert(0, str(Path(sys.argv[1]) / "_ext"))
from sphinx_cv.pdf import CVPDFBuilder
source, out = Path(sys.argv[1]), Path(sys.argv[2])
variant, repeat = sys.argv[3], int(sys.argv[4])
times = []
finish = CVPDFBuilder.finish
def timed_finish(self):
    start = time.perf_counter()
    finish(self)
    times.append(time.perf_counter() - start)
CVPDFBuilder.finish = timed_finish
overrides = {"cv_variant": variant} if variant else {}
app = Sphinx(source, source, out, out / ".doctrees", "pdf", status=None,
             confoverrides=overrides)
start = time.perf_counter()
app.build()
total = time.perf_counter() - start
for _ in range(repeat):
    app.builder.finish()
print(f"{total:.3f} {times[0]:.3f} {statistics.median(times[1:]):.3f}")
"""


def pdf_step(results: Results, repeat: int, work: Path) -> None:
    project = copy_cv(work / "pdf-step")
    for variant, name in [("", "the CV"), ("resume", "the résumé, fitted")]:
        out = project / "_build" / (variant or "cv")
        command = [VENV / "bin" / "python", "-c", PDF_STEP, project, out, variant]
        said = (
            subprocess.run(
                [*command, str(repeat)], check=True, capture_output=True, text=True
            )
            .stdout.splitlines()[-1]
            .split()
        )
        total, cold, warm = (float(value) for value in said)
        label = f"PDF step ({name})"
        results.rows[label] = (cold, 0)
        print(
            f"  {label:<44} {cold:7.2f} s  (then {warm:.2f} s warm; "
            f"the whole cold build {total:.2f} s)"
        )


def python312() -> str | None:
    """A Python 3.12: $PYTHON312, one on PATH, or one pyenv installed."""
    candidates = [os.environ.get("PYTHON312", ""), shutil.which("python3.12") or ""]
    candidates += sorted(
        str(p) for p in Path.home().glob(".pyenv/versions/3.12*/bin/python3.12")
    )
    for candidate in filter(None, candidates):
        if (
            subprocess.run([candidate, "--version"], capture_output=True).returncode
            == 0
        ):
            return candidate
    return None


def rendercv_python() -> Path | None:
    python = RENDERCV_VENV / "bin" / "python"
    if python.exists():
        return python
    base = python312()
    if base is None:
        return None
    subprocess.run([base, "-m", "venv", RENDERCV_VENV], check=True)
    subprocess.run(
        [python, "-m", "pip", "install", "-q", "rendercv[full]==2.8", "click"],
        check=True,
    )
    return python


def theirs(results: Results, repeat: int, work: Path) -> None:
    if RESUMED.exists():
        out = work / "resume.html"
        command = [
            str(VENV / "bin" / "node"),  # make test's Node (tests/install-tools)
            str(RESUMED),
            "render",
            "resume.json",
            "--theme",
            "jsonresume-theme-even",
            "-o",
            str(out),
        ]
        results.measure(
            "JSON Resume (resumed, even theme) HTML",
            repeat,
            lambda: None,
            lambda: timed(command, work),
        )
    else:
        print("  JSON Resume: skipped (run `make test` to install tests/node)")
    python = rendercv_python()
    if python is None:
        print("  RenderCV: skipped (needs python3.12 for RenderCV 2.8)")
        return
    rendercv = [str(python), "-m", "rendercv", "render", "rendercv.yaml"]
    trial = subprocess.run(rendercv, cwd=work, capture_output=True, text=True)
    if trial.returncode != 0:
        said = " ".join((trial.stdout + trial.stderr).split())
        package = re.search(r"failed to download package \(?(\S+?\.tar\.gz)", said)
        reason = (
            f"Typst could not download {package.group(1)}" if package else said[-200:]
        )
        print(f"  RenderCV PDF: cannot render offline, skipped ({reason})")
        typst_only = [*rendercv, "--dont-generate-pdf", "--dont-generate-png"]
        results.measure(
            "RenderCV YAML to Typst only (no PDF)",
            repeat,
            lambda: None,
            lambda: timed(typst_only, work),
        )
        return
    results.measure("RenderCV PDF", repeat, lambda: None, lambda: timed(rendercv, work))


ENTRIES = 15  # in the real CV


def synthetic(dest: Path, entries: int) -> Path:
    """The CV grown to *entries* entries by copies of its experience pages,
    renamed, each listed in the experience section's toctree."""
    project = copy_cv(dest)
    folder = project / "experience"
    pages = sorted(p for p in folder.glob("*.md") if p.name != "index.md")
    names = []
    for number in range(entries - ENTRIES):
        page, copy = pages[number % len(pages)], number // len(pages) + 1
        text = page.read_text()
        entry = re.search(r":::\{cv:work\} (\S+)", text)
        assert entry
        text = text.replace(entry.group(0), f"{entry.group(0)}-{copy}", 1)
        text = re.sub(r"^# (.*)$", rf"# \1 ({copy})", text, count=1, flags=re.M)
        name = f"{page.stem}-{copy}"
        (folder / f"{name}.md").write_text(text)
        names.append(name)
    index = folder / "index.md"
    listed = "tencent-csig\n" + "".join(f"{name}\n" for name in names)
    index.write_text(index.read_text().replace("tencent-csig\n", listed))
    return project


#: A cold HTML build of the project in argv[1] (as `make html` does), with
#: furo's navigation rendered by furo itself for every page: the listeners
#: of sphinx_cv.furo.navigation, which give each page its copy of one tree, are
#: disconnected. What the site cost before that module; its pages must be
#: the same bytes.
AS_FURO_RENDERS_IT = """
import sys
from pathlib import Path
from sphinx.application import Sphinx
source = Path(sys.argv[1])
app = Sphinx(source, source, source / "_build" / "html",
             source / "_build" / "doctrees", "html", status=None)
for listeners in app.events.listeners.values():
    for listener in list(listeners):
        if listener.handler.__module__ == "sphinx_cv.furo.navigation":
            app.disconnect(listener.id)
app.build()
"""

#: How each variant builds a project: the published theme with the cached
#: navigation; furo rendering its navigation for every page, as it does on
#: its own; and Sphinx's basic theme, which puts no navigation tree in a
#: page, so the CV's own code shows how it grows.
VARIANTS: dict[str, Callable[[Path], list[str]]] = {
    "furo": lambda project: make("html"),
    "furo as it renders": lambda project: [
        str(VENV / "bin" / "python"),
        "-c",
        AS_FURO_RENDERS_IT,
        str(project),
    ],
    "basic": lambda project: [*make("html"), "O=-D html_theme=basic"],
}


def pages(html: Path) -> dict[str, bytes]:
    return {str(p.relative_to(html)): p.read_bytes() for p in html.rglob("*.html")}


def scaling(results: Results, repeat: int, work: Path, sizes: list[int]) -> None:
    """Each size built by each variant, the variants taking turns in each
    round, so that a machine busier for a while slows all of them alike;
    furo as it renders is built once from 500 entries (minutes a build)."""
    for entries in sizes:
        projects = {
            variant: synthetic(work / f"{variant}-{entries}".replace(" ", "-"), entries)
            for variant in VARIANTS
        }
        runs: dict[str, list[tuple[float, int]]] = {variant: [] for variant in VARIANTS}
        for turn in range(repeat):
            for variant, command in VARIANTS.items():
                if variant == "furo as it renders" and entries >= 500 and turn:
                    continue
                project = projects[variant]
                shutil.rmtree(project / "_build", ignore_errors=True)
                runs[variant].append(timed(command(project), project))
        built = {}
        for variant, measured in runs.items():
            name = f"cold html ({variant}), {entries} entries"
            seconds = statistics.median(t for t, _ in measured)
            kib = max(k for _, k in measured)
            results.rows[name] = (seconds, kib)
            print(f"  {name:<44} {seconds:7.2f} s  {kib / 1024:6.0f} MiB")
            print(f"    {1000 * seconds / entries:6.1f} ms per entry")
            built[variant] = (seconds, kib, projects[variant] / "_build" / "html")
        furo, as_furo, basic = (built[v] for v in VARIANTS)
        same = pages(furo[2]) == pages(as_furo[2])
        print(
            f"    furo / basic: {furo[0] / basic[0]:.2f} the time, "
            f"{furo[1] / basic[1]:.2f} the memory"
        )
        print(
            f"    furo as it renders / basic: {as_furo[0] / basic[0]:.2f} the time, "
            f"{as_furo[1] / basic[1]:.2f} the memory"
        )
        print(f"    every page byte-identical to furo's own navigation: {same}")
        if entries < 500:
            project = projects["furo"]
            edited, _ = results.measure(
                f"  then one entry edited (furo), {entries} entries",
                repeat,
                lambda p=project: edit(p),
                lambda p=project: timed(make("html"), p),
            )
            print(f"    rebuild after one edit / cold html: {edited / furo[0]:.2f}")


NODE = ROOT / "tests" / "node"


def copy_at(revision: str, dest: Path) -> Path:
    """The CV's sources as they were at *revision*, as copy_cv takes them."""
    dest.mkdir(parents=True)
    archive = subprocess.run(
        ["git", "archive", revision], cwd=ROOT, check=True, capture_output=True
    ).stdout
    subprocess.run(["tar", "-x", "-C", str(dest)], input=archive, check=True)
    for folder in ("tests", "benchmarks", ".ci"):
        shutil.rmtree(dest / folder, ignore_errors=True)
    return dest


class Compressing(SimpleHTTPRequestHandler):
    """Files as a web host sends them: gzip to a browser that takes it (as
    Read the Docs' does), else as they are."""

    compress = False

    def log_message(self, format: str, *args: object) -> None:
        pass

    def send_head(self) -> io.BytesIO | BinaryIO | None:  # type: ignore[override]
        path = Path(self.translate_path(self.path))
        path = path / "index.html" if path.is_dir() else path
        taken = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (self.compress and taken and path.is_file()):
            return super().send_head()
        data = gzip.compress(path.read_bytes())
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        return io.BytesIO(data)


@contextlib.contextmanager
def served(folder: Path, compress: bool) -> Iterator[str]:
    """*folder* over HTTP on a free local port, as Lighthouse needs it."""
    handler = type("Handler", (Compressing,), {"compress": compress})
    server = ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(handler, directory=str(folder))
    )
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def fetched(html: Path) -> dict[str, dict[str, int]]:
    """What Chromium fetches for each page of a site: file and bytes."""
    names = sorted(str(p.relative_to(html)) for p in html.rglob("*.html"))
    said = subprocess.run(
        ["node", NODE / "weight.mjs", html, *names],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return {
        page: {url: Path(unquote(urlparse(url).path)).stat().st_size for url in urls}
        for page, urls in json.loads(said).items()
    }


def performance(url: str) -> dict[str, Any]:
    """Lighthouse's performance report on the index page, on a phone."""
    said = subprocess.run(
        ["node", NODE / "lighthouse.mjs", url, "mobile", "index.html"],
        env={**os.environ, "CATEGORIES": "performance"},
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    report: dict[str, Any] = json.loads(said)[0]
    return report


def site(work: Path, before: str | None) -> None:
    """The site's weight (each page and all it loads, as Chromium fetches
    it) and Lighthouse's performance score on a phone (its default
    throttling), served as files are and compressed; also at *before*."""
    if not (NODE / "node_modules" / "lighthouse").is_dir():
        print("  skipped (run `make test` to install tests/node)")
        return
    projects = {"now": copy_cv(work / "site-now")}
    if before:
        projects[before] = copy_at(before, work / "site-before")
    for label, project in projects.items():
        subprocess.run(make("html"), cwd=project, check=True, capture_output=True)
        html = project / "_build" / "html"
        loads = fetched(html)
        weights = {page: sum(files.values()) for page, files in loads.items()}
        others = {"index.html", "search.html"}
        heaviest = max((w, p) for p, w in weights.items() if p not in others)
        print(
            f"  {label}: index page {weights['index.html']:,} bytes over "
            f"{len(loads['index.html'])} files; the heaviest other page "
            f"{heaviest[1]} {heaviest[0]:,}; search page {weights['search.html']:,}"
        )
        for compress in (False, True):
            with served(html, compress) as url:
                report = performance(url)
            metrics = ", ".join(
                f"{name} {value:.4g}" for name, value in report["metrics"].items()
            )
            errored = ", ".join(a["audit"] for a in report["errored"])
            weight = sum(a["weight"] for a in report["errored"])
            how = "gzip" if compress else "as files"
            print(
                f"    Lighthouse mobile performance, served {how}: "
                f"{report['scores']['performance']} ({metrics}); "
                f"could not run (weight {weight}): {errored}"
            )


def grown(work: Path, entries: int) -> tuple[Path, list[str]]:
    """The CV (15 entries) or the CV grown to *entries*, and the options a
    PDF of it needs (a grown CV is over its two pages)."""
    if entries <= ENTRIES:
        return copy_cv(work / f"cv-{entries}"), []
    return synthetic(work / f"cv-{entries}", entries), ["-D", "cv_pdf_pages=0"]


def stop_server(project: Path) -> None:
    """Stop the project's build server (sphinx_cv.server), if one runs."""
    subprocess.run(
        [str(VENV / "bin" / "python"), "-m", "sphinx_cv.server", "--stop"],
        cwd=project,
        env={**os.environ, "PYTHONPATH": "_ext"},
        check=True,
    )


def incremental_pdf(results: Results, repeat: int, work: Path, entries: int) -> None:
    """`make pdf` cold (no build, no server), then with its build server
    running: after one page is touched, and with nothing changed."""
    project, options = grown(work, entries)
    command = [*make("pdf"), f"O={' '.join(options)}"]
    page = project / ENTRY

    def cold() -> None:
        stop_server(project)
        shutil.rmtree(project / "_build", ignore_errors=True)

    def touched() -> None:
        now = time.time()
        os.utime(page, (now, now))

    try:
        results.measure(
            f"cold make pdf, {entries} entries", repeat, cold,
            lambda: timed(command, project),
        )  # fmt: skip
        # The server's first build of it: it loads the environment.
        subprocess.run(command, cwd=project, check=True, capture_output=True)
        results.measure(
            f"touched page, make pdf, {entries} entries", repeat, touched,
            lambda: timed(command, project),
        )  # fmt: skip
        results.measure(
            f"nothing changed, make pdf, {entries} entries", repeat,
            lambda: None, lambda: timed(command, project),
        )  # fmt: skip
    finally:
        stop_server(project)


def in_pdf(pdf: Path, marker: str, written: int) -> tuple[bool, int]:
    """Whether *pdf*, if written since *written* (its time), says *marker*
    in pdftotext's text; its time now."""
    now = pdf.stat().st_mtime_ns
    if now == written:
        return False, now
    said = subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, text=True
    ).stdout
    return marker in said, now


def started(project: Path, arguments: list[str]) -> subprocess.Popen[str]:
    """The project's Python (with its copy of sphinx-cv) running
    *arguments* in the background, its output read through a pipe."""
    return subprocess.Popen(
        [str(VENV / "bin" / "python"), *arguments],
        cwd=project,
        env={**os.environ, "PYTHONPATH": "_ext"},
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )


def marked(source: Path, marker: str) -> tuple[str, float]:
    """Save *marker* into the entry's highlight in *source*: its text
    before, and when it was saved."""
    text = source.read_text()
    start = time.perf_counter()
    source.write_text(text.replace("case by case.", f"case by case {marker}."))
    return text, start


def report(name: str, delays: list[float]) -> None:
    spread = f"{min(delays):.2f}-{max(delays):.2f}"
    print(f"  {name:<44} {statistics.median(delays):7.2f} s  ({spread})")


def live_latency(work: Path, repeat: int, entries: int) -> None:
    """Seconds from saving an entry's text to it in the PDF's text and in
    its page, with `make live` running (sphinx_cv.live)."""
    project, options = grown(work, entries)
    live = started(project, ["-m", "sphinx_cv", "live", "--port", "0", "--", *options])
    assert live.stdout is not None
    source = project / ENTRY
    page = project / "_build" / "html" / ENTRY.with_suffix(".html")
    pdfs = project / "_build" / "pdf"
    try:
        for line in live.stdout:
            if line.startswith("Serving"):
                break
        [pdf] = pdfs.glob("*.pdf")
        to_pdf, to_page = [], []
        for attempt in range(repeat):
            marker = f"edit{attempt}x"
            written = pdf.stat().st_mtime_ns
            text, start = marked(source, marker)
            seen_pdf = seen_page = 0.0
            while not (seen_pdf and seen_page):
                now = time.perf_counter() - start
                if now > 30:
                    raise TimeoutError("make live did not rebuild within 30 s")
                if not seen_page and marker in page.read_text(errors="replace"):
                    seen_page = now
                if not seen_pdf:
                    said, written = in_pdf(pdf, marker, written)
                    seen_pdf = now if said else 0.0
                time.sleep(0.005)
            to_pdf.append(seen_pdf)
            to_page.append(seen_page)
            live.stdout.readline()
            source.write_text(text)
            live.stdout.readline()
        report(f"make live, {entries} entries: save to the PDF", to_pdf)
        report(f"make live, {entries} entries: save to the page", to_page)
    finally:
        live.terminate()
        live.wait()


#: Typst alone, watching the files the PDF builder gave it for the project
#: in argv[1] (typst-py's Compiler.watch, typst watch's loop): prints the
#: folder of those files, then writes argv[2] again on each change.
TYPST_WATCH = """
import sys
from pathlib import Path
from sphinx.application import Sphinx
import typst
source = Path(sys.argv[1])
app = Sphinx(source, source, source / "_build" / "pdf", source / "_build" / "doctrees",
             "pdf", status=None, confoverrides={"cv_pdf_pages": 0})
app.build()
typesetter = app.builder.typesetter
print(typesetter.folder, flush=True)
typst.Compiler(
    typesetter.template, root="/", font_paths=typesetter.fonts,
    sys_inputs={"cv": str(typesetter.folder / "cv.json")},
).watch(sys.argv[2], pdf_standards=["ua-1"])
"""


def typst_watch(work: Path, repeat: int, entries: int) -> None:
    """Seconds from saving the same words in Typst's own input (the page's
    file of the document the PDF builder writes) to them in the PDF, with
    Typst watching: what Typst alone takes, no Sphinx."""
    project, _options = grown(work, entries)
    pdf = work / f"watched-{entries}.pdf"
    watch = started(project, ["-c", TYPST_WATCH, str(project), str(pdf)])
    assert watch.stdout is not None
    try:
        # After what the extensions print as they load.
        folder = next(
            Path(line.strip()) for line in watch.stdout if Path(line.strip()).is_dir()
        )
        stem = str(ENTRY.with_suffix("")).replace("/", "_")
        source = folder / f"{stem}-1.json"
        while not pdf.exists():
            time.sleep(0.01)
        time.sleep(1)  # its first compile written whole
        delays = []
        for attempt in range(repeat):
            marker = f"watch{attempt}x"
            written = pdf.stat().st_mtime_ns
            text, start = marked(source, marker)
            while True:
                if time.perf_counter() - start > 30:
                    raise TimeoutError("typst did not compile within 30 s")
                said, written = in_pdf(pdf, marker, written)
                if said:
                    delays.append(time.perf_counter() - start)
                    break
                time.sleep(0.005)
            source.write_text(text)
            time.sleep(1)
        report(f"typst watch, {entries} entries: save to the PDF", delays)
    finally:
        watch.terminate()
        watch.wait()


def ratio(results: Results, ours_name: str, theirs_name: str) -> None:
    if ours_name in results.rows and theirs_name in results.rows:
        value = results.rows[ours_name][0] / results.rows[theirs_name][0]
        print(f"  {ours_name} / {theirs_name}: {value:.2f}")


def formats(results: Results, repeat: int, work: Path) -> None:
    """Our builds of each format, and the other tools' on the same CV."""
    ours(results, repeat, work)
    pdf_step(results, repeat, work)
    theirs(results, repeat, work)
    print("Ours / theirs:")
    ratio(results, "cold make html", "RenderCV PDF")
    ratio(results, "cold make pdf", "RenderCV PDF")
    ratio(results, "cold make html", "JSON Resume (resumed, even theme) HTML")
    cold, edited = (
        results.rows["cold make html"][0],
        results.rows["rebuild after editing one entry"][0],
    )
    print(f"  rebuild after one edit / cold html: {edited / cold:.2f} (target 0.60)")


#: What a run can be limited to (--only).
#: What an academic CV holds, for the academic step: entries of each type
#: in its own section's page, and publications of each BibTeX type. Made-up
#: placeholders, as `sphinx-cv new` writes them.
ACADEMIC_TYPES = {
    "talk": ("talks", "Invited talks", ":title: Talk {n}\n:event: Workshop {n}\n"),
    "grant": ("grants", "Grants", ":title: Grant {n}\n:funder: Funder {n}\n"),
    "student": ("students", "Students advised", ":name: Student {n}\n:degree: PhD\n"),
    "service": ("service", "Service", ":role: Reviewer\n:organisation: Journal {n}\n"),
}
BIB_TYPES = (
    ("article", "journal = {{Journal {n}}}"),
    ("inproceedings", "booktitle = {{Proceedings of Conference {n}}}"),
    ("misc", "eprint = {{2101.{n:05d}}},\n  archiveprefix = {{arXiv}}"),
    ("phdthesis", "school = {{University {n}}}"),
    ("software", "url = {{https://example.com/tool-{n}}}"),
)


def academic_cv(dest: Path, entries: int, publications: int) -> Path:
    """A new project grown to *entries* entries (a fourth of them of each
    academic type, in one page a type) and *publications* publications."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "_ext")}
    subprocess.run(
        [str(VENV / "bin" / "python"), "-m", "sphinx_cv", "new", str(dest)],
        check=True,
        env=env,
        stdout=subprocess.DEVNULL,
    )
    pages = []
    for number, (kind, (page, title, options)) in enumerate(ACADEMIC_TYPES.items()):
        blocks = [f"# {title}"]
        for n in range(number, entries, len(ACADEMIC_TYPES)):
            year = 2000 + n % 25
            head = f":::{{cv:{kind}}} {kind}-{n}\n{options.format(n=n)}"
            blocks.append(
                f"{head}:start: {year}\n:end: {year + 1}\n\n- What it was.\n:::"
            )
        (dest / f"{page}.md").write_text("\n\n".join(blocks) + "\n")
        pages.append(page)
    bib = []
    for n in range(publications):
        kind, field = BIB_TYPES[n % len(BIB_TYPES)]
        authors = " and ".join(
            ["Your Name" if a == n % 7 else f"Author {a}" for a in range(3 + n % 12)]
        )
        bib.append(
            f"@{kind}{{pub-{n},\n  author = {{{authors}}},\n  title = {{Work {n}}},\n"
            f"  {field.format(n=n)},\n  year = {{{1990 + n % 35}}},\n"
            f"  doi = {{10.1234/work.{n}}}\n}}\n"
        )
    (dest / "references.bib").write_text("\n".join(bib))
    conf = dest / "conf.py"
    # As many pages as it needs, as an academic's CV takes.
    conf.write_text(
        re.sub(r"^cv_pdf_pages = \d+", "cv_pdf_pages = 0", conf.read_text(), flags=re.M)
    )
    index = dest / "index.md"
    listed = "".join(f"{page}\n" for page in pages)
    index.write_text(
        index.read_text().replace("publications\n", f"publications\n{listed}")
    )
    return dest


def academic(results: Results, repeat: int, work: Path) -> None:
    """Cold site, PDF and Word file of an academic CV of 300 entries and 70
    publications beside this CV's, each builder taking its turn. The new
    project finds the extension where this CV keeps it."""
    os.environ["PYTHONPATH"] = str(ROOT / "_ext")
    projects = {
        "this CV": copy_cv(work / "this-cv"),
        "academic, 300 entries, 70 publications": academic_cv(
            work / "academic", 300, 70
        ),
    }
    env_python = str(VENV / "bin" / "python")
    for builder in ("html", "pdf", "docx"):
        for name, project in projects.items():

            def clean(project: Path = project) -> None:
                shutil.rmtree(project / "_build", ignore_errors=True)

            def run(
                project: Path = project, builder: str = builder
            ) -> tuple[float, int]:
                return timed(
                    [env_python, "-m", "sphinx", "-M", builder, ".", "_build", "-q"],
                    project,
                )

            results.measure(f"cold {builder}, {name}", repeat, clean, run)
            for pdf in (project / "_build" / "pdf").glob("*.pdf"):
                info = subprocess.run(
                    ["pdfinfo", str(pdf)], capture_output=True, text=True, check=True
                ).stdout
                pages = re.search(r"Pages:\s+(\d+)", info)
                print(f"    {pdf.name}: {pages.group(1) if pages else '?'} pages")


STEPS = ["formats", "scaling", "site", "live", "academic"]


def sizes(entries: str) -> list[int]:
    return [int(n) for n in entries.split(",")]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=5)
    # Cold builds of the CV grown to these many entries: furo as it renders
    # its navigation takes about 8 minutes here at 1,000.
    parser.add_argument("--entries", default="15,150")
    parser.add_argument(
        "--only",
        default=",".join(STEPS),
        help=f"some of the steps, comma-separated: {', '.join(STEPS)} (all)",
    )
    parser.add_argument(
        "--before",
        metavar="REVISION",
        help="the site's weight and score at this git revision too",
    )
    args = parser.parse_args()
    python = platform.python_version()
    print(f"Machine: {platform.platform()}, {os.cpu_count()} cores, Python {python}")
    results = Results()
    with tempfile.TemporaryDirectory() as temp:
        work = Path(temp)
        print(f"Medians of {args.repeat} runs (wall time, peak memory):")
        steps = set(args.only.split(","))
        if "formats" in steps:
            formats(results, args.repeat, work)
        if "scaling" in steps:
            print("Scaling:")
            scaling(results, args.repeat, work, sizes(args.entries))
        if "site" in steps:
            print("The site:")
            site(work, args.before)
        if "live" in steps:
            print("Edit loop:")
            for entries in (ENTRIES, 10 * ENTRIES):
                live_latency(work, 5, entries)
                typst_watch(work, 5, entries)
                incremental_pdf(results, args.repeat, work, entries)
        if "academic" in steps:
            print("An academic CV:")
            academic(results, args.repeat, work)


if __name__ == "__main__":
    sys.exit(main())
