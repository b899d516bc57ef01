# Two commands set up and use newsfuse on a fresh machine:
#   make demo   - creates .venv, installs newsfuse, runs it on the bundled demo corpus
#   make test   - same venv, runs the whole test suite
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test install clean

install: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/newsfuse run demo/ --db demo.db
	$(BIN)/newsfuse events --db demo.db

test: $(STAMP)
	$(BIN)/python -m pytest $(PYTEST_ARGS)

clean:
	rm -rf $(VENV) demo.db build src/*.egg-info
