"""Bad input, each in a copy of the real CV with one defect: a clear message
at file and line (in-process, for every case); and, for a warning and for a
source that stops the build, a failing `make strict`, no traceback, and the
previous good site left in place."""

from __future__ import annotations

import re
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import ROOT, copy_cv, make_env, stopping_build

Edit = Callable[[str], str]


def before(text: str) -> Edit:
    return lambda source: text + source


def after(text: str) -> Edit:
    return lambda source: source + text


def replace(old: str, new: str) -> Edit:
    def edit(source: str) -> str:
        assert old in source, old
        return source.replace(old, new, 1)

    return edit


def line_of(name: str, start: str) -> int:
    """The line of the CV's file *name* that starts with *start*."""
    lines = (ROOT / name).read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, 1) if line.startswith(start))


def conf_line(setting: str) -> int:
    """The line of conf.py that sets *setting*."""
    return line_of("conf.py", setting)


# name: ({file: edit}, the message expected, as "file:line: LEVEL: text")
CASES: dict[str, tuple[dict[str, Edit], str]] = {
    "yaml front matter": (
        {"education.md": before("---\ntitle: [unclosed\n---\n")},
        "education.md:1: WARNING: Malformed YAML [myst.topmatter]",
    ),
    "unknown option": (
        {"experience/bytedance-lark.md": replace(":team:", ":colour: blue\n:team:")},
        "experience/bytedance-lark.md:6: WARNING: cv:work 'bytedance-lark': unknown "
        "option :colour:; accepted: :organisation:, :role:, :start:, :team:, "
        ":location:, :end:, :url:, :skills:, :tags: [cv.option]",
    ),
    "malformed date": (
        {"experience/bytedance-lark.md": replace(":start: 2020-04", ":start: 2020-13")},
        "experience/bytedance-lark.md:8: WARNING: cv:work 'bytedance-lark': :start: "
        "'2020-13' has no month 13: months run 01 to 12 [cv.date]",
    ),
    "not a kind of entry": (
        {"experience/index.md": replace(":entries: work", ":entries: jobs")},
        f"experience/index.md:{line_of('experience/index.md', ':entries:')}: "
        "WARNING: cv:timeline: :entries: 'jobs' is not a "
        "kind of entry: use work, education, project, teaching, award [cv.value]",
    ),
    "date in words": (
        {"experience/bytedance-lark.md": replace(":end: 2020-06", ":end: June 2020")},
        "experience/bytedance-lark.md:9: WARNING: cv:work 'bytedance-lark': :end: "
        "'June 2020' is not a date: use YYYY, YYYY-MM or present [cv.date]",
    ),
    "reversed dates": (
        {"experience/bytedance-lark.md": replace(":end: 2020-06", ":end: 2019-06")},
        "experience/bytedance-lark.md:9: WARNING: cv:work 'bytedance-lark': ends "
        "(2019-06) before it starts (2020-04): give the end on or after the start "
        "[cv.date]",
    ),
    "empty required option": (
        {
            "experience/bytedance-lark.md": replace(
                ":role: Golang, Thrift, Protobuf Intern", ":role:"
            )
        },
        "experience/bytedance-lark.md:5: WARNING: cv:work 'bytedance-lark': :role: "
        "it is empty: give a value [cv.value]",
    ),
    "empty skills item": (
        {
            "experience/bytedance-lark.md": replace(
                ":skills: Golang,", ":skills: Golang, ,"
            )
        },
        "experience/bytedance-lark.md:10: WARNING: cv:work 'bytedance-lark': :skills: "
        "'Golang, , Thrift, Protobuf' has an empty item: separate items with single "
        "commas [cv.skills]",
    ),
    "duplicate entry id": (
        {"experience/tencent-csig.md": replace("tencent-csig\n", "bytedance-lark\n")},
        "experience/tencent-csig.md:3: WARNING: duplicate CV entry id "
        "'bytedance-lark': already used at experience/bytedance-lark.md:3; give each "
        "entry its own id [cv.duplicate]",
    ),
    "broken ref": (
        {"skills.md": after("\nSee {ref}`no-such-label`.\n")},
        "skills.md:20: WARNING: undefined label: 'no-such-label' [ref.ref]",
    ),
    "unknown entry": (
        {"education.md": replace("<weirdos>", "<weird-os>")},
        f"education.md:{line_of('education.md', 'ECE391 and ECE220')}: WARNING: "
        "unknown CV entry: weird-os [ref.entry]",
    ),
    "unknown citation key": (
        {"honors.md": replace("`icm2020`", "`icm2021`")},
        'honors.md:26: WARNING: could not find bibtex key "icm2021" '
        "[bibtex.key_not_found]",
    ),
    "duplicate label": (
        {
            "skills.md": before("(dup-label)=\n"),
            "education.md": before("(dup-label)=\n"),
        },
        "skills.md:2: WARNING: duplicate label dup-label, other instance in "
        "education.md",
    ),
    "page in no toctree": (
        {"orphan.md": lambda _: "# Orphan\n\nNo toctree holds me.\n"},
        "orphan.md: WARNING: document isn't included in any toctree [toc.not_included]",
    ),
    "not UTF-8": (
        {"honors.md": replace("Dean's", "Dean\udce9s")},
        "honors.md:17: ERROR: not utf-8-sig: byte b'\\xe9' cannot be read; save the "
        "file as UTF-8 [cv.encoding]",
    ),
    "malformed bib": (
        {
            "references.bib": replace(
                "organization = {COMAP},", "organization = {COMAP,"
            )
        },
        "references.bib:31: ERROR: syntax error in line 31: premature end of file; fix "
        "the entry there [cv.bibtex]",
    ),
    "missing image": (
        {"skills.md": after("\n![diagram](missing.png)\n")},
        "skills.md:20: WARNING: image file not readable: missing.png "
        "[image.not_readable]",
    ),
    "bad date format": (
        {"conf.py": replace('cv_date_format = "%B %Y"', 'cv_date_format = "%B"')},
        f"conf.py:{conf_line('cv_date_format')}: WARNING: cv_date_format '%B' "
        "shows no year: use a strftime "
        "format with %Y or %y, such as '%B %Y' [cv.config]",
    ),
    "bad skill aliases": (
        {"conf.py": replace('"C": "C/C++",', '"C": 3,')},
        f"conf.py:{conf_line('cv_skill_aliases')}: WARNING: cv_skill_aliases must "
        "map each spelling (a string) to "
        "a skill name (a string) [cv.config]",
    ),
}


def break_cv(project: Path, case: str) -> str:
    """Apply the edits of *case* to *project*; the message they must cause."""
    edits, message = CASES[case]
    for name, edit in edits.items():
        path = project / name
        source = path.read_text(encoding="utf-8") if path.exists() else ""
        path.write_bytes(edit(source).encode("utf-8", "surrogateescape"))
    return message


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_input_is_reported_at_its_file_and_line(tmp_path: Path, case: str) -> None:
    project = copy_cv(tmp_path / "cv")
    message = break_cv(project, case)
    said, status = stopping_build(project, tmp_path / "build")
    assert status in (None, 2)  # 2: a source that cannot be read stops it
    assert message in said.splitlines()


# The Makefile's promise, checked once for a warning and once for a source
# that stops the build: `make strict` fails, shows the message and no
# traceback, and leaves the previous good site in place.
PROMISED = ["malformed date", "not UTF-8"]


def strict(project: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["make", "-s", "strict", f"VENV={ROOT / '.venv'}"],
        cwd=project,
        env=make_env(),
        capture_output=True,
        text=True,
        check=False,
    )


def said(result: subprocess.CompletedProcess[str], project: Path) -> str:
    output = re.sub(r"\x1b\[[0-9;]*m", "", result.stdout + result.stderr)
    return output.replace(f"{project}/", "")


@pytest.fixture(scope="module")
def good(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the CV whose strict build passed."""
    project = copy_cv(tmp_path_factory.mktemp("good") / "cv")
    assert strict(project).returncode == 0
    return project


@pytest.mark.parametrize("case", PROMISED)
def test_make_strict_fails_clearly_and_keeps_the_good_site(
    good: Path, tmp_path: Path, case: str
) -> None:
    project = copy_cv(tmp_path / "cv")
    (project / "_build").symlink_to(good / "_build")  # the previous good output
    index = (good / "_build" / "html" / "index.html").read_bytes()
    message = break_cv(project, case)

    result = strict(project)

    assert result.returncode != 0
    output = said(result, project)
    assert "Traceback" not in output
    assert message in output.splitlines()
    assert (good / "_build" / "html" / "index.html").read_bytes() == index


def test_a_second_strict_build_fails_as_the_first_did(tmp_path: Path) -> None:
    # Sphinx warns about a page only when it reads it: a strict build that
    # reused the saved environment would pass the second time.
    project = copy_cv(tmp_path / "cv")
    message = break_cv(project, "malformed date")
    for _ in range(2):
        result = strict(project)
        assert result.returncode != 0
        assert message in said(result, project).splitlines()
