"""Issue 23 item 4: why ANSWERABLE questions are declined — by cause, and which hard-evidence rule.

Two sources:
* the dev questions, decided as the transfer decides them (fitted on the first split): per split,
  counts of declined answerable questions by cause (and whether the article read first was their own);
  with --show the FIRST split's ones are printed (never a second-split question: counts only);
* `--fold`: every answerable dev question typed without accents, on the committed decision: counts per
  split; --show prints the FIRST split's;
* `--synth`: synthetic answerable questions (`reader_data.synthetic_questions`) made from FIRST-split
  articles only, asked on the committed decision: counts by cause, --show prints them.

Causes: route (a member's own case), faq, hard:<rule> (each hard-evidence rule that fires on the article
read first: year, ordinal/occasion/activity/role/company/body, place, rate, yes/no, match < MIN_MATCH,
no topic words), nospan (no sentence holds an agreeing span), model (the fitted decision).

    ROOT=<tree> EXPDATA=<dir> .venv/bin/python tools/decline_probe.py [--synth | --fold] [--show] [--per N] [--seed S]
"""
import json, os, re, sys
from collections import Counter
from pathlib import Path

from workbench import DEV, ROOT, answerer, arg, shown  # noqa: E402,F401  (first: puts ROOT on the path)
from knowledge.text import fold  # noqa: E402
from retrieval.answering import notfound, occasion  # noqa: E402
from retrieval.answering.decision import calibration_fit  # noqa: E402
from retrieval.answering.spans import rate_for_total  # noqa: E402
from retrieval.evaluation.evaluate import _subset, load_questions, split_of  # noqa: E402
from retrieval.fitting.scoring import reply_holds  # noqa: E402
from retrieval.index.search import content_terms, search  # noqa: E402
from retrieval.language.places import places, source_places  # noqa: E402
from retrieval.params import MIN_MATCH  # noqa: E402


def rules(a, question: str, aid: str) -> list[str]:
    """The hard-evidence rules that fire for `question` on article `aid` (as `notfound.decide` reads it)."""
    ix = a.index
    res = search(ix, a.embedder, question)
    q = res.query
    meta = ix.articles.get(aid, {})
    text = ix.titled_text(aid)
    hay = fold(f"{text} {meta.get('date') or ''}")
    fq = fold(q.text)
    out = []
    if not content_terms(q.text):
        out.append("noterms")
    years = q.years + [y for y in notfound.term_end_years(q.text) if y not in q.years]
    if [y for y in years if not re.search(rf"(?<!\d){y}(?!\d)", hay)]:
        out.append("year")
    for name, got in (("ordinal", notfound.missing_ordinals(fq, hay)), ("occasion", notfound.missing_occasions(fq, hay)),
                      ("activity", notfound.missing_activities(fq, hay)), ("role", notfound.missing_roles(q.qtype, q.text, hay)),
                      ("company", notfound.missing_companies(q.text, " ".join(re.findall(r"[^\W_]+", text.lower())))),
                      ("body", notfound.missing_body(q.qtype, q.text, hay))):
        if got:
            out.append(f"{name}={got[0]}")
    asked, named = places(q.text), places(text) or source_places(meta.get("url"))
    if asked and named and not asked & named:
        out.append("place")
    return out


def cause(a, question: str, ans, own: str | None) -> str:
    if ans.kind == "route":
        return "route"
    if ans.kind == "faq":
        return "faq"
    aid = ans.ranked[0] if ans.ranked else None
    where = "own" if aid and aid == own else "other"
    if ans.features is not None and ans.candidate is not None:
        return f"model/{where}"
    fired = rules(a, question, aid) if aid else []
    cand = ans.candidate
    if cand is not None and rate_for_total(ans.qtype, question, cand.sentence or "", cand.span or ""):
        fired.append("rate")
    if cand is not None and notfound.unsaid_yes_no(question, cand.sentence or ""):
        fired.append("yesno")
    if cand is not None and notfound.another_time(question, cand.sentence or "", ans.qtype, cand.span or ""):
        fired.append("edition")
    if cand is not None and aid and occasion.another_occasion(question, cand.sentence or "", a.index.articles.get(
            aid, {}).get("title", ""), a.index.text_of(aid), cand.passage or ""):
        fired.append("occasion")
    if cand is not None and notfound.unsaid_doing(question, cand.sentence or ""):
        fired.append("doing")
    if cand is not None and cand.features and cand.features.get("match", 1) < MIN_MATCH:
        fired.append("lowmatch")
    if where == "other":  # where the own article stands in the search, and whether evidence rules it out
        ranked = [x for x, _ in search(a.index, a.embedder, question).article_ranking]
        rank = ranked.index(own) if own in ranked else -1
        where += f"[own@{rank if 0 <= rank < 3 else '3+' if rank > 0 else '-'}{'' if rank < 0 else ',ruled' if rules(a, question, own) else ''}]"
    if cand is None:
        return f"nospan/{where}" + (f" ({','.join(fired)})" if fired else "")
    return f"hard/{where}:" + ",".join(r.split("=")[0] for r in fired) + ("" if fired else "?") + \
        (" " + ";".join(r for r in fired if "=" in r) if any("=" in r for r in fired) else "")


def dev(a, show: bool):
    qs = load_questions(DEV / "questions.jsonl")
    sides = split_of(qs, json.loads((DEV / "splits.json").read_text()))
    answered = [a.ask(q["question"]).answer for q in qs]
    apply = calibration_fit(*_subset(qs, [(x, 0.0) for x in answered], [s == "first" for s in sides]))
    c = Counter()
    for q, raw, side in zip(qs, answered, sides):
        ans = apply(raw)
        if not q.get("article_id") or ans.found:
            continue
        k = cause(a, q["question"], ans, q["article_id"])
        c[(side, q.get("type"), k.split(" ")[0])] += 1
        if show and side == "first":
            print("DECL", json.dumps({"q": q["question"], "type": q.get("type"), "exp": q.get("answer"), "cause": k,
                                      "reason": ans.reason}, ensure_ascii=False))
    for key, n in sorted(c.items()):
        print("DEV", key, n)


def synth(a, show: bool):
    from retrieval.answering.reader_data import articles_of, synthetic_questions
    first = set(json.loads((DEV / "splits.json").read_text())["first"])
    arts = [t for t in articles_of(a.index) if t[0] in first]  # FIRST split only, before anything is asked
    qs = synthetic_questions(arts, per_article=arg("--per", 30), seed=arg("--seed", 0))
    c, tot = Counter(), Counter()
    for q in qs:
        assert q["article_id"] in first
        ans = a.ask(q["question"]).answer
        tot[q["type"]] += 1
        if ans.found:
            continue
        k = cause(a, q["question"], ans, q["article_id"])
        c[(q["type"], k.split(" ")[0])] += 1
        if show:
            cand = ans.candidate
            print("SDECL", json.dumps({"q": q["question"], "type": q["type"], "exp": q["answer"], "cause": k,
                                       "reason": ans.reason, "cand": shown(cand, cand.span) if cand else None}, ensure_ascii=False))
    print("SYNTH", dict(tot), "declined", sum(c.values()))
    for key, n in sorted(c.items()):
        print("SYNTH", key, n)


def folded(a, show: bool):
    """Every answerable dev question typed without accents (`fold`), on the committed decision: counts of
    declines by split and cause; --show prints the FIRST split's (never a second-split question)."""
    qs = load_questions(DEV / "questions.jsonl")
    sides = split_of(qs, json.loads((DEV / "splits.json").read_text()))
    c, tot = Counter(), Counter()
    for q, side in zip(qs, sides):
        if not q.get("article_id"):
            continue
        text = fold(q["question"])
        ans = a.ask(text).answer
        tot[side] += 1
        if ans.found:
            continue
        k = cause(a, text, ans, q["article_id"])
        c[(side, q.get("type"), k.split(" ")[0])] += 1
        if show and side == "first":
            print("FDECL", json.dumps({"q": text, "type": q.get("type"), "exp": q.get("answer"), "cause": k,
                                       "reason": ans.reason}, ensure_ascii=False))
    print("FOLD", dict(tot), "declined", {s: sum(n for k, n in c.items() if k[0] == s) for s in tot})
    for key, n in sorted(c.items()):
        print("FOLD", key, n)


if __name__ == "__main__":
    a = answerer()
    if "--fold" in sys.argv:
        folded(a, "--show" in sys.argv)
    elif "--synth" in sys.argv:
        synth(a, "--show" in sys.argv)
    else:
        dev(a, "--show" in sys.argv)
