"""Session 36, helper P (issue 23): where a body is — the place news brackets after its name (sentences written
for these tests)."""
from retrieval.answering import spans
from tests.helpers import asked


def test_where_a_body_is_is_the_place_bracketed_after_its_name():
    lede = ("Sáng 3/4/2025, Công đoàn Công ty TNHH Điện tử Minh Khang (KCN Tràng An, huyện Gia Viễn) phối hợp "
            "với ban giám đốc tổ chức hội thi tay nghề cho 300 công nhân.")
    for typed in ("Công ty TNHH Điện tử Minh Khang nằm ở khu công nghiệp nào?",
                  "cty dien tu minh khang o kcn nao vay",
                  "Công ty Minh Khang đóng tại đâu?"):
        qt, q = asked(typed)
        assert qt == "where"
        assert spans.extract_span(qt, lede, q) == "KCN Tràng An, huyện Gia Viễn"
    # another body's bracket, or where the event was held, is not it
    qt, q = asked("Công ty TNHH Cơ khí Hồng Hà nằm ở khu công nghiệp nào?")
    assert spans.extract_span(qt, lede, q) is None
    qt, q = asked("Hội thi tay nghề của Công ty Minh Khang được tổ chức ở đâu?")
    assert not spans.located_in_brackets(lede, spans.fold(q).lower())
