"""Session 34, helper P (second task): "đứng ra <verb>" asks the verb's doing; a collective wedding, a festival or a
fair asked by its edition "lần N" (sentences written for these tests)."""
from knowledge.text import fold
from retrieval.answering.notfound import EVENT_EDITION, unsaid_doing
from retrieval.answering.occasion import another_occasion


def test_dung_ra_before_the_verb_asks_the_verb():
    q = "Ai đứng ra tổ chức giải cầu lông công nhân quận 3 năm nay?"
    told = "Tổ chức giải là Công đoàn quận 3, với sự tài trợ của một ngân hàng."
    other = "Vận động viên lớn tuổi nhất là anh Trần Văn Hùng, 58 tuổi."
    assert unsaid_doing(q, told) == []  # news tells the doing without "đứng ra"
    assert unsaid_doing(q, other) == ["tổ", "chức"]  # a person named for something else
    # "đứng ra" alone is the doing asked
    assert unsaid_doing("Ai đứng ra?", other) == ["đứng", "ra"]


def test_a_wedding_or_fair_asked_by_its_edition():
    assert EVENT_EDITION.findall(fold("đám cưới tập thể công nhân bình dương lần 4 có mấy cặp")) == ["4"]
    assert EVENT_EDITION.findall(fold("hoi cho hang viet lan 2 o dau")) == ["2"]
    assert EVENT_EDITION.findall(fold("đám cưới tập thể lần 2/2025 mấy cặp")) == []  # a date, no edition
    title = "Bình Dương: 40 cặp công nhân dự đám cưới tập thể lần thứ V"
    text = "(BD) - Sáng 5/10/2025, LĐLĐ tỉnh Bình Dương tổ chức đám cưới tập thể lần thứ V cho 40 cặp đôi công nhân."
    cost = "Tổng kinh phí chương trình là 500 triệu đồng."
    assert another_occasion("dam cuoi tap the binh duong lan 4 kinh phi bn", cost, title, text) == ["lần 4"]
    assert another_occasion("dam cuoi tap the binh duong lan 5 kinh phi bn", cost, title, text) == []
