"""Session 34, helper P (issue 23): the right sentence's span — a time asked by "thời gian",
a place's name is no person, a bare unit word opening a noun (sentences written for these tests)."""
from retrieval.answering import spans
from tests.helpers import asked


def test_bao_nhieu_thoi_gian_asks_a_duration():
    qt, q = asked("Mỗi đội được bao nhiêu thời gian để dựng xong lều trại?")
    assert spans.slot(qt, q).get("unit") == "duration"
    s = "Mỗi đội có 40 phút để dựng lều, 12 đội tham gia phần thi này."
    assert spans.extract_span(qt, s, q) == "40 phút"
    # a count asked stays a count
    assert spans.slot(*asked("Có bao nhiêu đội dựng lều trại?")).get("noun")


def test_a_place_named_after_its_kind_is_no_person():
    qt, q = asked("Ai là Chủ tịch Công đoàn Công ty Chè Phú Bền?")
    lede = "Ngày 2/5, tại Nông trường Đồng Xuân, Công đoàn Công ty Chè Phú Bền tổ chức hội thi hái chè."
    named = "Đồng chí Lê Văn Tâm, Chủ tịch Công đoàn công ty, phát biểu khai mạc hội thi."
    assert all(sc <= 0 for sc, _ in spans.span_candidates(qt, lede, q))  # no person: names of no one at best
    assert spans.type_fit(qt, lede, q) < spans.type_fit(qt, named, q)
    # a bare name opening a clause is still a person
    bare = "Tham dự có Lê Văn Tâm, Chủ tịch Công đoàn công ty."
    assert spans.extract_span(qt, bare, q) == "Lê Văn Tâm"
    # and so is one named after his body in lower case ("… công đoàn công ty Lê Văn Tâm")
    after_body = "Phát biểu tại hội thi, Chủ tịch công đoàn công ty Lê Văn Tâm cảm ơn các thí sinh."
    assert spans.extract_span(qt, after_body, q) == "Lê Văn Tâm"


def test_a_bare_unit_word_may_open_a_counted_noun():
    qt, q = asked("cong doan tang bao nhieu thang nhom cho khu tro vay")
    s = "Công đoàn tặng 300 bình nước, 40 thang nhôm và 20 bộ sơ cứu cho các khu trọ."
    assert spans.extract_span(qt, s, q) == "40 thang nhôm"
    assert spans.type_fit(qt, s, q) == 1.0
    # months still answer months, and a time asked bare stays one
    qt2, q2 = asked("cong nhan duoc nghi bao nhieu thang vay")
    assert "as_noun" not in spans.slot(qt2, q2)
    assert spans.extract_span(qt2, "Công nhân được nghỉ 6 tháng, hưởng nguyên lương.", q2) == "6 tháng"
    # typed with accents, "tháng" is months only
    qt3, q3 = asked("Công đoàn tặng bao nhiêu tháng lương cho công nhân?")
    assert "as_noun" not in spans.slot(qt3, q3)
