"""Docutils nodes for an entry: standard nodes with ``cv-*`` classes.

No raw HTML: the same nodes become HTML (styled by
``sphinx_cv/static/sphinx-cv.css``), the PDF's data (:mod:`sphinx_cv.printed`,
which reads the classes) and ePub.  Each entry's header is two lines, as on a
printed CV: what and when on the first, in what role and where on the second.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes
from sphinx import addnodes
from sphinx_design.icons import create_icon_node, get_octicon

from sphinx_cv import i18n
from sphinx_cv.i18n import _

if TYPE_CHECKING:
    from sphinx.config import Config

    from sphinx_cv.model import Entry, Item, Person

#: The octicon shown before a link to each network.
ICONS = {
    "github": "mark-github",
    "website": "pencil",
    "email": "mail",
    "phone": "device-mobile",
    "place": "location",
}


def replace_text(old: nodes.Text, new: nodes.Node | list[nodes.Node]) -> None:
    """Put *new* where the text node *old* is.

    Text nodes are strings: docutils' ``Element.replace`` finds the first
    child equal to *old*, which may be another text (an earlier line break),
    so the child is found here by identity.
    """
    parent = old.parent
    index = next(n for n, child in enumerate(parent.children) if child is old)
    parent[index : index + 1] = new if isinstance(new, list) else [new]


def _line(*children: nodes.Node | str, aside: str = "") -> nodes.paragraph:
    """A header line; *aside* (place or dates) is set flush right."""
    line = nodes.paragraph(classes=["cv-entry-line"])
    main = nodes.inline(classes=["cv-entry-main"])
    for child in children:
        main += nodes.Text(child) if isinstance(child, str) else child
    line += main
    if aside:
        line += nodes.inline(aside, aside, classes=["cv-entry-aside"])
    return line


def _joined(*parts: str) -> str:
    return str(_(", ")).join(part for part in parts if part)


def skill_reference(skill: str, docname: str) -> addnodes.pending_xref:
    """A link from a skill to its place in the skills index."""
    xref = addnodes.pending_xref(
        "",
        refdomain="cv",
        reftype="skill",
        reftarget=skill,
        refexplicit=True,
        refdoc=docname,
        refwarn=False,
    )
    xref += nodes.inline(skill, skill, classes=["cv-skill"])
    return xref


def entry_reference(
    entry: Entry, docname: str, text: str = ""
) -> addnodes.pending_xref:
    """A link to *entry*, labelled with its short name unless *text* is given."""
    text = text or i18n.label(entry)
    xref = addnodes.pending_xref(
        "",
        refdomain="cv",
        reftype="entry",
        reftarget=entry.id,
        refexplicit=True,
        refdoc=docname,
    )
    xref += nodes.inline(text, text)
    return xref


def _header(entry: Entry, config: Config) -> list[nodes.paragraph]:
    dates = i18n.dates(entry, config)
    if entry.kind == "award":
        return [
            _line(
                nodes.strong(entry.organisation, entry.organisation),
                f"{i18n.parted()}{entry.title}",
                aside=dates,
            )
        ]
    if entry.kind == "project":
        first = [nodes.strong(entry.name, entry.name)]
        second = _joined(entry.role, entry.kind_of)
        place = entry.entity
    elif entry.kind == "teaching":
        first = [nodes.strong(entry.course, entry.course)]
        second = _joined(
            entry.role,
            entry.instructor and _("Instructor: {name}").format(name=entry.instructor),
        )
        place = _joined(entry.organisation, entry.location)
    else:
        first = [nodes.strong(entry.organisation, entry.organisation)]
        place = entry.location
        if entry.kind == "education":
            expected = ""
            if entry.expected is not None:
                when = i18n.date(entry.expected, config)
                expected = _("expected {date}").format(date=when)
            second = _joined(
                entry.degree,
                entry.advisor and _("advisor: {name}").format(name=entry.advisor),
                expected,
                entry.score and _("score: {score}").format(score=entry.score),
            )
        else:
            at = _("{role} at {team}").format(role=entry.role, team=entry.team)
            second = at if entry.team else entry.role
    # The dates beside the name: a résumé parser looks for an entry's dates
    # on its first line or the next, and a long role would push them further.
    lines = [_line(*first, aside=dates)]
    lines.append(_line(nodes.emphasis(second, second) if second else "", aside=place))
    return lines


def _details(entry: Entry, docname: str) -> list[nodes.paragraph]:
    """One line for the courses taken, the skills used and the public
    address, if any."""
    line = nodes.paragraph(classes=["cv-entry-details"])
    if entry.courses:
        courses = nodes.inline(classes=["cv-entry-courses"])
        courses += nodes.Text(_("Courses: ") + str(_("; ")).join(entry.courses))
        line += courses
    if entry.skills:
        if entry.courses:
            line += nodes.Text(" \u00b7 ")
        skills = nodes.inline(classes=["cv-entry-skills"])
        skills += nodes.Text(_("Skills: "))
        for position, skill in enumerate(entry.skills):
            if position:
                skills += nodes.Text(i18n.pgettext("list", ", "))
            skills += skill_reference(skill, docname)
        line += skills
    if entry.url:
        # The whole address is the text: a printed page shows nothing else.
        shown = entry.url.removeprefix("mailto:")
        source = nodes.inline(classes=["cv-entry-url"])
        source += nodes.Text(_("Source: "))
        source += nodes.reference(shown, shown, refuri=entry.url)
        if len(line):
            line += nodes.Text(" \u00b7 ")
        line += source
    return [line] if len(line) else []


def render_entry(
    container: nodes.container, entry: Entry, body: list[nodes.Node], config: Config
) -> None:
    """Fill *container* with the entry's header, details and highlights."""
    container["classes"] += ["cv-entry", f"cv-{entry.kind}"]
    header = nodes.container(classes=["cv-entry-header"])
    header += _header(entry, config)
    container += header
    container += _details(entry, entry.docname)
    if body:
        highlights = nodes.container(classes=["cv-entry-body"])
        highlights += body
        container += highlights


def render_item(item: Item, body: list[nodes.Node]) -> nodes.Element:
    """A skill, language or interest as one line; a reference as the
    referee's words, then their name."""
    if item.kind == "reference":
        quote = nodes.block_quote(classes=["cv-item", "cv-reference"])
        quote += body
        quote += nodes.attribution(item.name, item.name)
        return quote
    line = nodes.paragraph(classes=["cv-item", f"cv-{item.kind}"])
    line += nodes.strong(item.name, item.name)
    how = item.level or item.fluency
    if how:
        line += nodes.Text(_(" ({level})").format(level=how))
    if item.keywords:
        line += nodes.Text(str(_(": ")) + i18n.listed(item.keywords))
    return line


def render_contacts(person: Person) -> nodes.container:
    """The contact line: e-mail, then each link, with icons where known.

    The icons are HTML only; the printed page shows each address as typed
    instead (:class:`sphinx_cv.printed.PrintLayout`).
    """
    line = nodes.paragraph()
    items = [
        ("place", _("Location"), person.place, ""),
        ("phone", _("Phone"), person.phone, f"tel:{person.phone.replace(' ', '')}"),
        ("email", _("E-mail"), person.email, f"mailto:{person.email}"),
    ]
    items = [item for item in items if item[2]]
    # A website's icon is named by the extension, as the e-mail's is; other
    # networks by their own names.
    for link in person.links:
        name = _("Website") if link.is_website else link.network
        items.append((link.network, name, link.label, link.url))
    for position, (network, name, label, url) in enumerate(items):
        if position:
            line += nodes.Text(" \u00b7 ")
        item = nodes.inline(classes=["cv-contact"])
        icon = ICONS.get(network.casefold())
        if icon:
            item += create_icon_node(get_octicon(icon, aria_label=str(name)))
            item += nodes.Text(" ")
        else:
            label = f"{name}{_(': ')}{label}"
        item += nodes.reference(label, label, refuri=url) if url else nodes.Text(label)
        line += item
    contacts = nodes.container("", line, classes=["cv-contacts"])
    if person.label:
        headline = nodes.paragraph(person.label, person.label, classes=["cv-label"])
        contacts.insert(0, headline)
    return contacts
