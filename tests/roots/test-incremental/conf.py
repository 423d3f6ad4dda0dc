# A small CV in furo, as the real one is: pages that show one another
# (timelines, the skills index, links' labels, descriptions, the menu).
extensions = ["myst_parser", "sphinx_cv"]
myst_enable_extensions = ["colon_fence"]
exclude_patterns = ["_build"]
project = "Ada Example"
html_theme = "furo"
html_baseurl = "https://cv.example/"
