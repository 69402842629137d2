"""Issue 23 item 4: the decision fitted on more than the dev set, scored offline from the rows
`tools/decision_rows.py` writes (numbers only: ids, sides, features, labels — no question text).

Transfer: fitted on the first split's rows (plus, with --extra, every team set's rows), scored on the second
split's. Each team set: fitted on the first split (plus the OTHER team sets' rows with --extra), scored on its
own — so no set is scored by a model fitted on its own rows. With only the first split's rows and the committed
features it reproduces the harness's TRANSFER reply / declined line. Per source it prints answer in reply,
unanswerable declined, and the share of answerable questions declined although the candidate held the answer
(by hard evidence or by the model);
--auc prints each feature's AUC (right candidates against wrong ones / against unanswerable ones).

    .venv/bin/python tools/decision_fit_probe.py ROWS_DIR [--extra] [--synth FILE] [--auc] [--mfd 0.01] [--features match,fit,...]
ROWS_DIR holds rows_dev.jsonl and rows_t6.jsonl, rows_t7.jsonl, rows_t8.jsonl; --synth adds the rows of the first
split's synthetic unanswerable variants (`decision_rows.py synth`) to every fit.
"""
import json
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from retrieval.fitting.logistic import fit_logistic, vector  # noqa: E402

rows_dir = Path(sys.argv[1])
arg = lambda name, default: sys.argv[sys.argv.index(name) + 1] if name in sys.argv else default  # noqa: E731
R = {p.stem.removeprefix("rows_"): [json.loads(line) for line in p.open()] for p in sorted(rows_dir.glob("rows_*.jsonl"))}
dev = R.pop("dev")
first, second = [r for r in dev if r["side"] == "first"], [r for r in dev if r["side"] == "second"]
synth = [json.loads(line) for line in open(arg("--synth", ""))] if "--synth" in sys.argv else []


def fit(rows, feats, mfd):
    """The decision's fit (decision.with_threshold): below all but `mfd` of the right answers."""
    rows = [r for r in rows if r["features"]]
    X = np.array([vector(r["features"], feats) for r in rows])
    y = np.array([r["label"] for r in rows])
    m = fit_logistic(X, y, feats)
    p = m.probs([r["features"] for r in rows])
    pos = np.sort(p[y == 1])
    m.threshold = float(pos[int(np.floor(mfd * len(pos)))]) - 1e-9
    return m


def score(m, rows):
    un, an = [r for r in rows if not r["answerable"]], [r for r in rows if r["answerable"]]
    found = lambda r: bool(r["features"]) and m.answers(r["features"])  # noqa: E731
    return (sum(found(r) and r["label"] == 1 for r in an) / len(an), sum(not found(r) for r in un) / max(len(un), 1),
            sum(not found(r) and r["label"] == 1 for r in an) / len(an))


def auc(pos, neg):
    pos, neg = np.array(pos), np.array(neg)
    if not len(pos) or not len(neg):
        return float("nan")
    return float((pos[:, None] > neg[None, :]).mean() + 0.5 * (pos[:, None] == neg[None, :]).mean())


feats = arg("--features", "match,fit").split(",")
mfd = float(arg("--mfd", "0.0"))
teams = sorted(R)
out = {"second": score(fit(first + synth + (sum((R[t] for t in teams), []) if "--extra" in sys.argv else []), feats, mfd), second)}
for s in teams:
    extra = sum((R[t] for t in teams if t != s), []) if "--extra" in sys.argv else []
    out[s] = score(fit(first + synth + extra, feats, mfd), R[s])
print(f"{'+'.join(feats)} extra={'--extra' in sys.argv} synth={len([r for r in synth if r['features']])} mfd={mfd} "
      + " | ".join(f"{k} reply {a:.3f} decl {b:.3f} declined-right {c:.3f}" for k, (a, b, c) in out.items()))
if "--auc" in sys.argv:
    names = sorted({k for r in first for k in (r["features"] or {})})
    for f in names:
        line = []
        for name, rows in (("first", first), ("second", second), *((t, R[t]) for t in teams)):
            rr = [r for r in rows if r["features"]]
            pos = [r["features"].get(f, 0) for r in rr if r["label"] == 1]
            line.append(f"{name} {auc(pos, [r['features'].get(f, 0) for r in rr if r['label'] == 0]):.2f}/"
                        f"{auc(pos, [r['features'].get(f, 0) for r in rr if not r['answerable']]):.2f}")
        print(f"AUC {f:14s}", " ".join(line))
