"""Curated hỏi đáp: a member's question matched against the phrasings the union's staff wrote.

A confident match answers with the staff's own text (labelled as the union's answer, with its
legal basis and date). Confidence is a small fitted model (`faq_match.json`, written by
`unionbot calibrate-faq`) over three named features of the best phrasing: how close the
question's vector is to it (e5, question side for both), how far ahead of the best phrasing
of any *other* entry it is (counted from FAQ_MARGIN_FLOOR, so a small bank does not make
every question a match), and how much of the question's topic words the entry (its
phrasings, its answer and its basis) holds — with the same accent, chat and abbreviation
handling as articles. A long message is read twice, whole and by its question part
(`asking.question_part`): the reading whose best entry is closer and better covered counts.
Without the file, two hand-set thresholds decide.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ..fitting import logistic
from ..fitting.folds import bucket
from ..index.base import Index
from ..answering.notfound import coverage
from ..params import FAQ_MARGIN_FLOOR, FAQ_MIN_COSINE, FAQ_MIN_COVERAGE, MAX_FALSE_MATCH
from ..index.search import SearchResult, make_query
from .asking import question_part

FEATURES = ["cosine", "margin", "coverage"]
PARAMS_FILE = Path(__file__).with_name("faq_match.json")


@dataclass
class FaqMatch:
    entry: dict  # id, questions, answer, basis, source, valid_from
    phrasing: str
    features: dict


def best(index: Index, res: SearchResult) -> FaqMatch | None:
    """The closest phrasing's entry, with the features the match decision reads: of the whole
    message, or of its question part when that reads closer (a long message's story is not what
    the entry's phrasings say)."""
    if index.faq_vecs is None or not len(index.faq_vecs) or res.qvec is None:
        return None
    found = [_best_of(index, res.query.text, res.qvec)]
    part = question_part(res.query.text)
    if part:
        found.append(_best_of(index, part, res.embedder.query(make_query(index, part).dense_text)))
    return max(found, key=lambda m: m.features["cosine"] + m.features["coverage"])


def _best_of(index: Index, text: str, qvec: np.ndarray) -> FaqMatch:
    sims = index.faq_vecs @ qvec
    order = np.argsort(-sims)
    top = int(order[0])
    entry_of = index.faq_rows
    other = next((int(k) for k in order if entry_of[int(k)] != entry_of[top]), None)
    entry = index.faq[entry_of[top]]
    phrasing = entry["questions"][top - entry_of.index(entry_of[top])]
    said = " ".join([*entry["questions"], entry["answer"], entry.get("basis") or ""])
    return FaqMatch(entry, phrasing, {
        "cosine": float(sims[top]),
        "margin": float(sims[top] - max(sims[other] if other is not None else -1.0, FAQ_MARGIN_FLOOR)),
        "coverage": coverage(text, said, index.idf)})


def match(index: Index, res: SearchResult) -> FaqMatch | None:
    m = best(index, res)
    if m is None:
        return None
    model = logistic.load_model(PARAMS_FILE)
    if model is not None:
        return m if model.answers(m.features) else None
    return m if m.features["cosine"] >= FAQ_MIN_COSINE and m.features["coverage"] >= FAQ_MIN_COVERAGE else None


# -- fitting (unionbot calibrate-faq) ------------------------------------------------------
def rows(matches: list[FaqMatch | None], questions: list[dict]) -> tuple[np.ndarray, np.ndarray]:
    """Label 1: the best entry is the one the question expects (`"entry"`); 0: another entry, or
    a question no entry answers (`"entry": null`)."""
    X = [logistic.vector(m.features, FEATURES) if m else np.zeros(len(FEATURES)) for m in matches]
    y = [float(bool(m) and m.entry.get("id") == q.get("entry")) for m, q in zip(matches, questions)]
    return np.array(X).reshape(-1, len(FEATURES)), np.array(y)


def fit(X: np.ndarray, y: np.ndarray) -> logistic.Logistic:
    """The logistic model, its threshold just above every wrong match on these rows (a wrong
    curated answer is worse than routing the member to people)."""
    return logistic.threshold_above_wrong(logistic.fit_logistic(X, y, FEATURES), X, y, MAX_FALSE_MATCH)


def fold(question: dict, k: int) -> int:
    """Cross-validation split by entry: every phrasing of one entry's questions in one fold."""
    return bucket(question.get("entry") or f"q:{question['question']}", k)


def cross_validate(X: np.ndarray, y: np.ndarray, questions: list[dict], k: int = 5) -> dict:
    """Each fold decided by the model fitted on the others."""
    folds = np.array([fold(q, k) for q in questions])
    answered = np.zeros(len(y), dtype=bool)
    for f in range(k):
        train, test = folds != f, folds == f
        if test.any() and train.any() and len(set(y[train])) == 2:
            model = fit(X[train], y[train])
            answered[test] = model.probs([dict(zip(FEATURES, r)) for r in X[test]]) >= model.threshold
    has_entry = np.array([bool(q.get("entry")) for q in questions])
    right = answered & (y == 1)
    return {"questions": int(len(y)), "with_entry": int(has_entry.sum()),
            "entry_answer": round(float(right[has_entry].mean()), 3) if has_entry.any() else None,
            "wrong_entry": int((answered & (y == 0)).sum()),
            "without_entry_answered": int(answered[~has_entry].sum())}
