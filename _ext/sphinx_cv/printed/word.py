"""The Word file: the printed document written with python-docx.

``sphinx-build -b docx`` (``make docx``) writes the same document as the
PDF (the same blocks, the same order, the same selection for a version,
fitted by the PDF's own layout) into a ``.docx``, its styles made from the
one look (:mod:`sphinx_cv.look`). It is laid out as résumé parsers and Word
users expect: real paragraph styles (Title, Heading 1 and 2, ``CV Entry``
for an entry's first line, List Bullet), every paragraph in reading order
in the body (no tables, no text boxes, nothing in headers or footers), the
dates at a right tab stop, real hyperlinks showing the addresses as typed,
fonts every Word and LibreOffice has (Calibri, which LibreOffice sets as its
metric twin Carlito; SimSun for Chinese), the PDF's paper. The same sources
give the same bytes.
"""

from __future__ import annotations

import datetime
import io
import re
import zipfile
from typing import TYPE_CHECKING, Any, cast

from docx import Document
from docx.enum.section import WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING, WD_TAB_ALIGNMENT
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Inches, Pt, RGBColor

from sphinx_cv.look import Look
from sphinx_cv.printed import document as d
from sphinx_cv.printed.builder import PrintedBuilder
from sphinx_cv.printed.typeset import epoch

if TYPE_CHECKING:
    from collections.abc import Sequence

    from docx.document import Document as DocxDocument
    from docx.section import Section
    from docx.styles.style import ParagraphStyle
    from docx.text.paragraph import Paragraph

PAPERS = {"a4": (Cm(21), Cm(29.7)), "us-letter": (Inches(8.5), Inches(11))}
#: The East Asian face of each CJK language, the PDF's, and the face of
#: its Windows that Word sets where that one is missing, with the font
#: table's charset of the script.
EAST_ASIAN = {
    "zh": ("Noto Serif CJK SC", "SimSun", "86"),
    "ja": ("Noto Serif CJK JP", "MS Mincho", "80"),
    "ko": ("Noto Serif CJK KR", "Batang", "81"),
}
NONE = Pt(0)
#: What XML cannot hold: the C0 controls but tab, line feed and carriage
#: return, and the two non-characters of the Basic Multilingual Plane.
_UNWRITABLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _fonts(element: Any, east_asian: str, latin: str) -> None:
    """Name the fonts of a run's or a style's properties outright: a theme
    font, which the template's styles use, would win over a name."""
    fonts = element.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        element.insert(0, fonts)
    for attribute in list(fonts.attrib):
        if attribute.lower().endswith("theme"):
            del fonts.attrib[attribute]
    for kind in ("ascii", "hAnsi", "cs"):
        fonts.set(qn(f"w:{kind}"), latin)
    if east_asian:
        fonts.set(qn("w:eastAsia"), east_asian)


class _Writer:
    """Writes the printed document's blocks into one Word document."""

    def __init__(self, data: d.Document) -> None:
        self.data = data
        #: The look's values: the build's theme's, as the PDF's.
        self.look = Look.of(data.look)
        self.body, self.small = Pt(self.look.size), Pt(self.look.small)
        self.accent = RGBColor.from_string(self.look.accent.lstrip("#").upper())
        self.margins = {
            "left": Cm(self.look.side),
            "right": Cm(self.look.side),
            "top": Cm(self.look.top),
            "bottom": Cm(self.look.bottom),
        }
        self.doc: DocxDocument = Document()
        self.east_asian, *stand_in = EAST_ASIAN.get(data.lang, ("",))
        #: What Word sets where the East Asian face is missing: its name, charset.
        self.stand_in: list[str] = stand_in
        #: Bookmarks for the labels links go to, by label.
        self.bookmarks: dict[str, str] = {}
        self.targets = set(d.targets(data.body))
        #: Labels of anchors, for the next paragraph.
        self.pending: list[str] = []
        self.marks = 0

    # -- the document -------------------------------------------------------------

    def write(self) -> DocxDocument:
        self._page()
        self._styles()
        self._properties()
        if self.data.photo:
            self._photo()
        for block in self.data.body:
            self.block(block)
        return self.doc

    def _photo(self) -> None:
        """The portrait, above the name at the right, described."""
        paragraph = self.doc.add_paragraph()
        paragraph.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        shape = paragraph.add_run().add_picture(self.data.photo, width=Cm(2.2))
        shape._inline.docPr.set("descr", self.data.photo_alt)

    def _page(self) -> None:
        section = self.doc.sections[0]
        section.page_width, section.page_height = PAPERS[self.data.paper]
        for side, length in self.margins.items():
            setattr(section, f"{side}_margin", length)

    @property
    def language(self) -> str:
        """The document's language as Word tags it: ``en``, ``zh-CN``."""
        region = (self.data.region or "").upper()
        return f"{self.data.lang}-{region}" if region else self.data.lang

    @property
    def width(self) -> int:
        """The text's width: where the dates' tab stop is."""
        paper_width = PAPERS[self.data.paper][0]
        return int(paper_width - self.margins["left"] - self.margins["right"])

    def _styles(self) -> None:
        styles = self.doc.styles
        language = self.language
        defaults = self.doc.styles.element.find(qn("w:docDefaults"))
        run_defaults = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
        _fonts(run_defaults, self.east_asian, self.look.word_font)
        lang = run_defaults.find(qn("w:lang"))
        lang.set(qn("w:val"), language)
        lang.set(qn("w:eastAsia"), language)
        normal = styles["Normal"]
        normal.font.size = self.body
        spacing = normal.paragraph_format
        spacing.space_before, spacing.space_after = NONE, NONE
        # The look's line, exactly, whatever the face's own.
        spacing.line_spacing = Pt(self.look.size * self.look.line)
        spacing.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        title = styles["Title"]
        _fonts(title.element.get_or_add_rPr(), self.east_asian, self.look.word_font)
        title.font.size, title.font.bold = Pt(self.look.name), True
        title.font.color.rgb = RGBColor(0, 0, 0)
        title.paragraph_format.alignment = (
            WD_ALIGN_PARAGRAPH.CENTER
            if self.look.align == "center"
            else WD_ALIGN_PARAGRAPH.LEFT
        )
        title.paragraph_format.space_after = NONE
        title.paragraph_format.line_spacing = Pt(self.look.name * self.look.line)
        title.paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        border = title.element.pPr.find(qn("w:pBdr"))
        if border is not None:
            title.element.pPr.remove(border)
        for name, size, before in (
            (
                "Heading 1",
                Pt(self.look.heading),
                Pt(self.look.section_gap * self.look.size),
            ),
            ("Heading 2", self.body, Pt(self.look.section_gap * self.look.size)),
        ):
            heading = styles[name]
            _fonts(
                heading.element.get_or_add_rPr(),
                self.east_asian,
                self.look.word_font,
            )
            heading.font.size, heading.font.bold = size, True
            heading.font.color.rgb = self.accent
            heading.paragraph_format.space_before = before
            heading.paragraph_format.space_after = Pt(2)
            heading.paragraph_format.line_spacing = Pt(size.pt * self.look.line)
            heading.paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        styles["Heading 1"].font.all_caps = self.look.capitals
        _rule(styles["Heading 1"], self.look.rule, self.accent)
        for name in ("List Bullet", "List Number"):
            styles[name].paragraph_format.space_after = NONE
            self._indent(styles[name])
        self._style("CV Contacts", center=True, after=Pt(6))
        self._style(
            "CV Headline", center=True, after=Pt(2), size=Pt(self.look.headline)
        )
        gap = Pt(self.look.entry_gap * self.look.size)
        entry = self._style("CV Entry", before=gap, keep=True, tab=True)
        # An entry's first line heads it: Word's navigation and a PDF's
        # bookmarks list it under its section.
        entry.element.get_or_add_pPr().append(_outline(1))
        # Chinese, Japanese and Korean have no italics: emphasis stays upright.
        detail = self._style("CV Entry Detail", keep=True, tab=True)
        detail.font.italic = not self.east_asian
        self._style("CV Details", size=self.small, keep=True)
        # What the PDF sets smaller: the skills index, the references.
        self._style("CV Small", size=self.small)
        hyperlink = styles.add_style("Hyperlink", WD_STYLE_TYPE.CHARACTER)
        hyperlink.font.color.rgb = self.accent

    def _indent(self, style: ParagraphStyle) -> None:
        """The list's marker close to the margin, its text 0.45 cm in, as
        in the PDF: the template's quarter inch wraps lines sooner."""
        numbering = style.element.pPr.find(qn("w:numPr"))
        number = numbering.find(qn("w:numId")).get(qn("w:val"))
        definitions = self.doc.part.numbering_part.element
        [used] = definitions.xpath(f'w:num[@w:numId="{number}"]/w:abstractNumId/@w:val')
        for indent in definitions.xpath(
            f'w:abstractNum[@w:abstractNumId="{used}"]/w:lvl[@w:ilvl="0"]//w:ind'
        ):
            indent.set(qn("w:left"), str(Cm(0.45).twips))
            indent.set(qn("w:hanging"), str(Cm(0.35).twips))
        for tab in definitions.xpath(
            f'w:abstractNum[@w:abstractNumId="{used}"]/w:lvl[@w:ilvl="0"]//w:tab'
        ):
            tab.set(qn("w:pos"), str(Cm(0.45).twips))
        # A bullet is a bullet, U+2022, in the text's font: the template's
        # is a private character of the Symbol font, which parsers read as such.
        for level in definitions.xpath(
            f'w:abstractNum[@w:abstractNumId="{used}"]/w:lvl[w:numFmt/@w:val="bullet"]'
        ):
            level.find(qn("w:lvlText")).set(qn("w:val"), "\u2022")
            fonts = level.find(qn("w:rPr"))
            if fonts is not None:
                level.remove(fonts)

    def _style(
        self,
        name: str,
        *,
        center: bool = False,
        before: Pt = NONE,
        after: Pt = NONE,
        size: Pt | None = None,
        keep: bool = False,
        tab: bool = False,
    ) -> ParagraphStyle:
        style = cast(
            "ParagraphStyle", self.doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        )
        style.base_style = self.doc.styles["Normal"]
        size = size or self.body
        style.font.size = size
        form = style.paragraph_format
        form.line_spacing = Pt(size.pt * self.look.line)
        form.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        form.space_before, form.space_after = before, after
        form.keep_with_next = keep
        if center:
            form.alignment = WD_ALIGN_PARAGRAPH.CENTER
        if tab:
            form.tab_stops.add_tab_stop(self.width, WD_TAB_ALIGNMENT.RIGHT)
        return style

    def _properties(self) -> None:
        """Title, author, subject, keywords and language; nothing of the
        machine that built it, and a date only from SOURCE_DATE_EPOCH."""
        core = self.doc.core_properties
        core.title = self.data.title
        core.author = core.last_modified_by = self.data.author
        core.subject = self.data.subject
        core.keywords = _within(self.data.keywords, 255)
        core.language = self.language
        core.comments = core.category = ""
        core.revision = 1
        dated = epoch()
        if dated is not None:
            when = datetime.datetime.fromtimestamp(dated, datetime.UTC)
            core.created = core.modified = when.replace(tzinfo=None)
        else:
            for name in ("dcterms:created", "dcterms:modified"):
                dated = core._element.find(qn(name))
                if dated is not None:
                    core._element.remove(dated)
        package = self.doc.part.package
        for rel_id, rel in list(package.rels.items()):
            if rel.reltype == RELATIONSHIP_TYPE.THUMBNAIL:
                del package.rels[rel_id]
        for rel_id, rel in list(self.doc.part.rels.items()):
            if rel.reltype == RELATIONSHIP_TYPE.CUSTOM_XML:
                del self.doc.part.rels[rel_id]
        for part in package.iter_parts():
            if part.partname == "/docProps/app.xml":
                part._blob = _APP
            elif part.partname == "/word/fontTable.xml":
                part._blob = self._font_table()

    def _font_table(self) -> bytes:
        """The fonts the document names, and what Word sets in their stead
        where a machine lacks one (the template's list is of others)."""
        fonts = [
            f'<w:font w:name="{self.look.word_font}"><w:charset w:val="00"/>'
            '<w:family w:val="swiss"/><w:pitch w:val="variable"/></w:font>',
            '<w:font w:name="Consolas"><w:charset w:val="00"/>'
            '<w:family w:val="modern"/><w:pitch w:val="fixed"/></w:font>',
        ]
        if self.east_asian:
            stand_in, charset = self.stand_in
            fonts.append(
                f'<w:font w:name="{self.east_asian}"><w:altName w:val="{stand_in}"/>'
                f'<w:charset w:val="{charset}"/><w:family w:val="roman"/>'
                '<w:pitch w:val="variable"/></w:font>'
            )
        return (
            "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
            '<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/'
            f'2006/main">{"".join(fonts)}</w:fonts>'
        ).encode()

    # -- blocks -----------------------------------------------------------------

    def paragraph(self, style: str, labels: Sequence[str] = ()) -> Paragraph:
        paragraph = self.doc.add_paragraph(style=style)
        for label in [*self.pending, *labels]:
            if label in self.targets:
                self._bookmark(paragraph, label)
        self.pending = []
        return paragraph

    def block(self, block: d.Block) -> None:
        d.writer_of(self, block)(block)

    def write_section(self, block: d.Section) -> None:
        level = block.level
        style = "Title" if level == 1 else "Heading 1" if level == 2 else "Heading 2"
        self.runs(self.paragraph(style, block.labels), block.title)
        for child in block.body:
            self.block(child)

    def write_part(self, block: d.Part) -> None:
        self.pending.append(block.page)
        for child in block.body:
            self.block(child)

    def write_anchor(self, block: d.Anchor) -> None:
        self.pending += block.labels

    def write_paragraph(self, block: d.Paragraph, numbered: str = "") -> None:
        paragraph = self.paragraph("Normal", block.labels)
        if block.spaced:
            paragraph.paragraph_format.space_before = Pt(self.look.size * 0.6)
        if numbered:
            paragraph.add_run(numbered)
        self.runs(paragraph, block.body)

    def write_contacts(self, block: d.Contacts) -> None:
        if block.label:
            self.paragraph("CV Headline").add_run(_text(block.label))
        line = self.paragraph("CV Contacts")
        for number, item in enumerate(block.items):
            if number:
                line.add_run(" | ")
            text: d.Runs = (d.Text(item.text),)
            self.runs(line, (d.Link(item.url, text),) if item.url else text)

    def write_terms(self, block: d.Terms) -> None:
        self.pending += block.labels
        for item in block.items:
            paragraph = self.paragraph("Normal", item.labels)
            self.runs(paragraph, item.term, bold=True)
            paragraph.add_run(self.data.colon)
            self.runs(paragraph, item.body)

    def write_citation(self, block: d.Citation) -> None:
        style = "Normal" if block.publication else "CV Small"
        paragraph = self.paragraph(style, block.labels)
        paragraph.paragraph_format.left_indent = Cm(0.9)
        paragraph.paragraph_format.first_line_indent = Cm(-0.9)
        paragraph.add_run(f"[{block.label}]\t")
        self.runs(paragraph, block.body)

    def write_codeblock(self, block: d.CodeBlock) -> None:
        run = self.paragraph("Normal").add_run(_text(block.text))
        run.font.name = "Consolas"

    def write_columns(self, block: d.Columns) -> None:
        """Blocks in two columns, smaller, as in the PDF: a section of the
        document of its own with Word's columns (read in order, no table)."""
        self.doc.add_section(WD_SECTION.CONTINUOUS)
        start = len(self.doc.paragraphs)
        for child in block.body:
            self.block(child)
        for paragraph in self.doc.paragraphs[start:]:
            if paragraph.style is not None and paragraph.style.name == "Normal":
                paragraph.style = self.doc.styles["CV Small"]
        # A section's settings close it: these two columns end here.
        _columns(self.doc.sections[-1], block.count)
        _columns(self.doc.add_section(WD_SECTION.CONTINUOUS), 1)

    def write_list(self, block: d.List) -> None:
        """Bullets in List Bullet; numbers in List Number, or written out
        where they count down, which Word's numbering cannot."""
        self.pending += block.labels
        count = len(block.items)
        for number, item in enumerate(block.items):
            first, *rest = item.body or (d.Paragraph(()),)
            if block.reversed and isinstance(first, d.Paragraph):
                self.write_paragraph(first, numbered=f"{count - number}. ")
            elif isinstance(first, d.Paragraph):
                style = "List Number" if block.numbered else "List Bullet"
                self.runs(self.paragraph(style, first.labels), first.body)
            else:
                rest = [first, *rest]
            for child in rest:
                self.block(child)

    def write_entry(self, block: d.Entry) -> None:
        """The entry's first line (what, then its dates at the right tab),
        the lines under it, the details line, then its body."""
        for number, line in enumerate(block.lines):
            style = "CV Entry" if number == 0 else "CV Entry Detail"
            paragraph = self.paragraph(style, block.labels if number == 0 else ())
            self.runs(paragraph, line.main)
            if line.aside:
                aside = paragraph.add_run("\t" + _text(line.aside))
                aside.bold = aside.italic = False
        if block.details:
            self.runs(self.paragraph("CV Details"), block.details)
        for child in block.body:
            self.block(child)

    # -- runs ---------------------------------------------------------------------

    def runs(
        self,
        paragraph: Paragraph,
        runs: d.Runs,
        *,
        bold: bool = False,
        italic: bool = False,
        into: Any = None,
    ) -> None:
        for run in runs:
            if isinstance(run, d.Text):
                self._run(paragraph, run.text, bold, italic, into)
            elif isinstance(run, d.Pieces):
                self._run(paragraph, "".join(run.pieces), bold, italic, into)
            elif isinstance(run, d.Strong):
                self.runs(paragraph, run.body, bold=True, italic=italic, into=into)
            elif isinstance(run, d.Emph):
                slant = not self.east_asian
                self.runs(paragraph, run.body, bold=bold, italic=slant, into=into)
            elif isinstance(run, d.Code):
                self._run(
                    paragraph, run.text, bold, italic, into
                ).font.name = "Consolas"
            elif isinstance(run, d.Cite):
                self.runs(paragraph, run.body, bold=bold, italic=italic, into=into)
            elif isinstance(run, (d.Link, d.Ref)):
                link = OxmlElement("w:hyperlink")
                if isinstance(run, d.Link):
                    relation = paragraph.part.relate_to(
                        run.url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True
                    )
                    link.set(qn("r:id"), relation)
                else:
                    link.set(qn("w:anchor"), self._name(run.to))
                (into if into is not None else paragraph._p).append(link)
                self.runs(paragraph, run.body, bold=bold, italic=italic, into=link)
            else:
                raise d.Unknown(self, run)

    def _run(
        self, paragraph: Paragraph, text: str, bold: bool, italic: bool, into: Any
    ) -> Any:
        run = paragraph.add_run(_text(text))
        if bold:
            run.bold = True
        if italic:
            run.italic = True
        if into is not None:
            run.style = self.doc.styles["Hyperlink"]
            into.append(run._r)
        return run

    # -- bookmarks ------------------------------------------------------------------

    def _name(self, label: str) -> str:
        """A bookmark's name for *label*: a letter, then letters and digits,
        at most 40 characters, as Word takes them."""
        if label not in self.bookmarks:
            self.bookmarks[label] = f"cv{len(self.bookmarks) + 1}"
        return self.bookmarks[label]

    def _bookmark(self, paragraph: Paragraph, label: str) -> None:
        """A bookmark at the start of *paragraph*, where links to *label* go."""
        self.marks += 1
        start = OxmlElement("w:bookmarkStart")
        start.set(qn("w:id"), str(self.marks))
        start.set(qn("w:name"), self._name(label))
        end = OxmlElement("w:bookmarkEnd")
        end.set(qn("w:id"), str(self.marks))
        at = 1 if paragraph._p.pPr is not None else 0
        paragraph._p[at:at] = [start, end]


def _columns(section: Section, count: int) -> None:
    """Set *section* in *count* columns."""
    columns = section._sectPr.find(qn("w:cols"))
    if columns is None:
        columns = OxmlElement("w:cols")
        section._sectPr.append(columns)
    columns.set(qn("w:num"), str(count))
    columns.set(qn("w:space"), str(Cm(0.8).twips))


def _rule(style: ParagraphStyle, width: float, colour: RGBColor) -> None:
    """A rule under a heading, as in the PDF."""
    border = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (
        ("val", "single"),
        ("sz", str(round(width * 8))),
        ("space", "1"),
        ("color", str(colour)),
    ):
        bottom.set(qn(f"w:{key}"), value)
    border.append(bottom)
    style.element.get_or_add_pPr().append(border)


def _outline(level: int) -> Any:
    outline = OxmlElement("w:outlineLvl")
    outline.set(qn("w:val"), str(level))
    return outline


def _text(text: str) -> str:
    """Text as XML can hold it: a control character (which no CV means)
    becomes U+FFFD, which shows that something was there."""
    return _UNWRITABLE.sub("\ufffd", " ".join(text.split("\n")))


def _within(words: Sequence[str], limit: int) -> str:
    """*words* joined by commas, as many as fit in *limit* characters."""
    joined = ""
    for word in words:
        longer = f"{joined}, {word}" if joined else word
        if len(longer) > limit:
            break
        joined = longer
    return joined


#: The document's extended properties: which program wrote it, and no more.
_APP = (
    b"<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
    b'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
    b'extended-properties"><Application>sphinx-cv</Application></Properties>'
)


def docx(data: d.Document) -> bytes:
    """The printed document *data* as a Word file; the same data give the
    same bytes (every part stored with one date)."""
    written = io.BytesIO()
    _Writer(data).write().save(written)
    fixed = io.BytesIO()
    with (
        zipfile.ZipFile(written) as source,
        zipfile.ZipFile(fixed, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            stored = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            stored.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(stored, source.read(info))
    return fixed.getvalue()


class WordBuilder(PrintedBuilder):
    """The CV as one Word file: the PDF's document, the same selection."""

    name = "docx"
    epilog = "The Word file is in %(outdir)s."
    suffix = "docx"
    paged = True

    def render(self, document: d.Document) -> bytes:
        return docx(document)
