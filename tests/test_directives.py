"""Entry directives: rendering of each kind, and every kind of bad input."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from sphinx.testing.util import SphinxTestApp
from sphinx.util.console import strip_escape_sequences

from conftest import STRICT, build, root
from sphinx_cv import entries

SNAPSHOTS = Path(__file__).parent / "snapshots"
EXT = Path(__file__).parent.parent / "_ext"

BAD_INPUT = {
    "bad-unknown-option": (
        7,
        "cv:work 'acme': unknown option :colour:; accepted: :organisation:, "
        ":role:, :team:, :location:, :start:, :end:, :url:, :skills:, :tags: "
        "[cv.option]",
    ),
    "bad-misspelt-option": (
        4,
        "cv:work 'acme': unknown option :organization:; did you mean "
        ":organisation:? accepted: :organisation:, :role:, :team:, :location:, "
        ":start:, :end:, :url:, :skills:, :tags: [cv.option]",
    ),
    "bad-unclosed": (
        3,
        "cv:work 'acme': not closed before the directive at line 9: end it "
        "with a line of ':::' [cv.option]",
    ),
    "bad-skills-semicolon": (
        5,
        "cv:work 'acme': :skills: 'Python; SQL' parts skills with ';': "
        "separate skills with commas (Python, SQL) [cv.skills]",
    ),
    "bad-missing-option": (
        3,
        "cv:work 'acme': needs one of :organisation: (employer, university or "
        "body) or :role: (position held) [cv.missing]",
    ),
    "bad-date-month": (
        6,
        "cv:work 'acme': :start: '2021-13' has no month 13: months run 01 to 12 "
        "[cv.date]",
    ),
    "bad-end-before-start": (
        7,
        "cv:work 'acme': ends (2020-06) before it starts (2021-02): give the end "
        "on or after the start [cv.date]",
    ),
    "bad-duplicate-id": (
        9,
        "duplicate CV entry id 'acme': already used at index.md:3; give each "
        "entry its own id [cv.duplicate]",
    ),
    "bad-empty-skill": (
        7,
        "cv:work 'acme': :skills: 'Golang, , C' has an empty item: separate items "
        "with single commas [cv.skills]",
    ),
    "bad-timeline-kind": (
        4,
        "cv:timeline: :entries: 'jobs' is not a type of entry: use work, "
        "education, volunteer, project, teaching, award, certificate, talk, "
        "grant, student, service, entry [cv.value]",
    ),
    "bad-url": (
        6,
        "cv:project 'acme': :url: 'ftp://example.org/acme' is not a URL: use "
        "http://, https:// or mailto: [cv.url]",
    ),
    "bad-url-characters": (
        6,
        "cv:project 'acme': :url: 'https://example.com/a\"b<c>' holds '\"<>', "
        "which a URL cannot: write each such character %-encoded (a space as "
        '%20, " as %22) [cv.url]',
    ),
    "bad-entry-id": (
        3,
        "cv:project 'a#b': 'a#b' is not an entry id: use lowercase letters and "
        "digits, joined by single hyphens, dots or underscores, such as "
        "acme-kernel [cv.id]",
    ),
    "bad-option-twice": (
        6,
        "cv:project 'acme': option :name: given twice (first at line 4); give "
        "each option once [cv.option]",
    ),
    "bad-view-text": (
        5,
        "cv:timeline: takes no text after its options; write each option as "
        "':name: value' on a line of its own [cv.option]",
    ),
}


@pytest.mark.parametrize(
    "testroot",
    [
        pytest.param(name, marks=pytest.mark.sphinx("html", testroot=name))
        for name in sorted(BAD_INPUT)
    ],
)
def test_bad_input_names_file_line_and_what_is_accepted(
    app: SphinxTestApp, warning: StringIO, testroot: str
) -> None:
    line, message = BAD_INPUT[testroot]
    app.build()
    warnings = strip_escape_sequences(warning.getvalue()).splitlines()
    assert warnings == [f"{app.srcdir / 'index.md'}:{line}: WARNING: {message}"]


@pytest.mark.sphinx("html", testroot="bad-option-after-twice")
def test_options_after_a_repeated_one_keep_their_lines(
    app: SphinxTestApp, warning: StringIO
) -> None:
    app.build()
    warnings = strip_escape_sequences(warning.getvalue()).splitlines()
    where = f"{app.srcdir / 'index.md'}"
    assert [line.split(";")[0] for line in warnings] == [
        f"{where}:6: WARNING: cv:project 'acme': option :name: given twice "
        "(first at line 4)",
        f"{where}:7: WARNING: cv:project 'acme': unknown option :colour:",
    ]


def test_bad_input_fails_the_strict_build_without_traceback(tmp_path: Path) -> None:
    # One subprocess for the promise; the messages are checked in-process.
    srcdir = root("bad-url")
    result = subprocess.run(
        [sys.executable, "-m", "sphinx", "-M", "html", srcdir, tmp_path, *STRICT],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(EXT)},
        check=False,
    )
    assert result.returncode != 0
    assert "Traceback" not in result.stdout + result.stderr
    assert BAD_INPUT["bad-url"][1] in result.stderr


@pytest.fixture(scope="module")
def entries_html(tmp_path_factory: pytest.TempPathFactory) -> BeautifulSoup:
    result = build(root("entries"), tmp_path_factory.mktemp("entries"))
    assert result.warnings == ""
    html = (result.outdir / "index.html").read_text(encoding="utf-8")
    return BeautifulSoup(html, "html.parser")


@pytest.mark.parametrize("kind", [*entries.TYPES])
def test_each_type_renders_as_its_snapshot(
    entries_html: BeautifulSoup, kind: str
) -> None:
    entry = entries_html.select_one(f".cv-type-{kind}")
    assert entry is not None
    snapshot = SNAPSHOTS / f"entry-{kind}.html"
    if os.environ.get("UPDATE_SNAPSHOTS"):
        snapshot.write_text(str(entry) + "\n", encoding="utf-8")
    assert str(entry) + "\n" == snapshot.read_text(encoding="utf-8")


def test_the_timeline_lists_entries_newest_first(entries_html: BeautifulSoup) -> None:
    items = [
        " ".join(item.get_text(" ").split())
        for item in entries_html.select("ul.cv-timeline > li")
    ]
    assert items == [
        "May 2023 Schedulers in Practice",
        "2022 \u2013 Present Journal of Kernels, Reviewer",
        "2022 \u2013 2024 Fast Kernels for Small Boards",
        "March 2021 Certified Kubernetes Administrator, The Linux Foundation",
        "2021 \u2013 2023 B. Student, M.S. in Computer Engineering",
        "August 2020 \u2013 December 2020 Teaching Assistant, CS101 - Programming",
        "June 2020 \u2013 December 2020 Acme Corp., Kernel Team",
        "2018-19, 2019-20 Dean's List, State University",
        "October 2019 \u2013 December 2019 ToyOS",
        "2017 \u2013 2018 Robotics Club, Mentor",
        "2016 \u2013 Present B.S. in Computer Engineering, State University",
        "Spring 2022 Kernels without Tears",
    ]


def test_the_skills_index_links_each_skill_to_every_entry(
    entries_html: BeautifulSoup,
) -> None:
    index = {
        term.get_text(): [a["href"] for a in term.find_next_sibling("dd").find_all("a")]
        for term in entries_html.select(".cv-skills-index dt")
    }
    assert index == {
        "C/C++": ["#cv-cs101", "#cv-acme", "#cv-toyos", "#cv-talk"],
        "Golang": ["#cv-acme"],
        "QEMU": ["#cv-toyos"],
    }
    skill_ids = [dt["id"] for dt in entries_html.select(".cv-skills-index dt")]
    assert skill_ids == ["skill-c-cpp", "skill-golang", "skill-qemu"]


def test_roles_link_to_entries_and_skills_by_their_names(
    entries_html: BeautifulSoup,
) -> None:
    sentence = entries_html.find(string="See ").parent
    links = [(a.get_text(), a["href"]) for a in sentence.find_all("a")]
    assert links == [
        ("Acme Corp., Kernel Team", "#cv-acme"),
        ("Golang", "#skill-golang"),
    ]


@pytest.mark.sphinx("html", testroot="written-dates")
def test_a_date_in_words_is_shown_as_written_and_orders_nothing(
    app: SphinxTestApp, warning: StringIO
) -> None:
    """Real CVs date entries in words ("Spring 2025") or leave dates out;
    each is kept and shown as written, and the timeline orders by the dates
    that are calendar dates, the rest last, by id."""
    app.build()
    assert warning.getvalue() == ""
    page = BeautifulSoup((app.outdir / "index.html").read_text(), "html.parser")
    asides = [a.get_text() for a in page.select(".cv-entry-line .cv-entry-aside")]
    assert asides == ["2020 \u2013 Feb 2021", "Spring 2025"]
    timeline = [
        " ".join(item.get_text(" ").split()) for item in page.select(".cv-timeline li")
    ]
    assert timeline == [
        "2020 \u2013 Feb 2021 Acme Corp.",
        "B.S. in Physics, State University",
        "Spring 2025 A Talk on Kernels",
    ]


@pytest.mark.sphinx("html", testroot="written-dates")
def test_json_ld_gives_a_role_its_calendar_dates_only(app: SphinxTestApp) -> None:
    """schema.org's startDate and endDate take dates, and a Role has no
    other property for one: a date in words is left out of the JSON-LD."""
    app.build()
    page = BeautifulSoup((app.outdir / "cv.html").read_text(), "html.parser")
    script = page.find("script", type="application/ld+json")
    person = json.loads(script.string)["mainEntity"]
    [role] = person["worksFor"]
    assert (role["roleName"], role["startDate"]) == ("Intern", "2020")
    assert "endDate" not in role and "date" not in role
    [degree] = person["alumniOf"]
    assert set(degree) == {"@type", "roleName", "alumniOf"}


@pytest.mark.parametrize("builder", ["html", "pdf"])
def test_a_broken_entry_is_named_again_by_a_build_that_reads_nothing(
    tmp_path: Path, builder: str
) -> None:
    """The second build reads no page (the environment is the first's), and
    still names the entry it leaves out, at its line: a second `make pdf`
    never drops it silently, and fails under -W."""
    first = build(root("bad-date-month"), tmp_path / "first")
    again = build(
        root("bad-date-month"), tmp_path / "again", read=first, buildername=builder
    )
    [said] = first.warnings.splitlines()
    assert again.warnings.splitlines() == [said]
    assert "index.md:6: WARNING: cv:work 'acme': :start: '2021-13'" in said
