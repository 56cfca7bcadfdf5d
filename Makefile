# The project's commands. `make run` and `make test` work on a fresh machine.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
MANAGE := $(BIN)/python manage.py

.PHONY: run test install messages lint check-django pytest help

help:
	@echo "make run    install, migrate, load the demo content and serve http://127.0.0.1:$(PORT)"
	@echo "make test   the whole test suite, lint included"

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet --requirement requirements.txt
	touch $@

install: $(VENV)/.installed

messages: install
	$(MANAGE) compilemessages --ignore=.venv --ignore=var --verbosity=0

run: export WAGTAILADMIN_BASE_URL ?= http://127.0.0.1:$(PORT)
run: messages
	$(MANAGE) migrate --no-input
	$(MANAGE) load_demo
	$(MANAGE) ensure_admin
	$(MANAGE) runserver 127.0.0.1:$(PORT)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

check-django: messages
	$(MANAGE) check --fail-level WARNING
	$(MANAGE) makemigrations --check --dry-run --no-input

pytest: messages
	$(BIN)/pytest

test: lint check-django pytest
