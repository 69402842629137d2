"""Session 19 (issue 23): declines on new articles — an answerable question declined on a year read as an ordinal,
unanswerable ones answered for want of evidence that the article tells another year. Sentences written by the
team for these tests (no dev or team-set text)."""
from knowledge.text import fold
from retrieval.answering.notfound import (another_edition, lunar_year_number, lunar_years, missing_lunar_years,
                                          missing_ordinals)
from retrieval.answering.occasion import another_occasion


def test_a_year_after_trung_thu_is_no_ordinal():
    # "Trung thu 2025" folds to "trung thu 2025": no "thứ 2025"
    assert missing_ordinals("chuong trinh trung thu 2025 cua cong doan phuong tan an co gi",
                            "vui trung thu cho con cong nhan nam 2025") == []
    assert missing_ordinals("dem hoi trung thu nam 2024 o dau", "dem hoi trang ram") == []
    # an ordinal is still one
    assert missing_ordinals("dai hoi lan thu 5 bau ai", "dai hoi lan thu iv") == ["5"]
    assert missing_ordinals("hoi thi lan thu 12 co bao nhieu doi", "hoi thi lan thu 11") == ["12"]


def test_a_year_of_the_cycle_is_a_year():
    assert lunar_years(fold("Tết Quý Mão công nhân được thưởng bao nhiêu")) == {"quy mao"}
    assert lunar_years(fold("Xuân Nhâm Dần")) == {"nham dan"}
    assert lunar_years(fold("xã Tân Hội ở đâu")) == set()  # a commune, not a year: no "tết / xuân / năm" before it
    assert lunar_years("tet giap suu") == set()  # no such year: Giáp pairs with Tý, Dần, Thìn …
    assert lunar_year_number("quy mao") == 2023 and lunar_year_number("canh ty") == 2020
    # the article names another Tết of the cycle
    assert missing_lunar_years(fold("Quà Tết Quý Mão cho công nhân mỏ là gì?"),
                               fold("Chương trình Xuân Giáp Thìn 2024 tặng 500 phần quà cho thợ mỏ, năm 2023 tăng 10%")) \
        == ["quy mao"]
    # the same Tết, or its year's number when it names none
    assert missing_lunar_years(fold("Quà Tết Quý Mão cho công nhân mỏ là gì?"), fold("Tết Quý Mão 2023 tặng quà")) == []
    assert missing_lunar_years(fold("Quà Tết Quý Mão cho công nhân mỏ là gì?"), fold("Tết Nguyên đán 2023 tặng quà")) == []
    assert missing_lunar_years(fold("Quà Tết Quý Mão cho công nhân mỏ là gì?"), fold("Tết Nguyên đán 2022 tặng quà")) \
        == ["quy mao"]


def test_a_date_or_a_plan_does_not_name_the_edition():
    s = ("Sáng 15-2-2025, Công đoàn ngành Giao thông tổ chức hội nghị tổng kết phong trào thi đua năm 2024, "
         "triển khai nhiệm vụ năm 2025 tại hội trường Sở.")
    assert another_edition("Hội nghị tổng kết phong trào thi đua năm 2025 tổ chức ở đâu?", s, "where",
                           "hội trường Sở") == ["thi dua 2024"]
    assert another_edition("Hội nghị tổng kết phong trào thi đua năm 2024 tổ chức ở đâu?", s, "where",
                           "hội trường Sở") == []
    # a year written beside the name asked still counts
    s2 = "Ngày 3/3/2025, phong trào thi đua năm 2025 được phát động, tiếp nối phong trào thi đua năm 2024."
    assert another_edition("Phong trào thi đua năm 2025 phát động ngày nào?", s2, "date", "3/3/2025") == []


def test_a_year_within_a_term_is_no_event_year():
    title = "Bến Tre: bồi dưỡng kỹ năng cho 90 cán bộ công đoàn"
    text = ("Ngày 8/5/2025, LĐLĐ tỉnh Bến Tre mở lớp bồi dưỡng kỹ năng năm 2025 cho 90 cán bộ công đoàn mới "
            "được bầu ở đại hội nhiệm kỳ 2023–2028.\nLớp học diễn ra tại Nhà văn hóa lao động tỉnh.")
    first = text.split("\n")[0]
    assert another_occasion("lop boi duong can bo ben tre nam 2023 hoc o dau", first, title, text, first) == ["năm 2023"]
    assert another_occasion("lop boi duong can bo ben tre nam 2025 hoc o dau", first, title, text, first) == []
    # a lede that dates its event only by the term: the term's first year is its year
    text2 = "Đại hội Công đoàn ngành Y tế tỉnh nhiệm kỳ 2023–2028 bầu 25 ủy viên."
    assert another_occasion("dai hoi cong doan y te nam 2023 bau bao nhieu uy vien", text2, "Đại hội", text2) == []


def test_a_line_of_business_is_no_part_of_a_company_name():
    from retrieval.answering.notfound import missing_companies
    # another steel works: "gang thép" is the trade, "Hòa Phong" the name
    assert missing_companies("Ai là Chủ tịch Công đoàn Công ty TNHH Gang thép Hòa Phong?",
                             "chủ tịch công đoàn công ty cp gang thép tân bình tặng quà") == ["Hòa Phong"]
    assert missing_companies("Ai là Chủ tịch Công đoàn Công ty TNHH Gang thép Hòa Phong?",
                             "công đoàn gang thép hòa phong tặng quà") == []
    # the trade typed in lower case after its first word
    assert missing_companies("Công ty CP Dệt may Phú Khang thưởng Tết bao nhiêu?", "dệt may thành công thưởng tết") \
        == ["Phú Khang"]
    assert missing_companies("Công ty CP Dệt may Phú Khang thưởng Tết bao nhiêu?", "công ty phú khang thưởng tết") == []
    # a name of two syllables, one of them common in place names ("Hà" of "Hà Nội"), is both syllables
    assert missing_companies("Công ty Xi măng Sông Hà có bao nhiêu công nhân?", "xi măng sông đà có 800 công nhân") \
        == ["Sông Hà"]
    assert missing_companies("Công ty Điện tử Samsung Việt Nam có bao nhiêu công nhân?", "samsung có 800 công nhân") == []


def test_an_industry_asked_is_one_the_article_names():
    from retrieval.answering.notfound import missing_activities
    f = lambda t: fold(t).lower()  # noqa: E731
    assert missing_activities(f("Thỏa ước nhóm ngành thủy sản Cà Mau có bao nhiêu doanh nghiệp ký?"),
                              f("Thỏa ước nhóm doanh nghiệp dệt may Cà Mau có 7 doanh nghiệp ký")) == ["thủy sản"]
    assert missing_activities(f("thoa uoc nhom nganh thuy san ca mau co bao nhieu doanh nghiep ky"),
                              f("Thỏa ước nhóm doanh nghiệp chế biến thủy sản có 7 doanh nghiệp ký")) == []
    # one industry, two names
    assert missing_activities(f("Công nhân ngành may mặc được thưởng Tết bao nhiêu?"),
                              f("Công nhân dệt may được thưởng Tết 8 triệu đồng")) == []
    # "có khi" is no "cơ khí": no industry asked
    assert missing_activities(f("co khi nao cong doan ho tro tien nha khong"), f("công đoàn hỗ trợ tiền nhà")) == []


def test_an_industry_named_only_in_passing_is_another_occasion():
    title = "Cà Mau: ký thỏa ước lao động tập thể nhóm doanh nghiệp thủy sản"
    text = ("Ngày 9/10/2026, LĐLĐ tỉnh Cà Mau tổ chức ký thỏa ước lao động tập thể nhóm doanh nghiệp chế biến thủy sản "
            "với 11 doanh nghiệp tham gia.\nNăm 2027, LĐLĐ tỉnh sẽ vận động ký thỏa ước nhóm ngành dệt may.")
    first = text.split("\n")[0]
    assert another_occasion("thoa uoc nhom nganh det may ca mau ky ngay nao", first, title, text, first) == ["dệt may"]
    assert another_occasion("thoa uoc nhom nganh thuy san ca mau ky ngay nao", first, title, text, first) == []
    # the sentence quoted tells of the industry asked: no evidence against it
    second = text.split("\n")[1]
    assert another_occasion("thoa uoc nhom nganh det may ca mau bao gio ky", second, title, text, second) == []


def test_a_count_of_another_rank_of_prize_is_no_answer():
    from retrieval.answering.notfound import another_prize, sentence_evidence
    s = "Ban tổ chức trao 3 giải Nhì cho các đội Công ty Kính Phương Bắc, Nhựa Đồng Xuân và Gạch men Tiên Sơn."
    assert another_prize("number", "Hội thi trao bao nhiêu giải Khuyến khích?", s, "3 giải Nhì") == "giải nhi"
    assert sentence_evidence("hoi thi trao bao nhieu giai khuyen khich", s, "number", "3 giải Nhì") != ""
    # the rank asked, or a sentence that writes it beside the one quoted: no evidence here
    assert another_prize("number", "Hội thi trao bao nhiêu giải Nhì?", s, "3 giải Nhì") == ""
    s2 = "Ban tổ chức trao 3 giải Nhì và 6 giải Khuyến khích cho các đội."
    assert another_prize("number", "Hội thi trao bao nhiêu giải Khuyến khích?", s2, "3 giải Nhì") == ""
    assert another_prize("who", "Đội nào đoạt giải Khuyến khích?", s, "3 giải Nhì") == ""
