""""Ai đọc lời / diễn văn khai mạc …" asks who gave the opening speech, and news tells that as "phát biểu khai mạc"
(notfound.unsaid_doing, `_READ_SPEECH`): reading out a speech is giving it. Questions and sentences of the team's own
sets (teamq8 t-07-hungyen-chotet-2026, teamq15 n-11-ngayhoivieclam-thanhhoa-2025)."""
from __future__ import annotations

import pytest

from retrieval.answering.notfound import unsaid_doing

HUNG_YEN = ("Phát biểu khai mạc, đồng chí Đinh Thị Phương Lan, Chủ tịch LĐLĐ tỉnh Hưng Yên nhấn mạnh: Chợ Tết Công "
            "đoàn là một hoạt động thiết thực trong chương trình \"Tết Sum vầy\" năm 2026")
THANH_HOA = ("Đồng chí Trịnh Thị Hằng, Chủ tịch LĐLĐ tỉnh Thanh Hóa, phát biểu khai mạc và cho biết, năm 2024 toàn "
             "tỉnh có gần 5.000 đoàn viên bị giảm giờ làm, chấm dứt hợp đồng lao động.")
OTHER = "Lần này có thêm 6 doanh nghiệp tuyển lao động đi làm việc tại Nhật Bản và Hàn Quốc theo hợp đồng."


@pytest.mark.parametrize("question, sentence", [
    ("Ai đọc lời khai mạc phiên chợ Tết dành cho công nhân Hưng Yên năm 2026?", HUNG_YEN),
    ("Ai đọc diễn văn khai mạc hội tuyển dụng của công đoàn Thanh Hóa năm 2025?", THANH_HOA),
    ("ai doc dien van khai mac ngay hoi viec lam thanh hoa", THANH_HOA),  # typed without accents
])
def test_reading_out_the_opening_speech_is_told_as_giving_it(question, sentence):
    assert unsaid_doing(question, sentence) == []


def test_a_sentence_that_tells_no_speech_still_tells_against():
    """The speech is the doing, not its occasion: the lede says "khai mạc" of the fair itself, and a sentence about
    the employers at the fair tells no speech either."""
    lede = ("Báo Hưng Yên - Sáng 1-2, LĐLĐ tỉnh Hưng Yên khai mạc \"Chợ Tết Công đoàn\" năm 2026 tại Nhà văn hóa công "
            "nhân KCN Thăng Long II (xã Liêu Xá).")
    assert unsaid_doing("Ai đọc lời khai mạc phiên chợ Tết dành cho công nhân Hưng Yên năm 2026?", lede) == ["đọc", "lời"]
    assert unsaid_doing("Ai đọc diễn văn khai mạc hội tuyển dụng của công đoàn Thanh Hóa năm 2025?", OTHER) == [
        "đọc", "diễn"]
    assert unsaid_doing("Ai đọc thư chúc mừng của Chủ tịch nước?", HUNG_YEN) == ["đọc", "thư"]  # a letter: not read so
