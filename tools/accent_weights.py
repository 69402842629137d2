"""The search's weights for questions typed without accents, fitted offline (issue 23; session 21, helper A).

For every answerable question typed without any accent, the three sides of `search.search` (lexical, dense
passage, dense best sentence; each scaled as the search scales it, plus the year / recency bonus) are computed
once; then each weight triple of a grid ranks the articles again, and the search's first article is counted right
or not. Read sets only are printed per question; the dev set's second split is counted (first and second split apart:
pick weights on the first and the read sets, the second is the check).

    ROOT=<tree> EXPDATA=<kb> python tools/accent_weights.py
    ROOT=<tree> TEAMQ=<readable team set> EXPDATA_FIRST=<its kb> python tools/accent_weights.py --team
"""
from __future__ import annotations

import json
import sys
from collections import Counter, defaultdict

import numpy as np

from workbench import answerer, question_set  # noqa: E402  (first: puts ROOT on the path)
from knowledge.text import fold
from retrieval.index import search as S

GRID = [(l, d, 1 - l - d) for l in (0.2, 0.35, 0.45, 0.55, 0.65, 0.75, 0.85, 1.0)
        for d in (0.0, 0.1, 0.15, 0.2, 0.25, 0.35, 0.45) if l + d <= 1.0 + 1e-9]


def sides(index, emb, question):
    """(article index per candidate, lexical, dense, best-sentence, bonus) as search() computes them."""
    q = S.make_query(index, question)
    qvec = emb.query(q.dense_text)
    dense_ids, dense_cos = index.dense_top(qvec, S.DENSE_TOP_K)
    cand = S.candidates(index, q.text, dense_ids)
    dense_c = np.zeros(len(cand), dtype=np.float32)
    live = np.isin(dense_ids, cand)
    dense_c[np.searchsorted(cand, dense_ids[live])] = dense_cos[live]
    return (np.array([index.chunk_article[c] for c in cand.tolist()]),
            S.scale_lexical(index.lex_chunk_scores(q.text, cand)), S.scale_dense(dense_c),
            S.scale_dense(S.best_sentence(index, cand, qvec)), S._context_bonus(index, q, cand))


def first_article(arts, lex, den, sen, bonus, w) -> str:
    fused = w[0] * lex + w[1] * den + w[2] * sen + bonus
    best: dict[str, float] = {}
    for aid, s in zip(arts.tolist(), fused.tolist()):
        if s > best.get(aid, -1e9):
            best[aid] = s
    return max(best.items(), key=lambda kv: kv[1])[0]


def main() -> None:
    data, qs, side = question_set("--team" in sys.argv)
    a = answerer(data)
    right: dict[str, Counter] = defaultdict(Counter)
    n = Counter()
    for q, s in zip(qs, side):
        if not q.get("article_id") or fold(q["question"]) != q["question"].lower():
            continue
        n[s] += 1
        parts = sides(a.index, a.embedder, q["question"])
        for w in dict.fromkeys(GRID + [S.WEIGHTS[False], S.WEIGHTS[True]]):  # each once
            right[s][w] += first_article(*parts, w) == q["article_id"]
    for s in sorted(n):
        print(s.upper(), "questions", n[s], "at the weights now", S.WEIGHTS[False], right[s][S.WEIGHTS[False]],
              "at the accented ones", S.WEIGHTS[True], right[s][S.WEIGHTS[True]])
        print(s.upper(), "GRID", json.dumps({f"{w[0]:.2f}/{w[1]:.2f}/{w[2]:.2f}": right[s][w] for w in GRID}))


if __name__ == "__main__":
    main()
