"""The sentence chosen for questions typed without accents, by the dense share of `choose.scores` (issue 23; session
21, helper A): for every answerable question typed without any accent, the options of its own article (as
`choose.options` scores them) ranked again with each DENSE_SHARE of a grid; counted right when the first sentence
holds the expected answer (folded). Accented questions are counted beside them. Read sets per set; the dev set's
second split counted apart.

    ROOT=<tree> EXPDATA=<kb> python tools/accent_sentence.py
    ROOT=<tree> TEAMQ=<readable team set> EXPDATA_FIRST=<its kb> python tools/accent_sentence.py --team
"""
from __future__ import annotations

import json
import sys
from collections import Counter, defaultdict

import numpy as np

from workbench import answerer, question_set  # noqa: E402  (first: puts ROOT on the path)
from knowledge.text import fold
from retrieval.answering import choose
from retrieval.index.search import search
from retrieval.params import GATE

GRID = (0.0, 0.2, 0.35, 0.5, 0.65, 0.8, 1.0)


def main() -> None:
    data, qs, side = question_set("--team" in sys.argv)
    a = answerer(data)
    right: dict[str, Counter] = defaultdict(Counter)
    for q, s in zip(qs, side):
        if not q.get("article_id"):
            continue
        form = "bare" if fold(q["question"]) == q["question"].lower() else "accented"
        opts = choose.options(a.index, search(a.index, a.embedder, q["question"]), q["article_id"])
        if not opts:
            continue
        want = fold(q.get("answer") or "").lower()
        dense = np.array([o.feats["dense"] for o in opts])
        lex = np.array([o.feats["lex"] for o in opts])
        fit = np.array([o.feats["fit"] for o in opts])
        right[s][f"{form} n"] += 1
        for share in GRID:
            best = int(np.argmax((share * dense + (1 - share) * lex) * (GATE + (1 - GATE) * fit)))
            right[s][f"{form} {share}"] += want in fold(opts[best].text).lower()
    for s, c in sorted(right.items()):
        print(s.upper(), json.dumps(dict(c)))


if __name__ == "__main__":
    main()
