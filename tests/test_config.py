"""Configuration, and what the extension loads and derives from it
(roots/test-site): every cv_* value checked at its line of conf.py, the
icons without sphinx_design listed, the phone and the place in every
output, and the site under dirhtml too."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from sphinx.testing.util import SphinxTestApp

from conftest import ROOT, build, make_env, poppler, root, stopping_build
from sphinx_cv.config import VALUES

TESTROOT = root("site")

#: A wrong value of each cv_* value, and what the warning says of it.
BAD = {
    "cv_date_format": (
        "'%B'",
        "'%B' shows no year: use a strftime format with %Y or %y, such as '%B %Y'",
    ),
    "cv_present": ("'  '", "is empty: give the word for an ongoing end date"),
    "cv_skill_aliases": (
        "{'C': 3}",
        "must map each spelling (a string) to a skill name (a string)",
    ),
    "cv_tags": ("['core']", "must be a dict, not ['core']"),
    "cv_variants": ("'resume'", "must be a dict, not 'resume'"),
    "cv_variant": ("3", "must be a string, not 3"),
    "cv_editions": (
        "{'en': 'English'}",
        "'en' must be given (name, address), such as ('English', "
        "'https://example.org/en/'), not 'English'",
    ),
    "cv_downloads_dir": ("None", "must be a string, not None"),
    "cv_filename": ("['cv']", "must be a string, not ['cv']"),
    "cv_pdf_paper": (
        "'a5'",
        "'a5' is not a paper the PDF knows: use 'a4' or 'us-letter'",
    ),
    "cv_pdf_pages": ("'2'", "must be a whole number, not '2'"),
    "cv_pdf_fonts": (
        "'Libertinus Serif'",
        "must be a list, not 'Libertinus Serif'",
    ),
    "cv_author_names": (
        "['A. Lovelace', '']",
        "must list names as your publications write them, such as ['A. Lovelace']",
    ),
    "cv_et_al": ("-1", "must be 0 (no limit) or more"),
    "cv_publication_numbers": (
        "'reversed'",
        "'reversed' is no way to number: use 'up' (1, 2...) or 'down' (... 2, 1)",
    ),
    "cv_letter": ("3", "must be a string, not 3"),
    "cv_photo": ("'yes'", "must be a True or False, not 'yes'"),
    "cv_theme": (
        "'fancy'",
        "'fancy' is not a look: use one of classic, compact, modern, two-column",
    ),
    "cv_look": ("{'size': '10'}", "'size' must be a number, not '10'"),
    "cv_pdf_template": (
        "'cv.tex'",
        "must name a Typst file (.typ), relative to conf.py",
    ),
}


def test_every_value_has_a_bad_case() -> None:
    assert set(BAD) == set(VALUES)


def with_conf(tmp_path: Path, line: str) -> tuple[Path, int]:
    """A copy of the root whose conf.py ends with *line*, and its number."""
    srcdir = tmp_path / "src"
    shutil.copytree(TESTROOT, srcdir)
    conf = srcdir / "conf.py"
    lines = conf.read_text(encoding="utf-8").splitlines()
    conf.write_text("\n".join([*lines, line]) + "\n", encoding="utf-8")
    return srcdir, len(lines) + 1


@pytest.mark.parametrize("name", sorted(BAD))
def test_a_bad_value_is_a_warning_at_its_line(tmp_path: Path, name: str) -> None:
    value, problem = BAD[name]
    srcdir, line = with_conf(tmp_path, f"{name} = {value}")
    said, status = stopping_build(srcdir, tmp_path / "out")
    assert status is None, said
    assert "Traceback" not in said
    assert said.splitlines() == [
        f"conf.py:{line}: WARNING: {name} {problem} [cv.config]"
    ]


def test_a_bad_value_fails_the_strict_build(tmp_path: Path) -> None:
    srcdir, line = with_conf(tmp_path, "cv_editions = {'en': 'English'}")
    result = subprocess.run(
        [sys.executable, "-m", "sphinx", "-b", "html", "-nW", srcdir, tmp_path / "out"],
        env={**make_env(), "PYTHONPATH": str(ROOT / "_ext")},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert f"conf.py:{line}: WARNING: cv_editions 'en' must be given" in result.stderr


@pytest.mark.sphinx("html", testroot="site")
def test_icons_come_without_sphinx_design_in_extensions(
    app: SphinxTestApp, warning: StringIO
) -> None:
    app.build()
    assert warning.getvalue() == ""
    page = BeautifulSoup((app.outdir / "index.html").read_text(), "html.parser")
    icons = [svg["aria-label"] for svg in page.select(".cv-contacts svg.sd-octicon")]
    assert icons == ["Location", "Phone", "E-mail", "GitHub"]


def test_the_phone_and_the_place_reach_every_output(tmp_path: Path) -> None:
    site = build(TESTROOT, tmp_path / "html")
    page = BeautifulSoup((site.outdir / "index.html").read_text(), "html.parser")
    contacts = page.select_one(".cv-contacts")
    assert contacts is not None
    assert " ".join(contacts.get_text().split()) == (
        "London, GB · +44 20 7946 0958 · ada@example.org · ada"
    )
    assert contacts.select_one('a[href="tel:+442079460958"]') is not None
    resume = json.loads((site.outdir / "resume.json").read_text())
    assert resume["basics"]["phone"] == "+44 20 7946 0958"
    assert resume["basics"]["location"] == {"city": "London", "countryCode": "GB"}
    rendercv = yaml.safe_load((site.outdir / "rendercv.yaml").read_text())
    assert (rendercv["cv"]["phone"], rendercv["cv"]["location"]) == (
        "+44 20 7946 0958",
        "London, GB",
    )
    [script] = page.select('script[type="application/ld+json"]')
    person = json.loads(script.string)["mainEntity"]
    assert person["telephone"] == "+44 20 7946 0958"
    assert person["address"] == {
        "@type": "PostalAddress",
        "addressLocality": "London",
        "addressCountry": "GB",
    }
    printed = build(TESTROOT, tmp_path / "pdf", buildername="pdf")
    text = poppler("pdftotext", printed.outdir / "ada-lovelace-cv.pdf", "-")
    assert (
        "London, GB | +44 20 7946 0958 | ada@example.org | github.com/ada"
        in " ".join(text.split())
    )


@pytest.mark.sphinx("dirhtml", testroot="site")
def test_dirhtml_is_the_site_too(app: SphinxTestApp, warning: StringIO) -> None:
    app.build()
    assert warning.getvalue() == ""
    sitemap = (app.outdir / "sitemap.xml").read_text(encoding="utf-8")
    assert "<loc>https://cv.example/en/work/</loc>" in sitemap
    page = BeautifulSoup(
        (app.outdir / "work" / "index.html").read_text(), "html.parser"
    )
    switch = page.select_one("nav.cv-editions")
    assert switch is not None
    assert [a["href"] for a in switch.select("a")] == ["https://cv.example/fr/work/"]
    assert (app.outdir / "resume.json").is_file()
