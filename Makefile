# Loa: `make run` serves the portal, `make test` runs every test.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
HOST   ?= 127.0.0.1
PORT   ?= 8000

.PHONY: install run test bench clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

test: $(STAMP)
	$(BIN)/python -m pytest

run: $(STAMP)
	@echo "The portal is not built yet; try: $(BIN)/loa speak ../shared/corpus/seed-article.txt -o seed.mp3"

bench: $(STAMP)
	$(BIN)/python bench/speech.py

clean:
	rm -rf $(VENV) build *.egg-info
