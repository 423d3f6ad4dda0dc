"""furo's navigation made once a build: each page gets its copy, its place marked.

furo puts the whole site's navigation into every page and makes it anew for
each: Sphinx resolves the global table of contents from the page, renders it,
and furo reads that back with BeautifulSoup to add its checkboxes and marks.
n pages of n entries each: the build grows with the square of the pages
(1,499 entries took 1,038 s, against 38.6 s with a theme without the tree).

From one page to the next the tree differs only in where the page is: its
links are relative to the page's folder, and the page's own entry and its
ancestors are marked (``current`` on them and their lists, ``current-page``
on the page's entry, the ancestors' checkboxes ticked, the page's own link
``#``). So the tree is made once a build the way furo makes it, its links
left as numbered blanks; each folder's links are filled in once; and each
page gets that copy with its marks. It reaches furo through furo's own
context: furo's request for the tree (``toctree`` in the page's context,
with furo's arguments) is answered with nothing, and after furo's handler
``furo_navigation_tree`` is set to the page's copy. Should furo ask
otherwise, it renders the tree itself, which is kept. The pages are the
bytes furo writes: ``tests/test_navigation.py`` builds a site both ways.
"""

from __future__ import annotations

import posixpath
import re
from collections import OrderedDict
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, cast

from bs4.dammit import EntitySubstitution
from furo.navigation import get_navigation_tree
from sphinx.environment.adapters.toctree import global_toctree_for_doc
from sphinx.util.osutil import relative_uri

from sphinx_cv.site import is_website

if TYPE_CHECKING:
    from collections.abc import Callable

    from docutils import nodes
    from sphinx.application import Sphinx
    from sphinx.builders import Builder
    from sphinx.builders.html import StandaloneHTMLBuilder
    from sphinx.environment import BuildEnvironment

#: What furo asks of the page's ``toctree`` for its navigation
#: (``furo._compute_navigation_tree``).
FURO: dict[str, Any] = {
    "collapse": False,
    "titles_only": True,
    "maxdepth": -1,
    "includehidden": True,
}
#: Around the number of a link's target, in place of its address.
OPEN, CLOSE = "\ue000", "\ue001"
BLANK = re.compile(rf'href="{OPEN}(\d+){CLOSE}([^"]*)"')
TAG = re.compile(r"<(/?)(ul|li|a|input)\b[^>]*>")
CLASSES = re.compile(r'class="([^"]*)"')
#: A name no document has: the tree made from it marks no entry.
NOWHERE = OPEN


class Blanks:
    """Stands in for the builder while Sphinx resolves the tree: each link's
    address is a numbered blank, and its target is noted."""

    def __init__(self, builder: Builder) -> None:
        self.tags = builder.tags
        self.targets: list[str] = []

    def get_relative_uri(self, from_: str, to: str, typ: str | None = None) -> str:
        self.targets.append(to)
        return f"{OPEN}{len(self.targets) - 1}{CLOSE}"


@dataclass(eq=False)
class Item:
    """An entry (``<li>``): where its tag is, its list, its checkbox."""

    piece: int
    within: List | None
    checkbox: int | None = None


@dataclass(eq=False)
class List:
    """A list of entries (``<ul>``): where its tag is, the entry it is in."""

    piece: int
    within: Item | None


def _with_class(tag: str, name: str, before: str = "") -> str:
    """*tag* with the class *name* added (before the class *before*)."""
    found = CLASSES.search(tag)
    if found is None:
        end = len(tag) - (2 if tag.endswith("/>") else 1)
        return f'{tag[:end]} class="{name}"{tag[end:]}'
    names = found.group(1).split()
    at = names.index(before) if before in names else len(names)
    names.insert(at, name)
    return f"{tag[: found.start(1)]}{' '.join(names)}{tag[found.end(1) :]}"


class Tree:
    """furo's navigation for one build, in pieces: the tags a page changes
    apart from the text between them."""

    def __init__(self, html: str, targets: list[str]) -> None:
        self.targets = targets
        self.pieces: list[str] = []
        self.links: list[tuple[int, int, str]] = []  # piece, target, anchor
        self.marks: dict[str, list[tuple[int, Item]]] = {}
        items: list[Item] = []
        lists: list[List] = []
        at = 0
        for tag in TAG.finditer(html):
            self.pieces += [html[at : tag.start()], tag.group(0)]
            piece, at = len(self.pieces) - 1, tag.end()
            closing, name = tag.group(1), tag.group(2)
            if name == "ul" and closing:
                lists.pop()
            elif name == "ul":
                lists.append(List(piece, items[-1] if items else None))
            elif name == "li" and closing:
                items.pop()
            elif name == "li":
                items.append(Item(piece, lists[-1] if lists else None))
            elif name == "input" and items:
                items[-1].checkbox = piece
            elif name == "a" and (blank := BLANK.search(tag.group(0))):
                target, anchor = int(blank.group(1)), blank.group(2)
                self.links.append((piece, target, anchor))
                if not anchor and items:
                    self.marks.setdefault(targets[target], []).append(
                        (piece, items[-1])
                    )
        self.pieces.append(html[at:])
        self._folders: OrderedDict[str, list[str]] = OrderedDict()

    def linked(self, builder: Builder, folder: str) -> list[str]:
        """The pieces with each link's address relative to *folder* (the
        last few folders' are kept: pages are written folder by folder)."""
        if folder in self._folders:
            self._folders.move_to_end(folder)
            return self._folders[folder]
        # A file in that folder that is no page: every link is relative.
        base = posixpath.join(folder, NOWHERE)
        pieces = list(self.pieces)
        for piece, target, anchor in self.links:
            address = relative_uri(base, builder.get_target_uri(self.targets[target]))
            value = EntitySubstitution.substitute_xml(address + anchor)
            quoted = EntitySubstitution.quoted_attribute_value(value)
            tag = pieces[piece]
            blank = BLANK.search(tag)
            assert blank is not None
            pieces[piece] = f"{tag[: blank.start()]}href={quoted}{tag[blank.end() :]}"
        self._folders[folder] = pieces
        if len(self._folders) > 8:
            self._folders.popitem(last=False)
        return pieces

    def page(self, builder: Builder, pagename: str) -> str:
        """The tree as furo writes it into *pagename*."""
        uri = builder.get_target_uri(pagename)
        pieces = list(self.linked(builder, posixpath.dirname(uri)))
        marked: dict[int, Item] = {}
        lists: set[int] = set()
        for piece, item in self.marks.get(pagename, []):
            link = BLANK.sub('href="#"', self.pieces[piece])
            pieces[piece] = _with_class(link, "current", before="reference")
            here: Item | None = item
            while here is not None:
                marked[here.piece] = here
                if here.within is not None:
                    lists.add(here.within.piece)
                here = here.within.within if here.within is not None else None
        for piece in lists:
            pieces[piece] = _with_class(self.pieces[piece], "current")
        last = max(marked, default=None)
        for piece, item in marked.items():
            tag = _with_class(self.pieces[piece], "current", before="has-children")
            pieces[piece] = _with_class(tag, "current-page") if piece == last else tag
            if item.checkbox is not None:
                checkbox = self.pieces[item.checkbox]
                pieces[item.checkbox] = checkbox.replace(
                    " class=", ' checked="" class=', 1
                )
        return "".join(pieces)


def made(app: Sphinx) -> Tree:
    """furo's navigation made from no page: no entry marked, links blank."""
    builder = cast("StandaloneHTMLBuilder", app.builder)
    blanks = Blanks(builder)
    resolved = global_toctree_for_doc(
        app.env, NOWHERE, cast("Builder", blanks), tags=builder.tags, **FURO
    )
    html = get_navigation_tree(builder.render_partial(resolved)["fragment"])
    return Tree(html, blanks.targets)


class WithoutFuroNavigation:
    """A page's ``toctree`` that answers furo's request for the navigation
    with nothing (furo then has nothing to read back), and any other as the
    page's own does."""

    def __init__(self, toctree: Callable[..., str]) -> None:
        self.toctree = toctree

    def __call__(self, **kwargs: Any) -> str:
        return "" if kwargs == FURO else self.toctree(**kwargs)


class Navigation:
    """The build's tree, made when the first page needs it."""

    def __init__(self) -> None:
        self.tree: Tree | None = None

    def forget(self, app: Sphinx, env: BuildEnvironment) -> None:
        """A build has read its documents: its tree is made anew."""
        self.tree = None

    def before_furo(
        self,
        app: Sphinx,
        pagename: str,
        templatename: str,
        context: dict[str, Any],
        doctree: nodes.document | None,
    ) -> None:
        if (
            "furo" in app.extensions
            and is_website(app.builder)
            and "toctree" in context
        ):
            context["toctree"] = WithoutFuroNavigation(context["toctree"])

    def after_furo(
        self,
        app: Sphinx,
        pagename: str,
        templatename: str,
        context: dict[str, Any],
        doctree: nodes.document | None,
    ) -> None:
        toctree = context.get("toctree")
        if not isinstance(toctree, WithoutFuroNavigation):
            return
        context["toctree"] = toctree.toctree
        if context.get("furo_navigation_tree") == "":
            if self.tree is None:
                self.tree = made(app)
            context["furo_navigation_tree"] = self.tree.page(app.builder, pagename)


def setup_navigation(app: Sphinx) -> None:
    navigation = Navigation()
    app.connect("env-updated", navigation.forget)
    # furo's handler has the default priority, 500.
    app.connect("html-page-context", navigation.before_furo, priority=450)
    app.connect("html-page-context", navigation.after_furo, priority=550)
