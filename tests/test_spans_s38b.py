"""Session 38, helper P, second round (issue 23): "lãnh đạo nào …", "lãnh đạo <body> nào …" with no office named
asks a leader, whom news names with an office right before or after the name; a worker or a guest given no office is
not the one asked (sentences written for these tests)."""
from retrieval.answering import spans
from retrieval.params import ROLE_NO_PERSON_FIT

Q = "Lãnh đạo nào của Công đoàn tỉnh Phú Yên phát biểu tại lễ khánh thành nhà văn hóa năm 2025?"
WORKER = "Chị Lê Thị Hạnh, công nhân Công ty TNHH Thủy sản Sông Cầu, xúc động khi nhận chìa khóa nhà văn hóa."
LEADER = "Đồng chí Phan Văn Toàn, Phó Chủ tịch LĐLĐ tỉnh Phú Yên, cho biết công trình có kinh phí 1,2 tỷ đồng."
BOTH = ("Ông Nguyễn Văn Sơn, Giám đốc Công ty TNHH Thủy sản Sông Cầu, cùng anh Trần Văn Lộc, công nhân tổ cấp đông, "
        "cắt băng khánh thành.")


def test_a_leader_asked_by_no_office_in_particular():
    assert spans.leader_asked("who", Q)
    assert spans.leader_asked("who", "lanh dao ldld phu yen nao phat bieu tai le khanh thanh vay")
    assert spans.leader_asked("who", "Vị lãnh đạo công đoàn dự buổi lễ là ai?")
    # an office named (`slot`'s role), the bodies that sent leaders, a board or level of leadership: not this reading
    for q in ("Chủ tịch LĐLĐ tỉnh Phú Yên là ai?", "Người đứng đầu LĐLĐ tỉnh Phú Yên là ai?",
              "Những cơ quan nào cử lãnh đạo dự lễ khánh thành?", "Bộ phận lãnh đạo nào ký ban hành kế hoạch?",
              "Ban lãnh đạo nào phê duyệt đề án?"):
        assert not spans.leader_asked("who", q), q
    assert not spans.leader_asked("number", "Bao nhiêu lãnh đạo dự lễ?")


def test_the_person_named_with_an_office_answers():
    assert spans.type_fit("who", WORKER, Q) == 0.5  # no one the sentence names with an office
    assert spans.type_fit("who", LEADER, Q) == 1.0
    # a lede naming the place and the body only: no person, as for an office asked
    lede = "Sáng 12/5/2025, tại xã An Hiệp, LĐLĐ tỉnh Phú Yên tổ chức lễ khánh thành nhà văn hóa công nhân."
    assert spans.type_fit("who", lede, Q) == ROLE_NO_PERSON_FIT
    assert spans.extract_span("who", LEADER, Q).endswith("Phan Văn Toàn")
    assert spans.extract_span("who", BOTH, Q).endswith("Nguyễn Văn Sơn")
    # asked a worker, the worker: the office reading is the leader's only
    assert spans.extract_span("who", BOTH, "Công nhân nào cắt băng khánh thành nhà văn hóa?").endswith("Trần Văn Lộc")
