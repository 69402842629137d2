"""Quality metrics on a question set: per variant and per question type."""
from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path
from typing import Callable

import numpy as np

from ..answering.answer import Answer
from ..fitting.folds import bucket, folds
from ..fitting.scoring import reply_holds, span_matches  # noqa: F401  (span_matches: re-exported for tests)


def load_questions(path: Path) -> list[dict]:
    out = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            obj = json.loads(line)
            if "question" not in obj:
                raise ValueError(f"{path}:{n}: thiếu trường 'question'")
            out.append(obj)
    return out


Fit = Callable[[list[dict], list[Answer]], Callable[[Answer], Answer]]


def evaluate(questions: list[dict], ask: Callable[[str], tuple[Answer, float]], cv: int = 0,
             fit: Fit | None = None) -> dict:
    """Score every question. With cv=k and a `fit`, the answers of each fold are decided by
    what was fitted on the other folds' questions (split by article), so no question is
    scored by parameters fitted on it."""
    answered = [ask(q["question"]) for q in questions]
    if cv and fit:
        answered = cross_validated(questions, answered, cv, fit)
    return score(questions, answered, folds=cv or None)


def cross_validated(questions: list[dict], answered: list, cv: int, fit: Fit) -> list:
    fold_of = folds(questions, cv)
    decided: list = [None] * len(questions)
    for f in range(cv):
        apply = fit(*_subset(questions, answered, [x != f for x in fold_of]))
        for i, x in enumerate(fold_of):
            if x == f:
                decided[i] = (apply(answered[i][0]), answered[i][1])
    return decided


def split_of(questions: list[dict], splits: dict) -> list[str]:
    """"first" or "second" for each question: its article's split (`splits.json`); an unanswerable
    question has no article, so a stable hash of its id puts it on one side."""
    side = {a: name for name in ("first", "second") for a in splits.get(name, [])}
    return [side.get(q["article_id"], "second") if q.get("article_id")
            else ("first", "second")[bucket(f"q:{q.get('id') or q['question']}", 2)] for q in questions]


def transferred(questions: list[dict], answered: list, sides: list[str], fit: Fit) -> dict:
    """Fitted on the first split's questions only, scored on the second's: how the answer step meets
    articles nobody read while writing it (the gap to CV is what rules fitted by reading cost)."""
    apply = fit(*_subset(questions, answered, [s == "first" for s in sides]))
    test = [i for i, s in enumerate(sides) if s == "second"]
    return score([questions[i] for i in test], [(apply(answered[i][0]), answered[i][1]) for i in test])


def _subset(questions: list[dict], answered: list, keep: list[bool]) -> tuple[list[dict], list[Answer]]:
    idx = [i for i, k in enumerate(keep) if k]
    return [questions[i] for i in idx], [answered[i][0] for i in idx]


def score(questions: list[dict], answered: list, folds: int | None = None) -> dict:
    rows = []
    for q, (ans, ms) in zip(questions, answered):
        expected_article = q.get("article_id")
        answerable = bool(expected_article)
        rows.append({
            "id": q.get("id"), "variant": q.get("variant", "plain"), "type": q.get("type", "other"),
            "style": q.get("style", "typed"),
            "answerable": answerable, "found": ans.found, "latency_ms": ms,
            "at1": answerable and bool(ans.ranked) and ans.ranked[0] == expected_article,
            "at5": answerable and expected_article in ans.ranked[:5],
            "in_reply": answerable and ans.found and reply_holds(ans, q.get("answer")),
            "in_first": answerable and ans.found and reply_holds(ans, q.get("answer"), first_only=True),
            "two_shown": ans.found and bool(ans.also),
            "span": answerable and ans.found and span_matches(ans.span, q.get("answer") or ""),
        })
    return {"folds": folds, "overall": _summary(rows), "by_variant": _group(rows, "variant"),
            "by_type": _group(rows, "type"), "by_style": _group(rows, "style"), "rows": rows}


def _group(rows: list[dict], key: str) -> dict:
    groups = defaultdict(list)
    for r in rows:
        groups[r[key]].append(r)
    return {k: _summary(v) for k, v in sorted(groups.items())}


def _rate(rows: list[dict], key: str) -> float | None:
    return round(sum(bool(r[key]) for r in rows) / len(rows), 3) if rows else None


def _summary(rows: list[dict]) -> dict:
    ans = [r for r in rows if r["answerable"]]
    unans = [r for r in rows if not r["answerable"]]
    lat = np.array([r["latency_ms"] for r in rows]) if rows else np.zeros(1)
    return {
        "n": len(rows),
        "article@1": _rate(ans, "at1"), "article@5": _rate(ans, "at5"),
        "answer_in_reply": _rate(ans, "in_reply"), "answer_in_first": _rate(ans, "in_first"),
        "two_shown": _rate([r for r in rows if r["found"]], "two_shown"), "span_match": _rate(ans, "span"),
        "declined_unanswerable": round(sum(not r["found"] for r in unans) / len(unans), 3) if unans else None,
        "false_decline": round(sum(not r["found"] for r in ans) / len(ans), 3) if ans else None,
        "latency_p50_ms": round(float(np.percentile(lat, 50)), 1),
        "latency_p95_ms": round(float(np.percentile(lat, 95)), 1),
    }


COLUMNS = ["n", "article@1", "article@5", "answer_in_reply", "answer_in_first", "two_shown", "span_match",
           "declined_unanswerable",
           "false_decline", "latency_p50_ms", "latency_p95_ms"]


def table(report: dict) -> str:
    """Markdown table: one row per variant, per type, and overall."""
    head = "| group | " + " | ".join(COLUMNS) + " |"
    lines = [head, "|" + "---|" * (len(COLUMNS) + 1)]

    def row(name, s):
        cells = ["—" if s[c] is None else str(s[c]) for c in COLUMNS]
        lines.append(f"| {name} | " + " | ".join(cells) + " |")

    for k, s in report["by_variant"].items():
        row(f"variant: {k}", s)
    for k, s in report["by_type"].items():
        row(f"type: {k}", s)
    for k, s in report["by_style"].items():
        row(f"style: {k}", s)
    row("**overall**", report["overall"])
    return "\n".join(lines)


GAP_COLUMNS = ["answer_in_reply", "answer_in_first", "declined_unanswerable", "false_decline", "article@1"]


def gap_table(cv: dict, transfer: dict) -> str:
    """CV beside the transfer score, overall and per variant: the gap is what does not carry over."""
    lines = ["| group | " + " | ".join(f"{c} (CV / transfer)" for c in GAP_COLUMNS) + " |",
             "|" + "---|" * (len(GAP_COLUMNS) + 1)]
    groups = [("**overall**", cv["overall"], transfer["overall"])]
    groups += [(f"variant: {k}", v, transfer["by_variant"].get(k)) for k, v in cv["by_variant"].items()]
    groups += [(f"style: {k}", v, transfer["by_style"].get(k)) for k, v in cv["by_style"].items()]
    for name, a, b in groups:
        cells = []
        for c in GAP_COLUMNS:
            x, y = a.get(c), (b or {}).get(c)
            cells.append("—" if x is None and y is None else f"{x} / {y}")
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    return "\n".join(lines)
