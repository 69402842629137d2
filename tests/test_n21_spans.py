"""Session 21, helper N: spans of the asked kind for number and who questions (sentences written for these tests,
none from the dev or team sets)."""
from retrieval.answering import spans


def test_a_count_bound_to_the_asked_predicate_answers_in_another_unit():
    # "giảm học phí bao nhiêu" reads as money; the school states the cut as a share of the fee
    q = "Trường Mầm non Sao Mai giảm học phí bao nhiêu cho con công nhân?"
    s = "Trường Mầm non Sao Mai giảm 50% học phí cho con công nhân trong năm học mới."
    assert spans.slot("number", q).get("unit") == "money"
    assert spans.extract_span("number", s, q) == "50% học phí"
    # typed without accents (as the pipeline writes "cty", "bn" out), a bonus per month stated as money
    q = "cong ty may binh an thuong chuyen can bao nhieu 1 thang"
    s = "Từ tháng 3, công ty nâng thưởng chuyên cần lên 350.000 đồng mỗi tháng cho mỗi người."
    assert spans.extract_span("number", s, q) == "350.000 đồng"


def test_a_count_of_something_else_stays_no_answer():
    q = "Trường Mầm non Sao Mai giảm học phí bao nhiêu cho con công nhân?"
    # a count the sentence does not bind to the cut of the fee
    assert spans.extract_span("number", "Trường Mầm non Sao Mai hiện có 120 cháu ở ba điểm trường.", q) is None
    # a unit of its own kind asked: told in another unit, it is no answer ("mấy tháng" is no "30 năm")
    q = "Đợt cao điểm tuyên truyền về an toàn lao động kéo dài mấy tháng?"
    assert spans.slot("number", q)["unit"] == "duration"
    assert spans.extract_span("number", "Đợt cao điểm tuyên truyền về an toàn lao động kéo dài 30 ngày.", q) is None


def test_money_asked_a_count_of_things_bound_to_the_predicate_is_still_no_answer():
    q = "Công đoàn ngành Dệt may hỗ trợ công nhân bị ngập lụt bao nhiêu tiền?"
    assert spans.extract_span("number", "Công đoàn ngành Dệt may hỗ trợ 300 suất quà cho công nhân bị ngập lụt.", q) is None
    # people counted, money bound to the predicate: of something else
    q = "Công đoàn ngành Dệt may hỗ trợ bao nhiêu công nhân bị ngập lụt?"
    s = "Công đoàn ngành Dệt may hỗ trợ 2 triệu đồng cho mỗi gia đình công nhân bị ngập lụt."
    assert spans.extract_span("number", s, q) is None


def test_a_body_question_s_predicate_said_by_its_verb_or_its_object():
    q = "Đơn vị nào nhận số sách công nhân quyên góp năm 2024?"
    s = "Dự lễ có lãnh đạo Thư viện tỉnh và Trung tâm Công tác xã hội tỉnh, đơn vị tiếp nhận sách năm nay."
    assert spans.type_fit("who", s, q) == 1.0
    assert spans.extract_span("who", s, q) == "Trung tâm Công tác xã hội tỉnh"
    # a sentence that never says the doing: the organiser of the day is not the one asked
    lede = "Sáng 5/5, Công đoàn Khu kinh tế tỉnh tổ chức ngày hội quyên góp sách cho công nhân năm 2024."
    assert spans.type_fit("who", lede, q) < 0.5
    q = "Đội nào đoạt giải nhì toàn đoàn hội thao công nhân năm nay?"
    s = "Giải nhì toàn đoàn thuộc về Công đoàn Công ty Cổ phần Cơ khí Hòa Bình."
    assert spans.type_fit("who", s, q) == 1.0
    # folded, "nhan" is also the "nhân" of "công nhân": typed without accents the verb alone says nothing
    q = "don vi nao nhan so sach cong nhan quyen gop nam 2024"
    assert spans.type_fit("who", lede, q) < 0.5


def test_who_did_it_is_named_where_the_doing_is_told():
    q = "Ai là người điều hành hội nghị tổng kết phong trào thi đua của Công đoàn ngành Xây dựng?"
    told = "Hội nghị do đồng chí Lê Văn Tâm, Phó Chủ tịch Công đoàn ngành, chủ trì."
    other = "Đồng chí Lê Văn Tâm cho biết phong trào thi đua năm nay thu hút hơn 2.000 đoàn viên."
    assert spans.says_doing(told, q) and not spans.says_doing(other, q)
    assert spans.type_fit("who", told, q) > spans.type_fit("who", other, q) > 0.5
    # the verb as typed with accents, or the office asked: no doing to look for
    assert spans.says_doing("Bà Hà Thị Lý trao 30 suất quà cho công nhân.", "Ai trao quà cho công nhân nhà trọ?")
    assert spans.says_doing(other, "Chủ tịch Công đoàn ngành Xây dựng là ai?")


def test_a_name_with_an_apostrophe_is_one_person():
    s = "Dự lễ có bà H'Hoa Niê, Chủ tịch Công đoàn huyện Krông Ana, cùng hơn 200 công nhân."
    assert spans.extract_span("who", s, "Chủ tịch Công đoàn huyện Krông Ana là ai?") == "bà H'Hoa Niê"
    assert spans.extract_span("who", "Ông K'Sor Thương phát biểu khai mạc hội thi.", "Ai phát biểu khai mạc hội thi?") \
        == "Ông K'Sor Thương"


def test_a_count_of_a_quoted_name_counts_that_name():
    from knowledge import facts
    s = "Dịp này, Công đoàn ngành Y tế trao 12 “Mái ấm Công đoàn” và 8 căn “Nhà nghĩa tình” cho đoàn viên."
    assert [n.text for n in facts.numbers(s)] == ["12 “Mái ấm Công đoàn”", "8 căn “Nhà nghĩa tình”"]
    q = "Công đoàn ngành Y tế trao bao nhiêu Mái ấm Công đoàn?"
    assert spans.extract_span("number", s, q) == "12 “Mái ấm Công đoàn”"
    # a quote that names no counted thing after a noun stays outside the count
    assert [n.text for n in facts.numbers("Có 15 gian hàng “0 đồng” cho công nhân.")][0] == "15 gian hàng"
