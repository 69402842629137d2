"""The answer-removed probe (tools/removed_probe.py): which sentences hold an answer, and the keeper's public hook for
asking over an index with one article shortened (`IndexKeeper.serving_for_a_while`)."""
from __future__ import annotations

import sys

import pytest

from tests.helpers import ROOT, questions

sys.path.insert(0, str(ROOT / "tools"))
import removed_probe  # noqa: E402  (a tool: tools/ on the path)

# Sentences written for these tests (no dev data).


@pytest.mark.parametrize("text, answer, held", [
    ("Năm 2025, công đoàn tổ chức hội thao.", "5", False),        # a digit of a year is no count
    ("Có 15 đội tham gia.", "5", False),                          # nor one of a longer number
    ("Tổng kinh phí 5.000 đồng mỗi người.", "5", False),          # nor the head of "5.000"
    ("Có 5 đội tham gia.", "5", True),
    ("Tỷ lệ đạt 5%.", "5%", True),                                # an edge that is no letter needs no bound
    ("Hội thao tổ chức tại Hàm Tân.", "Hà", False),               # a syllable inside another word
    ("Hội thao tổ chức tại Hà Nội.", "hà nội", True),             # case and accents aside
    ("Khai mạc ngày 05/3/2024 tại nhà văn hóa.", "5/3/2024", True),  # leading zeros aside
    ("Diễn ra ngày 22/09/2023.", "21 và 22/9/2023", True),        # a day of the answer's range
])
def test_a_sentence_holds_an_answer_only_as_a_whole(text, answer, held):
    assert removed_probe.holds(text, answer) is held


def test_without_drops_only_the_sentences_that_hold_the_answer():
    text = "Hội thao năm 2025 có 5 đội. Năm 2025 là năm thứ ba tổ chức.\nGiải thưởng 15 triệu đồng."
    assert removed_probe.without(text, "5 đội") == ("Năm 2025 là năm thứ ba tổ chức.\nGiải thưởng 15 triệu đồng.", 1)


def test_the_keeper_answers_from_a_shortened_index_for_a_while_then_from_its_own(kb):
    q = next(q for q in questions() if q["id"] == "t002")  # "… có bao nhiêu đội tham gia" → "24 đội"
    base = kb.keeper.index
    assert "24 đội" in (kb.ask(q["question"]).answer.span or "")
    shortened = removed_probe.removed_index(kb, base, q["article_id"], q["answer"])
    with kb.keeper.serving_for_a_while(shortened):
        assert kb.keeper.index is shortened
        gone = kb.ask(q["question"]).answer
        assert "24 đội" not in f"{gone.span} {gone.sentence}"
    assert kb.keeper.index is base
    assert "24 đội" in (kb.ask(q["question"]).answer.span or "")


def test_the_keeper_serves_its_own_index_again_after_an_error(kb):
    q = next(q for q in questions() if q["id"] == "t002")
    base = kb.keeper.index
    shortened = removed_probe.removed_index(kb, base, q["article_id"], q["answer"])
    with pytest.raises(RuntimeError):
        with kb.keeper.serving_for_a_while(shortened):
            raise RuntimeError
    assert kb.keeper.index is base
