"""``make live``: the site and the PDF built again on every save.

A process keeps a Sphinx application for the site, and a second one for the
PDF (:class:`sphinx_cv.server.Server`, each), so that a save re-reads only
the page that changed and writes only the pages that show it, the PDF set
again by Typst beside the site on another core. It serves the site and
reloads the browser's page when it is written again; the PDF is replaced
whole, so a PDF viewer that reloads a changed file shows it. Both builds are
strict: a warning names its file and line at once, and the last good PDF
stays until the source is fixed.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import json
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sphinx_cv.server import Server, snapshot

#: The page's script: it reloads the page when the site is written again.
RELOAD = b"""<script>
new EventSource("/__live__").onmessage = () => location.reload();
</script>"""


class Site(http.server.ThreadingHTTPServer):
    """The built site, each HTML page with :data:`RELOAD` in it, and the
    stream of builds the pages listen to."""

    daemon_threads = True

    def __init__(self, port: int, root: Path) -> None:
        handler = functools.partial(Handler, directory=str(root))
        super().__init__(("127.0.0.1", port), handler)
        self.builds = 0
        self.written = threading.Condition()

    def written_again(self) -> None:
        with self.written:
            self.builds += 1
            self.written.notify_all()


class Handler(http.server.SimpleHTTPRequestHandler):
    server: Site

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def do_GET(self) -> None:
        if self.path == "/__live__":
            self.stream()
            return
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if path.suffix != ".html" or not path.is_file():
            super().do_GET()
            return
        page = path.read_bytes().replace(b"</body>", RELOAD + b"</body>", 1)
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(page)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(page)

    def stream(self) -> None:
        """Server-sent events: one each time the site is written again
        after the page asked (counted before it is answered)."""
        seen = self.server.builds
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        try:
            while True:
                with self.server.written:
                    if self.server.builds == seen:
                        self.server.written.wait(timeout=15)
                if self.server.builds != seen:
                    seen = self.server.builds
                    self.wfile.write(f"data: {seen}\n\n".encode())
                else:
                    self.wfile.write(b": still here\n\n")
                self.wfile.flush()
        except OSError:
            return


def builds(source: Path, builddir: Path, options: list[str]) -> list[list[str]]:
    """The sphinx-build arguments of the PDF's build and the site's. Each
    keeps its pages' doctrees in a folder of its own: they build at once,
    and Sphinx writes a doctree in place, so one read the other's half
    written ("EOFError: Ran out of input")."""
    strict = ["-q", "-W", *options]
    return [
        ["-b", name, str(source), str(builddir / name),
         "-d", str(builddir / doctrees), *strict]
        for name, doctrees in (("pdf", "doctrees-pdf"), ("html", "doctrees"))
    ]  # fmt: skip


class Worker:
    """The PDF's builds, in a process of their own (``python -m
    sphinx_cv.live --worker``): they run beside the site's on a second core,
    and Typst's threads stay out of the site's process. Its warnings go to
    the terminal as the site's do."""

    def __init__(self, argv: list[str]) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "sphinx_cv.live", "--worker", json.dumps(argv)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        self.name = argv[1]

    def start(self) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write("build\n")
        self.process.stdin.flush()

    def result(self) -> str:
        """How the build the worker was started on went."""
        assert self.process.stdout is not None
        answer = self.process.stdout.readline()
        if not answer:
            return f"{self.name} stopped"
        status, took = json.loads(answer)
        return said(self.name, status, took)

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait()


def said(name: str, status: int | None, took: float) -> str:
    return f"{name} {took:.2f} s" if status == 0 else f"{name} failed"


def timed(server: Server, argv: list[str]) -> tuple[int | None, float]:
    start = time.perf_counter()
    status = server.build(argv, sys.stdout, sys.stderr)
    return status, time.perf_counter() - start


def work(argv: list[str]) -> int:
    """The worker's loop: a build for each line read, its status and time
    written back as a line of JSON."""
    # Its answers alone on the pipe: all else it prints goes where errors go.
    answers = os.fdopen(os.dup(1), "w")
    os.dup2(2, 1)
    server = Server()
    for _ in sys.stdin:
        print(json.dumps(timed(server, argv)), file=answers, flush=True)
        server.collect()
    return 0


def rebuild(server: Server, site: list[str], pdf: Worker) -> str:
    """The PDF and the site built again, side by side; a line that says
    how each went."""
    pdf.start()
    status, took = timed(server, site)
    return f"{pdf.result()} · {said(site[1], status, took)}"


def changes(before: tuple[Any, ...], after: tuple[Any, ...], source: Path) -> str:
    """The files that differ between two snapshots, by their paths."""
    paths = {
        str(Path(folder, name).relative_to(source))
        for folder, name, *_ in set(before) ^ set(after)
    }
    return ", ".join(sorted(paths))


#: Seconds between two looks that must find the sources alike.
SETTLE = 0.01


def settled(now: Any, look: Callable[[], Any]) -> Any:
    """The sources once a look finds them as the one before: a save may be
    more than one write (truncated, then written; written, then its time
    set), and is built once, whole."""
    while True:
        time.sleep(SETTLE)
        again = look()
        if again == now:
            return now
        now = again


def run(args: argparse.Namespace) -> int:
    """Build, serve, and build again on every save until interrupted."""
    # Stopped as by Ctrl-C (a terminal closed, a process manager): the
    # worker and the server stop with it.
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    source, builddir = Path(args.sources), Path(args.builddir)
    pdf, html = builds(source, builddir, list(args.sphinx))
    server, worker = Server(), Worker(pdf)
    # The site's page is written long before the PDF: this process yields a
    # shared core to the worker (at 150 entries, a save reached the PDF in
    # 0.54-0.72 s so, 0.61-0.96 s not).
    os.nice(5)
    # Before the first build: a file saved while it runs is built again.
    seen = snapshot(source)
    print(rebuild(server, html, worker), flush=True)
    server.collect()
    site = Site(args.port, builddir / "html")
    threading.Thread(target=site.serve_forever, daemon=True).start()
    pdfs = builddir / "pdf"
    print(
        f"Serving http://127.0.0.1:{site.server_port}/ ; the PDF is in {pdfs}/. "
        "Ctrl-C stops.",
        flush=True,
    )
    try:
        while True:
            time.sleep(args.interval)
            now = snapshot(source)
            if now == seen:
                continue
            now = settled(now, lambda: snapshot(source))
            changed = changes(seen, now, source)
            seen = now
            code = server.stale()
            if code:
                print(f"{code} changed: restart make live to load it", flush=True)
                return 3
            print(f"{changed}: {rebuild(server, html, worker)}", flush=True)
            site.written_again()
            server.collect()
    except KeyboardInterrupt:
        return 0
    finally:
        site.shutdown()
        worker.stop()


if __name__ == "__main__":
    if sys.argv[1:2] == ["--worker"]:
        sys.exit(work(json.loads(sys.argv[2])))
