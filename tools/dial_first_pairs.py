"""More cross-article made-up dialogues for READING (issue 24): `dialogues.cross_turns` over the
FIRST split's questions only (every article of every dialogue first-split: nothing else is built),
with a looser neighbour overlap and more neighbours per question than the scored set, read with the
committed continuation model. Prints the misses, grouped by how they went wrong.

ROOT=<tree> EXPDATA=<dir> .venv/bin/python tools/dial_first_pairs.py [overlap] [per_question]"""
import json, os, sys
from collections import Counter
from pathlib import Path

from workbench import DEV, ROOT, answerer, arg, shown  # noqa: E402,F401  (first: puts ROOT on the path)
from retrieval.evaluation.evaluate import load_questions
from retrieval.fitting.scoring import reply_holds
from retrieval.conversation import continuation, dialogues, followup

a = answerer()
first_split = set(json.loads((DEV / "splits.json").read_text())["first"])
qs = [q for q in load_questions(DEV / "questions.jsonl") if q.get("article_id") in first_split]  # filter first
from bot.commands import _titles

dialogues.NEIGHBOUR_OVERLAP = float(sys.argv[1]) if len(sys.argv) > 1 else 0.2
dialogues.CROSS_PER_QUESTION = int(sys.argv[2]) if len(sys.argv) > 2 else 4
titles = _titles(a)
seen, counts, out = set(), Counter(), []
for c in dialogues.cross_turns(qs, titles):
    key = (c["first"]["question"], c["second"]["question"])
    if key in seen:
        continue
    seen.add(key)
    assert c["first"]["article_id"] in first_split and c["second"]["article_id"] in first_split
    r1 = continuation.read(a, c["first"]["question"], None)
    r2 = continuation.read(a, c["message"], r1.topic)
    ans, t = r2.timed.answer, c["second"]
    ok = bool(ans.found and ans.ranked and ans.ranked[0] == t["article_id"] and reply_holds(ans, t["answer"]))
    how = ("pb-" if followup.points_back(c["message"]) else "") + ("combined" if r2.understood else "alone")
    what = "right" if ok else ("declined" if not ans.found else
                               ("wrong_article" if ans.ranked[0] != t["article_id"] else "wrong_span"))
    counts[(how, what)] += 1
    if not ok:
        out.append((how, what, {"q1": c["first"]["question"], "a1": c["first"]["article_id"], "msg": c["message"],
                                "exp": t["answer"], "aid": t["article_id"], "understood": r2.understood,
                                "got": ans.ranked[:3], "span": shown(ans, ans.span), "reason": ans.reason,
                                "sent": shown(ans, (ans.sentence or "")[:200])}))
print("PAIRS", sum(counts.values()), "right", sum(n for k, n in counts.items() if k[1] == "right"))
for k, n in sorted(counts.items()):
    print("COUNT", k, n)
for how, what, p in sorted(out, key=lambda x: (x[0], x[1])):
    print("MISS", how, what, json.dumps(p, ensure_ascii=False))
