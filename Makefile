# Sphinx make-mode Makefile for the CV.
#
# Every documented target is routed to `sphinx-build -M`. On first use the
# targets create a virtual environment in $(VENV) from requirements.txt, so a
# fresh clone needs nothing but `make html`.

VENV          ?= .venv
PYTHON        ?= python3
SPHINXOPTS    ?=
SPHINXBUILD   ?= $(VENV)/bin/python -m sphinx
SOURCEDIR     = .
BUILDDIR      = _build

# Another edition of the CV: `make html LANGUAGE=zh_CN` (or pdf, epub,
# strict) builds it from the translations in locales/, into _build/zh_CN/.
# Only a LANGUAGE given on the command line counts: shells often export one.
ifeq ($(origin LANGUAGE),command line)
BUILDDIR   := $(BUILDDIR)/$(LANGUAGE)
SPHINXOPTS += -D language=$(LANGUAGE)
endif

# The package's commands, and a build through its build server
# (sphinx_cv.server: Sphinx kept running, so that a second `make pdf` reads
# only the pages that changed, and one with nothing changed does nothing).
SPHINX_CV     = PYTHONPATH=_ext $(VENV)/bin/python -m sphinx_cv
SERVED        = PYTHONPATH=_ext $(VENV)/bin/python -m sphinx_cv.server

# Stamp files: reinstall when a requirements file changes.
BUILD_DEPS = $(VENV)/.build-deps
DEV_DEPS   = $(VENV)/.dev-deps

help: $(BUILD_DEPS)
	@$(SPHINXBUILD) -M help "$(SOURCEDIR)" "$(BUILDDIR)" $(SPHINXOPTS) $(O)

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)

$(BUILD_DEPS): requirements.txt | $(VENV)/bin/python
	$(VENV)/bin/python -m pip install --quiet --upgrade pip
	$(VENV)/bin/python -m pip install --quiet -r requirements.txt
	@touch $@

$(DEV_DEPS): requirements-dev.txt $(BUILD_DEPS)
	$(VENV)/bin/python -m pip install --quiet -r requirements-dev.txt
	@touch $@

# Warnings are errors, every reference is checked, and all of them are shown.
# Every page is read again (-E): Sphinx warns about a page only when it reads
# it, so a saved environment would let a second run pass over the warning
# that failed the first. The site is built aside and replaces _build/html
# only if it passed, so a failed build never leaves a half-built site where
# the good one was.
strict: $(BUILD_DEPS)
	@rm -rf "$(BUILDDIR)/strict"
	@$(SPHINXBUILD) -b html "$(SOURCEDIR)" "$(BUILDDIR)/strict" -d "$(BUILDDIR)/doctrees" \
		-E -nW --keep-going $(SPHINXOPTS) $(O)
	@rm -rf "$(BUILDDIR)/html" && mv "$(BUILDDIR)/strict" "$(BUILDDIR)/html"

# The site and the PDF built again on every save, the page reloaded
# (sphinx_cv.live): one process keeps Sphinx and Typst between saves.
live: $(BUILD_DEPS)
	@$(SPHINX_CV) live --sources "$(SOURCEDIR)" --builddir "$(BUILDDIR)" -- $(SPHINXOPTS) $(O)

# The PDF, typeset by Typst in-process (sphinx_cv.printed.pdf):
# $(BUILDDIR)/pdf/. A character no font has, or a CV over its pages, stops
# it at its source and the previous PDF stays. `latexpdf` is the name Sphinx
# users type. Built through the build server (SERVED).
pdf: $(BUILD_DEPS)
	@$(SERVED) -b pdf "$(SOURCEDIR)" "$(BUILDDIR)/pdf" -d "$(BUILDDIR)/doctrees" $(SPHINXOPTS) $(O)
latexpdf: pdf

# Versions of the CV (cv_variants in conf.py), each fitted to its pages:
# make variant V=resume writes $(BUILDDIR)/wenqing-luo-resume.pdf, and its
# .docx, .html (its page), .md and .txt beside it. Built strictly: a warning
# fails the version, as it fails `make strict`.
variant: $(BUILD_DEPS)
	@$(SPHINX_CV) variant $(V) --sources "$(SOURCEDIR)" --builddir "$(BUILDDIR)" \
		-- $(SPHINXOPTS) $(O)

variants: $(BUILD_DEPS)
	@$(SPHINX_CV) variant --all --sources "$(SOURCEDIR)" --builddir "$(BUILDDIR)" \
		-- $(SPHINXOPTS) $(O)

# The Word file, from the same document as the PDF (sphinx_cv.printed.word):
# $(BUILDDIR)/docx/. A failed build keeps the previous one.
docx: $(BUILD_DEPS)
	@$(SERVED) -b docx "$(SOURCEDIR)" "$(BUILDDIR)/docx" -d "$(BUILDDIR)/doctrees" $(SPHINXOPTS) $(O)

# The same document as Markdown (sphinx_cv.printed.markdown):
# $(BUILDDIR)/markdown/; and as plain text for an application form's text
# boxes, one line a paragraph or bullet (sphinx_cv.printed.plaintext):
# $(BUILDDIR)/plaintext/. A failed build keeps the previous one.
markdown: $(BUILD_DEPS)
	@$(SPHINXBUILD) -M markdown "$(SOURCEDIR)" "$(BUILDDIR)" $(SPHINXOPTS) $(O)

plaintext: $(BUILD_DEPS)
	@$(SPHINXBUILD) -M plaintext "$(SOURCEDIR)" "$(BUILDDIR)" $(SPHINXOPTS) $(O)

# Every file the site offers (the CV's PDF, Word file, ePub, Markdown and
# plain text; each version's PDF, Word file, page, Markdown and plain text)
# into $(BUILDDIR)/downloads, built strictly.
downloads: $(BUILD_DEPS)
	@$(SPHINX_CV) downloads --sources "$(SOURCEDIR)" --builddir "$(BUILDDIR)" \
		-- $(SPHINXOPTS) $(O)

# Every format: the site, with every download beside its pages and listed,
# with its size, in the index page's downloads box (as Read the Docs builds it).
all: downloads
	@$(SPHINXBUILD) -M html "$(SOURCEDIR)" "$(BUILDDIR)" $(SPHINXOPTS) $(O)

lint: $(DEV_DEPS)
	$(VENV)/bin/ruff check _ext tests benchmarks conf.py
	$(VENV)/bin/ruff format --check _ext tests benchmarks conf.py
	$(VENV)/bin/mypy

# What the tests use besides Python is installed first (tests/install-tools),
# into $(VENV) and tests/node. One pytest worker a core, each taking the next
# test when it is free: many tests wait on Java or Chromium.
test: lint
	@VENV=$(VENV) tests/install-tools
	$(VENV)/bin/python -m pytest -n auto --dist worksteal $(O)

.PHONY: help strict live pdf latexpdf docx markdown plaintext variant variants \
	downloads all lint test Makefile

# sphinx_cv as a distribution of its own (_ext/pyproject.toml): its wheel
# in $(BUILDDIR)/dist/, for `pip install` anywhere.
package: $(BUILD_DEPS)
	$(VENV)/bin/python -m pip wheel --no-deps --quiet ./_ext -w "$(BUILDDIR)/dist"

# The package's README is its reference, written from the model: rewrite it
# after changing an option, a configuration value or a warning.
reference: $(BUILD_DEPS)
	$(SPHINX_CV) reference > _ext/README.markdown

# The package's documentation (_ext/sphinx_cv/docs, shipped with it: a
# tutorial, how-to guides, the reference, a gallery), built strictly into
# $(BUILDDIR)/docs/html/.
docs: $(BUILD_DEPS)
	@$(SPHINXBUILD) -M html _ext/sphinx_cv/docs "$(BUILDDIR)/docs" -E -nW --keep-going $(SPHINXOPTS) $(O)

# Cover letters (letters/*.md; this CV has none): each a one-page PDF and
# Word file into $(BUILDDIR)/letters/, never part of the site.
letters: $(BUILD_DEPS)
	@$(SPHINX_CV) letters $(L) --builddir "$(BUILDDIR)" -- $(SPHINXOPTS) $(O)

.PHONY: package reference docs letters

# Sources, not targets: keep the catch-all below from trying to make them.
requirements.txt requirements-dev.txt: ;

# Catch-all: route every other target to Sphinx's make-mode.
%: Makefile $(BUILD_DEPS)
	@$(SPHINXBUILD) -M $@ "$(SOURCEDIR)" "$(BUILDDIR)" $(SPHINXOPTS) $(O)
