"""Versions of the CV from one source: what each declares it keeps.

``cv_variants`` in conf.py names each version; ``-D cv_variant=NAME``
builds one. A version selects and never rewrites: it keeps the pages of its
``sections``, the entries tagged with one of its ``entries`` tags, then the
entries of ``fill`` in order while they fit, and, if it names
``highlights`` tags, drops the bullets tagged with none of them (an untagged
bullet stays). This is what a version declares, checked; the one selection
that applies it, after every page is read, is
:mod:`sphinx_cv.printed.select`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from anyascii import anyascii

from sphinx_cv.diagnostics import warn
from sphinx_cv.problems import Problem

if TYPE_CHECKING:
    from sphinx.config import Config

#: Each setting of a variant: its type, whether it must be given, and what it is.
SETTINGS: dict[str, tuple[type, bool, str]] = {
    "title": (str, True, "what the version is, in the PDF's title"),
    "filename": (str, True, "the name of its files, without their suffix"),
    "pages": (int, True, "the most pages it may take"),
    "sections": (list, True, "the pages it shows, as docnames; X/index shows X/*"),
    "entries": (list, True, "the tags whose entries it keeps"),
    "fill": (list, False, "entry ids to add, in order, while they fit"),
    "highlights": (list, False, "the tags whose tagged bullets it keeps"),
}


@dataclass(frozen=True)
class Variant:
    """One version of the CV, as ``cv_variants`` declares it."""

    name: str
    title: str
    filename: str
    pages: int
    sections: tuple[str, ...]
    entries: tuple[str, ...]
    fill: tuple[str, ...] = ()
    highlights: tuple[str, ...] | None = None

    @classmethod
    def parse(cls, name: str, data: Any, tags: dict[str, str]) -> Variant:
        """The variant *name* declares; ValueError says what is wrong."""
        if not isinstance(data, dict):
            raise ValueError("must be a dict of settings")
        unknown = sorted(set(data) - set(SETTINGS))
        if unknown:
            raise ValueError(
                f"has no setting {unknown[0]!r}; settings: {', '.join(SETTINGS)}"
            )
        for key, (kind, required, meaning) in SETTINGS.items():
            if required and key not in data:
                raise ValueError(f"needs {key!r}: {meaning}")
            if key in data and not isinstance(data[key], kind):
                raise ValueError(f"{key!r} must be a {kind.__name__}: {meaning}")
        if data["pages"] < 1:
            raise ValueError("'pages' must be 1 or more")
        for key in ("entries", "highlights"):
            for tag in data.get(key, []):
                if tag not in tags:
                    raise ValueError(
                        f"{key!r} names the tag {tag!r}, which cv_tags does not "
                        f"declare ({', '.join(tags) or 'none'})"
                    )
        highlights = data.get("highlights")
        return cls(
            name=name,
            title=data["title"],
            filename=data["filename"],
            pages=data["pages"],
            sections=tuple(data["sections"]),
            entries=tuple(data["entries"]),
            fill=tuple(data.get("fill", [])),
            highlights=None if highlights is None else tuple(highlights),
        )

    def shows(self, docname: str, root: str) -> bool:
        """Whether the page *docname* is part of this version."""
        return docname == root or any(
            docname == section
            or (section.endswith("/index") and docname.startswith(section[:-5]))
            for section in self.sections
        )

    def keeps_entry(self, entry_id: str, tags: tuple[str, ...]) -> bool:
        """Whether the entry is in the version, or may be (``fill``)."""
        return entry_id in self.fill or bool(set(tags) & set(self.entries))

    def keeps_highlight(self, tags: tuple[str, ...]) -> bool:
        return (
            not tags
            or self.highlights is None
            or bool(set(tags) & set(self.highlights))
        )


def active(config: Config) -> Variant | None:
    """The variant this build makes, or None for the full CV (or for one
    that conf.py does not declare, which :func:`check_variants` reports)."""
    if config.cv_variant not in config.cv_variants:
        return None
    return Variant.parse(
        config.cv_variant, config.cv_variants[config.cv_variant], config.cv_tags
    )


def filename(config: Config, person: str = "") -> str:
    """The name, without its suffix, of every file a build writes of the
    CV: the version's own, or ``cv_filename``, or the *person*'s (the
    project's, before the pages are read), as ``ada-lovelace-cv``. The
    PDF, the Word file and the ePub of one CV are named alike by it."""
    variant = active(config)
    if variant is not None:
        return variant.filename
    if config.cv_filename:
        return str(config.cv_filename)
    return named(person or config.project)


def named(name: str) -> str:
    """The files of the CV of the person *name*: ``ada-lovelace-cv``, in
    ASCII by transliteration (``mariano-martin-fresno-cv``,
    ``lukasz-nowak-cv`` for Łukasz Nowak), so that every system can hold them."""
    ascii_name = anyascii(name).casefold()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name).strip("-") + "-cv"


def check_variants(config: Config, where: str) -> None:
    """Leave out each malformed variant, with a warning at *where* (its
    line of conf.py); a version to build that is not declared is an error
    there, and the printed builders then write nothing."""
    for name, data in list(config.cv_variants.items()):
        try:
            Variant.parse(name, data, config.cv_tags)
        except ValueError as error:
            warn(Problem.CONFIG, "cv_variants: %r %s", name, error, location=where)
            del config.cv_variants[name]
    if config.cv_variant and config.cv_variant not in config.cv_variants:
        known = ", ".join(config.cv_variants) or "none"
        warn(
            Problem.CONFIG,
            "no variant %r: cv_variants in conf.py declares %s",
            config.cv_variant,
            known,
            location=where,
            stop=True,
        )
