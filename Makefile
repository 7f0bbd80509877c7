# Two commands do all set-up on a fresh clone: `make serve` and `make test`.
# Both create .venv and install the pinned versions from requirements/*.txt.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1

.DEFAULT_GOAL := help
.PHONY: help serve build test pytest lint lock bench vnu-install assets clean

help: ## List the tasks
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-8s %s\n", $$1, $$2}'

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

serve: $(VENV)/.docs-installed ## Live site with reload at http://127.0.0.1:8000
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

build: $(VENV)/.docs-installed ## Build the site into site/ (strict: any warning fails)
	$(BIN)/mkdocs build --strict

lint: $(VENV)/.test-installed ## ruff, mypy and codespell
	$(BIN)/ruff check macros tests
	$(BIN)/ruff format --check macros tests
	$(BIN)/mypy
	$(BIN)/codespell

pytest: $(VENV)/.test-installed
	$(BIN)/pytest $(PYTEST_ARGS)

$(VNU_STAMP): tests/vnu/package.json tests/vnu/package-lock.json
	$(NPM_CI) --prefix tests/vnu
	@touch $@

# terser and lightningcss for `make assets`; lightningcss-cli's postinstall links its binary.
$(MIN_STAMP): tests/minify/package.json tests/minify/package-lock.json
	npm ci --no-audit --no-fund --loglevel=error --prefix tests/minify
	@touch $@

assets: $(MIN_STAMP) | $(BIN)/activate ## Minify src/quiz.js and src/quiz.css into docs/assets/ (commit both)
	$(BIN)/python -m tests.assets

# Without npm the HTML validity test skips (and fails under CI=true, where it must run).
vnu-install:
	@if command -v npm >/dev/null 2>&1; then $(MAKE) --no-print-directory $(VNU_STAMP); \
	else echo "npm not found: tests/test_html_validity.py will skip (fail under CI)"; fi

test: $(VENV)/.test-installed ## The whole suite: lint, strict build, every test (browser included)
	$(MAKE) --no-print-directory lint
	@$(MAKE) --no-print-directory vnu-install
	$(BIN)/mkdocs build --strict
	$(BIN)/pytest $(PYTEST_ARGS)

lock: | $(BIN)/activate ## Re-pin every dependency (then commit requirements/)
	$(BIN)/pip install --quiet uv
	$(BIN)/uv pip compile -q --universal --python-version 3.10 --upgrade pyproject.toml \
	  --custom-compile-command "make lock" -o requirements/docs.txt
	$(BIN)/uv pip compile -q --universal --python-version 3.10 --upgrade pyproject.toml \
	  --extra test --custom-compile-command "make lock" -o requirements/test.txt

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
	rm -rf $(VENV) site .pytest_cache .mypy_cache .ruff_cache build $(BENCH) \
	  tests/vnu/node_modules tests/bench/node_modules
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
