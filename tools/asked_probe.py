"""Issue 23 items 3a/4 (session 22, helper E): does the quoted span tell what was ASKED, by the index's own embedder?
Measured, not kept (decision.py's session notes): the e5 cosine of the question's asked phrase and the span's own
clause separates right answers from unanswerable questions answered at AUC ~0.7 (as the word-overlap features of
session 20 did), and no better at the tail, where the decision's threshold sits: the count asked and not given sits
at the 2nd-15th percentile of the right answers to counts.

For every question of a READ source that reaches the model (features not None) it computes, with the index's
embedder and prefixes: the asked phrase (a count's counted noun and what it does — the words after the last "bao
nhiêu / mấy / bn", with up to three words before it beyond the title's; else the clause of the question word
without framing and title words) against (a) the span's clause (up to clause breaks either side), (b) a window of
WINDOW characters around the span, (c) the whole sentence, each with the query prefix on both sides (qq) or the
passage prefix on the quoted side (qp); and the "drop" form: cos(question, clause) − cos(question without the asked
phrase, clause). It prints per source the AUC of right answers against unanswerable ones (all kinds / counts only),
and for counts where the unanswerable ones fall among the right answers' percentiles. Aggregates only.

    ROOT=<tree> EXPDATA=<dir> .venv/bin/python tools/asked_probe.py first            (the dev set's FIRST split)
    ROOT=<tree> EXPDATA=<team KB> .venv/bin/python tools/asked_probe.py <TEAMQ dir>  (teamq6-10: read sets only)
"""
import json
import re
import sys
from pathlib import Path

import numpy as np

from workbench import DEV, answerer, readable_team  # noqa: E402  (first: puts ROOT on the path)
from knowledge.text import fold
from retrieval.answering.decision import candidate
from retrieval.answering.spans import clause_start
from retrieval.evaluation.evaluate import load_questions, split_of
from retrieval.fitting.scoring import reply_holds
from retrieval.index.search import search

WINDOW = 60  # characters each side of the span, form (b)
_COUNT = re.compile(r"(?<!\w)(?:bao nhieu|bn|may)(?!\w)")
_ASKING = re.compile(r"(?<!\w)(?:bao nhieu|bn|may|bao lau|bao gio|khi nao|luc nao|ai|gi|nao|dau|the nao|ra sao)(?!\w)")
_FRAME = set("cho xin hỏi em mình tôi bạn ad admin ơi vậy ạ hả nhỉ thế nhé đây đó là có được đã sẽ các của ở".split())
_FRAME_FOLDED = {fold(w) for w in _FRAME}
_BREAK = re.compile(r"[,;:.?!()\n–]|\s-\s")
_TOKEN = re.compile(r"[^\W_]+(?:[./-][^\W_]+)*")


def framing(word: str) -> bool:
    low = word.lower()
    return low in _FRAME or (fold(low) == low and low in _FRAME_FOLDED)


def clause_of(text: str, at: int, end: int) -> str:
    m = _BREAK.search(text, end)
    return text[clause_start(text[:at]):m.start() if m else len(text)].strip()


def asked_phrase(question: str, qtype: str, title: str) -> str:
    titled = {fold(w) for w in _TOKEN.findall(title)}
    counts = list(_COUNT.finditer(fold(question))) if qtype == "number" else []
    if counts:
        m = counts[-1]
        tail = _BREAK.search(question, m.end())
        after = [w for w in _TOKEN.findall(question[m.end():tail.start() if tail else len(question)]) if not framing(w)]
        before = question[clause_start(question[:m.start()]):m.start()]
        lead = [w for w in _TOKEN.findall(before) if not framing(w) and fold(w) not in titled][-3:]
        return " ".join(lead + after)
    found = list(_ASKING.finditer(fold(question)))
    clause = clause_of(question, found[-1].start(), found[-1].end()) if found else question
    words = [w for w in _TOKEN.findall(clause) if not framing(w) and fold(w) not in titled and not _ASKING.fullmatch(fold(w))]
    return " ".join(words) or clause


def span_clause(sentence: str, span: str) -> str:
    at = sentence.find(span) if span else -1
    return clause_of(sentence, at, at + len(span)) if at >= 0 else sentence


def auc(pos, neg) -> float:
    pos, neg = np.array(pos), np.array(neg)
    if not len(pos) or not len(neg):
        return float("nan")
    return float((pos[:, None] > neg[None, :]).mean() + 0.5 * (pos[:, None] == neg[None, :]).mean())


src = sys.argv[1]
a = answerer()
if src == "first":
    qs = load_questions(DEV / "questions.jsonl")
    qs = [q for q, s in zip(qs, split_of(qs, json.loads((DEV / "splits.json").read_text()))) if s == "first"]
else:
    readable_team(src)
    qs = load_questions(Path(src) / "questions.jsonl")
rows = []
for q in qs:
    ans = a.ask(q["question"]).answer
    if ans.features is None:
        continue
    cand, query = candidate(ans), search(a.index, a.embedder, q["question"]).query
    title = a.index.articles.get(cand.sources[0].article_id, {}).get("title", "") if cand.sources else ""
    sentence, span = cand.sentence or "", cand.span or ""
    at = sentence.find(span) if span else -1
    phrase = asked_phrase(query.dense_text, query.qtype, title)
    rows.append({"number": query.qtype == "number", "right": bool(q.get("article_id")) and reply_holds(cand, q.get("answer")),
                 "unanswerable": not q.get("article_id"), "q": query.dense_text, "phrase": phrase,
                 "without": " ".join(w for w in _TOKEN.findall(query.dense_text) if w not in set(_TOKEN.findall(phrase))),
                 "clause": span_clause(sentence, span), "sentence": sentence,
                 "window": sentence[max(0, at - WINDOW):at + len(span) + WINDOW] if at >= 0 else sentence})
emb = a.embedder
enc = lambda texts, prefix: emb.queries(texts) if prefix == "q" else emb.passages(texts)  # noqa: E731
P = enc([r["phrase"] for r in rows], "q")
forms = {}
for side in ("clause", "window", "sentence"):
    for pre in ("q", "p"):
        forms[f"{side}-q{pre}"] = (P * enc([r[side] for r in rows], pre)).sum(1)
C = enc([r["clause"] for r in rows], "p")
forms["drop-clause-qp"] = (enc([r["q"] for r in rows], "q") * C).sum(1) - (enc([r["without"] or r["q"] for r in rows], "q") * C).sum(1)
print(f"{src}: {len(rows)} reach the model, right {sum(r['right'] for r in rows)}, unanswerable {sum(r['unanswerable'] for r in rows)} "
      f"(counts {sum(r['unanswerable'] and r['number'] for r in rows)})")
for name, s in forms.items():
    pos = [x for x, r in zip(s, rows) if r["right"]]
    un = [x for x, r in zip(s, rows) if r["unanswerable"]]
    npos = np.sort([x for x, r in zip(s, rows) if r["right"] and r["number"]])
    nun = [x for x, r in zip(s, rows) if r["unanswerable"] and r["number"]]
    pct = [float((npos < x).mean()) for x in nun] if len(npos) else []
    print(f"{name:16s} AUC all {auc(pos, un):.2f} counts {auc(npos, nun):.2f} | counts unanswerable at right-answer percentiles "
          + " ".join(f"{p:.2f}" for p in sorted(pct)))
