"""A pairwise logistic ranker over the options' named features (tools/sentence_features.py dumps), against the
current score: per question, every (sentence holding the answer, sentence not holding it) pair; scored by how often
the top sentence holds the answer, leaving one source out. The current score is linear in
(dense, lex, dense·fit, lex·fit), so the base features reproduce it; the others are what the ranker may add.

.venv/bin/python tools/sentence_rank_fit.py feat_*.jsonl"""
import sys
from collections import defaultdict

import numpy as np

from sentence_fit import load

BASE = ["dense", "lex", "dense*fit", "lex*fit"]
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
    X = X * np.sqrt(len(wt) and 1)  # (kept as made)
    w = np.zeros(X.shape[1])
    w[:4] = [0.5 * 0.75, 0.5 * 0.75, 0.5 * 0.25 * 3, 0.5 * 0.25 * 3][:min(4, len(w))] if names[:4] == BASE else 0
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
    base_w = np.array([0.5 * 0.25, 0.5 * 0.25, 0.5 * 0.75, 0.5 * 0.75])
    print("current   ", " ".join(f"{s} {sum(right(q, BASE, base_w) for q in by[s])}/{len(by[s])}" for s in srcs))
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
