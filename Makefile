# Set-up and everyday commands. `make serve` and `make test` are all a fresh machine needs.
VENV := .venv
PY := $(VENV)/bin/python
MKDOCS := NO_MKDOCS_2_WARNING=1 $(VENV)/bin/mkdocs
export NO_MKDOCS_2_WARNING := 1

.PHONY: install serve build provinces check test browsers bench bytecode schema clean

# The project itself is installed in editable mode: mkdocs finds the `dvcq` plugin through pyproject.toml's
# entry point, and each checkout's .venv runs that checkout's code.
$(VENV)/.installed: requirements.txt requirements-dev.txt pyproject.toml
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt
	$(PY) -m pip install --quiet --no-deps -e .
	touch $@

install: $(VENV)/.installed

# `make serve PORT=8001` when port 8000 is taken
PORT ?= 8000
serve: install
	$(MKDOCS) serve --dev-addr 127.0.0.1:$(PORT)

# The project's plugin builds into .site.partial and swaps it in only when the build succeeded
# (macros/site/publish.py): a failed build leaves the previous site as it was.
build: install bytecode
	$(MKDOCS) build --strict --site-dir site

# One site per province (publishing province by province), two builds at a time; see README.
provinces: install
	rm -rf site-tinh.partial
	$(PY) -m macros provinces | xargs -P 2 -L 1 sh -c 'DVCQ_PROVINCE="$$*" $(MKDOCS) build --strict --quiet --site-dir site-tinh.partial/$$0'
	rm -rf site-tinh && mv site-tinh.partial site-tinh

check: install
	$(PY) -m macros check

schema: install
	$(PY) -m macros schema

# Chromium for the browser tests; node runs Material's search worker in tests/test_search_lunr.py.
browsers:
	@command -v chromium >/dev/null 2>&1 || (apt-get update -qq && apt-get install -y -qq chromium >/dev/null)
	@command -v node >/dev/null 2>&1 || (apt-get update -qq && apt-get install -y -qq nodejs >/dev/null)

# One test worker per core (pytest-xdist; tests/conftest.py says which tests share a worker).
# Plain `pytest` runs the tests one after another.
test: install browsers
	$(PY) -m pytest -n auto

# Compiled once here: where Python writes no bytecode itself (PYTHONDONTWRITEBYTECODE, a read-only checkout)
# every build would compile the ~110 modules of macros/ again, 0.2-0.3 s of the real site's 3 s of CPU,
# which plain Material's installed packages never pay. Our Jinja templates likewise (~0.3 s when the build
# cache is empty): into macros/site/__jinjacache__/, read before the build cache (macros/site/precompiled.py).
bytecode: install
	$(PY) -m compileall -q macros benchmarks
	$(PY) -m macros.site.precompiled

bench: install bytecode
	$(PY) -m benchmarks.run

clean:
	rm -rf site .site.partial .site.old site-tinh site-tinh.partial test-artifacts .cache
