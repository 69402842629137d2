# Two commands do all set-up on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip
STAMP := $(VENV)/.installed
SHARED_DATA ?= ../shared/data

SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
# PyTorch's CPU-only wheels: where torch comes from when no local wheel is found (not PyPI's CUDA build)
TORCH_CPU_INDEX ?= https://download.pytorch.org/whl/cpu

.PHONY: install postgres browser run test screenshots eval calibrate clean bench vi-syllables

install: $(STAMP)

$(STAMP): pyproject.toml constraints/torch-cpu.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP) install -q --upgrade pip
	# CPU torch only (a bare `torch` requirement would pull PyPI's multi-GB CUDA build): the
	# local torch==2.13.0 wheel when there is one, else torch alone from PyTorch's CPU index
	# (TORCH_CPU_INDEX); only when that index cannot be reached either does pip take PyPI's
	# default (CUDA) torch, said in a warning. The probe runs in the recipe's own shell, after
	# the venv exists (a make-time $$(shell) would run before it).
	if $(PIP) download --no-deps --no-index -q -d $(VENV)/.probe torch==2.13.0 >/dev/null 2>&1; \
	then pin="-c constraints/torch-cpu.txt"; \
	elif $(PIP) install -q --index-url $(TORCH_CPU_INDEX) torch==2.13.0; then pin="-c constraints/torch-cpu.txt"; \
	else echo "Cảnh báo: không tải được torch CPU từ $(TORCH_CPU_INDEX); pip sẽ cài torch mặc định (bản CUDA, nhiều GB)."; pin=""; fi; \
	$(PIP) install -q $$pin -e '.[test]'
	rm -rf $(VENV)/.probe
	touch $(STAMP)

run: install
	$(VENV)/bin/unionbot serve

# PostgreSQL 15 server binaries for the second test run (tests start a throw-away server).
postgres:
	@if ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || command -v initdb >/dev/null 2>&1; then :; \
	else echo "Cài PostgreSQL (gói Debian) cho bộ kiểm thử…"; \
	  $(SUDO) apt-get update -q && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql; fi

# Debian's Chromium for the browser test (tests/test_web_browser.py drives it with Playwright;
# Playwright's own browser download is not used) and a colour emoji font for what it shows.
browser:
	@if [ -x /usr/bin/chromium ] && [ -e /usr/share/fonts/truetype/noto/NotoColorEmoji.ttf ]; then :; \
	else echo "Cài Chromium (gói Debian) cho bài kiểm thử trình duyệt…"; \
	  $(SUDO) apt-get update -q && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -q \
	    chromium fonts-noto-color-emoji; fi

# The whole suite on SQLite, then again on PostgreSQL.
test: install postgres browser
	$(PY) -m pytest -q
	UNIONBOT_TEST_BACKEND=postgresql $(PY) -m pytest -q

# The README's pictures of the web chat (docs/web-chat*.png), taken by the browser test itself.
screenshots: install browser
	UNIONBOT_TEST_SCREENSHOTS=docs $(PY) -m pytest -q tests/test_web_browser.py

# The dev-set quality report (needs ../shared/data): 5-fold cross-validation split by article, and the
# transfer score — fitted on the first split of articles, scored on the second (splits.json); the
# written dev dialogues cross-validated by conversation (wrong turns printed for the FIRST split only).
eval: install
	$(VENV)/bin/unionbot eval $(SHARED_DATA)/dev/questions.jsonl --articles $(SHARED_DATA)/dev/articles --cv 5 --transfer $(SHARED_DATA)/dev/splits.json --dialogues --synthetic \
		--dialogue-set $(SHARED_DATA)/dev/dialogues.jsonl --misses-of $(SHARED_DATA)/dev/splits.json

# Re-fit the answer-or-decline model on the dev set (writes retrieval/answering/decision.json) and the
# follow-up (continuation) model on dialogues made from it (writes retrieval/conversation/continuation.json), and the
# hỏi đáp match and the own-case detector on the project's own questions (write retrieval/hoidap/faq_match.json
# and retrieval/hoidap/own_case.json).
calibrate: install
	$(VENV)/bin/unionbot calibrate $(SHARED_DATA)/dev/questions.jsonl --articles $(SHARED_DATA)/dev/articles
	$(VENV)/bin/unionbot calibrate-followup $(SHARED_DATA)/dev/questions.jsonl --articles $(SHARED_DATA)/dev/articles
	$(VENV)/bin/unionbot calibrate-faq tests/data/hoidap/entries.jsonl tests/data/hoidap/questions.jsonl --articles tests/data/articles
	$(VENV)/bin/unionbot calibrate-owncase tests/data/hoidap/questions.jsonl tests/data/advice.jsonl tests/data/questions.jsonl \
		tests/data/hoidap/news.jsonl --articles tests/data/articles

# Re-make retrieval/index/vi_syllables.tsv (general Vietnamese syllable counts for accent restoration)
# from the PyPI packages wordfreq and pyvi, installed into a throw-away venv (see docs/accents.md).
vi-syllables:
	rm -rf $(VENV)/.visyl && $(PYTHON) -m venv $(VENV)/.visyl
	$(VENV)/.visyl/bin/pip install -q wordfreq==3.1.1 && $(VENV)/.visyl/bin/pip install -q --no-deps pyvi==0.1.1
	$(VENV)/.visyl/bin/python tools/vi_syllables.py
	rm -rf $(VENV)/.visyl

bench: install postgres
	$(PY) -m benchmarks.ask_latency
	$(PY) -m benchmarks.ingest
	$(PY) -m benchmarks.load
	$(PY) -m benchmarks.workers

clean:
	rm -rf $(VENV) data .cache
