"""Independent auditors on the built site: pa11y (HTML_CodeSniffer) on every
page. Ace by DAISY audits the ePub in ``test_epub.py``.

These run Chromium for a while: ``pytest -m "not audit"`` skips them.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import Build

NODE = Path(__file__).parent / "node"
CHROMIUM = shutil.which("chromium")
pytestmark = pytest.mark.audit


def needs(package: str) -> None:
    if CHROMIUM is None or not (NODE / "node_modules" / package).is_dir():
        pytest.skip("needs chromium and tests/node (.ci/run installs them)")


def test_pa11y_finds_no_error_on_any_page(cv_html: Build) -> None:
    needs("pa11y")
    assert CHROMIUM is not None
    pages = sorted(
        str(p.relative_to(cv_html.outdir)) for p in cv_html.outdir.rglob("*.html")
    )
    result = subprocess.run(
        ["node", NODE / "pa11y.mjs", cv_html.outdir, *pages],
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
