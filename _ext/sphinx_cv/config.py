"""The extension's configuration values, checked when the build starts."""

from __future__ import annotations

import datetime
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sphinx.util import logging

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

logger = logging.getLogger(__name__)


def location(app: Sphinx, name: str) -> str:
    """Where conf.py sets *name* (``path:line``), for a message that points
    at it; the build environment, which knows documents, does not exist yet."""
    conf = Path(app.confdir) / "conf.py"
    lines = conf.read_text(encoding="utf-8").splitlines() if conf.is_file() else []
    for number, line in enumerate(lines, start=1):
        if re.match(rf"{name}\s*=", line):
            return f"{conf}:{number}"
    return str(conf)


def _problems(config: Config) -> dict[str, str]:
    problems = {}
    sample = datetime.date(1987, 6, 1).strftime(config.cv_date_format)
    if "87" not in sample:
        problems["cv_date_format"] = (
            f"{config.cv_date_format!r} shows no year: use a strftime format "
            "with %Y or %y, such as '%B %Y'"
        )
    if not config.cv_present.strip():
        problems["cv_present"] = "is empty: give the word for an ongoing end date"
    if config.cv_pdf_paper not in ("a4", "us-letter"):
        problems["cv_pdf_paper"] = (
            f"{config.cv_pdf_paper!r} is not a paper the PDF knows: "
            "use 'a4' or 'us-letter'"
        )
    if config.cv_pdf_template and Path(config.cv_pdf_template).suffix != ".typ":
        problems["cv_pdf_template"] = (
            "must name a Typst file (.typ), relative to conf.py"
        )
    aliases = config.cv_skill_aliases
    if not all(isinstance(k, str) and isinstance(v, str) for k, v in aliases.items()):
        problems["cv_skill_aliases"] = (
            "must map each spelling (a string) to a skill name (a string)"
        )
    return problems


def check_config(app: Sphinx, config: Config) -> None:
    """Warn of each bad value, then build with its default instead."""
    for name, problem in _problems(config).items():
        logger.warning(
            "%s %s",
            name,
            problem,
            type="cv",
            subtype="config",
            location=location(app, name),
        )
        setattr(config, name, DEFAULTS[name])


#: Each value of ours: its default, and what it says (the reference, made by
#: sphinx_cv.reference, shows both).
VALUES: dict[str, tuple[Any, str]] = {
    "cv_date_format": (
        "%B %Y",
        "how a month is shown, as strftime (%-m: the month unpadded); "
        "a year stands alone",
    ),
    "cv_present": ("Present", "the word for an end date that has not come"),
    "cv_skill_aliases": (
        {},
        "other spellings of a skill, mapped to its name in the index",
    ),
    "cv_tags": ({}, "the tags entries and bullets may carry, each with its meaning"),
    "cv_variants": (
        {},
        "versions of the CV selected by tags (``make variant V=NAME``)",
    ),
    "cv_variant": ("", "the version this build makes; empty for the full CV"),
    "cv_pdf_filename": (
        "",
        "the PDF's file name without .pdf; empty: the person's, as name-cv",
    ),
    "cv_pdf_paper": ("a4", "the PDF's paper: a4 or us-letter"),
    "cv_pdf_pages": (2, "the most pages the full CV's PDF may take; 0 for no limit"),
    "cv_pdf_fonts": (
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
    ),
    "cv_pdf_template": ("", "a Typst template of the project's own, for the PDF"),
    "cv_editions": (
        {},
        "each language's edition: (name, address); the first is the source",
    ),
}
DEFAULTS: dict[str, Any] = {name: default for name, (default, _) in VALUES.items()}


def setup_config(app: Sphinx) -> None:
    for name, default in DEFAULTS.items():
        app.add_config_value(name, default, "env", types=frozenset({type(default)}))
    app.connect("config-inited", check_config)
