""""Đơn vị / đội nào giành giải cao nhất": the holder news names after "giải Nhất … thuộc về", not the holders of the
ranks listed after it (spans.top_prize_holders, TOP_PRIZE_HOLDER_SCORE). The team's own sentences (teamq8 tq075,
teamq18 hq133)."""
from __future__ import annotations

from retrieval.answering.spans import span_candidates, top_prize_holders

_SONGS = ("Kết quả, giải Nhất toàn đoàn thuộc về Công đoàn Khu kinh tế Dung Quất; giải Nhì thuộc về Công đoàn ngành Y "
          "tế và Công đoàn Công ty CP Đường Quảng Ngãi; giải Ba thuộc về Công đoàn huyện Bình Sơn, Công đoàn ngành Giáo "
          "dục và Công đoàn Viên chức tỉnh.")
_NURSES = ("Kết quả, giải Nhất thuộc về đội Trung tâm Y tế huyện Cẩm Xuyên; giải Nhì thuộc về đội Bệnh viện Đa khoa "
           "tỉnh; giải Ba thuộc về đội Bệnh viện Phục hồi chức năng.")


def test_the_first_prize_holder_is_read_up_to_the_next_rank():
    assert [s.text for s in top_prize_holders(_SONGS)] == ["Công đoàn Khu kinh tế Dung Quất"]
    assert [s.text for s in top_prize_holders(_NURSES)] == ["đội Trung tâm Y tế huyện Cẩm Xuyên"]
    assert top_prize_holders("Giải Nhì thuộc về đội Bệnh viện Đa khoa tỉnh.") == []


def _best(question: str, sentence: str) -> str:
    return max(span_candidates("who", sentence, question), key=lambda c: c[0])[1].text


def test_the_highest_prize_asked_is_answered_by_its_holder():
    assert _best("Đơn vị nào giành giải cao nhất toàn đoàn ở cuộc thi hát công nhân Quảng Ngãi năm 2025?",
                 _SONGS) == "Công đoàn Khu kinh tế Dung Quất"
    assert _best("Đơn vị nào thắng giải cao nhất cuộc thi dành cho nữ y bác sĩ Hà Tĩnh dịp 8/3/2025?",
                 _NURSES) == "đội Trung tâm Y tế huyện Cẩm Xuyên"
