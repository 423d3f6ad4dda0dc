# A site that uses what the CV does not: a code block and tabs, each on a
# page of its own, beside a page with neither.
extensions = ["myst_parser", "sphinx_cv"]
myst_enable_extensions = ["colon_fence"]
exclude_patterns = ["_build"]
project = "Assets"
html_theme = "furo"
