# One variant that keeps by entry tag, by bullet tag and by fill order.
extensions = ["myst_parser", "sphinxcontrib.bibtex", "sphinx_cv"]
myst_enable_extensions = ["colon_fence"]
exclude_patterns = ["_build"]
bibtex_bibfiles = ["refs.bib"]
project = "Ada"
cv_tags = {"core": "kept always", "sys": "systems work", "web": "web work"}
cv_variants = {
    "short": {
        "title": "Short",
        "filename": "ada-short",
        "pages": 1,
        "sections": ["jobs", "projects", "skills-index"],
        "entries": ["core"],
        "highlights": ["sys"],
        "fill": ["toy", "big"],
    },
}
