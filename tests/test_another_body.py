"""Session 26, helper D: a chair asked of one kind of union body, the quoted sentence naming the chair of another
(`notfound.another_body`).

Every sentence here is written for the test (fictional union news, modelled on the team's sets: a branch's congress
read for a province's federation asked, a federation's chair read for a grassroots union asked)."""
from __future__ import annotations

from retrieval.answering.notfound import another_body, evidence_against

BRANCH = "Đồng chí Lê Thị Mai được bầu giữ chức Chủ tịch Công đoàn ngành Giáo dục Hà Tĩnh nhiệm kỳ 2023-2028."
FEDERATION = "Đồng chí Trần Văn Kỳ, Chủ tịch LĐLĐ tỉnh, chủ trì hội nghị."


def test_a_chair_of_another_kind_of_body_is_not_the_one_asked():
    assert another_body("who", "Chủ tịch LĐLĐ tỉnh Hà Tĩnh là ai?", BRANCH) == "liên đoàn lao động"
    assert another_body("who", "Ai là Chủ tịch Công đoàn cơ sở Bệnh viện Đa khoa tỉnh?", FEDERATION) == "công đoàn cơ sở"
    assert another_body("who", "Chủ tịch Công đoàn ngành Y tế tỉnh là ai?", FEDERATION) == "công đoàn ngành"
    assert "another_body" in evidence_against("Chủ tịch Liên đoàn Lao động tỉnh Hà Tĩnh là ai?", BRANCH, "who")


def test_the_body_asked_or_none_named_is_no_evidence():
    assert another_body("who", "Chủ tịch Công đoàn ngành Giáo dục Hà Tĩnh là ai?", BRANCH) == ""
    assert another_body("who", "Chủ tịch LĐLĐ tỉnh là ai?", FEDERATION) == ""
    # the sentence names no office after a body kind, or the question asks none
    assert another_body("who", "Chủ tịch LĐLĐ tỉnh Hà Tĩnh là ai?", "Đồng chí Lê Thị Mai phát biểu tại hội nghị.") == ""
    assert another_body("who", "Ai phát biểu khai mạc hội nghị?", BRANCH) == ""
    # a deputy's office is another office (missing_roles' concern), not another body
    assert another_body("who", "Chủ tịch Công đoàn ngành Giáo dục là ai?",
                        "Đồng chí Hà Văn Sơn, Phó Chủ tịch LĐLĐ tỉnh, dự hội nghị.") == ""
    # "các chủ tịch công đoàn cơ sở", written without a capital, names no one's office
    assert another_body("who", "Chủ tịch LĐLĐ tỉnh Quảng Nam là ai?",
                        "Đồng chí Phan Văn Bình đề nghị các chủ tịch công đoàn cơ sở quan tâm tập huấn.") == ""
