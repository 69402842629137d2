"""Session 38, helper P (issue 23): a count question asks the reported occasion's own count; a sentence that tells its
counts in the frame of another occasion — a running total ("Sau 5 năm, …", "Qua 7 lần tổ chức, …") or a past edition
("Năm ngoái, …") put before its first comma — gives another's (sentences written for these tests)."""
from retrieval.answering import choose, spans
from retrieval.params import COUNTED_ELSEWHERE_FIT
from tests.helpers import asked

TITLE = "Công đoàn Cao su Phú Lâm trao 240 suất học bổng năm 2025"
LEDE = ("Sáng 6/9/2025, tại Nhà văn hóa công nhân KCN Phú Lâm, Công đoàn Công ty Cao su Phú Lâm tổ chức lễ trao học "
        "bổng năm học 2025–2026 cho con công nhân.")
THIS = "Tại buổi lễ, công đoàn trao 240 suất học bổng, mỗi suất 1,5 triệu đồng."
RUNNING = "Sau 5 năm, chương trình đã trao tổng cộng 1.060 suất học bổng cho con công nhân."
EDITIONS = "Qua 7 lần tổ chức, quỹ học bổng của công ty đã trao 1.300 suất."
LAST = "Năm ngoái, công đoàn trao 210 suất học bổng cho các em."
HIATUS = "Sau hai năm gián đoạn, lễ trao học bổng năm nay có 240 suất."
TALKS = "Sau 3 lần đối thoại, doanh nghiệp đồng ý tăng thêm 60 suất học bổng."
SINCE = "Từ năm 2018 đến nay, công đoàn đã trao 1.300 suất học bổng."


def test_a_frame_before_the_first_comma_tells_another_occasions_count():
    q = "Năm 2025 Công đoàn Cao su Phú Lâm trao bao nhiêu suất học bổng?"
    for framed in (RUNNING, EDITIONS, LAST, SINCE, spans.fold(RUNNING), "Tính đến nay, quỹ đã hỗ trợ 300 lượt đoàn viên."):
        assert spans.counts_other_occasion(framed, q), framed
    # this occasion named too, a sequence of talks (no edition), no frame, or a frame after the first comma: its own
    for own in (HIATUS, TALKS, THIS, "Công đoàn trao 240 suất, nâng tổng số lên 1.300 suất sau 5 năm."):
        assert not spans.counts_other_occasion(own, q), own
    # a year the question names written in the frame: that year's count
    assert not spans.counts_other_occasion(SINCE, "Từ năm 2018 công đoàn trao bao nhiêu suất học bổng?")
    assert not spans.counts_other_occasion("Trong 5 năm (2020–2024), quỹ trao 900 suất.", "Năm 2024 quỹ trao bao nhiêu suất?")


def test_a_question_asking_a_total_a_span_of_years_a_past_edition_or_the_present_asks_it():
    for q in ("Tổng cộng chương trình đã trao bao nhiêu suất học bổng?", "Qua 7 lần tổ chức quỹ trao bao nhiêu suất?",
              "từ trước đến nay công đoàn trao bn suất học bổng", "Năm ngoái công đoàn trao bao nhiêu suất?",
              "Mấy năm qua quỹ đã trao bao nhiêu suất?", "Giai đoạn 2020-2025 quỹ trao bao nhiêu suất?",
              "Hiện nay công ty có bao nhiêu công nhân?", "nam truoc cong doan trao bao nhieu suat"):
        assert spans.other_occasion_asked(q), q
    for q in ("Năm 2025 Công đoàn Cao su Phú Lâm trao bao nhiêu suất học bổng?", "le trao hoc bong nam nay co bn suat",
              "Mỗi suất học bổng trị giá bao nhiêu?"):
        assert not spans.other_occasion_asked(q), q


def test_the_framed_sentence_is_discounted_only_beside_the_occasions_own_count():
    texts = [LEDE, RUNNING, THIS, LAST]
    qt, q = asked("Năm 2025 Công đoàn Cao su Phú Lâm trao bao nhiêu suất học bổng?")
    assert qt == "number"
    fits = [spans.type_fit(qt, t, q) for t in texts]
    assert fits[1] == fits[2] == fits[3] == 1.0
    assert choose.counted_elsewhere(q, TITLE, texts, fits) == [fits[0], COUNTED_ELSEWHERE_FIT, 1.0, COUNTED_ELSEWHERE_FIT]
    # no count in the article but the framed ones: nothing to prefer
    assert choose.counted_elsewhere(q, TITLE, [LEDE, RUNNING, LAST], [fits[0], 1.0, 1.0]) == [fits[0], 1.0, 1.0]
    # a count as fit but below 1 (typed without accents: 0.75) leaves the framed sentences as they are
    qt, q = asked("le trao hoc bong cao su phu lam nam 2025 co bao nhieu suat vay")
    fits = [spans.type_fit(qt, t, q) for t in texts]
    assert 0 < fits[2] < 1
    assert choose.counted_elsewhere(q, TITLE, texts, fits) == fits
    assert choose.counted_elsewhere(q, TITLE, texts, [0.0, 1.0, 1.0, 1.0]) == [0.0, COUNTED_ELSEWHERE_FIT, 1.0,
                                                                           COUNTED_ELSEWHERE_FIT]
    # a total asked: the running total answers
    qt, q = asked("Sau 5 năm chương trình đã trao tổng cộng bao nhiêu suất học bổng?")
    fits = [spans.type_fit(qt, t, q) for t in texts]
    assert choose.counted_elsewhere(q, TITLE, texts, fits) == fits
    # no year asked: the count may be the state now ("Đến nay, …"), the framed sentences stay
    qt, q = asked("Công đoàn Cao su Phú Lâm trao bao nhiêu suất học bổng?")
    fits = [spans.type_fit(qt, t, q) for t in texts]
    assert choose.counted_elsewhere(q, TITLE, texts, fits) == fits
    # a year the report's title and lede do not name: the question may ask the edition recalled
    qt, q = asked("Năm 2024 Công đoàn Cao su Phú Lâm trao bao nhiêu suất học bổng?")
    fits = [spans.type_fit(qt, t, q) for t in texts]
    assert choose.counted_elsewhere(q, TITLE, texts, fits) == fits
