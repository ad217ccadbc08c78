# Every target sets up what it needs itself: a fresh machine only needs python3 (>= 3.11).
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
DEMO_DB ?= out/demo.db

.PHONY: demo test venv dev-venv check eval bench clean docs system-deps browser-deps screenshots eval-baseline eval-dev eval-extra eval-extra2 eval-extra3 eval-extra4 eval-extra5 eval-extra6 eval-heldout

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

# real-news sets: texts written from ../shared/bsnlp into a temporary folder, ingested, scored
SHARED ?= ../shared
# $(call eval_bsnlp,NAME,GOLD): out/NAME.db from the texts of GOLD, then diplowatch eval
define eval_bsnlp
	@mkdir -p out && rm -f out/$(1).db out/$(1).db-wal out/$(1).db-shm
	tmp=$$(mktemp -d) && trap 'rm -rf "$$tmp"' EXIT && \
	$(PYTHON) $(SHARED)/tools/bsnlp_texts.py $(2) "$$tmp" && \
	$(BIN)/diplowatch ingest "$$tmp" --db out/$(1).db
	$(BIN)/diplowatch eval --gold $(2) --db out/$(1).db
endef

# the shared development set
eval-dev: venv
	$(call eval_bsnlp,bsnlp-dev,$(SHARED)/gold/bsnlp-dev.jsonl)

# our own annotation of 60 more real articles (eval/gold/README.md)
eval-extra: venv
	$(call eval_bsnlp,bsnlp-extra,eval/gold/bsnlp-extra.jsonl)

# a third annotation, of 50 event-rich articles (eval/gold/README.md); first scored untuned
eval-extra2: venv
	$(call eval_bsnlp,bsnlp-extra2,eval/gold/bsnlp-extra2.jsonl)

# a fifth annotation, of 30 contact-rich articles (eval/gold/README.md); first scored untuned
eval-extra3: venv
	$(call eval_bsnlp,bsnlp-extra3,eval/gold/bsnlp-extra3.jsonl)

# a sixth annotation, of 30 contact-word articles (eval/gold/README.md); first scored untuned
eval-extra4: venv
	$(call eval_bsnlp,bsnlp-extra4,eval/gold/bsnlp-extra4.jsonl)

# a seventh annotation, of 30 articles over all eight languages (eval/gold/README.md); first
# scored untuned, not a floor
eval-extra5: venv
	$(call eval_bsnlp,bsnlp-extra5,eval/gold/bsnlp-extra5.jsonl)

# an eighth annotation, 40 articles with >= 2 named people each (eval/gold/README.md); scored
# untuned, not a floor
eval-extra6: venv
	$(call eval_bsnlp,bsnlp-extra6,eval/gold/bsnlp-extra6.jsonl)

# the held-out set (eval/gold/README.md): annotated by reading only; report it, never tune on it
eval-heldout: venv
	$(call eval_bsnlp,bsnlp-heldout,eval/gold/bsnlp-heldout.jsonl)

# record current event scores as the floors tests/eval_baseline.json pins (never lowers one)
eval-baseline: venv
	$(BIN)/python -m diplowatch.evaluate.gate --update

clean:
	rm -rf out $(VENV)
