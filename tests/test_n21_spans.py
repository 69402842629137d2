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

