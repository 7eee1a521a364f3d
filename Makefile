# Two commands: `make run` and `make test`. Both set up .venv when needed.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: run test lint bench demo clean

# The stamps depend on pyproject.toml, so an edit to the pins reinstalls; otherwise quick.
$(BIN)/python:
	$(PY) -m venv $(VENV)

$(VENV)/.app-installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e .
	touch $@

$(VENV)/.test-installed: pyproject.toml $(VENV)/.app-installed
	$(BIN)/python -m pip install -q -e ".[test]"
	touch $@

run: $(VENV)/.app-installed
	@sh tools/syslibs.sh run
	$(BIN)/python main.py $(ARGS)

demo: $(VENV)/.app-installed
	@sh tools/syslibs.sh run
	$(BIN)/python main.py --demo

test: $(VENV)/.test-installed
	@sh tools/syslibs.sh test
	$(BIN)/ruff check .
	$(BIN)/mypy
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest

lint: $(VENV)/.test-installed
	$(BIN)/ruff check .
	$(BIN)/mypy

bench: $(VENV)/.test-installed
	QT_QPA_PLATFORM=offscreen $(BIN)/python bench/run.py

clean:
	rm -rf $(VENV)
