"""Does a reply hold the expected answer? Shared by evaluation and calibration."""
from __future__ import annotations

from knowledge.text import normalize


def compared_form(s: str | None) -> str:
    """The form a reply and an expected answer are compared in: normalised, lower-cased, spaces single."""
    return " ".join(normalize(s or "").lower().split())


def span_matches(span: str | None, expected: str) -> bool:
    """The extracted span is the expected answer, give or take a qualifier word."""
    if not span:
        return False
    a, b = compared_form(span), compared_form(expected)
    return a == b or b in a and len(b) >= 0.5 * len(a) or a in b and len(a) >= 0.5 * len(b)


def reply_holds(ans, expected: str | None, first_only: bool = False) -> bool:
    """The reply a member sees (the span, the window of the sentence shown around it, and the close
    runner-up quoted under it) contains the expected answer. `first_only`: the first sentence alone."""
    also = "" if first_only else ans.also or ""
    return bool(expected) and compared_form(expected) in compared_form(f"{ans.span or ''} {ans.shown_sentence} {also}")
