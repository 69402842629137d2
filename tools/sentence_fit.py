"""Fits how an article's sentences are ranked for the asked thing, on the dumps of tools/sentence_features.py:
how often the top sentence holds the expected answer (questions whose article holds it in some sentence), per
source, for the current score and for fitted variants of its closeness term:

  closeness = (1-wa-wal)·(DENSE_SHARE·dense + (1-DENSE_SHARE)·lex) + wa·asked_dense + wal·asked_lex − wlede·is_lede

(asked_dense: the sentence's cosine to the question's words beyond the title AND the lede, scaled like `dense`;
asked_lex: BM25 on those words). Weights chosen by grid on all sources but one, scored on the one left out.
`--gate`: instead, per asked kind, the share a sentence without a span of that kind keeps (GATE, one for all kinds in
params) that puts a sentence holding the answer first most often, chosen leaving one source out.

.venv/bin/python tools/sentence_fit.py feat_*.jsonl [--gate]"""
import itertools
import json
import sys
from collections import defaultdict

from workbench import ROOT  # noqa: F401,E402  (first: puts ROOT on the path)
import numpy as np
from retrieval.index.search import scale_dense
from retrieval.params import ASKED_LEX_SHARE, DENSE_SHARE as DS, GATE

# The current score's weights (wa, wal, wlede): the asked words' lexical closeness at its share, nothing else.
BASE = (0, ASKED_LEX_SHARE, 0)


def load(paths):
    qs = []
    for p in paths:
        for line in open(p):
            d = json.loads(line)
            r = d["rows"]
            lab = np.array([x["label"] for x in r])
            if not lab.any():
                continue
            g = lambda k: np.array([x[k] for x in r], dtype=float)
            d.update(lab=lab, dense=g("dense"), lex=g("lex"), fit=g("fit"), score=g("score"), acs=scale_dense(g("acos")),
                     alex=g("alex"), lede=(g("k") == 0).astype(float), pos=g("k") / max(1, len(r)))
            qs.append(d)
    return qs


def top_right(q, w):
    wa, wal, wlede = w
    c = (1 - wa - wal) * (DS * q["dense"] + (1 - DS) * q["lex"]) + wa * q["acs"] + wal * q["alex"] - wlede * q["lede"]
    s = c * (GATE + (1 - GATE) * q["fit"])
    return bool(q["lab"][int(np.argmax(s))])


GRID = sorted({BASE} | {(wa, wal, wl) for wa in (0, .1, .2, .3, .4) for wal in (0, .1, .2, .3) for wl in (0, .05, .1, .2)
                        if wa + wal <= .6})


GATES = [0.05, 0.1, 0.15, 0.25, 0.35, 0.5]


def closeness(q):
    """The options' closeness as `choose.closeness` weighs it (with ASKED_LEX_SHARE), from a dump's features."""
    return (1 - ASKED_LEX_SHARE) * (DS * q["dense"] + (1 - DS) * q["lex"]) + ASKED_LEX_SHARE * q["alex"]


def gate_right(q, gate):
    """Whether the top sentence holds the answer, the closeness as now, the gate as given."""
    return bool(q["lab"][int(np.argmax(closeness(q) * (gate + (1 - gate) * q["fit"])))])


def gate_by_kind(qs):
    """Per asked kind: right-first counts at each gate, and the gain over GATE of a gate chosen on the other sources."""
    by = defaultdict(lambda: defaultdict(list))
    for q in qs:
        by[q["qtype"]][q["source"]].append(q)
    for t, srcs in sorted(by.items()):
        tot = {g: {s: sum(gate_right(q, g) for q in v) for s, v in srcs.items()} for g in GATES}
        held = [tot[max(GATES, key=lambda g: (sum(v for k, v in tot[g].items() if k != s), -abs(g - GATE)))][s]
                - tot[GATE][s] for s in srcs]
        print(f"{t:9s} n={sum(map(len, srcs.values())):4d}", " ".join(f"{g}:{sum(tot[g].values())}" for g in GATES),
              f"| held-out gain {sum(held)} ({' '.join(map(str, held))})")


def main():
    qs = load([p for p in sys.argv[1:] if not p.startswith("--")])
    if "--gate" in sys.argv:
        return gate_by_kind(qs)
    by = defaultdict(list)
    for q in qs:
        by[q["source"]].append(q)
    # check: the recomputed base equals the recorded score's choice
    agree = sum(int(np.argmax(q["score"])) == int(np.argmax(closeness(q) * (GATE + (1 - GATE) * q["fit"]))) for q in qs)
    print("recomputed base agrees", agree, "/", len(qs))
    para = lambda q: q.get("variant") == "paraphrase"
    def line(w, sub):
        return " ".join(f"{s} {sum(top_right(q, w) for q in v if sub(q))}/{sum(1 for q in v if sub(q))}" for s, v in sorted(by.items()))
    print("base all :", line(BASE, lambda q: True))
    print("base para:", line(BASE, para))
    tot = {w: {s: sum(top_right(q, w) for q in v) for s, v in by.items()} for w in GRID}
    for s in sorted(by):
        train = {w: sum(v for k, v in t.items() if k != s) for w, t in tot.items()}
        best = max(GRID, key=lambda w: (train[w], -sum(w)))
        print(f"leave out {s}: chosen {best} train {train[best]} vs base {train[BASE]}; held {tot[best][s]} vs base {tot[BASE][s]} / {len(by[s])}")
    allb = max(GRID, key=lambda w: (sum(tot[w].values()), -sum(w)))
    print("all-data best", allb, "all:", line(allb, lambda q: True), "| para:", line(allb, para))
    for w in sorted(GRID, key=lambda w: -sum(tot[w].values()))[:12]:
        print(w, sum(tot[w].values()), tot[w])


if __name__ == "__main__":
    main()
