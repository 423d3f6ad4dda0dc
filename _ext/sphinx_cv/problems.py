"""What can be wrong with a CV: the subtypes of the extension's one warning.

Every warning and error of ``sphinx_cv`` has the type ``cv`` and one of
these subtypes, so that a project can silence one precisely
(``suppress_warnings = ["cv.date"]``); the reference's table is made from
this enum. It imports nothing of Sphinx: the model's fields name theirs.
"""

from __future__ import annotations

import enum


class Problem(enum.StrEnum):
    """A subtype of the ``cv`` warning; its docstring is what raises it."""

    def __new__(cls, value: str, doc: str) -> Problem:
        member = str.__new__(cls, value)
        member._value_ = value
        member.doc = doc
        return member

    doc: str

    VALUE = "value", "an option's value the model rejects (text, links, kinds)"
    DATE = "date", "a date that does not parse, or an end before the start"
    URL = "url", "an address that is not http(s) or mailto, or holds a bad character"
    SKILLS = "skills", "an empty item in :skills:"
    TAGS = "tags", "an empty item in :tags:, or a tag not declared in cv_tags"
    OPTION = (
        "option",
        "an unknown option, an option given twice, or text where none is taken",
    )
    MISSING = "missing", "a required option left out"
    ID = "id", "an entry id that is not lowercase letters and digits joined by - . _"
    DUPLICATE = "duplicate", "a second entry with one id, or a second cv:person"
    CONFIG = "config", "a bad configuration value, named at its line of conf.py"
    ENCODING = "encoding", "a source file that is not UTF-8 (stops the build)"
    BIBTEX = "bibtex", "a .bib file that does not parse (stops the build)"
    FONT = "font", "a character no font of the PDF has, at its line (stops the PDF)"
    PAGES = "pages", "a PDF over its pages: cv_pdf_pages, a version's (stops it)"
    PDF = "pdf", "the Typst template failed or warned (a failure stops the PDF)"
