"""A winner asked by the rank won, and a sentence that never says that rank (notfound.unsaid_rank). Sentences written
for these tests (no dev data)."""
from __future__ import annotations

import pytest

from retrieval.answering.notfound import evidence_against, unsaid_rank


@pytest.mark.parametrize("question, sentence, rank", [
    ("Ai đoạt giải Nhất hội thi tay nghề?", "Hội thi có sự tham gia của anh Lê Văn Tâm, thợ hàn Công ty Cơ khí Đông Á.",
     "giải Nhất"),
    ("ai gianh huy chuong bac don nu giai bong ban", "Ở nội dung đơn nữ, chị Phạm Thu Hà giành huy chương vàng.",
     "huy chuong bac"),  # typed without accents: shown so
    ("Giải Khuyến khích hội thi nấu ăn thuộc về ai?", "Chị Lò Thị Sen chia sẻ niềm vui sau khi nhận giải.",
     "Giải Khuyến khích"),
    ("Ai đoạt giải Nhất hội thi tay nghề?", "Giải Nhất thuộc về anh Lê Văn Tâm, thợ hàn Công ty Cơ khí Đông Á.", ""),
    ("Đội nào đạt giải ba?", "Kết quả, đội Phân xưởng Dệt đạt giải Ba toàn đoàn.", ""),
    ("Ai giành huy chương bạc?", "Anh Trần Minh giành huy chương Bạc nội dung đơn nam.", ""),
    ("Ai phát biểu khai mạc hội thi?", "Đồng chí Nguyễn Văn An phát biểu khai mạc.", ""),  # no rank asked
])
def test_a_winner_asked_by_rank_is_told_with_that_rank(question, sentence, rank):
    assert unsaid_rank("who", question, sentence) == rank


def test_a_count_of_a_rank_is_another_prize_s_concern():
    """A count of prizes of a rank ("bao nhiêu giải Nhất") is `another_prize`'s: not read here."""
    assert unsaid_rank("number", "Hội thi trao bao nhiêu giải Nhất?", "Ban tổ chức trao 12 giải.") == ""


def test_the_rank_unsaid_is_hard_evidence():
    against = evidence_against("Ai đoạt giải Nhất hội thi tay nghề?",
                               "Hội thi có sự tham gia của anh Lê Văn Tâm, thợ hàn.", "who", "anh Lê Văn Tâm")
    assert "unsaid_rank" in against
