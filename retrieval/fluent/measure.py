"""How the model's sentences do on a question set (`unionbot eval --llm`): scored with the same
scorer as the quoted replies, beside them, and how often — and why — they were not shown."""
from __future__ import annotations

from collections import Counter
from dataclasses import replace

from ..answering.answer import Answer
from ..fitting.scoring import reply_holds
from .writer import AFTER_DECLINE


def _holds(ans: Answer, expected: str | None) -> bool:
    """The model's sentence holds the expected answer (reply_holds, reading that sentence alone:
    neither the span nor the runner-up quoted under the answer)."""
    return bool(ans.fluent) and reply_holds(replace(ans, span=None, sentence=ans.fluent, also=None), expected)


def report(questions: list[dict], answers: list[Answer]) -> dict:
    rows = [(q, a) for q, a in zip(questions, answers) if a.fluent is not None or a.fluent_why]
    answerable = [(q, a) for q, a in rows if q.get("article_id")]
    unanswerable = [(q, a) for q, a in rows if not q.get("article_id")]
    shown = [(q, a) for q, a in answerable if a.fluent]
    why = Counter(a.fluent_why.split(":", 1)[0] for _, a in rows if not a.fluent)
    missing = Counter(item.split(":", 1)[0].strip() for _, a in rows if a.fluent_why.startswith("ungrounded")
                      for item in a.fluent_why.split(":", 1)[1].split(";"))
    after_decline = [(q, a) for q, a in rows if a.fluent and a.reason.startswith(AFTER_DECLINE)]

    def rate(n: int, d: int) -> float | None:
        return round(n / d, 3) if d else None

    return {
        "sent_to_model": len(rows),
        "shown": sum(bool(a.fluent) for _, a in rows),
        "shown_answerable": rate(len(shown), len(answerable)),
        # Of the answerable questions that got a model sentence: it holds the answer / the quote does.
        "fluent_answer_in_reply": rate(sum(_holds(a, q.get("answer")) for q, a in shown), len(shown)),
        "quote_answer_in_reply": rate(sum(reply_holds(a, q.get("answer")) for q, a in shown), len(shown)),
        "shown_unanswerable": rate(sum(bool(a.fluent) for _, a in unanswerable), len(unanswerable)),
        "answered_after_decline": len(after_decline),
        "after_decline_right_article": sum(bool(a.sources) and a.sources[0].article_id == q.get("article_id")
                                           for q, a in after_decline),
        "not_shown_why": dict(why.most_common()),
        "ungrounded_items": dict(missing.most_common()),
    }
