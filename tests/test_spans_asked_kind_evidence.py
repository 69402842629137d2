"""Session 19, helper A: the kind of answer asked and the kind of evidence next to a span (sentences written for
these tests, none from the dev or team sets)."""
from retrieval.answering import spans
from retrieval.language.chat import same_as
from retrieval.language.qtype import asked_person_noun, folded_question, question_type


def test_who_holds_a_named_office_asks_the_person_and_an_unnamed_office_asks_the_office():
    assert question_type("Ai hiện đang giữ chức Chủ tịch Công đoàn trường Tiểu học Hòa Bình?") == "who"
    assert question_type("ai dam nhiem truong ban nu cong cong ty") == "who"
    assert question_type("Bà Trần Thu Lan giữ chức vụ gì?") == "role"
    assert question_type("Ông Phạm Văn Hậu đảm nhiệm chức vụ nào ở công đoàn?") == "role"


def test_a_noun_of_people_with_nao_asks_a_person():
    assert question_type("Đoàn viên nào được tặng sổ tiết kiệm dịp 20/10?") == "who"
    assert question_type("thi sinh nao dat diem cao nhat hoi thi") == "who"
    assert question_type("Công nhân ở công ty nào được thưởng Tết cao nhất?") == "where"  # "nào" asks the company
    assert asked_person_noun(folded_question("Đoàn viên nào được tặng sổ tiết kiệm?")) == "doan vien"
    # the nghiệp đoàn is asked, not its members
    assert asked_person_noun(folded_question("doan vien nghiep doan nao duoc ho tro")) is None


def test_a_person_noun_opening_the_question_with_ten_gi_asks_a_name():
    assert question_type("Vị bác sĩ trưởng đoàn khám bệnh tên là gì?") == "who"
    assert question_type("Luật sư tư vấn cho công nhân hôm đó tên gì?") == "who"
    # further in, the person noun is whom the thing is for: the fund's name is asked
    assert question_type("Quỹ giúp thầy cô gặp khó khăn có tên là gì?") != "who"


def test_the_person_called_by_the_noun_asked_answers():
    q = "Đoàn viên nào được công đoàn tặng sổ tiết kiệm?"
    by_noun = "Công đoàn trao sổ tiết kiệm trị giá 5 triệu đồng cho chị Trần Thị Mai, đoàn viên tổ may số 3."
    other = "Ông Lê Văn Sơn, Giám đốc công ty, phát biểu chúc mừng các nữ công nhân."
    assert spans.type_fit("who", by_noun, q) == 1.0
    assert spans.type_fit("who", other, q) == 0.5
    assert "Trần Thị Mai" in spans.extract_span("who", by_noun, q)
    lawyer = "Luật sư Hồ Văn Tám, Trưởng Văn phòng, đã giải đáp 40 câu hỏi của người lao động."
    assert spans.type_fit("who", lawyer, "Vị luật sư giải đáp thắc mắc cho công nhân tên gì?") == 1.0
    # asked "giáo viên nào", the teacher's name, not the noun's own phrase "Giáo viên Trường …"
    teacher = "Công đoàn trao nhà tình nghĩa cho cô Lý Thị Hoa - Giáo viên Trường Mầm non Sơn Ca."
    assert spans.extract_span("who", teacher, "Nhà tình nghĩa được trao cho giáo viên nào?") == "cô Lý Thị Hoa"


def test_days_listed_with_va_answer_which_days():
    q = "Hội thao công nhân diễn ra vào những ngày nào?"
    listed = "Trong 2 ngày 9 và 10/3/2025, Công đoàn khu công nghiệp tổ chức hội thao công nhân."
    assert spans.extract_span("date", listed, q) == "ngày 9 và 10/3/2025"
    assert spans.type_fit("date", listed, q) == 1.0


def test_a_plan_asked_is_answered_by_a_sentence_stating_one():
    q = "Đợt trao quà tiếp theo dự kiến tổ chức ở đâu?"
    held, next_ = "Năm nay công đoàn trao 200 suất quà tại nhà văn hóa xã Hòa Bình.", "Theo kế hoạch, đợt sau sẽ được tổ chức tại xã Tân Phú."
    assert [unsaid for unsaid, _ in spans.plan_marks(q, [held, next_])] == [True, False]
    # "chia sẻ" is no "sẽ"; a question about what was done asks no plan
    assert spans.plan_marks("Ai chia sẻ kinh nghiệm tại hội nghị?", ["Chị Hoa chia sẻ kinh nghiệm."]) == [(False, False)]
    assert spans.plan_marks("Công đoàn trao quà ở đâu?", [held]) == [(False, False)]


def test_ve_nhat_is_the_first_prize():
    assert "giai nhat" in same_as("doi nao ve nhat hoi thao")


def test_which_noun_asks_by_where_it_stands():
    # after "ở / tại": a place
    assert question_type("Lễ xuất quân diễn ra tại ga nào?") == "where"
    assert question_type("Buổi trao nhà diễn ra ở thôn nào của xã Tân Lập?") == "where"
    assert question_type("Hội diễn văn nghệ công nhân tổ chức ở nhà thi đấu nào?") == "where"
    # a body's noun before "nào": which body did it
    assert question_type("Ngân hàng nào tài trợ học bổng cho con đoàn viên?") == "who"
    assert question_type("doan nao gianh giai nhat toan doan hoi thao") == "who"
    assert question_type("Doanh nghiệp nào cùng công đoàn tỉnh trao 100 suất quà?") == "who"
    # other cues keep their kind
    assert question_type("Công nhân ở công ty nào được thưởng Tết cao nhất?") == "where"
    assert question_type("Chương trình nào được ngân hàng tài trợ?") == "campaign"


def test_who_spans_are_people_of_the_news():
    # a sentence opening with the full name and its office names that person
    opens = "Trần Thị Kim Liên, Giám đốc Trung tâm Y tế huyện Phú Lộc, trực tiếp chỉ đạo đợt khám."
    assert spans.extract_span("who", opens, "Ai là Giám đốc Trung tâm Y tế huyện Phú Lộc?") == "Trần Thị Kim Liên"
    # "Phát biểu khai mạc, <speaker>": the speaker after the opener's comma
    speech = "Phát biểu khai mạc, đồng chí Đoàn Văn Minh, Chủ tịch LĐLĐ huyện, nhấn mạnh vai trò của công đoàn."
    assert spans.extract_span("who", speech, "Ai khai mạc hội nghị?") == "đồng chí Đoàn Văn Minh"
    # the source a lede opens with is its publisher
    lede = "(Báo Sông Hậu) - Sáng 3/5, Liên đoàn Lao động tỉnh tổ chức hội nghị tổng kết."
    assert spans.extract_span("who", lede, "Ai chủ trì hội nghị tổng kết?") is None
    # "điều hành" asked, "chủ trì" written
    assert "chu tri" in same_as("ai dieu hanh hoi nghi")


def test_an_office_before_the_body_keeps_its_holder():
    s = "Dự lễ có Giám đốc Bệnh viện Đa khoa tỉnh Đinh Văn Hùng và đại diện các sở, ngành."
    assert spans.extract_span("who", s, "Ai là giám đốc bệnh viện đa khoa tỉnh?") == "Đinh Văn Hùng"
