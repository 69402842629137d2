"""A count asked by a member's word for what news counts under another name: "ca" (a case) is "trường hợp", "nhóm"
(tự quản) is "tổ", and "bạn / em" before a noun of people is its classifier, not what is counted ("bao nhiêu bạn sinh
viên" counts "sinh viên") — spans.noun_phrase, `_GROUPS`, `_CASES`, `_SAME_PEOPLE`. Questions and sentences of the
team's own sets (teamq10 t-12-an-ninh-kcn-thai-nguyen-2024, teamq14 k-10-tamsoat-quangnam-2024, teamq13
m-16-danang-tinhoc-2025)."""
from __future__ import annotations

import pytest

from retrieval.answering.spans import extract_span, noun_phrase, type_fit
from retrieval.language.qtype import folded_question

GROUPS_Q = "Ban đầu Thái Nguyên lập bao nhiêu nhóm tự quản ở khu trọ công nhân?"
GROUPS = "Trong giai đoạn đầu, mô hình được triển khai tại 25 khu nhà trọ với 25 tổ tự quản."
CASES_Q = "dot tam soat ung thu o quang nam phat hien bao nhieu ca bat thuong a"
CASES = ("Qua đợt khám, bác sĩ phát hiện 86 trường hợp có bất thường ở tuyến vú hoặc cổ tử cung, trong đó 7 trường hợp "
         "được chuyển lên tuyến trên để làm sinh thiết.")
STUDENTS_Q = "Có bao nhiêu bạn sinh viên đi dạy tình nguyện cho công nhân ở khóa học năm 2025 tại Đà Nẵng?"
STUDENTS = "Khóa 2 có sự tham gia giảng dạy của 12 sinh viên tình nguyện Trường Đại học Sư phạm Kỹ thuật Đà Nẵng."


@pytest.mark.parametrize("question, noun", [
    (GROUPS_Q, ["nhom"]), (CASES_Q, ["ca"]), (STUDENTS_Q, ["sinh", "vien"]),
    ("mấy em học sinh được nhận học bổng", ["hoc", "sinh"]),
    ("Hội nghị ký bao nhiêu bản thỏa ước?", ["ban", "thoa"]),  # "bản" counts documents: no classifier of people
])
def test_the_counted_noun(question, noun):
    assert noun_phrase(folded_question(question)) == noun


@pytest.mark.parametrize("question, sentence, count", [
    (GROUPS_Q, GROUPS, "25 tổ tự quản"), (CASES_Q, CASES, "86 trường hợp"), (STUDENTS_Q, STUDENTS, "12 sinh viên"),
])
def test_counted_under_news_name(question, sentence, count):
    assert type_fit("number", sentence, question) >= 0.5  # agreeing (not UNIT_CLASS_FIT's 0.2 of another noun)
    assert extract_span("number", sentence, question).startswith(count)
