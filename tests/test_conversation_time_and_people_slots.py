"""Session 37, helper F (issue 24): a time asked by its unit ("hôm nào vậy?", "mấy giờ?") is a bare slot, not a topic
(`followup.topic_terms`, `_ASKS_TIME`); a message naming no event is read with the chat's topic
(`followup.names_no_event`); an edition swapped keeps the event's trade (`continuation._other_trade`); a year swapped
moves an anniversary's count (`parts.drop_anniversaries`); a roman numeral is no name in a lowercase question
(`parts.topic`); an ordinal is a value, no topic syllable. Our own sentences; the answerers are stand-ins."""
from retrieval.conversation import followup


def test_a_time_asked_by_its_unit_names_no_topic():
    assert followup.topic_terms("hôm nào vậy?") == []
    assert followup.topic_terms("hom nao the") == []
    assert followup.topic_terms("mấy giờ ạ?") == []
    assert followup.points_back("hôm nào vậy?")  # a bare slot, as "ngày nào vậy?" is
    assert followup.points_back("ngày nào vậy?")
    assert followup.topic_terms("Hội diễn khai mạc hôm nào?")[-2:] == ["khai", "mac"]  # the event's words stay
    assert "hom" in followup.topic_terms("hôm qua công đoàn trao quà gì?")  # "hôm qua" asks no time


def test_a_message_naming_no_event_is_a_slot_of_the_chats():
    assert followup.names_no_event("buổi lễ kết thúc lúc mấy giờ?")
    assert followup.names_no_event("mỗi đội được thưởng bao nhiêu tiền?")
    assert followup.names_no_event("ai đọc diễn văn khai mạc thế?")
    assert not followup.names_no_event("năm 2023 mỗi đội được thưởng bao nhiêu?")  # a year: the chat's event another year
    assert not followup.names_no_event("ở quảng trị mỗi đội được thưởng bao nhiêu?")  # a place, typed in lowercase
    assert not followup.names_no_event("Hội thi Bếp Việt được thưởng bao nhiêu?")  # a name of its own
    assert not followup.names_no_event("hoi thi nau an cong nhan khu cong nghiep hoa khanh co bao nhieu doi")  # written out


def test_a_nameless_slot_is_read_with_the_topic_whatever_the_model(monkeypatch):
    from collections import namedtuple
    from types import SimpleNamespace

    from retrieval.conversation import continuation
    from retrieval.conversation.continuation import Topic, _Both

    Timed = namedtuple("Timed", "answer latency_ms")
    chat = Timed(SimpleNamespace(found=True, ranked=["hoithi-2025"], sentence="s", span="x", kind="news"), 0)
    elsewhere = Timed(SimpleNamespace(found=True, ranked=["bongda-2022"], sentence="t", span="y", kind="news"), 0)
    topic = Topic("Hội thi nấu ăn công nhân Quảng Trị 2025 có bao nhiêu đội?", "hoithi-2025")

    def both(answerer, message, base):
        return _Both(elsewhere, f"Hội thi nấu ăn công nhân Quảng Trị 2025, {message}", base.question, chat, {}, True)

    monkeypatch.setattr(continuation, "_both", both)
    monkeypatch.setattr(continuation, "continues", lambda feats, alone, model=None: False)  # the model: alone
    answerer = SimpleNamespace(ask=lambda q, **kw: elsewhere, article_title=lambda aid: "Giải bóng đá",
                               article_text=lambda aid: "Giải bóng đá công nhân.")
    assert continuation._read(answerer, "buổi lễ kết thúc lúc mấy giờ?", topic).understood  # merged
    assert continuation._read(answerer, "Giải bóng đá Cúp Sông Hàn kết thúc lúc mấy giờ?", topic).understood is None


def test_an_edition_swapped_keeps_the_events_trade():
    from collections import namedtuple
    from types import SimpleNamespace

    from retrieval.conversation.continuation import Topic, _kept_sector, _other_trade

    first = "Hội diễn văn nghệ ngành Dệt may lần thứ III tổ chức ở đâu?"
    said = "thế lần thứ V thì ai đạt giải nhất?"
    understood, _ = followup.combine_topic(first, said)
    trade = _kept_sector(followup.new_values(first, said), understood)
    assert trade and trade.lower().endswith("dệt may")
    assert _kept_sector(followup.new_values(first, "còn ngành Y tế thì sao?"), understood) is None  # not only the edition

    Timed = namedtuple("Timed", "answer latency_ms")
    texts = {"detmay-v": "Hội diễn văn nghệ ngành Dệt may lần thứ V khép lại.",
             "giaoduc-v": "Hội diễn văn nghệ ngành Giáo dục lần thứ V khép lại."}
    answerer = SimpleNamespace(article_text=texts.get)
    topic = Topic(first, "detmay-iii")

    def answered(aid):
        return Timed(SimpleNamespace(found=True, ranked=[aid], sources=[], related=[], kind="news", span="x",
                                     sentence="s", passage="p", also=None), 0)

    kept = answered("detmay-v")
    assert _other_trade(trade, topic, answerer, kept) is kept
    other = _other_trade(trade, topic, answerer, answered("giaoduc-v"))
    assert not other.answer.found and other.answer.candidate is not None


def test_a_year_swapped_moves_the_anniversary_count():
    from retrieval.conversation import parts

    first = "Lễ kỷ niệm 40 năm thành lập Công đoàn Cao su Phú Riềng có khẩu hiệu gì?"
    said = "năm 2026 thì khẩu hiệu gì?"
    understood, _ = followup.combine_topic(first, said)
    assert "40 năm" in understood and "2026" in understood
    next_year = "Sáng 20/7/2026, Công đoàn Cao su Phú Riềng tổ chức lễ kỷ niệm 41 năm thành lập."
    fewer = parts.drop_anniversaries(understood, said, next_year)
    assert "40 năm" not in fewer and "2026" in fewer and "Phú Riềng" in fewer
    assert parts.drop_anniversaries(understood, said, "Lễ kỷ niệm 40 năm thành lập năm 2026.") == understood  # written
    assert parts.drop_anniversaries(understood, "năm 2026 lễ 40 năm thì sao?", next_year) == understood  # said again


def test_a_roman_numeral_is_no_name_in_a_lowercase_question():
    # typed in lowercase but for the ordinal: the contest is the topic, not the ordinal alone
    topic = followup.topic_of("doi nao vo dich giai bong ban cong nhan hai phong lan thu IV")
    assert "bong ban" in topic and topic.endswith("IV")
    understood, _ = followup.combine_topic("doi nao vo dich giai bong ban cong nhan hai phong lan thu IV", "ho o cty nao")
    assert "bong ban" in understood


def test_a_place_named_in_lowercase_by_its_kind_is_a_name():
    assert not followup.names_no_event("chủ tịch lđlđ huyện thạch hà là ai vậy")
    assert not followup.names_no_event("cty may hòa thọ có bao nhiêu người")


def test_an_ordinal_is_a_value_not_a_topic_syllable():
    assert followup.topic_terms("lần thứ V thì đội nào thắng?") == ["doi"]  # ("thắng" folds like "tháng", generic)
    assert followup.topic_terms("khoa 3 thi sao") == []
    assert followup.points_back("lần thứ V thì đội nào thắng?")  # "<value> thì <slot>": the chat's question, of V
    assert "hoi" in followup.topic_terms("Hội diễn lần thứ V có bao nhiêu đội?")  # the event's words stay
