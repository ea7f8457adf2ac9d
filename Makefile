# One command per check; CI runs `make check` through .ci/run.
PY ?= .venv/bin/python

.PHONY: check test lint eval
check: test lint
test:
	$(PY) -m pytest
lint:
	$(PY) -m ruff check kabar flows tests bench
	$(PY) -m ruff format --check kabar flows tests bench
eval:
	$(PY) bench/eval.py --check
