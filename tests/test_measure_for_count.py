"""A count of things asked is no amount of money, length of time or share (notfound.measure_for_count): `unagreed`
never offers one as the count. Sentences written for these tests (no dev data)."""
from __future__ import annotations

import pytest

from retrieval.answering.notfound import measure_for_count
from retrieval.answering.spans import slot, span_candidates


def _verdicts(question: str, sentence: str) -> dict[str, bool]:
    asked = slot("number", question)
    return {c[1].text: measure_for_count(asked, c[1], sentence) for c in span_candidates("number", sentence, question)}


@pytest.mark.parametrize("question, sentence, span, measure", [
    ("Công đoàn trao bao nhiêu suất học bổng?", "Mỗi suất học bổng trị giá 2 triệu đồng.", "2 triệu đồng", True),
    ("Lúc thành lập công đoàn có bao nhiêu đoàn viên?", "Công đoàn cơ sở đã qua 35 năm xây dựng.", "35 năm", True),
    ("cong ty co bao nhieu doan vien", "Công đoàn đã chi 450.000 đồng cho mỗi đoàn viên.", "450.000 đồng", True),
    ("Có bao nhiêu đoàn viên tham gia?", "Có 1.200 đoàn viên tham gia hội thao.", "1.200 đoàn viên", False),
])
def test_an_amount_of_money_or_time_counts_no_noun(question, sentence, span, measure):
    assert _verdicts(question, sentence).get(span) is measure


def test_a_measure_asked_is_read_as_asked():
    """Money, a duration or a share asked: the slot has its unit, and a span of that unit is what answers."""
    assert _verdicts("Mỗi suất học bổng trị giá bao nhiêu tiền?", "Mỗi suất học bổng trị giá 2 triệu đồng.") == {
        "2 triệu đồng": False}
    assert _verdicts("Công đoàn cơ sở đã hoạt động bao nhiêu năm?", "Công đoàn cơ sở đã qua 35 năm xây dựng.") == {
        "35 năm": False}


def test_a_count_asked_is_declined_when_the_sentence_naming_it_gives_only_money(tmp_path, embedder):
    """The article names the scholarships and their worth, never how many: no count to quote."""
    from tests.test_answering import _kb_with

    kb = _kb_with(tmp_path, embedder, {
        "id": "hocbong-tanphuoc-2026", "title": "Công đoàn Khu công nghiệp Tân Phước trao học bổng cho con công nhân",
        "date": "2026-08-20", "source": "https://congdoan.example.vn/hocbong-tanphuoc-2026",
        "text": "Sáng 20-8, Công đoàn Khu công nghiệp Tân Phước tổ chức lễ trao học bổng “Tiếp sức đến trường” "
                "cho con công nhân có hoàn cảnh khó khăn.\n\n"
                "Mỗi suất học bổng trị giá 2 triệu đồng, gồm tiền mặt và dụng cụ học tập.\n\n"
                "Chương trình do các doanh nghiệp trong khu công nghiệp tài trợ."})
    ans = kb.ask("Công đoàn Khu công nghiệp Tân Phước trao bao nhiêu suất học bổng?").answer
    assert not ans.found or "đồng" not in (ans.span or ""), (ans.span, ans.reason)
