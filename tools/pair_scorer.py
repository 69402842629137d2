"""Issue 23 item 4 (session 24, helper D): a fitted pair scorer over (question, sentence shown) — does this sentence
answer what is asked? Measured offline on the rows `tools/removed_probe.py --out` writes for the READ sources.

Positives: the sentences the bot shows when it is right (form "asis", the reply holds the expected answer).
Negatives: the sentences shown once the answer is taken out (form "removed", answered, the reply not holding the
answer in any form), and the real unanswerable questions answered (form "asis", no article).
Feature sets (`--sets`, "+"-joined parts, `design`): `named` (the decision's named features: match, fit, sent_cos,
coverage_idf), `named_all`, `option` (the chosen sentence's option scores and their gaps to the article's best), `prod`
/ `absdiff` (the e5 vectors of the question as embedded and of the sentence: elementwise product, absolute difference —
both vectors exist at ask time: the search's and the index's), `cos`.
Judged leave-one-source-out: fitted on the other sources, thresholded to keep all but MAX_LOST of their positives,
scored on the held-out one — the share of its negatives declined, and of its positives lost.

    ROOT=<tree> EXPDATA=<any KB> .venv/bin/python tools/pair_scorer.py ROWS_GLOB [--sets named+option+prod] [--l2 1000]
        [--lost 0.01] [--cache VECS.npz]
"""
import glob
import json
import sys
from pathlib import Path

import numpy as np

from workbench import answerer, arg  # noqa: E402  (first: puts ROOT on the path)
from retrieval.fitting.logistic import fit_logistic

NAMED = ["match", "fit", "sent_cos", "coverage_idf"]
NAMED_ALL = NAMED + ["coverage", "type_fit", "agree", "missing_name"]


def pairs(rows: list[dict]) -> list[dict]:
    """(question, shown sentence, label) of one source's rows."""
    out = []
    for r in rows:
        if not r["found"] or not r["sentence"]:
            continue
        if r["form"] == "asis" and r["article_id"] and r["holds"]:
            out.append({**r, "y": 1})
        elif (r["form"] == "removed" and not r.get("holds_loose")) or (r["form"] == "asis" and not r["article_id"]):
            out.append({**r, "y": 0, "neg": "removed" if r["form"] == "removed" else "unanswerable"})
    return out


def fit(X, y, l2):
    """The scorer: `retrieval.fitting.logistic.fit_logistic` with its own ridge; returns P(answers) of a matrix."""
    m = fit_logistic(X, y, [str(i) for i in range(X.shape[1])], l2)
    return lambda X2: 1 / (1 + np.exp(-(((X2 - m.mean) / m.scale) @ m.weights + m.bias)))


def auc(pos, neg) -> float:
    pos, neg = np.asarray(pos), np.asarray(neg)
    return float((pos[:, None] > neg[None, :]).mean() + 0.5 * (pos[:, None] == neg[None, :]).mean()) if len(pos) and len(neg) else float("nan")


OPTION = ["dense", "lex", "cos", "asked_lex", "best_dense", "best_lex", "best_cos", "best_asked_lex", "cos_rank"]


def design(rows: list[dict], Q: np.ndarray, S: np.ndarray, name: str) -> np.ndarray:
    """The feature set `name` ("+"-joined parts) of these rows, given the e5 vectors of their questions (Q) and
    sentences (S): named (NAMED), named_all (NAMED_ALL), option (OPTION and each one's gap to the article's best),
    prod (Q ⊙ S), absdiff (|Q − S|), cos (Q · S)."""
    def feats(keys, where):
        return np.array([[float((r.get(where) or {}).get(k, 0.0)) for k in keys] for r in rows]).reshape(len(rows), -1)
    parts = {"named": lambda: feats(NAMED, "features"), "named_all": lambda: feats(NAMED_ALL, "features"),
             "option": lambda: np.hstack([feats(OPTION, "option"),
                                          feats(["dense", "lex", "cos", "asked_lex"], "option")
                                          - feats(["best_dense", "best_lex", "best_cos", "best_asked_lex"], "option")]),
             "prod": lambda: Q * S, "absdiff": lambda: np.abs(Q - S), "cos": lambda: (Q * S).sum(1, keepdims=True)}
    return np.hstack([parts[p]() for p in name.split("+")])


def vectors(rows: list[dict], cache: Path | None = None, embedder=None) -> tuple[np.ndarray, np.ndarray]:
    """e5 vectors of the rows' questions as embedded (query side) and shown sentences (passage side)."""
    if cache and cache.exists():
        z = np.load(cache)
        return z["Q"], z["S"]
    emb = embedder or answerer().embedder
    Q = emb.queries([r["dense"] for r in rows])
    S = emb.passages([r["sentence"] for r in rows])
    if cache:
        np.savez(cache, Q=Q, S=S)
    return Q, S


def load_pairs(pattern: str) -> dict[str, list[dict]]:
    return {Path(f).stem.split("_")[-1]: pairs([json.loads(line) for line in open(f)]) for f in sorted(glob.glob(pattern))}


def main():
    by_src = load_pairs(sys.argv[1])
    allp = [p for ps in by_src.values() for p in ps]
    Q, S = vectors(allp, Path(arg("--cache", "")) if "--cache" in sys.argv else None)
    src = np.array([k for k, ps in by_src.items() for _ in ps])
    y = np.array([p["y"] for p in allp])
    neg_kind = np.array([p.get("neg", "") for p in allp])
    lost, l2 = arg("--lost", 0.02), arg("--l2", 1000.0)  # the ridge the report used (10 overfits the e5 product)
    print("sources", {k: f"+{sum(p['y'] for p in ps)} -{sum(1 - p['y'] for p in ps)}" for k, ps in by_src.items()})
    for name in arg("--sets", "named,prod+absdiff,named+prod+absdiff,cos").split(","):
        X = design(allp, Q, S, name)
        tot = {"neg": 0, "negd": 0, "rem": 0, "remd": 0, "un": 0, "und": 0, "pos": 0, "posd": 0}
        aucs, line = [], []
        oof = np.zeros(len(y))
        for s in by_src:
            tr, te = src != s, src == s
            model = fit(X[tr], y[tr], l2)
            ptr, pte = model(X[tr]), model(X[te])
            oof[te] = pte
            thr = np.sort(ptr[y[tr] == 1])[int(np.floor(lost * (y[tr] == 1).sum()))] - 1e-9
            yt, kt = y[te], neg_kind[te]
            dec = pte < thr
            aucs.append(auc(pte[yt == 1], pte[yt == 0]))
            tot["pos"] += (yt == 1).sum(); tot["posd"] += (dec & (yt == 1)).sum()
            tot["rem"] += (kt == "removed").sum(); tot["remd"] += (dec & (kt == "removed")).sum()
            tot["un"] += (kt == "unanswerable").sum(); tot["und"] += (dec & (kt == "unanswerable")).sum()
            line.append(f"{s} {(dec & (yt == 0)).sum()}/{(yt == 0).sum()} lost {(dec & (yt == 1)).sum()}/{(yt == 1).sum()}")
        print(f"{name:12s} LOSO AUC {np.nanmean(aucs):.3f} | removed declined {tot['remd']}/{tot['rem']} unanswerable "
              f"{tot['und']}/{tot['un']} | positives lost {tot['posd']}/{tot['pos']} = {tot['posd'] / max(tot['pos'], 1):.3f}")
        print("   ", "; ".join(line))
        pos = np.sort(oof[y == 1])
        print("    out-of-fold, pooled: negatives declined (removed / unanswerable) at positives lost "
              + " ".join(f"{m:.3f}: {(oof[neg_kind == 'removed'] < pos[int(m * len(pos))]).mean():.3f} / "
                         f"{(oof[neg_kind == 'unanswerable'] < pos[int(m * len(pos))]).mean():.3f}" for m in (0.005, 0.01, 0.02, 0.03)))


if __name__ == "__main__":
    main()
