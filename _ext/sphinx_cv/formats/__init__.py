"""The CV's interchange formats: one module each, its reader and its writer.

:mod:`~sphinx_cv.formats.jsonresume` and :mod:`~sphinx_cv.formats.rendercv`
read a file into a :class:`~sphinx_cv.formats.draft.Draft` (which ``new``
writes as a project) and write a :class:`sphinx_cv.model.CV`;
:mod:`~sphinx_cv.formats.jsonld` writes schema.org JSON-LD. None imports
Sphinx: they read and write data, and the extension feeds them its model.
"""
