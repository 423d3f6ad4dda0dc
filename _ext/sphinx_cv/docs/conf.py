"""Sphinx configuration for sphinx-cv's documentation.

It ships with the package (sphinx_cv/docs), so that every project keeping
a copy of it has its documentation too: `make docs` builds it. The
reference is made from the package's own declarations on each build.
"""

import sys
from pathlib import Path

HERE = Path(__file__).parent
# The package this folder belongs to, importable from its parent.
sys.path.insert(0, str(HERE.parent.parent))

from sphinx_cv import __version__, reference  # noqa: E402

project = "sphinx-cv"
author = "sphinx-cv's authors"
copyright = author
version = release = __version__

extensions = ["myst_parser"]
myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3
exclude_patterns = ["_build", ".*"]
nitpicky = True
smartquotes = False

html_theme = "furo"
html_title = f"sphinx-cv {__version__}"
html_static_path = ["_static"]

# The reference, generated from sphinx_cv.entries, sphinx_cv.model and
# sphinx_cv.config (as `python -m sphinx_cv reference` prints it), written
# only when it changes so that Sphinx reads it again only then.
# The part the model generates: after the README's comment that says so.
_, _, _generated = reference.markdown().partition("do not edit it. -->")
_generated = f"# Reference\n{_generated}"
_target = HERE / "reference.md"
if not _target.is_file() or _target.read_text(encoding="utf-8") != _generated:
    _target.write_text(_generated, encoding="utf-8")
