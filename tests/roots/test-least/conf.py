# Every type of entry with the least it takes: what a CV leaves out must
# still give exports their formats accept (RenderCV requires fields of each
# of its types that this CV's types make optional).
extensions = ["myst_parser", "sphinx_cv"]
myst_enable_extensions = ["colon_fence"]
exclude_patterns = ["_build"]
project = author = "Ada Lovelace"
cv_pdf_pages = 0
