# UN document tables: raw/ → output/*.csv.  `make` builds everything; `make help` lists targets.
#
# The graph, per document (KEY = the document's make-safe name, see pipeline/plan.py):
#   BUILD/src/KEY.EXT ─ingest─▶ BUILD/text/KEY.json ─extract─▶ BUILD/mentions/KEY.json ─merge─▶ OUTPUT
# make decides which per-document targets are out of date; their recipes queue the document,
# and one `work` process per shard (SHARDS, run in parallel under -j) does the queued work, so
# Python and the models start once per shard, not once per document.

SHELL := bash
.SHELLFLAGS := -eu -o pipefail -c
.DELETE_ON_ERROR:
.SUFFIXES:
MAKEFLAGS += --no-builtin-rules --no-print-directory

RAW ?= raw
OUTPUT ?= output
PYTHON ?= python3
DOC_SECONDS ?= 300
VENV := .venv
PY := $(VENV)/bin/python
NPROC := $(shell nproc 2>/dev/null || echo 2)
# as many shard workers as make may run jobs (-jN; all cores for a bare -j; 1 without -j),
# read when the recipe runs, where MAKEFLAGS holds the -j option
JOBS = $(if $(filter -j,$(MAKEFLAGS)),$(NPROC),$(or $(patsubst -j%,%,$(filter -j%,$(MAKEFLAGS))),1))
# one build folder per raw folder, so two folders' files never mix
RAW_ABS := $(abspath $(RAW))
BUILD_ROOT ?= build
BUILD := $(BUILD_ROOT)/$(notdir $(RAW_ABS))-$(shell printf '%s' '$(RAW_ABS)' | cksum | cut -d' ' -f1)

INGEST_CODE := pipeline/models.py $(wildcard pipeline/ingest/*.py)
EXTRACT_CODE := pipeline/models.py pipeline/reference.py $(wildcard pipeline/extract/*.py pipeline/extract/*/*.py pipeline/gazetteer.py pipeline/states.py pipeline/towns.py pipeline/calendar.py pipeline/phrases.py pipeline/sentences.py pipeline/data/*)
MERGE_CODE := pipeline/models.py pipeline/tables.py
VENV_DONE := $(VENV)/.installed

.DEFAULT_GOAL := all
NO_PLAN_GOALS := help clean distclean venv test lint bench
ifneq ($(filter-out $(NO_PLAN_GOALS) work-shard-%,$(or $(MAKECMDGOALS),all)),)
  $(if $(shell $(PYTHON) -m pipeline.plan '$(RAW)' '$(BUILD)' >&2 || echo failed),\
    $(error could not list $(RAW)))
  include $(BUILD)/docs.mk
endif
TEXTS := $(DOCS:%=$(BUILD)/text/%.json)
MENTIONS := $(DOCS:%=$(BUILD)/mentions/%.json)

## Build every table in output/ from the documents in raw/ (the default)
all: $(OUTPUT)/documents.csv

# The per-document targets: each recipe queues its document for the shard workers below (with
# make's own `file` function, no shell) and removes the stale file, so that make sees it remade
# and an interrupted build leaves no stale file that looks finished. `rm` runs without a shell:
# a thousand documents cost a thousand forks, not a thousand shells.
$(TEXTS) $(MENTIONS): SHELL := /bin/sh
$(TEXTS) $(MENTIONS): .SHELLFLAGS := -c
$(BUILD)/text/%.json: $(BUILD)/src/%.txt $(INGEST_CODE) | $(VENV_DONE)
	$(file >>$(BUILD)/todo/ingest,$*)
	@rm -f $@
$(BUILD)/text/%.json: $(BUILD)/src/%.pdf $(INGEST_CODE) | $(VENV_DONE)
	$(file >>$(BUILD)/todo/ingest,$*)
	@rm -f $@
$(BUILD)/mentions/%.json: $(BUILD)/text/%.json $(EXTRACT_CODE) | $(VENV_DONE)
	$(file >>$(BUILD)/todo/extract,$*)
	@rm -f $@

$(OUTPUT)/documents.csv: $(MENTIONS) $(BUILD)/docs.json $(MERGE_CODE) | $(VENV_DONE)
	@$(MAKE) BUILD='$(BUILD)' SHARDS=$(JOBS) $(addprefix work-shard-,$(shell seq $(JOBS)))
	@rm -f $(BUILD)/todo/ingest $(BUILD)/todo/extract
	@$(PY) -m pipeline merge '$(BUILD)' '$(OUTPUT)' --raw '$(RAW)'

work-shard-%: | $(VENV_DONE)
	@$(PY) -m pipeline work '$(BUILD)' --shard $*/$(SHARDS) --seconds $(DOC_SECONDS)

## Create .venv and install the pinned dependencies (done by `make` when needed)
venv: $(VENV_DONE)
$(VENV_DONE): requirements.lock requirements-model.txt pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	@$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.lock
	@$(PY) -m pip install --quiet --disable-pip-version-check --no-deps --require-hashes \
	  -r requirements-model.txt
	@$(PY) -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	@touch $@

## Run the tests (creates .venv first when needed)
test: $(VENV_DONE)
	@$(PY) -m pytest -q

## Lint with ruff
lint: $(VENV_DONE)
	@$(PY) -m ruff check pipeline tests

## Measure speed, memory and incremental cost against the baselines (see README)
bench: $(VENV_DONE)
	@$(PY) -m pipeline.bench

## Remove what make built: build/ and the tables in output/ (keeps .venv)
clean:
	rm -rf '$(BUILD_ROOT)' '$(OUTPUT)/text'
	rm -f $(foreach t,documents dates symbols places actors,'$(OUTPUT)/$(t).csv')

## Remove .venv as well
distclean: clean
	rm -rf $(VENV)

## List the targets
help:
	@echo "make [target] [VARIABLE=value ...]"
	@awk '/^## /{doc=substr($$0,4); next} /^[a-z-]+:/ && doc {sub(/:.*/,"",$$1); printf "  %-10s %s\n", $$1, doc} {doc=""}' $(MAKEFILE_LIST)
	@echo "variables: RAW=dir (default raw)  OUTPUT=dir (default output)  -jN (N workers)"
	@echo "           DOC_SECONDS=300 (time limit per document)  MAX_TEXT_MB=25 (largest text file)"

.PHONY: all venv test lint bench clean distclean help
