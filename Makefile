# Loa: `make run` serves the portal, `make test` runs every test.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
HOST   ?= 127.0.0.1
PORT   ?= 8000

POSTGRES_URL ?= postgresql://postgres@127.0.0.1:5432/loa

.PHONY: install run test test-postgres bench lint messages clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test,lint]'
	touch $(STAMP)

install: $(STAMP)

# Two test processes (pytest-xdist; whole files per process, so module fixtures are made once):
# the browser, server and audio tests spend much of their time waiting. TEST_WORKERS=0 runs in one.
TEST_WORKERS ?= 2
PYTEST := $(BIN)/python -m pytest $(if $(filter 0,$(TEST_WORKERS)),,-n $(TEST_WORKERS) --dist loadfile)

test: $(STAMP)
	$(PYTEST)

# The Django apps' tests that use the database, again on PostgreSQL (the browser and ops tests and the
# tests that touch no database run once, in `make test`).
test-postgres: $(STAMP)
	LOA_TESTS_DATABASE_ONLY=1 DATABASE_URL=$(POSTGRES_URL) $(PYTEST) loa

# migrate, collectstatic (when changed), demo content and admin account (once),
# then gunicorn + the django-tasks worker; Ctrl-C stops both.
run: $(STAMP)
	$(BIN)/loa serve --host $(HOST) --port $(PORT)

# ruff (bakerydemo's rule set) on everything, mypy --strict on the speech library.
lint: $(STAMP)
	$(BIN)/ruff check loa tests bench conftest.py
	$(BIN)/mypy

bench: $(STAMP)
	$(BIN)/python bench/speech.py
	$(BIN)/python bench/pages.py
	$(BIN)/python bench/readaloud.py
	$(BIN)/python bench/stats.py

# Compile the Vietnamese catalogues after editing loa/site/locale/vi/LC_MESSAGES/*.po.
messages: $(STAMP)
	cd loa/site && ../../$(BIN)/loa compilemessages --locale vi --locale en

clean:
	rm -rf $(VENV) build *.egg-info
