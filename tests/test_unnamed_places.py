"""A where-question and a sentence whose only place after "tại / ở" is common nouns with no name ("tại các khu công
nghiệp", "ở nhiều doanh nghiệp", "tại tỉnh", "tại công ty 8 năm"): it names no place one could go to, so it fits the
question as weakly as UNNAMED_PLACES_FIT, under a sentence naming the venue — spans.unnamed_places. Questions and
sentences of the team's own sets (teamq19 x-07-tamsoat-haiduong-2024, teamq18 h-15-huutri-hanam-2025, teamq8
t-08-dongnai-buacomcongdoan-2025, t-16-binhduong-thuongluong-hoaloi-2025)."""
from __future__ import annotations

import pytest

from retrieval.answering.spans import extract_span, type_fit, unnamed_places
from retrieval.params import UNNAMED_PLACES_FIT

EXAM_Q = "cn nu hai duong di kham tam soat ung thu o cho nao vay a"
EXAM_LEDE = ("Báo Hải Dương - Từ ngày 14 đến 19/10/2024, LĐLĐ tỉnh Hải Dương phối hợp với Bệnh viện Đa khoa tỉnh tổ chức "
             "chương trình khám sức khỏe và tầm soát ung thư vú, ung thư cổ tử cung miễn phí cho nữ đoàn viên, người lao "
             "động tại các khu công nghiệp.")
EXAM_VENUE = ("Địa điểm khám tại Nhà văn hóa Công đoàn Khu công nghiệp Đại An, TP Hải Dương, và Trung tâm Y tế huyện "
              "Cẩm Giàng.")
PENSION_Q = "Hội nghị tư vấn lương hưu ở Hà Nam được tổ chức ở khu công nghiệp nào?"
PENSION_ASKED = ("Nhiều công nhân đã nêu thắc mắc về việc rút bảo hiểm xã hội một lần, cách tính lương hưu khi có thời "
                 "gian làm việc ở nhiều doanh nghiệp.")
PENSION_NEXT = ("Theo kế hoạch, từ tháng 8 đến tháng 11/2025, LĐLĐ tỉnh sẽ tổ chức thêm 6 buổi tư vấn tương tự tại các "
                "khu công nghiệp Hòa Mạc, Châu Sơn và Thanh Liêm.")

PARK_Q = "Công ty TNHH Dệt may Tân Phong nằm ở khu công nghiệp nào?"
PARK_YEARS = "Chị Hồ Thị Nga, công nhân tổ may số 7, quê Quảng Trị, cho biết đã làm việc tại công ty 8 năm."
SEAT_Q = "Công ty CP May Hòa Lợi đóng tại đâu?"
SEAT_PROVINCE = ("Phát biểu tại lễ ký kết, đồng chí Võ Thị Hồng Loan đánh giá đây là một trong những bản TƯLĐTT có nhiều "
                 "điều khoản có lợi cho người lao động nhất tại tỉnh trong quý I năm 2025.")


@pytest.mark.parametrize("place, unnamed", [
    ("các khu công nghiệp", True), ("nhiều doanh nghiệp", True), ("một số đơn vị", True),
    ("các khu công nghiệp Hòa Mạc", False),  # named: a place told
    ("nơi làm việc", True), ("tỉnh", True), ("công ty 8 năm", True),
    ("khu nhà trọ của bà A", False),  # a name in it: a place told
])
def test_unnamed_places(place, unnamed):
    assert unnamed_places(place) is unnamed


@pytest.mark.parametrize("question, sentence", [(EXAM_Q, EXAM_LEDE), (PENSION_Q, PENSION_ASKED),
                                                  (PARK_Q, PARK_YEARS), (SEAT_Q, SEAT_PROVINCE)])
def test_a_set_of_places_fits_weakly(question, sentence):
    assert type_fit("where", sentence, question) == UNNAMED_PLACES_FIT


def test_the_named_venue_still_fits():
    assert type_fit("where", EXAM_VENUE, EXAM_Q) == 1.0
    assert extract_span("where", EXAM_VENUE, EXAM_Q).startswith("Nhà văn hóa Công đoàn Khu công nghiệp Đại An")
    assert type_fit("where", PENSION_NEXT, PENSION_Q) == 1.0
