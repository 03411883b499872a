# Set-up and entry points. `make run` and `make test` work on a fresh machine.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
# pytest-xdist workers for `make test` (one per core; `PYTEST_WORKERS=0` runs in one process)
PYTEST_WORKERS ?= auto

.PHONY: run test lint system-deps legal-text clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Install, build the knowledge base into the default store, submit the example submissions
# into its registry and serve it all on http://$(HOST):$(PORT)/ until Ctrl-C.
run: $(BIN)/python
	$(BIN)/pip install --quiet .
	$(BIN)/aiact-kg build
	$(BIN)/aiact-kg submit --no-progress examples/submissions
	$(BIN)/aiact-kg serve --host $(HOST) --port $(PORT)

# System packages the tests need (Java for HermiT, Chromium, Virtuoso); installs only what is missing.
system-deps:
	./scripts/install-system-deps.sh

# Install with test tools, then lint, type-check and run the whole test suite.
test: $(BIN)/python system-deps
	$(BIN)/pip install --quiet -e '.[test]'
	$(BIN)/ruff check aiact_kg aiact_kg_build tests scripts benchmarks
	$(BIN)/mypy
	$(BIN)/pytest -n $(PYTEST_WORKERS) --dist worksteal --durations=30

# Regenerate data/legal-text/aiact-2024-1689.ttl from the EUR-Lex HTML.
legal-text: $(BIN)/python
	$(BIN)/python scripts/build_legal_text.py

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache
