"""The answer-or-decline decision as a small fitted model over named features.

Each answer carries the features of its best candidate (how much of the question the
article covers, how close its best sentence is, whether a name the question gives is
missing, whether the sentence holds the kind of span asked for). Answers declined on hard
evidence carry no features and are never re-decided.
A logistic regression fitted on labelled questions turns them into P(the candidate
answers the question); below the fitted threshold the reply is "not found".

`unionbot calibrate` fits it on a question set and writes `decision.json` beside this
module (weights, threshold, and the training rows, so a test can re-fit and compare);
`unionbot eval --cv K` fits it K times on the other folds' articles to score each fold.
"""
from __future__ import annotations

import copy
import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from .scoring import reply_holds

# Hard evidence (no topic words, a year / ordinal the article lacks, another province) always
# declines (notfound.py); the model weighs the soft evidence of everything else.
FEATURES = ["missing_name", "coverage", "coverage_idf", "sent_cos", "match", "type_fit"]
PARAMS_FILE = Path(__file__).with_name("decision.json")
L2 = 1.0  # ridge on the weights: few hundred rows, correlated coverage features
MAX_FALSE_DECLINE = 0.03  # threshold: decline as much as this share of right answers allows (on the fitting rows)


@dataclass
class DecisionModel:
    weights: np.ndarray
    bias: float
    threshold: float
    mean: np.ndarray
    scale: np.ndarray

    def prob(self, feats: dict) -> float:
        x = (vector(feats) - self.mean) / self.scale
        return float(1 / (1 + np.exp(-(x @ self.weights + self.bias))))

    def answers(self, feats: dict) -> bool:
        return self.prob(feats) >= self.threshold

    def as_dict(self) -> dict:
        return {"features": FEATURES, "weights": dict(zip(FEATURES, np.round(self.weights, 6).tolist())),
                "bias": round(self.bias, 6), "threshold": round(self.threshold, 6),
                "mean": np.round(self.mean, 6).tolist(), "scale": np.round(self.scale, 6).tolist()}

    @classmethod
    def from_dict(cls, d: dict) -> "DecisionModel":
        return cls(np.array([d["weights"][f] for f in FEATURES]), d["bias"], d["threshold"],
                   np.array(d["mean"]), np.array(d["scale"]))


def vector(feats: dict) -> np.ndarray:
    return np.array([float(feats.get(f, 0.0)) for f in FEATURES])


def fit_rows(X: np.ndarray, y: np.ndarray) -> DecisionModel:
    """L2-regularised logistic regression by Newton's method (deterministic), then the threshold."""
    mean, scale = X.mean(0), X.std(0)
    scale[scale == 0] = 1.0
    Z = np.hstack([(X - mean) / scale, np.ones((len(X), 1))])
    w = np.zeros(Z.shape[1])
    reg = np.full(Z.shape[1], L2)
    reg[-1] = 0.0  # no ridge on the bias
    for _ in range(50):
        p = 1 / (1 + np.exp(-(Z @ w)))
        grad = Z.T @ (p - y) + reg * w
        hess = (Z * (p * (1 - p))[:, None]).T @ Z + np.diag(reg) + 1e-9 * np.eye(len(w))
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    p = 1 / (1 + np.exp(-(Z @ w)))
    pos = np.sort(p[y == 1])
    # The highest threshold that declines at most MAX_FALSE_DECLINE of the right answers.
    k = int(np.floor(MAX_FALSE_DECLINE * len(pos)))
    threshold = float(pos[k]) - 1e-9 if len(pos) else 0.5
    return DecisionModel(w[:-1], float(w[-1]), threshold, mean, scale)


def training_rows(questions: list[dict], answers: list) -> tuple[np.ndarray, np.ndarray]:
    """Label 1: the candidate reply holds the expected answer; 0: it does not, or the question
    is unanswerable (declining a wrong answer is right; measured by CV, this beats leaving
    wrong candidates out: answer in reply 0.79 vs 0.79, false declines 0.068 vs 0.078)."""
    X, y = [], []
    for q, ans in zip(questions, answers):
        if ans.features is None:
            continue
        if not q.get("article_id"):
            X.append(vector(ans.features))
            y.append(0.0)
        else:
            X.append(vector(ans.features))
            y.append(float(reply_holds(candidate(ans), q.get("answer"))))
    return np.array(X).reshape(-1, len(FEATURES)), np.array(y)


def fit(questions: list[dict], answers: list) -> DecisionModel:
    return fit_rows(*training_rows(questions, answers))


def candidate(ans):
    """The answer as it would be if the decision said "answer"."""
    return ans.candidate or ans


def decide_with(model: DecisionModel, ans):
    """A copy of `ans` decided by `model` (answers without a candidate stay as they are)."""
    if ans.features is None:
        return ans
    out = copy.copy(candidate(ans))
    out.candidate, out.features = ans.candidate, ans.features
    if model.answers(ans.features):
        out.found = True
        out.reason = ""
    else:
        out.found, out.span, out.sentence, out.passage, out.sources = False, None, None, None, []
        out.reason = ans.reason or "bài gần nhất ít liên quan"
        out.related = ans.related if not ans.found else ([*ans.sources, *ans.related])[:3]
    return out


def calibration_fit(questions: list[dict], answers: list):
    """For cross-validation: fit on these questions, return the decision for others."""
    model = fit(questions, answers)
    return lambda ans: decide_with(model, ans)


def save(model: DecisionModel, X: np.ndarray, y: np.ndarray, source: str, path: Path = PARAMS_FILE) -> None:
    path.write_text(json.dumps({"version": 1, "fitted_on": source, **model.as_dict(),
                                "rows": {"X": np.round(X, 6).tolist(), "y": y.tolist()}}, indent=1) + "\n",
                    encoding="utf-8")
    load_model.cache_clear()


@lru_cache(maxsize=1)
def load_model(path: Path = PARAMS_FILE) -> DecisionModel | None:
    """The committed model, or None (then the hand-set rules in notfound.py decide)."""
    if not path.exists():
        return None
    return DecisionModel.from_dict(json.loads(path.read_text(encoding="utf-8")))
