"""Which sentence of the article read answers a question, and why another won: the article's sentences as
`choose.options` scores them (dense, lexical, fit, score; `fcos` the raw cosine to the question beyond the title),
the top six and every one holding the expected answer (marked *). For reading the paraphrase misses of a READABLE
set: the first split's dev questions (no TEAMQ; text of first-split articles only) or a readable team set.

ROOT=<tree> EXPDATA_FIRST=<kb> [TEAMQ=tests/data/team/teamq9] .venv/bin/python tools/sentence_probe.py <id or words> …"""
import os
import sys
from pathlib import Path

from workbench import DEV, answerer, first_split, readable_team  # noqa: E402  (first: puts ROOT on the path)
import numpy as np
from knowledge.text import fold
from retrieval.answering import answer as A
from retrieval.evaluation.evaluate import load_questions
from retrieval.index.search import beyond_title, search

TEAMQ = os.environ.get("TEAMQ")
readable_team(TEAMQ)
first = first_split()
a = answerer(Path(os.environ["EXPDATA_FIRST"]))
qs = (load_questions(Path(TEAMQ) / "questions.jsonl") if TEAMQ
      else [q for q in load_questions(DEV / "questions.jsonl") if q.get("article_id") in first])
own = {p.stem for p in (Path(TEAMQ) / "articles").glob("*.json")} if TEAMQ else set()
for q in qs:
    if not any(w == q.get("id") or w in q["question"] for w in sys.argv[1:]):
        continue
    ix = a.index
    res = search(ix, a.embedder, q["question"])
    ranking, opts, scores, _ = A.reading_order(ix, res)
    aid = ranking[0][0]
    if aid not in first and aid not in own:
        print(q.get("id"), "read an article outside the readable ones: not shown")
        continue
    print("=" * 100)
    print(q.get("id"), q["question"], "| expected:", q.get("answer"), "| article", q.get("article_id"), "read", aid,
          "| asked", res.query.qtype)
    title = ix.articles[aid]["title"]
    print("title:", title, "| beyond the title:", beyond_title(res.query.dense_text, title))
    focus = res.focus_sent([o.sentence for o in opts])
    expected = fold(q.get("answer") or "").lower()[:20]
    for rank, k in enumerate(np.argsort(-scores, kind="stable")):
        o, f = opts[k], opts[k].feats
        hit = bool(expected) and expected in fold(o.text).lower()
        if rank < 6 or hit:
            print(f"{'*' if hit else ' '} r{rank} k{k} score {scores[k]:.3f} dense {f['dense']:.2f} lex {f['lex']:.2f} "
                  f"cos {f['cos']:.3f} fcos {focus[k]:.3f} fit {f['fit']:.2f} | {o.text[:230]}")
