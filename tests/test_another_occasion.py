"""Session 17, helper N: a question about another occasion than the one the article's lede names.

Every sentence here is written for the test (fictional union news)."""
from __future__ import annotations

from retrieval.answering.occasion import another_occasion

TITLE = "Hội diễn văn nghệ công nhân khu vực phía Nam lần thứ V năm 2025"
TEXT = ("Tối 12/8/2025, tại Khu công nghiệp Mỹ Xuân (thị xã Phú Mỹ), Công đoàn ngành Dầu khí tổ chức Hội diễn văn "
        "nghệ công nhân lần thứ V năm 2025. Có 36 tiết mục của 14 đội tham gia. Hội diễn lần thứ IV diễn ra năm 2022 "
        "tại thành phố Vũng Tàu. Ban tổ chức dự kiến tổ chức thêm một đêm diễn vào tháng 10/2025 tại Khu công "
        "nghiệp Đông Xuyên. Năm học 2025-2026, công đoàn phấn đấu trao 300 suất học bổng.")
COUNT = "Có 36 tiết mục của 14 đội tham gia."


def test_an_earlier_edition_mentioned_in_passing_is_another_occasion():
    # the year and the ordinal of the earlier edition are in the body, not in the lede nor the sentence
    assert another_occasion("Hội diễn văn nghệ lần thứ IV năm 2022 có bao nhiêu tiết mục?", COUNT, TITLE, TEXT)
    assert another_occasion("Hội diễn năm 2022 có bao nhiêu tiết mục?", COUNT, TITLE, TEXT) == ["năm 2022"]
    # the lede's own edition, or a sentence that names the edition asked, is no other occasion
    assert another_occasion("Hội diễn văn nghệ lần thứ V năm 2025 có bao nhiêu tiết mục?", COUNT, TITLE, TEXT) == []
    told = "Hội diễn lần thứ IV diễn ra năm 2022 tại thành phố Vũng Tàu."
    assert another_occasion("Hội diễn lần thứ IV năm 2022 tổ chức ở đâu?", told, TITLE, TEXT) == []


def test_a_planned_place_month_or_school_year_is_another_occasion():
    assert another_occasion("Đêm diễn tại Khu công nghiệp Đông Xuyên có bao nhiêu tiết mục?", COUNT, TITLE,
                            TEXT) == ["đông xuyên"]
    assert another_occasion("Đêm diễn tháng 10/2025 có bao nhiêu tiết mục?", COUNT, TITLE, TEXT) == ["tháng 10/2025"]
    scholarships = ("Sáng 5/9/2025, Công đoàn Khu công nghiệp Tân Hương trao 300 suất học bổng năm học 2025-2026. "
                    "Năm học 2026-2027, quỹ phấn đấu trao 400 suất.")
    given = "Mỗi suất học bổng trị giá 2 triệu đồng, tổng cộng 600 triệu đồng."
    assert another_occasion("Năm học 2026-2027 quỹ trao bao nhiêu tiền?", given, "Học bổng cho con đoàn viên khu công nghiệp",
                            scholarships) == ["2026-2027"]
    assert another_occasion("Năm học 2025-2026 quỹ trao bao nhiêu tiền?", given, "Học bổng cho con đoàn viên khu công nghiệp",
                            scholarships) == []
    # the lede's own place, month: none
    assert another_occasion("Hội diễn ở Khu công nghiệp Mỹ Xuân có bao nhiêu tiết mục?", COUNT, TITLE, TEXT) == []
    assert another_occasion("Hội diễn tháng 8/2025 có bao nhiêu tiết mục?", COUNT, TITLE, TEXT) == []


def test_a_place_or_branch_of_another_name_but_not_a_paraphrase():
    assert another_occasion("Hội diễn của thị xã Long Điền có bao nhiêu tiết mục?", COUNT, TITLE, TEXT) \
        == ["long điền"]
    assert another_occasion("Hội diễn của Công đoàn ngành Điện lực có bao nhiêu tiết mục?", COUNT, TITLE, TEXT) \
        == ["ngành điện"]
    # a name sharing a word with the lede's (a shortened "Mỹ Xuân A"), an acronym: no evidence
    assert another_occasion("Hội diễn ở KCN Mỹ Xuân A có bao nhiêu tiết mục?", COUNT, TITLE, TEXT) == []
    assert another_occasion("Hội diễn ở KCN PMX có bao nhiêu tiết mục?", COUNT, TITLE, TEXT) == []
    # an industrial park typed in lower case is read by its two words (`occasion.parks_typed_low`, session 28): another
    # park's name is evidence, the lede's own is none
    assert another_occasion("hội diễn ở khu công nghiệp đông xuyên có bao nhiêu tiết mục?", COUNT, TITLE, TEXT) \
        == ["dong xuyen"]
    assert another_occasion("hoi dien o kcn my xuan co bao nhieu tiet muc", COUNT, TITLE, TEXT) == []
    # "cơ quan" is no "quận"
    assert another_occasion("Cơ quan Bộ Công Thương có bao nhiêu tiết mục?", COUNT, TITLE, TEXT) == []


def test_a_law_a_comparison_and_the_term_a_congress_reviews_date_no_event():
    title = "Đại hội Công đoàn ngành Thủy sản nhiệm kỳ 2025-2030"
    text = "Sáng 3/6/2025, Công đoàn ngành Thủy sản tổ chức Đại hội nhiệm kỳ 2025-2030 theo Bộ luật Lao động năm 2019."
    done = "Nhiệm kỳ qua, công đoàn đã vận động được 2,1 tỷ đồng cho quỹ xã hội."
    # the term before the lede's is reviewed in its body
    assert another_occasion("Nhiệm kỳ 2020-2025 công đoàn vận động được bao nhiêu tiền?", done, title, text) == []
    # a law's year, a year compared with: no event's year
    assert another_occasion("Theo Bộ luật Lao động năm 2019 công đoàn vận động được bao nhiêu?", done, title, text) == []
    assert another_occasion("Năm 2025 công đoàn vận động được bao nhiêu tiền so với năm 2024?", done, title, text) == []
    # a lede that writes no year says nothing of the year asked
    assert another_occasion("Năm 2021 công đoàn vận động được bao nhiêu tiền?", done, "Đại hội Công đoàn ngành Thủy sản",
                            "Sáng 3/6, Công đoàn ngành Thủy sản tổ chức Đại hội.") == []


def test_a_bus_station_or_an_airport_asked_by_its_kind_is_named_with_it():
    from retrieval.answering.notfound import unnamed_institution

    trip = "Đoàn xe gồm 8 xe khách đưa 300 công nhân về quê ăn Tết miễn phí."
    assert unnamed_institution("Đoàn xe xuất phát từ bến xe nào?", trip) == "bến xe"
    assert unnamed_institution("doan xe xuat phat tu ben xe nao", trip) == "bến xe"
    assert unnamed_institution("Đoàn xe xuất phát từ bến xe nào?", "Đoàn xe xuất phát từ Bến xe Trung tâm lúc 6 giờ.") == ""
    assert unnamed_institution("Công nhân bay từ sân bay nào?", trip) == "sân bay"


def test_a_synthetic_question_about_a_year_the_body_mentions_in_passing():
    from retrieval.evaluation.perturb import variants

    article = f"{TITLE} {TEXT}"
    made = dict(variants("Hội diễn văn nghệ năm 2025 có bao nhiêu tiết mục?", article))
    # the earlier edition's year, or the plan's
    assert made["passing"] in {f"Hội diễn văn nghệ năm {y} có bao nhiêu tiết mục?" for y in ("2022", "2026")}
    # a law's year is no occasion's; a year the lede does not hold has no other occasion to swap for
    assert "passing" not in dict(variants("Theo Bộ luật Lao động 2025 hội diễn có bao nhiêu tiết mục?", article))
    assert "passing" not in dict(variants("Hội diễn năm 2022 có bao nhiêu tiết mục?", article))


def test_a_year_told_once_in_the_passage_or_a_review_dated_next_year():
    title = "Công đoàn Khu công nghiệp Tân Hương tổng kết hoạt động"
    text = ("Ngày 8/1/2026, Công đoàn Khu công nghiệp Tân Hương tổ chức hội nghị tổng kết. Trong năm, công đoàn đã "
            "trao 900 suất quà cho công nhân.")
    given = "Trong năm, công đoàn đã trao 900 suất quà cho công nhân."
    # the lede dates its report only (no event year): a question about the year before is no other occasion
    assert another_occasion("Năm 2025 công đoàn trao bao nhiêu suất quà?", given, title, text) == []
    # a year the passage writes once, in the sentence before the one quoted
    passage = "Hội diễn lần thứ IV diễn ra năm 2022 tại thành phố Vũng Tàu. Có 28 tiết mục tham gia."
    assert another_occasion("Hội diễn năm 2022 có bao nhiêu tiết mục?", "Có 28 tiết mục tham gia.", TITLE, TEXT,
                            passage) == []
    assert another_occasion("Hội diễn năm 2022 có bao nhiêu tiết mục?", COUNT, TITLE, TEXT, COUNT) == ["năm 2022"]


def test_words_of_many_names_are_no_place_of_its_own():
    # "Việt Nam" of "KCN Việt Nam - Singapore" (a follow-up may carry it over from the article before)
    assert another_occasion("Hội diễn của KCN Việt Nam - Hàn Quốc năm 2025 có mấy tiết mục?", COUNT, TITLE,
                            TEXT) == []


def test_a_lede_naming_a_resolution_keeps_its_edition_but_not_the_resolution_year():
    from retrieval.answering.occasion import lede_details

    own = lede_details("Triển khai Nghị quyết Đại hội XIII Công đoàn Việt Nam năm 2024",
                       "Sáng 9/4/2024, Công đoàn ngành Giao thông tổ chức hội nghị lần thứ hai.")
    # the edition of the congress is read where the resolution is named; its year dates the paper, not the event
    assert 13 in own.ordinals and 2 in own.ordinals
    assert own.years == {"2024"} and own.event_years == frozenset()
    assert (4, "2024") in own.months


def test_a_lede_dated_by_its_day_or_an_anniversary_dates_its_event():
    # Session 23, helper N: the lede dates its event only by the day it was held, or by an anniversary's pair of
    # dates; a question naming another year (as such, or in a whole date) asks of another year's event.
    title = "Công đoàn Giáo dục tỉnh tuyên dương nhà giáo tiêu biểu"
    text = ("(HD) - Sáng 18-11, tại Trung tâm Hội nghị tỉnh (TP. Hải Dương), Công đoàn Giáo dục tỉnh tổ chức lễ kỷ niệm "
            "43 năm Ngày Nhà giáo Việt Nam (20/11/1982 – 20/11/2025) và tuyên dương 52 nhà giáo tiêu biểu. Chương trình "
            "“Sách cho thầy cô” kéo dài đến 31/3/2026.")
    praised = "Công đoàn Giáo dục tỉnh tuyên dương 52 nhà giáo tiêu biểu."
    assert another_occasion("Công đoàn Giáo dục tuyên dương bao nhiêu nhà giáo dịp 20/11/2024?", praised, title,
                            text) == ["năm 2024"]
    assert another_occasion("Năm 2024 Công đoàn Giáo dục tuyên dương bao nhiêu nhà giáo?", praised, title,
                            text) == ["năm 2024"]
    # the year of the lede's own day: none; a year the sentence quoted writes: none
    assert another_occasion("Công đoàn Giáo dục tuyên dương bao nhiêu nhà giáo dịp 20/11/2025?", praised, title, text) == []
    assert another_occasion("Năm 2024 công đoàn tặng bao nhiêu cuốn sách?", "Năm 2024, công đoàn tặng 900 cuốn sách.",
                            title, text) == []
    contest = ("Ngày 14/4/2026, tại Khu công nghiệp Đồng Văn, Công đoàn Công ty Giấy Hòa Bình tổ chức hội thi "
               "nghiệp vụ chữa cháy. Năm 2025, công ty đầu tư 2 tỷ đồng cho thiết bị phòng cháy.")
    won = "Giải nhất thuộc về đội Phân xưởng Xeo."
    assert another_occasion("Năm 2025 đội nào đạt giải nhất hội thi chữa cháy ở Công ty Giấy Hòa Bình?", won,
                            "Hội thi chữa cháy ở Công ty Giấy Hòa Bình", contest) == ["năm 2025"]
    assert another_occasion("Năm 2026 đội nào đạt giải nhất hội thi chữa cháy ở Công ty Giấy Hòa Bình?", won,
                            "Hội thi chữa cháy ở Công ty Giấy Hòa Bình", contest) == []


def test_the_first_sentence_runs_past_an_abbreviation_or_a_bracket():
    from retrieval.answering.occasion import first_sentence

    assert first_sentence("Sáng 5/3, tại TP. Vinh, công đoàn họp. Chiều cùng ngày, đoàn đi thăm.") \
        == "Sáng 5/3, tại TP. Vinh, công đoàn họp."
    assert first_sentence("Tối 2/9 (giờ địa phương, TX. Cửa Lò) lễ hội mở màn. Có 20 đội.") \
        == "Tối 2/9 (giờ địa phương, TX. Cửa Lò) lễ hội mở màn."
    assert first_sentence("Công đoàn họp sáng nay\nChiều cùng ngày, đoàn đi thăm.") == "Công đoàn họp sáng nay"
    # a name that ends a sentence is no abbreviation; a bracket never closed is no aside
    assert first_sentence("Công đoàn tặng 500 suất quà ở tỉnh Quảng Nam. Năm 2024, có 900 suất.") \
        == "Công đoàn tặng 500 suất quà ở tỉnh Quảng Nam."
    assert first_sentence("Công đoàn Công ty LG. Năm 2024, có 900 suất.") == "Công đoàn Công ty LG."
    opened = "Sáng 8/3 (giờ địa phương, công đoàn họp" + " bàn việc chăm lo cho nữ công nhân" * 6 + ". Năm 2024 có 20 đội."
    assert first_sentence(opened) == opened[:opened.index(". Năm") + 1]


def test_a_term_asked_with_an_en_dash_names_no_single_year():
    title = "Công đoàn vận động người lao động tham gia bảo hiểm xã hội"
    text = ("Sáng 19-5, tại TP. Hội An, LĐLĐ tỉnh và BHXH tỉnh ký kết chương trình phối hợp giai đoạn 2026–2028 và tổng "
            "kết đợt vận động năm 2026.")
    assert another_occasion("LĐLĐ tỉnh và BHXH tỉnh ký chương trình phối hợp giai đoạn 2026–2028 vào ngày nào?",
                            text, title, text) == []


def test_a_branch_is_named_up_to_its_province_and_by_its_initials():
    """Session 24 (helper P): "ngành GTVT Nghệ An" names the branch "GTVT" of the province Nghệ An, and "GTVT" is
    the initials of "Giao thông vận tải" — the lede's own branch, not another occasion."""
    title = "Công đoàn ngành Giao thông vận tải Hà Giang thăm lái xe dịp Tết"
    text = "Sáng 2/2/2024, Công đoàn ngành Giao thông vận tải tỉnh Hà Giang tặng 120 suất quà cho lái xe buýt."
    gifts = "Công đoàn ngành tặng 120 suất quà cho lái xe buýt."
    assert another_occasion("Công đoàn ngành GTVT Hà Giang tặng bao nhiêu suất quà?", gifts, title, text) == []
    assert another_occasion("Ngành Giao thông Hà Giang tặng bao nhiêu suất quà?", gifts, title, text) == []
    # another branch, by its name or by initials the lede's words do not begin with, is another occasion
    assert another_occasion("Công đoàn ngành Điện lực Hà Giang tặng bao nhiêu suất quà?", gifts, title, text) \
        == ["ngành điện"]
    assert another_occasion("Công đoàn ngành GD Hà Giang tặng bao nhiêu suất quà?", gifts, title, text) == ["ngành gd"]
    # initials are read from the branch's own words after "ngành" only: "gia đình" elsewhere in the lede is no "GD"
    family = text.replace("cho lái xe buýt", "cho 50 gia đình lái xe buýt")
    assert another_occasion("Công đoàn ngành GD Hà Giang tặng bao nhiêu suất quà?", gifts, title, family) \
        == ["ngành gd"]
    # "và" is not one of a branch's initials: "GDĐT" is "Giáo dục và Đào tạo"
    schools = "Ngày 20/11/2024, Công đoàn ngành Giáo dục và Đào tạo tỉnh Hà Giang tặng 120 suất quà cho giáo viên."
    assert another_occasion("Công đoàn ngành GDĐT Hà Giang tặng bao nhiêu suất quà?", gifts,
                            "Công đoàn ngành Giáo dục và Đào tạo Hà Giang tặng quà", schools) == []


def test_a_terms_closing_year_is_no_single_year():
    """Session 24 (helper P): "2023 – 2028" names a term, not the single year 2028, whatever dash and spaces join it."""
    from retrieval.answering.notfound import SINGLE_YEAR
    assert SINGLE_YEAR.findall("dai hoi nhiem ky 2023 – 2028 va nhiem ky 2023-2028, nam 2024") == ["2024"]
    # a year after a dash that follows words, not a year, is a single year ("Hội diễn CNVCLĐ – 2025")
    assert SINGLE_YEAR.findall("hoi dien nghe thuat cnvcld – 2025 co bao nhieu tiet muc") == ["2025"]
