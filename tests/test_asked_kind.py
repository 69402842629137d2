"""What a question asks, read from how members phrase it, and the span that answers it
(retrieval/language/qtype.py, retrieval/answering/spans.py). Every sentence here was written for
these tests; each rule is general Vietnamese or general news writing."""
import pytest

from retrieval.answering.spans import extract_span, noun_phrase, slot, type_fit
from retrieval.language.qtype import question_type


# -- "thứ mấy": an ordinal after a noun, a weekday after "vào / ngày / hôm" ---------------------------
@pytest.mark.parametrize("question, kind", [
    ("Đội bóng công đoàn đứng thứ mấy toàn giải?", "number"),
    ("doi bong cong doan dung thu may toan giai", "number"),
    ("Hội thi năm nay là năm thứ mấy được tổ chức?", "number"),
    ("Đại hội công đoàn tỉnh là lần thứ mấy?", "number"),
    ("Buổi sinh hoạt câu lạc bộ diễn ra vào thứ mấy?", "date"),
    ("sinh hoat cau lac bo vao thu may hang tuan", "date"),
    ("Thứ mấy hằng tuần câu lạc bộ tập luyện?", "date"),
    ("Ngày 20/11 năm nay là thứ mấy?", "date"),
])
def test_thu_may_after_a_noun_asks_an_ordinal(question, kind):
    assert question_type(question) == kind


def test_an_ordinal_told_without_lan_or_khoa_answers_thu_may():
    """"đứng thứ ba", "năm thứ 5": the ordinal a "<noun> thứ mấy" question asks; the asked noun before
    it fits best, and a weekday ("vào thứ Bảy") is no ordinal."""
    rank = "Năm nay, đội bóng của Công đoàn ngành Y tế đứng thứ ba toàn giải, sau hai đội chủ nhà."
    assert extract_span("number", rank, "Đội bóng công đoàn đứng thứ mấy toàn giải?") == "đứng thứ ba"
    assert type_fit("number", rank, "doi bong cong doan dung thu may") > 0
    years = "Đây là năm thứ 5 liên tiếp Công đoàn tổ chức hội thi, vào thứ Bảy cuối tháng."
    assert extract_span("number", years, "Hội thi năm nay là năm thứ mấy được tổ chức?") == "năm thứ 5"
    assert extract_span("number", "Hội thi diễn ra vào thứ Bảy tuần sau.", "Hội thi là năm thứ mấy?") is None
    assert extract_span("number", "Đại hội Công đoàn tỉnh lần XI, nhiệm kỳ 2023-2028.",
                        "Đại hội công đoàn tỉnh là lần thứ mấy?") == "lần XI"


# -- quarters of the year -------------------------------------------------------------------------------
def test_a_quarter_of_the_year_is_a_date():
    """News dates plans and results by quarter ("quý II/2024", "quý 3 năm 2025"): a date for "khi nào",
    the answer to "quý nào" (typed without accents only with the year after it: "quy nao" may be a fund,
    "lấy từ quỹ nào"), and no day for "ngày nào"."""
    plan = "Kế hoạch sẽ được triển khai từ quý 3 năm 2025 tại các công đoàn cơ sở."
    assert extract_span("date", plan, "Kế hoạch được triển khai khi nào?") == "quý 3 năm 2025"
    both = "Trong quý II/2024, công đoàn đã tổ chức 12 lớp tập huấn, ngày 20/5 khai giảng lớp đầu tiên."
    for q in ("Công đoàn tổ chức các lớp tập huấn vào quý nào?", "cong doan to chuc lop tap huan quy nao nam 2024"):
        assert question_type(q) == "date", q
        assert extract_span("date", both, q) == "quý II/2024", q
    assert question_type("Quỹ nào tài trợ học bổng cho con công nhân?") != "date"
    assert question_type("quy nao tai tro hoc bong") != "date"
    assert question_type("tien xay nha lay tu quy nao vay") != "date"
    assert question_type("doan vien dong vao quy nao") != "date"
    assert type_fit("date", "Công trình hoàn thành trong quý IV/2023.", "Công trình khánh thành ngày nào?") < 1


# -- what "bao nhiêu" counts ---------------------------------------------------------------------------
def test_a_word_after_bao_nhieu_that_is_no_noun_counts_nothing():
    """"bao nhiêu mỗi người / một tháng" asks a rate and "bao nhiêu trong số đó" a part: no counted noun,
    so an amount is not refused for lacking the syllable "mỗi"."""
    for q in ("Công đoàn hỗ trợ bao nhiêu mỗi người?", "cong doan ho tro bao nhieu moi nguoi",
              "Vé tham quan giá bao nhiêu một người?", "Có bao nhiêu trong số đó là nữ?"):
        assert "noun" not in slot("number", q), q
    assert extract_span("number", "Mỗi đoàn viên được hỗ trợ 2 triệu đồng.", "Công đoàn hỗ trợ bao nhiêu mỗi người?") \
        == "2 triệu đồng"
    assert slot("number", "Công đoàn trao bao nhiêu suất quà?") == {"noun": ["suat", "qua"]}
    assert noun_phrase("cong doan ho tro bao nhieu moi nguoi") == []


# -- what a member sees of a sentence quoted without a span ----------------------------------------------
def test_a_long_sentence_without_a_span_shows_the_part_that_repeats_the_question():
    """A "what" answer is the sentence itself; when it is longer than the reply window, the window holds
    the question's words and what follows them (news states the answer after the words that repeat the
    question), not just the sentence's first characters."""
    from retrieval.answering.choose import focus_window
    from retrieval.params import WINDOW_CHARS
    long = ("Trong năm qua, Liên đoàn Lao động thành phố đã phối hợp với nhiều đơn vị tổ chức các hoạt động chăm lo "
            "cho đoàn viên, người lao động, trong đó có chương trình khám sức khỏe định kỳ cho hơn 5.000 người lao "
            "động tại các khu công nghiệp; thông qua việc khám tầm soát, nếu phát hiện đoàn viên bị bệnh nghề "
            "nghiệp, công đoàn sẽ hỗ trợ các thủ tục để họ được giám định và hưởng chế độ theo quy định.")
    assert len(long) > WINDOW_CHARS
    shown = focus_window(long, "Nếu khám tầm soát phát hiện người lao động mắc bệnh nghề nghiệp thì công đoàn giúp gì?",
                         WINDOW_CHARS)
    assert "hỗ trợ các thủ tục để họ được giám định" in shown and len(shown) <= WINDOW_CHARS
    assert shown.startswith("…")
    # the question's words all in the first part: shown from the first of them on
    opening = focus_window(long, "Liên đoàn Lao động thành phố phối hợp tổ chức hoạt động chăm lo gì?", WINDOW_CHARS)
    assert opening.startswith("…Liên đoàn Lao động thành phố đã phối hợp")


# -- the date of a paper is not the date of the event ------------------------------------------------------
def test_the_date_a_paper_is_cited_by_is_not_the_event_s():
    """News cites a paper by its number and date ("Theo Thông báo số 1 ngày 09/10/2025, …"): that day dates
    the paper. A question about an event is answered by the event's own date; one about the paper
    ("ban hành / ký ngày nào") still by the paper's."""
    paper = "Theo thông báo số 1 ngày 09/10/2025, Công đoàn công ty công bố lịch thi đấu các môn thể thao."
    event = "Môn cầu lông nữ thi đấu ngày 11/11/2025 tại nhà thi đấu của khu công nghiệp."
    for q in ("Môn cầu lông nữ thi đấu ngày nào?", "mon cau long nu thi dau ngay nao"):
        assert type_fit("date", paper, q) < type_fit("date", event, q) == 1.0, q
        assert extract_span("date", f"{paper} {event}", q) == "ngày 11/11/2025", q
    assert type_fit("date", paper, "Thông báo số 1 về lịch thi đấu được ban hành ngày nào?") == 1.0
    plan = "Kế hoạch số 45/KH-LĐLĐ ngày 2/3/2024 của Liên đoàn Lao động tỉnh hướng dẫn tổ chức Tháng Công nhân."
    assert type_fit("date", plan, "Kế hoạch tổ chức Tháng Công nhân được ban hành ngày nào?") == 1.0
    assert type_fit("date", plan, "Tháng Công nhân của tỉnh khai mạc khi nào?") < 1.0


# -- a campaign question may be answered by a sentence ------------------------------------------------------
def test_a_campaign_question_without_a_quoted_name_is_left_to_the_decision():
    """"chương trình gì / hoạt động gì" is often answered by a sentence that names the activity without
    quotes or an occasion: the best sentence is the candidate (fit 0: the fitted decision weighs it), not
    an outright decline; a quoted name, when a sentence near the top has one, is still the span."""
    from retrieval.answering import choose
    from retrieval.answering.answer import Answer
    q = "Công đoàn tổ chức hoạt động gì cho công nhân dịp cuối năm?"
    assert question_type(q) == "campaign"
    sents = ["Dịp cuối năm, công đoàn tổ chức giải bóng đá mini cho công nhân các nhà máy trong khu công nghiệp.",
             "Ban tổ chức cảm ơn các doanh nghiệp đã tài trợ."]
    opts = [choose.Option(i, 0, t, " ".join(sents), {"dense": c, "lex": c, "cos": 0.9, "fit": type_fit("campaign", t, q)})
            for i, (t, c) in enumerate(zip(sents, [1.0, 0.3]))]
    got = choose.pick(Answer(question=q, found=True, qtype="campaign"), opts, choose.scores(opts))
    assert got is not None and got.sentence == sents[0] and got.span is None
    named = sents + ["Công đoàn phát động chương trình “Tết sum vầy” cho công nhân ở lại thành phố dịp cuối năm."]
    opts = [choose.Option(i, 0, t, " ".join(named), {"dense": c, "lex": c, "cos": 0.9, "fit": type_fit("campaign", t, q)})
            for i, (t, c) in enumerate(zip(named, [1.0, 0.3, 0.9]))]
    got = choose.pick(Answer(question=q, found=True, qtype="campaign"), opts, choose.scores(opts))
    assert got.span == "Tết sum vầy"


# -- "<phrase> nào": the head noun comes first ---------------------------------------------------------------
def test_the_head_noun_of_a_which_phrase_names_the_answer():
    """Vietnamese puts the head noun first: "kỳ đại hội toàn quốc nào" asks for an "Đại hội …" (the
    classifier "kỳ" and the modifier "toàn quốc" are no part of its name), so the sentence's own
    "Đại hội <name>" answers it when no sentence names the whole phrase."""
    q = "Các văn bản được phổ biến nhằm chuẩn bị cho kỳ đại hội toàn quốc nào của Công đoàn?"
    named = ("Tại hội nghị, đại biểu được truyền đạt chỉ thị về đại hội công đoàn các cấp và Đại hội Công đoàn "
             "Việt Nam lần thứ XIII.")
    plain = "Hội nghị giúp đại biểu nắm rõ quy trình chuẩn bị đại hội công đoàn các cấp."
    assert extract_span("what", named, q).startswith("Đại hội Công đoàn Việt Nam")
    assert type_fit("what", named, q) > type_fit("what", plain, q)
    # the phrase starts after the question's last function word: "quy chế khen thưởng do cơ quan nào" asks
    # for a "cơ quan", not a "khen thưởng <…>"
    assert extract_span("what", "Ban Thường vụ đã ban hành quy chế khen thưởng năm 2025.",
                        "Quy chế khen thưởng do cơ quan nào ký ban hành?") is None
    # a name of the whole phrase still wins over its head alone ("quỹ xã hội từ thiện nào")
    assert extract_span("what", "Học bổng do Quỹ Xã hội từ thiện Tấm lòng vàng tài trợ.",
                        "Học bổng do quỹ xã hội từ thiện nào tài trợ?") == "Quỹ Xã hội từ thiện Tấm lòng vàng"


# -- "<verb> gì": the object follows its verb --------------------------------------------------------------------
def test_the_object_of_the_asked_verb_is_the_span_of_a_what_question():
    """"hướng tới kỷ niệm gì", "đẩy lùi vấn nạn gì": the sentence's words right after the question's own verb
    phrase, to the clause's end; a sentence without the phrase has no such span (typed without accents too)."""
    for q in ("Hội thi nữ công nhân năm 2019 hướng tới kỷ niệm gì?", "hoi thi nu cong nhan 2019 huong toi ky niem gi vay"):
        s = "Hội thi được tổ chức nhằm chào mừng kỷ niệm 89 năm ngày thành lập Hội Liên hiệp Phụ nữ Việt Nam, tôn vinh nữ công nhân."
        assert extract_span("what", s, q) == "89 năm ngày thành lập Hội Liên hiệp Phụ nữ Việt Nam", q
        assert type_fit("what", s, q) > type_fit("what", "Hội thi thu hút 31 thí sinh tham gia.", q), q
    q = "Quỹ hợp tác với công đoàn các tỉnh để đẩy lùi vấn nạn gì trong công nhân?"
    assert extract_span("what", "Chương trình giúp công nhân đẩy lùi tín dụng đen, ổn định cuộc sống.", q) == "tín dụng đen"
    assert extract_span("what", "Chương trình giúp công nhân ổn định cuộc sống.", q) is None


# -- a currency written onto the number ----------------------------------------------------------------------------
def test_a_currency_written_onto_the_number_is_money():
    """News writes "500.000đ", "2.000.000VNĐ", "300USD": money as much as "500.000 đồng"; the span keeps
    the unit, and a money question is answered by it."""
    q = "Mỗi suất quà trị giá bao nhiêu tiền?"
    for s, span in (("Công đoàn trao 300 suất quà, mỗi suất trị giá 500.000đ.", "500.000đ"),
                    ("Công đoàn trao 300 suất quà trị giá 500.000VNĐ/suất.", "500.000VNĐ")):
        assert extract_span("number", s, q) == span, s
        assert type_fit("number", s, q) > 0.5, s
    assert extract_span("number", "Đội có 12 người đạt 95 điểm.", "Đội có bao nhiêu người?") == "12 người đạt"


@pytest.mark.parametrize("question, sentence, span", [
    ("Cụm thi đua có bao nhiêu liên đoàn lao động tỉnh?", "Cụm thi đua miền núi gồm 9 LĐLĐ tỉnh phía Bắc.", "9 LĐLĐ tỉnh"),
    ("Công ty nợ lương bao nhiêu người lao động?", "Công ty đã nợ lương 320 NLĐ suốt hai tháng qua.", "320 NLĐ"),
    ("Năm nay thành lập bao nhiêu công đoàn cơ sở?", "Trong năm, huyện đã thành lập mới 14 CĐCS.", "14 CĐCS"),
])
def test_a_counted_noun_written_as_initials_agrees(question, sentence, span):
    # News counts bodies and people by their initials; the question's words are written out.
    got = extract_span("number", sentence, question)
    assert got and span in got


def test_the_ambiguous_initials_cd_are_not_read_as_cong_doan():
    # "CĐ" is also "cao đẳng": "12 trường CĐ" counts colleges, not unions.
    assert extract_span("number", "Tỉnh có 12 trường CĐ và 3 trường đại học.", "Tỉnh có bao nhiêu công đoàn?") is None


def test_a_count_counts_the_noun_right_after_its_figure():
    # "300 cán bộ công đoàn" are officials (of unions): no count of unions; "25 công đoàn cơ sở" is one.
    question = "Hội nghị có bao nhiêu công đoàn tham dự?"
    assert extract_span("number", "Hội nghị có khoảng 300 cán bộ công đoàn tham dự.", question) is None
    assert extract_span("number", "Hội nghị có 25 công đoàn cơ sở tham dự.", question) == "25 công đoàn cơ sở"
    # The head may come as initials, and a count without a figure keeps the looser reading.
    assert extract_span("number", "Cụm gồm 6 LĐLĐ tỉnh miền núi.", "Cụm có bao nhiêu liên đoàn lao động?")
    assert extract_span("number", "Huyện có hai trường tham gia.", "Huyện có bao nhiêu trường tham gia?")


def test_the_noun_after_bao_nhieu_is_asked_whatever_else_the_question_tells():
    # The question tells the cost (or the area) and asks a count: the count answers, not the money.
    sentence = "Công ty trao tặng 6 căn nhà tổng trị giá 240 triệu đồng cho công nhân khó khăn."
    assert extract_span("number", sentence, "Công ty trao trị giá 240 triệu đồng cho bao nhiêu căn nhà?") == "6 căn nhà"
    sentence = "Nhà văn hóa rộng trên 80 mét vuông, gồm 3 phòng họp và một thư viện."
    assert "3 phòng họp" in extract_span("number", sentence, "Nhà văn hóa rộng 80 mét vuông có bao nhiêu phòng họp?")
    # Units after "bao nhiêu" are still units.
    assert slot("number", "Kinh phí xây dựng bao nhiêu tiền?") == {"unit": "money"}
    assert slot("number", "Diện tích bao nhiêu mét vuông?") == {"unit": "area"}
    assert slot("number", "Anh ấy bao nhiêu tuổi?") == {"unit": "duration"}


def test_ai_verb_asks_the_doer_named_before_his_office():
    # News: the doer, his office between commas, the verb, then whom it was for.
    sentence = "Ông Trần Văn Nam (bìa phải), Phó Chủ tịch LĐLĐ tỉnh, tặng quà cho chị Lê Thị Hoa."
    assert extract_span("who", sentence, "Ai tặng quà?") == "Ông Trần Văn Nam"
    assert extract_span("who", sentence, "Ai đã tặng quà cho công nhân?") == "Ông Trần Văn Nam"  # "đã" is no verb
    assert extract_span("who", sentence, "Ai được tặng quà?") == "chị Lê Thị Hoa"  # the one it was for
    # Another clause between the person and the verb: no doer is read from it.
    other = "Theo bà Lê Thị Mai, nhiều công nhân khó khăn, tặng quà là việc làm thiết thực."
    from retrieval.answering.spans import _before_apposition
    assert _before_apposition(other[:other.index("tặng")]) is None


def test_the_last_bao_nhieu_or_may_asks_when_a_name_holds_may():
    """Typed without accents, "may" of "dệt may" (a name's word) comes before the "mấy" that asks: the
    count is read after the last one, whether it asks a share or counts a noun."""
    assert slot("number", "luong cong nhan det may tang them may phan tram?") == {"unit": "percent"}
    assert slot("number", "cong ty det may Thanh Cong co bao nhieu cong nhan?")["noun"] == ["cong", "nhan"]
    assert slot("number", "nha may co may to doi?")["noun"][0] == "to"


def test_the_window_of_a_long_sentence_keeps_what_follows_the_question_s_last_words():
    """"… đẩy mạnh việc rà soát hồ sơ gì": the answer is said right after "rà soát hồ sơ" in a long sentence of
    many clauses; the window holds those words and what follows them, wherever the question's other, commoner
    words stand."""
    from retrieval.answering.choose import focus_window
    from retrieval.params import WINDOW_CHARS
    long = ("Hội nghị của công đoàn quận đề nghị các công đoàn cơ sở quan tâm hơn nữa tới người lao động làm việc ở "
            "những doanh nghiệp nhỏ và vừa; phối hợp với chủ doanh nghiệp sắp xếp ca kíp hợp lý, bố trí chỗ nghỉ trưa, "
            "bữa ăn ca bảo đảm chất lượng; mở thêm lớp học nghề buổi tối cho thanh niên; tổ chức giải bóng đá mini vào "
            "dịp hè; đẩy mạnh việc rà soát hồ sơ đóng bảo hiểm xã hội của từng người để sớm phát hiện nơi chậm đóng.")
    assert len(long) > WINDOW_CHARS
    shown = focus_window(long, "hoi nghi cong doan quan de nghi cong doan co so nguoi lao dong day manh viec ra soat "
                               "ho so gi", WINDOW_CHARS)
    assert "đóng bảo hiểm xã hội của từng người" in shown and len(shown) <= WINDOW_CHARS


# -- reviewer's mends (session 15): words that fold or read like a cue but are none ------------------
def test_dong_is_money_only_after_a_number_or_an_amount_word():
    from retrieval.answering.spans import _MONEY
    for text in ["500.000 đồng", "2 triệu đồng", "ba trăm đồng", "50đ"]:
        assert _MONEY.search(text.lower()), text
    for text in ["hội đồng nhân dân", "tỉnh Đồng Nai", "Đồng Tháp", "đồng chí bí thư"]:
        assert not _MONEY.search(text.lower()), text


def test_a_fee_is_asked_by_its_compound_or_phi_as_typed():
    assert slot("number", "Học phí một năm là bao nhiêu?").get("unit") == "money"
    assert slot("number", "Mức phí tham gia là bao nhiêu?").get("unit") == "money"
    assert slot("number", "Tổ chức phi chính phủ tài trợ bao nhiêu dự án?").get("unit") != "money"
    assert slot("number", "Phi công được tặng bao nhiêu bằng khen?").get("unit") != "money"
    assert slot("number", "phi tham gia giai chay la bao nhieu").get("unit") == "money"  # typed without accents
    assert slot("number", "to chuc phi chinh phu tai tro bao nhieu tien").get("unit") == "money"  # by "tien"
    assert slot("number", "phi cong duoc tang bao nhieu bang khen").get("unit") != "money"


def test_lan_and_khoa_are_ordinals_only_as_such():
    from retrieval.answering.spans import designation_asked
    assert designation_asked("dai hoi lan thu so may") == "ordinal"
    assert designation_asked("ban chap hanh khoa so may") == "ordinal"
    assert designation_asked("co lan thi so may") is None
    assert designation_asked("khoa cong nghe so may") is None


def test_chanh_ends_a_name_only_as_an_office():
    from retrieval.answering.spans import _PERSON_NAME
    assert _PERSON_NAME.search("ông Lê Văn Chánh phát biểu").group(0) == "Lê Văn Chánh"
    assert _PERSON_NAME.search("Lê Văn An Chánh án tòa án tỉnh").group(0) == "Lê Văn An"


def test_vi_nao_asks_a_person_only_for_vi_as_typed_or_before_a_person_noun():
    assert question_type("Bị kỷ luật vì trường hợp nào?") != "who"
    assert question_type("bi ky luat vi truong hop nao") != "who"
    assert question_type("Vị lãnh đạo công đoàn ngành nào trao quà?") == "who"
    assert question_type("vi lanh dao nao trao qua") == "who"
