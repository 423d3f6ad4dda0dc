# Publications of each BibTeX type, listed by the style cv in two lists.
extensions = ["myst_parser", "sphinxcontrib.bibtex", "sphinx_cv"]
myst_enable_extensions = ["colon_fence"]
exclude_patterns = ["_build"]
project = "Ada Lovelace"
copyright = "Ada Lovelace"
version = "1.0"
bibtex_bibfiles = ["refs.bib"]
bibtex_default_style = "cv"
cv_et_al = 4
cv_pdf_pages = 0
cv_tags = {"selected": "the publications a short CV lists"}
cv_variants = {
    "selected": {
        "title": "Selected publications",
        "filename": "ada-lovelace-selected",
        "pages": 1,
        "sections": ["articles", "other"],
        "entries": ["selected"],
    }
}
