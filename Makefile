# Two commands for a new user:  `make demo`  and  `make test`.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: setup demo test lock clean-data bench

$(STAMP): pyproject.toml requirements.lock
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/pip install -q -U pip
	$(BIN)/pip install -q -c requirements.lock -e '.[dev]'
	touch $(STAMP)

setup: $(STAMP)

demo: setup
	$(BIN)/lsg ingest corpora/sample --db data/demo.sqlite
	$(BIN)/lsg facts --db data/demo.sqlite --limit 60
	@echo
	@echo "Stored in data/demo.sqlite. Next:"
	@echo "  $(BIN)/lsg export --db data/demo.sqlite --format jsonl --status all --out data/facts.jsonl"
	@echo "  $(BIN)/lsg review --db data/demo.sqlite      # then open http://127.0.0.1:8000"
	@echo "  $(BIN)/lsg evaluate --gold ../shared/gold/dev"

test: setup
	$(BIN)/python -m pytest -q

# Re-pin every installed package after a dependency change.
lock:
	$(BIN)/pip freeze --exclude-editable | grep -v '^-e' > requirements.lock

clean-data:
	rm -rf data/
