"""Where questions typed without accents go wrong, sorted by KIND (issue 23; session 21, helper A).

Two kinds of unaccented question are measured:
* real ones (variant `no_diacritics`, and unanswerable questions typed without any accent), as members wrote them;
* synthetic ones (`--strip`): every accented plain / paraphrased question folded (accents and capitals gone),
  asked beside its accented form; only the pairs answered right accented and missed stripped are kinds.

Each miss gets one kind, by the first stage that lost it:
  article        the article read first is not the question's
  declined-hard  declined on hard evidence (notfound / occasion: the reason, with the question's words left out)
  declined-model declined by the fitted decision (its p below the threshold)
  qtype          the asked kind read differently from the accented form's (`--strip` only)
  sentence       the right article, and none of the reply's sentences holds the answer
  span           the answer's sentence shown, the span another
and, for every unaccented question, what restoring its accents lost: the syllables the search embedded in a form
the question's own article never writes although it writes the syllable folded (`lost`), and those of the answer's
own sentence (`lost-in-answer`).

    ROOT=<tree> EXPDATA=<kb of the 126 dev articles> python tools/accent_kinds.py [--strip] [--show]
    ROOT=<tree> TEAMQ=<readable team set> EXPDATA_FIRST=<its kb> python tools/accent_kinds.py --team [--strip] [--show]

Dev: the first split is decided by 5-fold CV (as `harness.py --fail`), the second by the fit on the first (the
transfer line); `--show` prints first-split rows only, the second is counted. A team set (`--team`, READABLE sets
only — teamq6..9 this session): the decision fitted on the first split's questions, as `team.py` does.
"""
from __future__ import annotations

import json
import os
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

from workbench import DEV, answerer, question_set, reason_kind  # noqa: E402  (first: puts ROOT on the path)
from knowledge.text import fold
from retrieval.answering import decision
from retrieval.evaluation.evaluate import cross_validated, load_questions, split_of
from retrieval.fitting.scoring import reply_holds
from retrieval.index.search import make_query

TEAM = "--team" in sys.argv
_SYL = re.compile(r"[^\W\d_]+")


def typed_bare(text: str) -> bool:
    """No accent anywhere (how a member types on a phone without a Vietnamese keyboard)."""
    return fold(text) == text.lower()


def fit_with_p(questions, answers):
    """The decision fitted on these questions, returning (decided answer, p or None) for another."""
    model, _ = decision.fit(questions, answers)

    def apply(ans):
        cand = decision.candidate(ans)
        p = None if ans.features is None else float(model.prob(cand.features))
        return decision.decide_with(model, ans), p, model.threshold
    return apply


def answer_sentence(index, aid: str, expected: str) -> str:
    """The article's first sentence holding the expected answer (folded), or ''."""
    want = fold(expected or "").lower()
    for i in index.article_sentences.get(aid, []):
        if want and want in fold(index.sentences[i]["text"]).lower():
            return index.sentences[i]["text"]
    return ""


def lost(index, aid: str, restored: str, sentence: str) -> tuple[list[str], list[str]]:
    """Syllables restored into a form the article never writes though it writes them folded; and the same
    against the answer's own sentence."""
    art = " ".join([index.articles.get(aid, {}).get("title", "")]
                   + [index.sentences[i]["text"] for i in index.article_sentences.get(aid, [])]).lower()
    forms, folded = set(_SYL.findall(art)), {fold(s) for s in _SYL.findall(art)}
    sforms = set(_SYL.findall(sentence.lower()))
    sfolded = {fold(s) for s in sforms}
    out, out_s = [], []
    for s in _SYL.findall(restored.lower()):
        if fold(s) in folded and s not in forms:
            out.append(s)
        if fold(s) in sfolded and s not in sforms:
            out_s.append(s)
    return out, out_s


def kind_of(q, ans, p, thr, ref=None) -> str:
    aid = q["article_id"]
    if ans.found and reply_holds(ans, q.get("answer")):
        return "right"
    if not ans.ranked or ans.ranked[0] != aid:
        return "article"
    if not ans.found:
        return "declined-model" if (p is not None and p < thr) else "declined-hard"
    if ref is not None and ref.qtype != ans.qtype:
        return "qtype"
    sent = ans.shown_sentence + " " + (ans.also or "")
    return "span" if fold(q.get("answer") or "").lower() in fold(sent).lower() else "sentence"


def main() -> None:
    show = "--show" in sys.argv
    if TEAM:
        data = Path(os.environ["EXPDATA_FIRST"])
        teamq = Path(os.environ["TEAMQ"])
        dev = load_questions(DEV / "questions.jsonl")
        sides0 = split_of(dev, json.loads((DEV / "splits.json").read_text()))
        dev = [q for q, s in zip(dev, sides0) if s == "first"]
        team = load_questions(teamq / "questions.jsonl")
        qs, sides = dev + team, ["fit"] * len(dev) + ["team"] * len(team)
    else:
        data, qs, sides = question_set(False)
    a = answerer(data)
    index = a.index
    raw = [(a.ask(q["question"]).answer, 0.0) for q in qs]
    decided: list = [None] * len(qs)
    fit_idx = [i for i, s in enumerate(sides) if s in ("first", "fit")]
    apply = fit_with_p([qs[i] for i in fit_idx], [raw[i][0] for i in fit_idx])
    for i, s in enumerate(sides):
        if s in ("second", "team"):
            decided[i] = apply(raw[i][0])
    if not TEAM:  # the first split as harness --fail reads it: CV
        cv = cross_validated(qs, raw, 5, fit_with_p)
        for i in fit_idx:
            decided[i] = cv[i][0]
    readable = "team" if TEAM else "first"
    scored = ("team",) if TEAM else ("first", "second")
    counts: dict[str, Counter] = defaultdict(Counter)
    ps: dict[str, list] = defaultdict(list)
    for i, q in enumerate(qs):
        side = sides[i]
        if side not in scored:
            continue
        ans, p, thr = decided[i]
        bare = typed_bare(q["question"])
        form = "bare" if bare else "accented"
        c = counts[side]
        if not q.get("article_id"):
            c[f"unans {form}"] += 1
            c[f"unans {form} declined"] += not ans.found
            if ans.found and side == readable and show and bare:
                print("UNANS", json.dumps({"id": q.get("id"), "q": q["question"], "p": p and round(p, 3),
                                           "thr": round(thr, 3), "span": ans.span}, ensure_ascii=False))
            continue
        k = kind_of(q, ans, p, thr)
        c[f"{form} {q.get('variant')}"] += 1
        c[f"{form} {q.get('variant')} {k}"] += 1
        if k == "right" and p is not None:
            ps[f"{side} {form}"].append(p - thr)
        if not bare:
            continue
        restored = make_query(index, q["question"]).dense_text
        gold = answer_sentence(index, q["article_id"], q.get("answer"))
        lw, ls = lost(index, q["article_id"], restored, gold)
        c["bare: restored with a form the article never writes"] += bool(lw)
        c["bare: ... of the answer's sentence"] += bool(ls)
        c[f"bare {k}: restored lost a word of the answer's sentence"] += bool(ls)
        if k == "declined-hard":
            c[f"bare declined-hard: {reason_kind(ans.reason)}"] += 1
        if show and side == readable and k != "right":
            print("MISS", json.dumps({"id": q.get("id"), "kind": k, "type": q.get("type"), "q": q["question"],
                                      "restored": restored, "lost": lw, "lost_in_answer": ls, "exp": q.get("answer"),
                                      "span": ans.span, "qtype": ans.qtype, "p": p and round(p, 3),
                                      "reason": ans.reason, "sent": (ans.shown_sentence or "")[:160]},
                                     ensure_ascii=False))
    if "--strip" in sys.argv:
        strip_pairs(a, qs, sides, raw, decided, apply, counts, readable, scored, show)
    for side in scored:
        print(side.upper(), json.dumps(dict(sorted(counts[side].items())), ensure_ascii=False))
    for key, v in sorted(ps.items()):
        v = sorted(v)
        print("P-MARGIN of right answers", key, f"n {len(v)} min {v[0]:.3f} p10 {v[len(v) // 10]:.3f} "
              f"median {v[len(v) // 2]:.3f} within0.05 {sum(x < 0.05 for x in v)}")


def strip_pairs(a, qs, sides, raw, decided, apply, counts, readable, scored, show) -> None:
    """Accented answerable plain / paraphrased questions asked folded too: kinds of the pairs lost by folding.
    (The first split's copies are decided by the fit on the first split, not CV: the pairs compare forms.)"""
    for i, q in enumerate(qs):
        if sides[i] not in scored or not q.get("article_id") or typed_bare(q["question"]):
            continue
        if q.get("variant") not in ("plain", "paraphrase"):
            continue
        ans, p, thr = decided[i]
        if kind_of(q, ans, p, thr) != "right":
            continue
        copy = fold(q["question"])
        sans, sp, sthr = apply(a.ask(copy).answer)
        k = kind_of(q, sans, sp, sthr, ref=ans)
        c = counts[sides[i]]
        c["strip pairs right accented"] += 1
        c[f"strip {k}"] += 1
        if k == "right":
            continue
        restored = make_query(a.index, copy).dense_text
        gold = answer_sentence(a.index, q["article_id"], q.get("answer"))
        lw, ls = lost(a.index, q["article_id"], restored, gold)
        c[f"strip {k}: restored lost a word of the answer's sentence"] += bool(ls)
        if k == "declined-hard":
            c[f"strip declined-hard: {reason_kind(sans.reason)}"] += 1
        if show and sides[i] == readable:
            print("STRIP", json.dumps({"id": q.get("id"), "kind": k, "type": q.get("type"), "q": q["question"],
                                       "restored": restored, "lost": lw, "lost_in_answer": ls, "exp": q.get("answer"),
                                       "span": sans.span, "qtype": [ans.qtype, sans.qtype], "p": sp and round(sp, 3),
                                       "thr": round(sthr, 3), "reason": sans.reason,
                                       "sent": (sans.shown_sentence or "")[:160]}, ensure_ascii=False))


if __name__ == "__main__":
    main()
