# eventscope — `make demo` runs the main job on the bundled samples, `make test` runs all tests.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint lock clean bench

$(STAMP): requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade "pip>=24"
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $(STAMP)

demo: $(STAMP)
	rm -f demo.db
	$(BIN)/eventscope run samples/articles --db sqlite:///demo.db
	$(BIN)/eventscope export --db sqlite:///demo.db --format jsonl -o demo-events.jsonl

test: $(STAMP)
	bash scripts/install-postgres.sh
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/mypy
	$(BIN)/pytest -q

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/mypy

# Regenerate the hashed lock file from pyproject.toml (needs the registry).
lock:
	$(BIN)/python -m pip install --quiet uv
	$(BIN)/uv pip compile pyproject.toml --extra dev --generate-hashes --python-version 3.11 \
		--no-header -o requirements.lock

bench: $(STAMP)
	$(BIN)/python benchmarks/throughput.py --data ../shared/data/news-de-10kgnad/test.csv

clean:
	rm -rf $(VENV) demo.db demo-events.jsonl
