# djkg — two commands do all the set-up on a fresh machine with Python 3.11:
#   make run    virtualenv + install + ingest the shipped corpus + serve API and views on 127.0.0.1
#   make test   virtualenv + install (with test extras) + the whole test suite
PYTHON ?= python3.11
VENV   ?= .venv
HOST   ?= 127.0.0.1
PORT   ?= 8000
DATA   ?= var
BIN     = $(VENV)/bin

.PHONY: run test venv install install-test clean

$(BIN)/python:
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "需要 Python 3.11（$(PYTHON)）/ Python 3.11 required"; exit 2; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

venv: $(BIN)/python

install: venv
	$(BIN)/python -m pip install --quiet -e .

install-test: venv
	$(BIN)/python -m pip install --quiet -e '.[test]'

run: install
	$(BIN)/djkg --data-dir $(DATA) ingest data/cases
	$(BIN)/djkg --data-dir $(DATA) serve --host $(HOST) --port $(PORT)

# The whole suite, one pytest-xdist worker per core. A real Neo4j 5 test server per worker is started when Java and
# Maven are present (scripts/run-tests, scripts/neo4j-test-server); without them the Neo4j tests skip with a reason.
test: install-test
	@bash scripts/run-tests $(BIN)/python

clean:
	rm -rf $(VENV) build *.egg-info test-artifacts
