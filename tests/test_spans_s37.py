"""Session 37, helper P (issue 23): a slogan / campaign question asks the name of a kind of thing; the sentence that
names one right after that kind answers, not the lede naming the whole event after another cue (sentences written
for these tests)."""
from retrieval.answering import choose, spans
from retrieval.params import NAMED_ELSEWHERE_FIT
from tests.helpers import asked

LEDE = ("Sáng 6/9/2025, tại Nhà văn hóa công nhân KCN Phú Lâm, Công đoàn Công ty Cao su Phú Lâm tổ chức chương trình "
        "“Ánh sáng tri thức” trao quà năm học mới cho 200 con công nhân.")
SCHOLARSHIP = "Dịp này, 30 em học giỏi được nhận học bổng “Chắp cánh ước mơ”, mỗi suất 1 triệu đồng."
OTHER = "Công ty hiện có hơn 1.500 công nhân, phần lớn là lao động địa phương."
THEME = "Chủ đề của hội diễn năm nay là “Sắc màu công nhân”."


def test_the_questions_own_head_noun_is_the_kind_whose_name_is_asked():
    fq = spans.fold("Học bổng dành cho con công nhân Cao su Phú Lâm mang tên gì?").lower()
    assert spans._own_kind(fq) == ["hoc bong danh", "hoc bong"]  # ("dành" is no function word: the prefixes)
    fq = spans.fold("Buổi giao lưu văn nghệ trong ngày hội có tên là gì?").lower()
    assert spans._own_kind(fq) == ["giao luu van nghe", "giao luu van", "giao luu"]
    # no name asked, or a question opening with a function word: no kind of its own
    assert spans._own_kind(spans.fold("Học bổng dành cho con công nhân trị giá bao nhiêu?").lower()) == []
    assert spans._own_kind(spans.fold("trong tháng 5 công đoàn tổ chức phiên chợ tên gì").lower()) == []


def test_the_sentence_naming_the_kind_asked_beats_the_ledes_programme():
    for typed in ("Học bổng dành cho con công nhân Cao su Phú Lâm mang tên gì?",
                  "hoc bong cho con cong nhan cao su phu lam ten gi vay"):
        qt, q = asked(typed)
        assert qt == "campaign"
        assert spans.names_asked_kind(qt, SCHOLARSHIP, q)
        assert not spans.names_asked_kind(qt, LEDE, q)
        assert spans.type_fit(qt, SCHOLARSHIP, q) == 1.0
        fits = [spans.type_fit(qt, t, q) for t in (LEDE, SCHOLARSHIP, OTHER)]
        assert choose.kind_named_elsewhere(qt, q, [LEDE, SCHOLARSHIP, OTHER], fits) == [
            NAMED_ELSEWHERE_FIT, 1.0, min(fits[2], NAMED_ELSEWHERE_FIT)]
        assert spans.extract_span(qt, SCHOLARSHIP, q) == "Chắp cánh ước mơ"


def test_a_kind_named_before_a_copula_names_the_quote():
    qt, q = asked("Chủ đề hội diễn văn nghệ công nhân năm 2025 là gì?")
    assert qt == "slogan"
    assert spans.names_asked_kind(qt, THEME, q)
    assert spans.extract_span(qt, THEME, q) == "Sắc màu công nhân"


def test_fits_stand_when_no_sentence_names_the_kind_asked():
    qt, q = asked("Học bổng dành cho con công nhân Cao su Phú Lâm mang tên gì?")
    fits = [spans.type_fit(qt, t, q) for t in (LEDE, OTHER)]
    assert choose.kind_named_elsewhere(qt, q, [LEDE, OTHER], fits) == fits


def test_the_head_noun_asked_and_the_nearest_kind_decide():
    """The question's head is a kind its name is asked of, besides those further in ("… sau hội thi"); a question
    opening with an aside has no head kind; a quote is named by the kind nearest before it ("chương trình mang thông
    điệp “…”" quotes the message)."""
    drive = "Sau hội thi, công đoàn phát động đợt thi đua “Bốc xếp an toàn, đúng hẹn” trong toàn cảng."
    qt, q = asked("Đợt thi đua mà công đoàn Cảng Cái Lân khởi động sau hội thi tay nghề 2026 có tên gì?")
    assert spans._named_things(spans.fold(q).lower()) == ["thi dua", "hoi thi"]
    assert spans.names_asked_kind(qt, drive, q)
    assert spans._own_kind(spans.fold("Nhân dịp này công đoàn tặng danh hiệu mang tên gì?").lower()) == []
    assert spans._own_kind(spans.fold("Ngoài ngày hội, chương trình phiên chợ tên là gì?").lower()) == []
    message = "Năm nay, chương trình mang thông điệp “Tết ấm công nhân”."
    qt, q = asked("Chương trình Tết năm 2025 của công đoàn Ia Lốp có tên là gì?")
    assert not spans.names_asked_kind(qt, message, q)
    assert spans.names_asked_kind(qt, "Công đoàn tổ chức chương trình “Xuân yêu thương” cho 500 công nhân.", q)
