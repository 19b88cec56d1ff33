# Entry points; the real work is in scripts/ so that CI and people run the same thing.
.PHONY: run test ci bench bench-pages bench-throughput bench-search bench-indexing bench-graph bench-match bench-relevance bench-composite bench-dashboards bench-engines lint format lock messages dev-env

VENV_BIN := .venv/bin
# Create/refresh .venv with the dev requirements (a no-op when the lock files are unchanged).
DEV_ENV := bash -c 'source scripts/lib.sh && bootstrap requirements/base.txt requirements/dev.txt'

run:
	scripts/run

test:
	scripts/test

ci:
	.ci/run

dev-env:
	@$(DEV_ENV)

# Each writes its own section of docs/benchmarks.md (minutes; search at 50,000 items takes longest).
bench: bench-pages bench-throughput bench-search bench-indexing bench-graph bench-match bench-relevance bench-composite bench-dashboards

bench-pages: dev-env
	$(VENV_BIN)/python bench/run.py

bench-throughput: dev-env
	$(VENV_BIN)/python bench/throughput.py

bench-search: dev-env
	$(VENV_BIN)/python bench/search.py

bench-indexing: dev-env
	$(VENV_BIN)/python bench/indexing.py

bench-graph: dev-env
	$(VENV_BIN)/python bench/graph.py

# Relevance on the long mixed-language corpus of bench/relevance (docs/search-relevance.md).
bench-relevance: dev-env
	$(VENV_BIN)/python bench/search_relevance.py

bench-match: dev-env
	$(VENV_BIN)/python bench/match.py

bench-dashboards: dev-env
	$(VENV_BIN)/python bench/indicator_dashboards.py

# The composite-index engine at 408 units × 60 indicators, without a database (seconds).
bench-composite: dev-env
	$(VENV_BIN)/python bench/composite_index.py

# Not part of bench: the lexical engines compared for docs/lexical-engine.md (needs the tantivy package).
bench-engines: dev-env
	$(VENV_BIN)/python bench/lexical_engines.py
	$(VENV_BIN)/python bench/lexical_engines.py --relevance

lint: dev-env
	$(VENV_BIN)/ruff check .
	$(VENV_BIN)/ruff format --check .

format: dev-env
	$(VENV_BIN)/ruff check --fix .
	$(VENV_BIN)/ruff format .

lock:
	scripts/lock

# Needs GNU gettext (apt-get install gettext).
messages: dev-env
	$(VENV_BIN)/python manage.py makemessages -l fr -l es --ignore=.venv --ignore=var --ignore=node_modules
	$(VENV_BIN)/python manage.py compilemessages --ignore=.venv
