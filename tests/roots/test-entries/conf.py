extensions = ["myst_parser", "sphinx_cv"]
myst_enable_extensions = ["colon_fence"]
exclude_patterns = ["_build"]
cv_skill_aliases = {"C": "C/C++", "C++": "C/C++"}
# What an ePub needs of its metadata (tests/test_outputs.py builds one).
version = "1"
copyright = "Ada Example"
