"""Entry directives: ``cv:work``, ``cv:education``, ``cv:project``,
``cv:teaching`` and ``cv:award``.

Each validates its options against :data:`sphinx_cv.model.FIELDS` and
:data:`sphinx_cv.model.KINDS`, reports every problem as a ``cv`` warning at
the file and line of the offending option, records the entry in the ``cv``
domain and renders it from the recorded data.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, ClassVar, cast

from docutils import nodes
from sphinx import addnodes
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from sphinx_cv import model
from sphinx_cv.render import render_contacts, render_entry

if TYPE_CHECKING:
    from sphinx_cv.domain import CVDomain

logger = logging.getLogger(__name__)

#: The warning subtype for a bad value of each option; ``value`` otherwise.
SUBTYPES = {
    "start": "date",
    "end": "date",
    "expected": "date",
    "years": "date",
    "skills": "skills",
    "url": "url",
}


def _raw(value: str | None) -> str:
    return "" if value is None else value


class _OpenOptionSpec(dict[str, Any]):
    """An option spec that lets every option through to :meth:`run`.

    The parser would reject an unknown or malformed option with a message of
    its own type; passing them through lets the directive report them as
    ``cv`` warnings saying which options and values it accepts.
    """

    def __missing__(self, key: str) -> Any:
        return _raw


class ValidatedDirective(SphinxDirective):
    """A directive whose options are typed :data:`sphinx_cv.model.FIELDS`."""

    #: The options it takes: (required, optional).
    fields: ClassVar[tuple[tuple[str, ...], tuple[str, ...]]]
    option_spec: ClassVar[dict[str, Any]]

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if hasattr(cls, "fields"):
            required, optional = cls.fields
            cls.option_spec = _OpenOptionSpec.fromkeys(required + optional, _raw)

    def _warn(self, message: str, subtype: str, lineno: int) -> None:
        logger.warning(
            message,
            type="cv",
            subtype=subtype,
            location=(self.env.docname, lineno),
        )

    def _option_line(self, name: str) -> int:
        """The source line of option *name*, or the directive's own line."""
        pattern = re.compile(rf"\s*:{re.escape(name)}:")
        for offset, line in enumerate(self.block_text.splitlines()):
            if pattern.match(line):
                return self.lineno + offset
        return self.lineno

    def validate(self, who: str) -> dict[str, Any] | None:
        """The parsed options, or None after warning about each problem."""
        required, optional = self.fields
        accepted = ", ".join(f":{name}:" for name in required + optional)
        fields: dict[str, Any] = {}
        ok = True
        for name, raw in self.options.items():
            line = self._option_line(name)
            if name not in required + optional:
                self._warn(
                    f"{who}: unknown option :{name}:; accepted: {accepted}",
                    "option",
                    line,
                )
                ok = False
                continue
            try:
                fields[name] = model.FIELDS[name].parse(raw)
            except ValueError as error:
                subtype = SUBTYPES.get(name, "value")
                self._warn(f"{who}: :{name}: {error}", subtype, line)
                ok = False
        for name in required:
            if name not in self.options:
                self._warn(
                    f"{who}: missing required option :{name}: "
                    f"({model.FIELDS[name].doc})",
                    "missing",
                    self.lineno,
                )
                ok = False
        try:
            model.check_dates(fields)
        except ValueError as error:
            self._warn(f"{who}: {error}", "date", self._option_line("end"))
            ok = False
        return fields if ok else None


class EntryDirective(ValidatedDirective):
    """A CV entry: typed options for its facts, a body of highlights."""

    kind: ClassVar[str]
    required_arguments = 1
    has_content = True

    def __init_subclass__(cls, **kwargs: Any) -> None:
        cls.fields = model.KINDS[cls.kind]
        super().__init_subclass__(**kwargs)

    def run(self) -> list[nodes.Node]:
        entry_id = self.arguments[0]
        fields = self.validate(f"{self.name} {entry_id!r}")
        container = nodes.container()
        self.set_source_info(container)
        body = self.parse_content_to_nodes(allow_section_headings=False)
        if fields is None:
            container += body
            return [container]
        summary, highlights = export_text(body)
        entry = model.Entry(
            kind=self.kind,
            id=entry_id,
            docname=self.env.docname,
            lineno=self.lineno,
            summary=summary,
            highlights=highlights,
            **{
                model.ATTRIBUTE.get(name, name): value for name, value in fields.items()
            },
        )
        domain = cast("CVDomain", self.env.domains["cv"])
        if not domain.note_entry(entry, self.get_location()):
            container += body
            return [container]
        # The anchor is a target of its own: LaTeX labels targets, not divs.
        target = nodes.target("", "", ids=[entry.anchor])
        self.state.document.note_explicit_target(target)
        container += target
        render_entry(container, entry, body, self.config)
        return [container]


class PersonDirective(ValidatedDirective):
    """``cv:person``: whose CV it is; renders the contact line."""

    fields = model.PERSON_FIELDS

    def run(self) -> list[nodes.Node]:
        fields = self.validate(self.name)
        if fields is None:
            return []
        person = model.Person(docname=self.env.docname, lineno=self.lineno, **fields)
        domain = cast("CVDomain", self.env.domains["cv"])
        if not domain.note_person(person, self.get_location()):
            return []
        contacts = render_contacts(person)
        self.set_source_info(contacts)
        return [contacts]


def _text(node: nodes.Node) -> str:
    """Plain text of *node* without citation marks (``[1]``), for exports."""
    if isinstance(node, nodes.Text):
        return str(node)
    if isinstance(node, addnodes.pending_xref) and node.get("refdomain") == "cite":
        return ""
    if isinstance(node, nodes.Element):
        return "".join(_text(child) for child in node.children)
    return ""


def _plain(node: nodes.Node) -> str:
    """One line of text; no space left before punctuation by a dropped mark."""
    return re.sub(r"\s+([.,;:])", r"\1", " ".join(_text(node).split()))


def export_text(body: list[nodes.Node]) -> tuple[str, tuple[str, ...]]:
    """An entry body's prose (its summary) and its bullets (its highlights)."""
    summary, highlights = [], []
    for node in body:
        if isinstance(node, nodes.paragraph):
            summary.append(_plain(node))
        elif isinstance(node, nodes.bullet_list):
            highlights += [_plain(item) for item in node.children]
    return " ".join(summary), tuple(highlights)


class WorkDirective(EntryDirective):
    kind = "work"


class EducationDirective(EntryDirective):
    kind = "education"


class ProjectDirective(EntryDirective):
    kind = "project"


class TeachingDirective(EntryDirective):
    kind = "teaching"


class AwardDirective(EntryDirective):
    kind = "award"


ENTRY_DIRECTIVES: dict[str, type[SphinxDirective]] = {
    cls.kind: cls
    for cls in (
        WorkDirective,
        EducationDirective,
        ProjectDirective,
        TeachingDirective,
        AwardDirective,
    )
}
ENTRY_DIRECTIVES["person"] = PersonDirective
