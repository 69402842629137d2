"""Session 16, helper U: answerable questions wrongly declined and routed, and unanswerable ones answered,
learnt from the team's two fresh sets (docs/quality.md, "Session 16, helper U"). Every sentence here is
written for the test."""
from __future__ import annotations


def test_a_word_typed_with_other_accents_is_no_first_person():
    """Typed with accents, "tới" (to), "tối" (evening), "minh bạch" are no "tôi" / "mình": the asker does not
    speak of himself. Typed without accents the words stay ambiguous and are read as the first person."""
    from retrieval.hoidap.advice import _first_person

    assert _first_person("Tiền hỗ trợ của tỉnh sẽ được chuyển tới công nhân nào trước?") == (False, False)
    assert _first_person("Buổi tối hôm đó ai đến thăm xưởng may?") == (False, False)
    assert _first_person("Công ty tôi nợ lương hai tháng thì làm sao?")[0]
    assert _first_person("Mình bị trừ lương có đúng luật không?")[0]
    assert _first_person("cong ty toi no luong thi lam sao")[0]


def test_rights_words_about_others_named_by_place_are_news():
    """Rights vocabulary alone in a question naming a province or a body asks what a report told of others
    (a count of accidents in a province, an agreement signed at a named company): news, not the member's own
    case. A right asked in general terms, or in the first person, or in an advice shape stays his own."""
    from retrieval.hoidap.advice import _rights_named, features, is_advice

    news = "Năm trước tỉnh Hà Giang có bao nhiêu vụ tai nạn lao động?"
    assert _rights_named(features(news))
    assert not is_advice(news)
    assert not _rights_named(features("Tuổi nghỉ hưu của lao động nữ là bao nhiêu?"))
    assert not _rights_named(features("Tôi làm ở Hà Giang, bị tai nạn lao động thì được hưởng chế độ gì?"))
    assert is_advice("Tôi làm ở Hà Giang, bị tai nạn lao động thì được hưởng chế độ gì?")
