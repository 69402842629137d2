"""The focus encode started ahead against the plain path, interleaved in one process so a busy machine's load hits
both alike: `python -m benchmarks.focus_ahead [rounds]`.

Each dev question is asked with the search's `ahead` off and on, in alternating order, the question vectors
forgotten before each ask; then the chat turns with a live topic likewise (their follow-ups know the focus text
before the ranking). Prints p50 / p95 of each, the time the focus vector held the ask up
(`SearchResult._focus_vector`: the whole encode when plain, what is left of it when started ahead) and how many
answers differ (0: the same vectors, the same answers).
"""
from __future__ import annotations

import json
import statistics
import sys
import tempfile
import time
from typing import Callable

from retrieval import service
from retrieval.conversation import continuation, dialogues
from retrieval.index import search as search_mod

from .ask_latency import DEV, _pct, dev_answerer

_held: list[float] = []  # time spent in _focus_vector during the current ask


def _plain(*args, ahead: bool = False, **kw):
    return search_mod.search(*args, **kw)


def _timed_focus(original):
    def focus_vector(self):
        t = time.perf_counter()
        out = original(self)
        _held.append((time.perf_counter() - t) * 1000)
        return out
    return focus_vector


def _line(name: str, times: list[float]) -> str:
    times = sorted(times)
    return f"{name}: n={len(times)} p50={_pct(times, 50):.1f} p95={_pct(times, 95):.1f} mean={statistics.mean(times):.1f} ms"


def main(rounds: int = 3) -> int:
    def switch(mode: str) -> None:
        service.search = {"plain": _plain, "ahead": search_mod.search}[mode]

    interleaved(["plain", "ahead"], switch, rounds)
    service.search = search_mod.search
    return 0


def interleaved(modes: list[str], switch: Callable[[str], None], rounds: int) -> None:
    """Each dev question asked in every mode (`switch(mode)` sets one up), in alternating order, the question vectors
    forgotten before each ask; then the chat turns with a live topic likewise. Prints p50 / p95 of each, the time the
    focus vector held the ask up and how many answers differ (0: the same vectors, the same answers)."""
    search_mod.SearchResult._focus_vector = _timed_focus(search_mod.SearchResult._focus_vector)
    with tempfile.TemporaryDirectory() as tmp:
        answerer, _, _ = dev_answerer(tmp)
        rows = [json.loads(line) for line in (DEV / "questions.jsonl").read_text().splitlines()]
        asks, held, chats = ({m: [] for m in modes} for _ in range(3))
        differ = 0
        for r in range(rounds):
            for i, row in enumerate(rows):
                replies = {}
                for m in (modes if (i + r) % 2 == 0 else modes[::-1]):
                    switch(m)
                    answerer.embedder.forget_questions()
                    _held.clear()
                    timed = answerer.ask(row["question"])
                    asks[m].append(timed.latency_ms)
                    held[m].append(sum(_held))
                    replies[m] = repr(timed.answer)
                differ += len(set(replies.values())) > 1
        titles = {aid: a.get("title", "") for aid, a in answerer.index.articles.items()}
        topics: dict[str, dict] = {m: {} for m in modes}
        for j, d in enumerate(dialogues.make(rows, titles)):
            for turn in d["turns"]:
                replies = {}
                for m in (modes if j % 2 == 0 else modes[::-1]):
                    switch(m)
                    answerer.embedder.forget_questions()
                    t = time.perf_counter()
                    reading = continuation.read(answerer, turn["question"], topics[m].get(d["id"]))
                    if d["id"] in topics[m]:
                        chats[m].append((time.perf_counter() - t) * 1000)
                    topics[m][d["id"]] = reading.topic
                    replies[m] = repr(reading.timed.answer)
                differ += len(set(replies.values())) > 1
    for m in modes:
        print(_line(f"ask {m}", asks[m]), "|", _line("focus held the ask", held[m]))
        print(_line(f"chat turn {m}", chats[m]))
    print(f"answers that differ: {differ}")


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 3))
