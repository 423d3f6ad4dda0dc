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

from sphinx_cv import entries, i18n, model
from sphinx_cv.i18n import _

if TYPE_CHECKING:
    from sphinx_cv.model import Entry, Item, Person

#: The octicon shown before a link to each network (named in lower case,
#: letters and digits only: "Google Scholar" is googlescholar).
ICONS = {
    "github": "mark-github",
    "orcid": "id-badge",
    "googlescholar": "mortar-board",
    "website": "pencil",
    "email": "mail",
    "phone": "device-mobile",
    "place": "location",
}


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
    text = text or entries.label(entry)
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


def _header(entry: Entry, context: entries.Context) -> list[nodes.paragraph]:
    """The entry's heading (its type's :class:`~sphinx_cv.entries.Heading`):
    what and when on the first line, in what role and where on the second.
    The dates are beside the name: a résumé parser looks for an entry's
    dates on its first line or the next, and a long role would push them
    further."""
    heading = entries.heading(entry, context)
    first: list[nodes.Node | str] = [nodes.strong(heading.title, heading.title)]
    if heading.after:
        first.append(heading.after)
    lines = [_line(*first, aside=entries.dates(entry, context))]
    if heading.subtitle or heading.place:
        subtitle = heading.subtitle
        said = nodes.emphasis(subtitle, subtitle) if subtitle else ""
        lines.append(_line(said, aside=heading.place))
    return lines


def _details(entry: Entry, docname: str) -> list[nodes.paragraph]:
    """One line for the courses taken, the skills used and the public
    address, if any."""
    line = nodes.paragraph(classes=["cv-entry-details"])
    if entry["courses"]:
        courses = nodes.inline(classes=["cv-entry-courses"])
        courses += nodes.Text(_("Courses: ") + str(_("; ")).join(entry["courses"]))
        line += courses
    if entry.skills:
        if entry["courses"]:
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
    container: nodes.container,
    entry: Entry,
    body: list[nodes.Node],
    context: entries.Context,
) -> None:
    """Fill *container* with the entry's header, details and highlights."""
    container["classes"] += ["cv-entry", f"cv-type-{entry.type}"]
    header = nodes.container(classes=["cv-entry-header"])
    header += _header(entry, context)
    container += header
    container += _details(entry, entry.docname)
    if body:
        highlights = nodes.container(classes=["cv-entry-body"])
        highlights += body
        container += highlights


def render_item(item: Item, body: list[nodes.Node]) -> nodes.Element:
    """An item as one line, its name and then what its type says of it; a
    body (a referee's words) as a quotation, then whose words."""
    if entries.item_type(item).takes_body:
        quote = nodes.block_quote(classes=["cv-item", f"cv-type-{item.type}"])
        quote += body
        quote += nodes.attribution(item.name, item.name)
        return quote
    line = nodes.paragraph(classes=["cv-item", f"cv-type-{item.type}"])
    line += nodes.strong(item.name, item.name)
    rest = entries.item_type(item).line(item)
    if rest:
        line += nodes.Text(rest)
    return line


def _dialled(phone: str) -> str:
    """The ``tel:`` link of a number; none for words (Upon request)."""
    return f"tel:{phone.replace(' ', '')}" if model.dialable(phone) else ""


def render_contacts(person: Person) -> nodes.container:
    """The contact line: e-mail, then each link, with icons where known.

    The icons are HTML only; the printed page shows each address as typed
    instead (:class:`sphinx_cv.printed.PrintLayout`).
    """
    line = nodes.paragraph()
    items = [
        ("place", _("Location"), person.place, ""),
        ("phone", _("Phone"), person.phone, _dialled(person.phone)),
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
        icon = ICONS.get("".join(c for c in network.casefold() if c.isalnum()))
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
