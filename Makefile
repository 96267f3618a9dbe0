# Two commands set everything up: `make demo` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo test lint bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev,pandas]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/lagebild extract examples/ --format table

test: $(STAMP)
	$(BIN)/ruff check lagebild tests bench
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check lagebild tests bench
	$(BIN)/mypy lagebild

bench: $(STAMP)
	$(BIN)/python bench/throughput.py

clean:
	rm -rf $(VENV) build *.egg-info
