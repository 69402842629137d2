""""<đơn vị / công ty> nào có nhiều / đông … nhất" asks the one that came first: the sentence that ranks ("đông nhất",
"dẫn đầu") answers it, the lede naming the organiser and the venue does not (spans.superlative_asked, spans.ranks,
SUPERLATIVE_NONE_FIT). The team's own sentences (teamq20 yq150, teamq17 bq037 / bd12)."""
from __future__ import annotations

from retrieval.answering.spans import ranks, superlative_asked, type_fit
from retrieval.language.qtype import question_type
from retrieval.params import SUPERLATIVE_NONE_FIT

_RUN_LEDE = ("(Báo Đà Nẵng) - Sáng 5-5-2024, tại Công viên Biển Đông, quận Sơn Trà, LĐLĐ thành phố Đà Nẵng tổ chức Giải "
             "chạy \"Vì người lao động\" lần thứ nhất năm 2024, hưởng ứng \"Tháng Công nhân\".")
_RUN_FIRST = ("Ban tổ chức cũng trao giải cho 3 đơn vị có số vận động viên tham gia đông nhất, trong đó Công đoàn Công ty "
              "TNHH Foster Đà Nẵng dẫn đầu với 215 người.")
_BLOOD_LEDE = ("Báo Bắc Ninh - Sáng 15/6/2024, tại Nhà văn hóa Công nhân Khu công nghiệp Yên Phong, Công đoàn các Khu công "
               "nghiệp tỉnh Bắc Ninh phối hợp với Viện Huyết học - Truyền máu Trung ương tổ chức Ngày hội hiến máu tình "
               "nguyện \"Giọt hồng công nhân\" lần thứ VII năm 2024.")
_BLOOD_FIRST = "Công ty TNHH Điện tử Hanbit Vina là đơn vị có số người hiến máu đông nhất với 215 người."


def test_a_superlative_asked_by_which_body():
    assert superlative_asked("Năm 2024 đơn vị nào có nhiều người chạy nhất ở giải chạy của công đoàn Đà Nẵng?")
    assert superlative_asked("năm 2025 ở bắc ninh cty nào có đông người đi cho máu nhất z")
    assert not superlative_asked("Người có số lần hiến máu nhiều nhất tại ngày hội lần thứ VII là ai?")  # no "nào"
    assert not superlative_asked("Giải chạy lần thứ nhất năm 2024 do đơn vị nào tổ chức?")


def test_ranks_reads_news_ranking_not_the_ordinal():
    assert ranks(_RUN_FIRST) and ranks(_BLOOD_FIRST)
    assert not ranks(_RUN_LEDE)  # "lần thứ nhất" is an ordinal
    assert not ranks(_BLOOD_LEDE)


def test_the_ranking_sentence_fits_the_lede_does_not():
    for q, lede, first in [
        ("Năm 2024 đơn vị nào có nhiều người chạy nhất ở giải chạy của công đoàn Đà Nẵng?", _RUN_LEDE, _RUN_FIRST),
        ("Công ty nào có nhiều người hiến máu nhất ở ngày hội Giọt hồng công nhân năm 2025?", _BLOOD_LEDE, _BLOOD_FIRST),
    ]:
        qtype = question_type(q)  # who ("đơn vị nào") and where ("cty nào") alike
        assert type_fit(qtype, first, q) == 1.0
        assert type_fit(qtype, lede, q) == SUPERLATIVE_NONE_FIT
