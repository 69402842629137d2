"""An area asked by its noun ("bao nhiêu diện tích rừng", "bao nhiêu héc-ta") is a size told in an area unit
("hơn 29.000 ha rừng"), not a count of things (spans.area_noun, spans._number_fit). The team's own questions and
sentences (teamq19 x-18, teamq20 y-14, y-15)."""
from __future__ import annotations

import pytest

from retrieval.answering.spans import slot, type_fit

_LONG_DAI = ("Đồng chí Trương Văn Hiền, Chủ tịch Công đoàn công ty, cho biết đơn vị đang quản lý hơn 29.000 ha rừng, "
             "trong đó có khoảng 6.500 ha rừng trồng thông và keo có nguy cơ cháy cao trong những tháng nắng nóng.")
_COAL = ("Năm 2025, ngành than phấn đấu trồng 400.000 cây, hoàn nguyên môi trường 150 ha bãi thải và diện tích mặt "
         "bằng khai thác.")
_MEMBERS = "Tham gia có hơn 260 đoàn viên, người lao động là công nhân bảo vệ rừng, trồng rừng của công ty."


@pytest.mark.parametrize("question", [
    "Công ty lâm nghiệp Long Đại ở Quảng Bình đang trông coi bao nhiêu diện tích rừng?",
    "Trong dịp Tết trồng cây 2025, công nhân lâm nghiệp Bảo Yên trồng được bao nhiêu diện tích?",
    "Năm 2025 ngành than muốn phục hồi môi trường cho bao nhiêu héc-ta bãi thải và mặt bằng khai thác?",
    "nganh than hoan nguyen bao nhieu hecta bai thai",
])
def test_an_area_noun_after_bao_nhieu_asks_an_area(question):
    assert slot("number", question) == {"unit": "area"}


def test_a_counted_noun_still_wins_over_an_area_named_later():
    assert slot("number", "Công đoàn trao bao nhiêu căn nhà có diện tích 50 m2?")["noun"] == ["can", "nha"]


def test_a_sentence_telling_the_area_in_ha_fits_well():
    q = "Công ty lâm nghiệp Long Đại ở Quảng Bình đang trông coi bao nhiêu diện tích rừng?"
    assert type_fit("number", _LONG_DAI, q) > 0.8
    assert type_fit("number", _MEMBERS, q) <= 0.25  # a count of people is no area
    assert type_fit("number", _COAL, "Năm 2025 ngành than muốn phục hồi môi trường cho bao nhiêu héc-ta bãi thải "
                                      "và mặt bằng khai thác?") > 0.8


def test_planting_or_a_time_span_asks_no_area():
    """Folded, "trồng bao nhiêu" and "trong mấy" hold "rong bao nhiêu / rong mấy" ("how wide"): an area is asked by
    "rộng" as a word of its own only, so a planting count is no area and a hectare figure no better answer to it."""
    from retrieval.answering.spans import _number_expectation
    from retrieval.language.qtype import folded_question

    assert not _number_expectation(folded_question("Ngành than trồng bao nhiêu cây năm 2025?"))[3]
    assert not _number_expectation(folded_question("Hội thi diễn ra trong mấy ngày?"))[3]
    assert _number_expectation(folded_question("Sân thi đấu rộng bao nhiêu mét vuông?"))[3]
    assert type_fit("number", _COAL, "Năm 2025 ngành than trồng bao nhiêu cây?") > \
        type_fit("number", "Ngành than hoàn nguyên 150 ha bãi thải.", "Năm 2025 ngành than trồng bao nhiêu cây?")
