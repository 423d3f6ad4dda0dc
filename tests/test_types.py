"""Every entry type through every writer and every format, so none is half-added.

``roots/test-entries`` holds one record of each type the registry declares
(:data:`sphinx_cv.entries.TYPES`). Each printed output writes each of them;
JSON Resume, RenderCV and JSON-LD each carry each of them, where its type
says; JSON Resume and RenderCV read back what their readers read. A writer
meeting a block it does not know raises, never drops it.
"""

from __future__ import annotations

import dataclasses
import json
import re
from io import StringIO
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from bs4 import BeautifulSoup
from docx import Document
from sphinx.testing.util import SphinxTestApp
from test_web import SCHEMA

from conftest import Build, build, normalise, poppler, root
from sphinx_cv import entries, model
from sphinx_cv.formats import jsonresume, rendercv
from sphinx_cv.outputs import OUTPUTS
from sphinx_cv.printed import document as d
from sphinx_cv.printed.markdown import MarkdownWriter
from sphinx_cv.printed.page import Writer as PageWriter
from sphinx_cv.printed.plaintext import PlainTextWriter
from sphinx_cv.printed.typeset import TEMPLATE, Stopped, Typesetter
from sphinx_cv.printed.word import _Writer as WordWriter

SOURCE = (root("entries") / "index.md").read_text(encoding="utf-8")

#: What names each record of the root in every output: an entry its
#: heading's title, an item its name.
NAMES = {
    "work": "Acme Corp.",
    "education": "State University",
    "project": "ToyOS",
    "teaching": "CS101 - Programming",
    "award": "Dean's List",
    "volunteer": "Robotics Club",
    "certificate": "Certified Kubernetes Administrator",
    "entry": "Kernels without Tears",
    "talk": "Schedulers in Practice",
    "grant": "Fast Kernels for Small Boards",
    "student": "B. Student",
    "service": "Journal of Kernels",
    "skill": "Systems programming",
    "language": "French",
    "interest": "Chess",
    "reference": "A careful engineer.",
}


def test_the_root_holds_one_of_every_type() -> None:
    written = set(re.findall(r"^:::\{cv:([\w-]+)\}", SOURCE, re.M)) - {"person"}
    assert written == set(entries.TYPES) == set(NAMES)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    result = build(root("entries"), tmp_path_factory.mktemp("types-html"))
    assert result.warnings == ""
    return result


PRINTED = [output for output in OUTPUTS if output.builder is not None]


def text_of(path: Path) -> str:
    """What a reader reads of a printed file."""
    if path.suffix == ".pdf":
        return poppler("pdftotext", "-enc", "UTF-8", path, "-")
    if path.suffix == ".docx":
        return "\n".join(p.text for p in Document(str(path)).paragraphs)
    if path.suffix == ".html":
        return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").text
    return path.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "output",
    [
        pytest.param(o, marks=pytest.mark.sphinx(o.name, testroot="entries"), id=o.name)
        for o in PRINTED
    ],
)
def test_every_printed_output_writes_every_type(
    app: SphinxTestApp, warning: StringIO, output: Any
) -> None:
    app.build()
    assert warning.getvalue() == ""
    [written] = app.outdir.glob(f"*.{output.suffix}")
    text = normalise(text_of(written))
    for kind, name in NAMES.items():
        assert normalise(name) in text, kind
    # A date in words, as written; the dates of a certificate, by month.
    assert "Spring 2022" in text and "March 2021" in text


def test_json_resume_carries_every_type_where_its_type_says(site: Build) -> None:
    resume = json.loads((site.outdir / "resume.json").read_text(encoding="utf-8"))
    for name, kind in entries.TYPES.items():
        section = json.dumps(resume[kind.jsonresume.section], ensure_ascii=False)
        assert NAMES[name] in section, name


def test_rendercv_carries_every_type_as_its_entry_type(site: Build) -> None:
    data = yaml.safe_load((site.outdir / "rendercv.yaml").read_text(encoding="utf-8"))
    written = [
        (title, item)
        for title, items in data["cv"]["sections"].items()
        for item in items
    ]
    for name, kind in entries.TYPES.items():
        found = [item for _, item in written if NAMES[name] in json.dumps(item)]
        assert found, name
        assert rendercv.entry_type(found[0]) == kind.rendercv.type, name


def test_json_ld_says_what_each_type_declares(site: Build) -> None:
    page = BeautifulSoup((site.outdir / "index.html").read_text(), "html.parser")
    [script] = page.select('script[type="application/ld+json"]')
    person = json.dumps(json.loads(script.string or "")["mainEntity"])
    for record in site.entries.values():
        said = entries.of(record).jsonld(record, False)
        for values in said.values():
            for value in values:
                assert json.dumps(value) in person, record.id


def test_json_resume_reads_back_each_type_it_reads(site: Build, tmp_path: Path) -> None:
    """Written, then read: each type that reads a section of JSON Resume
    gets its records back, with their options."""
    written = tmp_path / "resume.json"
    written.write_text((site.outdir / "resume.json").read_text(encoding="utf-8"))
    draft = jsonresume.read(written)
    read = {(entry.type, entry.options.get("name") or entry.options.get("title"))
            for entry in draft.entries()}  # fmt: skip
    assert ("certificate", "Certified Kubernetes Administrator") in read
    readers = {k.name for k in entries.TYPES.values() if k.jsonresume.read}
    assert {kind for kind, _ in read} == readers
    # Those that share a section come back whole, told apart by their type.
    shared = {"talk", "grant", "student", "service"}
    back = {e.type: e.options for e in draft.entries() if e.type in shared}
    given = SOURCE.split(":::{cv:")
    for kind, options in back.items():
        [written] = [g for g in given if g.startswith(f"{kind}}}")]
        assert options == dict(re.findall(r"^:(\w+): (.+)$", written, re.M)), kind


# -- Writers meet only what they know ------------------------------------------------


@dataclasses.dataclass(frozen=True)
class Marquee:
    """A block no writer knows."""

    text: str = "scrolling"


DOCUMENT = d.Document(body=(Marquee(),))  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "write",
    [
        lambda: WordWriter(DOCUMENT).write(),
        lambda: PageWriter({}).page(DOCUMENT.body),
        lambda: MarkdownWriter(DOCUMENT).write(),
        lambda: PlainTextWriter(DOCUMENT).write(),
    ],
    ids=["word", "page", "markdown", "plaintext"],
)
def test_a_writer_meeting_a_block_it_does_not_know_raises(write: Any) -> None:
    with pytest.raises(d.Unknown, match="cannot write a Marquee"):
        write()


def test_the_typst_template_refuses_a_block_it_does_not_know(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    typesetter = Typesetter(TEMPLATE, ["Libertinus Serif"], [], tmp_path)
    with pytest.raises(Stopped):
        typesetter.layout(DOCUMENT)


def test_every_block_and_run_is_one_the_template_sets() -> None:
    """Each block and run of the document is named in the template, so
    the template's refusal above is the only way to meet one unknown."""
    template = TEMPLATE.read_text(encoding="utf-8")
    typed = [d.Text, d.Pieces, d.Strong, d.Emph, d.Code, d.Link, d.Ref, d.Cite]
    typed += [d.Anchor, d.Part, d.Section, d.Paragraph, d.List, d.Terms]
    typed += [d.Columns, d.Citation, d.CodeBlock, d.Contacts, d.Entry]
    for kind in typed:
        assert f'"{kind.__name__.lower()}"' in template, kind


def test_a_type_reaches_its_options_only_through_the_model() -> None:
    """Every option a type takes is declared once, with its parser."""
    for kind in entries.TYPES.values():
        assert set(kind.options) <= set(model.FIELDS), kind.name


def test_dates_in_words_keep_each_export_valid(site: Build) -> None:
    """JSON Resume's schema takes calendar dates only, RenderCV's start and
    end dates too: a date written in words ("Spring 2022") goes where each
    takes words (RenderCV's date; JSON Resume's, beyond its schema)."""
    resume = json.loads((site.outdir / "resume.json").read_text(encoding="utf-8"))
    jsonschema.Draft7Validator(json.loads(SCHEMA.read_text())).validate(resume)
    [talk] = [p for p in resume["projects"] if p["name"] == NAMES["entry"]]
    assert talk["date"] == "Spring 2022" and "startDate" not in talk
    data = yaml.safe_load((site.outdir / "rendercv.yaml").read_text(encoding="utf-8"))
    items = [
        i for s in data["cv"]["sections"].values() for i in s if isinstance(i, dict)
    ]
    for item in items:
        for key in ("start_date", "end_date"):
            if key in item:
                assert re.fullmatch(r"\d{4}(-\d{2}){0,2}|present", item[key]), item
    assert any(item.get("date") == "Spring 2022" for item in items)
