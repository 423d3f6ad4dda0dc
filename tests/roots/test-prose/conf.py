# Pages of prose beside entries: what RenderCV calls text, bullet, numbered,
# reversed-numbered and one-line entries, as Markdown writes them.
extensions = ["myst_parser", "sphinxcontrib.bibtex", "sphinx_cv"]
myst_enable_extensions = ["attrs_block", "colon_fence", "deflist"]
exclude_patterns = ["_build"]
project = "Ada Lovelace"
copyright = "Ada Lovelace"
version = "2.1"
today = "1843-09-01"
html_baseurl = "https://cv.example/"
bibtex_bibfiles = ["refs.bib"]
bibtex_default_style = "cv"
