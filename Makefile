# Two commands do all set-up on a fresh clone: `make serve` and `make test`.
# Both create .venv and install the pinned versions from requirements/*.txt.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1

.DEFAULT_GOAL := help
.PHONY: help serve build test pytest lint lock bench clean

help: ## List the tasks
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-8s %s\n", $$1, $$2}'

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

test: $(VENV)/.test-installed ## The whole suite: lint, strict build, every test (browser included)
	$(MAKE) --no-print-directory lint
	$(BIN)/mkdocs build --strict
	$(BIN)/pytest $(PYTEST_ARGS)

lock: | $(BIN)/activate ## Re-pin every dependency (then commit requirements/)
	$(BIN)/pip install --quiet uv
	$(BIN)/uv pip compile -q --universal --python-version 3.10 --upgrade pyproject.toml \
	  --custom-compile-command "make lock" -o requirements/docs.txt
	$(BIN)/uv pip compile -q --universal --python-version 3.10 --upgrade pyproject.toml \
	  --extra test --custom-compile-command "make lock" -o requirements/test.txt

clean: ## Remove the virtual environment, the built site and caches
	rm -rf $(VENV) site .pytest_cache .mypy_cache .ruff_cache build
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
