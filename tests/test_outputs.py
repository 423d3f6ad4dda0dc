"""The table of outputs: each a builder, named alike, built again without a word.

Every output of :data:`sphinx_cv.outputs.OUTPUTS` is a builder Sphinx knows
by the output's name (which is ``make``'s target too). Built from one
source, every file of the whole CV has one name, the person's
(:func:`sphinx_cv.variants.filename`), or ``cv_filename``; and each builds
a second time into the same folder, strictly, as ``make all`` does when it
is run again.
"""

from __future__ import annotations

from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from sphinx.testing.util import SphinxTestApp

from sphinx_cv.outputs import OUTPUTS

#: The outputs the whole CV gets (a version's own page is a version's).
WHOLE = [output for output in OUTPUTS if output.full]


@pytest.mark.sphinx("html", testroot="entries")
def test_every_output_is_a_builder_of_its_name(app: SphinxTestApp) -> None:
    for output in OUTPUTS:
        builder = app.registry.create_builder(app, output.name, app.env)
        assert builder.name == output.name


@pytest.mark.parametrize(
    "output",
    [
        pytest.param(o, marks=pytest.mark.sphinx(o.name, testroot="entries"), id=o.name)
        for o in WHOLE
    ],
)
def test_every_file_is_named_after_the_person_and_builds_again(
    app: SphinxTestApp,
    warning: StringIO,
    make_app: Any,
    output: Any,
) -> None:
    app.build()
    app.cleanup()  # one application at a time: each registers its nodes
    again = make_app(
        output.name,
        srcdir=app.srcdir,
        builddir=Path(app.outdir).parent,
        warningiserror=True,
    )
    again.build()
    assert warning.getvalue() == again.warning.getvalue() == ""
    assert [p.name for p in Path(again.outdir).glob(f"*.{output.suffix}")] == [
        f"ada-example-cv.{output.suffix}"
    ]


@pytest.mark.parametrize(
    "output",
    [
        pytest.param(
            o,
            marks=pytest.mark.sphinx(
                o.name, testroot="entries", confoverrides={"cv_filename": "ada"}
            ),
            id=o.name,
        )
        for o in WHOLE
    ],
)
def test_cv_filename_names_every_file(app: SphinxTestApp, output: Any) -> None:
    app.build()
    assert [p.name for p in Path(app.outdir).glob(f"*.{output.suffix}")] == [
        f"ada.{output.suffix}"
    ]
