"""How the extension reports a problem: one call, at the place to fix.

:func:`warn` is the one way every module warns (or, for what stops a build,
logs an error) with the ``cv`` type and a :class:`~sphinx_cv.problems.Problem`
subtype; :func:`conf_line` points a message at the line of conf.py that set a
value, before the build environment (which knows documents) exists.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sphinx.util import logging

if TYPE_CHECKING:
    from docutils import nodes
    from sphinx.application import Sphinx

    from sphinx_cv.problems import Problem

    #: Where a message points: ``path:line``, (docname, line), or a node.
    Location = str | tuple[str | None, int | None] | nodes.Node | None

logger = logging.getLogger("sphinx_cv")


def warn(
    problem: Problem,
    message: str,
    *args: Any,
    location: Location = None,
    stop: bool = False,
) -> None:
    """A ``cv.<problem>`` warning at *location*; an error if it will *stop*
    the build (the caller then stops it)."""
    log = logger.error if stop else logger.warning
    log(message, *args, type="cv", subtype=str(problem), location=location)


def conf_line(app: Sphinx, name: str) -> str:
    """Where conf.py sets *name* (``path:line``: the last assignment, the one
    that counts); its first line if it does not, where a value would go."""
    conf = Path(app.confdir) / "conf.py"
    lines = conf.read_text(encoding="utf-8").splitlines() if conf.is_file() else []
    found = [n for n, line in enumerate(lines, 1) if re.match(rf"{name}\s*=", line)]
    return f"{conf}:{found[-1] if found else 1}"
