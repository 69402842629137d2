"""Made-up dialogue misses (issue 24), for reading: the dialogues of `dialogues.make`, read with the
continuation model CV by article (as `continuation.cross_validate`), each second turn classed by how
it went wrong (read alone / with the topic; declined / wrong article / wrong span). Counts for every
dialogue by the split of its articles; the text of a miss is printed ONLY when every article of the
dialogue is in the FIRST split (filtered before printing: the second split is for scoring only).
Also prints the written dev dialogues' DIAL line (the same rows), so one run measures both.

ROOT=<tree> EXPDATA=<dir> .venv/bin/python tools/dial_misses.py [--print] [--no-dial]"""
import json, os, sys, time
from collections import Counter
from pathlib import Path

from workbench import DEV, ROOT, answerer, arg, shown  # noqa: E402,F401  (first: puts ROOT on the path)
from retrieval.evaluation.evaluate import load_questions
from retrieval.fitting.folds import bucket
from retrieval.fitting.scoring import reply_holds
from retrieval.conversation import continuation, dialogues, followup
from retrieval.answering.notfound import sentence_evidence

a = answerer()
qs = load_questions(DEV / "questions.jsonl")
first_split = set(json.loads((DEV / "splits.json").read_text())["first"])
from bot.commands import _titles, _first_split_misses

titles = _titles(a)
t0 = time.time()
rs = continuation.rows(a, dialogues.turns(qs, titles))
print(f"rows {len(rs)} fresh {sum(r['label'] == 0 for r in rs)} ({time.time() - t0:.0f}s)", flush=True)
if "--no-dial" not in sys.argv:
    convs = dialogues.conversations(load_questions(DEV / "dialogues.jsonl"))
    sc = continuation.cross_validate_set(a, convs, rs, 5)
    misses = _first_split_misses(sc.pop("misses"), convs, str(DEV / "splits.json"))
    print("DIAL", sc, flush=True)
    for m in misses:
        print("DMISS", json.dumps(m, ensure_ascii=False))

k = 5
models = {}
for f in range(k):
    train = [r for r in rs if bucket(r["group"], k) != f]
    models[f] = continuation.fit(train)
counts, right_counts, printable, why = Counter(), Counter(), [], Counter()
_WHY = {"là một địa danh": "place_for_person", "ngày thành lập": "anniversary_for_date",
        "không nói đến": "unsaid_yes_no", "không phải năm được hỏi": "another_edition",
        "không nói ai": "unsaid_doing", "không nêu": "unnamed_institution"}


def _why(ans) -> str:
    """A decline's cause as a fixed name (never its text: the reason quotes the article): the hard
    evidence in the sentence it would have quoted, else whether the decision or a missing span declined."""
    cand = ans.candidate
    if cand is None:
        return "no_candidate"
    evidence = sentence_evidence(cand.question, cand.sentence or "", cand.qtype, cand.span or "")
    named = next((name for cue, name in _WHY.items() if cue in evidence), "")
    if named:
        return named
    if ans.features is not None:
        return "model"
    hard = {"năm ": "hard_missing_year", "nơi khác": "hard_other_place", "ít liên quan": "hard_low_match",
            "không có trong bài": "hard_missing_detail", "mỗi đơn vị": "hard_rate_for_total",
            # the finer split of what was "hard" (fixed names only, never the reason's text)
            "trong bài gần nhất": "hard_missing_name", "chỉ khớp": "hard_low_coverage",
            "đủ gần": "hard_no_close_sentence", "nêu đúng điều": "hard_no_sentence_of_kind",
            "từ khóa": "hard_no_terms", "đơn vị được hỏi": "conv_unit_unnamed",
            "nơi được hỏi": "conv_place_unnamed", "dịp được hỏi": "conv_old_occasion",
            "trường hợp riêng": "routed_own_case"}
    reason = ans.reason or ""
    if reason.startswith("năm "):
        return "hard_missing_year"
    name = next((name for cue, name in hard.items() if cue in reason), "hard_other" if reason else "hard_no_reason")
    return _detail(ans) if name == "hard_missing_detail" else name


def _detail(ans) -> str:
    """Which check of `notfound.decide` found a detail of the question missing from the article
    (the first that does, in its order), by a fixed name."""
    from knowledge.text import fold, normalize
    from retrieval.language.chat import expand_question
    from retrieval.answering import notfound as nf
    import re as _re
    if not ans.ranked:
        return "hard_missing_detail"
    text = a.article_text(ans.ranked[0])
    hay, q = fold(text), expand_question(normalize(ans.question))
    fq = fold(q)
    plain = " ".join(_re.findall(r"[^\W_]+", normalize(text).lower()))
    for name, got in (("ordinal", lambda: nf.missing_ordinals(fq, hay)),
                      ("quarter", lambda: nf.missing_quarters(fq, hay)),
                      ("numbered", lambda: nf.missing_numbered(fq, hay)),
                      ("occasion", lambda: nf.missing_occasions(fq, hay)),
                      ("activity", lambda: nf.missing_activities(fq, hay)),
                      ("role", lambda: nf.missing_roles(ans.qtype, q, hay)),
                      ("company", lambda: nf.missing_companies(q, plain)),
                      ("body", lambda: nf.missing_body(ans.qtype, q, hay))):
        try:
            if got():
                return f"hard_missing_{name}"
        except Exception:  # noqa: BLE001 — a diagnostic: a check that cannot run here names nothing
            continue
    return "hard_missing_detail"


def _source(name: str, message: str, first: str, ans) -> str:
    """Where the missing detail of a declined turn came from, by a fixed name: said in the member's
    message, in the first question (dragged in from the old topic), both, or neither (the chat's words)."""
    from knowledge.text import fold
    from retrieval.answering import notfound as nf
    from retrieval.language.qtype import YEAR
    hay = fold(a.article_text(ans.ranked[0])) if ans.ranked else ""
    def has(text):
        f = fold(text).lower()
        if name == "hard_missing_numbered":
            return bool(nf.missing_numbered(f, hay))
        if name == "hard_missing_occasion":
            return bool(nf.missing_occasions(f, hay))
        return any(y not in hay for y in YEAR.findall(text))
    m, f1 = has(message), has(first)
    return "_in_both" if m and f1 else ("_in_message" if m else ("_from_first" if f1 else "_in_neither"))


for d in dialogues.make(qs, titles):
    article = d["id"].rsplit("#", 1)[0]
    model = models[bucket(article, k)]
    topic = None
    arts = [t["article_id"] for t in d["turns"]]
    side = "first" if all(x in first_split for x in arts[:2]) else ("mixed" if arts[0] in first_split or arts[1] in first_split else "second")
    for i, t in enumerate(d["turns"]):
        reading = continuation.read(a, t["question"], topic, model=model)
        prev, topic = topic, reading.topic
        if i != 1:
            if i == 2:
                counts[("fresh", side, "merged" if reading.understood else "kept")] += 1
            continue
        ans = reading.timed.answer
        kind = "cross" if t.get("cross") else "same"
        ok = bool(ans.found and ans.ranked and ans.ranked[0] == t["article_id"] and reply_holds(ans, t["answer"]))
        how = ("pb-" if followup.points_back(t["question"]) else "") + ("combined" if reading.understood else "alone")
        what = "right" if ok else ("declined" if not ans.found else
                                   ("wrong_article" if ans.ranked[0] != t["article_id"] else "wrong_span"))
        counts[(kind, side, how, what)] += 1
        if what == "declined":
            name = _why(ans)
            if name in ("hard_missing_numbered", "hard_missing_occasion", "hard_missing_year"):
                name += _source(name, t["question"], d["turns"][0]["question"], ans)
            why[(kind, side, how, name)] += 1
        if not ok and side == "first":
            printable.append({"kind": kind, "how": how, "what": what, "q1": d["turns"][0]["question"],
                              "a1": arts[0], "msg": t["question"], "exp": t["answer"], "aid": t["article_id"],
                              "understood": reading.understood, "got": ans.ranked[:3], "span": shown(ans, ans.span),
                              "sent": shown(ans, (ans.sentence or "")[:220]), "reason": ans.reason})
tot = Counter()
for key, n in counts.items():
    if key[0] in ("same", "cross"):
        tot[(key[0], key[1], key[3] == "right")] += n
for kind in ("same", "cross"):
    for side in ("first", "mixed", "second"):
        r, w = tot[(kind, side, True)], tot[(kind, side, False)]
        print(f"MADE {kind:5s} {side:6s} {r}/{r + w}")
allr = {kind: (sum(tot[(kind, s_, True)] for s_ in ("first", "mixed", "second")),
               sum(tot[(kind, s_, True)] + tot[(kind, s_, False)] for s_ in ("first", "mixed", "second")))
        for kind in ("same", "cross")}
fresh_kept = sum(n for k_, n in counts.items() if k_[0] == "fresh" and k_[2] == "kept")
fresh_all = sum(n for k_, n in counts.items() if k_[0] == "fresh")
print("MADE total", {k_: f"{r}/{n} {r / n:.3f}" for k_, (r, n) in allr.items()}, f"fresh kept {fresh_kept}/{fresh_all}")
for key, n in sorted(counts.items()):
    print("COUNT", key, n)
for key, n in sorted(why.items()):
    print("DECLINED BY", key, n)
if "--print" in sys.argv:
    for p in sorted(printable, key=lambda p: (p["kind"], p["how"], p["what"])):
        print("MISS", json.dumps(p, ensure_ascii=False))
