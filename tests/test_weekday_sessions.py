""""vào (những) buổi nào" / "buổi nào trong tuần" asks when in the week a thing recurs, and the sentence giving the
weekdays answers it — qtype._SESSION_Q. Questions and sentences of the team's own sets (teamq13
m-15-danang-tienganh-2024, teamq19 x-16-tuvan-angiang-2025)."""
from __future__ import annotations

import pytest

from retrieval.answering.spans import type_fit
from retrieval.language.qtype import question_type

CLASS_Q = "Công nhân học tiếng Anh khóa đầu ở Đà Nẵng lên lớp vào những buổi nào?"
CLASS = "Khóa học kéo dài 3 tháng, học vào tối thứ Ba, thứ Năm và thứ Bảy hằng tuần, từ 19 giờ đến 20 giờ 30."
ADVICE_Q = "Công nhân ở KCN Bình Hòa có thể đến hỏi luật miễn phí vào những buổi nào trong tuần?"
ADVICE = ("Điểm tư vấn hoạt động vào sáng thứ Tư và chiều thứ Bảy hằng tuần, do 4 luật sư cộng tác viên và 2 cán bộ "
          "Ban Chính sách - Pháp luật LĐLĐ tỉnh đảm nhận.")
ADVICE_TOPICS = ("Người lao động được tư vấn miễn phí về hợp đồng lao động, tiền lương, bảo hiểm xã hội, kỷ luật lao động "
                 "và hỗ trợ soạn đơn khởi kiện.")


@pytest.mark.parametrize("question, kind", [
    (CLASS_Q, "date"), (ADVICE_Q, "date"),
    ("cong nhan hoc tieng anh o da nang len lop vao nhung buoi nao", "date"),
    ("diem tu van mo cua hom nao trong tuan", "date"),
    ("Ông A phát biểu tại buổi nào?", "where"),  # "tại buổi nào": which event, left as it was read
])
def test_sessions_asked_as_when(question, kind):
    assert question_type(question) == kind


def test_the_weekdays_fit_the_topics_do_not():
    assert type_fit("date", CLASS, CLASS_Q) == 1.0
    assert type_fit("date", ADVICE, ADVICE_Q) == 1.0
    assert type_fit("date", ADVICE_TOPICS, ADVICE_Q) == 0.0
