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
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from sphinx_cv import model
from sphinx_cv.render import render_entry

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


class EntryDirective(SphinxDirective):
    """A CV entry: typed options for its facts, a body of highlights."""

    kind: ClassVar[str]
    required_arguments = 1
    has_content = True
    option_spec: ClassVar[dict[str, Any]]

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        required, optional = model.KINDS[cls.kind]
        cls.option_spec = _OpenOptionSpec.fromkeys(required + optional, _raw)

    def run(self) -> list[nodes.Node]:
        entry_id = self.arguments[0]
        fields = self._validate(entry_id)
        container = nodes.container()
        self.set_source_info(container)
        body = self.parse_content_to_nodes(allow_section_headings=False)
        if fields is None:
            container += body
            return [container]
        entry = model.Entry(
            kind=self.kind,
            id=entry_id,
            docname=self.env.docname,
            lineno=self.lineno,
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

    def _validate(self, entry_id: str) -> dict[str, Any] | None:
        """The parsed options, or None after warning about each problem."""
        who = f"{self.name} {entry_id!r}"
        required, optional = model.KINDS[self.kind]
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
                self._warn(
                    f"{who}: :{name}: {error}", SUBTYPES.get(name, "value"), line
                )
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


ENTRY_DIRECTIVES: dict[str, type[EntryDirective]] = {
    cls.kind: cls
    for cls in (
        WorkDirective,
        EducationDirective,
        ProjectDirective,
        TeachingDirective,
        AwardDirective,
    )
}
