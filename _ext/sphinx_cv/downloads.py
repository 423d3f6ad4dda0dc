"""The ``cv:downloads`` directive: links to the CV in each format it is built in."""

from __future__ import annotations

from docutils import nodes
from sphinx import addnodes
from sphinx.util.docutils import SphinxDirective

from sphinx_cv.editions import is_source, source_url
from sphinx_cv.i18n import _, note_catalogs
from sphinx_cv.variants import Variant


def _link(label: str, url: str, after: str = "") -> nodes.inline:
    link = nodes.inline()
    link += nodes.reference(label, label, refuri=url)
    link += nodes.Text(after)
    return link


class DownloadsDirective(SphinxDirective):
    """``cv:downloads``: links to the CV as PDF, Word, ePub and JSON Resume.

    On Read the Docs the PDF and ePub come from its downloads
    (``cv_downloads_root``, set from its environment); a local ``make all``
    (tag ``downloads``, tested when the page is written) puts them beside
    the HTML, with the Word file, and the PDF and Word file of each version
    of the CV (``cv_variants``); a plain HTML build has ``resume.json``
    only.
    """

    def run(self) -> list[nodes.Node]:
        note_catalogs(self.env)
        up = "../" * self.env.docname.count("/")
        basename = self.config.epub_basename
        # Made here, in the build's language: not a message of the page.
        line = nodes.paragraph(classes=["cv-downloads"], translatable=False)
        line += nodes.Text(_("Download: "))
        root = self.config.cv_downloads_root
        if root:
            line += _link("PDF", f"{root}/pdf/", " \u00b7 ")
            line += _link("ePub", f"{root}/epub/", " \u00b7 ")
        else:
            local = addnodes.only(expr="downloads")
            local += _link("PDF", f"{up}{basename}.pdf", " \u00b7 ")
            local += _link("Word", f"{up}{basename}.docx", " \u00b7 ")
            local += _link("ePub", f"{up}{basename}.epub", " \u00b7 ")
            variants = self.config.cv_variants if is_source(self.config) else {}
            for name, data in variants.items():
                variant = Variant.parse(name, data, self.config.cv_tags)
                for kind, suffix in (("PDF", "pdf"), ("Word", "docx")):
                    label = f"{variant.title} ({kind})"
                    url = f"{up}{variant.filename}.{suffix}"
                    local += _link(label, url, " \u00b7 ")
            line += local
        # The exports are the source edition's, in one canonical record.
        exports = up if is_source(self.config) else source_url(self.config)
        line += _link("JSON Resume", f"{exports}resume.json")
        return [line]
