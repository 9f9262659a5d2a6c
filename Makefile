# The two commands: `make run` and `make test`. Everything else is a helper.
PYTHON ?= $(shell command -v python3.12 2>/dev/null || echo python3)
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
PYTEST_ARGS ?=

.PHONY: run test data lint format lock screenshots clean bench

run: $(VENV)/.installed data
	DJANGO_DEBUG=true $(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

test: $(VENV)/.installed-dev
	$(BIN)/python -m pytest $(PYTEST_ARGS)

data: $(VENV)/.installed
	DJANGO_DEBUG=true $(BIN)/python manage.py migrate --no-input
	DJANGO_DEBUG=true $(BIN)/python manage.py load_missouri
	DJANGO_DEBUG=true $(BIN)/python manage.py seed_demo

# A PNG of every page at phone width, in screenshots/.
screenshots: $(VENV)/.installed-dev
	SCREENSHOTS_DIR=screenshots $(BIN)/python -m pytest -q tests/design/test_screenshots.py

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(VENV)/.installed-dev
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: requirements.lock | $(VENV)/bin/python
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r requirements.lock
	touch $@

$(VENV)/.installed-dev: requirements-dev.lock | $(VENV)/bin/python
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r requirements-dev.lock
	touch $(VENV)/.installed $@

# Refresh the lock files after changing dependencies in pyproject.toml.
lock: | $(VENV)/bin/python
	$(BIN)/python -m pip install --quiet uv
	$(BIN)/uv pip compile pyproject.toml --python-version 3.12 --generate-hashes --quiet -o requirements.lock
	$(BIN)/uv pip compile pyproject.toml --python-version 3.12 --generate-hashes --quiet --extra dev -o requirements-dev.lock

# Figures for every public page against the framework's floor (README: Benchmark).
# Needs PostgreSQL on 127.0.0.1:5432; never part of `make test`.
bench: $(VENV)/.installed
	$(BIN)/python bench/run.py

clean:
	rm -rf $(VENV) staticfiles .pytest_cache
