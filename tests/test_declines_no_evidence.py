"""Session 18 (issue 23): answerable questions declined for reasons that are no evidence against the reply,
and unanswerable ones answered for want of evidence. Sentences written by the team for these tests."""
from retrieval.answering.notfound import another_edition, another_ordinal, missing_ordinals, sentence_evidence
from retrieval.language.qtype import question_type


def test_may_after_a_garment_or_factory_word_is_no_count():
    # typed without accents, "may" is "mấy" — but not after "công ty / xí nghiệp / dệt / ngành / xưởng / nhà"
    assert question_type("ai lam giam doc cong ty may song hong") == "who"
    assert question_type("ai la chu tich cong doan nha may duong lam son") == "who"
    assert question_type("xi nghiep may 3 nam o dau") == "where"
    assert question_type("cong ty co phan may an phat to chuc hoi nghi o dau") == "where"  # a legal form between
    assert question_type("ai lam chu tich cong doan cong ty tnhh may binh minh") == "who"
    assert question_type("nganh det may co may cong doan co so") == "number"  # the second "may" counts
    assert question_type("cong ty co may cong nhan") == "number"
    assert question_type("to may duoc khen thuong") == "number"  # "tổ mấy": a number asked


def test_an_industrial_park_asked_is_a_place():
    assert question_type("Nhà máy gạch nằm ở khu công nghiệp nào?") == "where"
    assert question_type("cong ty nam trong kcn nao") == "where"


def test_nam_before_a_year_is_no_ordinal():
    # "thủ khoa, á khoa năm 2026" folds to "… khoa nam 2026": the year's word, not "khóa 5"
    assert missing_ordinals("giai thu khoa, a khoa nam 2026 cua tinh", "trao giai cho thu khoa") == []
    assert missing_ordinals("ban chap hanh khoa nam gom bao nhieu nguoi", "ban chap hanh khoa iv") == ["nam"]


def test_a_year_something_runs_from_does_not_date_the_fact():
    s = "Quỹ Vì người lao động của huyện được duy trì từ năm 2012, đến nay đã giúp 640 gia đình công nhân."
    assert another_edition("Năm 2025 quỹ của huyện giúp công nhân tên là gì?", s, "campaign", "Vì người lao động") == []
    assert sentence_evidence("Người được giúp năm 2025 là ai?", "Người được giúp là chị Hà Thị Mơ, ở căn nhà dựng "
                             "từ năm 2001.", "who", "chị Hà Thị Mơ") == ""
    # a count asked for one year: a count since then is a running total, not that year's
    assert another_edition("Năm 2025 quỹ giúp bao nhiêu gia đình?", s, "number", "640 gia đình") == ["năm 2012"]
    # ... unless a running total is asked
    assert another_edition("Tính đến 2025 quỹ giúp bao nhiêu gia đình?", s, "number", "640 gia đình") == []


def test_a_year_in_what_the_speaker_said_does_not_date_the_speaker():
    s = "Ông Đỗ Văn Khải, Chủ tịch Công đoàn ngành Xây dựng tỉnh, khẳng định năm 2022 ngành mất nhiều việc làm."
    assert another_edition("Chủ tịch Công đoàn ngành Xây dựng năm 2024 là ai?", s, "who", "Ông Đỗ Văn Khải") == []
    # the year before the saying verb still dates the fact
    t = "Năm 2022, ông Đỗ Văn Khải làm Chủ tịch Công đoàn ngành, cho biết thêm về việc làm."
    assert another_edition("Chủ tịch Công đoàn ngành năm 2024 là ai?", t, "who", "ông Đỗ Văn Khải") == ["năm 2022"]


def test_a_sentence_about_another_edition_by_its_number():
    s = "Tại giải lần thứ III, đội Công ty Bia Phú Minh đoạt cúp vô địch."
    assert another_ordinal("Đội nào vô địch giải bóng đá công nhân lần thứ IV?", s) == ["lần thứ 3"]
    assert another_ordinal("Đội nào vô địch giải bóng đá công nhân lần thứ III?", s) == []
    assert sentence_evidence("Đội nào vô địch giải lần thứ IV?", s, "who", "đội Công ty Bia Phú Minh").startswith(
        "câu gần nhất nói về")
    # another kind of number (a term, not an edition) is no evidence
    assert another_ordinal("Đại hội lần thứ IV bầu bao nhiêu ủy viên?", "Ban Chấp hành khóa III làm được nhiều việc.") == []


def test_a_period_after_the_count_qualifies_what_is_counted():
    s = "Ngày 3/5, công đoàn huyện tuyên dương 21 công nhân tiêu biểu giai đoạn 2020–2025."
    assert another_edition("Năm 2025 công đoàn huyện tuyên dương bao nhiêu công nhân?", s, "number", "21 công nhân") == []


def test_words_that_fold_like_numerals_name_no_edition():
    # "đại hội từ ngày 12", "hội nghị sau đó", "Đại hội 2023": no edition told
    q = "Đại hội lần thứ IV bầu bao nhiêu ủy viên?"
    assert another_ordinal(q, "Đại hội từ ngày 12 đến 14/3 bầu 27 ủy viên.") == []
    assert another_ordinal(q, "Hội nghị sau đó bầu 27 ủy viên.") == []
    assert another_ordinal(q, "Đại hội 2023 bầu 27 ủy viên.") == []
    assert another_ordinal(q, "Đại hội lần thứ ba bầu 27 ủy viên.") == ["lần thứ 3"]


def test_a_report_recalling_the_last_edition_answers_with_this_ones(tmp_path, embedder):
    """The sentence that scores first tells the last edition's figure; the one quoted under it on the close
    call tells this edition's: that one answers (answer.py `_unopposed_runner`)."""
    from tests.test_answering import _kb_with

    kb = _kb_with(tmp_path, embedder, {
        "id": "hoithao-namdinh-v", "title": "Bế mạc Hội thao công nhân lao động tỉnh Nam Định lần thứ V",
        "date": "2026-05-20", "source": "https://congdoan.example.vn/hoithao-namdinh-v",
        "text": "Sáng 20-5, Liên đoàn Lao động tỉnh Nam Định bế mạc Hội thao công nhân lao động tỉnh lần thứ V.\n\n"
                "Năm nay hội thao lần thứ V có 940 vận động viên của 36 đoàn tham gia tranh tài ở 7 môn.\n\n"
                "Hội thao lần thứ IV năm 2024 có 810 vận động viên tham gia.\n\n"
                "Ban tổ chức trao 70 bộ huy chương cho các vận động viên."})
    # (before: "810 vận động viên", the last edition's, quoted first and this one's under it)
    ans = kb.ask("Hội thao lần thứ V có bao nhiêu vận động viên tham gia?").answer
    assert ans.found and "940" in ans.span, (ans.span, ans.reason)


def test_a_count_of_women_asked_and_none_told():
    from retrieval.answering.notfound import uncounted_women

    q = "Hội nghị công nhân có bao nhiêu đại biểu nữ?"
    assert uncounted_women("number", q, "Hội nghị có 150 đại biểu tham dự.")
    assert not uncounted_women("number", q, "Hội nghị có 150 đại biểu, trong đó 62 đại biểu nữ.")
    assert not uncounted_women("number", "co may nu doan vien duoc khen", "Có 12 nữ đoàn viên được khen thưởng.")
    assert uncounted_women("number", "co may nu doan vien duoc khen", "Có 30 đoàn viên được khen thưởng.")
    assert not uncounted_women("number", "Hội nghị có bao nhiêu đại biểu?", "Hội nghị có 150 đại biểu tham dự.")
    assert not uncounted_women("who", q, "Hội nghị có 150 đại biểu tham dự.")


def test_a_contest_by_its_edition_without_thu():
    # "hội thao … lần 8": the eighth edition, asked as "lần thứ 8" is
    article = "hoi thao cong nhan lao dong thanh pho lan thu vii nam 2023 co 1.200 van dong vien"
    assert missing_ordinals("mon cau long hoi thao cong nhan lan 8 ai vo dich", article) == ["8"]
    assert missing_ordinals("mon cau long hoi thao cong nhan lan 7 ai vo dich", article) == []
    assert missing_ordinals("hoi thi tay nghe lan 2/2025 co bao nhieu doi", article) == []  # a date, not an edition


def test_a_year_of_birth_or_founding_does_not_date_the_fact():
    s = "Người nhận giải là anh Lò Văn Páo (sinh năm 1991), công nhân Nhà máy chè Mộc Châu."
    assert another_edition("Năm 2025 ai nhận giải thợ giỏi của nhà máy?", s, "who", "anh Lò Văn Páo") == []
    t = "Nghiệp đoàn xe ôm thành lập năm 2016 do ông Tạ Văn Lực làm Chủ tịch."
    assert another_edition("Chủ tịch nghiệp đoàn xe ôm năm 2025 là ai?", t, "who", "ông Tạ Văn Lực") == []
    # a year the fact is told of still counts
    u = "Năm 2023, người nhận giải là anh Lò Văn Páo."
    assert another_edition("Năm 2025 ai nhận giải thợ giỏi?", u, "who", "anh Lò Văn Páo") == ["năm 2023"]



def test_numbers_that_tell_no_other_edition():
    """A congress's report names the first meeting of the committee it elected, where the chair is chosen; a term
    is named by the congress's own number; "lần thứ N liên tiếp" counts times in a row; an edition after "so với"
    is a comparison: none of them tells another edition's fact. An edition truly other still is evidence."""
    q = "Đại hội Công đoàn Tổng công ty Cảng lần thứ XIII bầu ai làm Chủ tịch?"
    assert another_ordinal(q, "Tại Hội nghị lần thứ nhất Ban Chấp hành khóa XIII, đồng chí Lò Văn Tiến được bầu "
                              "làm Chủ tịch.") == []
    assert another_ordinal(q, "Hội nghị Ban Chấp hành lần thứ 2 bầu đồng chí Lò Văn Tiến làm Chủ tịch.") == []
    assert another_ordinal("Đại hội XIII có bao nhiêu đại biểu?", "Ban Chấp hành khóa XIII gồm 31 ủy viên.") == []
    assert another_ordinal("Hội thi thợ hàn giỏi lần thứ IV, đội nào giành giải Nhất?",
                           "Đội Cơ khí Hòa Phát giành giải Nhất lần thứ ba liên tiếp.") == []
    assert another_ordinal("Hội thi thợ hàn giỏi lần thứ IV có bao nhiêu đội?",
                           "Hội thi năm nay có 42 đội, tăng 12 đội so với lần thứ III.") == []
    # the edition before, telling its own result, still is
    assert another_ordinal("Hội thi thợ hàn giỏi lần thứ IV có bao nhiêu đội?",
                           "Hội thi lần thứ III có 30 đội tham gia.") == ["lần thứ 3"]
    assert another_ordinal("Hội nghị Ban Chấp hành lần thứ 5 bàn việc gì?",
                           "Hội nghị Ban Chấp hành lần thứ 4 bàn việc thu đoàn phí.") == ["lần thứ 4"]
