# Set-up and entry points. `make run` and `make test` work on a fresh machine.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: run test lint system-deps legal-text clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Build the knowledge base into the embedded store and show what it holds.
run: $(BIN)/python
	$(BIN)/pip install --quiet .
	$(BIN)/aiact-kg build
	$(BIN)/aiact-kg stats
	$(BIN)/aiact-kg provision "Art 51(2)"

# System packages the tests need (Java for HermiT); installs only what is missing.
system-deps:
	./scripts/install-system-deps.sh

# Install with test tools, then lint, type-check and run the whole test suite.
test: $(BIN)/python system-deps
	$(BIN)/pip install --quiet -e '.[test]'
	$(BIN)/ruff check aiact_kg tests scripts benchmarks
	$(BIN)/mypy
	$(BIN)/pytest

# Regenerate data/legal-text/aiact-2024-1689.ttl from the EUR-Lex HTML.
legal-text: $(BIN)/python
	$(BIN)/python scripts/build_legal_text.py

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache
