"""Answer or decline, as a small fitted model over named features.

Each answer carries the features of its candidate (how much of the question the article
covers, how close its best sentence is, whether a name the question gives is missing,
whether the chosen sentence holds the kind of span asked for). A logistic regression over two
of them — `match` (IDF coverage and the best sentence's cosine in one number) and
`missing_name` — turns them into P(the reply holds the answer); below the fitted threshold the
reply is "not found". The other features add nothing the rows can tell apart (their weights came
out near zero, `type_fit`'s even negative) and made the threshold hang on one row: a question
on a two-article knowledge base swung between answered and declined with each re-fit. Hard
evidence (no topic words, a year / ordinal the article lacks, another province) and a missing
span of the asked kind decline before the model is asked.

`unionbot calibrate` fits it on a question set and writes `decision.json` beside this
module (weights, threshold, and the training rows, so a test can re-fit and compare);
`unionbot eval --cv K` fits it K times on the other folds' articles to score each fold.
Without the file the hand-set rule chain in `notfound.py` decides.
"""
from __future__ import annotations

import copy
from pathlib import Path

import numpy as np

from ..fitting.logistic import Logistic, fit_logistic, vector
from ..fitting import logistic
from ..fitting.scoring import reply_holds
from ..params import MAX_FALSE_DECLINE

# Session 7, same rows: six features CV 0.831 / transfer 0.766, these two 0.836 / 0.762 (false
# declines 0.054 / 0.079 → 0.050 / 0.083); the small-KB question above sits at p 0.687 against a
# threshold of 0.648 instead of 0.648 against 0.658. `missing_name` comes out positive (a question
# that names something is more often answered right; a name truly absent is hard evidence already):
# `match` alone gives 0.833 / 0.758.
DECISION_FEATURES = ["missing_name", "match"]
PARAMS_FILE = Path(__file__).with_name("decision.json")


def with_threshold(model: Logistic, X: np.ndarray, y: np.ndarray) -> Logistic:
    """The highest threshold that declines at most MAX_FALSE_DECLINE of the right answers."""
    p = model.probs([dict(zip(model.features, row)) for row in X])
    pos = np.sort(p[y == 1])
    k = int(np.floor(MAX_FALSE_DECLINE * len(pos)))
    model.threshold = float(pos[k]) - 1e-9 if len(pos) else 0.5
    return model


# -- training rows ----------------------------------------------------------------
def candidate(ans):
    """The answer as it would be if the decision said "answer"."""
    return ans.candidate or ans


def decision_rows(questions: list[dict], answers: list) -> tuple[np.ndarray, np.ndarray]:
    """Label 1: the candidate reply holds the expected answer; 0: it does not, or the question
    is unanswerable (declining a wrong answer is right; measured by CV, this beats leaving
    wrong candidates out: answer in reply 0.79 vs 0.79, false declines 0.068 vs 0.078).
    Answers declined on hard evidence carry no features and are left out."""
    X, y = [], []
    for q, ans in zip(questions, answers):
        if ans.features is None:
            continue
        X.append(vector(ans.features, DECISION_FEATURES))
        y.append(float(bool(q.get("article_id")) and reply_holds(candidate(ans), q.get("answer"))))
    return np.array(X).reshape(-1, len(DECISION_FEATURES)), np.array(y)


def fit(questions: list[dict], answers: list) -> tuple[Logistic, tuple[np.ndarray, np.ndarray]]:
    X, y = decision_rows(questions, answers)
    return with_threshold(fit_logistic(X, y, DECISION_FEATURES), X, y), (X, y)


def refit(X, y) -> Logistic:
    """The model again from stored rows (for the reproducibility test)."""
    X, y = np.array(X), np.array(y)
    return with_threshold(fit_logistic(X, y, DECISION_FEATURES), X, y)


# -- applying -----------------------------------------------------------------------
def decide_with(model: Logistic, ans):
    """A copy of `ans` decided by `model` (answers declined on hard evidence, or for want
    of a span of the asked kind, carry no features and stay as they are)."""
    if ans.features is None:
        return ans
    cand = candidate(ans)
    if model.answers(cand.features):
        out = copy.copy(cand)
        out.found, out.reason, out.candidate = True, "", None
        return out
    out = copy.copy(cand)
    out.found, out.span, out.sentence, out.passage, out.sources, out.also = False, None, None, None, [], None
    out.reason = ans.reason or "bài gần nhất ít liên quan"
    out.related = ans.related if not ans.found else [*ans.sources, *ans.related][:3]
    out.candidate, out.features = cand, cand.features
    return out


def calibration_fit(questions: list[dict], answers: list):
    """For cross-validation: fit on these questions, return the decision for others."""
    model, _ = fit(questions, answers)
    return lambda ans: decide_with(model, ans)


def save(model: Logistic, X: np.ndarray, y: np.ndarray, source: str, path: Path = PARAMS_FILE) -> None:
    logistic.save(model, X, y, source, path)


def load_model(path: Path = PARAMS_FILE) -> Logistic | None:
    """The committed model, or None (then the hand-set rule chain in notfound.py decides)."""
    return logistic.load_model(path)
