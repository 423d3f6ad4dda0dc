# A person with a portrait: printed only where cv_photo says so.
extensions = ["myst_parser", "sphinx_cv"]
myst_enable_extensions = ["colon_fence"]
exclude_patterns = ["_build"]
project = author = copyright = "Ada Lovelace"
version = "1.0"
