# natosim — two commands on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test test-fast setup lint bench browser clean

# one install for everything: the core, every extra ([all]) and the dev tools ([dev] includes [all]);
# set-up output goes to $(VENV)/setup.log (shown only if it fails), so `make demo` shows the brief
$(STAMP): pyproject.toml
	@echo "setting up $(VENV) (first run only; log: $(VENV)/setup.log)"
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@$(BIN)/python -m pip install --quiet --upgrade pip > $(VENV)/setup.log 2>&1 || (cat $(VENV)/setup.log; exit 1)
	@$(BIN)/python -m pip install --quiet -e ".[dev]" >> $(VENV)/setup.log 2>&1 || (cat $(VENV)/setup.log; exit 1)
	@touch $(STAMP)

setup: $(STAMP)

## the main job on the bundled data
demo: $(STAMP)
	@$(BIN)/natosim brief --scenarios
	@echo ""
	@echo "Dashboard and HTTP API: $(BIN)/natosim serve   →  http://127.0.0.1:8000/  (API under /api/)"

## every test (installs Chromium for the browser tests when missing); the 15 slowest are listed
test: $(STAMP) browser
	$(BIN)/python -m pytest -q -n 2 --durations=15

## the edit loop: everything but the slow, browser and fuzz tests, stopping at the first failure
test-fast: $(STAMP)
	$(BIN)/python -m pytest -q -x -n 2 -m "not slow and not browser"

browser:
	@command -v chromium >/dev/null 2>&1 || test -x /usr/bin/chromium || \
	  (echo "installing Debian chromium for the browser tests"; \
	   (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) || \
	   echo "warning: could not install chromium; the browser tests will fail")

## ruff (lint + format), mypy over src and tests, yamllint over the rules, scenarios and CI config
lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks scripts
	$(BIN)/ruff format --check src tests benchmarks scripts
	$(BIN)/mypy
	$(BIN)/yamllint --strict src/natosim/rules scenarios .pre-commit-config.yaml .yamllint.yaml

## every benchmark script (prints times and ratios measured in one process; see README)
bench: $(STAMP)
	for script in data_load rules scenario burden crisis api_load cli; do \
	  echo "== benchmarks/$$script.py"; $(BIN)/python benchmarks/$$script.py || exit 1; done

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
