"""Questions and summaries cut from an article's own sentences (for /help, broadcasts and
"Hỏi về bài này"): nothing is invented, so each example is answerable from its article."""
from __future__ import annotations

import re

from knowledge import facts
from knowledge.models import Article
from knowledge.text import paragraphs, split_sentences

# Question templates (Vietnamese): a theme behind a cue word, or when a titled event happens.
THEME_OF = "{cue} trong bài “{topic}” là gì?"
WHEN = "{topic} diễn ra khi nào?"
# Nouns after a number that measure time rather than count things: no "bao nhiêu" question.
_UNIT_NOUNS = {"năm", "tháng", "ngày", "tuần", "giờ", "phút", "lần"}
SUMMARY_SENTENCES = 3  # a broadcast quotes 2–3 sentences, never rewritten
SUMMARY_SOFT_CHARS = 420  # stop adding sentences past this
SUMMARY_MAX_CHARS = 500  # and never more than this


def example_questions(art: Article, n: int = 3) -> list[str]:
    """Up to n questions about one article: "… có hơn 70 gian hàng" → "… có bao nhiêu gian hàng?"."""
    out: list[str] = []
    for par in paragraphs(art.text):
        for sent in split_sentences(par):
            q = _count_question(sent) or _theme_question(sent, art.title)
            if q and q not in out:
                out.append(q)
            if len(out) >= n:
                return out
    return out or [WHEN.format(topic=short_title(art.title))]


def summary(art: Article) -> str:
    """The article's first sentences, as a broadcast quotes them."""
    sentences: list[str] = []
    for par in paragraphs(art.text):
        sentences += split_sentences(par)
        if len(sentences) >= SUMMARY_SENTENCES:
            break
    out = ""
    for s in sentences[:SUMMARY_SENTENCES]:
        if out and len(out) + len(s) > SUMMARY_SOFT_CHARS:
            break
        out = f"{out} {s}".strip()
    if len(out) > SUMMARY_MAX_CHARS:
        out = out[:SUMMARY_MAX_CHARS - 1].rsplit(" ", 1)[0] + "…"
    return out


def _count_question(sentence: str) -> str | None:
    """A clause holding "<number> <noun>" with the number asked for instead."""
    for span in facts.numbers(sentence):
        m = re.match(r"(?i)^(?:(?:hơn|trên|gần|khoảng|chừng|tới|gồm|tổng cộng|tổng số)\s+)?[\d.,/%]+"
                     r"(?:\s+(?:triệu|tỷ|tỉ|nghìn|ngàn|trăm))*\s+(.+)$", span.text)
        if not m:
            continue
        noun = m.group(1)
        first = noun.split()[0]
        if first.lower() in _UNIT_NOUNS or not first[:1].islower() or len(noun.split()) > 4:
            continue
        start = max(sentence.rfind(c, 0, span.start) for c in ",;:") + 1
        head = re.sub(r"\s*\([^)]*\)", "", sentence[start:span.start]).strip()
        if "(" in head or ")" in head:
            continue
        head = re.sub(r"(?i)^(và|nhưng|trong đó|đồng thời|theo đó)\s+", "", head)
        if len(head.split()) < 4 or len(head) > 110 or not re.search(r"[^\W\d_]", head):
            continue
        question = f"{head} bao nhiêu {noun}?"
        return question[:1].upper() + question[1:]
    return None


def _theme_question(sentence: str, title: str) -> str | None:
    """A quoted slogan or theme behind a cue word: ask for it by the article's title."""
    m = re.search(r"(?i)(chủ đề|khẩu hiệu|thông điệp|phương châm)\s*(?:là|:)?\s*[“\"]", sentence)
    if not m:
        return None
    return THEME_OF.format(cue=m.group(1).capitalize(), topic=short_title(title, 60))


def short_title(title: str, limit: int = 70) -> str:
    title = title.rstrip(" .:")
    return title if len(title) <= limit else title[:limit].rsplit(" ", 1)[0] + "…"
