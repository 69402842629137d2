"""A small logistic model over named features: fit, threshold, save and load.

Shared by every fitted decision (answer or decline, hỏi đáp match, continuation of a chat):
each keeps its own feature names and JSON file beside the module that owns it, and fits
and loads it through these functions. Imports nothing of retrieval but `params`.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from ..params import L2


@dataclass
class Logistic:
    features: list[str]
    weights: np.ndarray
    bias: float
    mean: np.ndarray
    scale: np.ndarray
    threshold: float = 0.5

    def prob(self, feats: dict) -> float:
        return float(self.probs([feats])[0])

    def probs(self, rows: list[dict]) -> np.ndarray:
        X = np.array([vector(f, self.features) for f in rows]).reshape(-1, len(self.features))
        return 1 / (1 + np.exp(-(((X - self.mean) / self.scale) @ self.weights + self.bias)))

    def answers(self, feats: dict) -> bool:
        return self.prob(feats) >= self.threshold

    def scores(self, opts: list) -> np.ndarray:
        return self.probs([o.feats for o in opts])

    def as_dict(self) -> dict:
        return {"features": self.features, "weights": dict(zip(self.features, np.round(self.weights, 6).tolist())),
                "bias": round(self.bias, 6), "threshold": round(self.threshold, 6),
                "mean": np.round(self.mean, 6).tolist(), "scale": np.round(self.scale, 6).tolist()}

    @classmethod
    def from_dict(cls, d: dict) -> "Logistic":
        return cls(d["features"], np.array([d["weights"][f] for f in d["features"]]), d["bias"],
                   np.array(d["mean"]), np.array(d["scale"]), d["threshold"])


def vector(feats: dict, names: list[str]) -> np.ndarray:
    return np.array([float(feats.get(f, 0.0)) for f in names])


def fit_logistic(X: np.ndarray, y: np.ndarray, features: list[str], l2: float = L2) -> Logistic:
    """L2-regularised logistic regression by Newton's method (deterministic); `l2`: the ridge (params.L2 for the
    few named features of a decision; hundreds of features want more)."""
    mean, scale = X.mean(0), X.std(0)
    scale[scale == 0] = 1.0
    Z = np.hstack([(X - mean) / scale, np.ones((len(X), 1))])
    w = np.zeros(Z.shape[1])
    reg = np.full(Z.shape[1], l2)
    reg[-1] = 0.0  # no ridge on the bias
    for _ in range(50):
        p = 1 / (1 + np.exp(-(Z @ w)))
        grad = Z.T @ (p - y) + reg * w
        hess = (Z * (p * (1 - p))[:, None]).T @ Z + np.diag(reg) + 1e-9 * np.eye(len(w))
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return Logistic(features, w[:-1], float(w[-1]), mean, scale)


def threshold_above_wrong(model: Logistic, X: np.ndarray, y: np.ndarray, max_false: float) -> Logistic:
    """The threshold just above all but `max_false` of the wrong rows (label 0): for decisions
    where a wrong "yes" is worse than a "no" (a curated answer, merging a fresh question)."""
    p = model.probs([dict(zip(model.features, r)) for r in X])
    wrong = np.sort(p[y == 0])[::-1]
    k = int(np.floor(max_false * len(wrong)))
    model.threshold = float(wrong[k]) + 1e-9 if len(wrong) else 0.5
    return model


def save(model: Logistic, X: np.ndarray, y: np.ndarray, source: str, path: Path) -> None:
    """Weights, threshold and the training rows (so a test can re-fit and compare)."""
    path.write_text(json.dumps({"version": 3, "fitted_on": source, **model.as_dict(),
                                "rows": {"X": np.round(X, 6).tolist(), "y": y.tolist()}}) + "\n", encoding="utf-8")
    load_model.cache_clear()


@lru_cache(maxsize=8)  # one per model file (decision, hỏi đáp, continuation)
def load_model(path: Path) -> Logistic | None:
    """The committed model, or None (its owner then falls back to hand-set rules)."""
    if not path.exists():
        return None
    d = json.loads(path.read_text(encoding="utf-8"))
    return Logistic.from_dict(d) if d.get("version") == 3 else None
