"""Chat-style variants (`retrieval/evaluation/chatstyle.py`) of the dev questions, asked on the committed
decision: answerable variants still answered right (of those whose original is right) and unanswerable
variants declined, per split; failures by tag per split (counts); with --show, the FIRST split's failing
variants beside the original's answer (never second-split text).
--unseen: with shorthand the pipeline does not read (chatstyle.UNSEEN_SHORTHAND), what a member's own costs.
ROOT=<tree> EXPDATA=<dir> .venv/bin/python tools/chat_probe.py [--show] [--tags] [--unseen]"""
import json, os, sys
from collections import Counter
from pathlib import Path
from workbench import DEV, ROOT, answerer, arg, shown  # noqa: E402,F401  (first: puts ROOT on the path)
from retrieval.evaluation.evaluate import load_questions, split_of  # noqa: E402
from retrieval.evaluation.chatstyle import chat_scores  # noqa: E402
a = answerer()
qs = load_questions(DEV / "questions.jsonl")
sides = split_of(qs, json.loads((DEV / "splits.json").read_text()))
side_of = {id(q): s for q, s in zip(qs, sides)}
by_tag, fails = Counter(), Counter()


def seen(q, tags, v, ans, ok):
    side = side_of[id(q)]
    kind = "answerable" if q.get("article_id") else "unans"
    for t in tags:
        by_tag[(side, kind, t)] += 1
        fails[(side, kind, t)] += not ok
    if not ok and side == "first" and "--show" in sys.argv:  # FIRST split only
        print("FAIL", json.dumps({"q": q["question"], "v": v, "tags": tags, "type": q.get("type"), "exp": q.get("answer"),
                                  "found": ans.found, "span": shown(ans, ans.span), "art_ok": ans.ranked[:1] == [q.get("article_id")],
                                  "reason": ans.reason}, ensure_ascii=False), flush=True)


res = chat_scores(a, qs, sides, seen, unseen="--unseen" in sys.argv)
for side in ("first", "second"):
    print("CHATSYN", side, json.dumps(res[side]))
if "--tags" in sys.argv:
    for (side, kind, t), n in sorted(by_tag.items()):
        print("TAG", side, kind, t, f"failed {fails[(side, kind, t)]}/{n}")
