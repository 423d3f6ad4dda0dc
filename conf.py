"""Sphinx configuration for Wenqing Luo's curriculum vitae.

Logic belongs in extensions; this file only declares settings, each unusual
one with the reason it is here.
"""

import os
import sys
from pathlib import Path

# The CV's own extension lives beside this file, in _ext/.
sys.path.insert(0, str(Path(__file__).parent / "_ext"))

# -- Project information -----------------------------------------------------

project = "Wenqing Luo"
author = "Wenqing Luo"
copyright = "Wenqing Luo"  # The CV gives no year to put here.
# The ePub builder warns on an empty version; this is the CV source's own.
version = "1.0"
release = version

# -- General configuration ---------------------------------------------------

extensions = [
    "myst_parser",
    "sphinx_design",
    "sphinxcontrib.bibtex",
    "sphinxext.opengraph",
    "sphinx_cv",
]

# conf.py sits at the repository root, so Sphinx would otherwise read the
# README, the tests' sources and hidden folders (.venv, caches) as pages.
exclude_patterns = [
    "_build",
    ".*",
    "README.md",
    "tests",
    "benchmarks",
    "node_modules",
    # The extension, and its documentation (a Sphinx project of its own).
    "_ext",
]

# Every cross-reference must resolve; a broken one fails the strict build.
nitpicky = True

# The English pages are the source; the Chinese edition is their translation
# (locales/zh_CN, kept in step by make gettext and sphinx-intl), built with
# `make html LANGUAGE=zh_CN`, and on Read the Docs by the translation
# project, which names its language in READTHEDOCS_LANGUAGE.
language = {"zh-cn": "zh_CN"}.get(os.environ.get("READTHEDOCS_LANGUAGE", "en"), "en")
locale_dirs = ["locales/"]
# One catalog a page, as the pages are laid out.
gettext_compact = False

# Text is shown as written, in every output: quotes and "--" stay as typed on
# the page, in the PDF and ePub as in resume.json, rather than smartened in
# some outputs and not in the exports.
smartquotes = False

# -- MyST --------------------------------------------------------------------

# colon_fence: directives whose bodies are Markdown read better as ::: fences.
# fieldlist: an entry's role, team, place and dates are a field list.
# deflist: the skills page pairs each skill with where it was used.
myst_enable_extensions = ["colon_fence", "deflist", "fieldlist"]
# A CV's text is text: HTML typed into a page is shown as written, never run
# in the site, nor left to break the ePub or vanish from the PDF.
myst_disable_syntax = ["html_inline", "html_block"]

# -- Bibliography ------------------------------------------------------------

bibtex_bibfiles = ["references.bib"]
# Numbered in order of first citation, as a CV reader meets them.
bibtex_default_style = "unsrt"

# -- CV entries (_ext/sphinx_cv) ------------------------------------------------

cv_date_format = "%B %Y"
cv_present = "Present"
# Entries name skills as their own lines do; the skills index files them
# under the names the Skills section uses.
cv_skill_aliases = {
    "C": "C/C++",
    "C++": "C/C++",
    "Pure C": "C/C++",
    "React.js": "React",
    "Vue.js": "Vue",
    "NodeJS": "Node.js",
    "Elasticsearch": "ElasticSearch",
}

# -- Editions (make html LANGUAGE=zh_CN; _ext/sphinx_cv/editions.py) -----------

# Each language's edition: the name its switch shows, and its address (two
# Read the Docs projects, the Chinese one a translation of the English).
# The first is the source: the exports come from it.
cv_editions = {
    "en": ("English", "https://wenqing-luo-cv.readthedocs.io/en/latest/"),
    "zh_CN": ("中文", "https://wenqing-luo-cv.readthedocs.io/zh-cn/latest/"),
}

# -- Versions of the CV (make variant V=NAME; _ext/sphinx_cv/variants.py) -----

# What entries and bullets may be tagged with, and what each tag means.
cv_tags = {
    "core": "what every résumé keeps: the degrees and the internships",
    "systems": "kernels, networking, compilers and infrastructure",
    "backend": "backend services of products",
    "web": "web applications and their front ends",
}
# One-page résumés selected from the CV. The web site stays the full CV.
cv_variants = {
    "resume": {
        "title": "Résumé",
        "filename": "wenqing-luo-resume",
        "pages": 1,
        "sections": [
            "education",
            "experience/index",
            "projects/index",
            "teaching/index",
            "honors",
            "skills",
        ],
        "entries": ["core"],
        "fill": [
            "weirdos",
            "ece220",
            "icm-2020",
            "vscode-firefox",
            "recruit-open-platform",
        ],
    },
    "systems": {
        "title": "Résumé, systems and infrastructure",
        "filename": "wenqing-luo-systems",
        "pages": 1,
        "sections": [
            "education",
            "experience/index",
            "projects/index",
            "teaching/index",
            "skills",
        ],
        "entries": ["systems"],
        "highlights": ["systems"],
        "fill": ["weirdos", "ece220", "recruit-open-platform"],
    },
}

# -- Printed outputs (make pdf, docx; _ext/sphinx_cv/printed/) ---------------

# Typst sets the PDF in-process from the same pages: no TeX. The paper is
# the one setting a reader elsewhere changes ("us-letter" in America).
cv_pdf_paper = "a4"
# A résumé of two pages at most: a longer CV fails the build, saying by
# how much, rather than spill onto a third.
cv_pdf_pages = 2

# -- ePub output -------------------------------------------------------------

epub_title = project
epub_author = author
epub_publisher = author
# Sphinx writes dc:contributor always; its default is the word "unknown".
epub_contributor = author
epub_copyright = copyright
epub_description = "Curriculum vitae of Wenqing Luo"
# A stable identifier of the book, a name-based UUID (uuid5 of the basename
# in the URL namespace), so every build of the CV is the same book.
epub_scheme = "uuid"
epub_identifier = "urn:uuid:9905e934-3a37-58ec-bd5b-aa5317f5f7c5"
epub_uid = "wenqing-luo-cv"
# Links print their address after the text, as in the PDF.
epub_show_urls = "inline"
epub_use_index = False
# The navigation document lists the sections, which the index page's hidden
# toctrees hold.
epub_tocscope = "includehidden"

# -- HTML output -------------------------------------------------------------

# Read the Docs gives the published address; elsewhere each edition's is in
# cv_editions below.
html_baseurl = os.environ.get("READTHEDOCS_CANONICAL_URL", "")

html_theme = "furo"
html_title = "Wenqing Luo"
# The entries' stylesheet comes with sphinx_cv; _static holds the favicon.
html_static_path = ["_static"]
# Without an icon, browsers ask for /favicon.ico and log its 404 (which
# costs Lighthouse best-practices points): the initials, in SVG.
html_favicon = "_static/favicon.svg"
# The Markdown sources are not part of the CV; do not publish them.
html_copy_source = False
html_show_sourcelink = False
# A CV has no index entries: the general index would be an empty page.
html_use_index = False

# -- External links (make linkcheck; needs the internet, so not in CI) ---------

# LinkedIn answers automated requests with status 999; the address is the
# one the CV gives, checked by hand.
linkcheck_ignore = [r"https://www\.linkedin\.com/"]

# -- Web metadata ------------------------------------------------------------

ogp_site_url = html_baseurl  # or, elsewhere, the edition's address
# Descriptions come from the entries (sphinx_cv.export), never from a page's
# first words, which on the index page are the e-mail address.
ogp_enable_meta_description = False
ogp_social_cards = {"enable": False}
