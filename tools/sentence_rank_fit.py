"""A pairwise logistic ranker over the options' named features (tools/sentence_features.py dumps), against the
current score: per question, every (sentence holding the answer, sentence not holding it) pair; scored by how often
the top sentence holds the answer, leaving one source out. The current score is linear in
(dense, lex, dense·fit, lex·fit, alex, alex·fit) (CURRENT, weights from params); the base features are the score
before the asked words (ASKED_LEX_SHARE 0), the others what the ranker may add.

.venv/bin/python tools/sentence_rank_fit.py feat_*.jsonl"""
import sys
from collections import defaultdict

import numpy as np

from sentence_fit import load
from retrieval.params import ASKED_LEX_SHARE as ALS, DENSE_SHARE as DS, GATE

BASE = ["dense", "lex", "dense*fit", "lex*fit"]
# The current score (choose.scores) in these features and the asked words' BM25 (alex): closeness × (GATE + (1−GATE)·fit).
CURRENT = BASE + ["alex", "alex*fit"]
CURRENT_W = np.array([(1 - ALS) * DS * GATE, (1 - ALS) * (1 - DS) * GATE, (1 - ALS) * DS * (1 - GATE),
                      (1 - ALS) * (1 - DS) * (1 - GATE), ALS * GATE, ALS * (1 - GATE)])
EXTRA = {
    "asked": ["acs", "alex", "acs*fit", "alex*fit"],
    "lede": ["lede", "lede*fit"],
    "asked+lede": ["acs", "alex", "acs*fit", "alex*fit", "lede", "lede*fit"],
    "asked+lede+pos": ["acs", "alex", "acs*fit", "alex*fit", "lede", "lede*fit", "pos", "fit"],
}


def feats(q, names):
    cols = []
    for n in names:
        a, _, b = n.partition("*")
        cols.append(q[a] * (q[b] if b else 1.0))
    return np.stack(cols, 1)


def pairs(qs, names):
    X = []
    for q in qs:
        F = feats(q, names)
        pos, neg = np.where(q["lab"])[0], np.where(~q["lab"])[0]
        if len(neg) == 0:
            continue
        d = (F[pos][:, None, :] - F[neg][None, :, :]).reshape(-1, F.shape[1])
        X.append(d / len(d) ** 0.5 * 1.0)  # each question weighs about the same
        X[-1] = (X[-1], np.full(len(d), 1.0 / len(d)))
    return np.concatenate([x for x, _ in X]), np.concatenate([w for _, w in X])


def fit(qs, names, l2=1e-3, steps=3000, lr=0.5):
    X, wt = pairs(qs, names)
    w = np.zeros(X.shape[1])
    w[:4] = 0.375 if names[:4] == BASE else 0  # a start, the four base weights alike (as made)
    for _ in range(steps):
        z = X @ w
        p = 1 / (1 + np.exp(np.clip(z, -30, 30)))
        g = -(X * (p * wt)[:, None]).sum(0) / wt.sum() + l2 * w
        w -= lr * g
    return w


def right(q, names, w):
    return bool(q["lab"][int(np.argmax(feats(q, names) @ w))])


def main():
    qs = load(sys.argv[1:])
    by = defaultdict(list)
    for q in qs:
        by[q["source"]].append(q)
    srcs = sorted(by)
    print("current   ", " ".join(f"{s} {sum(right(q, CURRENT, CURRENT_W) for q in by[s])}/{len(by[s])}" for s in srcs))
    for tag, extra in [("base-refit", [])] + list(EXTRA.items()):
        names = BASE + extra
        held = {}
        for s in srcs:
            w = fit([q for q in qs if q["source"] != s], names)
            held[s] = sum(right(q, names, w) for q in by[s])
        w = fit(qs, names)
        print(f"{tag:10s}", " ".join(f"{s} {held[s]}/{len(by[s])}" for s in srcs), "| sum", sum(held.values()),
              "| all-data w", dict(zip(names, np.round(w / max(1e-9, w[:2].sum()), 3))))


if __name__ == "__main__":
    main()
