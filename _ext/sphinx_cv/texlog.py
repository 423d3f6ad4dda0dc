"""Fail a PDF build that lost text, naming the source page and line.

Run as ``python -m sphinx_cv.texlog [--sources DIR] LOG``.

latexmk exits 0 when LaTeX met an error it could recover from, left a
reference undefined, or set a line wider than the page; the PDF then has
"??" or text cut at the margin. A character no font has stops XeLaTeX
(``\\tracinglostchars=3``), but its message names a line of the generated
``.tex``. This reads the log, names the source page and line where it can
(given the sources), prints each problem and exits 1.
"""

from __future__ import annotations

import os
import re
import sys
import unicodedata
from collections.abc import Iterator
from pathlib import Path

PROBLEMS = re.compile(
    r"^(! .*"
    r"|LaTeX Warning: (Reference|Citation|Hyper reference) .* undefined.*"
    r"|LaTeX Warning: There were undefined references.*"
    r"|pdfTeX warning .*destination.*)$"
)
MISSING = re.compile(r"Missing character: There is no (.) \(U\+([0-9A-F]{4,6})\)")
OVERFULL = re.compile(
    r"^Overfull \\hbox \((?P<points>[\d.]+)pt too wide\) .*"
    r"at lines? (?P<first>\d+)(?:--(?P<last>\d+))?"
)
#: Narrower overflows are invisible; wider ones cut text at the margin.
TOLERANCE = 1.0
#: What a source page can be.
SOURCE_SUFFIXES = {".md", ".rst", ".txt", ".bib"}


def _sources(root: Path) -> Iterator[Path]:
    """Source files under *root*, not looking into hidden or built folders."""
    for folder, subfolders, names in os.walk(root):
        subfolders[:] = sorted(
            name
            for name in subfolders
            if not name.startswith((".", "_build")) and name != "node_modules"
        )
        for name in sorted(names):
            if Path(name).suffix in SOURCE_SUFFIXES:
                yield Path(folder) / name


def _find(sources: Path | None, text: str) -> str | None:
    """``path:line`` of the first source line holding *text*."""
    if sources is None or not text:
        return None
    for path in _sources(sources):
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
        for number, line in enumerate(lines, start=1):
            if text in line:
                return f"{path}:{number}"
    return None


def _words(tex: str) -> list[str]:
    """The longest runs of plain text on some lines of ``.tex``, longest first."""
    plain = re.sub(r"\\[A-Za-z]+\*?|[{}]", " ", tex)
    return sorted(set(re.findall(r"[^\s\\]{4,}", plain)), key=len, reverse=True)


def _missing(line: str, sources: Path | None) -> str | None:
    match = MISSING.search(line)
    if match is None:
        return None
    char, code = match[1], match[2]
    name = unicodedata.name(char, "unnamed")
    where = _find(sources, char)
    what = (
        f"no font of the PDF has {char!r} (U+{code} {name}): write it another "
        "way, or give the PDF a font that has it (latex_elements['fontpkg'])"
    )
    return f"{where}: {what}" if where else what


def _overfull(line: str, log: Path, sources: Path | None) -> str | None:
    match = OVERFULL.match(line)
    if match is None or float(match["points"]) <= TOLERANCE:
        return None
    first = int(match["first"])
    last = int(match["last"] or first)
    tex = log.with_suffix(".tex")
    where = None
    if tex.is_file():
        lines = tex.read_text(encoding="utf-8", errors="replace").splitlines()
        for word in _words("\n".join(lines[first - 1 : last])):
            where = _find(sources, word)
            if where:
                break
    what = (
        f"a line runs {match['points']}pt past the margin of the PDF, and the "
        "text there is cut: break the text (a space, or a shorter word)"
    )
    return f"{where or f'{tex}:{first}'}: {what}"


def problems(log: Path, sources: Path | None = None) -> list[str]:
    """Each error, undefined reference or cut line in *log*: at its source
    page and line where *sources* show it, else at the log's line."""
    text = log.read_text(encoding="utf-8", errors="replace")
    found = []
    for number, line in enumerate(text.splitlines(), start=1):
        mapped = _missing(line, sources) or _overfull(line, log, sources)
        if mapped:
            found.append(mapped)
        elif PROBLEMS.match(line):
            found.append(f"{log}:{number}: {line}")
    return list(dict.fromkeys(found))


def main(argv: list[str]) -> int:
    sources = None
    if argv[:1] == ["--sources"] and len(argv) > 1:
        sources, argv = Path(argv[1]), argv[2:]
    if not argv:
        print(
            "usage: python -m sphinx_cv.texlog [--sources DIR] LOG [LOG ...]",
            file=sys.stderr,
        )
        return 2
    # A build that stopped before LaTeX ran leaves no log (the shell passes
    # its pattern through unexpanded); the build said why.
    logs = [Path(log) for log in argv if Path(log).is_file()]
    found = [problem for log in logs for problem in problems(log, sources)]
    for problem in found:
        print(problem, file=sys.stderr)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
