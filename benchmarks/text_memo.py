"""The answer step's remembered text readings against the plain ones, interleaved in one process so a busy machine's
load hits both alike: `python -m benchmarks.text_memo [rounds]`.

Remembered (session 29): `normalize` of short texts (knowledge.text), an article's words for `coverage` and its folded
forms for `decide` (answering.notfound), the names after a kind of place (answering.occasion), a question's content
terms (index.search), search tokens (index.lexical) and expansion (language.chat), and what a count question counts
(answering.spans); and a search result's sentence cosines, gathered once per ask (`SearchResult.dense_sent`). "plain" swaps each back to its undecorated function, as the code read before. Each dev question
is asked in both modes, in alternating order, the question vectors forgotten before each ask; prints p50 / p95 of each
and how many answers differ (0: a memory gives what the function computes).
"""
from __future__ import annotations

import json
import statistics
import sys
import tempfile

from knowledge import text
from retrieval.answering import notfound, occasion, spans
from retrieval.index import lexical
from retrieval.index import search as search_mod
from retrieval.language import chat

from .ask_latency import DEV, _pct, dev_answerer

_MEMOS = [(text, "_normalize_memo", text._normalize), (notfound, "_words_of", notfound._words_of.__wrapped__),
          (notfound, "_article_forms", notfound._article_forms.__wrapped__),
          (occasion, "_capitalized_names", occasion._capitalized_names.__wrapped__),
          (search_mod, "_content_terms", search_mod._content_terms.__wrapped__),
          (lexical, "_query_tokens", lexical._query_tokens.__wrapped__), (chat, "_expanded", chat._expanded.__wrapped__),
          (spans, "_expectation", spans._expectation.__wrapped__), (spans, "_noun_phrase", spans._noun_phrase.__wrapped__),
          (search_mod.SearchResult, "dense_sent", lambda self, ids: self.index.sentence_cos(ids, self.qvec))]
_REMEMBERED = [(module, name, getattr(module, name)) for module, name, _ in _MEMOS]


def _mode(name: str) -> None:
    for module, attr, function in (_REMEMBERED if name == "memo" else _MEMOS):
        setattr(module, attr, function)


def _line(name: str, times: list[float]) -> str:
    times = sorted(times)
    return f"{name}: n={len(times)} p50={_pct(times, 50):.1f} p95={_pct(times, 95):.1f} mean={statistics.mean(times):.1f} ms"


def main(rounds: int = 3) -> int:
    modes = ("plain", "memo")
    with tempfile.TemporaryDirectory() as tmp:
        answerer, _, _ = dev_answerer(tmp)
        rows = [json.loads(line) for line in (DEV / "questions.jsonl").read_text().splitlines()]
        asks: dict[str, list[float]] = {m: [] for m in modes}
        differ = 0
        for r in range(rounds):
            for i, row in enumerate(rows):
                replies = {}
                for m in (modes if (i + r) % 2 == 0 else modes[::-1]):
                    _mode(m)
                    answerer.embedder.forget_questions()
                    timed = answerer.ask(row["question"])
                    asks[m].append(timed.latency_ms)
                    replies[m] = repr(timed.answer)
                differ += replies["plain"] != replies["memo"]
        _mode("memo")
    for m in modes:
        print(f"ask {_line(m, asks[m])}")
    print(f"answers that differ: {differ}")
    return 0


if __name__ == "__main__":
    sys.exit(main(*(int(a) for a in sys.argv[1:2])))
