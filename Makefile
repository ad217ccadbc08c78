# Every target sets up what it needs itself: a fresh machine only needs python3 (>= 3.11).
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
DEMO_DB ?= out/demo.db

.PHONY: demo test venv dev-venv check eval bench clean docs system-deps browser-deps screenshots eval-baseline eval-dev eval-extra eval-heldout

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

test: venv system-deps browser-deps
	$(BIN)/python -m pytest -q -W error

# Java (for the Spark tests) and PostgreSQL server binaries (for the throw-away test server),
# from Debian/Ubuntu apt; does nothing when both are present (apt-get update only when installing).
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
APT_INSTALL ?= DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q --no-install-recommends
system-deps:
	@need_java=; need_pg=; \
	command -v java >/dev/null 2>&1 || need_java=1; \
	command -v initdb >/dev/null 2>&1 || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need_pg=1; \
	if [ -n "$$need_java$$need_pg" ]; then \
	  $(SUDO) apt-get update -q || exit 1; \
	  pkgs=; \
	  if [ -n "$$need_java" ]; then \
	    pkgs=openjdk-21-jre-headless; \
	    apt-cache show openjdk-17-jre-headless >/dev/null 2>&1 && pkgs=openjdk-17-jre-headless; \
	  fi; \
	  if [ -n "$$need_pg" ]; then pkgs="$$pkgs postgresql"; fi; \
	  echo "system-deps: installing $$pkgs"; \
	  $(APT_INSTALL) $$pkgs || exit 1; \
	fi

# Debian's Chromium and its driver for the browser tests and screenshots (nothing downloaded at run time).
browser-deps:
	@test -x /usr/bin/chromium -a -x /usr/bin/chromedriver || \
		($(SUDO) apt-get update -q && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q chromium chromium-driver)

# A PNG of each view of the web page (sample store, 1280x800) in docs/img/.
screenshots: venv browser-deps
	$(BIN)/python tests/web/screenshots.py docs/img

docs: venv
	$(BIN)/python -m diplowatch.cli.reference > docs/cli.md

check: venv
	$(BIN)/ruff check src tests
	$(BIN)/ruff format --diff src tests

eval: venv
	mkdir -p out
	$(BIN)/diplowatch ingest ../shared/seeds --db out/seeds.db
	$(BIN)/diplowatch events --db out/seeds.db --format jsonl > out/seeds-pred.jsonl
	$(BIN)/diplowatch eval --gold ../shared/gold/seeds.jsonl --pred out/seeds-pred.jsonl

# the real-news development set: texts written from ../shared/bsnlp into a temporary folder
SHARED ?= ../shared
eval-dev: venv
	@mkdir -p out && rm -f out/bsnlp-dev.db out/bsnlp-dev.db-wal out/bsnlp-dev.db-shm
	tmp=$$(mktemp -d) && trap 'rm -rf "$$tmp"' EXIT && \
	$(PYTHON) $(SHARED)/tools/bsnlp_texts.py $(SHARED)/gold/bsnlp-dev.jsonl "$$tmp" && \
	$(BIN)/diplowatch ingest "$$tmp" --db out/bsnlp-dev.db
	$(BIN)/diplowatch eval --gold $(SHARED)/gold/bsnlp-dev.jsonl --db out/bsnlp-dev.db

# the same for our own annotation of 60 more real articles (eval/gold/README.md)
eval-extra: venv
	@mkdir -p out && rm -f out/bsnlp-extra.db out/bsnlp-extra.db-wal out/bsnlp-extra.db-shm
	tmp=$$(mktemp -d) && trap 'rm -rf "$$tmp"' EXIT && \
	$(PYTHON) $(SHARED)/tools/bsnlp_texts.py eval/gold/bsnlp-extra.jsonl "$$tmp" && \
	$(BIN)/diplowatch ingest "$$tmp" --db out/bsnlp-extra.db
	$(BIN)/diplowatch eval --gold eval/gold/bsnlp-extra.jsonl --db out/bsnlp-extra.db

# the held-out set (eval/gold/README.md): annotated by reading only; report it, never tune on it
eval-heldout: venv
	@mkdir -p out && rm -f out/bsnlp-heldout.db out/bsnlp-heldout.db-wal out/bsnlp-heldout.db-shm
	tmp=$$(mktemp -d) && trap 'rm -rf "$$tmp"' EXIT && \
	$(PYTHON) $(SHARED)/tools/bsnlp_texts.py eval/gold/bsnlp-heldout.jsonl "$$tmp" && \
	$(BIN)/diplowatch ingest "$$tmp" --db out/bsnlp-heldout.db
	$(BIN)/diplowatch eval --gold eval/gold/bsnlp-heldout.jsonl --db out/bsnlp-heldout.db

# record current event scores as the floors tests/eval_baseline.json pins (never lowers one)
eval-baseline: venv
	$(BIN)/python -m diplowatch.evaluate.gate --update

clean:
	rm -rf out $(VENV)
