"""Tags: which versions of the CV want an entry or a bullet, as read.

An entry takes ``:tags: core, systems``; a bullet opens with its tags,
``- {cv:tags}`systems` Built ...``, which shows nothing. Both are only
recorded here: the bullet's tags on its list item (``cv-tags``), once the
page is read and translated, for the selection of a version
(:mod:`sphinx_cv.printed.select`) to read after reading. A tag must be one
that ``cv_tags`` in conf.py declares.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.transforms import SphinxTransform
from sphinx.util.docutils import SphinxRole

from sphinx_cv import model
from sphinx_cv.diagnostics import warn
from sphinx_cv.problems import Problem

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

#: The attribute of a list item that holds its bullet's tags.
ATTRIBUTE = "cv-tags"


class tags_mark(nodes.Inline, nodes.Element):
    """Where a ``{cv:tags}`` role stood, until its tags are on its item."""


def unknown(found: tuple[str, ...], config: Config) -> str:
    """A message naming a tag cv_tags does not declare, or ""."""
    undeclared = [tag for tag in found if tag not in config.cv_tags]
    if not undeclared:
        return ""
    declared = ", ".join(config.cv_tags) or "none"
    return f"unknown tag {undeclared[0]!r}: cv_tags in conf.py declares {declared}"


class TagsRole(SphinxRole):
    """``{cv:tags}`systems, backend``` at the start of a bullet: which
    versions of the CV keep it. It shows nothing."""

    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        try:
            found = model.split_list(self.text)
            problem = unknown(found, self.config)
        except ValueError as error:
            found, problem = (), str(error)
        if problem:
            warn(Problem.TAGS, "cv:tags: %s", problem, location=self.get_location())
            return [], []
        return [tags_mark(tags=list(found))], []


class TagBullets(SphinxTransform):
    """Put each bullet's tags on its list item, and take the role's mark,
    and the space after it, out of the text."""

    # After the page's translation (sphinx.transforms.i18n.Locale, 20),
    # which parses the translated bullet, and its role, anew.
    default_priority = 600

    def apply(self, **kwargs: Any) -> None:
        for mark in list(self.document.findall(tags_mark)):
            item = mark.parent
            while item is not None and not isinstance(item, nodes.list_item):
                item = item.parent
            if item is not None:
                item[ATTRIBUTE] = [*item.get(ATTRIBUTE, []), *mark["tags"]]
            parent = mark.parent
            index = parent.index(mark)
            after = parent[index + 1] if index + 1 < len(parent) else None
            if isinstance(after, nodes.Text) and after[:1].isspace():
                parent[index + 1] = nodes.Text(after.lstrip())
            parent.remove(mark)


def setup_tags(app: Sphinx) -> None:
    app.add_role_to_domain("cv", "tags", TagsRole())
    app.add_node(tags_mark)
    app.add_transform(TagBullets)
