# A CV with a cover letter: the letter is set on its own, never published.
extensions = ["myst_parser", "sphinx_cv"]
myst_enable_extensions = ["colon_fence"]
exclude_patterns = ["_build"]
project = "Ada Lovelace"
author = "Ada Lovelace"
copyright = author
version = "1.0"
html_baseurl = "https://cv.example/"
cv_tags = {"core": "what the short version keeps"}
cv_variants = {
    "short": {
        "title": "Short",
        "filename": "ada-lovelace-short",
        "pages": 1,
        "sections": ["work"],
        "entries": ["core"],
    }
}
