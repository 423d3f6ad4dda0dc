"""The extension's shape: one job a module, and no module imported back."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).parent.parent / "_ext" / "sphinx_cv"
MODULES = sorted(p.stem for p in PACKAGE.glob("*.py") if p.stem != "__init__")


def imports(module: str) -> set[str]:
    """The package's modules that *module* imports, at run time or for types."""
    tree = ast.parse((PACKAGE / f"{module}.py").read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            if node.module == "sphinx_cv":
                found |= {alias.name for alias in node.names}
            elif node.module.startswith("sphinx_cv."):
                found.add(node.module.removeprefix("sphinx_cv."))
    return found & set(MODULES)


def test_no_module_imports_one_that_imports_it_back() -> None:
    graph = {module: imports(module) for module in MODULES}

    def reaches(start: str, goal: str, seen: frozenset[str] = frozenset()) -> bool:
        return any(
            nxt == goal or (nxt not in seen and reaches(nxt, goal, seen | {nxt}))
            for nxt in graph[start]
        )

    assert [m for m in MODULES if reaches(m, m)] == []


@pytest.mark.parametrize("module", MODULES)
def test_each_module_says_its_one_job_in_its_first_line(module: str) -> None:
    tree = ast.parse((PACKAGE / f"{module}.py").read_text(encoding="utf-8"))
    docstring = ast.get_docstring(tree)
    assert docstring is not None
    first = docstring.splitlines()[0]
    assert first.endswith(".") and len(first) <= 79, first
