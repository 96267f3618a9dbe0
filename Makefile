# Two commands set everything up: `make demo` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo test lint bench clean chromium

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev,pandas,report,serve,dask]'
	touch $(STAMP)

DEMO_DB := lagebild.duckdb

demo: $(STAMP)
	@echo "== 1. extract: events from the bundled example articles (examples/)"
	$(BIN)/lagebild extract examples/ --format table
	@echo "== 2. ingest: the same articles into the embedded store $(DEMO_DB) (a re-run adds nothing)"
	$(BIN)/lagebild ingest examples/ --db $(DEMO_DB)
	@echo "== 3. query: events per month by quad class"
	$(BIN)/lagebild query --db $(DEMO_DB) --agg month --by quad
	@echo "== 4. report: a self-contained HTML report and the timeline as PNG"
	mkdir -p out
	$(BIN)/lagebild report --db $(DEMO_DB) -o out/report.html
	$(BIN)/lagebild report --db $(DEMO_DB) -o out/report.png
	@echo "Open out/report.html in a browser. Explore further with: $(BIN)/lagebild query --db $(DEMO_DB) --help"
	@echo "Dashboard: $(BIN)/lagebild serve --db $(DEMO_DB)  then open http://127.0.0.1:8000/?from=2022-01-01&to=2022-02-28"

test: $(STAMP) chromium
	$(BIN)/ruff check lagebild tests bench
	$(BIN)/mypy lagebild
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check lagebild tests bench
	$(BIN)/mypy lagebild

bench: $(STAMP)
	$(BIN)/python bench/throughput.py
	$(BIN)/python bench/ingest.py
	$(BIN)/python bench/api_latency.py
	$(BIN)/python bench/scale.py

# the dashboard's browser tests drive Debian's headless Chromium; install it when missing
chromium:
	@command -v chromium >/dev/null && command -v chromedriver >/dev/null || \
	  (apt-get update -qq && apt-get install -y -qq chromium chromium-driver >/dev/null) || \
	  echo "could not install chromium: the browser tests will be skipped"

clean:
	rm -rf $(VENV) build *.egg-info
