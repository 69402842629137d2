"""Session 20 (helper C): a time pointed back to ("năm đó") keeps the member's own noun before it.
Sentences written by the team."""


def test_a_time_pointed_back_to_keeps_the_noun_before_it():
    """"Hội nghị tổng kết năm đó", "buổi sơ kết lần đó": "năm / lần đó" points at the topic's time or
    edition, and the noun before it is the member's own — not cut because the topic says one of its
    syllables ("kết" of "kết nạp"). A thing pointed back to ("công đoàn đó") still goes whole."""
    from retrieval.conversation.followup import combine

    topic = "Năm 2023 công đoàn tỉnh Lai Châu kết nạp bao nhiêu đoàn viên?"
    assert combine(topic, "Hội nghị tổng kết năm đó họp ở đâu?").endswith(", Hội nghị tổng kết họp ở đâu?")
    assert combine(topic, "buổi sơ kết lần đó ai chủ trì?").endswith(", buổi sơ kết ai chủ trì?")
    assert combine(topic, "phiên chợ Tết lần ấy có mấy gian hàng?").endswith(", phiên chợ Tết có mấy gian hàng?")
    assert combine(topic, "hoi nghi tong ket nam do hop o dau").endswith(", hoi nghi tong ket hop o dau?")
    union = "Đại hội Công đoàn tỉnh Lai Châu lần thứ XIV có bao nhiêu đại biểu?"
    assert combine(union, "công đoàn đó có bao nhiêu đoàn viên?").endswith(", có bao nhiêu đoàn viên?")
