"""Session 33 (helper D, issue 23): a season or festival of a year after "Công đoàn" names no union body
(notfound._undated_name, read by missing_unions), and "cây số" is a distance in km (notfound._DISTANCE, read by
another_category). Sentences written for these tests (no dev or team data)."""
import re

from knowledge.text import normalize
from retrieval.answering.notfound import _undated_name, another_category, category_told, missing_unions


def _plain(text: str) -> str:
    return " ".join(re.findall(r"[^\W_]+", normalize(text).lower()))


TRAIN = _plain("Sáng 20-1-2025, LĐLĐ tỉnh tổ chức chương trình Chuyến tàu Công đoàn năm 2025, đưa 900 công nhân về quê "
               "đón Tết Ất Tỵ.")


def test_a_season_of_a_year_after_cong_doan_is_the_events_date_not_a_body():
    for q in ("Chuyến tàu Công đoàn Xuân 2025 đưa bao nhiêu công nhân về quê?",
              "Chuyến tàu Công đoàn Tết Ất Tỵ xuất phát từ ga nào?",
              "Chuyến xe Công đoàn 2025 đưa bao nhiêu công nhân về quê?",
              "Chuyến tàu Công đoàn năm 2025 đưa bao nhiêu người?"):
        assert missing_unions(q, TRAIN) == [], q
    assert _undated_name("Xuân 2025") == "" and _undated_name("Tết Ất Tỵ") == ""
    assert _undated_name("Cảng Quy Nhơn Xuân 2025") == "Cảng Quy Nhơn"


def test_a_body_named_before_or_without_a_year_is_still_read():
    assert missing_unions("Công đoàn Cảng Quy Nhơn Xuân 2025 trao bao nhiêu suất quà?", TRAIN) == ["Cảng Quy Nhơn"]
    assert missing_unions("Công đoàn Vietcombank 2025 đưa bao nhiêu công nhân về quê?", TRAIN) == ["Vietcombank"]
    # a season word that is part of a name (no year after it) stays a name
    assert _undated_name("Xuân Mai") == "Xuân Mai" and _undated_name("Đông Á") == "Đông Á"
    assert missing_unions("Công đoàn Xuân Mai Hòa Bình trao bao nhiêu suất quà?", TRAIN) == ["Xuân Mai Hòa Bình"]


def test_cay_so_is_a_distance_in_km():
    sentence = "Ở cự ly 5 km nữ, chị Lê Thị Hoa về nhất với thời gian 22 phút."
    assert another_category("Ai về nhất cự ly 10 cây số nữ?", sentence) == "10 km"
    assert another_category("ai ve nhat cu ly 10 cay so nu", sentence) == "10 km"
    assert another_category("Ai về nhất cự ly 5 cây số nữ?", sentence) == ""
    assert category_told("Ai về nhất cự ly 5 cây số nữ?", sentence)
    assert another_category("Ai về nhất cự ly 10 km?", "Cự ly 5 cây số nam, anh Đỗ Văn Nam về nhất.") == "10 km"


# -- the year asked written only in a comparison or a term (notfound._another_year) ---------------------------------
def test_a_year_asked_only_in_a_comparison_or_a_term_does_not_date_the_fact_told():
    from retrieval.answering.notfound import another_time
    q = "Năm 2022 Văn phòng tư vấn pháp luật tỉnh tư vấn cho bao nhiêu lượt người?"
    assert another_time(q, "Năm 2023, văn phòng đã tư vấn cho 2.100 lượt người, tăng 12% so với năm 2022.",
                        "number", "2.100 lượt") == ["năm 2023"]
    q = "Năm 2025 bến xe đón bao nhiêu lượt khách?"
    assert another_time(q, "Nhiệm kỳ 2020–2025, lượng khách qua bến tăng mạnh, năm 2024 đạt 9,1 triệu lượt khách.",
                        "number", "9,1 triệu lượt khách") == ["năm 2024"]
    # the year asked told as such (a comparison beside it), a date of the year asked, no other year: nothing against
    assert another_time(q, "Năm 2025, bến xe đón 9,1 triệu lượt khách, tăng 8% so với năm 2024.", "number",
                        "9,1 triệu lượt khách") == []
    assert another_time(q, "Ngày 3-1-2025, bến xe cho biết đã đón 9,1 triệu lượt khách.", "number",
                        "9,1 triệu lượt khách") == []
    assert another_time(q, "Nhiệm kỳ 2020–2025, bến xe đón 40 triệu lượt khách.", "number", "40 triệu lượt khách") == []


# -- another district, town, commune or ward (notfound.another_locality) ----------------------------------------------
def test_a_figure_told_of_another_district_than_asked():
    from retrieval.answering.notfound import another_locality, evidence_against
    told = "Sáng 16-6, LĐLĐ quận Liên Chiểu ra mắt Nghiệp đoàn thu gom phế liệu quận Liên Chiểu với 50 đoàn viên."
    q = "Nghiệp đoàn thu gom phế liệu quận Hải Châu có bao nhiêu đoàn viên?"
    assert another_locality(q, told) == "quận hai chau"
    assert "another_locality" in evidence_against(q, told, "number", "50 đoàn viên")
    assert another_locality("Phiên tư vấn ở phường 12 diễn ra ngày nào?", "Tại phường 7, phiên tư vấn diễn ra ngày 3-5.") \
        == "phường 12"


def test_the_locality_asked_written_or_none_of_its_kind_told_is_no_evidence():
    from retrieval.answering.notfound import another_locality
    q = "Nghiệp đoàn quận Liên Chiểu có bao nhiêu đoàn viên?"
    assert another_locality(q, "LĐLĐ quận Liên Chiểu ra mắt Nghiệp đoàn với 50 đoàn viên.") == ""
    assert another_locality(q, "Nghiệp đoàn ra mắt với 50 đoàn viên tại Liên Chiểu.") == ""  # written without its kind
    assert another_locality(q, "LĐLĐ thành phố ra mắt Nghiệp đoàn với 50 đoàn viên.") == ""  # no district told
    # another kind told (a commune of the district asked): not this check's
    assert another_locality("Ai là Chủ tịch LĐLĐ huyện Bến Lức?", "Tại xã Lương Hòa, ông Nguyễn Văn An phát biểu.") == ""
    # two districts asked, one of them told
    assert another_locality("Hội thao của quận Liên Chiểu và quận Hải Châu tổ chức ở đâu?",
                            "Hội thao quận Liên Chiểu tổ chức tại sân vận động quận Thanh Khê.") == ""
    # typed without capitals: no name read
    assert another_locality("nghiep doan quan hai chau co bao nhieu doan vien", "LĐLĐ quận Liên Chiểu ra mắt.") == ""


def test_bao_nhieu_cay_so_asks_a_length_as_km_does():
    from retrieval.answering.spans import slot, type_fit
    sentence = "Xí nghiệp quản lý, bảo trì 180 km đường sắt qua ba tỉnh."
    for q in ("Xí nghiệp bảo trì bao nhiêu cây số đường sắt?", "xi nghiep bao tri bao nhieu cay so duong sat"):
        assert slot("number", q) == slot("number", "Xí nghiệp bảo trì bao nhiêu km đường sắt?") == {"unit": "length"}, q
        assert type_fit("number", sentence, q) >= 0.75  # a span of the length asked (the unit word "km" not shared)
    assert type_fit("number", "Xí nghiệp có 180 công nhân.", "Xí nghiệp bảo trì bao nhiêu cây số đường sắt?") <= 0.25
    assert slot("number", "Công nhân trồng được bao nhiêu cây xanh?") == {"noun": ["cay", "xanh"]}  # trees counted
