"""A contest's result told for another category than asked (notfound.another_category), and a quote joining two
sentences read for the one holding the span (answer.span_sentence). Sentences written for these tests (no dev data)."""
from __future__ import annotations

import pytest

from retrieval.answering.answer import Answer, span_sentence
from retrieval.answering.choose import Option
from retrieval.answering.notfound import another_category, category_told, evidence_against


@pytest.mark.parametrize("question, sentence, category", [
    ("Môn cầu lông hội thao công nhân lần thứ 5 ai vô địch?",
     "Ở môn bóng đá nam, đội Công đoàn Công ty Cơ khí Đông Á vô địch sau loạt sút luân lưu.", "cầu lông"),
    ("mon keo co hoi thao ai vo dich vay",  # typed without accents
     "Môn bóng chuyền hơi nữ, đội Phân xưởng Dệt giành chức vô địch.", "kéo co"),
    ("Ai về nhất cự ly 10 km nam giải chạy vì công nhân?",
     "Cự ly 5 km nữ, chị Lò Thị Sen về nhất với thời gian 21 phút.", "10 km"),
    ("Môn cầu lông hội thao công nhân ai vô địch?",
     "Ở môn cầu lông, anh Trần Minh vô địch đơn nam; môn bóng bàn thuộc về đội Cảng.", ""),  # the sport asked is told
    ("Môn cầu lông hội thao công nhân ai vô địch?",
     "Phát biểu bế mạc, đồng chí Nguyễn Văn An đánh giá hội thao thành công.", ""),  # no other sport: not this check's
    ("Ai về nhất cự ly 10 km nam?", "Cự ly 10 km nam, anh Hà Văn Tú về nhất.", ""),
    ("giai nhat nghe han hoi thi tay nghe cong nhan la ai",
     "Giải nhất nghề tiện thuộc về anh Vũ Văn Long; giải nhất nghề điện công nghiệp thuộc về chị Hà Thu.", "nghề han"),
    ("Giải nhất nghề tiện hội thi tay nghề công nhân là ai?",
     "Giải nhất nghề tiện thuộc về anh Vũ Văn Long; giải nhất nghề điện công nghiệp thuộc về chị Hà Thu.", ""),
    ("Giải nhất hội thi tay nghề công nhân là ai?",  # "tay nghề" names the contest, no trade
     "Giải nhất nghề tiện thuộc về anh Vũ Văn Long.", ""),
    ("hoi thi tay nghe nam nay bo sung them nghe gi",  # the trade is what is asked
     "Năm nay hội thi bổ sung thêm nghề lắp ráp điện tử.", ""),
    ("le trao chung chi nghe nam 2025 to chuc o dau",  # no winner asked: "nghề" is the job in general
     "Lễ tổng kết đề án và trao chứng chỉ nghề hàn cho 850 công nhân.", ""),
    ("Ai phát biểu khai mạc hội thao?", "Ở môn bóng đá nam, đội Cơ khí Đông Á vô địch.", ""),  # no category asked
])
def test_a_result_told_for_another_sport_or_distance(question, sentence, category):
    assert another_category(question, sentence) == category


def test_another_category_is_hard_evidence_and_only_a_sentence_telling_the_one_asked_answers():
    q = "Môn cầu lông hội thao công nhân lần thứ 5 ai vô địch?"
    told = "Ở môn bóng đá nam, đội Công đoàn Công ty Cơ khí Đông Á vô địch sau loạt sút luân lưu."
    assert "another_category" in evidence_against(q, told, "who", "Công ty Cơ khí Đông Á")
    assert category_told(q, "Môn cầu lông đơn nữ, chị Lò Thị Sen giành chức vô địch.")
    assert not category_told(q, "Phát biểu bế mạc, đồng chí Nguyễn Văn An đánh giá hội thao thành công.")


def _option(i: int, text: str) -> Option:
    return Option(i, 0, text, "", {"fit": 1.0})


def test_a_quote_of_two_sentences_is_read_for_the_one_holding_the_span():
    """The close sentence names the rank asked ("3 giải Ba") of a count; the winner named is in its neighbour."""
    a = "Kết quả, anh Hoàng Văn Bình đạt giải Nhất; giải Nhì thuộc về anh Lý Văn Sơn."
    b = "Ban tổ chức trao 1 giải Nhất, 2 giải Nhì và 3 giải Ba cho các thí sinh."
    opts = [_option(0, a), _option(1, b), _option(2, "Hội thi kết thúc chiều cùng ngày.")]
    pair = Answer("Ai giành giải Ba?", True, "who", span="anh Lý Văn Sơn", sentence=f"{a} {b}", options=opts)
    assert span_sentence(pair) == a
    alone = Answer("Ai giành giải Nhì?", True, "who", span="anh Lý Văn Sơn", sentence=a, options=opts)
    assert span_sentence(alone) == a
    unknown = Answer("Ai giành giải Ba?", True, "who", span="anh Lý Văn Sơn", sentence=f"{a} {b}", options=None)
    assert span_sentence(unknown) == f"{a} {b}"  # nothing to tell the sentences apart by: the quote as it is


@pytest.mark.parametrize("question, parks", [
    ("trung thu cho con cn kcn dinh tram nam 2025 to chuc hom nao z", ["dinh tram"]),
    ("nhà trẻ cho con công nhân ở khu công nghiệp chu lai tên là gì", ["chu lai"]),
    ("Nhà trẻ ở KCN Chu Lai tên gì?", []),  # with capitals: `occasion._places_of_kind` reads it
    ("kcn nao co nha tre cho con cong nhan", []),
    ("kcn vsip co bao nhieu cong nhan", []),  # one word and a question word: no two-word name
])
def test_an_industrial_park_typed_in_lower_case(question, parks):
    from retrieval.answering.occasion import parks_typed_low
    assert parks_typed_low(question) == parks


def test_a_park_typed_in_lower_case_that_the_lede_names_otherwise_is_another_occasion():
    from retrieval.answering.occasion import another_occasion
    title = "Trung thu ấm áp cho con công nhân Khu công nghiệp Vân Trung"
    text = ("Tối 4-10-2025, tại Nhà văn hóa công nhân Khu công nghiệp Vân Trung, LĐLĐ tỉnh tổ chức đêm hội trăng rằm "
            "cho con công nhân. Chương trình trao 500 phần quà.")
    said = "Chương trình trao 500 phần quà."
    assert another_occasion("trung thu cho con cn kcn dinh tram trao bao nhieu qua", said, title, text) == ["dinh tram"]
    assert another_occasion("trung thu cho con cn kcn van trung trao bao nhieu qua", said, title, text) == []


def test_a_park_named_only_in_the_close_neighbour_of_the_span_s_sentence_is_another_occasion():
    """A quote of two sentences: the close one names the park asked as another agreement's ("sau bản thỏa ước nhóm
    tại KCN Thăng Long II"), the one holding the span never does — the lede names its own park otherwise."""
    from retrieval.answering.occasion import another_occasion
    title = "Hưng Yên: 9 doanh nghiệp KCN Minh Đức ký thỏa ước nhóm"
    text = "Ngày 10/4/2025, LĐLĐ tỉnh tổ chức lễ ký thỏa ước nhóm doanh nghiệp Khu công nghiệp Minh Đức."
    own = "Thỏa ước có sự tham gia của 9 doanh nghiệp ngành may."
    close = "Đây là bản thỏa ước nhóm thứ hai của tỉnh, sau bản thỏa ước nhóm tại KCN Thăng Long II."
    q = "Thỏa ước nhóm ở KCN Thăng Long II có bao nhiêu doanh nghiệp tham gia?"
    assert another_occasion(q, f"{own} {close}", title, text) == []  # the joined quote writes the park
    assert another_occasion(q, f"{own} {close}", title, text, own_sentence=own) == ["thăng long ii"]
