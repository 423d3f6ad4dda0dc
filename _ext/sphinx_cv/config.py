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


#: The values of ours and their defaults:
#: how every date is shown (strftime for months; years stand alone), the word
#: for an end that has not come, and other spellings of a skill mapped to the
#: name the Skills section uses; the tags entries and bullets may carry (tag:
#: meaning), the versions of the CV (see sphinx_cv.variants), the version
#: this build makes ("" for the full CV), and how many of its fill entries;
#: the editions in other languages (language: (name, address); the first is
#: the source, see sphinx_cv.editions).
DEFAULTS: dict[str, Any] = {
    "cv_date_format": "%B %Y",
    "cv_present": "Present",
    "cv_skill_aliases": {},
    "cv_tags": {},
    "cv_variants": {},
    "cv_variant": "",
    "cv_fill": -1,
    "cv_editions": {},
}


def setup_config(app: Sphinx) -> None:
    for name, default in DEFAULTS.items():
        app.add_config_value(name, default, "env", types=frozenset({type(default)}))
    app.connect("config-inited", check_config)
