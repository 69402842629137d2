"""Accent restoration measured on questions whose accents are known: each accented question
(plain and paraphrased variants, after `expand_question`) is folded, restored on the knowledge base
in EXPDATA, and compared syllable by syllable with the original. Prints the first split's wrong
syllables (with `--show`) and, for both splits, counts only: syllables right, questions right.

    ROOT=<tree> EXPDATA=<kb dir> python tools/restore_accuracy.py [--show]
"""
from __future__ import annotations

import json
import os
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(os.environ.get("ROOT", Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(ROOT))
os.chdir(ROOT)

from knowledge.text import fold, normalize  # noqa: E402
from retrieval.evaluation.evaluate import load_questions, split_of  # noqa: E402
from retrieval.index.base import Index  # noqa: E402,F401
from retrieval.index.restore import Restorer  # noqa: E402
from retrieval.language.chat import expand_question  # noqa: E402

DEV = Path(os.environ.get("DEV", "/work/shared/data/dev"))
DATA = Path(os.environ.get("EXPDATA", "/work/expdata"))
_SYL = re.compile(r"[^\W\d_]+")


def main() -> None:
    path = sorted((DATA / "index").glob("v*/restore.json"))[-1]
    r = Restorer.load(path)
    qs = load_questions(DEV / "questions.jsonl")
    sides = split_of(qs, json.loads((DEV / "splits.json").read_text()))
    c = {"first": Counter(), "second": Counter()}
    wrong: Counter = Counter()
    for q, side in zip(qs, sides):
        if not q.get("article_id") or q.get("variant") not in ("plain", "paraphrase"):
            continue
        text = normalize(expand_question(" ".join(q["question"].split()))).lower()
        got = r.restore(fold(text))
        a, b = _SYL.findall(text), _SYL.findall(got)
        if len(a) != len(b):
            continue
        bad = [(x, y) for x, y in zip(a, b) if x != y]
        c[side]["questions"] += 1
        c[side]["questions right"] += not bad
        c[side]["syllables"] += len(a)
        c[side]["syllables right"] += len(a) - len(bad)
        if side == "first":
            wrong.update(f"{x}→{y}" for x, y in bad)
            if "--show" in sys.argv and bad:
                print(got, "|", ", ".join(f"{x}→{y}" for x, y in bad))
    for side in ("first", "second"):
        s = c[side]
        print(side.upper(), f"syllables {s['syllables right'] / s['syllables']:.4f} ({s['syllables right']}/{s['syllables']})",
              f"questions {s['questions right'] / s['questions']:.3f} ({s['questions right']}/{s['questions']})")
    if "--show" in sys.argv:
        print("FIRST wrong:", wrong.most_common(40))


if __name__ == "__main__":
    main()
