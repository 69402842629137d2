"""Session 26, helper D: a question naming another place of the kind its article's lede names (a district, an
industrial park, a province abroad) — the article is about a neighbour, not the place asked.

Every sentence here is written for the test (fictional union news, modelled on the team's sets: a district's
waste-pickers' union, a province abroad visiting, a mid-autumn night at an industrial park)."""
from __future__ import annotations

from retrieval.answering.occasion import another_occasion

DISTRICT = ("Ra mắt Nghiệp đoàn bán hàng rong quận Sơn Trà",
            "Đà Nẵng - Sáng 3-5-2025, tại Nhà văn hóa quận Sơn Trà, LĐLĐ quận Sơn Trà ra mắt Nghiệp đoàn bán hàng rong "
            "quận Sơn Trà. Nghiệp đoàn có 52 đoàn viên.")
ABROAD = ("Quảng Bình tiếp đoàn Liên hiệp Công đoàn tỉnh Khammouane",
          "Quảng Bình - Ngày 9/4/2025, tại thành phố Đồng Hới, LĐLĐ tỉnh Quảng Bình tiếp đoàn đại biểu Liên hiệp Công "
          "đoàn tỉnh Khammouane (Lào). Đoàn gồm 7 thành viên.")
PARK = ("Đêm hội trăng rằm cho con công nhân Khu công nghiệp Quế Võ",
        "Tối 2-10-2025, tại Khu công nghiệp Quế Võ, LĐLĐ tỉnh Bắc Ninh tổ chức đêm hội trăng rằm cho 600 cháu.")


def test_a_district_sharing_a_word_with_the_ledes_is_another_place():
    # "Ngũ Hành Sơn" shares "Sơn" with "Sơn Trà": a word in common does not make it the same district
    assert another_occasion("Nghiệp đoàn bán hàng rong quận Ngũ Hành Sơn có bao nhiêu đoàn viên?",
                            "Nghiệp đoàn có 52 đoàn viên.", *DISTRICT) == ["ngũ hành sơn"]
    # the lede's own district, or one of its names with words left out or added, is not
    assert another_occasion("Nghiệp đoàn bán hàng rong quận Sơn Trà có bao nhiêu đoàn viên?",
                            "Nghiệp đoàn có 52 đoàn viên.", *DISTRICT) == []
    assert another_occasion("Đêm hội ở Khu công nghiệp Quế Võ II có bao nhiêu cháu?",
                            PARK[1], *PARK) == []


def test_a_province_abroad_is_told_from_the_ledes():
    told = "Đoàn gồm 7 thành viên."
    assert another_occasion("Đoàn Liên hiệp Công đoàn tỉnh Savannakhet sang Quảng Bình có bao nhiêu thành viên?",
                            told, *ABROAD) == ["savannakhet"]
    assert another_occasion("Đoàn Liên hiệp Công đoàn tỉnh Khammouane sang Quảng Bình có bao nhiêu thành viên?",
                            told, *ABROAD) == []
    # a province of Vietnam is the place check's (notfound.other_place), typed with or without accents
    assert another_occasion("Đoàn sang tỉnh Quảng Bình có bao nhiêu thành viên?", told, *ABROAD) == []
    assert another_occasion("doan sang tinh ha tinh co bao nhieu thanh vien", told, *ABROAD,
                            restored="đoàn sang tỉnh hà tĩnh có bao nhiêu thành viên") == []


def test_a_place_typed_without_capitals_is_read_after_its_kind_word():
    night = "Tối 2-10-2025, tại Khu công nghiệp Quế Võ, LĐLĐ tỉnh Bắc Ninh tổ chức đêm hội trăng rằm cho 600 cháu."
    assert another_occasion("trung thu cho con cn kcn yen phong nam 2025 to chuc hom nao", night,
                            *PARK) == ["yen phong"]
    assert another_occasion("trung thu cho con cn kcn que vo nam 2025 to chuc hom nao", night, *PARK) == []
    # the restored accents tell "tỉnh" (a province) from "tình hình" (how things stand)
    assert another_occasion("doan cong doan tinh kampot sang quang binh co bao nhieu thanh vien",
                            "Đoàn gồm 7 thành viên.", *ABROAD,
                            restored="đoàn công đoàn tỉnh kampot sang quảng bình có bao nhiêu thành viên") == ["kampot"]
    assert another_occasion("tinh hinh doan vien o lao ra sao", "Đoàn gồm 7 thành viên.", *ABROAD,
                            restored="tình hình đoàn viên ở lào ra sao") == []


def test_words_speech_puts_after_a_kind_word_name_no_place():
    told = "Đoàn gồm 7 thành viên."
    assert another_occasion("cđ quảng bình với cđ tỉnh bạn bên lào hợp tác giai đoạn nào", told, *ABROAD) == []
    assert another_occasion("Sắp tới, công đoàn hai tỉnh dự định tổ chức gì?", told, *ABROAD) == []
    assert another_occasion("cd tinh ban ben lao hop tac giai doan nao", told, *ABROAD,
                            restored="cd tinh ban ben lao hop tac giai doan nao") == []


def test_a_province_of_vietnam_after_a_kind_word_is_the_place_checks():
    # "tp hồ chí minh", "tp hcm" typed in lower case: the city, not a district "hồ chí" / "hcm" (notfound.other_place)
    for typed in ("ai dan doan ldld tp ho chi minh den quan 7", "ai dan doan ldld tp hcm den quan 7"):
        assert another_occasion(typed, "", *DISTRICT, restored=typed) == []
