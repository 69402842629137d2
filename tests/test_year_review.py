"""Session 34 (helper D, issue 23): a year's figures are told in the next year's report (answer._year_review), and a
sentence tells its fact of a year only when it writes the year as the fact's own time (notfound.tells_year).
Sentences written for these tests (no dev or team data)."""
from types import SimpleNamespace

import numpy as np

from retrieval.answering.answer import _year_review
from retrieval.answering.notfound import tells_year

Q = "Năm 2024 các cấp công đoàn tỉnh trao bao nhiêu suất học bổng?"


def test_a_sentence_tells_the_year_it_dates_its_fact_by():
    assert tells_year(Q, "Năm 2024, các cấp công đoàn trao 1.250 suất học bổng cho con đoàn viên.", "2024")
    assert tells_year("nam 2024 trao bn suat hoc bong", "Trong năm 2024 đã trao 1.250 suất học bổng.", "2024")
    # another year, none, or the year asked only in a comparison, a term, a running total or a plan
    assert not tells_year(Q, "Năm 2023, các cấp công đoàn trao 980 suất học bổng.", "2024")
    assert not tells_year(Q, "Dịp này, công đoàn trao 300 suất học bổng.", "2024")
    assert not tells_year(Q, "Năm nay trao 1.400 suất học bổng, tăng 150 suất so với năm 2024.", "2024")
    assert not tells_year(Q, "Nhiệm kỳ 2024–2029, công đoàn phấn đấu trao 5.000 suất học bổng.", "2024")
    assert not tells_year(Q, "Tính từ năm 2024, đã có 2.600 suất học bổng được trao.", "2024")
    assert not tells_year(Q, "Năm nay có 2.500 suất học bổng, gấp đôi năm 2024.", "2024")
    assert not tells_year(Q, "Số suất học bổng gấp 1,5 lần năm 2024.", "2024")
    assert not tells_year(Q, "Số suất năm nay cao hơn năm 2024.", "2024")
    assert not tells_year(Q, "Hội nghị tổng kết năm 2023, triển khai nhiệm vụ năm 2024 với 40 đại biểu.", "2024")


def _opt(text):
    return SimpleNamespace(text=text)


def _verdict(hard=False, missing_years=(), missing_names=()):
    return {"hard": hard, "missing_years": list(missing_years), "event_details": [], "other_place": [],
            "missing_names": list(missing_names)}


DATES = {"hb2024": "2024-08-20", "hb2025": "2025-03-02", "hb2023": "2023-08-25", "xa": "2025-04-01"}
EVENT_2024 = [_opt("Ngày 18-8-2024, LĐLĐ tỉnh tổ chức lễ trao học bổng cho con đoàn viên."),
              _opt("Năm 2023, các cấp công đoàn trao 980 suất học bổng, tổng trị giá 1,5 tỉ đồng.")]
REVIEW_2025 = [_opt("Ngày 1-3-2025, LĐLĐ tỉnh tổng kết chương trình học bổng."),
               _opt("Năm 2024, các cấp công đoàn trao 1.250 suất học bổng, tổng trị giá 2 tỉ đồng.")]


def _first(question, second=REVIEW_2025, second_id="hb2025", scores_second=(0.3, 0.9), reach=0.95,
           verdict_second=None, qtype="number"):
    index = SimpleNamespace(articles={k: {"date": v} for k, v in DATES.items()})
    res = SimpleNamespace(query=SimpleNamespace(text=question, qtype=qtype))
    ranking = [("hb2024", 1.0), (second_id, reach ** 0.25)]  # (score / the first's) ** ARTICLE_SHARPNESS = reach
    read = [(EVENT_2024, np.array([0.3, 0.85]), _verdict()),
            (second, np.array(scores_second), verdict_second or _verdict())]
    return ranking[_year_review(index, res, ranking, read, 0)][0]


def test_a_years_figure_is_read_from_the_next_years_report():
    """The year's report tells its event and the year before's figures; the next year's report tells the year's."""
    assert _first(Q) == "hb2025"
    assert _first("nam 2024 cong doan tinh trao bn suat hoc bong") == "hb2025"


def test_the_year_review_moves_nothing_else():
    assert _first(Q, qtype="who") == "hb2024"  # not a count or amount
    assert _first("Các cấp công đoàn tỉnh trao bao nhiêu suất học bổng?") == "hb2024"  # no year asked
    assert _first("Năm 2024 và 2025 công đoàn trao bao nhiêu suất học bổng?") == "hb2024"  # two years
    assert _first(Q, scores_second=(0.3, 0.7)) == "hb2024"  # the year's sentence scores below the first's best
    assert _first(Q, reach=0.3) == "hb2024"  # the search holds it far below the first
    # the later report's own best sentence tells its own event; the year is told in a lesser one
    own_event = [_opt("Năm 2025, công đoàn trao 1.400 suất học bổng cho con đoàn viên."),
                 _opt("Năm 2024, các cấp công đoàn trao 1.250 suất học bổng.")]
    assert _first(Q, second=own_event, scores_second=(0.95, 0.9)) == "hb2024"
    assert _first(Q, second_id="hb2023") == "hb2024"  # published before the year asked ended
    assert _first(Q, verdict_second=_verdict(hard=True)) == "hb2024"
    assert _first(Q, verdict_second=_verdict(missing_names=["Bình Phước"])) == "hb2024"
    # the first's best sentence tells the year asked: it is read as it was
    told = [_opt("Ngày 18-8-2024, LĐLĐ tỉnh tổ chức lễ trao học bổng."),
            _opt("Năm 2024, công đoàn trao 1.250 suất học bổng.")]
    index = SimpleNamespace(articles={k: {"date": v} for k, v in DATES.items()})
    res = SimpleNamespace(query=SimpleNamespace(text=Q, qtype="number"))
    ranking = [("hb2024", 1.0), ("hb2025", 0.99)]
    read = [(told, np.array([0.3, 0.85]), _verdict()), (REVIEW_2025, np.array([0.3, 0.9]), _verdict())]
    assert _year_review(index, res, ranking, read, 0) == 0
