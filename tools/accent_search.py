"""The article ranking by how a question was typed (issue 23; session 21, helper A): the search's own first article
(before the answer step's reading order) right, per variant and per side of the search — hybrid, lexical alone,
dense alone, and hybrid with the dense side embedding the question as typed (no accents restored) — plus the rank of
the question's own article when the hybrid search misses it. Counts only for the second split; `--show` prints
the first split's unaccented misses.

    ROOT=<tree> EXPDATA=<kb of the 126 dev articles> python tools/accent_search.py [--show]
    ROOT=<tree> TEAMQ=<readable team set> EXPDATA_FIRST=<its kb> python tools/accent_search.py --team [--show]
"""
from __future__ import annotations

import json
import sys
from collections import Counter, defaultdict

from workbench import answerer, question_set  # noqa: E402  (first: puts ROOT on the path)
from knowledge.text import fold
from retrieval.index import search as S

TEAM = "--team" in sys.argv


def unrestored(index, typed):
    """The search's reading with the dense side given the text as typed (accents not restored)."""
    text, _, accented = READ(index, typed)
    return text, text, accented


READ = S._read


def rank_of(res, aid: str) -> int:
    ids = [a for a, _ in res.article_ranking]
    return ids.index(aid) + 1 if aid in ids else 99


def main() -> None:
    data, qs, sides = question_set(TEAM)
    a = answerer(data)
    emb = a.embedder
    counts: dict[str, Counter] = defaultdict(Counter)
    readable = "team" if TEAM else "first"
    for q, side in zip(qs, sides):
        aid = q.get("article_id")
        if not aid:
            continue
        bare = fold(q["question"]) == q["question"].lower()
        key = f"{'bare' if bare else 'accented'} {q.get('variant')}"
        c = counts[side]
        c[key] += 1
        ranks = {}
        for mode in ("hybrid", "lexical", "dense"):
            res = S.search(a.index, emb, q["question"], mode=mode)
            ranks[mode] = rank_of(res, aid)
        S._read = unrestored
        try:
            ranks["typed"] = rank_of(S.search(a.index, emb, q["question"]), aid)
        finally:
            S._read = READ
        for mode, r in ranks.items():
            c[f"{key} at1 {mode}"] += r == 1
        if ranks["hybrid"] > 1:
            c[f"{key} hybrid miss, own article at {min(ranks['hybrid'], 4)}{'+' if ranks['hybrid'] >= 4 else ''}"] += 1
            c[f"{key} hybrid miss, first by lexical"] += ranks["lexical"] == 1
            c[f"{key} hybrid miss, first by dense"] += ranks["dense"] == 1
        if "--show" in sys.argv and side == readable and bare and ranks["hybrid"] > 1:
            print("MISS", json.dumps({"id": q.get("id"), "q": q["question"], "ranks": ranks,
                                      "restored": S.make_query(a.index, q["question"]).dense_text}, ensure_ascii=False))
    for side, c in sorted(counts.items()):
        print(side.upper(), json.dumps(dict(sorted(c.items())), ensure_ascii=False))


if __name__ == "__main__":
    main()
