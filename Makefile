# Every target sets up what it needs itself: a fresh machine only needs python3 (>= 3.11).
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
DEMO_DB ?= out/demo.db

.PHONY: demo test venv dev-venv check eval bench clean browser-deps screenshots

$(BIN)/diplowatch: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e ".[dev]"
	touch $@

venv: $(BIN)/diplowatch

demo: venv
	mkdir -p out && rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
	$(BIN)/diplowatch ingest samples/corpus --db $(DEMO_DB)
	$(BIN)/diplowatch events --db $(DEMO_DB) --format table
	$(BIN)/diplowatch events --db $(DEMO_DB) --format jsonl > out/demo-pred.jsonl
	$(BIN)/diplowatch eval --gold samples/gold.jsonl --pred out/demo-pred.jsonl

test: venv browser-deps
	$(BIN)/python -m pytest -q -W error

# Debian's Chromium and its driver for the browser tests and screenshots (nothing downloaded at run time).
browser-deps:
	@test -x /usr/bin/chromium -a -x /usr/bin/chromedriver || \
		(apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium chromium-driver)

# A PNG of each view of the web page (sample store, 1280x800) in docs/img/.
screenshots: venv browser-deps
	$(BIN)/python tests/web/screenshots.py docs/img

check: venv
	$(BIN)/ruff check src tests
	$(BIN)/ruff format --diff src tests

eval: venv
	mkdir -p out
	$(BIN)/diplowatch ingest ../shared/seeds --db out/seeds.db
	$(BIN)/diplowatch events --db out/seeds.db --format jsonl > out/seeds-pred.jsonl
	$(BIN)/diplowatch eval --gold ../shared/gold/seeds.jsonl --pred out/seeds-pred.jsonl

clean:
	rm -rf out $(VENV)
