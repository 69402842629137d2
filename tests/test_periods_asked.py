"""Session 36 (helper D): a part of a year asked — a quarter or a month dated by its year ("quý I/2024") while the quoted
sentence dates the same kind of period by another year (notfound.another_period), and a day asked ("ngày nào") that a
quarter, a month or a year answers without a day (notfound.period_for_day). Sentences written for these tests (no dev
or team data)."""
from __future__ import annotations

import pytest

from retrieval.answering import notfound
from retrieval.answering.notfound import another_period, evidence_against, period_for_day


@pytest.mark.parametrize("question, sentence, told", [
    ("Quý II/2023, công đoàn huyện kết nạp bao nhiêu đoàn viên?",
     "Trong quý II/2024, công đoàn huyện kết nạp 310 đoàn viên mới.", "quý 2/2024"),
    ("quy 3 nam 2022 co bao nhieu vu tai nan lao dong", "Quý III/2023 xảy ra 4 vụ tai nạn lao động.", "quý 3/2023"),
    ("Tháng 7/2023 có bao nhiêu công nhân được khám sức khỏe?",
     "Riêng tháng 7/2024, 820 công nhân được khám sức khỏe miễn phí.", "tháng 7/2024"),
    # the year asked written too (a comparison with the same period): no evidence against the sentence
    ("Quý II/2023, công đoàn huyện kết nạp bao nhiêu đoàn viên?",
     "Quý II/2024 kết nạp 310 đoàn viên, gấp đôi quý II/2023.", ""),
    ("Quý II/2023, công đoàn huyện kết nạp bao nhiêu đoàn viên?", "Quý II/2023 kết nạp 155 đoàn viên.", ""),
    # no period told in the sentence, or none asked
    ("Quý II/2023, công đoàn huyện kết nạp bao nhiêu đoàn viên?", "Năm 2024, công đoàn huyện kết nạp 900 đoàn viên.", ""),
    ("Năm 2023 công đoàn huyện kết nạp bao nhiêu đoàn viên?", "Trong quý II/2024, công đoàn huyện kết nạp 310 đoàn viên.", ""),
    # a day's month is no month asked by its year
    ("Tháng 7/2023 có bao nhiêu công nhân được khám sức khỏe?", "Ngày 12/7/2024, 820 công nhân được khám sức khỏe.", ""),
])
def test_a_period_asked_by_its_year_and_another_year_s_told(question, sentence, told):
    assert another_period(question, sentence) == told


def test_another_period_is_evidence_of_another_time():
    against = evidence_against("Quý I/2023, bao nhiêu doanh nghiệp nợ bảo hiểm xã hội?",
                               "Đến hết quý I/2024, 35 doanh nghiệp còn nợ bảo hiểm xã hội.", "number", "35 doanh nghiệp")
    assert "another_period" in against and "another_period" in notfound.ANOTHER_TIME_CHECKS


DAY = "Nhà văn hóa công nhân được khởi công vào ngày nào?"


@pytest.mark.parametrize("question, span, no_day", [
    (DAY, "quý III/2025", True),
    (DAY, "tháng 10/2025", True),
    (DAY, "tháng 10", True),
    (DAY, "năm 2025", True),
    ("nha van hoa khoi cong ngay may", "quý 3/2025", True),  # typed without accents
    (DAY, "ngày 2/9/2025", False),
    (DAY, "2/9/2025", False),
    (DAY, "sáng 15/10", False),
    (DAY, "nhiệm kỳ 2023 - 2028", False),  # a span of years: years_for_day's
    ("Nhà văn hóa được khởi công khi nào?", "quý III/2025", False),  # no day asked
    ("Nhà văn hóa được khởi công vào tháng nào?", "tháng 10/2025", False),
])
def test_a_period_is_no_day(question, span, no_day):
    assert period_for_day("date", question, span) is no_day


def test_a_period_for_a_day_is_hard_evidence():
    assert "period_for_day" in evidence_against(DAY, "Công trình dự kiến khởi công trong quý III/2025.", "date",
                                                 "quý III/2025")
    assert not period_for_day("number", DAY, "quý III/2025")


def test_a_sentence_writing_a_day_is_no_period_for_a_day():
    assert not period_for_day("date", "Doanh nghiệp phải nộp báo cáo trước ngày nào mỗi quý?", "quý",
                              "Doanh nghiệp nộp báo cáo trước ngày 10 của tháng đầu mỗi quý.")


@pytest.mark.parametrize("question, sentence, office", [
    ("Ai là Chủ tịch công đoàn cơ sở Công ty TNHH Dệt Minh Phát?",
     "Chị Lê Thị Hoa, công nhân Công ty TNHH Dệt Minh Phát, chia sẻ niềm vui khi nhận quà.", "Chủ tịch"),
    ("giam doc cty co khi an lac la ai", "Anh Trần Văn Bình (Công ty Cơ khí An Lạc) nhận giải Nhì.", "Giám đốc"),
    ("Ai là Chủ tịch công đoàn cơ sở Công ty TNHH Dệt Minh Phát?",
     "Chị Lê Thị Hoa, Chủ tịch Công đoàn cơ sở Công ty TNHH Dệt Minh Phát, cho biết …", ""),
    ("Ai là Chủ tịch công đoàn cơ sở Công ty TNHH Dệt Minh Phát?", "Chị Lê Thị Hoa tái đắc cử với 98% số phiếu.", ""),
    # the head under any title: not read so
    ("Người đứng đầu câu lạc bộ công nhân là ai?", "Câu lạc bộ do anh Phan Văn Tâm làm chủ nhiệm.", ""),
])
def test_an_office_asked_and_a_sentence_never_naming_it(question, sentence, office):
    assert notfound.unsaid_office("who", question, sentence) == office
    assert ("unsaid_office" in evidence_against(question, sentence, "who", "x")) is bool(office)
    assert "unsaid_office" in notfound.UNDONE_CHECKS


@pytest.mark.parametrize("question, sentence, giver", [
    ("Công đoàn ngành được Tổng Liên đoàn tặng phần thưởng gì?", "Dịp này, 3 tập thể được LĐLĐ tỉnh tặng Bằng khen.",
     "Tổng Liên đoàn"),
    ("Ai được nhận Bằng khen của Tổng Liên đoàn tại hội nghị?", "Đồng chí Lê Văn Sơn, Phó Chủ tịch LĐLĐ tỉnh, phát biểu.",
     "Tổng Liên đoàn"),
    ("Công đoàn ngành được Tổng Liên đoàn tặng phần thưởng gì?",
     "Công đoàn ngành vinh dự nhận Cờ thi đua của Tổng LĐLĐ Việt Nam.", ""),
    # gifts handed over on the confederation's behalf, and the confederation named but not as a giver
    ("Công nhân công ty được Tổng LĐLĐ trao bao nhiêu suất quà?", "LĐLĐ tỉnh trao 20 suất quà cho công nhân.", ""),
    ("Tổng Liên đoàn tổ chức chương trình gì ở Bắc Giang?", "LĐLĐ tỉnh tổ chức chương trình “Tết Sum vầy”.", ""),
])
def test_an_award_of_the_national_confederation(question, sentence, giver):
    assert notfound.another_giver(question, sentence) == giver


def test_a_clinic_asked_by_its_kind():
    assert notfound.unnamed_institution("Phòng khám nào giảm giá cho đoàn viên?",
                                        "Khu du lịch sinh thái Hồ Mây giảm 20% giá vé cho đoàn viên.") == "phòng khám"
    assert notfound.unnamed_institution("Phòng khám nào giảm giá cho đoàn viên?",
                                        "Phòng khám Đa khoa An Phúc giảm 30% phí khám cho đoàn viên.") == ""


@pytest.mark.parametrize("question, asked", [
    ("chợ tết thành phố hồ chí minh năm 2026 có bao nhiêu gian hàng", {"ho chi minh"}),  # TP.HCM written out
    ("Học tập tư tưởng hồ chí minh có mấy chuyên đề?", set()),
])
def test_the_city_asked_by_its_shorthand(question, asked):
    assert notfound.city_asked(question) == asked


def test_the_city_by_its_initials_in_an_article():
    assert notfound.city_named("Đoàn đại biểu Công đoàn ĐHQG-HCM tham dự Đại hội.") == {"ho chi minh"}
    assert notfound.city_named("Đoàn đại biểu Công đoàn tỉnh tham dự Đại hội.") == set()


def test_an_office_written_of_the_person_elsewhere_in_the_article():
    article = ("Sáng 3/4, LĐLĐ tỉnh tổ chức hội nghị. Đồng chí Trần Thị Mai, Chủ tịch LĐLĐ tỉnh, chủ trì. "
               "Theo đồng chí Trần Thị Mai, năm nay công đoàn sẽ ký thêm 20 thỏa ước.")
    assert notfound.office_held(article, "đồng chí Trần Thị Mai", "chu tich")
    assert notfound.office_held("Chủ tịch Công đoàn công ty, anh Lê Văn Tư cho biết …", "anh Lê Văn Tư", "chu tich")
    worker = ("Anh Lê Văn Tư, công nhân Công ty TNHH Dệt Minh Phát, cho biết anh vừa vào công đoàn. "
              "Chủ tịch LĐLĐ tỉnh Nguyễn Văn Ba trao quà.")
    assert not notfound.office_held(worker, "Anh Lê Văn Tư", "chu tich")
