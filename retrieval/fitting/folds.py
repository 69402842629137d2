"""Cross-validation folds that stay put: split by article, the same on every run and machine."""
from __future__ import annotations

import hashlib


def bucket(key: str, k: int) -> int:
    """A stable fold for a key (the same on every run and machine)."""
    return int(hashlib.sha1(key.encode()).hexdigest(), 16) % k


def folds(questions: list[dict], k: int) -> list[int]:
    """Fold of each question, split by article: all questions about one article share a fold
    (unanswerable ones, which have none, are spread by their id). Stable across runs."""
    return [bucket(q["article_id"], k) if q.get("article_id") else bucket(f"q:{q.get('id') or q['question']}", k)
            for q in questions]
