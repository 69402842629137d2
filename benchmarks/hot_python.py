"""The answer step's Python of session 31 against what it was, interleaved in one process so a busy machine's load
hits both alike: `python -m benchmarks.hot_python [rounds]`.

"plain" puts back, for the same code: `re`'s own cache (512 patterns, the oldest dropped first) for the patterns the
answer step writes from words (`knowledge.text.pattern`), `fold` computed every time, and BM25 of a few documents
(`LexicalIndex.scores_for`) searched one word at a time (`plain_scores_for`, the code as it read). Each dev question
is asked both ways in alternating order, then the chat turns with a live topic (benchmarks.focus_ahead.interleaved);
prints p50 / p95 of each and how many answers differ (0: the same answers).
"""
from __future__ import annotations

import re
import sys

import numpy as np

from knowledge import text
from retrieval.answering import answer, choose, notfound, occasion, spans
from retrieval.index import lexical

from .focus_ahead import interleaved

_PATTERN_USERS = (answer, choose, notfound, occasion, spans)
_NEW_SCORES_FOR = lexical.LexicalIndex.scores_for
_FOLD_MEMO = text._fold_memo


def plain_scores_for(self, query: str, docs, other_words: bool = False) -> np.ndarray:
    """`LexicalIndex.scores_for` as it read before session 31: one binary search per query word."""
    docs = np.asarray(docs, dtype=np.int64)
    out = np.zeros(len(docs), dtype=np.float32)
    if not len(docs) or self.n_docs == 0:
        return out
    order = np.argsort(docs, kind="stable")
    wanted = docs[order]
    m = self._postings
    data, indices, indptr = m["data"], m["indices"], m["indptr"]
    for t in self.query_ids(query, other_words):
        start, end = int(indptr[t]), int(indptr[t + 1])
        postings = indices[start:end]
        pos = np.searchsorted(postings, wanted)
        hit = pos < (end - start)
        hit[hit] = postings[pos[hit]] == wanted[hit]
        out[order[hit]] += data[start + pos[hit]]
    return out


def switch(mode: str) -> None:
    new = mode == "new"
    for module in _PATTERN_USERS:
        module.pattern = text.pattern if new else re.compile
    text._fold_memo = _FOLD_MEMO if new else text._fold
    lexical.LexicalIndex.scores_for = _NEW_SCORES_FOR if new else plain_scores_for


def main(rounds: int = 3) -> int:
    interleaved(["plain", "new"], switch, rounds)
    switch("new")
    return 0


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 3))
