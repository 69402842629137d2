"""Session 33, helper P (issue 23): the right sentence's span for amounts, "<noun> nào" names and teams asked
(sentences written for these tests)."""
import numpy as np

from retrieval.answering import spans
from retrieval.params import UNIT_CLASS_FIT
from retrieval.answering.spans import money_only_asked
from retrieval.language.qtype import folded_question, question_type


def test_a_total_told_by_a_long_subject_is_no_rate():
    q = "Mỗi phần quà dịp Tết năm 2025 của công đoàn huyện trị giá bao nhiêu?"
    total = ("Tổng số tiền mà các cấp công đoàn trong huyện dành cho việc thăm hỏi công nhân dịp Tết năm 2025 "
             "vào khoảng 900 triệu đồng.")
    rate = "Dịp này, công đoàn huyện trao 300 phần quà, mỗi phần trị giá 700.000 đồng."
    assert spans.total_for_rate("number", q, total, "900 triệu đồng")
    assert spans.type_fit("number", total, q) < spans.type_fit("number", rate, q)
    # asked as a total, the same sentence gives it
    assert not spans.rate_for_total("number", "Tổng số tiền dịp Tết năm 2025 là bao nhiêu?", total, "900 triệu đồng")
    # only the clause's first amount: a later one is no total ("…, mỗi suất 500.000 đồng")
    listed = "Tổng cộng có 120 suất quà được trao, mỗi suất 500.000 đồng."
    assert spans.total_for_rate("number", q, listed, "120 suất quà")
    assert not spans.total_for_rate("number", q, listed, "500.000 đồng")


def test_a_name_asked_by_its_noun_never_starts_inside_a_word():
    q = "Công nhân được học nghề hàn ở cơ sở nào?"
    lede = "Sáng 3-3, LĐLĐ huyện phối hợp với Sở Công Thương khai giảng lớp học nghề hàn cho công nhân."
    assert spans.extract_span("where", lede, q) != "Sở Công Thương"
    assert spans._word_starts("cong nhan cong ty".split(), spans._written_words("công nhân công ty nào")) == {0, 2}
    assert spans._word_starts("co so".split(), spans._written_words("ở cơ sở nào")) == {0}
    # typed with accents "ra quận" is no "ra quân"; typed without, every syllable may start the noun
    said = "Năm tới, mô hình được mở thêm tại quận Hải An."
    assert spans.extract_span("where", said, "Mô hình sẽ nhân rộng ra quận nào?") == "quận Hải An"
    assert spans.extract_span("where", said, "mo hinh se nhan rong ra quan nao") == "quận Hải An"
    # a station is named by its last syllable alone: "nhà ga nào" is answered by "ga …"
    assert spans.extract_span("where", "Tàu khởi hành từ ga Sóng Thần.", "Tàu khởi hành từ nhà ga nào?") == "ga Sóng Thần"
    # a one-syllable noun of its own is read as before ("xã nào")
    assert spans.extract_span("where", "Lớp học mở tại xã Tân Lập.", "Lớp học mở ở xã nào?") == "xã Tân Lập"


def test_dip_after_bao_nhieu_opens_when_not_what_is_counted():
    q = "Trung bình mỗi công nhân được công ty thưởng bao nhiêu dịp Tết Nguyên đán?"
    assert spans.counted_noun("trung binh moi cong nhan duoc cong ty thuong bao nhieu dip tet nguyen dan") == set()
    assert spans.counted_noun("cong ty tang bao nhieu suat qua dip tet") == {"suat", "qua"}
    said = "Dịp Tết Nguyên đán, công ty thưởng cho mỗi công nhân bình quân 6,5 triệu đồng."
    assert spans.type_fit("number", said, q) > UNIT_CLASS_FIT  # (read as a count of "dịp", no amount agreed)


def test_a_team_asked_by_its_kind_is_a_body():
    for q in ("Đội bóng nào vô địch giải bóng đá công nhân năm nay?", "doi van nghe nao dat giai nhat"):
        assert question_type(q) == "who"
    q = "Đội bóng nào vô địch giải bóng đá công nhân năm nay?"
    lede = "Từ ngày 5 đến 12-5, LĐLĐ huyện tổ chức giải bóng đá công nhân với 10 đội tham dự."
    assert spans.type_fit("who", lede, q) < 1.0  # the organiser won nothing


def test_a_fee_by_its_compound_asks_a_sum_of_money():
    for q in ("Năm 2024 công đoàn huyện thu đoàn phí được bao nhiêu?", "nam nay thu hoi phi duoc bao nhieu vay",
              "Học phí khóa tiếng Hàn là bao nhiêu?", "Công ty nộp phí công đoàn bao nhiêu trong quý I?"):
        assert money_only_asked(folded_question(q)), q
    # "miễn phí" is free of charge, and a count asked stays a count
    assert not money_only_asked(folded_question("Bệnh viện khám miễn phí cho bao nhiêu công nhân?"))
    q = "Năm 2024 công đoàn huyện thu đoàn phí được bao nhiêu?"
    members = "Năm 2024, công đoàn huyện kết nạp thêm 1.250 đoàn viên, nâng tổng số lên 9.800 người."
    dues = "Cũng trong năm 2024, số thu đoàn phí đạt 3,1 tỉ đồng, vượt 6% kế hoạch."
    assert spans.type_fit("number", dues, q) > spans.type_fit("number", members, q)


def test_a_rate_per_the_noun_counts_none_of_it():
    q = "Hè năm nay công đoàn huyện dạy bơi cho bao nhiêu cháu?"
    rate = "Kinh phí lớp học 90 triệu đồng, bình quân 450.000 đồng/cháu, do công đoàn và doanh nghiệp đóng góp."
    count = "Hè năm nay, 200 cháu là con công nhân được học bơi miễn phí tại bể bơi của huyện."
    assert spans.type_fit("number", count, q) > spans.type_fit("number", rate, q)
    assert spans.counted_part("450.000 đồng/cháu") == "450.000 đồng"
    assert spans.counted_part("27/30 đồng chí") == "27/30 đồng chí"  # 27 of 30: no rate
    # what one child gets, asked as such, is still the rate
    assert spans.extract_span("number", rate, "Bình quân mỗi cháu học bơi tốn bao nhiêu tiền?") == "450.000 đồng/cháu"


def test_an_airport_asked_is_named_as_cang_hang_khong():
    from retrieval.answering.notfound import unnamed_institution
    q = "Chuyến bay đưa công nhân về quê cất cánh từ sân bay nào?"
    assert unnamed_institution(q, "Sáng 20-1, tại Cảng hàng không quốc tế Cát Bi, công đoàn tiễn 150 công nhân.") == ""
    assert unnamed_institution(q, "Sáng 20-1, tại Nhà văn hóa huyện, công đoàn tiễn 150 công nhân.") == "sân bay"


def test_binh_thuong_is_no_bonus_and_an_age_may_be_asked_after_its_noun():
    said = "Năm nay, tuổi nghỉ hưu trong điều kiện lao động bình thường là đủ 61 tuổi với nam và 57 tuổi với nữ."
    q = "Lao động nữ làm việc bình thường được nghỉ hưu ở tuổi bao nhiêu?"
    assert spans.slot("number", q) == {"unit": "duration"}
    assert spans.type_fit("number", said, q) == 1.0
    assert spans.slot("number", "Công nhân được thưởng bao nhiêu?") == {"unit": "pay"}  # "thưởng" itself still


def test_the_ledes_venue_is_set_aside_when_another_place_names_what_the_question_names():
    from retrieval.answering.choose import lede_venue_aside
    title = "Khai mạc giải bóng đá công nhân huyện"
    texts = ["Sáng 2-6, tại Sân vận động Tỉnh, LĐLĐ huyện khai mạc giải bóng đá công nhân.",
             "Vòng chung kết sẽ đá tại Sân bóng Khu công nghiệp Tân An.", "Giải có 12 đội tham dự."]
    q = "Vòng chung kết giải bóng đá công nhân huyện đá ở sân nào?"
    assert lede_venue_aside(q, title, texts, [1.0, 1.0, 0.0])
    # no other sentence gives a place; the question names nothing the lede does not; the lede gives no place
    assert not lede_venue_aside(q, title, texts, [1.0, 0.0, 0.0])
    assert not lede_venue_aside("Giải bóng đá công nhân huyện khai mạc ở sân nào?", title, texts, [1.0, 1.0, 0.0])
    assert not lede_venue_aside(q, title, texts, [0.0, 1.0, 0.0])
    # "Ngoài X, …" tells something besides X: no place of X
    besides = [texts[0], "Ngoài vòng chung kết, ban tổ chức còn mở giải phụ tại Sân bóng Khu công nghiệp Tân An.",
               texts[2]]
    assert not lede_venue_aside(q, title, besides, [1.0, 1.0, 0.0])
    # the union's initials written out: the lede's "LĐLĐ" names the question's "liên đoàn lao động"
    initials = [texts[0], "Lễ bế mạc sẽ tổ chức tại Cung Văn hóa Lao động huyện.", texts[2]]
    assert not lede_venue_aside("Giải của liên đoàn lao động huyện đá ở sân nào?", title, initials, [1.0, 1.0, 0.0])


def test_where_an_event_was_held_keeps_the_ledes_venue():
    from retrieval.answering.choose import HELD_Q
    assert HELD_Q.search("buoi trao qua cho cong nhan duoc to chuc tai dau")
    assert HELD_Q.search("hoi thi dien ra o dau")
    assert not HELD_Q.search("vong chung ket da o san nao")
