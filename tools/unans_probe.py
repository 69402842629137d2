"""Synthetic unanswerable variants by kind (`perturb.variants`) of the dev set's answerable questions:
declined rate per split and kind; with --show, the FIRST split's answered variants (never second-split text).
ROOT=<tree> EXPDATA=<dir> .venv/bin/python tools/unans_probe.py [--show] [--kinds term,office,...]"""
import json, os, sys
from collections import Counter
from pathlib import Path
from workbench import DEV, ROOT, answerer, arg  # noqa: E402,F401  (first: puts ROOT on the path)
from retrieval.evaluation.evaluate import load_questions, split_of
from retrieval.evaluation.perturb import variants
kinds = next((a.split("=", 1)[1].split(",") for a in sys.argv if a.startswith("--kinds=")), None)
a = answerer()
qs = load_questions(DEV / "questions.jsonl")
splits = json.loads((DEV / "splits.json").read_text())
sides = split_of(qs, splits)
first_split = lambda ans: bool(ans.sources) and ans.sources[0].article_id in set(splits["first"])  # noqa: E731
made, kept = Counter(), Counter()
for q, side in zip(qs, sides):
    aid = q.get("article_id")
    if not aid or aid not in a.index.articles:
        continue
    for kind, v in variants(q["question"], a.index.titled_text(aid)):
        if kinds and kind not in kinds:
            continue
        ans = a.ask(v).answer
        made[(side, kind)] += 1
        kept[(side, kind)] += not ans.found
        if ans.found and side == "first" and "--show" in sys.argv:
            print("ANSWERED", kind, json.dumps({"v": v, "span": ans.span if first_split(ans) else "(another split's article)", "on_own": ans.ranked[:1] == [aid]}, ensure_ascii=False))
for side in ("first", "second"):
    tot = sum(n for (s, _), n in made.items() if s == side)
    dec = sum(n for (s, _), n in kept.items() if s == side)
    per = " ".join(f"{k} {kept[(side, k)]}/{n}" for (s, k), n in sorted(made.items()) if s == side)
    print(f"{side}: declined {dec}/{tot} = {dec / max(tot, 1):.3f} | {per}")
