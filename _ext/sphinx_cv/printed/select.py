"""What a version keeps of the printed document: one selection, after reading.

Every page is read whole, whatever version is built: the directives know
nothing of versions. A version (:class:`~sphinx_cv.variants.Variant`)
keeps, of the printed document of the whole CV, the pages of its sections;
the entries and publications tagged with one of its ``entries`` tags, and
the entries of its ``fill`` that the builder chose (in order, while they
fit); and, if it
names ``highlights`` tags, the bullets tagged with one of them or with
none. A résumé prints no prose outside entries (a summary, a note), no
details lines (skills, addresses), no citation marks to a bibliography it
does not show; a link to what it leaves out reads as plain text, and a
skill of the skills index whose entries are all left out is left out too.
A section keeps its heading while it holds anything.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from typing import TypeGuard, cast

from sphinx_cv import model
from sphinx_cv.printed import document as d
from sphinx_cv.variants import Variant


def _kept(blocks: d.Blocks, choose: _Choice, *, prose: bool) -> d.Blocks:
    """*blocks* as the version keeps them; *prose*: they are a page's own
    (a paragraph among them is prose, which a résumé leaves out)."""
    found: list[d.Block] = []
    for block in blocks:
        if isinstance(block, d.Part):
            if not choose.variant.shows(block.page, choose.root):
                continue
            body = _kept(block.body, choose, prose=True)
            if _holds(body):
                found.append(dataclasses.replace(block, body=body))
        elif isinstance(block, d.Section):
            body = _kept(block.body, choose, prose=True)
            if _holds(body):
                found.append(dataclasses.replace(block, body=body))
        elif isinstance(block, d.Entry):
            if choose.entry(block):
                body = _kept(block.body, choose, prose=False)
                found.append(dataclasses.replace(block, details=(), body=body))
        elif isinstance(block, d.Paragraph) and prose:
            continue
        elif isinstance(block, d.Citation) and block.publication:
            # The person's publications are chosen as entries are; sources
            # stay while their page does.
            if set(block.tags) & set(choose.variant.entries):
                found.append(block)
        elif isinstance(block, d.List):
            items = tuple(
                dataclasses.replace(item, body=_kept(item.body, choose, prose=False))
                for item in block.items
                if choose.variant.keeps_highlight(item.tags)
            )
            if items:
                found.append(dataclasses.replace(block, items=items))
        elif isinstance(block, d.Columns):
            found.append(
                dataclasses.replace(block, body=_kept(block.body, choose, prose=False))
            )
        else:
            found.append(block)
    return tuple(found)


def _holds(blocks: d.Blocks) -> bool:
    """Whether *blocks* print anything: anchors alone do not."""
    return any(not isinstance(block, d.Anchor) for block in blocks)


@dataclasses.dataclass(frozen=True)
class _Choice:
    variant: Variant
    root: str
    fill: frozenset[str]

    def entry(self, entry: d.Entry) -> bool:
        if entry.id in self.variant.fill:
            return entry.id in self.fill
        return bool(set(entry.tags) & set(self.variant.entries))


# -- Links to what is left out ------------------------------------------------------


def _runs(runs: d.Runs, labels: set[str]) -> d.Runs:
    """*runs* with each link to a label they lack turned into its text, and
    each citation mark to a citation they lack taken out, with the space
    before it."""
    found: list[d.Run] = []
    for run in runs:
        if isinstance(run, d.Cite) and run.to not in labels:
            last = found[-1] if found else None
            if isinstance(last, d.Text):
                found[-1] = d.Text(last.text.rstrip())
            continue
        if isinstance(run, d.Ref) and run.to not in labels:
            found += _runs(run.body, labels)
            continue
        if isinstance(run, (d.Strong, d.Emph, d.Link, d.Ref, d.Cite)):
            run = dataclasses.replace(run, body=_runs(run.body, labels))
        found.append(run)
    return tuple(found)


def _listed(runs: d.Runs, labels: set[str]) -> d.Runs:
    """A definition that lists links (the entries of a skill in the skills
    index) less the links to what is gone, with their separators."""
    links, separators = runs[::2], {r for r in runs[1::2]}
    if not links or not all(isinstance(r, d.Ref) for r in links) or len(separators) > 1:
        return _runs(runs, labels)
    kept = [r for r in links if isinstance(r, d.Ref) and r.to in labels]
    between = runs[1:2]
    return tuple(part for r in kept for part in (*between, r))[len(between) :]


def unlinked(value: object, labels: set[str]) -> object:
    """*value* with what links to labels it lacks unlinked (see
    :func:`_runs`); a term whose definition listed only links to what is
    gone (a skill of entries left out) left out."""
    if isinstance(value, tuple):
        return tuple(unlinked(item, labels) for item in value)
    if isinstance(value, d.Terms):
        items = []
        for term in value.items:
            body = _listed(term.body, labels)
            if term.body and not body:
                continue
            items.append(
                dataclasses.replace(term, body=body, term=_runs(term.term, labels))
            )
        return dataclasses.replace(value, items=tuple(items))
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes: dict[str, object] = {}
        for name in d.field_names(type(value)):
            inner = getattr(value, name)
            if _is_runs(inner):
                changes[name] = _runs(inner, labels)
            elif isinstance(inner, tuple) or dataclasses.is_dataclass(inner):
                changes[name] = unlinked(inner, labels)
        return dataclasses.replace(value, **changes)
    return value


def _is_runs(value: object) -> TypeGuard[d.Runs]:
    """Whether *value* is runs (an empty tuple is none to change either)."""
    runs = (d.Text, d.Pieces, d.Strong, d.Emph, d.Code, d.Link, d.Ref, d.Cite)
    return isinstance(value, tuple) and all(isinstance(item, runs) for item in value)


# -- The selection --------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class Selection:
    """The printed CV, and what a version of it keeps (None: the whole CV)."""

    blocks: d.Blocks
    variant: Variant | None
    #: The first page, always shown.
    root: str
    #: Each skill with the entries that used it: a document's keywords are
    #: the skills of the entries it keeps.
    skills: Mapping[str, list[model.Entry]]

    def keeping(self, fill: Iterable[str] = ()) -> tuple[d.Blocks, tuple[str, ...]]:
        """The blocks the version keeps, with these of its fill entries,
        and its keywords."""
        if self.variant is None:
            return self.blocks, tuple(self.skills)
        choice = _Choice(self.variant, self.root, frozenset(fill))
        kept = _kept(self.blocks, choice, prose=False)
        labels = set(d.labels(kept))
        blocks = cast("d.Blocks", unlinked(kept, labels))
        ids = {b.id for b in d.walk(blocks) if isinstance(b, d.Entry)}
        keywords = tuple(
            skill
            for skill, used in self.skills.items()
            if any(entry.id in ids for entry in used)
        )
        return blocks, keywords
