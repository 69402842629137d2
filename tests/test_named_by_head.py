"""What "tên (là) gì" names is the noun the question opens with (qtype.named_by_head): a programme, prize or contest
whoever it is for, a person when a person noun opens. The team's own questions (teamq9, 10, 13, 16, 19, 20)."""
from __future__ import annotations

import pytest

from retrieval.language.qtype import question_type


@pytest.mark.parametrize("question", [
    "Chương trình trao hỗ trợ cho người lao động mắc bệnh nghề nghiệp và người khuyết tật năm 2025 của LĐLĐ tỉnh "
    "Hải Dương tên là gì?",
    "chuong trinh giai ngan von cep dau nam 2025 o cu chi ten la gi",
    "chuong trinh bieu duong chu tich cdcs hai phong 2024 ten gi",
    "Phần thưởng dành cho 5 chủ tịch cđcs nổi bật nhất ở Hải Dương mang tên gì?",
    "Cuộc thi chụp ảnh dành cho đoàn viên Nghệ An năm 2025 tên là gì?",
])
def test_a_thing_opening_the_question_is_what_is_named(question):
    assert question_type(question) == "campaign"


@pytest.mark.parametrize("question", [
    "Em học sinh phát biểu cảm ơn thay mặt các bạn nhận học bổng ở Bình Dương năm 2024 tên là gì?",
    "dieu duong o dao quan lan duoc tuyen duong nam 2024 ten gi vay",
    "Vị luật sư đứng đầu văn phòng tư vấn tên gì?",
])
def test_a_person_opening_the_question_is_who_is_named(question):
    assert question_type(question) == "who"


def test_other_questions_are_read_as_before():
    assert question_type("Ông chủ tịch công đoàn công ty tên là gì?") == "who"
    assert question_type("Trại hè cho con công nhân Công ty Giày Thành Hưng có tên là gì?") == "campaign"
