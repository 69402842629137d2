"""Session 18, helper A: the sentence and span for who / what / where forms (sentences written for these tests)."""
import numpy as np

from retrieval.answering import choose, spans


def test_elected_to_an_office_is_not_a_delegate_named_with_his_own_office():
    q = "Ai được tín nhiệm bầu làm người đứng đầu Công đoàn ngành Xây dựng khóa mới?"
    delegate = "Đồng chí Trần Minh Khoa - Chủ tịch Công đoàn Công ty Sông Đà 9 được bầu vào Ban Chấp hành khóa mới."
    head = "Bà Lê Thu Hằng tiếp tục được bầu làm Chủ tịch Công đoàn ngành Xây dựng; ông Đỗ Văn Tâm được bầu làm Phó Chủ tịch."
    assert spans.extract_span("who", delegate, q) is None
    assert spans.type_fit("who", delegate, q) < spans.type_fit("who", head, q) == 1.0
    assert spans.extract_span("who", head, q) == "Bà Lê Thu Hằng"
    # asked who holds the office (no election asked), the delegate's own office still names him
    asked = "Chủ tịch Công đoàn Công ty Sông Đà 9 là ai?"
    assert spans.extract_span("who", delegate, asked) == "Đồng chí Trần Minh Khoa"
    # typed without accents, the same
    assert spans.extract_span("who", delegate, "ai duoc bau lam chu tich cong doan nganh xay dung") is None


def test_a_place_asked_as_the_doer_is_the_subject_before_the_predicate():
    q = "Năm nay địa phương nào được chọn đăng cai hội thao công nhân toàn quốc?"
    said = "Cần Thơ được chọn đăng cai hội thao công nhân toàn quốc lần thứ ba."
    lower = "Theo kế hoạch, tỉnh Quảng Trị sẽ được chọn đăng cai hội thao năm sau."
    assert spans.extract_span("where", said, q) == "Cần Thơ"
    assert spans.type_fit("where", said, q) == 1.0
    assert spans.extract_span("where", lower, q) == "tỉnh Quảng Trị"
    # a lower-case phrase before the predicate is no place's name; "tại" still gives one
    other = "Hội thao công nhân được chọn đăng cai tại Nhà thi đấu Phú Thọ."
    assert spans.extract_span("where", other, q) == "Nhà thi đấu Phú Thọ"
    assert spans.extract_span("where", said, "tinh nao duoc chon dang cai hoi thao cong nhan") == "Cần Thơ"


def test_a_demand_or_cause_asked_wants_the_sentence_that_states_one():
    wish = "Vì muốn điều gì mà công nhân xưởng may đồng loạt nghỉ làm?"
    demand = "Sáng 3/4, khoảng 500 công nhân xưởng may nghỉ làm, đòi công ty trả đủ tiền tăng ca tháng trước."
    event = "Khoảng 500 công nhân xưởng may đã nghỉ làm trong buổi sáng 3/4."
    assert spans.type_fit("what", demand, wish) == 1.0 > spans.type_fit("what", event, wish)
    cause = "Nguyên nhân khiến công nhân nghỉ làm là gì?"
    why = "Công nhân nghỉ làm vì công ty chậm trả lương hai tháng liền."
    assert spans.type_fit("what", why, cause) == 1.0 > spans.type_fit("what", event, cause)
    # other "what" questions keep their old reading
    assert spans.type_fit("what", event, "Công nhân xưởng may làm gì trong buổi sáng 3/4?") == \
        spans.type_fit("what", demand, "Công nhân xưởng may làm gì trong buổi sáng 3/4?")


def test_an_office_said_of_the_person_in_the_next_sentence_is_his():
    q = "Chủ tịch công đoàn đầu tiên của nhà máy cơ khí là ai?"
    pair = ("Ban vận động thành lập công đoàn do đồng chí Hoàng Văn Lực (tổ trưởng tổ tiện) đứng đầu. "
            "Có thể coi đây là đồng chí Chủ tịch công đoàn đầu tiên của nhà máy.")
    assert spans.type_fit("who", pair, q) == 1.0
    assert spans.extract_span("who", pair, q) == "đồng chí Hoàng Văn Lực"
    # no reference back: a person in one sentence, an office in the next sentence about something else
    apart = ("Ban vận động thành lập công đoàn do đồng chí Hoàng Văn Lực (tổ trưởng tổ tiện) đứng đầu. "
             "Năm sau nhà máy bầu Chủ tịch công đoàn đầu tiên.")
    assert spans.type_fit("who", apart, q) == 0.5


def test_a_pair_asked_who_is_scored_as_one_text():
    q = "Chủ tịch công đoàn đầu tiên của nhà máy cơ khí là ai?"
    named = "Ban vận động thành lập công đoàn do đồng chí Hoàng Văn Lực (tổ trưởng tổ tiện) đứng đầu."
    role = "Có thể coi đây là đồng chí Chủ tịch công đoàn đầu tiên của nhà máy."
    opts = [choose.Option(0, 0, named, "", {"dense": 0.3, "lex": 0.3, "cos": 0.8, "fit": spans.type_fit("who", named, q)}),
            choose.Option(1, 0, role, "", {"dense": 1.0, "lex": 1.0, "cos": 0.9, "fit": spans.type_fit("who", role, q)})]
    scores = choose.scores(opts)
    plain, plain_scores = choose.with_pairs(opts, scores)
    read, read_scores = choose.with_pairs(opts, scores, "who", q)
    assert len(read) == len(plain) == 3 and read[2].text == f"{named} {role}"
    assert read[2].feats["fit"] == 1.0 > plain[2].feats["fit"]
    assert read_scores[2] > plain_scores[2] and int(np.argmax(read_scores)) == 2


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
