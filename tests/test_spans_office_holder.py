"""Session 20, helper W: the person who holds the office asked, of the body asked (sentences written for these
tests, none from the dev or team sets)."""
from retrieval.answering import spans
from retrieval.params import ROLE_NO_PERSON_FIT, ROLE_OTHER_BODY_FIT


def test_the_body_of_an_office_is_read_after_it():
    assert spans.body_words(" Công đoàn Giáo dục Việt Nam; đồng chí B", 6, cased=True) == {"giao", "duc"}
    assert spans.body_words(" Công đoàn Viên chức tỉnh, phát biểu", 6, cased=True) == {"vien"}
    # an office of no body in particular, or one whose name ends before a verb in lower case
    assert spans.body_words(" Công đoàn công ty, cho biết", 6, cased=True) == set()
    assert spans.body_words(" LĐLĐ tỉnh do ông Lê Văn Tâm đảm nhiệm", 6, cased=True) == set()
    assert spans.body_words(" LĐLĐ tỉnh khóa XII", 6, cased=True) == set()
    # a folded question has no capitals: its words after the office all count
    assert spans.body_words(" cong doan nganh xay dung tinh la ai", 8) == {"xay", "dung"}


def test_the_office_asked_held_in_another_body_is_no_answer():
    q = "Ai đang là chủ tịch công đoàn ngành xây dựng tỉnh?"
    other = "Dự lễ có ông Trần Văn Bình, Chủ tịch Công đoàn Viên chức tỉnh."
    asked = "Bà Lê Thị Mai, Chủ tịch Công đoàn ngành Xây dựng, cho biết năm nay có 40 công trình."
    plain = "Bà Lê Thị Mai, Chủ tịch Công đoàn ngành, cho biết năm nay có 40 công trình."
    assert spans.type_fit("who", other, q) == ROLE_OTHER_BODY_FIT
    assert spans.type_fit("who", asked, q) == 1.0
    assert spans.type_fit("who", plain, q) == 1.0  # the body not named: no evidence either way
    both = ("Tham dự có ông Trần Văn Bình, Chủ tịch Công đoàn Viên chức tỉnh và bà Lê Thị Mai, Chủ tịch Công "
            "đoàn ngành Xây dựng tỉnh.")
    assert spans.extract_span("who", both, q) == "bà Lê Thị Mai"


def test_a_deputy_asked_reads_the_deputy_office_not_the_persons_own():
    q = "Hội nghị bầu ai làm Phó Chủ tịch LĐLĐ tỉnh Hòa Bình?"
    s = "Hội nghị bầu bổ sung ông Đinh Văn Hải, Chủ tịch Công đoàn Viên chức tỉnh, giữ chức Phó Chủ tịch LĐLĐ tỉnh."
    assert spans.type_fit("who", s, q) == 1.0


def test_the_head_of_a_union_body_is_its_chairman():
    assert spans.slot("who", "Ai đứng đầu công đoàn công ty may Hòa Phát?")["role"] == "chu tich"
    assert spans.slot("who", "ai dung dau ldld tinh")["role"] == "chu tich"
    assert "role" not in spans.slot("who", "Đội nào đứng đầu giải bóng đá công nhân?")


def test_an_office_asked_and_no_person_named():
    q = "Chủ tịch Công đoàn Công ty Sao Mai là ai?"
    lede = "Sáng 3/4, Công đoàn công ty tổ chức hội nghị người lao động tại Khu công nghiệp Tân Bình."
    assert spans.type_fit("who", lede, q) == ROLE_NO_PERSON_FIT


def test_a_place_is_no_one():
    # a province's name, though it opens with a family name ("Hà", "Đồng"), names no person
    q = "Ai dẫn đầu đoàn công tác thăm công nhân vùng lũ của LĐLĐ Hà Tĩnh?"
    s = "Đoàn công tác do bà Lê Thị Hoa, Phó Chủ tịch LĐLĐ tỉnh Hà Tĩnh dẫn đầu, đã trao 200 suất quà."
    assert spans.extract_span("who", s, q) == "bà Lê Thị Hoa"
    s = "Đoàn công tác do Phó Chủ tịch LĐLĐ tỉnh Nguyễn Văn Hùng dẫn đầu, đã trao 200 suất quà."
    assert spans.extract_span("who", s, q) == "Nguyễn Văn Hùng"
    lede = "Bắc Ninh - Sáng 8-3, Công đoàn các Khu công nghiệp Bắc Ninh tổ chức ngày hội việc làm."
    assert spans.extract_span("who", lede, "Ai là người được tuyên dương tại ngày hội?") is None
    # what is named after "tại" is where it happened, not who did it
    venue = "Sáng 9/5, tại Công ty TNHH Cao su Bình Long, Công đoàn ngành tổ chức hội thi an toàn vệ sinh viên."
    assert spans.extract_span("who", venue, "Đơn vị nào tổ chức hội thi an toàn vệ sinh viên?") != "Công ty TNHH Cao su Bình Long"


def test_a_province_may_stand_for_its_body_when_a_body_is_asked():
    q = "Đơn vị nào dẫn đầu cụm thi đua số 3?"
    s = "LĐLĐ tỉnh Lâm Đồng - dẫn đầu Cụm thi đua số 3 các tỉnh Tây Nguyên."
    assert spans.extract_span("who", s, q) is not None


def test_an_office_before_the_name_names_its_body_up_to_the_name():
    q = "Chủ tịch công đoàn cơ quan dự lễ là ai?"
    assert spans.type_fit("who", "Dự lễ có Chủ tịch Công đoàn cơ quan Trần Văn Bình.", q) > 0.5
    q = "Chủ tịch công đoàn ngành xây dựng là ai?"
    assert spans.type_fit("who", "Dự lễ có Chủ tịch Công đoàn Viên chức Trần Văn Bình.", q) == ROLE_OTHER_BODY_FIT
