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
