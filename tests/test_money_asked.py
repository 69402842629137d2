"""A sum of money asked by a word that names only money ("số tiền", "tiền xe", "tốn", "đền bù") is answered by a sum
told in a currency, not by a count of people or things that stands near the question's words (spans.money_only_asked);
news writes "kinh phí" and "bồi thường" where members say "số tiền" and "đền bù" (chat.SAME_AS). Questions and sentences
of the team's own sets (teamq18 h-14-tusach-longan-2025, teamq9 t-07-atvsld-haiphong-2024 and
t-14-thitaynghe-vinhphuc-2025, teamq7 s-16-tet-truongthinh-2025 and s-14-tet-hunglong-2025)."""
from __future__ import annotations

import pytest

from retrieval.answering.spans import extract_span, money_only_asked, type_fit
from retrieval.language.chat import same_as
from retrieval.language.qtype import folded_question

BOOKS_Q = "Số tiền làm 30 tủ sách cho công nhân Long An là bao nhiêu?"
BOOKS_COST = "Tổng kinh phí thực hiện gần 270 triệu đồng, được vận động từ các doanh nghiệp và nhà hảo tâm."
BOOKS_WORKERS = ("Đồng chí Huỳnh Văn Sang, Phó Chủ tịch Thường trực LĐLĐ tỉnh Long An cho biết, tỉnh hiện có khoảng "
                 "280.000 công nhân, trong đó hơn 60% là lao động nhập cư thuê trọ.")
HURT_Q = "Công nhân bị dập ngón tay ở công ty cơ khí tại Hải Phòng năm 2024 được đền bù bao nhiêu?"
HURT_PAID = ("Với sự can thiệp của công đoàn cơ sở và LĐLĐ quận Hải An, doanh nghiệp đã bồi thường cho anh Tuấn 420 "
             "triệu đồng, đồng thời bố trí công việc phù hợp sau khi anh trở lại làm việc.")
HURT_TOLD = ("Điển hình, vụ tai nạn tại Công ty TNHH Cơ khí Hải Long hồi tháng 3 khiến anh Đoàn Văn Tuấn, thợ vận hành "
             "máy ép, bị dập nát ba ngón tay.")
FARE_Q = "Người làm ở Trường Thịnh về quê ngoài Bắc ăn Tết được công ty cho tiền xe bao nhiêu?"
FARE_BUSES = ("Đặc biệt, Công đoàn công ty thuê 2 xe khách đưa 90 công nhân quê ở Thanh Hóa, Nghệ An về quê ăn Tết "
              "miễn phí.")
FARE_PAID = ("Theo bà Lin Mei Hua, Giám đốc nhân sự công ty, công nhân được nghỉ Tết 10 ngày và công ty sẽ hỗ trợ "
             "500.000 đồng tiền tàu xe cho những công nhân về quê ở các tỉnh phía Bắc.")
CONTEST_Q = "Tổ chức kỳ thi tay nghề lần IV ở Vĩnh Phúc tốn khoảng bao nhiêu?"
CONTEST_COST = ("Tổng kinh phí tổ chức hội thi khoảng 780 triệu đồng, trong đó các doanh nghiệp tài trợ vật tư, thiết "
                "bị trị giá 300 triệu đồng.")


@pytest.mark.parametrize("question", [BOOKS_Q, HURT_Q, FARE_Q, CONTEST_Q, "ngay hoi o nhon hoa ton bao nhieu tien vay"])
def test_money_only_is_read_from_the_question(question):
    assert money_only_asked(folded_question(question))


@pytest.mark.parametrize("question", [
    "Ông Tiến làm Chủ tịch công đoàn bao nhiêu năm?",  # folded "tien" of a name
    "Lương tối thiểu vùng tăng bao nhiêu phần trăm?",  # a share of a sum
    "LĐLĐ tỉnh trao bao nhiêu suất quà, mỗi suất trị giá bao nhiêu?",  # a counted noun asked too
    "Tổ chức kỳ thi tay nghề lần IV ở Vĩnh Phúc kéo dài bao lâu?",  # a duration
])
def test_money_only_is_not_read_where_more_is_asked(question):
    assert not money_only_asked(folded_question(question))


@pytest.mark.parametrize("question, paid, other", [
    (BOOKS_Q, BOOKS_COST, BOOKS_WORKERS), (HURT_Q, HURT_PAID, HURT_TOLD), (FARE_Q, FARE_PAID, FARE_BUSES),
])
def test_the_sum_told_in_a_currency_fits_better_than_a_count(question, paid, other):
    assert type_fit("number", paid, question) > type_fit("number", other, question)
    assert type_fit("number", other, question) <= 0.25


def test_the_sum_is_quoted():
    assert extract_span("number", CONTEST_COST, CONTEST_Q) == "khoảng 780 triệu đồng"
    assert extract_span("number", HURT_PAID, HURT_Q) == "420 triệu đồng"


def test_members_words_for_cost_and_compensation_are_news_words():
    assert "kinh phi" in same_as("so tien lam 30 tu sach").split(" | ")
    assert "boi thuong" in same_as("duoc den bu bao nhieu").split(" | ")
