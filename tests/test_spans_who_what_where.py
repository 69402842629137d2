"""Session 18, helper A: the sentence and span for who / what / where forms (sentences written for these tests)."""
from retrieval.answering import spans


def test_an_occasion_after_tai_is_no_place():
    q = "Lễ tuyên dương công nhân giỏi diễn ra ở đâu?"
    event = "Ông Phạm Văn Lộc - Chủ tịch công đoàn xưởng phát biểu tại buổi lễ."
    venue = "Lễ tuyên dương công nhân giỏi diễn ra tại Nhà văn hóa Công nhân Khu công nghiệp Tân Phú."
    assert spans.extract_span("where", event, q) is None
    assert spans.type_fit("where", event, q) == 0.0
    assert spans.extract_span("where", venue, q) == "Nhà văn hóa Công nhân Khu công nghiệp Tân Phú"
    # an occasion first, the place named after it: the place
    both = "Các em nhận quà tại chương trình Trăng rằm ở Cung Văn hóa Lao động tỉnh."
    assert spans.extract_span("where", both, "Các em nhận quà ở đâu?") == "Cung Văn hóa Lao động tỉnh"


def test_the_doer_of_a_passive_may_be_a_list_of_groups():
    q = "Ai biểu diễn các tiết mục văn nghệ trong đêm giao lưu?"
    passive = "Đêm giao lưu gồm 12 tiết mục văn nghệ do công nhân, kỹ sư các phân xưởng tham gia biểu diễn."
    assert spans.extract_span("who", passive, q) == "công nhân, kỹ sư các phân xưởng"
    assert spans.type_fit("who", passive, q) == 1.0
    # "biểu diễn" is one word: its syllables are not a verb and an object apart ("đại biểu … đại diện")
    listed = "Tham dự có Sở Lao động tỉnh và 80 đại biểu đại diện cho công nhân các phân xưởng."
    assert spans.extract_span("who", listed, q) != "Sở Lao động tỉnh và 80 đại"
    assert spans.is_word("bieu dien") and not spans.is_word("trao ky")
    # "lý do" is no doer
    assert spans.extract_span("who", "Lý do công nhân biểu diễn muộn là trời mưa.", q) is None


def test_a_place_noun_asked_is_quoted_whole():
    said = "Sáng 8/3, tại thành phố Tuy Hòa, công đoàn ngành giáo dục tổ chức hội thi."
    for q in ("Hội thi của công đoàn ngành giáo dục tổ chức ở thành phố nào?", "hoi thi to chuc o thanh pho nao"):
        assert spans.extract_span("where", said, q) == "thành phố Tuy Hòa"


def test_who_is_the_one_asks_the_doer_as_who_does():
    q = "Ai là người trao cờ thi đua cho công đoàn xưởng dệt?"
    said = "Tại lễ tổng kết, Phó Chủ tịch LĐLĐ tỉnh Đinh Văn Hòa trao cờ thi đua cho công đoàn xưởng dệt."
    assert spans.extract_span("who", said, q) == "Đinh Văn Hòa"
    assert spans.type_fit("who", said, q) == 1.0


def test_a_count_with_its_noun_before_the_figure():
    q = "Có bao nhiêu đội tham gia hội thao công nhân?"
    for said in ("Số đội tham gia hội thao công nhân năm nay là 18 đội.", "Tổng số đội tham gia hội thao công nhân: 18."):
        assert spans.noun_before(spans.facts.Span("number", said.index("18"), said.index("18") + 2, "18"), said)[:1] == ["doi"]
        assert spans.extract_span("number", said, q).startswith("18")
        assert spans.type_fit("number", said, q) > 0.5
    # "số" of another noun: no count of the teams
    other = "Số vận động viên tham gia hội thao là 180, đến từ 18 công đoàn cơ sở."
    assert spans.extract_span("number", other, q) is None
    assert spans.type_fit("number", other, q) == 0.2


def test_the_doer_after_a_connective_or_before_initials_in_brackets():
    q = "Ai hỗ trợ 30 triệu đồng sửa nhà cho anh Tuấn?"
    said = "Tổng kinh phí sửa nhà là 50 triệu đồng; trong đó Quỹ Xã hội công đoàn tỉnh hỗ trợ 30 triệu đồng."
    assert spans.extract_span("who", said, q) == "Quỹ Xã hội công đoàn tỉnh"
    q = "Ai tổ chức giải bóng đá công nhân năm nay?"
    said = "Liên đoàn Lao động (LĐLĐ) quận Ngũ Hành Sơn vừa tổ chức giải bóng đá công nhân năm nay."
    assert spans.extract_span("who", said, q) == "Liên đoàn Lao động (LĐLĐ) quận Ngũ Hành Sơn"
    # tense and manner words between the doer and the verb are no part of the doer
    said = "Sáng 2/9, Ban Nữ công đã trực tiếp tổ chức giải bóng đá công nhân năm nay."
    assert spans.extract_span("who", said, q) == "Ban Nữ công"
