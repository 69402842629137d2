"""Answers as plain text (terminal, Zalo, JSON `answer` field).

Telegram renders the same parts as HTML in its own adapter.
"""
from __future__ import annotations

from knowledge.dates import display_date
from retrieval.answer import Answer, Source

from . import texts

MAX_ANSWER_CHARS = 600


def source_line(src: Source) -> str:
    date = display_date(src.date)
    return f"{src.title}" + (f" · {date}" if date else "")


def answer_body(ans: Answer) -> str:
    """The answer itself: the span (quoted) then the supporting sentence, ≤ 600 characters."""
    parts = []
    if ans.span and ans.span.strip() != (ans.sentence or "").strip():
        parts.append(f"“{ans.span}”")
    if ans.sentence:
        parts.append(ans.sentence)
    body = "\n\n".join(parts)
    if len(body) > MAX_ANSWER_CHARS:
        body = body[: MAX_ANSWER_CHARS - 1].rsplit(" ", 1)[0] + "…"
    return body


def not_found_text(ans: Answer) -> str:
    lines = [texts.NOT_FOUND]
    if ans.related:
        lines.append(texts.NOT_FOUND_NEAREST)
        lines += [f"• {source_line(s)}" for s in ans.related[:3]]
    lines.append(texts.NOT_FOUND_HINT)
    return "\n".join(lines)


def plain(ans: Answer) -> str:
    """What a member sees in a plain-text channel."""
    if not ans.found:
        return not_found_text(ans)
    src = ans.sources[0]
    out = [answer_body(ans), "", f"{texts.SOURCE} {source_line(src)}"]
    if src.url:
        out.append(src.url)
    return "\n".join(out)


def as_json(ans: Answer, latency_ms: float, extra: dict | None = None) -> dict:
    """The `unionbot ask --json` object (also `POST /api/ask`)."""
    obj = dict(extra or {})
    obj.update({
        "id": (extra or {}).get("id"),
        "question": (extra or {}).get("question", ans.question),
        "found": ans.found,
        "answer": plain(ans),
        "span": ans.span if ans.found else None,
        "sources": [s.as_dict() for s in ans.sources] if ans.found else [],
        "suggestions": [s.as_dict() for s in ans.related] if not ans.found else [],
        "latency_ms": round(latency_ms, 1),
    })
    return obj


def post_plain(post) -> str:
    """A broadcast post as plain text (Zalo): title, date, summary, link, how to ask."""
    date = display_date(post.date)
    lines = [f"{texts.POST_HEADER}: {post.title}" + (f" · {date}" if date else ""), "", post.summary]
    if post.url:
        lines += ["", post.url]
    lines += ["", texts.POST_ASK_HINT]
    return "\n".join(lines)
