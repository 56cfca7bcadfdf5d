# The project's commands. `make run` and `make test` work on a fresh machine.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
MANAGE := $(BIN)/python manage.py

.PHONY: bench run test install messages lint check-django test-embedded test-services test-browser services services-stop worker help

help:
	@echo "make run    install, migrate, load the demo content and serve http://127.0.0.1:$(PORT)"
	@echo "make test   the whole test suite, lint included, on the embedded defaults and on real services"
	@echo "make services / make services-stop   local PostgreSQL, Redis and OpenSearch on loopback"
	@echo "make worker a Celery worker for the configured broker (REDIS_URL), relaying the outbox, with the periodic jobs"

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet --requirement requirements.txt
	touch $@

install: $(VENV)/.installed

messages: install
	$(MANAGE) compilemessages --ignore=.venv --ignore=var --verbosity=0

run: export SITE_URL ?= http://127.0.0.1:$(PORT)
run: messages
	$(MANAGE) migrate --no-input
	$(MANAGE) load_demo
	$(MANAGE) ensure_admin
	$(MANAGE) runserver 127.0.0.1:$(PORT)

bench: install
	$(BIN)/python bench/contest_assignment.py

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

check-django: messages
	$(MANAGE) check --fail-level WARNING
	$(MANAGE) makemigrations --check --dry-run --no-input

services:
	@services/services.sh start

services-stop:
	@services/services.sh stop

worker: messages
	$(BIN)/celery --app depository worker --beat --loglevel INFO

# First pass: the embedded defaults (SQLite, database search, tasks in-process).
test-embedded: messages
	$(BIN)/pytest -m "not services and not browser"

# Second pass: every test against PostgreSQL, Redis with a Celery worker, and OpenSearch; then the
# fault-injection tests, which take services away, in a session of their own.
# Under CI=true a service that cannot be had fails the run; elsewhere the pass is skipped, loudly.
test-services: messages
	@if environment="$$(services/services.sh start)"; then \
		eval "$$environment"; \
		SEARCH_INDEX_PREFIX=test_ $(BIN)/pytest -m "not faults and not browser" && \
		SEARCH_INDEX_PREFIX=test_ $(BIN)/pytest -m faults; \
	elif [ "$$CI" = "true" ]; then \
		echo "make test: the real services could not be started (see above)"; exit 1; \
	else \
		echo "make test: WARNING: real-services pass SKIPPED: the services could not be started (see above)"; \
	fi

# Third pass: tests/browser/ in Debian's Chromium against the demo site served on the embedded defaults.
# Under CI=true a browser or checker that cannot be had fails the run; elsewhere the pass is skipped, loudly.
test-browser: messages
	@if services/browser.sh ensure; then \
		$(BIN)/pytest -m browser tests/browser; \
	elif [ "$$CI" = "true" ]; then \
		echo "make test: the browser suite's tools could not be installed (see above)"; exit 1; \
	else \
		echo "make test: WARNING: browser pass SKIPPED: its tools could not be installed (see above)"; \
	fi

test: lint check-django test-embedded test-services test-browser
