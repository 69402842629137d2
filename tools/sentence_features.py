"""Dumps, for each answerable question of a READABLE source whose expected article is read first, every sentence
of that article with `choose.options`' features and a few candidates (the plain and beyond-title lexical scores,
position, whether it is the lede, the cosine to the question's ASKED part: its words beyond the title and the
lede), labelled by whether the sentence holds the expected answer. For fitting how the article's sentences are
ranked (tools/sentence_fit.py reads the dumps). Sources: the first split's dev questions (EXPDATA; questions whose
expected article is a second-split one are skipped), a readable team set (TEAMQ, EXPDATA_FIRST), or synthetic
questions (reader_data.py) made from the first split's articles (--synthetic). No text is printed.

ROOT=<tree> EXPDATA=<kb> .venv/bin/python tools/sentence_features.py out.jsonl [--synthetic]
ROOT=<tree> TEAMQ=<set> EXPDATA_FIRST=<kb> .venv/bin/python tools/sentence_features.py out.jsonl"""
import json
import os
import re
import sys
from pathlib import Path

from workbench import DEV, answerer, first_split, readable_team  # noqa: E402  (first: puts ROOT on the path)
import numpy as np
from knowledge.text import fold, normalize
from retrieval.answering import answer as A
from retrieval.answering import choose
from retrieval.answering.reader_data import articles_of, synthetic_questions
from retrieval.evaluation.evaluate import load_questions
from retrieval.index.search import beyond_title, scale_dense, scale_lexical, search

TEAMQ = os.environ.get("TEAMQ")
readable_team(TEAMQ)
first = first_split()
a = answerer(Path(os.environ["EXPDATA_FIRST"] if TEAMQ else os.environ["EXPDATA"]))
ix = a.index
if TEAMQ:
    qs, source = load_questions(Path(TEAMQ) / "questions.jsonl"), Path(TEAMQ).name
elif "--synthetic" in sys.argv:
    qs = synthetic_questions([t for t in articles_of(ix) if t[0] in first], per_article=12, seed=22)
    source = "synthetic"
else:
    qs, source = [q for q in load_questions(DEV / "questions.jsonl") if q.get("article_id") in first], "first"


def norm(s):
    return " ".join(normalize(s or "").lower().split())


out = open(sys.argv[1], "w")
kept = 0
for q in qs:
    if not q.get("answer") or not q.get("article_id"):
        continue
    res = search(ix, a.embedder, q["question"])
    ranking, opts, scores, _ = A.reading_order(ix, res)
    aid = ranking[0][0]
    if aid != q["article_id"] or not opts:
        continue
    exp = norm(q["answer"])
    labels = [exp in norm(o.text) for o in opts]
    cand = [o.sentence for o in opts]
    title = ix.articles[aid].get("title") or ""
    lede = opts[0].text
    asked = beyond_title(res.query.dense_text, f"{title} {lede}")
    acos = ix.sentence_cos(np.asarray(cand), a.embedder.query(asked)) if asked else res.dense_sent(cand)
    plain = scale_lexical(res.lex_sent(cand))
    beyond = res.lex_beyond_title(cand, aid)
    rows = []
    for k, o in enumerate(opts):
        rows.append({**o.feats, "dateline": bool(o.feats.get("dateline")), "k": k, "n": len(opts),
                     "lexplain": float(plain[k]), "lexbeyond": float(scale_lexical(beyond)[k]) if beyond is not None else None,
                     "acos": float(acos[k]), "alex": o.feats["asked_lex"], "score": float(scores[k]), "label": bool(labels[k]), "chunk": o.chunk})
    out.write(json.dumps({"id": q.get("id") or q["question"][:40], "source": source, "qtype": res.query.qtype,
                          "variant": q.get("variant"), "asked": asked is not None, "rows": rows}) + "\n")
    kept += 1
print(source, "questions", len(qs), "kept", kept, file=sys.stderr)
