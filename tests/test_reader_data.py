"""Synthetic questions from an article's own sentences (answering/reader_data.py): what issue 23's
fitted reader was trained on (tools/reader_experiment.py)."""
from __future__ import annotations

import random

from knowledge.text import has_diacritics

from retrieval.answering.reader_data import question_of, spans_of, synthetic_questions

# Sentences written for these tests (no dev data).
TITLE = "Công đoàn Khu công nghiệp Tân Phước trao quà Tết cho công nhân khó khăn"
SENTENCES = [
    "Sáng 14/1/2025, Công đoàn Khu công nghiệp Tân Phước tổ chức chương trình Tết sum vầy cho công nhân.",
    "Dịp này, ban tổ chức trao 320 suất quà cho công nhân có hoàn cảnh khó khăn, mỗi suất trị giá 800.000 đồng.",
    "Chương trình diễn ra tại Nhà văn hóa công nhân Tân Phước, thu hút đông đảo người lao động.",
    "Phát biểu tại buổi lễ, ông Trần Quốc Bảo, Chủ tịch Công đoàn Khu công nghiệp, cảm ơn các doanh nghiệp đã đồng hành.",
    "Năm nay, công đoàn phát động phong trào với chủ đề “Tết ấm áp – Nghĩa tình công nhân”.",
]


def test_every_kind_of_span_becomes_a_question_that_does_not_quote_it():
    kinds = {k for s in SENTENCES for k, _, _ in spans_of(s)}
    assert {"date", "number", "who", "where", "slogan"} <= kinds
    made = synthetic_questions([("tanphuoc-2025", TITLE, SENTENCES)], per_article=100, per_span=3, seed=7)
    assert len(made) >= 15 and {q["type"] for q in made} == kinds
    for q in made:
        assert q["answer"].lower() not in q["question"].lower(), q  # the span is what is asked, not said
        assert q["question"].endswith("?") and len(q["question"].split()) >= 5
    assert any("bao nhiêu suất quà" in q["question"] or "bao nhieu suat qua" in q["question"] for q in made)
    assert any(q["answer"] == "Nhà văn hóa công nhân Tân Phước" for q in made)
    # Variants that take the sentence's words away: accents stripped, the title's words for the clause's own.
    assert any("fold" in q["variant"] and not has_diacritics(q["question"]) for q in made)
    assert any(q["variant"].startswith("title") for q in made)
    # The same seed makes the same questions (the fitted reader must reproduce).
    assert made == synthetic_questions([("tanphuoc-2025", TITLE, SENTENCES)], per_article=100, per_span=3, seed=7)


def test_a_date_question_asks_when_with_the_clause_around_the_date():
    (kind, span, ask), = [x for x in spans_of(SENTENCES[0]) if x[0] == "date"]
    assert span.text == "Sáng 14/1/2025"
    rng = random.Random(0)
    questions = {question_of(kind, span, ask, SENTENCES[0], TITLE, rng)[0] for _ in range(40)}
    # The clause after the date, cut at seven words, then the asked phrase; "Sáng 14/1/2025" is gone.
    plain = [q for q in questions if q.startswith("Công đoàn Khu công nghiệp Tân Phước ")]
    assert plain and all(q.endswith(("ngày nào?", "khi nào?", "thời gian nào?")) for q in plain), questions
    assert not any("14/1" in q for q in questions)


def test_a_count_in_words_asks_its_noun_and_a_deputy_keeps_pho():
    # "hai đội" is a count of "đội": the number word is not part of the noun asked.
    sentence = "Giải đấu năm nay có hai đội bóng đến từ khu chế xuất tham dự."
    asks = [a for k, sp, a in spans_of(sentence) if k == "number"]
    assert asks and all("hai" not in a.split() for a in asks), asks
    # Words are dropped at random, but never "Phó": without it the question asks for the head.
    sentence = "Phát biểu tại lễ, ông Lê Văn Hùng, Phó Chủ tịch Công đoàn Khu chế xuất, cảm ơn các doanh nghiệp."
    (kind, span, ask), = [x for x in spans_of(sentence) if x[0] == "who"]
    rng = random.Random(3)
    made = [question_of(kind, span, ask, sentence, TITLE, rng)[0] for _ in range(40)]
    asks_office = [q for q in made if "chủ tịch" in q.lower() or "chu tich" in q.lower()]
    assert asks_office and all({"phó", "pho"} & set(q.lower().split()) for q in asks_office), made
