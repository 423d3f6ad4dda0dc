# Text a person may type, and text meant to break an output: every field.
extensions = ["myst_parser", "sphinx_cv"]
myst_enable_extensions = ["colon_fence"]
myst_disable_syntax = ["html_inline", "html_block"]
smartquotes = False
exclude_patterns = ["_build"]
html_baseurl = "https://cv.example/"
version = "1"
epub_basename = "hostile"
epub_copyright = epub_publisher = epub_author = "Ada"
epub_contributor = "Ada"
epub_identifier = "urn:uuid:00000000-0000-5000-8000-000000000000"
epub_uid = "hostile"
epub_scheme = "uuid"
