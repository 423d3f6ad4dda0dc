"""Fail a PDF build that latexmk let through: ``python -m sphinx_cv.texlog LOG``.

latexmk exits 0 when LaTeX met an error it could recover from, or left a
reference undefined; the PDF then has "??" or missing text. The log says so;
this reads it, prints each problem as ``LOG:LINE: message`` and exits 1.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

PROBLEMS = re.compile(
    r"^(! .*"
    r"|LaTeX Warning: (Reference|Citation|Hyper reference) .* undefined.*"
    r"|LaTeX Warning: There were undefined references.*"
    r"|pdfTeX warning .*destination.*)$"
)


def problems(log: Path) -> list[str]:
    """Each error or undefined reference in *log*, with its log line."""
    text = log.read_text(encoding="utf-8", errors="replace")
    return [
        f"{log}:{number}: {line}"
        for number, line in enumerate(text.splitlines(), start=1)
        if PROBLEMS.match(line)
    ]


def main(argv: list[str]) -> int:
    if not argv:
        print("usage: python -m sphinx_cv.texlog LOG [LOG ...]", file=sys.stderr)
        return 2
    found = [problem for log in argv for problem in problems(Path(log))]
    for problem in found:
        print(problem, file=sys.stderr)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
