"""Stylesheets reduced to the rules that elements of some classes can match.

Read as CSS is written by the minifiers of sphinx-design and furo (and by
hand): qualified rules, group rules (``@media``, ``@supports``) holding
more, ``@keyframes`` and ``@font-face`` kept whole, statements such as
``@import``. Only classes with a given prefix are judged; a selector naming
none is kept. No Sphinx here: :mod:`sphinx_cv.assets` says which classes.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field


@dataclass
class Rule:
    """One statement: a style rule's declarations, a group rule's rules, or
    any other statement's body as written (None for one without a block)."""

    prelude: str
    body: str | None = None
    declarations: list[str] = field(default_factory=list)
    rules: list[Rule] = field(default_factory=list)

    @property
    def is_style(self) -> bool:
        return not self.prelude.startswith("@")

    @property
    def is_group(self) -> bool:
        return self.prelude.startswith(("@media", "@supports", "@layer", "@container"))

    def walk(self) -> Iterator[Rule]:
        yield self
        for rule in self.rules:
            yield from rule.walk()


def split(text: str, separator: str) -> list[str]:
    """*text* parted at each *separator* outside brackets and strings, the
    blank parts left out."""
    parts, depth, quote, start = [], 0, "", 0
    for at, char in enumerate(text):
        if quote:
            quote = "" if char == quote and text[at - 1] != "\\" else quote
        elif char in "\"'":
            quote = char
        elif char in "([":
            depth += 1
        elif char in ")]":
            depth -= 1
        elif char == separator and depth == 0:
            parts.append(text[start:at])
            start = at + 1
    parts.append(text[start:])
    return [part.strip() for part in parts if part.strip()]


def parse(css: str) -> list[Rule]:
    """The top-level statements of *css*, comments left out."""
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    rules, start, depth, opened, quote = [], 0, 0, 0, ""
    for at, char in enumerate(css):
        if quote:
            quote = "" if char == quote and css[at - 1] != "\\" else quote
        elif char in "\"'":
            quote = char
        elif char == "{":
            opened = at if depth == 0 else opened
            depth += 1
        elif char == "}":
            depth -= 1
            if depth == 0:
                rules.append(_rule(css[start:opened].strip(), css[opened + 1 : at]))
                start = at + 1
        elif char == ";" and depth == 0:
            rules.append(Rule(css[start:at].strip()))
            start = at + 1
    return rules


def _rule(prelude: str, block: str) -> Rule:
    rule = Rule(" ".join(prelude.split()))
    if rule.is_group:
        rule.rules = parse(block)
    elif rule.is_style:
        rule.prelude = ",".join(split(rule.prelude, ","))
        rule.declarations = [_declaration(d) for d in split(block, ";")]
    else:
        rule.body = block
    return rule


def _declaration(text: str) -> str:
    """``name:value``, the white space around the colon left out (and runs
    of it in the value made one space, outside strings)."""
    name, _, value = text.partition(":")
    value = value.strip() if "'" in value or '"' in value else " ".join(value.split())
    return f"{name.strip()}:{value}"


def serialise(rules: list[Rule]) -> str:
    """*rules* written as a minifier writes them."""
    out = []
    for rule in rules:
        if rule.is_group:
            out.append(f"{rule.prelude}{{{serialise(rule.rules)}}}")
        elif rule.is_style:
            out.append(f"{rule.prelude}{{{';'.join(rule.declarations)}}}")
        elif rule.body is not None:
            out.append(f"{rule.prelude}{{{rule.body}}}")
        else:
            out.append(f"{rule.prelude};")
    return "".join(out)


def minified(css: str) -> str:
    """*css* without its comments and the white space between its parts."""
    return serialise(parse(css))


def _name(declaration: str) -> str:
    return declaration.split(":", 1)[0].strip()


class Reduction:
    """Which rules of a stylesheet elements with classes in *used* (among
    those starting with *prefix*) can match, and which custom properties
    (named ``--<prefix>``) and animations those rules use."""

    def __init__(self, prefix: str, used: frozenset[str]) -> None:
        self.prefix = prefix
        self.used = used
        self.classes = re.compile(rf"\.({re.escape(prefix)}[\w-]*)")

    def needed(self, selector: str) -> set[str]:
        """The classes of the prefix an element must carry for *selector*
        to match it (not those under ``:not()``, which it must not)."""
        return set(self.classes.findall(re.sub(r":not\([^()]*\)", "", selector)))

    def matching(self, rules: list[Rule]) -> list[Rule]:
        """*rules* with only the selectors that can match; the rules left
        with none, and the groups left empty, left out."""
        kept = []
        for rule in rules:
            if rule.is_group:
                inner = self.matching(rule.rules)
                if inner:
                    kept.append(Rule(rule.prelude, rules=inner))
            elif rule.is_style:
                selectors = [
                    s for s in split(rule.prelude, ",") if self.needed(s) <= self.used
                ]
                if selectors:
                    kept.append(Rule(",".join(selectors), None, rule.declarations))
            else:
                kept.append(rule)
        return kept

    def reduce(self, sheets: list[str]) -> list[str]:
        """Each of *sheets* with only the rules that can match, and of the
        prefix's custom properties and animations only those that the rules
        kept in any of them use."""
        kept = [self.matching(parse(css)) for css in sheets]
        own = f"--{self.prefix}"
        declarations = [
            d for rules in kept for r in rules for s in r.walk() for d in s.declarations
        ]
        values: dict[str, list[str]] = {}
        for d in declarations:
            values.setdefault(_name(d), []).append(d.split(":", 1)[-1])
        used = [d for d in declarations if not _name(d).startswith(own)]
        refer = re.compile(rf"var\(({re.escape(own)}[\w-]*)")
        properties = {name for d in used for name in refer.findall(d)}
        todo = list(properties)
        while todo:
            for value in values.get(todo.pop(), []):
                for name in refer.findall(value):
                    if name not in properties:
                        properties.add(name)
                        todo.append(name)
        words = set(re.findall(r"[\w-]+", " ".join(used)))
        return [serialise(self._used(rules, properties, words)) for rules in kept]

    def _used(
        self, rules: list[Rule], properties: set[str], words: set[str]
    ) -> list[Rule]:
        own = f"--{self.prefix}"
        kept = []
        for rule in rules:
            if rule.is_group:
                inner = self._used(rule.rules, properties, words)
                if inner:
                    kept.append(Rule(rule.prelude, rules=inner))
            elif rule.is_style:
                declarations = [
                    d
                    for d in rule.declarations
                    if not _name(d).startswith(own) or _name(d) in properties
                ]
                if declarations:
                    kept.append(Rule(rule.prelude, None, declarations))
            elif not rule.prelude.startswith("@keyframes") or (
                rule.prelude.split()[-1] in words
            ):
                kept.append(rule)
        return kept
