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

# The property tests (tests/test_fuzz*.py) at length: 12,000 generated inputs for each of eleven
# properties and 2,000 for the whole run over JSONL (which loads spaCy); `make test` runs 30 (6).
.PHONY: fuzz
fuzz: $(STAMP)
	NEWSFUSE_FUZZ=1 $(BIN)/python -m pytest tests/test_fuzz*.py -q -p no:randomly -p no:cacheprovider \
		--hypothesis-show-statistics $(PYTEST_ARGS)

clean:
	rm -rf $(VENV) demo.db build src/*.egg-info
