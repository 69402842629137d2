"""Session 21, helper U (issue 23): evidence that the doing a who-question asks is told in the sentence quoted.
Sentences written by the team for these tests (never dev or team-set text)."""
from __future__ import annotations

from tests.test_answering import _kb_with


def test_who_is_the_one_who_did_it_is_asked_by_the_doing():
    """"Ai là người <việc>" asks the doer like "Ai <việc>", wherever it stands in the question: a sentence naming
    someone who did something else does not answer it; an office after "là người" is another check's."""
    from retrieval.answering.notfound import unsaid_doing

    opening = "Hội nghị do bà Lê Thị Hồng, Phó Chủ tịch Liên đoàn Lao động huyện, chủ trì, với 90 đại biểu dự."
    awarded = "Anh Phạm Văn Tú, tổ trưởng tổ cơ điện, được nhận Bằng khen của Tổng Liên đoàn."
    asked = "Tại hội nghị tổng kết năm của huyện, ai là người được nhận Bằng khen của Tổng Liên đoàn?"
    assert unsaid_doing(asked, opening) == ["nhận", "Bằng"]
    assert unsaid_doing(asked, awarded) == []
    assert unsaid_doing("ai la nguoi phu trach bep an ca cua cong ty", opening) == ["phu", "trach"]
    assert unsaid_doing("Ai là người chủ trì hội nghị?", opening) == []
    assert unsaid_doing("Ai là người đứng đầu Liên đoàn Lao động huyện?", awarded) == []  # an office
    assert unsaid_doing("Ai là Chủ tịch Công đoàn công ty?", awarded) == []  # no "người": an office asked


def test_who_is_the_one_who_did_it_is_declined_on_a_bystander(tmp_path, embedder):
    """End to end: an article naming who chaired a meeting and who spoke, never who manages the canteen — asked
    who manages it, the chair is no answer; asked who chaired it, she is."""
    kb = _kb_with(tmp_path, embedder, {
        "id": "bepan-tanphu", "title": "Khánh thành bếp ăn ca mới cho công nhân Khu công nghiệp Tân Phú",
        "date": "2025-04-12", "source": "https://congdoan.example.vn/bepan-tanphu",
        "text": "Sáng 11/4/2025, Công đoàn Khu công nghiệp Tân Phú khánh thành bếp ăn ca mới phục vụ 1.200 công nhân "
                "của ba doanh nghiệp trong khu.\n\nBuổi lễ do bà Lê Thị Hồng, Chủ tịch Công đoàn Khu công nghiệp Tân "
                "Phú, chủ trì. Anh Phạm Văn Tú, công nhân tổ cơ điện, chia sẻ niềm vui khi được ăn bữa trưa nóng "
                "ngay cạnh xưởng.\n\nBếp ăn có tổng kinh phí 2,5 tỷ đồng, mỗi suất ăn trị giá 30.000 đồng."})
    ans = kb.ask("Ai là người chủ trì lễ khánh thành bếp ăn ca ở Khu công nghiệp Tân Phú?").answer
    assert ans.found and "Lê Thị Hồng" in (ans.span or ""), (ans.span, ans.reason)
    ans = kb.ask("Ai là người quản lý bếp ăn ca mới ở Khu công nghiệp Tân Phú?").answer
    assert not ans.found, (ans.span, ans.reason)
