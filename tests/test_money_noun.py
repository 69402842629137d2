"""Session 34 (helper D): a noun that names an amount of money — "doanh thu", "thu nhập", "lợi nhuận", "kinh phí", the
fees — asks a sum told in a currency whether it stands after "bao nhiêu" ("bao nhiêu doanh thu") or before it ("thu
nhập bình quân là bao nhiêu"), not a count of the noun (spans.MONEY_NOUN read by spans.slot). Sentences written for
these tests (no dev or team data)."""
from __future__ import annotations

import pytest

from knowledge import facts
from retrieval.answering.spans import agrees, rate_asked, slot, total_for_rate


@pytest.mark.parametrize("question", [
    "Năm 2025 Công ty Gạch Hòa Bình đạt bao nhiêu doanh thu?",
    "cty det an phu nam 2024 co bn loi nhuan",
    "Công đoàn chi bao nhiêu kinh phí cho hội thao?",
    "Thu nhập bình quân của công nhân Nhà máy Sữa Tân Phong là bao nhiêu?",
    "thu nhap trung binh cua tho may o cty an binh bao nhieu 1 thang",
    "Doanh thu năm 2024 của hợp tác xã đạt bao nhiêu?",
    "Mỗi đoàn viên đóng đoàn phí bao nhiêu?",
])
def test_a_money_noun_asks_a_sum(question):
    assert slot("number", question).get("unit") == "money"


@pytest.mark.parametrize("question, noun", [
    ("Năm 2025 công ty có bao nhiêu công nhân?", ["cong", "nhan"]),
    ("Hội thao có bao nhiêu vận động viên tham gia?", ["van", "dong", "vien"]),
])
def test_a_count_stays_a_count(question, noun):
    s = slot("number", question)
    assert s.get("noun") == noun and "unit" not in s


def test_other_units_keep_their_cue():
    # a share of an income is a percent, a duration stays a duration
    assert slot("number", "Thu nhập của công nhân tăng bao nhiêu phần trăm?").get("unit") == "percent"
    assert slot("number", "Công ty đã hoạt động bao lâu?").get("unit") == "duration"


def test_a_count_of_people_does_not_answer_an_income():
    s = slot("number", "Thợ hàn của Xưởng cơ khí Tân Long có thu nhập bình quân bao nhiêu?")
    sentence = "Xưởng có 120 thợ hàn, thu nhập bình quân 11,5 triệu đồng/người/tháng."
    assert not agrees(s, facts.Span("number", 0, 0, "120 thợ hàn"), sentence)
    assert agrees(s, facts.Span("number", 0, 0, "11,5 triệu đồng/người/tháng"), sentence)


def test_a_change_of_a_sum_is_an_amount_or_a_share():
    # "tăng bao nhiêu" is told as an amount ("tăng 1,2 triệu đồng") or a share ("tăng 8%"), never a count of people
    s = slot("number", "Năm nay lợi nhuận của hợp tác xã tăng bao nhiêu?")
    assert s.get("unit") == "pay"
    sentence = "Lợi nhuận năm nay tăng 8% so với năm trước, 40 xã viên được chia thưởng."
    assert agrees(s, facts.Span("number", 0, 0, "8%"), sentence)
    assert not agrees(s, facts.Span("number", 0, 0, "40 xã viên"), sentence)
    # a money-only word keeps the sum: "trị giá bao nhiêu" is no share
    assert slot("number", "Phần quà được tặng trị giá bao nhiêu?").get("unit") == "money"
    assert slot("number", "Doanh thu năm 2025 đạt bao nhiêu?").get("unit") == "money"


def test_an_average_asks_one_units_amount():
    q = "Thu nhập bình quân của thợ dệt ở Công ty Dệt Hòa Khánh là bao nhiêu?"
    assert rate_asked(q) and rate_asked("thu nhap trung binh cua tho det hoa khanh bn")
    sentence = "Công đoàn trao 60 phần quà cho thợ dệt, tổng trị giá khoảng 45 triệu đồng."
    assert total_for_rate("number", q, sentence, "khoảng 45 triệu đồng")  # a total is no average
    assert not total_for_rate("number", q, "Thu nhập bình quân đạt 9,4 triệu đồng/người/tháng.",
                              "9,4 triệu đồng/người/tháng")
    assert not rate_asked("Tổng doanh thu năm 2025 của hợp tác xã là bao nhiêu?")
