"""Session 17, helper F (issue 24): the last turn for each goal — an edition swap keeps the event's own
observance, a message that names nothing but a value is not read alone, a whole question with a name
of its own is no swap. Every sentence is our own."""
from tests.test_conversation import _Asked
from tests.test_conversation_s16e import _Declining


def test_an_edition_swap_keeps_the_events_observance():
    """"còn năm 2026 thì chủ đề là gì?" after the theme of Tháng Công nhân 2025 in Lai Châu: the member
    asks about the same observance another year. Declined on another event's article (the search put
    a safety-month article first), the observance is not dropped to make that article answer: the
    reply stays "not found", the understood question still names Tháng Công nhân."""
    from retrieval.conversation.continuation import Topic, read

    first = "Chủ đề Tháng Công nhân năm 2025 ở Lai Châu là gì?"

    def answers(question, focus):
        q = question.lower()
        if "tháng công nhân" in q and "2025" in q:
            return "tcn-laichau-2025", "Công nhân Lai Châu vững bước"
        if "tháng công nhân" not in q and "2026" in q:
            return "antoan-2026", "An toàn là trên hết"
        return None

    kb = _Declining(answers, {"tcn-laichau-2025": "Chủ đề Tháng Công nhân năm 2025 ở Lai Châu là ...",
                              "antoan-2026": "Năm 2026, tháng an toàn lao động ở Lai Châu có chủ đề ..."},
                    "antoan-2026")
    r = read(kb, "còn năm 2026 thì chủ đề là gì?", Topic(first, "tcn-laichau-2025"))
    assert not r.timed.answer.found, kb.asked
    assert "Tháng Công nhân" in r.understood and "2026" in r.understood


def test_edition_only():
    """A year, term or ordinal alone is another edition of the same event; with a place, company or
    unit it is another event of the kind."""
    from retrieval.conversation.continuation import _edition_only
    from retrieval.conversation.parts import Values

    assert _edition_only(Values(["2026"], None, None, None))
    assert _edition_only(Values([], "V", None, None))
    assert not _edition_only(Values(["2026"], None, "Điện Biên", None))
    assert not _edition_only(Values([], None, None, "Hòa Phát"))
    assert not _edition_only(Values([], None, None, None))


def test_names_only_values():
    """A year or place and a slot, nothing else, names no event of its own; a message that names one
    ("Tháng Công nhân", a verb of its own) does."""
    from retrieval.conversation.followup import names_only_values

    assert names_only_values("năm 2026 khẩu hiệu thế nào?")
    assert names_only_values("năm 2023 tổ chức ở đâu?")
    assert not names_only_values("Chủ đề Tháng Công nhân năm 2020 là gì?")
    assert not names_only_values("khẩu hiệu là gì?")  # no value at all


def test_a_value_and_a_slot_declined_with_the_topic_is_not_read_alone():
    """"năm 2026 khẩu hiệu thế nào?" after the slogan of a miners' safety week of 2025: no article
    tells of that week in 2026, so the combined reading is declined. Read alone, the message would be
    answered with the slogan of whatever event of 2026 some article tells of (a sports meet): it
    names no event of its own. Declined, the understood question shown."""
    from retrieval.conversation.continuation import Topic, read

    first = "Tuần lễ an toàn ngành mỏ năm 2025 có khẩu hiệu gì?"

    def answers(question, focus):
        q = question.lower()
        if "tuần lễ" in q:
            return ("tuanle-2025", "Mỏ an toàn") if "2025" in q else None
        if "2026" in q:
            return "hoithao-2026", "Khỏe để lao động"
        return None

    kb = _Asked(answers, {"tuanle-2025": "Tuần lễ an toàn ngành mỏ năm 2025 có khẩu hiệu Mỏ an toàn."})
    r = read(kb, "năm 2026 khẩu hiệu thế nào?", Topic(first, "tuanle-2025"))
    assert not r.timed.answer.found, kb.asked
    assert r.understood and "2026" in r.understood
    # one that names an event of its own is still read alone
    r = read(kb, "Khẩu hiệu Hội thao Công nhân năm 2026 là gì?", Topic(first, "tuanle-2025"))
    assert r.timed.answer.found and r.timed.answer.span == "Khỏe để lao động"
