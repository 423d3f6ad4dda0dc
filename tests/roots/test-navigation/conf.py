# A site whose navigation has what furo marks and links in every page:
# nested folders three deep, two captioned toctrees (one hidden), an
# external address, an explicit title, a page with children of its own,
# titles with characters HTML escapes, sections the navigation leaves out,
# and a page in no toctree.
extensions = ["myst_parser", "sphinx_cv"]
exclude_patterns = ["_build"]
project = "Navigation"
html_theme = "furo"
