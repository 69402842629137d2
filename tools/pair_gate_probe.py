"""Issue 23 item 4 (session 24, helper D): the pair scorer (`tools/pair_scorer.py`) as a second gate after the
decision, judged as the harness and tools/team.py judge: fitted on every READ source's pairs (the rows
`tools/removed_probe.py --out` wrote), thresholded to keep all but LOST of their positives, then applied to the
answers the decision gives. Prints aggregate lines only (safe on an unread set and on the second split):

    ROOT=<tree> EXPDATA=<dev KB> .venv/bin/python tools/pair_gate_probe.py dev ROWS_GLOB [--sets named+option] [--l2 1000]
      (TRANSFER: the decision fitted on the first split, the second split scored)
    ROOT=<tree> EXPDATA_FIRST=<team KB> .venv/bin/python tools/pair_gate_probe.py <TEAMQ dir> ROWS_GLOB [...]
      (the team set scored as tools/team.py scores it)
"""
import copy
import json
import os
import sys
from pathlib import Path

import numpy as np

from workbench import DEV, answerer, arg  # noqa: E402  (first: puts ROOT on the path)
from pair_scorer import design, fit, load_pairs, vectors
from removed_probe import option_feats
from retrieval.answering.decision import calibration_fit, candidate
from retrieval.evaluation.evaluate import load_questions, score, split_of
from retrieval.index.search import search

LOSTS = (0.0, 0.0025, 0.005, 0.01)


def line(tag: str, qs, answers) -> str:
    o = score(qs, [(x, 0.0) for x in answers])["overall"]
    return f"{tag:10s} reply {o['answer_in_reply']} decl {o['declined_unanswerable']} false {o['false_decline']} at1 {o['article@1']}"


def main():
    mode, pattern = sys.argv[1], sys.argv[2]
    name, l2 = arg("--sets", "named+option"), arg("--l2", 1000.0)
    train = [p for ps in load_pairs(pattern).values() for p in ps]
    Qt, St = vectors(train, Path(arg("--cache", "")) if "--cache" in sys.argv else None)
    Xt, yt = design(train, Qt, St, name), np.array([p["y"] for p in train])
    model = fit(Xt, yt, l2)
    pos = np.sort(model(Xt)[yt == 1])
    thresholds = {m: pos[int(np.floor(m * len(pos)))] - 1e-9 for m in LOSTS}

    dev = load_questions(DEV / "questions.jsonl")
    sides = split_of(dev, json.loads((DEV / "splits.json").read_text()))
    if mode == "dev":
        a = answerer()
        answered = [a.ask(q["question"]).answer for q in dev]
        first = [i for i, s in enumerate(sides) if s == "first"]
        apply = calibration_fit([dev[i] for i in first], [answered[i] for i in first])
        scored = [i for i, s in enumerate(sides) if s == "second"]
        qs, decided = [dev[i] for i in scored], [apply(answered[i]) for i in scored]
    else:
        a = answerer(Path(os.environ["EXPDATA_FIRST"]))
        firstq = [q for q, s in zip(dev, sides) if s == "first"]
        apply = calibration_fit(firstq, [a.ask(q["question"]).answer for q in firstq])
        qs = load_questions(Path(mode) / "questions.jsonl")
        decided = [apply(a.ask(q["question"]).answer) for q in qs]
    rows, where = [], []
    for k, (q, ans) in enumerate(zip(qs, decided)):
        if ans.found and ans.sentence:
            c = candidate(ans)
            rows.append({"dense": search(a.index, a.embedder, q["question"]).query.dense_text, "sentence": c.sentence,
                         "features": c.features, "option": option_feats(c)})
            where.append(k)
    Q, S = vectors(rows, embedder=a.embedder)
    p = model(design(rows, Q, S, name))
    print(f"{Path(mode).name} gate {name} l2 {l2}: {len(rows)} answers weighed")
    print(line("as is", qs, decided))
    for m, t in thresholds.items():
        gated = list(decided)
        for k, pk in zip(where, p):
            if pk < t:
                out = copy.copy(gated[k])
                out.found = False
                gated[k] = out
        print(line(f"lost {m}", qs, gated))


if __name__ == "__main__":
    main()
