"""The focus text tokenized by the asker and only run on the ahead thread (`Embedder.query_ahead` → `_run_ahead`,
session 30) against the ahead thread tokenizing it too (main before it), interleaved in one process so a busy
machine's load hits both alike: `python -m benchmarks.ahead_tokens [rounds]`.

Each dev question is asked in both modes, in alternating order, the question vectors forgotten before each ask; then
the chat turns with a live topic likewise. Prints p50 / p95 of each, the time the focus vector held the ask up
(`SearchResult._focus_vector`) and how many answers differ (0: the same vectors, the same answers).
"""
from __future__ import annotations

import sys
from concurrent.futures import Future

from retrieval.index import embedder as embedder_mod
from retrieval.index.embedder import Ahead, Embedder

from .focus_ahead import interleaved


def _tokenized_there(self: Embedder, text: str) -> Ahead:
    """`query_ahead` as it read before: the whole `query` on the ahead thread."""
    kept = self._kept(text)
    if kept is None:
        return Ahead(self, text, embedder_mod._AHEAD.submit(self.query, text))
    done: Future = Future()
    done.set_result(kept)
    return Ahead(self, text, done)


_WAYS = {"tokens here": Embedder.query_ahead, "tokens there": _tokenized_there}


def main(rounds: int = 2) -> int:
    def switch(mode: str) -> None:
        Embedder.query_ahead = _WAYS[mode]

    interleaved(list(_WAYS), switch, rounds)
    Embedder.query_ahead = _WAYS["tokens here"]
    return 0


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 2))
