"""Cover letters: pages of ``letters/``, set in the CV's look, never published.

A letter is a MyST page in ``letters/`` holding one ``cv:letter``: to whom
(``:recipient:``, ``:role:``, ``:organisation:``, ``:address:``), the
``:date:``, the ``:subject:``, the ``:salutation:``, the body, the
``:closing:`` and the ``:signature:`` (the person's name by default), and
the version of the CV it goes with (``:version:``). The sender's head is
the CV's own: the person's name and contact line.

No build of the CV reads a letter: ``letters`` is left out of every build
but a letter's own (``cv_letter``, which ``sphinx-cv letters`` sets), so no
site, search index, sitemap, ePub, download or export holds one. That
build reads the CV's pages too, so that the head and ``{cv:entry}`` links
(read as plain text) come from the CV, and the printed builders set the
letter as a one-page PDF and Word file (:mod:`sphinx_cv.printed.builder`).
"""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from docutils import nodes

from sphinx_cv import model
from sphinx_cv.directives import ValidatedDirective
from sphinx_cv.domain import CVDomain
from sphinx_cv.i18n import context
from sphinx_cv.problems import Problem

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

#: The folder of a project's letters.
FOLDER = "letters"


def _text(doc: str) -> model.Field:
    return model.Field(model.parse_text, doc)


class LetterDirective(ValidatedDirective):
    """``cv:letter``: a cover letter's parts; its body is the letter."""

    own_fields: ClassVar[dict[str, model.Field]] = {
        "recipient": _text("the person it is written to"),
        "subject": _text("what it is about: the position, its reference"),
        "salutation": _text("how it opens (Dear Ms Hopper,)"),
        "closing": _text("how it ends (Yours sincerely,)"),
        "signature": _text("the name it is signed with; the person's by default"),
        "version": _text("the version of the CV it goes with (cv_variants)"),
    }
    fields = (
        (),
        (
            "recipient",
            "role",
            "organisation",
            "address",
            "date",
            "subject",
            "salutation",
            "closing",
            "signature",
            "version",
        ),
    )
    takes_body = True

    def run(self) -> list[nodes.Node]:
        fields = self.validate(self.name)
        if fields is None:
            return []
        version = fields.get("version")
        if version and version not in self.config.cv_variants:
            self._warn(
                f"{self.name}: :version: {version!r} is not a version of "
                f"cv_variants ({', '.join(self.config.cv_variants) or 'none'})",
                Problem.VALUE,
                self.option_line("version"),
            )
        letter = nodes.container(classes=["cv-letter"])
        self.set_source_info(letter)
        when = fields.get("date")
        if when is not None:
            letter += _part(_said(when, self.config))
        to = [fields[name] for name in _TO if fields.get(name)]
        for number, line in enumerate(to):
            letter += _part(line) if not number else _line(line)
        if fields.get("subject"):
            subject = _part("")
            subject += nodes.strong(fields["subject"], fields["subject"])
            letter += subject
        if fields.get("salutation"):
            letter += _part(fields["salutation"])
        for block in self.parse_content_to_nodes(allow_section_headings=False):
            if isinstance(block, nodes.paragraph):
                block["classes"].append(PART)
            letter += block
        if fields.get("closing"):
            letter += _part(fields["closing"])
        person = CVDomain.of(self.env).person
        signature = fields.get("signature") or (person.name if person else "")
        if signature:
            letter += _part(signature)
        letter["cv-subject"] = fields.get("subject", "")
        return [letter]


#: The class of a paragraph that opens a part of a letter: a line's space
#: before it, in print.
PART = "cv-letter-part"
#: The recipient's lines, in the order an address is written.
_TO = ("recipient", "role", "organisation", "address")


def _line(text: str) -> nodes.paragraph:
    return nodes.paragraph(text, text)


def _part(text: str) -> nodes.paragraph:
    return nodes.paragraph(text, text, classes=[PART])


def _said(when: model.When, config: Config) -> str:
    """A letter's date as the language says a day (6 December 2026)."""
    if isinstance(when, model.PartialDate) and when.day is not None:
        from babel.dates import format_date

        day = datetime.date(when.year, when.month or 1, when.day)
        return str(format_date(day, "long", locale=config.language or "en"))
    said = context(config)
    return when.format(said.date_format, said.locale)


def letters(confdir: Path) -> list[str]:
    """The names of the project's letters (``letters/acme.md``: acme)."""
    folder = confdir / FOLDER
    return sorted(p.stem for p in folder.glob("*.md")) if folder.is_dir() else []


def leave_out(app: Sphinx, config: Config) -> None:
    """No build reads a letter but the letter's own, which reads no other."""
    chosen = config.cv_letter
    others = [name for name in letters(Path(app.confdir)) if name != chosen]
    if not chosen:
        config.exclude_patterns = [*config.exclude_patterns, FOLDER]
        return
    config.exclude_patterns = [
        *config.exclude_patterns,
        *(f"{FOLDER}/{name}.md" for name in others),
    ]


def setup_letters(app: Sphinx) -> None:
    app.add_directive_to_domain("cv", "letter", LetterDirective)
    app.connect("config-inited", leave_out)


def is_letter(config: Config) -> bool:
    """Whether this build sets a letter."""
    return bool(config.cv_letter)


def docname(config: Config) -> str:
    return f"{FOLDER}/{config.cv_letter}"


def subject(tree: nodes.document) -> str:
    """What the letter is about, as its directive gave it."""
    for found in tree.findall(nodes.container):
        if "cv-letter" in found["classes"]:
            return str(found.get("cv-subject", ""))
    return ""
