# Newsdesk: `make run` serves the demo site, `make test` runs the whole suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
PG_URL ?= postgres://postgres@127.0.0.1:5432/newsdesk_ci
TEST_REDIS_URL ?=

.PHONY: install run serve demo prod stop test lint test-postgres browser nginx messages format clean

$(BIN)/.installed: pyproject.toml constraints.txt
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
	  { echo "Newsdesk needs Python 3.11 or newer as $(PYTHON) (set PYTHON=...)."; exit 1; }
	@$(PYTHON) -m venv --help >/dev/null 2>&1 && $(PYTHON) -c 'import ensurepip' 2>/dev/null || \
	  { echo "$(PYTHON) cannot create virtual environments: install python3-venv (Debian/Ubuntu)."; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e ".[test]"
	touch $@

install: $(BIN)/.installed

demo: install
	$(BIN)/python manage.py migrate --noinput
	NEWSDESK_BASE_URL=http://$(HOST):$(PORT) $(BIN)/python manage.py configure_site
	$(BIN)/python manage.py load_demo
	$(BIN)/python manage.py ensure_admin

run: demo
	@echo "Newsdesk is serving on http://$(HOST):$(PORT)/ (admin: http://$(HOST):$(PORT)/admin/)"
	@export NEWSDESK_BASE_URL=http://$(HOST):$(PORT); \
	$(BIN)/python manage.py run_scheduler & scheduler=$$!; \
	trap 'kill $$scheduler 2>/dev/null' EXIT INT TERM; \
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

# The production stack on this machine (PostgreSQL and Redis on 127.0.0.1 by default; see README).
prod: install
	HOST=$(HOST) PORT=$(PORT) scripts/prod start

stop:
	@scripts/prod stop

# Debian's chromium for the browser tests; where it cannot be installed those tests skip and say why.
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    (apt-get update -qq && apt-get install -y -qq chromium >/dev/null) || echo "chromium could not be installed: browser tests will be skipped"; \
	  else echo "chromium is not installed and this user cannot install it: browser tests will be skipped"; fi; }

# Debian's nginx and the modules deploy/nginx/newsdesk.conf uses, for tests/test_deploy_files.py
# (which runs its own nginx on high ports); where they cannot be installed those tests skip.
nginx:
	@{ command -v nginx >/dev/null 2>&1 && [ -e /usr/lib/nginx/modules/ngx_http_cache_purge_module.so ]; } || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    (apt-get update -qq && apt-get install -y -qq nginx libnginx-mod-http-cache-purge libnginx-mod-http-brotli-filter libnginx-mod-http-brotli-static >/dev/null) || echo "nginx could not be installed: the nginx tests will be skipped"; \
	  else echo "nginx is not installed and this user cannot install it: the nginx tests will be skipped"; fi; }

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	DJANGO_SETTINGS_MODULE=newsdesk.settings.test $(BIN)/python manage.py check --fail-level WARNING
	DJANGO_SETTINGS_MODULE=newsdesk.settings.test $(BIN)/python manage.py makemigrations --check --dry-run

test: install browser nginx lint
	$(BIN)/pytest

# The same suite against PostgreSQL (pytest-django creates and drops a throw-away test database),
# with Redis as the cache when TEST_REDIS_URL is set (each test empties that Redis database).
test-postgres: install
	DATABASE_URL=$(PG_URL) REDIS_URL=$(TEST_REDIS_URL) $(BIN)/pytest -m "not browser" --create-db

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

messages: install
	cd newsdesk && ../$(BIN)/python ../manage.py makemessages -l fr -l en -l vi --no-obsolete --ignore "lib/formats/*" --ignore "editions/demo_content.py"
	cd newsdesk && ../$(BIN)/python ../manage.py compilemessages

clean:
	rm -rf $(VENV) var db.sqlite3 db.sqlite3-* .pytest_cache .ruff_cache
