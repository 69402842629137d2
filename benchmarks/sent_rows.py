"""The sentence vectors kept as float32 once per index (`Index.sent_f32`, `base.float_rows`) and a passage's sentence
runs built in one go (`search.sentence_runs`) against casting the float16 rows every ask and one `arange` a passage
(main before them), interleaved in one process so a busy machine's load hits both alike:
`python -m benchmarks.sent_rows [rounds]`.

Prints p50 / p95 of the asks and the chat turns with a live topic in each mode and how many answers differ (0: the
same float32 rows, the same cosines, the same answers).
"""
from __future__ import annotations

import sys

import numpy as np

from retrieval.index import search as search_mod
from retrieval.index.base import Index

from .focus_ahead import interleaved

_KEPT_ROWS, _RUNS = Index._sent_rows, search_mod.sentence_runs


def _cast_rows(self: Index, ids: np.ndarray) -> np.ndarray:
    """`_sent_rows` as it read before: every row cast from float16 on each call."""
    return self.sent_vecs[ids].astype(np.float32)


def _arange_runs(starts: np.ndarray, counts: np.ndarray) -> np.ndarray:
    """`sentence_runs` as `best_sentence` built it before: one `arange` a passage."""
    return np.concatenate([np.arange(s, s + c) for s, c in zip(starts.tolist(), counts.tolist())])


_WAYS = {"kept": (_KEPT_ROWS, _RUNS), "cast": (_cast_rows, _arange_runs)}


def main(rounds: int = 2) -> int:
    def switch(mode: str) -> None:
        Index._sent_rows, search_mod.sentence_runs = _WAYS[mode]

    interleaved(list(_WAYS), switch, rounds)
    switch("kept")
    return 0


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 2))
