"""Session 15, helper U: unanswerable questions declined on evidence learnt from the team's fresh questions
(docs/quality.md, "Session 15, helper U"). Every sentence here is written for the test."""
from __future__ import annotations

from tests.test_answering import _kb_with


def _folded(check, question: str, article: str, *typed):
    """notfound's checks read folded lower-case text, as `decide` gives it them."""
    from knowledge.text import fold

    return check(fold(question).lower(), fold(article).lower(), *typed)


def test_a_province_typed_in_lower_case_with_its_accents():
    """Members chatting type accents without capitals ("lđlđ tỉnh bình dương"): the province is asked all
    the same. The few names that are also ordinary words in lower case count only after their kind."""
    from retrieval.language.places import lowercase_places

    assert lowercase_places("đại hội công đoàn tỉnh bình dương có bao nhiêu đại biểu") == {"binh duong"}
    assert lowercase_places("công nhân ở đà nẵng được hỗ trợ gì") == {"da nang"}
    assert lowercase_places("ngày hội vì hòa bình của thanh niên") == set()
    assert lowercase_places("lđlđ tỉnh hòa bình trao bao nhiêu suất quà") == {"hoa binh"}
    assert lowercase_places("Ngày hội công nhân tỉnh Bình Dương") == set()  # capitals: `places` reads it
    # what the shorthand writes out for "TP.HCM" is not read here (measured: a cost, docs/quality.md)
    assert lowercase_places("đoàn thành phố hồ chí minh") == set()


def test_a_province_typed_in_lower_case_that_the_article_does_not_name(tmp_path, embedder):
    kb = _kb_with(tmp_path, embedder, {
        "id": "daihoi-kontum", "title": "Đại hội Công đoàn tỉnh Kon Tum lần thứ XII", "date": "2023-08-10",
        "source": "https://congdoan.example.vn/daihoi-kontum",
        "text": "Đại hội Công đoàn tỉnh Kon Tum lần thứ XII, nhiệm kỳ 2023-2028 có 180 đại biểu chính thức tham dự, "
                "đại diện cho hơn 30 nghìn đoàn viên trong tỉnh.\n\nĐại hội bầu 27 ủy viên Ban Chấp hành."})
    ans = kb.ask("đại hội công đoàn tỉnh kon tum lần thứ xii đại biểu chính thức là bao nhiêu người").answer
    assert ans.found and "180" in ans.span, (ans.span, ans.reason)
    ans = kb.ask("đại hội công đoàn tỉnh đắk lắk lần thứ xii đại biểu chính thức là bao nhiêu người").answer
    assert not ans.found and "nơi khác" in ans.reason, (ans.span, ans.reason)


def test_a_quarter_the_article_never_writes():
    """Quarterly meetings and reports are named by their quarter, Roman or a digit alike; "quý" before no
    numeral ("quý khách", "quý báu") is no quarter."""
    from retrieval.answering.notfound import missing_quarters

    def missing(q, a):
        return _folded(missing_quarters, q, a)

    article = "Hội nghị sơ kết quý III năm 2025 của công đoàn khu công nghiệp diễn ra sáng 8-10."
    assert missing("Hội nghị sơ kết quý IV/2025 diễn ra ngày nào?", article) == ["quý IV"]
    assert missing("hoi nghi so ket quy 3 nam 2025 dien ra ngay nao", article) == []
    assert missing("Hội nghị sơ kết quý III-2025 diễn ra ngày nào?", article) == []
    assert missing("quý khách tham dự hội nghị sơ kết được tặng gì?", article) == []


def test_a_quarterly_meeting_of_another_quarter_is_declined(tmp_path, embedder):
    kb = _kb_with(tmp_path, embedder, {
        "id": "soket-quy1", "title": "Sơ kết quý I-2026 ở khu chế xuất Tân Thuận",
        "date": "2026-03-13", "source": "https://congdoan.example.vn/soket-quy1",
        "text": "Buổi sơ kết quý I-2026 của Công đoàn khu chế xuất Tân Thuận diễn ra ngày "
                "12-3 với 60 chủ tịch công đoàn cơ sở tham dự.\n\nHội nghị bàn cách hỗ trợ đoàn viên mất việc."})
    ans = kb.ask("Buổi sơ kết quý I-2026 ở khu chế xuất Tân Thuận diễn ra ngày nào?").answer
    assert ans.found and "12-3" in ans.span, (ans.span, ans.reason)
    ans = kb.ask("Buổi sơ kết quý II-2026 ở khu chế xuất Tân Thuận diễn ra ngày nào?").answer
    assert not ans.found and "quý II" in ans.reason, (ans.span, ans.reason)


def test_a_numbered_group_the_article_never_numbers_so():
    """A working team, an emulation cluster or a bloc is named by its number ("Tổ công tác số 2", "Cụm thi
    đua 8"); an article writing only another number reports another group. A document's or an address's
    number ("Quyết định số 15/QĐ") and "tổng số" are no group's."""
    from retrieval.answering.notfound import missing_numbered

    def missing(q, a):
        return _folded(missing_numbered, q, a)

    article = ("Tổ công tác phụ trách khu dân cư số 3 của công đoàn phường đã thăm 40 hộ; Công đoàn ngành Xây dựng "
               "dẫn đầu Khối thi đua 4 theo Quyết định số 12/QĐ-LĐLĐ.")
    assert missing("Tổ công tác phụ trách khu dân cư số 5 đã thăm bao nhiêu hộ?", article) == ["số 5"]
    assert missing("to cong tac phu trach khu dan cu so 3 da tham bao nhieu ho", article) == []
    assert missing("Đơn vị nào dẫn đầu Khối thi đua 2?", article) == ["khối thi đua 2"]
    assert missing("Đơn vị nào dẫn đầu khối thi đua số 4?", article) == []
    assert missing("Theo quyết định số 15/QĐ-LĐLĐ, ai dẫn đầu?", article) == []
    assert missing("Tổng số 5 hộ được thăm là những hộ nào?", article) == []


def test_a_sentence_naming_what_is_asked_with_another_year():
    """A yearly event is told apart by the year written after its name: a sentence giving "Hội thao công
    nhân năm 2024" states that year's fact, not the 2023 one asked — unless it writes 2023 as well."""
    from retrieval.answering.notfound import another_edition, sentence_evidence

    s = "Hội thao công nhân năm 2024 có 12 đội bóng đá tham gia, tăng 3 đội."
    assert another_edition("Hội thao công nhân năm 2023 có bao nhiêu đội bóng đá?", s) == ["cong nhan 2024"]
    assert another_edition("hoi thao cong nhan 2023 co bao nhieu doi bong da", s) == ["cong nhan 2024"]
    assert another_edition("Hội thao công nhân năm 2024 có bao nhiêu đội bóng đá?", s) == []
    both = "Hội thao công nhân năm 2024 có 12 đội, Hội thao công nhân năm 2023 có 9 đội."
    assert another_edition("Hội thao công nhân năm 2023 thì có mấy đội?", both) == []
    # no name before the year: the sentence still tells of another year ("năm 2024") and never of 2023
    assert another_edition("Năm 2023 hội thao có bao nhiêu đội?", s) == ["năm 2024"]
    # a comparison with another year is no other year's fact; nor the year before one asked "đầu năm"
    rise = "Mức hỗ trợ mỗi đoàn viên tăng lên 800.000 đồng (năm 2023 là 600.000 đồng)."
    assert another_edition("Năm 2024 mức hỗ trợ mỗi đoàn viên là bao nhiêu?", rise) == []
    assert another_edition("Năm 2024 có bao nhiêu đoàn viên?", "Tăng 300 so với năm 2023, công đoàn có 2.000 đoàn viên.") == []
    assert another_edition("Bằng khen trao đầu năm 2025 ghi nhận thành tích gì?",
                           "Công đoàn được tặng Bằng khen vì thành tích xuất sắc năm 2024.") == []
    assert another_edition("Nhiệm kỳ 2023-2028 ban chấp hành gồm mấy ủy viên?", "Năm 2025 công đoàn có 15 ủy viên.") == []
    assert "năm được hỏi" in sentence_evidence("Hội thao công nhân năm 2023 có bao nhiêu đội bóng đá?", s)


def test_a_yearly_event_asked_of_a_year_the_sentence_does_not_give(tmp_path, embedder):
    kb = _kb_with(tmp_path, embedder, {
        "id": "tuanle-nganhnuoc", "title": "Công đoàn ngành Nước mở Tuần lễ văn hóa công nhân",
        "date": "2024-05-02", "source": "https://congdoan.example.vn/tuanle-nganhnuoc",
        "text": "Tuần lễ văn hóa công nhân năm 2024 của ngành Nước diễn ra với chủ đề “Công nhân an toàn, doanh nghiệp "
                "bền vững”.\n\nNăm 2023, ngành đã thăm hỏi 500 công nhân khó khăn."})
    ans = kb.ask("Tuần lễ văn hóa công nhân năm 2024 của ngành Nước có chủ đề gì?").answer
    assert ans.found and "an toàn" in (ans.span or ""), (ans.span, ans.reason)
    ans = kb.ask("Tuần lễ văn hóa công nhân năm 2023 của ngành Nước có chủ đề gì?").answer
    assert not ans.found, (ans.span, ans.reason)


def test_who_did_it_is_answered_where_the_doing_is_told():
    from retrieval.answering.notfound import unsaid_doing

    guests = "Dự lễ bế mạc có đồng chí Lê Văn Hòa, Phó Chủ tịch Công đoàn ngành, và bà Trần Thị Mai, Giám đốc công ty."
    won = "Chị Nguyễn Thị Lan, công nhân phân xưởng may, đoạt giải nhất hội thi."
    assert unsaid_doing("Ai đoạt giải nhất hội thi tay nghề năm 2024?", guests) == ["đoạt", "giải"]
    assert unsaid_doing("Ai đoạt giải nhất hội thi tay nghề năm 2024?", won) == []
    assert unsaid_doing("ai da doat giai nhat hoi thi tay nghe", won) == []
    assert unsaid_doing("Ai là Phó Chủ tịch Công đoàn ngành?", guests) == []  # an office: another check's
    assert unsaid_doing("Chủ tịch công đoàn trao quà cho ai?", guests) == []  # not "ai <verb>"
    assert unsaid_doing("Ai đã tiếp tục trao quà cho công nhân?", "Bà Trần Thị Mai trao 200 suất quà.") == []
    assert unsaid_doing("Ai sáng 3/12 trình bày chuyên đề?", guests) == ["trình", "bày"]


def test_a_place_is_no_office_holder():
    from retrieval.answering.notfound import place_for_person

    assert place_for_person("who", "Chủ tịch Công đoàn trường hiện nay là ai?", "Đà Nẵng")
    assert place_for_person("who", "chu tich cong doan truong hien nay la ai", "Cần Thơ")
    assert not place_for_person("who", "Chủ tịch Công đoàn trường hiện nay là ai?", "ông Nguyễn Văn Nam")
    assert not place_for_person("who", "Chủ tịch Công đoàn trường hiện nay là ai?", "LĐLĐ thành phố Đà Nẵng")
    assert not place_for_person("who", "Đơn vị nào dẫn đầu cụm thi đua?", "Đà Nẵng")  # a body may go by its place


def test_an_anniversarys_pair_of_dates_answers_no_other_date():
    from retrieval.answering.notfound import anniversary_for_date

    pair = "20/10/1930 - 20/10/2025"
    assert anniversary_for_date("date", "Ngôi nhà tình nghĩa được khởi công ngày nào?", pair)
    assert anniversary_for_date("date", "ngoi nha tinh nghia khoi cong ngay nao", pair)
    assert not anniversary_for_date("date", "Hội được thành lập ngày nào?", pair)  # the founding asked
    assert not anniversary_for_date("date", "Lễ kỷ niệm 95 năm diễn ra ngày nào?", pair)
    assert not anniversary_for_date("date", "Hội thi diễn ra từ ngày nào?", "1/7/2025 - 15/7/2025")
    assert not anniversary_for_date("who", "Ai khởi công ngôi nhà?", pair)


def test_bao_nhieu_asks_a_count_whatever_else_the_question_names():
    from retrieval.language.qtype import question_type

    assert question_type("Có bao nhiêu phần trăm công nhân đồng ý các tiêu chí thi đua mới?") == "number"
    assert question_type("Có bao nhiêu đội dự hội thi với chủ đề an toàn lao động?") == "number"
    assert question_type("Hội thi năm nay có chủ đề gì?") == "slogan"
    assert question_type("Hội nghị diễn ra ngày bao nhiêu?") == "date"


def test_a_fee_asks_money_and_a_comrade_is_no_money():
    """"học phí / lệ phí / phí … bao nhiêu" asks an amount; "38 đồng chí" counts people (comrades), never
    "đồng" (VND)."""
    from retrieval.answering.spans import agrees, slot, span_candidates

    q = "lớp bồi dưỡng nghiệp vụ công đoàn học phí bao nhiêu"
    assert slot("number", q) == {"unit": "money"}
    s = "Lớp bồi dưỡng khai giảng cho 38 đồng chí cán bộ công đoàn, học phí 1,2 triệu đồng mỗi học viên."
    agreeing = [c[1].text for c in span_candidates("number", s, q) if agrees(slot("number", q), c[1], s)]
    assert agreeing and all("đồng chí" not in t for t in agreeing) and any("1,2 triệu" in t for t in agreeing), agreeing
    s = "Lớp bồi dưỡng khai giảng cho 38 đồng chí cán bộ công đoàn."
    assert not [c for c in span_candidates("number", s, q) if agrees(slot("number", q), c[1], s)]


def test_an_institution_asked_by_its_kind_is_named_with_it():
    from retrieval.answering.notfound import unnamed_institution

    s = "Công đoàn khởi kiện công ty ra Tòa án nhân dân quận Liên Chiểu để đòi 2 tỷ đồng tiền bảo hiểm."
    plain = "Công đoàn khởi kiện công ty để đòi 2 tỷ đồng tiền bảo hiểm cho 300 công nhân."
    assert unnamed_institution("Tòa án nào thụ lý vụ kiện của công đoàn?", s) == ""
    assert unnamed_institution("toa an nao thu ly vu kien cua cong doan", plain) == "tòa án"
    assert unnamed_institution("Bệnh viện nào khám cho công nhân?", plain) == "bệnh viện"
    assert unnamed_institution("Đơn vị nào khởi kiện công ty?", plain) == ""  # a body may go by its name alone


def test_quy_is_a_quarter_only_as_typed_or_dated_and_an_article_may_list_quarters():
    """Folded "quy" is also "quỹ" ("lập quỹ 2 tỷ"): a quarter is "quý" as typed, or, typed without accents, a
    numeral followed by "/", "-" or a year; "quý I và II/2026" writes quarter II."""
    from retrieval.answering.notfound import missing_quarters

    def missing(q, a, typed=None):
        return _folded(missing_quarters, q, a, typed)

    fund = "Công đoàn huyện lập quỹ 2 tỷ đồng cho đoàn viên vay vốn."
    q = "Công đoàn huyện lập quỹ 2 tỷ đồng để làm gì?"
    assert missing(q, fund, q) == [] and missing(q, fund) == []
    plan = "Kế hoạch quý I và II/2026 của công đoàn ngành được thông qua."
    q = "Kế hoạch quý II/2026 của công đoàn ngành có gì?"
    assert missing(q, plan, q) == []
    q = "Kế hoạch quý III/2026 của công đoàn ngành có gì?"
    assert missing(q, plan, q) == ["quý III"]
    assert missing("ke hoach quy 3/2026 cua cong doan nganh", plan) == ["quý 3"]


def test_a_numbered_group_has_its_head_noun_right_after_to_and_may_be_written_without_so():
    from retrieval.answering.notfound import missing_numbered

    def missing(q, a):
        return _folded(missing_numbered, q, a)

    article = "Tổ 2 của khu phố đã thăm 40 hộ công nhân khó khăn."
    assert missing("Tổ công tác số 2 đã thăm bao nhiêu hộ?", article) == []
    assert missing("Tổ công tác số 5 đã thăm bao nhiêu hộ?", article) == ["số 5"]
    assert missing("Công đoàn tổ chức giải số 3 ở đâu?", article) == []
    assert missing("Đội ngũ cán bộ số 3 làm gì?", article) == []


def test_an_office_asked_as_a_doing_and_an_election_told_as_dac_cu():
    """"Ai đứng đầu / làm / giữ chức …" asks an office holder, told by the office next to a name; "bầu" is told
    as "đắc cử / tái cử / trúng cử" too. The reason shows the member's words as typed."""
    from retrieval.answering.notfound import unsaid_doing

    assert unsaid_doing("Ai đứng đầu LĐLĐ huyện Mỹ Đức?", "Bà Trần Thị Hoa, Chủ tịch LĐLĐ huyện Mỹ Đức, dự lễ.") == []
    assert unsaid_doing("Ai được bầu làm Chủ tịch?", "Ông Lê Minh tái đắc cử Chủ tịch công đoàn ngành Giáo dục.") == []
    assert unsaid_doing("Ai được bầu vào ban chấp hành?", "Ông Lê Minh trúng cử ủy viên.") == []
    assert unsaid_doing("Ai trao giải nhất hội thi?", "Ông Lê Minh, Phó Chủ tịch LĐLĐ tỉnh, dự lễ.") == ["trao", "giải"]


def test_an_institution_named_by_its_initials_and_san_only_as_a_venue():
    from retrieval.answering.notfound import unnamed_institution

    assert unnamed_institution("Trường nào đạt giải nhất hội thi?", "THCS Nguyễn Du đạt giải nhất hội thi.") == ""
    assert unnamed_institution("Bệnh viện nào tiếp nhận bệnh nhân?", "BVĐK tỉnh tiếp nhận 3 bệnh nhân.") == ""
    assert unnamed_institution("Tòa án nào thụ lý vụ kiện?", "TAND quận 3 đã thụ lý vụ kiện.") == ""
    assert unnamed_institution("Tòa án nào thụ lý vụ kiện?", "Công đoàn đã hỗ trợ người lao động khởi kiện.") == "tòa án"
    assert unnamed_institution("Sân nào tổ chức chung kết?", "Tài sản công đoàn được kiểm kê.") == ""
    assert unnamed_institution("Sân bóng nào tổ chức chung kết?", "Tài sản công đoàn được kiểm kê.") == "sân bóng"


def test_a_plan_for_the_next_year_is_no_other_edition():
    from retrieval.answering.notfound import another_edition

    s = "Sáng 12/1, công đoàn ngành tổ chức hội nghị tổng kết công tác, triển khai nhiệm vụ năm 2025."
    assert another_edition("Hội nghị tổng kết năm 2024 diễn ra khi nào?", s) == []
    assert another_edition("Hội nghị tổng kết năm 2024 diễn ra khi nào?", "Hội nghị tổng kết năm 2025 diễn ra sáng 12/1.") != []
