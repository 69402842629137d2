"""A round of relief asked by its number ("đợt 2", "đợt 3") that the article never reports as held (notfound.unheld_rounds):
it names the round only as a plan or a request, or not at all. Articles written for these tests (no dev data), in the
manner of the team's relief reports."""
from __future__ import annotations

import pytest

from retrieval.answering.notfound import unheld_rounds

# Two rounds held and counted ("hai đợt"); the third never written.
HELD_TWO = ("LĐLĐ tỉnh Lào Cai trao hỗ trợ đợt 2 cho đoàn viên bị thiệt hại do bão\n"
            "Ngày 20/9/2024, LĐLĐ tỉnh Lào Cai tổ chức trao tiền hỗ trợ đợt 2 cho đoàn viên bị thiệt hại do bão số 3. "
            "Ngay sau bão, LĐLĐ tỉnh đã hỗ trợ đợt 1 cho 500 đoàn viên, mỗi người 2 triệu đồng. "
            "Trong đợt 2, gia đình có đoàn viên tử vong được hỗ trợ 20 triệu đồng. "
            "Tổng số tiền hỗ trợ hai đợt gần 3 tỷ đồng.")
# The second round told only as what is to come: "sẽ" (a plan) and "đề nghị … để" (a request).
PLANNED = ("LĐLĐ tỉnh Quảng Bình hỗ trợ đoàn viên sau bão số 4\n"
           "Sáng 2/10/2025, LĐLĐ tỉnh Quảng Bình trao hỗ trợ cho 600 đoàn viên bị thiệt hại do bão số 4. "
           "Đợt này, mỗi đoàn viên được nhận 1 triệu đồng từ tài chính công đoàn. "
           "LĐLĐ tỉnh sẽ tiếp tục rà soát để hỗ trợ đợt 2 cho đoàn viên mất nhà.")
REQUESTED = ("LĐLĐ tỉnh Long An hỗ trợ đoàn viên mất việc\n"
             "Đợt này, LĐLĐ tỉnh hỗ trợ 1.200 đoàn viên, mỗi người 1 triệu đồng. "
             "Đồng chí Trần Văn Nam đề nghị công đoàn cơ sở lập danh sách để trong tháng 8 LĐLĐ tỉnh trao hỗ trợ đợt 2.")


@pytest.mark.parametrize("question, article, unheld", [
    ("Đợt 3 hỗ trợ đoàn viên Lào Cai sau bão được bao nhiêu tiền?", HELD_TWO, ["đợt 3"]),
    ("Trong đợt 2, đoàn viên Lào Cai có người tử vong được hỗ trợ bao nhiêu?", HELD_TWO, []),
    ("LĐLĐ Lào Cai hỗ trợ đợt 1 cho bao nhiêu đoàn viên?", HELD_TWO, []),
    ("dot 2 ldld lao cai trao ho tro ngay nao", HELD_TWO, []),  # typed without accents
    ("LĐLĐ tỉnh Quảng Bình hỗ trợ đợt 2 sau bão số 4 cho bao nhiêu đoàn viên?", PLANNED, ["đợt 2"]),
    ("Đợt 2 LĐLĐ Long An hỗ trợ bao nhiêu đoàn viên mất việc?", REQUESTED, ["đợt 2"]),
    ("LĐLĐ Long An dự kiến trao hỗ trợ đợt 2 vào tháng mấy?", REQUESTED, []),  # the plan itself is asked
    ("Đợt hỗ trợ của LĐLĐ Long An trao cho bao nhiêu đoàn viên?", REQUESTED, []),  # no round by number
    ("Đợt thứ hai LĐLĐ Lào Cai hỗ trợ gia đình có người tử vong bao nhiêu?", HELD_TWO, []),
    ("Đợt thứ ba LĐLĐ Lào Cai hỗ trợ bao nhiêu tiền?", HELD_TWO, ["đợt ba"]),
])
def test_a_round_asked_by_number_and_never_reported_held(question, article, unheld):
    title, text = article.split("\n", 1)
    assert unheld_rounds(question, title, text) == unheld


def test_rounds_counted_as_held_cover_every_round_up_to_the_count():
    article = "Từ đầu năm, quỹ đã giải ngân 3 đợt cho công nhân vay vốn, tổng cộng 12 tỷ đồng."
    assert unheld_rounds("Đợt 2 quỹ giải ngân bao nhiêu tiền?", "Quỹ trợ vốn giải ngân cho công nhân", article) == []
    assert unheld_rounds("Đợt 4 quỹ giải ngân bao nhiêu tiền?", "Quỹ trợ vốn giải ngân cho công nhân", article) == ["đợt 4"]


def test_a_round_told_by_another_word_for_a_numbered_time_is_held():
    article = "Ngày 5/6/2025, Công đoàn Công ty tổ chức lần 2 chương trình khám sức khỏe miễn phí cho 300 công nhân."
    assert unheld_rounds("Đợt 2 khám sức khỏe có bao nhiêu công nhân?", "Khám sức khỏe cho công nhân", article) == []


def test_an_article_announcing_its_event_answers_the_round_it_plans():
    title = "LĐLĐ tỉnh sẽ trao hỗ trợ đợt 2 cho đoàn viên mất việc"
    text = "Dự kiến trong tháng 7, LĐLĐ tỉnh sẽ trao hỗ trợ đợt 2 cho 800 đoàn viên, mỗi người 1 triệu đồng."
    assert unheld_rounds("Đợt 2 LĐLĐ tỉnh hỗ trợ bao nhiêu đoàn viên?", title, text) == []
