# designreview: one place that knows how to set up, run, test, lint and benchmark.
# Needs only Python 3.11+ and make; everything else goes into .venv.

.DEFAULT_GOAL := help
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

# The newest interpreter that really runs and is 3.11 or newer (pyenv shims may exist
# for versions that are not installed, so each candidate is asked, not just found).
PYTHON ?= $(shell for p in python3.13 python3.12 python3.11 python3; do \
	if $$p -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' >/dev/null 2>&1; \
	then echo $$p; break; fi; done)

.PHONY: help setup run test lint bench sample clean

help:
	@echo "make run    set up .venv and open the app on the bundled sample school"
	@echo "make test   set up .venv and run the whole test suite headless"
	@echo "make lint   ruff, ruff format --check, mypy and import-linter"
	@echo "make bench  time plan import and drawing, and command start-up, print the figures"
	@echo "make sample regenerate sample_plans/sample_school.dxf"

$(BIN)/python:
	@if [ -z "$(PYTHON)" ]; then \
		echo "error: designreview needs Python 3.11 or newer; none was found as python3.13, python3.12, python3.11 or python3." >&2; \
		echo "Install Python 3.11+ (python.org or your package manager) and run make again." >&2; \
		exit 1; fi
	@echo "Creating $(VENV) with $(PYTHON) ($$($(PYTHON) --version))"
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade "pip>=25.1"

$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet -e . --group dev
	@touch $(STAMP)

setup: $(STAMP)

run: $(STAMP)
	$(BIN)/designreview

test: $(STAMP)
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/lint-imports

bench: $(STAMP)
	$(BIN)/python benchmarks/run.py
	$(BIN)/python benchmarks/run.py --warm
	$(BIN)/python benchmarks/bench_startup.py

sample: $(STAMP)
	$(BIN)/python sample_plans/make_sample_school.py sample_plans/sample_school.dxf
	$(BIN)/python sample_plans/make_sample_review.py sample_plans/sample_school.dreview

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
