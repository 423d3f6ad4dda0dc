"""``make live``: the site and the PDF built again on every save.

One process keeps a Sphinx application for the site and one for the PDF
(:class:`sphinx_cv.server.Server`), so that a save re-reads only the page
that changed and writes only the pages that show it; the PDF is set again
by Typst in the same process. It serves the site and reloads the browser's
page when it is written again; the PDF is replaced whole, so a PDF viewer
that reloads a changed file shows it. Both builds are strict: a warning
names its file and line at once, and the last good PDF stays until the
source is fixed.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import sys
import threading
import time
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
        """Server-sent events: one each time the site is written again."""
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        seen = self.server.builds
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
    """The sphinx-build arguments of the PDF's build and the site's."""
    common = [str(source), "-d", str(builddir / "doctrees"), "-q", "-W", *options]
    return [
        ["-b", "pdf", *common[:1], str(builddir / "pdf"), *common[1:]],
        ["-b", "html", *common[:1], str(builddir / "html"), *common[1:]],
    ]


def rebuild(server: Server, argvs: list[list[str]]) -> str:
    """Build each of *argvs* again; a line that says how each went."""
    said = []
    for argv in argvs:
        start = time.perf_counter()
        status = server.build(argv, sys.stdout, sys.stderr)
        took = time.perf_counter() - start
        name = argv[1]
        said.append(f"{name} {took:.2f} s" if status == 0 else f"{name} failed")
    return " · ".join(said)


def changes(before: tuple[Any, ...], after: tuple[Any, ...], source: Path) -> str:
    """The files that differ between two snapshots, by their paths."""
    paths = {
        str(Path(folder, name).relative_to(source))
        for folder, name, *_ in set(before) ^ set(after)
    }
    return ", ".join(sorted(paths))


def run(args: argparse.Namespace) -> int:
    """Build, serve, and build again on every save until interrupted."""
    source, builddir = Path(args.sources), Path(args.builddir)
    argvs = builds(source, builddir, list(args.sphinx))
    server = Server()
    # Before the first build: a file saved while it runs is built again.
    seen = snapshot(source)
    print(rebuild(server, argvs), flush=True)
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
            changed = changes(seen, now, source)
            seen = now
            code = server.stale()
            if code:
                print(f"{code} changed: restart make live to load it", flush=True)
                return 3
            print(f"{changed}: {rebuild(server, argvs)}", flush=True)
            site.written_again()
    except KeyboardInterrupt:
        return 0
    finally:
        site.shutdown()
