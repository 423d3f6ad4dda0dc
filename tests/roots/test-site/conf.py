# A small site: a person with links (icons from sphinx-design, which this
# project does not list: sphinx_cv loads it), downloads, two editions.
extensions = ["myst_parser", "sphinx_cv"]
myst_enable_extensions = ["colon_fence"]
exclude_patterns = ["_build"]
project = "Ada"
html_baseurl = "https://cv.example/en/"
cv_editions = {
    "en": ("English", "https://cv.example/en/"),
    "fr": ("Français", "https://cv.example/fr/"),
}
