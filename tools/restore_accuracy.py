"""Accent restoration measured on questions whose accents are known: each accented question
(plain and paraphrased variants, after `expand_question`) is folded, restored on the knowledge base
in EXPDATA, and compared syllable by syllable with the original. Prints the first split's wrong
syllables (with `--show`) and, for both splits, counts only: syllables right, questions right.

    ROOT=<tree> EXPDATA=<kb dir> python tools/restore_accuracy.py [--show] [--small | --rebuild]

`--small`: each question restored on a knowledge base of two articles (its own and the next by
name), as a union starting out has (docs/accents.md), instead of the one in EXPDATA; `--rebuild`:
EXPDATA's texts counted again by the code as it is (restore.json as a new build would write it).
"""
from __future__ import annotations

import json
import os
import re
import sqlite3
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
    small = "--small" in sys.argv
    if small:
        arts = {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in sorted((DEV / "articles").glob("*.json"))}
        names = list(arts)
        texts = lambda aid: [f"{arts[aid]['title']}.", arts[aid]["text"]]
        pair = lambda aid: Restorer.build(texts(aid) + texts(names[(names.index(aid) + 1) % len(names)]))
    elif "--rebuild" in sys.argv:  # the knowledge base's texts counted by the code as it is now
        d = sorted((DATA / "index").glob("v*/meta.json"))[-1].parent
        con = sqlite3.connect(d / "texts.sqlite3")
        chunks = [t for (t,) in con.execute("SELECT text FROM chunk ORDER BY i")]
        arts = json.loads((d / "meta.json").read_text(encoding="utf-8"))["articles"]
        r = Restorer.build([f"{a['title']}." for a in arts.values()] + chunks)
    else:
        r = Restorer.load(sorted((DATA / "index").glob("v*/restore.json"))[-1])
    qs = load_questions(DEV / "questions.jsonl")
    sides = split_of(qs, json.loads((DEV / "splits.json").read_text()))
    c = {"first": Counter(), "second": Counter()}
    wrong: Counter = Counter()
    for q, side in zip(qs, sides):
        if not q.get("article_id") or q.get("variant") not in ("plain", "paraphrase"):
            continue
        text = normalize(expand_question(" ".join(q["question"].split()))).lower()
        got = (pair(q["article_id"]) if small else r).restore(fold(text))
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
