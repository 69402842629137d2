"""Session 35 (helper D): a grade the question asks by its name that the quoted sentence or the article tells of
another — a wage region ("vùng III" asked, "vùng I" told: notfound.another_region), a press award's rank ("giải A":
notfound.unsaid_rank / another_prize), a round named with its own noun ("đợt giải ngân thứ 2": notfound.unheld_rounds).
Sentences written for these tests (no dev or team data)."""
from __future__ import annotations

import pytest

from retrieval.answering.notfound import another_prize, another_region, evidence_against, unheld_rounds, unsaid_rank


@pytest.mark.parametrize("question, sentence, region", [
    ("Lương tối thiểu vùng III năm 2026 là bao nhiêu?",
     "Mức lương tối thiểu tháng vùng I tăng lên 5.310.000 đồng/tháng.", "vùng 3"),
    ("luong toi thieu vung 2 bao nhieu", "Lương tối thiểu vùng I là 5.310.000 đồng, vùng IV là 3.700.000 đồng.",
     "vùng 2"),  # typed without accents, by digits
    ("Lương tối thiểu vùng II là bao nhiêu?", "Vùng I lên 5.310.000 đồng/tháng; vùng II lên 4.730.000 đồng/tháng.", ""),
    ("Lương tối thiểu vùng III là bao nhiêu?", "Lương tối thiểu vùng I, II và III đều tăng 7,2%.", ""),  # a list
    ("Lương tối thiểu vùng III là bao nhiêu?", "Từ ngày 1/1/2026, lương tối thiểu tăng bình quân 7,2%.", ""),  # none told
    ("Lương tối thiểu vùng tăng bao nhiêu phần trăm?", "Mức lương tối thiểu tháng vùng I tăng 7,2%.", ""),  # none asked
    ("Công nhân vùng in ấn được tăng lương bao nhiêu?", "Vùng I tăng 350.000 đồng.", ""),  # "vùng in" is no region
])
def test_a_wage_region_asked_and_another_told(question, sentence, region):
    assert another_region(question, sentence) == region


def test_another_region_is_hard_evidence():
    against = evidence_against("Lương tối thiểu vùng IV là bao nhiêu?", "Vùng I lên 5.310.000 đồng/tháng.", "number",
                               "5.310.000 đồng/tháng")
    assert "another_region" in against


@pytest.mark.parametrize("question, sentence, rank", [
    ("Tác phẩm nào đoạt giải A giải báo chí tỉnh?", "Giải lần này có chủ đề “Người thợ trong thời đại mới”.", "giải A"),
    ("Tác phẩm nào đoạt giải A giải báo chí tỉnh?", "Giải A thuộc về loạt bài “Ca đêm” của báo Lao Động.", ""),
    ("Tác phẩm nào đoạt giải B?", "Giải A thuộc về loạt bài “Ca đêm”.", "giải B"),
])
def test_a_press_award_rank_asked(question, sentence, rank):
    assert unsaid_rank("what", question, sentence) == rank


def test_a_count_of_one_press_rank_is_not_another_s():
    assert another_prize("number", "Có bao nhiêu giải C?", "Ban giám khảo trao 4 giải B.", "4 giải B") == "giải b"  # folded, as every rank it shows
    assert another_prize("number", "Có bao nhiêu giải C?", "Ban giám khảo trao 4 giải B và 5 giải C.", "4 giải B") == ""


ROUND_ONE = ("Tây Bắc giải ngân vốn vay cho đoàn viên\n"
             "Sáng 5/3/2024, LĐLĐ tỉnh giải ngân vốn vay cho đoàn viên đợt 1 năm 2024. "
             "Đợt này có 120 đoàn viên được vay, mỗi người 30 triệu đồng.")
ROUND_TWO_NAMED = ("Tây Bắc giải ngân vốn vay cho đoàn viên\n"
                   "Sáng 5/9/2024, LĐLĐ tỉnh tổ chức đợt giải ngân thứ hai trong năm cho 90 đoàn viên.")


@pytest.mark.parametrize("question, article, unheld", [
    ("Đợt giải ngân thứ 2 năm 2024 có bao nhiêu đoàn viên được vay?", ROUND_ONE, ["đợt 2"]),
    ("Đợt giải ngân thứ nhất có bao nhiêu đoàn viên được vay?", ROUND_ONE, []),
    ("Đợt giải ngân thứ 2 có bao nhiêu đoàn viên được vay?", ROUND_TWO_NAMED, []),  # told with its noun too
    ("Đợt thứ 2 có bao nhiêu đoàn viên được vay?", ROUND_ONE, ["đợt 2"]),
])
def test_a_round_named_with_its_noun(question, article, unheld):
    assert unheld_rounds(question, *article.split("\n", 1)) == unheld


@pytest.mark.parametrize("sentence", [
    "Ban giám khảo trao 20 giải, gồm 1 giải đặc biệt, 2 giải A, 4 giải B và 5 giải C.",
    "Mỗi giải A trị giá 15 triệu đồng.",
])
def test_a_rank_counted_or_priced_names_no_winner(sentence):
    assert unsaid_rank("what", "Tác phẩm nào đoạt giải A?", sentence) == "giải A"


def test_a_winner_s_own_count_of_a_rank_names_the_winner():
    assert unsaid_rank("who", "Đội nào đạt giải Nhất?", "Đội Phân xưởng Dệt đạt 2 giải Nhất và 1 giải Ba.") == ""


def test_how_long_asks_a_duration_whatever_money_it_names():
    from retrieval.answering.spans import slot
    assert slot("number", "Đoàn viên vay vốn công đoàn được giữ tiền tối đa bao lâu?") == {"unit": "duration"}
    assert slot("number", "Vay vốn bao nhiêu tiền, trả trong bao lâu?")["unit"] == "money"  # an amount asked too


def test_a_physician_s_specialist_grade_is_no_term():
    """"chuyên khoa II" is a physician's grade, folded like "khóa II": no other term told."""
    from retrieval.answering.notfound import another_ordinal
    q = "Ai được bầu làm Chủ tịch Công đoàn Bệnh viện tỉnh khóa XIII?"
    assert another_ordinal(q, "Bác sĩ chuyên khoa II Trần Văn Hòa được bầu làm Chủ tịch.") == []
    assert another_ordinal(q, "Ông Trần Văn Hòa từng là Chủ tịch công đoàn khóa XII.") == ["khóa 12"]


@pytest.mark.parametrize("question, sentence, span", [
    ("Hai bên đàm phán mấy lần mới thống nhất mức lương?", "Sau 3 phiên thương lượng, hai bên thống nhất mức 7%.",
     "3 phiên thương lượng"),
    ("Công đoàn tổ chức mấy buổi tọa đàm?", "Công đoàn tổ chức 3 tọa đàm tại các xưởng.", "3 tọa đàm"),  # a classifier
    ("Chuyên viên giải đáp bao nhiêu thắc mắc của công nhân?", "Chuyên viên đã giải đáp 52 câu hỏi của công nhân.",
     "52 câu hỏi"),
])
def test_a_count_told_under_another_name_of_its_class(question, sentence, span):
    from knowledge import facts
    from retrieval.answering.spans import agrees, slot
    start = sentence.index(span)
    assert agrees(slot("number", question), facts.Span("number", start, start + len(span), span), sentence)


def test_a_count_of_another_class_does_not_agree():
    from knowledge import facts
    from retrieval.answering.spans import agrees, slot
    sentence = "Buổi đối thoại có 120 công nhân tham dự."
    span = "120 công nhân"
    start = sentence.index(span)
    assert not agrees(slot("number", "Công nhân nêu bao nhiêu thắc mắc?"),
                      facts.Span("number", start, start + len(span), span), sentence)


def test_a_foreign_province_the_article_never_names():
    from retrieval.answering.notfound import missing_foreign_provinces
    article = "ngay 3 5 2024 ldld tinh quang tri tiep doan dai bieu lien hiep cong doan tinh savannakhet lao"
    assert missing_foreign_provinces("Đoàn Công đoàn tỉnh Attapeu sang Quảng Trị ngày nào?", article) == ["tỉnh Attapeu"]
    assert missing_foreign_provinces("Đoàn Công đoàn tỉnh Savannakhet sang Quảng Trị ngày nào?", article) == []
    assert missing_foreign_provinces("LĐLĐ tỉnh Kon Tum tiếp đoàn nào?", article) == []  # a Vietnamese province: other_place's
    assert missing_foreign_provinces("doan cong doan tinh attapeu sang quang tri ngay nao", article) == []  # no capitals
