"""Session 36 (helper D), second task: a date asked for one doing ("khởi công … ngày nào?") and the quoted sentence dating
another doing ("tổ chức trao quà", "hội nghị sơ kết") and none asked (notfound.another_doing), or a signing with another
party (another_party); a fee asked and none told (unsaid_fee). Sentences written for
these tests (no dev or team data)."""
from __future__ import annotations

import pytest

from retrieval.answering import notfound
from retrieval.answering.notfound import another_doing, evidence_against


@pytest.mark.parametrize("question, sentence, asked", [
    ("Công đoàn huyện khởi công nhà văn hóa công nhân vào ngày nào?",
     "Sáng 4/6/2024, Công đoàn huyện tổ chức trao 50 suất quà cho công nhân khó khăn.", "khởi công"),
    ("cong doan kcn ky quy che phoi hop voi vien kiem sat khi nao",
     "Chiều 2-8-2024, Công đoàn KCN và Viện Kiểm sát tổ chức hội nghị sơ kết công tác tuyên truyền.", "ký kết"),
    ("Lễ khánh thành Mái ấm Công đoàn ở xã Tân Lập diễn ra hôm nào?",
     "Ngày 9/10/2023, LĐLĐ huyện động thổ xây dựng Mái ấm Công đoàn cho chị Lan ở xã Tân Lập.", "khánh thành"),
    ("Nhà văn hóa công nhân xã Yên Sơn sẽ hoàn thành vào năm nào?",
     "Theo kế hoạch, nhà văn hóa công nhân xã Yên Sơn dự kiến khởi công trong tháng 3/2025.", "khánh thành"),
    # the doing asked told in the sentence, by its own word or another news writes for it
    ("Công đoàn huyện khởi công nhà văn hóa công nhân vào ngày nào?",
     "Ngày 4/6/2024, Công đoàn huyện tổ chức lễ động thổ nhà văn hóa công nhân và trao quà.", ""),
    ("Mái ấm Công đoàn được bàn giao cho chị Hoa ngày nào?",
     "Chiều 3/11, LĐLĐ huyện tổ chức trao Mái ấm Công đoàn cho chị Hoa.", ""),
    ("Lễ tổng kết hội thao công nhân diễn ra ngày nào?", "Sáng 20/5, Ban tổ chức bế mạc và trao giải hội thao.", ""),
    ("Theo kế hoạch lúc động thổ, bao giờ xong nhà văn hóa công nhân?",
     "Nhà văn hóa công nhân dự kiến hoàn thành vào tháng 9/2025.", ""),
    # no doing asked by these words, or none told: the sentence's event is the one asked
    ("Hội thao công nhân năm 2024 diễn ra vào ngày nào?", "Sáng 20/5, Ban tổ chức tổng kết và trao giải hội thao.", ""),
    ("Công đoàn huyện khởi công nhà văn hóa công nhân vào ngày nào?",
     "Sáng 4/6/2024, tại xã Yên Sơn, đại diện Công đoàn huyện cùng chính quyền xã đến dự.", ""),
    # "trao đổi" is talking over, no handing over told
    ("Công đoàn huyện khởi công nhà văn hóa công nhân vào ngày nào?",
     "Ngày 4/6/2024, Công đoàn huyện trao đổi với chủ doanh nghiệp về nhà văn hóa.", ""),
    # not a date asked
    ("Công đoàn huyện khởi công bao nhiêu nhà văn hóa?", "Năm 2024, Công đoàn huyện trao 50 suất quà.", ""),
    # "kỳ" folds like "ký": no signing asked by "định kỳ"
    ("Công đoàn tổ chức khám sức khỏe định kỳ cho công nhân vào ngày nào?",
     "Ngày 5/3, Công đoàn trao 100 thẻ bảo hiểm y tế cho công nhân.", ""),
])
def test_a_date_asked_for_one_doing_and_another_told(question, sentence, asked):
    assert another_doing("date" if "bao nhiêu" not in question else "number", question, sentence) == asked


def test_another_doing_is_evidence_a_runner_may_answer():
    against = evidence_against("Công đoàn huyện khởi công nhà văn hóa công nhân vào ngày nào?",
                               "Sáng 4/6/2024, Công đoàn huyện tổ chức trao 50 suất quà cho công nhân.", "date", "Sáng 4/6/2024")
    assert "another_doing" in against and "another_doing" in notfound.UNDONE_CHECKS


@pytest.mark.parametrize("question, sentence, unsaid", [
    ("Lớp học bơi hè cho con công nhân thu phí bao nhiêu mỗi cháu?",
     "Kết thúc khóa học, 300 cháu được tặng quà, mỗi suất trị giá 200.000 đồng.", True),
    ("hoc phi lop tieng anh cho cong nhan la bao nhieu",
     "Mỗi học viên được tặng bộ sách; tổng kinh phí lớp học 60 triệu đồng.", True),
    ("Giá thuê phòng trọ công đoàn bao nhiêu một tháng?", "Công đoàn dành 2 tỉ đồng sửa chữa 40 phòng trọ.", True),
    # the fee or price told
    ("Học phí lớp tiếng Anh cho công nhân là bao nhiêu?",
     "Học phí 500.000 đồng/khóa, mỗi học viên còn được tặng bộ sách trị giá 150.000 đồng.", False),
    ("Giá thuê phòng trọ công đoàn bao nhiêu một tháng?", "Giá thuê mỗi phòng 1,2 triệu đồng/tháng.", False),
    ("Năm 2023 công đoàn huyện thu đoàn phí được bao nhiêu?", "Năm 2023, thu đoàn phí đạt 3,1 tỉ đồng.", False),
    # no fee asked: a worth, a budget, something free
    ("Phiếu mua hàng tặng công nhân trị giá bao nhiêu?", "Mỗi phiếu trị giá 300.000 đồng.", False),
    ("Tổng kinh phí lớp học bơi là bao nhiêu?", "Mỗi cháu được tặng đồ bơi trị giá 250.000 đồng.", False),
    ("Khám sức khỏe miễn phí cho bao nhiêu công nhân?", "Mỗi người được tặng quà trị giá 100.000 đồng.", False),
])
def test_a_fee_asked_and_none_told(question, sentence, unsaid):
    assert notfound.unsaid_fee("number", question, sentence) is unsaid


@pytest.mark.parametrize("question, sentence, party", [
    ("LĐLĐ tỉnh ký kết quy chế phối hợp với Viện Kiểm sát tỉnh vào ngày nào?",
     "Sáng 2/3/2025, LĐLĐ tỉnh và Sở Tư pháp tỉnh tổ chức lễ ký kết quy chế phối hợp.", "vien kiem sat"),
    ("cd nganh y te ky chuong trinh phoi hop vs hoi nong dan khi nao",
     "Ngày 5/6/2024, Công đoàn ngành Y tế ký kết chương trình phối hợp với Tỉnh đoàn.", "hoi nong dan"),
    # the party asked written, by its initials too
    ("LĐLĐ tỉnh ký quy chế phối hợp với Bảo hiểm xã hội tỉnh vào ngày nào?",
     "Chiều 7/4/2025, LĐLĐ tỉnh và BHXH tỉnh đã ký kết quy chế phối hợp giai đoạn 2025–2030.", ""),
    # no signing told (another_doing's), or no party asked
    ("LĐLĐ tỉnh ký kết quy chế phối hợp với Viện Kiểm sát tỉnh vào ngày nào?",
     "Sáng 2/3/2025, LĐLĐ tỉnh tổ chức hội nghị sơ kết công tác năm 2024.", ""),
    ("LĐLĐ tỉnh ký kết quy chế phối hợp vào ngày nào?",
     "Sáng 2/3/2025, LĐLĐ tỉnh và Sở Tư pháp tỉnh ký kết quy chế phối hợp.", ""),
])
def test_a_signing_asked_with_one_party_and_another_s_told(question, sentence, party):
    assert notfound.another_party("date", question, sentence) == party
