"""The extension's shape: one job a module, no module imported back, and
formats that know nothing of Sphinx."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).parent.parent / "_ext" / "sphinx_cv"


def _name(path: Path) -> str:
    """``formats.jsonresume`` for ``formats/jsonresume.py``."""
    parts = path.relative_to(PACKAGE).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


FILES = {_name(p): p for p in sorted(PACKAGE.rglob("*.py")) if _name(p)}
MODULES = sorted(FILES)


def _imported(module: str) -> set[str]:
    """Every module *module* imports, at run time or for types."""
    tree = ast.parse(FILES[module].read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            found |= {f"{node.module}.{alias.name}" for alias in node.names}
        elif isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
    return found


def imports(module: str) -> set[str]:
    """The package's modules that *module* imports."""
    ours = {name.removeprefix("sphinx_cv.") for name in _imported(module)}
    return ours & set(MODULES) - {module}


def test_no_module_imports_one_that_imports_it_back() -> None:
    graph = {module: imports(module) for module in MODULES}

    def reaches(start: str, goal: str, seen: frozenset[str] = frozenset()) -> bool:
        return any(
            nxt == goal or (nxt not in seen and reaches(nxt, goal, seen | {nxt}))
            for nxt in graph[start]
        )

    assert [m for m in MODULES if reaches(m, m)] == []


def test_the_formats_and_the_model_import_no_sphinx_nor_docutils() -> None:
    plain = [m for m in MODULES if m.startswith("formats")] + ["model", "problems"]
    reached, todo = set(), list(plain)
    while todo:
        module = todo.pop()
        if module not in reached:
            reached.add(module)
            todo += imports(module)
    for module in reached:
        outside = {name.split(".")[0] for name in _imported(module)} & {
            "sphinx",
            "docutils",
        }
        assert not outside, f"{module} imports {outside}"


@pytest.mark.parametrize("module", MODULES)
def test_each_module_says_its_one_job_in_its_first_line(module: str) -> None:
    tree = ast.parse(FILES[module].read_text(encoding="utf-8"))
    docstring = ast.get_docstring(tree)
    assert docstring is not None
    first = docstring.splitlines()[0]
    assert first.endswith(".") and len(first) <= 79, first
