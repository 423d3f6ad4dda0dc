"""Independent auditors on the built site: pa11y (HTML_CodeSniffer) on every
page, and Lighthouse's accessibility, best-practices and SEO scores on one
page of each kind. Ace by DAISY audits the ePub in ``test_epub.py``.

These run Chromium for a minute or so: ``pytest -m "not audit"`` skips them.
"""

from __future__ import annotations

import functools
import json
import os
import shutil
import subprocess
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from conftest import Build

NODE = Path(__file__).parent / "node"
CHROMIUM = shutil.which("chromium")
# A page of each kind: the index, a section, an entry, the generated index.
LIGHTHOUSE_PAGES = [
    "index.html",
    "experience/index.html",
    "experience/bytedance-lark.html",
    "skills-index.html",
]
PRESETS = ["desktop", "mobile"]

pytestmark = pytest.mark.audit


def needs(package: str) -> None:
    if CHROMIUM is None or not (NODE / "node_modules" / package).is_dir():
        pytest.skip("needs chromium and tests/node (make test installs them)")


@pytest.mark.parametrize("edition", ["cv_html", "zh_html"])
def test_pa11y_finds_no_error_on_any_page(
    edition: str, request: pytest.FixtureRequest
) -> None:
    """Every page of each edition, the downloads box on its index page."""
    needs("pa11y")
    assert CHROMIUM is not None
    site: Build = request.getfixturevalue(edition)
    pages = sorted(str(p.relative_to(site.outdir)) for p in site.outdir.rglob("*.html"))
    result = subprocess.run(
        ["node", NODE / "pa11y.mjs", site.outdir, *pages],
        env={**os.environ, "CHROMIUM": CHROMIUM},
        capture_output=True,
        text=True,
        check=True,
    )
    issues: list[dict[str, str]] = json.loads(result.stdout)
    errors = [
        (i["page"], i["code"], i["selector"]) for i in issues if i["type"] == "error"
    ]
    assert errors == []


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture(scope="module")
def site_url(cv_html: Build) -> Iterator[str]:
    """The built site over HTTP on a free local port, as Lighthouse needs
    (its SEO and best-practices audits expect a web server)."""
    handler = functools.partial(QuietHandler, directory=str(cv_html.outdir))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


@pytest.fixture(scope="module")
def lighthouse(site_url: str) -> dict[tuple[str, str], dict[str, Any]]:
    """Lighthouse's report on each page with each preset, the two presets
    run at once (each page in a fresh Chromium, so about 5 s a page)."""
    needs("lighthouse")
    assert CHROMIUM is not None
    env = {**os.environ, "CHROME_PATH": CHROMIUM}
    script = NODE / "lighthouse.mjs"
    runs = {
        preset: subprocess.Popen(
            ["node", script, site_url, preset, *LIGHTHOUSE_PAGES],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for preset in PRESETS
    }
    reports = {}
    for preset, run in runs.items():
        stdout, stderr = run.communicate(timeout=600)
        assert run.returncode == 0, stderr[-2000:]
        for report in json.loads(stdout):
            reports[report["page"], preset] = report
    return reports


@pytest.mark.parametrize("preset", PRESETS)
@pytest.mark.parametrize("page", LIGHTHOUSE_PAGES)
def test_lighthouse_scores_are_full(
    lighthouse: dict[tuple[str, str], dict[str, Any]], page: str, preset: str
) -> None:
    report = lighthouse[page, preset]
    assert report["error"] is None
    assert report["errored"] == []
    assert report["lost"] == []
    assert report["scores"] == {
        "accessibility": 1,
        "best-practices": 1,
        "seo": 1,
    }
