"""What is coming up: events the articles date ahead of today ("sắp tới có hoạt động gì?",
"tháng 12 có gì?", /lich).

Dates come from the articles' own sentences (the date patterns of knowledge.facts); a date
written without a year ("ngày 26-7") is read against the article's date, and an event is
listed once per article and day, soonest first, with the sentence that dates it.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from knowledge.text import fold

from ..index.base import Index
from ..index.lexical import tokens

# How members ask what is ahead (folded), and the words of such a question that are no topic.
_ASKS = re.compile(r"\b(sap toi|sap dien ra|sap co|sap to chuc|thoi gian toi|tuan toi|thang toi|lich hoat dong|"
                   r"lich su kien|lich cong doan|hoat dong sap|su kien sap)\b|\bthang (\d{1,2}|nay) (co gi|co hoat dong|"
                   r"co su kien|dien ra gi)")
_GENERIC = {"cong", "doan", "hoat", "dong", "su", "kien", "gi", "nao", "co", "sap", "toi", "dien", "ra", "to", "chuc",
            "lich", "thang", "nay", "tuan", "thoi", "gian", "nhung", "cac", "se", "nhe", "a", "vay", "minh", "em",
            "chuong", "trinh", "cua", "o", "tai", "ldld", "cdcs", "lien", "lao", "nguoi", "vien", "doan"}
MAX_EVENTS = 8  # a chat message, not a calendar export


@dataclass
class Event:
    date: dt.date
    text: str  # the sentence that dates it
    article_id: str
    title: str
    url: str | None


def calendar_question(question: str, today: dt.date) -> tuple[bool, int | None]:
    """(does it ask what is coming up, which month if it names one)."""
    q = fold(question)
    m = _ASKS.search(q)
    if not m:
        return False, None
    topic = [t for t in tokens(question, drop_question_words=True) if "_" not in t and t not in _GENERIC
             and not t.isdigit()]
    if len(topic) > 1:  # "Hội thao Phú Nghĩa sắp tới tổ chức ở đâu?" has a topic: an ordinary question
        return False, None
    month = m.group(2)
    if month == "nay":
        return True, today.month
    return True, int(month) if month else None


def events(index: Index) -> list[Event]:
    """Every dated sentence of the knowledge base, soonest first (found once, when the index was
    built; turned into events once per loaded index)."""
    cached = getattr(index, "_events", None)
    if cached is not None:
        return cached
    out: list[Event] = []
    for day, sentence in index.events:
        article_id = index.chunk_article[index.sentences[sentence]["chunk"]]
        meta = index.articles.get(article_id, {})
        out.append(Event(dt.date.fromisoformat(day), index.sentences[sentence]["text"], article_id,
                         meta.get("title", article_id), meta.get("url")))
    out.sort(key=lambda e: e.date)
    index._events = out
    return out


def upcoming(index: Index, today: dt.date, month: int | None = None, limit: int = MAX_EVENTS) -> list[Event]:
    """Events from today on, soonest first; with `month`, only that month (this year or next)."""
    ahead = [e for e in events(index) if e.date >= today]
    if month:
        ahead = [e for e in ahead if e.date.month == month and e.date.year <= today.year + (month < today.month)]
    return ahead[:limit]
