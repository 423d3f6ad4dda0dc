"""The printed document as HTML: a version's own page, and cv.html's body.

The writer writes the document the PDF prints as a page that reads as a
résumé parser wants it: the name the one ``h1``, each section an ``h2`` in a
``section``, each entry's first line an ``h3`` (linking, on the site, to the
entry's own page) with its dates; the contact line as text, each icon
beside it decorative; lists, no tables. Its print stylesheet is made from
the one look (:mod:`sphinx_cv.look`): printed, it looks like the PDF.

The builder ``onepage`` writes a version of the CV as a page that stands
alone (light and dark, printable; ``sphinx-cv variant`` and ``downloads``
run it beside the PDF and the Word file), offered in the downloads and not
in the site's navigation. The whole CV's page is the site's ``cv.html``
(:mod:`sphinx_cv.onepage`).
"""

from __future__ import annotations

import html
import re

from sphinx_design.icons import get_octicon

from sphinx_cv.domain import CVDomain
from sphinx_cv.look import THEMES, Look
from sphinx_cv.printed import document as d
from sphinx_cv.printed.builder import PrintedBuilder
from sphinx_cv.stylesheets import minified

#: The octicon beside each kind of address on the contact line.
ICONS = (
    ("mailto:", "mail"),
    ("tel:", "device-mobile"),
    ("https://github.com", "mark-github"),
)


def _icon(url: str) -> str:
    """A decorative icon for *url*: the text beside it says what it is. The
    page styles it itself, without sphinx-design's stylesheet."""
    name = next((icon for start, icon in ICONS if url.startswith(start)), "link")
    svg = get_octicon(name if url else "location")
    return re.sub(r'class="[^"]*"', 'class="cv-icon"', svg, count=1)


def _id(label: str) -> str:
    """An HTML id for a label of the printed document (``page#anchor``)."""
    return re.sub(r"[^A-Za-z0-9_-]+", "-", label).strip("-") or "cv"


def section_id(block: d.Section) -> str:
    """A section's id: its page's name (``experience``, ``skills``)."""
    labels = block.labels or ("section",)
    page = labels[0].split("#")[0].removesuffix("/index")
    return "section-" + _id(page)


class Writer:
    """The printed document's blocks as HTML.

    *entry_pages* gives each entry's own page, which its heading links to
    (the site's pages; none for a page that stands alone); links inside the
    document go to the place on this page.
    """

    def __init__(self, entry_pages: dict[str, str], language: str = "en") -> None:
        self.entry_pages = entry_pages
        # Between a line's what and its when: a space where words are spaced
        # (a parser reads "Champaign 2021"); the layout parts them anyway.
        self.gap = "" if language in ("zh", "ja", "ko") else " "
        self.targets: set[str] = set()

    def page(self, blocks: d.Blocks) -> str:
        self.targets = set(d.targets(blocks))
        return "".join(self.block(block) for block in blocks)

    def _anchors(self, labels: tuple[str, ...]) -> str:
        return "".join(
            f'<span id="{_id(label)}"></span>'
            for label in labels
            if label in self.targets
        )

    def block(self, block: d.Block) -> str:
        """*block* as HTML."""
        written: str = d.writer_of(self, block)(block)
        return written

    def write_section(self, block: d.Section) -> str:
        level = min(block.level, 6)
        anchors = self._anchors(block.labels)
        body = "".join(self.block(child) for child in block.body)
        heading = f"<h{level}>{anchors}{self.runs(block.title)}</h{level}>"
        if level == 1:
            return f"<header>{heading}{self._contacts(block.body)}</header>{body}"
        return f'<section id="{section_id(block)}">{heading}{body}</section>'

    def write_part(self, block: d.Part) -> str:
        anchors = self._anchors((block.page,))
        return anchors + "".join(self.block(child) for child in block.body)

    def write_anchor(self, block: d.Anchor) -> str:
        return self._anchors(block.labels)

    def write_paragraph(self, block: d.Paragraph) -> str:
        return f"<p>{self._anchors(block.labels)}{self.runs(block.body)}</p>"

    def write_contacts(self, block: d.Contacts) -> str:
        return ""  # in the header, under the name

    def write_list(self, block: d.List) -> str:
        tag = "ol" if block.numbered else "ul"
        reverse = " reversed" if block.reversed else ""
        items = "".join(f"<li>{self._item(item.body)}</li>" for item in block.items)
        return f"{self._anchors(block.labels)}<{tag}{reverse}>{items}</{tag}>"

    def write_terms(self, block: d.Terms) -> str:
        rows = "".join(
            f"<dt>{self._anchors(item.labels)}{self.runs(item.term)}</dt>"
            f"<dd>{self.runs(item.body)}</dd>"
            for item in block.items
        )
        return f'{self._anchors(block.labels)}<dl class="cv-terms">{rows}</dl>'

    def write_columns(self, block: d.Columns) -> str:
        return "".join(self.block(child) for child in block.body)

    def write_citation(self, block: d.Citation) -> str:
        label = html.escape(block.label)
        body = self.runs(block.body)
        anchors = self._anchors(block.labels)
        return f'<p class="cv-citation">{anchors}[{label}] {body}</p>'

    def write_codeblock(self, block: d.CodeBlock) -> str:
        return f"<pre>{html.escape(block.text)}</pre>"

    def _item(self, blocks: d.Blocks) -> str:
        """A list item: a lone paragraph's text as it is, else its blocks."""
        if len(blocks) == 1 and isinstance(blocks[0], d.Paragraph):
            return self._anchors(blocks[0].labels) + self.runs(blocks[0].body)
        return "".join(self.block(block) for block in blocks)

    def _contacts(self, body: d.Blocks) -> str:
        found = next((b for b in body if isinstance(b, d.Contacts)), None)
        if found is None:
            return ""
        items = []
        for item in found.items:
            text = html.escape(item.text)
            if item.url:
                text = f'<a href="{html.escape(item.url)}">{text}</a>'
            items.append(f'<span class="cv-contact">{_icon(item.url)} {text}</span>')
        label = (
            f'<p class="cv-label">{html.escape(found.label)}</p>' if found.label else ""
        )
        return f'{label}<p class="cv-contacts">{" · ".join(items)}</p>'

    def write_entry(self, block: d.Entry) -> str:
        """An entry: its first line a heading, linking to its own page."""
        level = min(block.level, 6)
        lines = []
        for number, line in enumerate(block.lines):
            main = self.runs(line.main)
            own = self.entry_pages.get(block.id)
            if number == 0 and own and "<a " not in main:
                main = f'<a href="{html.escape(own)}">{main}</a>'
            aside = (
                f'{self.gap}<span class="cv-entry-aside">{html.escape(line.aside)}'
                "</span>"
                if line.aside
                else ""
            )
            tag = f"h{level}" if number == 0 else "p"
            lines.append(
                f'<{tag} class="cv-entry-line"><span class="cv-entry-main">'
                f"{main}</span>{aside}</{tag}>"
            )
        details = (
            f'<p class="cv-entry-details">{self.runs(block.details)}</p>'
            if block.details
            else ""
        )
        body = "".join(self.block(child) for child in block.body)
        header = f'<div class="cv-entry-header">{"".join(lines)}</div>'
        entry_id = f' id="cv-{block.id}"' if block.id else ""
        inside = f"{self._anchors(block.labels)}{header}{details}{body}"
        return f'<article class="cv-entry"{entry_id}>{inside}</article>'

    def runs(self, runs: d.Runs) -> str:
        out = []
        for run in runs:
            if isinstance(run, d.Text):
                out.append(html.escape(run.text))
            elif isinstance(run, d.Pieces):
                out.append("<wbr>".join(html.escape(piece) for piece in run.pieces))
            elif isinstance(run, d.Strong):
                out.append(f"<strong>{self.runs(run.body)}</strong>")
            elif isinstance(run, d.Emph):
                out.append(f"<em>{self.runs(run.body)}</em>")
            elif isinstance(run, d.Code):
                out.append(f"<code>{html.escape(run.text)}</code>")
            elif isinstance(run, d.Link):
                href = html.escape(run.url)
                out.append(f'<a href="{href}">{self.runs(run.body)}</a>')
            elif isinstance(run, d.Cite):
                out.append(self.runs(run.body))
            elif isinstance(run, d.Ref):
                href = f"#{_id(run.to)}" if run.to in self.targets else ""
                body = self.runs(run.body)
                out.append(f'<a href="{href}">{body}</a>' if href else body)
            else:
                raise d.Unknown(self, run)
        return "".join(out)


def print_style(look: Look, chrome: str = "") -> str:
    """The page's stylesheet: on screen, the page's entries; printed, the
    look of the PDF (and its fonts named, which résumé checkers read from
    the page itself). *chrome* is what print does to a theme's page around
    it (leaves its navigation out)."""
    fonts = ", ".join(f'"{font}"' if " " in font else font for font in look.page_fonts)
    line = f"{look.line:g}"
    case = "uppercase" if look.capitals else "none"
    hide = f"{chrome.strip()}\n" if chrome else ""
    return f"""
.cv-onepage h3.cv-entry-line {{ font-size: 1em; font-weight: normal; padding: 0; }}
.cv-onepage .cv-entry {{ margin: 1.1rem 0 1.4rem; }}
.cv-onepage .cv-icon {{ fill: currentColor; vertical-align: -0.15em; }}
.cv-onepage .cv-entry-aside {{ margin-left: auto; }}
@media print {{
  @page {{ margin: {look.top:g}cm {look.side:g}cm {look.bottom:g}cm; }}
{hide}  nav.cv-editions {{ display: none !important; }}
  html body .cv-onepage {{ font: {look.size:g}pt/{line} {fonts}; color: #000; }}
  html body .cv-onepage :is(p, li, dt, dd, span) {{ font-size: {look.size:g}pt;
    line-height: {line}; }}
  html body .cv-onepage :is(h1, h2, h3) {{ font-family: inherit; }}
  html body .cv-onepage h1 {{ font-size: {look.name:g}pt; text-align: {look.align};
    margin: 0; }}
  html body .cv-onepage header p {{ text-align: {look.align}; margin: 0 0 5pt; }}
  html body .cv-onepage header p.cv-label {{ font-size: {look.headline:g}pt; }}
  html body .cv-onepage h2 {{ font-size: {look.heading:g}pt; text-transform: {case};
    color: {look.accent}; border-bottom: {look.rule:g}pt solid {look.accent};
    margin: {look.section_gap * look.size:g}pt 0 2pt; padding: 0 0 1pt;
    break-after: avoid; }}
  html body .cv-onepage .cv-entry {{ margin: {look.entry_gap * look.size:g}pt 0 0; }}
  html body .cv-onepage .cv-entry-header {{ margin: 0; break-after: avoid; }}
  html body .cv-onepage :is(p, ul, ol, dl, dd) {{ margin: 0; }}
  html body .cv-onepage :is(ul, ol) {{ padding-left: 1.2em; }}
  html body .cv-onepage li {{ margin: 0; }}
  html body .cv-onepage a {{ color: inherit; text-decoration: none; }}
  html body .cv-onepage .cv-entry-details {{ font-size: {look.small:g}pt; }}
  html body .cv-onepage h3.cv-entry-line {{ margin: 0; padding: 0; }}
  html body .cv-onepage .cv-terms :is(dt, dd) {{ display: inline; margin: 0;
    font-size: {look.small:g}pt; }}
  html body .cv-onepage .cv-terms dd::after {{ content: "\\A"; white-space: pre; }}
  html body .cv-onepage .cv-terms dt::after {{ content: ": "; }}
  html body .cv-onepage .cv-citation {{ font-size: {look.small:g}pt; }}
}}
"""


#: A version's page stands alone: the site's look, without the site.
ALONE = f"""
:root {{ color-scheme: light dark; --fg: #1f2328; --muted: #59636e; --bg: #fff;
  --link: {THEMES["classic"].look.accent}; }}
@media (prefers-color-scheme: dark) {{
  :root {{ --fg: #e6edf3; --muted: #9198a1; --bg: #0d1117; --link: #8cb4e8; }}
}}
body {{ margin: 0; background: var(--bg); color: var(--fg);
  font: 16px/1.5 -apple-system, BlinkMacSystemFont, "Segoe UI", Helvetica, Arial,
  sans-serif; }}
main {{ max-width: 46rem; margin: 0 auto; padding: 1.5rem 1rem 3rem; }}
a {{ color: var(--link); }}
h1 {{ font-size: 2.2rem; margin: 0 0 0.25rem; }}
h2 {{ font-size: 1.4rem; margin: 2rem 0 0.5rem; }}
.cv-entry-line {{ display: flex; flex-wrap: wrap; column-gap: 1.5rem; margin: 0; }}
.cv-entry-aside, .cv-entry-details {{ color: var(--muted); }}
.cv-entry-details {{ font-size: 0.9em; margin: 0.25rem 0; }}
"""


def standalone(data: d.Document, body: str) -> str:
    """A page of its own: the version's title, language and styles."""
    lang = "-".join(p for p in (data.lang, (data.region or "").upper()) if p)
    title = html.escape(data.title)
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{title}</title>\n"
        f'<meta name="description" content="{html.escape(data.subject)}: {title}">\n'
        f"<style>{minified(ALONE + print_style(Look.of(data.look)))}</style>\n</head>\n"
        f'<body>\n<main class="cv-onepage">{body}</main>\n</body>\n</html>\n'
    )


class PageBuilder(PrintedBuilder):
    """A version of the CV on a page of its own: the PDF's document and
    selection, as HTML (``sphinx-cv variant`` writes it beside the PDF)."""

    name = "onepage"
    epilog = "The page is in %(outdir)s."
    suffix = "html"

    def render(self, document: d.Document) -> bytes:
        domain = CVDomain.of(self.env)
        pages = {
            entry.id: f"{entry.docname}.html#{entry.anchor}"
            for entry in domain.entries.values()
        }
        body = Writer(pages, document.lang).page(document.body)
        return standalone(document, body).encode("utf-8")
