"""Session 16, helper B: spans for forms the team's fresh sets missed (sentences written for these tests)."""
from retrieval.answering import spans
from retrieval.params import TOTAL_FOR_RATE_FIT


def test_one_units_amount_is_the_rate_not_the_total():
    total = "Hai mươi đoàn viên nhận thưởng, tổng cộng 48 triệu đồng từ quỹ của công đoàn cơ sở."
    rate = "Năm nay mức thưởng là 2,4 triệu đồng mỗi người, cao hơn năm trước."
    slash = "Công ty chi 2,4 triệu đồng/người, tổng kinh phí 48 triệu đồng."
    for q in ("Mức thưởng cho mỗi đoàn viên là bao nhiêu?", "muc thuong cho moi doan vien la bao nhieu"):
        assert spans.rate_asked(q)
        assert spans.type_fit("number", total, q) == TOTAL_FOR_RATE_FIT
        assert spans.extract_span("number", rate, q) == "2,4 triệu đồng"
        assert spans.type_fit("number", rate, q) > 0.75
        assert spans.extract_span("number", slash, q) == "2,4 triệu đồng/người"
    # a total asked, or "mới" (new) typed without accents before no unit, asks no rate
    assert not spans.rate_asked("Tổng cộng mỗi đoàn viên được bao nhiêu tiền?")
    assert not spans.rate_asked("Năm nay công đoàn mới kết nạp bao nhiêu người?")
    assert not spans.rate_asked("nam nay cong doan moi ket nap bao nhieu nguoi")


def test_a_difference_asked_is_the_amount_after_the_comparative():
    from retrieval.params import COMPARED_NONE_FIT
    told = "Vé xem phim cho đoàn viên rẻ hơn khoảng 40% so với giá bán tại quầy."
    other = "Mỗi tháng đoàn viên được phát 2 vé, giá niêm yết 90.000 đồng/vé."
    for q in ("Vé cho đoàn viên rẻ hơn giá bán tại quầy khoảng bao nhiêu?", "ve cho doan vien re hon gia ban bao nhieu vay"):
        assert spans.slot("number", q)["unit"] == "difference"
        assert spans.extract_span("number", told, q) == "khoảng 40%"
        assert spans.type_fit("number", other, q) == COMPARED_NONE_FIT < spans.type_fit("number", told, q)
    # a noun counted after "bao nhiêu" is no difference asked
    assert "noun" in spans.slot("number", "Năm nay nhiều hơn năm trước bao nhiêu người?")


def test_several_bodies_asked_are_the_list_after_their_representatives():
    q = "Những cơ quan nào cử đại diện dự lễ kỷ niệm của công đoàn tỉnh?"
    listed = "Về dự buổi lễ có lãnh đạo Thành ủy, HĐND, UBND thành phố, các cựu cán bộ hưu trí."
    assert spans.extract_span("who", listed, q) == "Thành ủy, HĐND, UBND thành phố"
    assert spans.type_fit("who", listed, q) == 1.0
    ended = "Tham dự có lãnh đạo Ban Dân vận Tỉnh ủy, Sở Nội vụ, Bảo hiểm xã hội tỉnh và 120 đại biểu."
    assert spans.extract_span("who", ended, q) == "Ban Dân vận Tỉnh ủy, Sở Nội vụ, Bảo hiểm xã hội tỉnh"
    assert spans.extract_span("who", "Tham dự có lãnh đạo Sở Y tế và Sở Tài chính.", q) == "Sở Y tế và Sở Tài chính"
    # one body is no list; a person elected is no body
    assert spans._body_list("Tham dự có lãnh đạo Sở Y tế tỉnh.") == []
    assert spans.type_fit("who", "Đồng chí Nguyễn Văn Bình được bầu làm Chủ tịch.", q) < 1.0


def test_a_partner_asked_by_with_whom_is_the_words_after_the_verb():
    q = "Trong đợt thi đua, công đoàn huyện liên kết với ai để lập phương án?"
    s = "Công đoàn huyện liên kết với các phòng ban của huyện lập phương án, rồi báo cáo tỉnh."
    assert spans.extract_span("who", s, q) == "các phòng ban của huyện"
    q2 = "Công đoàn trường ký thỏa thuận hợp tác với ai?"
    s2 = "Công đoàn trường đã ký thỏa thuận hợp tác với ông Trần Văn Hải, Giám đốc trung tâm, về chăm lo đoàn viên."
    assert spans.extract_span("who", s2, q2) == "ông Trần Văn Hải"
    # the doer asked ("ai phối hợp với …") is no partner
    assert spans.extract_span("who", "Sở Y tế phối hợp với công đoàn tổ chức khám bệnh.", "Ai phối hợp với công đoàn?") == "Sở Y tế"


def test_may_typed_without_accents_before_which_is_no_count():
    from retrieval.language.qtype import question_type
    assert question_type("doan cong tac den tham cong nhan o xi nghiep may nao?") != "number"
    assert question_type("cong ty do chuyen san xuat hang may gi") != "number"
    assert question_type("giai co may doi tham gia vay") == "number"
    assert question_type("cong ty co may nguoi") == "number"


def test_a_street_initial_is_no_currency_and_days_counted_before_the_dates_keep_their_unit():
    row = "08:30 | Kéo co | Sân nhà văn hóa khu phố | 12/4 Đ. Lê Lợi"
    assert spans.extract_span("number", row, "đội thắng kéo co được thưởng bao nhiêu tiền") is None
    assert spans.extract_span("number", "Quỹ trao 500.000 đ cho mỗi đội.", "đội thắng được thưởng bao nhiêu tiền") == "500.000 đ"
    s = "Hội thao diễn ra trong 3 ngày 14 - 16/9 tại sân vận động huyện."
    assert spans.extract_span("number", s, "hoi thao dien ra may ngay") == "3 ngày"
    assert spans.extract_span("number", s, "Hội thao diễn ra trong mấy ngày?") == "3 ngày"


def test_a_deputy_elected_head_answers_for_the_head():
    q = "Ai được bầu làm Chủ tịch công đoàn ngành nhiệm kỳ mới?"
    elected = "Ông Lê Văn Bình, Phó Chủ tịch khóa trước, nay được bầu giữ chức Chủ tịch của công đoàn ngành."
    assert spans.extract_span("who", elected, q) == "Ông Lê Văn Bình"
    # elected deputy again, or a deputy only listed: no head
    assert spans.extract_span("who", "Đồng chí Lê Văn Bình, Phó Chủ tịch khóa trước, được bầu làm Phó Chủ tịch.", q) is None
    assert spans.extract_span("who", "Dự đại hội có đồng chí Lê Văn Bình, Phó Chủ tịch LĐLĐ tỉnh.", q) is None


def test_children_counted_without_their_classifier():
    q = "Chị Hoa đang nuôi mấy đứa con đi học?"
    s = "Nhà chị Hoa nghèo, chị vẫn cố nuôi ba con nhỏ đi học."
    assert spans.extract_span("number", s, q).startswith("ba con")
    assert spans.type_fit("number", s, q) > 0.5


def test_teachers_counted_under_another_name():
    q = "Quỹ đã giúp đỡ bao nhiêu thầy cô bị ốm nặng?"
    s = "Năm qua, quỹ đã hỗ trợ 85 giáo viên ốm đau và 4 gia đình gặp hoạn nạn."
    assert spans.extract_span("number", s, q).startswith("85 giáo viên")


def test_contestants_counted_as_thi_sinh_are_the_people_competing():
    from retrieval.params import UNIT_CLASS_FIT
    q = "Hội thi năm nay có mấy người dự thi?"
    s = "Năm nay hội thi thu hút 25 thí sinh của mười hai công đoàn cơ sở."
    assert spans.extract_span("number", s, q) == "25 thí sinh"
    assert spans.type_fit("number", s, q) > UNIT_CLASS_FIT
    # another class of people stays a class match
    assert spans.type_fit("number", "Hội thi thu hút 25 đoàn viên của các công đoàn cơ sở.", q) == UNIT_CLASS_FIT


def test_a_work_asked_by_bai_gi_is_a_quoted_title():
    q = "Ở buổi giao lưu, nhóm nam nữ hát bài gì?"
    s = "Các tiết mục được khen như: nhóm nam nữ “Mùa xuân trên công trường”; liên khúc “Bài ca người thợ mỏ”."
    assert spans.extract_span("what", s, q) == "Mùa xuân trên công trường"
    assert spans.type_fit("what", s, q) == 1.0


def test_a_venue_named_in_lower_case_is_a_place_told():
    q = "hoi thao to chuc o cho nao the"
    told = "Sáng 3/4, tại sân vận động xã Hòa Bình (huyện Tân Lạc), công đoàn tổ chức hội thao."
    vague = "Lần này hội thao được gom tại một địa điểm chung cho nhiều nhà máy."
    assert spans.extract_span("where", told, q) == "sân vận động xã Hòa Bình"
    assert spans.type_fit("where", told, q) > spans.type_fit("where", vague, q)


def test_a_figure_takes_the_quoted_title_it_counts():
    """Session 24 (helper P): news quotes the title of an award or a programme it counts right after the figure
    ("trao 6 “Mái ấm Công đoàn”", "tuyên dương 30 "Thầy thuốc tiêu biểu""): the count is read with its quoted noun,
    so it agrees with "bao nhiêu căn Mái ấm / thầy thuốc"; a long quote after a figure (a saying) is left out.
    Sentences written for the test."""
    from retrieval.answering.spans import span_candidates, slot, agrees
    q = "Năm 2025 công đoàn huyện tuyên dương bao nhiêu thầy thuốc tiêu biểu?"
    s = 'Công đoàn huyện kỷ niệm 70 năm Ngày Thầy thuốc Việt Nam và tuyên dương 30 "Thầy thuốc tiêu biểu" năm 2025.'
    spans = {c.text: agrees(slot("number", q), c, s) for _, c in span_candidates("number", s, q)}
    assert spans == {"70 năm": False, '30 "Thầy thuốc tiêu biểu"': True}
    homes = "Dịp này, công đoàn trao 6 “Mái ấm Công đoàn” cho đoàn viên."
    assert [c.text for _, c in span_candidates("number", homes, "Công đoàn trao mấy căn Mái ấm?")] == \
        ["6 “Mái ấm Công đoàn”"]
    said = 'Anh Tư có 2 "con đường" mà anh luôn nhắc lại với mọi người trong công ty mỗi ngày khi làm việc.'
    assert [c.text for _, c in span_candidates("number", said, "Anh Tư có bao nhiêu con?")] == ["2"]
    said = 'Anh Tư có 2 "Con đường mà anh luôn nhắc lại với mọi người" trong công ty.'  # capitalised, 11 words
    assert [c.text for _, c in span_candidates("number", said, "Anh Tư có bao nhiêu con?")] == ["2"]
