# Two commands do all set-up on a fresh clone: `make serve` and `make test`.
# Both create .venv and install the pinned versions from requirements/*.txt.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1

# The engine that builds and serves the site: mkdocs (MkDocs + Material, the default) or
# zensical (`make build ENGINE=zensical`). Both read mkdocs.yml and write site/.
ENGINE ?= mkdocs
# The language `make serve` shows: en (mkdocs.yml, port 8000) or another language with a
# mkdocs.<lang>.yml (`make serve SITE_LANG=es`: port 8001, at /es/). `make build` always
# builds every language: English into site/, then each mkdocs.<lang>.yml into site/<lang>/.
SITE_LANG ?= en
ifeq ($(SITE_LANG),en)
SERVE_ARGS := --dev-addr 127.0.0.1:8000
else
SERVE_ARGS := -f mkdocs.$(SITE_LANG).yml --dev-addr 127.0.0.1:8001
endif
# The languages to build: every mkdocs.<lang>.yml that clinic.yml does not turn off.
TRANSLATIONS = $(shell $(BIN)/python -m macros.check_config --translations)
ifeq ($(ENGINE),mkdocs)
ENGINE_DEPS  := $(VENV)/.docs-installed
ENGINE_BUILD := $(BIN)/mkdocs build --strict
ENGINE_SERVE := $(BIN)/mkdocs serve $(SERVE_ARGS)
else ifeq ($(ENGINE),zensical)
# `python -m macros` runs Zensical and prints our one-line errors without its tracebacks.
# --clean: build from scratch as MkDocs does (Zensical otherwise reuses its .cache/).
ENGINE_DEPS  := $(VENV)/.zensical-installed
ENGINE_BUILD := $(BIN)/python -m macros build --strict --clean
ENGINE_SERVE := $(BIN)/python -m macros serve $(SERVE_ARGS)
else
$(error ENGINE=$(ENGINE): use mkdocs (the default) or zensical)
endif

.DEFAULT_GOAL := help
.PHONY: help serve build test test-zensical pytest lint lock bench vnu-install assets clean

help: ## List the tasks
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-13s %s\n", $$1, $$2}'

# npm packages: the Nu HTML Checker for `make test` (tests/vnu) and Lighthouse for
# `make bench` (tests/bench), each from its own lock file, into an ignored node_modules.
# --ignore-scripts: vnu-jar's postinstall would try to download a Java runtime.
NPM_CI    := npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
VNU_STAMP := tests/vnu/node_modules/.installed
LH_STAMP  := tests/bench/node_modules/.installed
MIN_STAMP := tests/minify/node_modules/.installed
BENCH     := .bench
MQ_VENV   := $(BENCH)/venv-mkdocs-quiz

$(BIN)/activate:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.docs-installed: requirements/docs.txt | $(BIN)/activate
	$(BIN)/pip install --quiet -r requirements/docs.txt
	@touch $@

$(VENV)/.test-installed: requirements/test.txt | $(BIN)/activate
	$(BIN)/pip install --quiet -r requirements/test.txt
	@touch $@ $(VENV)/.docs-installed

# Zensical goes into the same .venv: requirements/zensical.txt pins the same versions as
# test.txt and adds Zensical's own few packages. Zensical needs Python 3.11 or newer.
$(VENV)/.zensical-installed: requirements/zensical.txt | $(BIN)/activate
	$(BIN)/pip install --quiet -r requirements/zensical.txt
	@$(BIN)/python -c "import zensical" 2>/dev/null || \
	  { echo "Zensical needs Python 3.11 or newer (this is $$($(BIN)/python -V))"; exit 1; }
	@touch $@

# Before the engine starts, macros.theme_strings remakes the theme's copy of the string
# tables (overrides/partials/hi-strings.html) and macros.check_config explains any mistake
# in mkdocs.yml (a tab, an indent, a colon in a value, a setting or a page's front matter)
# in one plain line.
CHECK_CONFIG := $(BIN)/python -m macros.theme_strings && $(BIN)/python -m macros.check_config

serve: $(ENGINE_DEPS) ## Live site with reload at http://127.0.0.1:8000 (SITE_LANG=es, ENGINE=zensical)
	@$(CHECK_CONFIG)
	$(ENGINE_SERVE)

# Each translation gets its address from SITE_URL (set by the Pages workflow) plus its
# language: SITE_URL_LANGUAGE=<SITE_URL>es/ for mkdocs.es.yml.
build: $(ENGINE_DEPS) ## Build every language into site/, strict (ENGINE=zensical: with Zensical)
	@$(CHECK_CONFIG)
	$(ENGINE_BUILD)
	@for config in $(TRANSLATIONS); do lang=$${config#mkdocs.}; lang=$${lang%.yml}; \
	  echo "$$config -> site/$$lang/"; \
	  env $${SITE_URL:+SITE_URL_LANGUAGE=$${SITE_URL}$$lang/} $(ENGINE_BUILD) -f $$config || exit 1; \
	done

lint: $(VENV)/.test-installed ## ruff, mypy, codespell and zizmor (the workflows' security audit)
	$(BIN)/ruff check macros tests
	$(BIN)/ruff format --check macros tests
	$(BIN)/mypy
	$(BIN)/codespell
	$(BIN)/zizmor --offline --no-progress .github/workflows/

pytest: $(VENV)/.test-installed
	$(BIN)/pytest $(PYTEST_ARGS)

$(VNU_STAMP): tests/vnu/package.json tests/vnu/package-lock.json
	$(NPM_CI) --prefix tests/vnu
	@touch $@

# terser and lightningcss for `make assets`; lightningcss-cli's postinstall links its binary.
$(MIN_STAMP): tests/minify/package.json tests/minify/package-lock.json
	npm ci --no-audit --no-fund --loglevel=error --prefix tests/minify
	@touch $@

assets: $(MIN_STAMP) | $(BIN)/activate ## Minify docs/assets/src/quiz.js and docs/assets/src/quiz.css into docs/assets/ (commit both)
	$(BIN)/python -m tests.assets

# Without npm the HTML validity test skips (and fails under CI=true, where it must run).
vnu-install:
	@if command -v npm >/dev/null 2>&1; then $(MAKE) --no-print-directory $(VNU_STAMP); \
	else echo "npm not found: tests/test_html_validity.py will skip (fail under CI)"; fi

# The two passes run side by side (this machine has 2 cores, and each pass spends much of
# its time waiting on Chromium): the MkDocs pass prints here as it goes; the Zensical pass
# writes .zensical-pass.log, printed after it. Either failing fails `make test`.
ZENSICAL_LOG := .zensical-pass.log
test: $(VENV)/.test-installed ## Everything: lint, then build and test with each engine
	$(MAKE) --no-print-directory lint
	@$(MAKE) --no-print-directory vnu-install
	$(MAKE) --no-print-directory build ENGINE=mkdocs
	@if $(BIN)/python -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then \
	  $(MAKE) --no-print-directory $(VENV)/.zensical-installed || exit 1; \
	  echo "Zensical pass: running alongside, its report follows this one ($(ZENSICAL_LOG))"; \
	  ENGINE=zensical $(BIN)/pytest -p no:cacheprovider $(PYTEST_ARGS) > $(ZENSICAL_LOG) 2>&1 & \
	  zensical=$$!; trap 'kill $$zensical 2>/dev/null' INT TERM; \
	  $(BIN)/pytest $(PYTEST_ARGS); mkdocs_rc=$$?; \
	  wait $$zensical; zensical_rc=$$?; \
	  echo; echo "===== Zensical pass (ENGINE=zensical pytest) ====="; cat $(ZENSICAL_LOG); \
	  [ $$mkdocs_rc -eq 0 ] && [ $$zensical_rc -eq 0 ]; \
	elif [ "$$CI" = true ]; then echo "Zensical needs Python 3.11 or newer"; exit 1; \
	else $(BIN)/pytest $(PYTEST_ARGS) && \
	  echo "Python $$($(BIN)/python -V): Zensical needs 3.11 or newer; its pass is left out"; fi

# The same suite, browser tests included, against the site as Zensical builds it: with
# ENGINE=zensical the session fixtures (tests/harness.py) build it, strictly, in a copy;
# site/ keeps the MkDocs build. `make test` runs it beside the MkDocs pass.
test-zensical: $(VENV)/.test-installed $(VENV)/.zensical-installed ## The whole suite against a Zensical build
	ENGINE=zensical $(BIN)/pytest $(PYTEST_ARGS)

lock: | $(BIN)/activate ## Re-pin every dependency (then commit requirements/)
	$(BIN)/pip install --quiet uv
	$(BIN)/uv pip compile -q --universal --python-version 3.10 --upgrade pyproject.toml \
	  --custom-compile-command "make lock" -o requirements/docs.txt
	$(BIN)/uv pip compile -q --universal --python-version 3.10 --upgrade pyproject.toml \
	  --extra test --custom-compile-command "make lock" -o requirements/test.txt
	$(BIN)/uv pip compile -q --universal --python-version 3.10 --upgrade pyproject.toml \
	  --extra zensical -c requirements/test.txt --custom-compile-command "make lock" \
	  -o requirements/zensical.txt

$(LH_STAMP): tests/bench/package.json tests/bench/package-lock.json
	$(NPM_CI) --prefix tests/bench
	@touch $@

$(MQ_VENV)/.installed: tests/bench/requirements-mkdocs-quiz.txt requirements/docs.txt
	$(PYTHON) -m venv $(MQ_VENV)
	$(MQ_VENV)/bin/python -m pip install --quiet --upgrade pip
	$(MQ_VENV)/bin/pip install --quiet -r tests/bench/requirements-mkdocs-quiz.txt
	@touch $@

bench: $(VENV)/.test-installed $(MQ_VENV)/.installed $(LH_STAMP) ## Measure build, weight, Lighthouse (report in .bench/)
	$(BIN)/python -m tests.bench.run --out $(BENCH) $(BENCH_ARGS)

clean: ## Remove the virtual environment, the built site and caches
	rm -rf $(VENV) site .pytest_cache $(ZENSICAL_LOG) .mypy_cache .ruff_cache build $(BENCH) \
	  tests/vnu/node_modules tests/bench/node_modules
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
