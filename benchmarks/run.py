"""Build-speed benchmark: this CV against RenderCV and JSON Resume, in one run.

    python3 benchmarks/run.py [--repeat 5] [--scales 1,10]

Run by hand after `make test` (it uses .venv and tests/node). It reports the
median wall time and the peak memory of each step over --repeat runs, the
PDF builder's own step (Typst, in-process) apart from reading the sources, the
ratio ours/theirs, how a cold HTML build grows with the number of entries,
and how long `make live` takes to rebuild a page after a save. RenderCV runs
from its own virtual environment (Python 3.12, made on first use); it fetches
a Typst package at render time, and when it cannot, the run says so and
skips its PDF rather than time something else under that name.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

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
    report = cwd / ".time"
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


def synthetic(dest: Path, factor: int) -> tuple[Path, int]:
    """The CV grown to about *factor* times its entries by copies of its
    experience pages, renamed; and how many entries it has."""
    project = copy_cv(dest)
    folder = project / "experience"
    pages = sorted(p for p in folder.glob("*.md") if p.name != "index.md")
    copies = round((factor - 1) * ENTRIES / len(pages))
    names = []
    for copy in range(1, copies + 1):
        for page in pages:
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
    return project, ENTRIES + len(names)


#: The published theme, and Sphinx's basic one, which puts no navigation
#: tree in every page: furo's grows with pages times pages, and would hide
#: how the CV's own code grows.
THEMES = {"furo": [], "basic": ["O=-D html_theme=basic"]}


def scaling(results: Results, repeat: int, work: Path, factors: list[int]) -> None:
    for theme, options in THEMES.items():
        base = None
        for factor in factors:
            project, count = synthetic(work / f"{theme}-x{factor}", factor)
            seconds, _ = results.measure(
                f"cold make html ({theme}), {factor}x: {count} entries",
                1 if factor >= 100 else repeat,
                lambda p=project: shutil.rmtree(p / "_build", ignore_errors=True),
                lambda p=project, o=options: timed([*make("html"), *o], p),
            )
            base = base or (seconds, count)
            per_entry = 1000 * seconds / count
            growth = f"{seconds / base[0]:5.2f}x the time for {count / base[1]:5.1f}x"
            print(f"    {per_entry:6.1f} ms per entry; {growth} the entries")
            edited, _ = results.measure(
                f"  then one entry edited ({theme}), {factor}x",
                repeat,
                lambda p=project: edit(p),
                lambda p=project, o=options: timed([*make("html"), *o], p),
            )
            print(f"    rebuild after one edit / cold html: {edited / seconds:.2f}")


def live_latency(work: Path, repeat: int) -> None:
    """Seconds from saving an entry to its page rewritten by `make live`."""
    autobuild = VENV / "bin" / "sphinx-autobuild"
    if not autobuild.exists():
        print("  make live: skipped (run `make test` to install sphinx-autobuild)")
        return
    project = copy_cv(work / "live")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen(
        [
            str(autobuild),
            ".",
            "_build/html",
            "--port",
            str(port),
            "--host",
            "127.0.0.1",
        ],
        cwd=project,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    page = project / "_build" / "html" / ENTRY.with_suffix(".html")
    try:
        deadline = time.time() + 60
        while not page.exists() and time.time() < deadline:
            time.sleep(0.1)
        time.sleep(1)
        delays = []
        for attempt in range(repeat):
            marker = f"edit{attempt}x"
            source = project / ENTRY
            start = time.perf_counter()
            source.write_text(
                source.read_text().replace("case by case.", f"case by case {marker}.")
            )
            while marker not in page.read_text(errors="replace"):
                if time.perf_counter() - start > 30:
                    raise TimeoutError("make live did not rebuild within 30 s")
                time.sleep(0.02)
            delays.append(time.perf_counter() - start)
            source.write_text(source.read_text().replace(f" {marker}.", "."))
            time.sleep(1.5)
        label = "make live: save to page rewritten"
        print(f"  {label:<44} {statistics.median(delays):7.2f} s")
    finally:
        server.terminate()
        server.wait()


def ratio(results: Results, ours_name: str, theirs_name: str) -> None:
    if ours_name in results.rows and theirs_name in results.rows:
        value = results.rows[ours_name][0] / results.rows[theirs_name][0]
        print(f"  {ours_name} / {theirs_name}: {value:.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=5)
    # 100x with furo takes about 17 minutes here: ask for it by hand.
    parser.add_argument("--scales", default="1,10")
    args = parser.parse_args()
    python = platform.python_version()
    print(f"Machine: {platform.platform()}, {os.cpu_count()} cores, Python {python}")
    results = Results()
    with tempfile.TemporaryDirectory() as temp:
        work = Path(temp)
        print(f"Medians of {args.repeat} runs (wall time, peak memory):")
        ours(results, args.repeat, work)
        pdf_step(results, args.repeat, work)
        theirs(results, args.repeat, work)
        print("Ours / theirs:")
        ratio(results, "cold make html", "RenderCV PDF")
        ratio(results, "cold make pdf", "RenderCV PDF")
        ratio(results, "cold make html", "JSON Resume (resumed, even theme) HTML")
        cold, edited = (
            results.rows["cold make html"][0],
            results.rows["rebuild after editing one entry"][0],
        )
        print(
            f"  rebuild after one edit / cold html: {edited / cold:.2f} (target 0.60)"
        )
        print("Scaling:")
        scaling(results, args.repeat, work, [int(f) for f in args.scales.split(",")])
        print("Edit loop:")
        live_latency(work, 3)


if __name__ == "__main__":
    sys.exit(main())
