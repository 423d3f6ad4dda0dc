"""The directives that state the CV: its entries, its items and its person.

One directive a type of :mod:`sphinx_cv.entries` (``cv:work``,
``cv:skill``...): each validates its options against the type's and
:data:`sphinx_cv.model.FIELDS`, reports every problem as a ``cv`` warning at
the file and line of the offending option, records the entry in the ``cv``
domain and renders it from the recorded data. What a version of the CV
keeps is no business of theirs: every entry is read, always
(:mod:`sphinx_cv.printed.select` chooses, after reading).
"""

from __future__ import annotations

import difflib
import re
from typing import Any, ClassVar

from docutils import nodes
from sphinx import addnodes
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util.docutils import SphinxDirective

from sphinx_cv import entries, i18n, model, tags
from sphinx_cv.diagnostics import warn
from sphinx_cv.domain import CVDomain
from sphinx_cv.i18n import _
from sphinx_cv.problems import Problem
from sphinx_cv.render import render_contacts, render_entry, render_item

#: An option line, ``:name: value``, as MyST and reStructuredText write it.
_OPTION = re.compile(r"\s*:(?!:)(?P<name>[^:\s]*):(?:\s+(?P<value>.*?))?\s*")


class ValidatedDirective(SphinxDirective):
    """A directive whose options are typed :data:`sphinx_cv.model.FIELDS`.

    It reads its options itself, verbatim, from the ``:name: value`` lines
    that open its body. With no ``option_spec`` the parser leaves those lines
    in the content: MyST would otherwise read a value as YAML, and cut
    ``Engineer #2`` at the ``#``, take the quotes off ``"Engineer"`` and drop
    the whole entry for ``"Chief" Engineer``. Unknown and malformed options
    are reported as ``cv`` warnings that say what is accepted.
    """

    #: The options it takes: (required, optional).
    fields: ClassVar[tuple[tuple[str, ...], tuple[str, ...]]]
    #: Options of which it needs one at least (an employer or a role).
    one_of: ClassVar[tuple[str, ...]] = ()
    #: Options of its own, besides the model's (a view's ``:entries:``).
    own_fields: ClassVar[dict[str, model.Field]] = {}
    #: Whether text may follow the options.
    takes_body: ClassVar[bool] = False
    option_spec = None
    has_content = True
    body_line = 0
    option_lines: dict[str, int]

    def _warn(self, message: str, problem: Problem, lineno: int) -> None:
        warn(problem, "%s", message, location=(self.env.docname, lineno))
        CVDomain.of(self.env).note_problem(self.env.docname, lineno, problem, message)

    def _take_options(self, who: str) -> tuple[dict[str, tuple[str, int]], bool]:
        """Take the option lines off the content: ({name: (value, line)}, ok).

        :attr:`body_line` is then the source line of what follows them."""
        options: dict[str, tuple[str, int]] = {}
        ok = True
        count = 0
        # The block's text starts at the directive's own line, in MyST and in
        # reStructuredText alike (their content offsets count differently).
        block = [line.strip() for line in self.block_text.splitlines()]
        head = self.content[0].strip() if self.content else ""
        first = next((n for n, line in enumerate(block) if n and line == head), 1)
        for line in self.content:
            match = _OPTION.fullmatch(line)
            if match is None:  # a nested fence (":::") does not match either
                break
            lineno = self.lineno + first + count
            if match["name"] in options:
                earlier = options[match["name"]][1]
                self._warn(
                    f"{who}: option :{match['name']}: given twice (first at "
                    f"line {earlier}); give each option once",
                    Problem.OPTION,
                    lineno,
                )
                ok = False
            options.setdefault(match["name"], (match["value"] or "", lineno))
            count += 1
        # One blank line may part the options from the body.
        if count and count < len(self.content) and not self.content[count].strip():
            count += 1
        self.content = self.content[count:]
        self.content_offset += count
        self.body_line = self.lineno + first + count
        return options, ok

    def field(self, name: str) -> model.Field:
        return self.own_fields.get(name) or model.FIELDS[name]

    def option_line(self, name: str) -> int:
        """The source line of option *name*, or the directive's own line."""
        return self.option_lines.get(name, self.lineno)

    def validate(self, who: str) -> dict[str, Any] | None:
        """The parsed options, or None after warning about each problem."""
        options, ok = self._take_options(who)
        self.option_lines = {name: line for name, (_, line) in options.items()}
        required, optional = self.fields
        accepted = ", ".join(f":{name}:" for name in required + optional)
        fields: dict[str, Any] = {}
        for name, (raw, line) in options.items():
            if name not in required + optional:
                guess = difflib.get_close_matches(name, required + optional, 1, 0.7)
                meant = f"did you mean :{guess[0]}:? " if guess else ""
                self._warn(
                    f"{who}: unknown option :{name}:; {meant}accepted: {accepted}",
                    Problem.OPTION,
                    line,
                )
                ok = False
                continue
            field = self.field(name)
            try:
                fields[name] = field.parse(raw)
            except ValueError as error:
                self._warn(f"{who}: :{name}: {error}", field.subtype, line)
                ok = False
        for name in required:
            if name not in options:
                self._warn(
                    f"{who}: missing required option :{name}: ({self.field(name).doc})",
                    Problem.MISSING,
                    self.lineno,
                )
                ok = False
        if self.one_of and not any(name in options for name in self.one_of):
            self._warn(
                f"{who}: needs one of {entries.one_of(self.one_of)}",
                Problem.MISSING,
                self.lineno,
            )
            ok = False
        try:
            model.check_dates(fields)
        except ValueError as error:
            self._warn(f"{who}: {error}", Problem.DATE, self.option_line("end"))
            ok = False
        if self.content and not self.takes_body:
            self._warn(
                f"{who}: takes no text after its options; "
                "write each option as ':name: value' on a line of its own",
                Problem.OPTION,
                self.body_line,
            )
            ok = False
        return fields if ok else None


class EntryDirective(ValidatedDirective):
    """A CV entry of one type: typed options for its facts, a body of
    prose and highlights."""

    type: ClassVar[entries.EntryType]
    required_arguments = 1
    takes_body = True

    def __init_subclass__(cls, **kwargs: Any) -> None:
        cls.fields = (cls.type.required, cls.type.optional)
        cls.one_of = cls.type.one_of
        super().__init_subclass__(**kwargs)

    def run(self) -> list[nodes.Node]:
        """Check the options, read the body, record the entry and render it."""
        entry_id = self.arguments[0]
        fields = self._checked_fields(entry_id)
        self._check_closed(entry_id)
        if fields is not None:
            self._translate(fields)
        container = nodes.container()
        self.set_source_info(container)
        body = self.parse_content_to_nodes(allow_section_headings=False)
        entry = self._noted(entry_id, fields, body) if fields is not None else None
        if entry is None:
            container += body  # shown as written; the warning says what is wrong
            return [container]
        # The anchor is a target of its own: links land on it in every output.
        target = nodes.target("", "", ids=[entry.anchor])
        self.state.document.note_explicit_target(target)
        container += target
        render_entry(container, entry, body, i18n.context(self.config))
        return [container]

    def _check_closed(self, entry_id: str) -> None:
        """Warn, at its own line, of an entry left open: MyST reads the
        entries after it (to the next closing fence) as its body."""
        for offset, line in enumerate(self.content):
            if _OPENING.match(line):
                where = self.body_line + offset
                self._warn(
                    f"{self.name} {entry_id!r}: not closed before the directive "
                    f"at line {where}: end it with a line of ':::'",
                    Problem.OPTION,
                    self.lineno,
                )
                return

    def _checked_fields(self, entry_id: str) -> dict[str, Any] | None:
        """The parsed options, or None after a warning about each problem
        (of an option, of the id, of a tag)."""
        who = f"{self.name} {entry_id!r}"
        fields = self.validate(who)
        try:
            model.parse_entry_id(entry_id)
        except ValueError as error:
            self._warn(f"{who}: {error}", Problem.ID, self.lineno)
            fields = None
        problem = tags.unknown(fields.get("tags", ()) if fields else (), self.config)
        if problem:
            self._warn(
                f"{who}: :tags: {problem}", Problem.TAGS, self.option_line("tags")
            )
            fields = None
        return fields

    def _translate(self, fields: dict[str, Any]) -> None:
        """The options a translation renders, in the build's language."""
        i18n.note_catalogs(self.env)
        translate = i18n.page_translator(self.env)
        for name in self.type.translatable:
            if name in fields:
                fields[name] = translate(fields[name])

    def _noted(
        self, entry_id: str, fields: dict[str, Any], body: list[nodes.Node]
    ) -> model.Entry | None:
        """The entry, recorded in the ``cv`` domain; None if its id is taken."""
        summary, highlights = export_text(body)
        entry = model.Entry(
            self.type.name,
            self.env.docname,
            self.lineno,
            fields,
            entry_id,
            summary,
            highlights,
        )
        domain = CVDomain.of(self.env)
        return entry if domain.note_entry(entry, self.get_location()) else None


class ItemDirective(ValidatedDirective):
    """An item the CV lists, of one type (a skill, a language, an interest,
    a reference), with its options (a reference's body: the referee's
    words); rendered as a line, recorded for the exports."""

    type: ClassVar[entries.ItemType]

    def __init_subclass__(cls, **kwargs: Any) -> None:
        cls.fields = (cls.type.required, cls.type.optional)
        cls.takes_body = cls.type.takes_body
        super().__init_subclass__(**kwargs)

    def run(self) -> list[nodes.Node]:
        fields = self.validate(self.name)
        if fields is None:
            return []
        body = self.parse_content_to_nodes() if self.content else []
        text = " ".join(node.astext() for node in body)
        item = model.Item(
            self.type.name,
            self.env.docname,
            self.lineno,
            fields,
            text=" ".join(text.split()),
        )
        CVDomain.of(self.env).note_item(item)
        rendered = render_item(item, body)
        self.set_source_info(rendered)
        return [rendered]


class PersonDirective(ValidatedDirective):
    """``cv:person``: whose CV it is; renders the contact line."""

    fields = model.PERSON_FIELDS

    def run(self) -> list[nodes.Node]:
        fields = self.validate(self.name)
        if fields is None:
            return []
        fields.setdefault("name", self.config.author)
        if not fields["name"]:
            self._warn(
                f"{self.name}: no :name:, and conf.py gives no author: give "
                "the person's name as conf.py's author",
                Problem.MISSING,
                self.lineno,
            )
            return []
        person = model.Person(docname=self.env.docname, lineno=self.lineno, **fields)
        domain = CVDomain.of(self.env)
        if not domain.note_person(person, self.get_location()):
            return []
        contacts = render_contacts(person)
        self.set_source_info(contacts)
        return [contacts]


#: A directive of the CV opening in MyST (``:::{cv:work} acme``).
_OPENING = re.compile(r"^\s*:{3,}\{cv:[\w-]+\}")

#: Stands where a citation mark was, until the space before it is dropped.
_CITATION = "\x00"


class RelatedDirective(SphinxDirective):
    """``cv:related``: a line after an entry pointing at related entries.

    The web page and the ePub show it; the printed résumé leaves it out (a
    résumé parser would read it into the entry's last highlight).
    """

    has_content = True

    def run(self) -> list[nodes.Node]:
        body = self.parse_content_to_nodes()
        if len(body) != 1 or not isinstance(body[0], nodes.paragraph):
            warn(
                Problem.VALUE,
                "cv:related: give one paragraph, the related work",
                location=self.get_location(),
            )
            return []
        line = body[0]
        line["classes"].append("cv-related")
        return [line]


class RelatedLabel(SphinxPostTransform):
    """Open each related line with its label, once the page is translated
    (a translation replaces the whole text of the paragraph)."""

    default_priority = 5

    def run(self, **kwargs: Any) -> None:
        for line in self.document.findall(nodes.paragraph):
            if "cv-related" in line["classes"]:
                line.insert(0, nodes.Text(_("Related: ")))


def _text(node: nodes.Node) -> str:
    """Plain text of *node*, each citation mark (``[1]``) left as a marker."""
    if isinstance(node, nodes.Text):
        return str(node)
    if isinstance(node, addnodes.pending_xref) and node.get("refdomain") == "cite":
        return _CITATION
    if isinstance(node, nodes.Element):
        return "".join(_text(child) for child in node.children)
    return ""


def _plain(node: nodes.Node) -> str:
    """One line of text, as written, less its citation marks and the space
    before each: "served {cite:p}`x`." reads "served." and ".NET" stays."""
    text = " ".join(_text(node).split())
    return text.replace(f" {_CITATION}", "").replace(_CITATION, "")


def export_text(body: list[nodes.Node]) -> tuple[str, tuple[str, ...]]:
    """An entry body's prose (its summary) and its bullets (its highlights)."""
    summary, highlights = [], []
    for node in body:
        if isinstance(node, nodes.paragraph):
            summary.append(_plain(node))
        elif isinstance(node, nodes.bullet_list):
            highlights += [_plain(item) for item in node.children]
    return " ".join(summary), tuple(highlights)


def _directive(base: type[SphinxDirective], kind: entries.Type) -> type[Any]:
    """The directive for one type the registry declares (``cv:work`` ...)."""
    return type(f"{kind.name.title()}Directive", (base,), {"type": kind})


#: Every directive of the ``cv`` domain but the views, by name: one for each
#: type of entry and of item (sphinx_cv.entries).
DIRECTIVES: dict[str, type[SphinxDirective]] = {
    **{name: _directive(EntryDirective, t) for name, t in entries.ENTRY_TYPES.items()},
    **{name: _directive(ItemDirective, t) for name, t in entries.ITEM_TYPES.items()},
    "person": PersonDirective,
    "related": RelatedDirective,
}
