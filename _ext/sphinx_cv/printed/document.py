"""The printed CV as typed data: blocks of runs, one document for every output.

:mod:`~sphinx_cv.printed.convert` makes it from the resolved doctree,
:mod:`~sphinx_cv.printed.select` keeps what a version keeps, and a writer a
format writes it (the PDF's Typst template, the Word file's, the page's, the
Markdown's and the plain text's); a writer meeting a block or a run it does
not know raises :class:`Unknown` (the template panics). Every string of
the CV is data here, never markup, so that no character of a CV can change
a layout. :func:`as_json` gives it to Typst: each object with its ``type``.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

# -- Runs: text within a line ------------------------------------------------------


@dataclass(frozen=True)
class Text:
    text: str


@dataclass(frozen=True)
class Pieces:
    """A word longer than a line: it may break between its pieces."""

    pieces: tuple[str, ...]


@dataclass(frozen=True)
class Strong:
    body: Runs


@dataclass(frozen=True)
class Emph:
    body: Runs


@dataclass(frozen=True)
class Code:
    text: str


@dataclass(frozen=True)
class Link:
    """A link to an address outside the document."""

    url: str
    body: Runs


@dataclass(frozen=True)
class Ref:
    """A link to a label in the document (a page, an entry, a skill)."""

    to: str
    body: Runs


@dataclass(frozen=True)
class Cite:
    """A citation mark, ``[1]``, linking to its citation's label."""

    to: str
    body: Runs


Run = Text | Pieces | Strong | Emph | Code | Link | Ref | Cite
Runs = tuple[Run, ...]

# -- Blocks ---------------------------------------------------------------------


@dataclass(frozen=True)
class Anchor:
    """Labels that links may go to, where nothing else holds them."""

    labels: tuple[str, ...]


@dataclass(frozen=True)
class Part:
    """One page of the sources, inlined where its table of contents is."""

    page: str
    body: Blocks
    #: Set in a two-column look's narrow column (see :func:`aside`).
    aside: bool = False


@dataclass(frozen=True)
class Section:
    """A heading (the name's is level 1) and what is under it."""

    level: int
    title: Runs
    body: Blocks
    labels: tuple[str, ...] = ()


@dataclass(frozen=True)
class Paragraph:
    body: Runs
    labels: tuple[str, ...] = ()
    #: A line's space before it, as a letter parts its date, its address,
    #: each paragraph and its closing.
    spaced: bool = False


@dataclass(frozen=True)
class ListItem:
    """An item of a list, and the tags its bullet carries."""

    body: Blocks
    tags: tuple[str, ...] = ()


@dataclass(frozen=True)
class List:
    items: tuple[ListItem, ...]
    numbered: bool = False
    #: Numbered down to 1.
    reversed: bool = False
    labels: tuple[str, ...] = ()


@dataclass(frozen=True)
class Term:
    """A term and its definition, run in after it."""

    term: Runs
    body: Runs
    labels: tuple[str, ...] = ()


@dataclass(frozen=True)
class Terms:
    items: tuple[Term, ...]
    labels: tuple[str, ...] = ()


@dataclass(frozen=True)
class Columns:
    """Blocks in columns of about equal height, read column by column."""

    body: Blocks
    count: int = 2


@dataclass(frozen=True)
class Citation:
    label: str
    body: Runs
    labels: tuple[str, ...] = ()
    #: The tags its keywords name, which versions select by.
    tags: tuple[str, ...] = ()
    #: One of the person's publications (set as body text), not a source.
    publication: bool = False


@dataclass(frozen=True)
class CodeBlock:
    text: str


@dataclass(frozen=True)
class Contact:
    """One way to reach the person; *url* empty for text."""

    text: str
    url: str = ""


@dataclass(frozen=True)
class Contacts:
    """The contact line under the name, after the headline if any."""

    items: tuple[Contact, ...]
    label: str = ""


@dataclass(frozen=True)
class Line:
    """A line of an entry's heading: what, and when or where flush right."""

    main: Runs
    aside: str = ""


@dataclass(frozen=True)
class Entry:
    """An entry: its heading lines (the first is its heading, at *level*),
    its details line (courses, skills, address), and its body."""

    id: str
    #: Its entry type's name (``work``): ``type`` names the block in JSON.
    kind: str
    level: int
    lines: tuple[Line, ...]
    details: Runs = ()
    body: Blocks = ()
    labels: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()


Block = (
    Anchor
    | Part
    | Section
    | Paragraph
    | List
    | Terms
    | Columns
    | Citation
    | CodeBlock
    | Contacts
    | Entry
)
Blocks = tuple[Block, ...]


@dataclass(frozen=True)
class Document:
    """The whole printed CV, with what its file says of itself."""

    body: Blocks
    title: str = ""
    author: str = ""
    subject: str = ""
    keywords: tuple[str, ...] = ()
    #: The language as ISO 639 (``en``), and its region (``cn``), if any.
    lang: str = "en"
    region: str | None = None
    #: What follows a term, in the CV's language (Chinese has its own).
    colon: str = ": "
    #: A section's heading on the page it runs onto.
    continued: str = "{section} (continued)"
    #: The person's portrait (an absolute path) and what it shows, where
    #: cv_photo prints it; "" for none.
    photo: str = ""
    photo_alt: str = ""
    #: The paper, and the look's values (:mod:`sphinx_cv.look`).
    paper: str = "a4"
    look: dict[str, Any] = field(default_factory=dict)


class Unknown(TypeError):
    """A writer met a block or a run it cannot write: a new kind of block
    must be taught to every writer, never dropped by one."""

    def __init__(self, writer: object, found: object) -> None:
        what = type(found).__name__
        super().__init__(f"{type(writer).__name__} cannot write a {what}: {found!r}")


def writer_of(writer: object, block: Block) -> Any:
    """*writer*'s method for *block*, ``write_<its type>``: a writer with
    none for it raises :class:`Unknown`, so that no block is ever dropped."""
    method = getattr(writer, f"write_{type(block).__name__.lower()}", None)
    if method is None:
        raise Unknown(writer, block)
    return method


# -- Walking a document -----------------------------------------------------------


@functools.cache
def field_names(kind: type) -> tuple[str, ...]:
    """The names of a block's or run's fields, in order (dataclasses.fields
    takes a fifth of a 150-entry CV's writing for Typst)."""
    return tuple(found.name for found in dataclasses.fields(kind))


def children(value: object) -> Iterator[object]:
    """The blocks and runs *value* holds, in order."""
    if isinstance(value, tuple):
        yield from value
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for name in field_names(type(value)):
            inner = getattr(value, name)
            if isinstance(inner, tuple) or dataclasses.is_dataclass(inner):
                yield inner


def walk(value: object) -> Iterator[object]:
    """*value* and everything it holds, depth first."""
    yield value
    for child in children(value):
        yield from walk(child)


def labels(value: object) -> Iterator[str]:
    """Every label that *value* defines."""
    for found in walk(value):
        yield from getattr(found, "labels", ()) if not isinstance(found, tuple) else ()
        if isinstance(found, Part):
            yield found.page


def targets(value: object) -> Iterator[str]:
    """Every label that *value*'s links go to."""
    for found in walk(value):
        if isinstance(found, Ref):
            yield found.to


def as_json(value: object) -> Any:
    """*value* as JSON: each block and run an object with its ``type``."""
    if isinstance(value, tuple | list):
        return [as_json(item) for item in value]
    if isinstance(value, dict):
        return {key: as_json(item) for key, item in value.items()}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        fields = {
            name: as_json(getattr(value, name)) for name in field_names(type(value))
        }
        return {"type": type(value).__name__.lower(), **fields}
    return value


#: The entries a narrow column holds, besides prose and lists.
ASIDE = frozenset({"award", "certificate"})


def aside(part: Part) -> bool:
    """Whether a two-column look sets *part* in its narrow column: a page
    of skills, languages, awards, certificates or a short list, with no
    other entries, no bibliography and no skills index (which need the
    width)."""
    found = list(walk(part.body))
    if any(isinstance(block, (Citation, Columns)) for block in found):
        return False
    kinds = {block.kind for block in found if isinstance(block, Entry)}
    return kinds <= ASIDE
