"""Synthetic questions made from an article's own sentences, for fitting the reader.

A sentence that holds a span of a known kind (a date, a count with its noun, a person with a
title, a place after "tại / ở", a quoted name after a cue such as "khẩu hiệu") becomes a
question: the words around the span, the span taken out and the asked phrase put at the end
("… vào ngày nào?", "bao nhiêu <noun>?", "ai …?", "… ở đâu?", "<cue> là gì?"). The answer is the
span. A question made this way copies its sentence, which no member does, so most are
varied the way members' questions differ from the text: the clause's opening words replaced by
words of the article's title, words dropped, general near-synonyms, accents stripped.
Deterministic for a given seed (a reader fitted on them must reproduce).

Made for issue 23's fitted reader (`tools/reader_experiment.py` fits and measures it: measured,
not kept — docs/quality.md); kept as the team's source of synthetic answerable questions for
the next fitted step (a start/end head over the encoder, the decision's answerable rows).
"""
from __future__ import annotations

import random
import re

from knowledge import facts
from knowledge.text import fold

from .spans import PERSON, PLACE, SLOGAN_CUE, YEARS_ONLY, trim_place

# General near-synonyms news and members use for one another (both directions are tried).
NEAR_SYNONYMS = [
    ("tổ chức", "tiến hành"), ("trao", "tặng"), ("hỗ trợ", "giúp đỡ"), ("công nhân", "người lao động"),
    ("tham gia", "tham dự"), ("kinh phí", "số tiền"), ("khai mạc", "bắt đầu"), ("doanh nghiệp", "công ty"),
    ("Liên đoàn Lao động", "LĐLĐ"), ("Công đoàn", "CĐ"), ("thăm hỏi", "thăm"), ("đoàn viên", "công đoàn viên"),
    ("diễn ra", "được tổ chức"), ("nhận", "được nhận"), ("phát động", "khởi động"), ("trao tặng", "tặng"),
    ("khánh thành", "đưa vào sử dụng"), ("bầu", "chọn"), ("nhằm", "để"), ("học sinh", "các em"),
    ("quà", "phần quà"), ("gia đình", "hộ"), ("khen thưởng", "tuyên dương"), ("triển khai", "thực hiện"),
]
# The asked phrase by kind, and the words next to a span that belong to the asked phrase.
_ASK = {"date": ["vào ngày nào", "khi nào", "vào thời gian nào", "ngày nào"],
        "who": ["là ai", "ai"], "where": ["ở đâu", "tại đâu", "diễn ra ở đâu"]}
_GLUE = {"vào", "ngày", "tại", "ở", "là", "của", "do", "cho", "với", "trong", "từ", "lúc", "đến", "gồm", "có"}
_CLAUSE_WORDS = 7  # words kept on each side of the span, within its clause
# A count written in words ("hai vợ chồng", "hàng chục đoàn viên"): the number, not part of the noun asked.
_NUMBER_WORDS = r"(?i:một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười|hàng chục|hàng trăm|hàng nghìn|hàng ngàn|vài)"
# Words a member never leaves out, for without them the question asks something else: "Phó" (a deputy
# is not the head), "không / chưa" (a negation), "nguyên" (a former office holder).
_NEVER_DROPPED = {"phó", "không", "chưa", "nguyên"}


def spans_of(sentence: str) -> list[tuple[str, facts.Span, str]]:
    """(kind, span, asked phrase) for each span of a known kind in the sentence."""
    out = []
    for d in facts.dates(sentence):
        if not YEARS_ONLY.fullmatch(d.text) and not re.search(r"(?i)thứ|chủ nhật", d.text):
            out.append(("date", d, ""))
    for n in facts.numbers(sentence):
        noun = re.sub(rf"^(?:[\d.,/%\s]+|{_NUMBER_WORDS}\s+)(?:(?:triệu|tỷ|tỉ|nghìn|ngàn|trăm)\s+)*", "", re.sub(
            r"(?i)^(?:hơn|trên|gần|khoảng|chừng|tới|đến|gồm|tổng cộng|tổng số|xấp xỉ|hàng)\s+", "", n.text))
        if re.match(r"\d", n.text.split()[-1]) and "%" not in n.text:
            continue  # a bare figure: what it counts is not said next to it
        ask = "bao nhiêu phần trăm" if "%" in n.text else f"bao nhiêu {' '.join(noun.split()[:3])}".strip()
        out.append(("number", n, ask))
    for m in PERSON.finditer(sentence):
        out.append(("who", facts.Span("who", m.start(), m.end(), m.group(0)), ""))
    for m in PLACE.finditer(sentence):
        place = trim_place(m.group(1))
        if place[:1].isupper() and len(place) >= 4:
            out.append(("where", facts.Span("where", m.start(1), m.start(1) + len(place), place), ""))
    cue = SLOGAN_CUE.search(sentence)
    if cue:
        for q in facts.quotes(sentence):
            if q.start >= cue.start():
                out.append(("slogan", q, f"{cue.group(0)} là gì"))
    return out


def _clause(sentence: str, span: facts.Span) -> tuple[list[str], list[str]]:
    """The words of the span's clause before and after it (the glue words next to it dropped)."""
    before = re.split(r"[;:(]|, ", sentence[:span.start].rstrip(" ,"))[-1].split()[-_CLAUSE_WORDS:]
    after = re.split(r"[;:.()]|, ", sentence[span.end:].lstrip(" ,"))[0].split()[:_CLAUSE_WORDS]
    while before and before[-1].lower().strip(",") in _GLUE:
        before.pop()
    while after and after[0].lower().strip(",") in _GLUE:
        after.pop(0)
    return [w.strip("“”\",") for w in before], [w.strip("“”\",") for w in after]


def _title_words(title: str, rng: random.Random) -> list[str]:
    words = [w for w in re.findall(r"[\w.%/-]+", title.lower() if title.isupper() else title) if len(w) > 1]
    return words[:rng.randint(3, 5)]  # a title names its subject first


def _synonyms(text: str, rng: random.Random) -> str:
    for a, b in NEAR_SYNONYMS:
        for x, y in ((a, b), (b, a)):
            if re.search(rf"(?<!\w){re.escape(x)}(?!\w)", text) and rng.random() < 0.7:
                text = re.sub(rf"(?<!\w){re.escape(x)}(?!\w)", y, text, count=1)
                break
    return text


def question_of(kind: str, span: facts.Span, ask: str, sentence: str, title: str, rng: random.Random) -> tuple[str, str]:
    """(question, variant): the span's clause with the asked phrase, varied."""
    before, after = _clause(sentence, span)
    ask = ask or rng.choice(_ASK[kind])
    variant = "plain"
    if rng.random() < 0.5 and (before or after):  # the clause's own subject → the title's words
        body = before + after
        cut = min(len(body) - 1, rng.randint(1, 3))
        body = _title_words(title, rng) + [w for w in body[:cut] if w.lower() in _NEVER_DROPPED] + body[cut:]
        variant = "title"
    elif kind == "who" and before:  # "ai" stands where the person stood: "<after>" told of someone
        body = after or before
    else:
        body = before + after
    if rng.random() < 0.6:  # members leave words out
        keep = [w for w in body if rng.random() > 0.2 or w.lower() in _NEVER_DROPPED]
        body, variant = (keep or body), variant + "+drop"
    text = " ".join(w for w in body if fold(w.lower()) not in fold(ask))  # "chủ đề … chủ đề là gì"
    if rng.random() < 0.5:
        before_syn, text = text, _synonyms(text, rng)
        variant += "+syn" if text != before_syn else ""
    if kind == "who" and rng.random() < 0.5:
        q = f"Ai {text[:1].lower()}{text[1:]}?"
    else:
        q = f"{text} {ask}?"
    if rng.random() < 0.35:
        q, variant = fold(q), variant + "+fold"
    return re.sub(r"\s+", " ", q).strip(), variant


def synthetic_questions(articles: list[tuple[str, str, list[str]]], per_article: int = 60, per_span: int = 3,
                        seed: int = 0) -> list[dict]:
    """Up to `per_article` questions per article, `per_span` differently varied ones per span:
    (article id, title, its sentences) in, questions out as the dev set writes them (question,
    answer, article_id, type, variant)."""
    rng = random.Random(seed)
    out = []
    for aid, title, sentences in articles:
        title = title or ""
        made = []
        for sentence in sentences:
            for (kind, span, ask), _ in ((sp, k) for sp in spans_of(sentence) for k in range(per_span)):
                q, variant = question_of(kind, span, ask, sentence, title, rng)
                if len(q.split()) >= 5 and all(m["question"] != q for m in made):
                    made.append({"question": q, "answer": span.text, "article_id": aid, "type": kind,
                                 "variant": variant, "synthetic": True})
        rng.shuffle(made)
        out += made[:per_article]
    return out


def articles_of(index) -> list[tuple[str, str, list[str]]]:
    """(id, title, sentences) of every article of the knowledge base, in a stable order."""
    return [(aid, index.articles[aid].get("title") or "", [index.sentences[i]["text"] for i in index.article_sentences.get(aid, [])])
            for aid in sorted(index.articles)]
