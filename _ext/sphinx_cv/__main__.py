"""``python -m sphinx_cv``: the ``sphinx-cv`` command (:mod:`sphinx_cv.cli`)."""

import sys

from sphinx_cv.cli import main

sys.exit(main())
