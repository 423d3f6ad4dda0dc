"""The extension's configuration values: each declared once, checked once.

:data:`VALUES` declares each ``cv_*`` value with its default, what it does
(the reference prints both) and its check. :func:`init_config`, the one
``config-inited`` handler, checks them all (a bad value is a ``cv.config``
warning at its line of conf.py, and the build goes on with the default),
then derives, in this order, what the other settings need: the versions of
the CV, each edition's address, the ePub's language, and the
extension's message catalogs.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal
from urllib.parse import urlsplit

from sphinx_cv import catalogs, editions, epub, variants
from sphinx_cv.diagnostics import conf_line, warn
from sphinx_cv.problems import Problem

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config


def _no_check(value: Any) -> str:
    return ""


@dataclass(frozen=True)
class Value:
    """One configuration value: its default, what it sets, its check (which
    returns what is wrong with a value of the right type, or ""), and what
    a change of it makes Sphinx do again: read every page ("env"), write
    the site's ("html"), or nothing (the printed outputs are made anew each
    build, so a version or a paper reads no page again)."""

    default: Any
    doc: str
    check: Callable[[Any], str] = _no_check
    rebuild: Literal["", "env", "html"] = "env"

    def problem(self, value: Any) -> str:
        """What is wrong with *value*, or ""."""
        kind = type(self.default)
        if kind is int and (isinstance(value, bool) or not isinstance(value, int)):
            return f"must be a whole number, not {value!r}"
        if not isinstance(value, kind):
            return f"must be a {_NAMES.get(kind, kind.__name__)}, not {value!r}"
        return self.check(value)


_NAMES = {
    str: "string",
    list: "list",
    dict: "dict",
    int: "whole number",
    float: "number",
    tuple: "list",
    bool: "True or False",
}


def _date_format(value: str) -> str:
    if "87" not in datetime.date(1987, 6, 1).strftime(value):
        return (
            f"{value!r} shows no year: use a strftime format with %Y or %y, "
            "such as '%B %Y'"
        )
    return ""


def _strings_to_strings(key: str, value: str) -> Callable[[dict[Any, Any]], str]:
    def check(mapping: dict[Any, Any]) -> str:
        if all(isinstance(k, str) and isinstance(v, str) for k, v in mapping.items()):
            return ""
        return f"must map each {key} (a string) to {value} (a string)"

    return check


def _editions(value: dict[Any, Any]) -> str:
    for language, edition in value.items():
        name, url = (
            edition
            if isinstance(edition, (tuple, list)) and len(edition) == 2
            else (None, None)
        )
        if not (isinstance(name, str) and isinstance(url, str)):
            return (
                f"{language!r} must be given (name, address), such as "
                "('English', 'https://example.org/en/'), not "
                f"{edition!r}"
            )
        if urlsplit(url).scheme not in ("http", "https"):
            return f"{language!r}: the address {url!r} is not http(s)"
    return ""


def _nonempty(value: str) -> str:
    return "" if value.strip() else "is empty: give the word for an ongoing end date"


def _paper(value: str) -> str:
    if value in ("a4", "us-letter"):
        return ""
    return f"{value!r} is not a paper the PDF knows: use 'a4' or 'us-letter'"


def _pages(value: int) -> str:
    return "" if value >= 0 else "must be 0 (no limit) or more"


def _fonts(value: list[Any]) -> str:
    if value and all(isinstance(font, str) and font for font in value):
        return ""
    return "must list font family names, such as ['Libertinus Serif']"


def _numbers(value: str) -> str:
    if value in ("up", "down"):
        return ""
    return f"{value!r} is no way to number: use 'up' (1, 2...) or 'down' (... 2, 1)"


def _names(value: list[Any]) -> str:
    if all(isinstance(name, str) and name.strip() for name in value):
        return ""
    return "must list names as your publications write them, such as ['A. Lovelace']"


def _theme(value: str) -> str:
    from sphinx_cv.look import THEMES

    if value in THEMES:
        return ""
    return f"{value!r} is not a look: use one of {', '.join(THEMES)}"


def _look(value: dict[Any, Any]) -> str:
    import dataclasses

    from sphinx_cv.look import Look

    kinds = {f.name: type(getattr(Look(), f.name)) for f in dataclasses.fields(Look)}
    for name, given in value.items():
        if name not in kinds:
            return f"has no value {name!r}; values: {', '.join(kinds)}"
        kind = kinds[name]
        if kind is float:
            fits = isinstance(given, (int, float))
        elif kind is tuple:
            fits = isinstance(given, (list, tuple))
        else:
            fits = isinstance(given, kind)
        if not fits or isinstance(given, bool) is not (kind is bool):
            return (
                f"{name!r} must be a {_NAMES.get(kind, kind.__name__)}, not {given!r}"
            )
    return ""


def _template(value: str) -> str:
    if value and Path(value).suffix != ".typ":
        return "must name a Typst file (.typ), relative to conf.py"
    return ""


#: Each value of ours (the reference, made by sphinx_cv.reference, shows them).
VALUES: dict[str, Value] = {
    "cv_date_format": Value(
        "%B %Y",
        "how a month is shown, as strftime (%-m: the month unpadded); "
        "a year stands alone",
        _date_format,
    ),
    "cv_present": Value(
        "Present", "the word for an end date that has not come", _nonempty
    ),
    "cv_skill_aliases": Value(
        {},
        "other spellings of a skill, mapped to its name in the index",
        _strings_to_strings("spelling", "a skill name"),
    ),
    "cv_tags": Value(
        {},
        "the tags entries and bullets may carry, each with its meaning",
        _strings_to_strings("tag", "its meaning"),
    ),
    "cv_variants": Value(
        {},
        "versions of the CV selected by tags (``make variant V=NAME``)",
        rebuild="",
    ),
    "cv_variant": Value(
        "", "the version this build makes; empty for the full CV", rebuild=""
    ),
    "cv_editions": Value(
        {},
        "each language's edition: (name, address); the first is the source",
        _editions,
    ),
    "cv_downloads_dir": Value(
        "",
        "the folder of the files the site offers (sphinx-cv downloads); empty: "
        "downloads, beside the site's output folder",
        rebuild="html",
    ),
    "cv_filename": Value(
        "",
        "the name of the CV's files (PDF, Word, ePub...) without their "
        "suffix; empty: the person's, as ada-lovelace-cv",
        rebuild="",
    ),
    "cv_pdf_paper": Value(
        "a4", "the printed CV's paper: a4 or us-letter", _paper, rebuild=""
    ),
    "cv_pdf_pages": Value(
        2,
        "the most pages the full CV's PDF and Word file may take; 0 for no limit",
        _pages,
        rebuild="",
    ),
    "cv_pdf_fonts": Value(
        [
            "Libertinus Serif",
            "Noto Serif CJK SC",
            "Noto Sans Arabic",
            "Noto Sans Hebrew",
            "DejaVu Sans",
            "DejaVu Sans Mono",
            "Noto Color Emoji",
        ],
        "the PDF's font families, tried in order for each character; those a "
        "machine lacks are passed over",
        _fonts,
        rebuild="",
    ),
    "cv_author_names": Value(
        [],
        "your name as your publications write it, set apart among their "
        "authors; empty: the person's surname and first initial",
        _names,
    ),
    "cv_et_al": Value(
        10,
        "the most authors a publication names before et al. (yours kept in "
        "view); 0 names all",
        _pages,
    ),
    "cv_publication_numbers": Value(
        "up",
        "how lists of publications are numbered: up (1, 2...) or down (..., 2, 1)",
        _numbers,
    ),
    "cv_letter": Value(
        "",
        "the letter this build sets (letters/NAME.md; make letter L=NAME); "
        "empty: the CV, which reads no letter",
    ),
    "cv_theme": Value(
        "classic",
        "the look of the PDF, the Word file and the printed page "
        "(sphinx-cv themes lists them)",
        _theme,
        rebuild="",
    ),
    "cv_look": Value(
        {},
        "values of the look set otherwise than the theme's: accent, size, "
        "margins (top, bottom, side), pdf_fonts...",
        _look,
        rebuild="",
    ),
    "cv_photo": Value(
        False,
        "whether the PDF and the Word file show the person's :photo: (off: "
        "résumé parsers misread pictures, and many countries' employers "
        "must not ask for one)",
        rebuild="",
    ),
    "cv_pdf_template": Value(
        "", "a Typst template of the project's own, for the PDF", _template, rebuild=""
    ),
}


def init_config(app: Sphinx, config: Config) -> None:
    """Check every value, then derive what depends on them, in order."""
    for name, value in VALUES.items():
        problem = value.problem(getattr(config, name))
        if problem:
            warn(Problem.CONFIG, "%s %s", name, problem, location=conf_line(app, name))
            setattr(config, name, value.default)
    variants.check_variants(config, conf_line(app, "cv_variants"))
    editions.set_address(config)
    epub.tag_language(config)
    catalogs.compile_catalogs(app)


def setup_config(app: Sphinx) -> None:
    for name, value in VALUES.items():
        kinds = frozenset({type(value.default)})
        app.add_config_value(name, value.default, value.rebuild, types=kinds)
    app.connect("config-inited", init_config)
