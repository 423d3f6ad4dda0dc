"""Versions of the CV from one source: what a variant keeps of it.

``cv_variants`` in conf.py names each version; ``-D cv_variant=NAME`` builds
one, fitted to its pages by the PDF builder (:mod:`sphinx_cv.pdf`).
A variant selects and never rewrites: it keeps the pages of its
``sections``, the entries tagged with one of its ``entries`` tags, then the
entries of ``fill`` in order while they fit, and, if it names
``highlights`` tags, drops the bullets tagged with none of them (an untagged
bullet stays). An entry or a bullet it drops is never read, so its skills,
labels and citations are gone with it; a link to it reads as plain text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from docutils import nodes
from docutils.statemachine import StringList
from sphinx import addnodes
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import logging
from sphinx.util.docutils import SphinxRole

from sphinx_cv import model
from sphinx_cv.diagnostics import warn
from sphinx_cv.printed import FORMATS, classed
from sphinx_cv.problems import Problem
from sphinx_cv.render import replace_text

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config
    from sphinx.environment import BuildEnvironment

logger = logging.getLogger(__name__)

#: Each setting of a variant: its type, whether it must be given, and what it is.
SETTINGS: dict[str, tuple[type, bool, str]] = {
    "title": (str, True, "what the version is, in the PDF's title"),
    "filename": (str, True, "the PDF's name, without .pdf"),
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
    """The variant this build makes, or None for the full CV."""
    if not config.cv_variant:
        return None
    return Variant.parse(
        config.cv_variant, config.cv_variants[config.cv_variant], config.cv_tags
    )


def keeps_entry(
    config: Config, entry_id: str, tags: tuple[str, ...], docname: str
) -> bool:
    """Whether the build reads this entry: always, for the full CV; in a
    version, its fill entries too (the PDF builder keeps those that fit)."""
    variant = active(config)
    if variant is None:
        return True
    return variant.shows(docname, config.root_doc) and variant.keeps_entry(
        entry_id, tags
    )


# -- Tagged bullets ------------------------------------------------------------

#: A bullet that opens with its tags: ``- {cv:tags}`systems` Built ...``.
_TAGGED = re.compile(r"\s*[-*+]\s+\{cv:tags\}`(?P<tags>[^`]*)`")
_BULLET = re.compile(r"\s*[-*+]\s")


def drop_highlights(content: StringList, config: Config) -> StringList:
    """*content* with the bullets this build drops blanked out.

    Blank lines keep every other line where it was, so that a message about
    the content still names its line; the parser then never sees the text
    of a dropped bullet, nor its citations.
    """
    variant = active(config)
    if variant is None:
        return content
    lines = list(content)
    dropping = False
    indent = 0
    for number, line in enumerate(lines):
        tagged = _TAGGED.match(line)
        if tagged or _BULLET.match(line):
            indent = len(line) - len(line.lstrip())
            tags = model.split_list(tagged["tags"]) if tagged else ()
            dropping = not variant.keeps_highlight(tags)
        elif line.strip() and len(line) - len(line.lstrip()) <= indent:
            dropping = False  # the list has ended
        if dropping:
            lines[number] = ""
    return StringList(lines, items=content.items)


def unknown_tags(tags: tuple[str, ...], config: Config) -> str:
    """A message naming the tags cv_tags does not declare, or ""."""
    unknown = [tag for tag in tags if tag not in config.cv_tags]
    if not unknown:
        return ""
    declared = ", ".join(config.cv_tags) or "none"
    return f"unknown tag {unknown[0]!r}: cv_tags in conf.py declares {declared}"


class TagsRole(SphinxRole):
    """``{cv:tags}`systems, backend``` at the start of a bullet: which
    versions of the CV keep it. It shows nothing."""

    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        try:
            problem = unknown_tags(model.split_list(self.text), self.config)
        except ValueError as error:
            problem = str(error)
        if problem:
            warn(Problem.TAGS, "cv:tags: %s", problem, location=self.get_location())
        return [], []


# -- The printed variant ---------------------------------------------------------


class PrintVariant(SphinxPostTransform):
    """Leave out of the printed variant what it does not show: the pages
    outside its sections, prose outside entries, each entry's skills and
    address line, and, without the page of its references, the bibliography
    and the citation marks.
    Links into what is left out read as plain text."""

    default_priority = 790  # before PrintLayout drops the pages left empty
    formats = FORMATS

    def run(self, **kwargs: Any) -> None:
        variant = active(self.config)
        if variant is None:
            return
        root = self.config.root_doc
        hidden = {doc for doc in self.env.found_docs if not variant.shows(doc, root)}
        parts = list(self.document.findall(addnodes.start_of_file))
        # The pages the bibliography is on: those with the citations.
        cited = {part["docname"] for part in parts if part.next_node(nodes.citation)}
        for part in parts:
            if part["docname"] in hidden:
                part.parent.remove(part)
        for paragraph in list(self.document.findall(nodes.paragraph)):
            classes = paragraph["classes"]
            if "cv-entry-details" in classes or _is_prose(paragraph):
                paragraph.parent.remove(paragraph)
        if cited <= hidden:
            for mark in classed(self.document, "bibtex-citation"):
                before = mark.previous_sibling()
                if isinstance(before, nodes.Text):
                    replace_text(before, nodes.Text(before.rstrip()))
                mark.parent.remove(mark)
        for reference in list(self.document.findall(nodes.reference)):
            target = reference.get("refuri", "")
            if target.startswith("%") and target[1:].split("#")[0] in hidden:
                reference.replace_self(reference.children)


def _is_prose(paragraph: nodes.paragraph) -> bool:
    """Text written on a page outside any entry (a summary, a note)."""
    return isinstance(paragraph.parent, nodes.section)


def plain_text_for_dropped(
    app: Sphinx,
    env: BuildEnvironment,
    node: addnodes.pending_xref,
    contnode: nodes.Element,
) -> nodes.Element | None:
    """In a variant, a link to an entry or skill it dropped is plain text."""
    if active(app.config) is not None and node.get("refdomain") == "cv":
        return contnode
    return None


def check_variants(config: Config, where: str) -> None:
    """Leave out each malformed variant, with a warning at *where* (its
    line of conf.py); stop the build if the one to build is not declared."""
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
        raise SystemExit(2)


def setup_variants(app: Sphinx) -> None:
    app.add_role_to_domain("cv", "tags", TagsRole())
    app.add_post_transform(PrintVariant)
    app.connect("missing-reference", plain_text_for_dropped)
