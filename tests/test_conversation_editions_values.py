"""Session 17, helper F (issue 24): the last turn for each goal — an edition swap keeps the event's own
observance, a message that names nothing but a value is not read alone, a whole question with a name
of its own is no swap. Every sentence is our own."""


def test_an_edition_swap_keeps_the_events_observance(followups_kb):
    """"còn năm 2026 thì chủ đề là gì?" after the theme of Tháng Công nhân 2025 in Lai Châu: the member
    asks about the same observance another year. Declined on another event's article (the search put
    a safety-month article first), the observance is not dropped to make that article answer: the
    reply stays "not found", the understood question still names Tháng Công nhân. Our own events
    (tests/data/followups: Lai Châu's Tháng Công nhân 2025 and its safety month of 2026), read by the
    real answer step."""
    from retrieval.conversation.continuation import Topic, read

    first = "Tháng Công nhân 2025 ở Lai Châu lấy chủ đề gì?"
    assert followups_kb.ask(first).answer.span == "Công nhân Lai Châu vững bước"
    r = read(followups_kb, "còn năm 2026 thì chủ đề là gì?", Topic(first, "tcn-laichau-2025"))
    assert not r.timed.answer.found  # not "An toàn là trên hết", the safety month's theme
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
    assert not names_only_values("Tháng Công nhân 2020 lấy chủ đề gì?")
    assert not names_only_values("khẩu hiệu là gì?")  # no value at all


def test_a_value_and_a_slot_declined_with_the_topic_is_not_read_alone(followups_kb):
    """"năm 2026 khẩu hiệu thế nào?" after the slogan of a miners' safety week of 2025: no article
    tells of that week in 2026, so the combined reading is declined. Read alone, the message would be
    answered with the slogan of whatever event of 2026 some article tells of (a sports meet): it
    names no event of its own. Declined, the understood question shown. Our own events
    (tests/data/followups), read by the real answer step."""
    from retrieval.conversation.continuation import Topic, read

    first = "Tuần lễ an toàn ngành mỏ năm 2025 có khẩu hiệu gì?"
    assert followups_kb.ask(first).answer.span == "Mỏ an toàn"
    r = read(followups_kb, "năm 2026 khẩu hiệu thế nào?", Topic(first, "tuanle-mo-2025"))
    assert not r.timed.answer.found  # not "Khỏe để lao động", the sports meet of 2026
    assert r.understood and "2026" in r.understood and "Tuần lễ an toàn ngành mỏ" in r.understood
    # one that names an event of its own is still read alone
    r = read(followups_kb, "Khẩu hiệu Hội thao Công nhân năm 2026 là gì?", Topic(first, "tuanle-mo-2025"))
    assert r.timed.answer.found and r.timed.answer.span == "Khỏe để lao động" and r.understood is None
    assert r.timed.answer.sources[0].article_id == "hoithao-congnhan-2026"


def test_a_whole_question_with_a_name_of_its_own_is_no_swap():
    """"Chủ tịch Công đoàn Dệt May Hà Nam là ai?" names a province and a body of its own ("Dệt May",
    capitalised): a fresh question, not the chat's question with Hà Nam swapped in — it no longer
    points back by `swaps_only` (the fitted model decides). "ở Hà Nam ai làm chủ tịch?" still does."""
    from retrieval.conversation.followup import points_back, swaps_only

    assert not swaps_only("Chủ tịch Công đoàn Dệt May Hà Nam là ai?")
    assert not points_back("Chủ tịch Công đoàn Dệt May Hà Nam là ai?")
    assert swaps_only("ở Hà Nam ai làm chủ tịch?")
    assert swaps_only("Năm 2023 ai làm Chủ tịch?")  # a role capitalised by convention names no body
    assert swaps_only("nam 2023 to chuc o dau?")  # typed without accents: capitals say nothing


def test_lowercase_provinces():
    """Province names that are also ordinary words, typed in lowercase, without accents or with the
    province's own; one syllable alone ("hue") and capitalised ones (read elsewhere) are not listed."""
    from retrieval.conversation.parts import lowercase_provinces

    assert lowercase_provinces("thế trường nghề ha nam thì sao") == ["ha nam"]
    assert lowercase_provinces("còn bên điện lực thái bình?") == ["thái bình"]
    assert lowercase_provinces("hue thi sao") == []
    assert lowercase_provinces("con Ha Nam?") == []
    assert lowercase_provinces("con nam 2024 thi sao") == []


def test_a_lowercase_province_swapped_in_is_read_as_a_place(followups_kb):
    """"the truong nghe ha nam thi ai lam hieu truong …" after a question about the vocational school
    of Ninh Binh: the province typed in lowercase is the place swapped in (the topic names another province).
    Read alone it was answered from the chat's article, which never names Hà Nam (about Ninh Bình's
    school); with the swap, that article is declined for the new place and the understood question shown.
    Our own school (tests/data/followups), read by the real answer step."""
    from retrieval.conversation.continuation import Topic, read
    from retrieval.conversation.followup import new_values

    first = "ai lam hieu truong truong nghe tinh ninh binh"
    msg = "the truong nghe ha nam thi ai lam hieu truong nha truong"
    assert new_values(first, msg).place == "Ha Nam"
    assert new_values("ai lam hieu truong truong nghe", msg).place is None  # no place to contrast
    assert followups_kb.ask(first).answer.span == "Ông Nguyễn Văn Minh"
    r = read(followups_kb, msg, Topic(first, "nghe-ninhbinh"))
    assert not r.timed.answer.found
    assert r.understood and "ha nam" in r.understood.lower()


def test_a_question_of_its_own_about_a_lowercase_province_its_article_never_names(followups_kb):
    """"còn công đoàn ngành giao thông hà nam, ai đứng đầu?" after the culture-sector union of Hà Nam
    (the same province): the search finds a transport union of another province (Thái Bình) — an
    article that never names Hà Nam — and the reply is declined; one whose article names its province
    ("… giao thông thái bình …" after Thái Bình's culture union) answers. Our own unions
    (tests/data/followups: vh-hanam, vh-thaibinh, gt-thaibinh), read by the real answer step."""
    from retrieval.conversation.continuation import Topic, read

    first = "Ai đứng đầu công đoàn ngành văn hóa Hà Nam?"
    assert followups_kb.ask(first).answer.span == "Bà Lê Thị Hoa"
    r = read(followups_kb, "còn công đoàn ngành giao thông hà nam, ai đứng đầu?", Topic(first, "vh-hanam"))
    assert r.timed.answer.ranked[0] == "gt-thaibinh"  # the only transport union: Thái Bình's
    # Session 18: the sector is swapped (`followup.sector_swapped`), so the decline shows the question
    # understood (it was declined as read alone, with none).
    assert not r.timed.answer.found and r.understood == "Ai đứng đầu công đoàn ngành giao thông Hà Nam?"
    first = "Ai đứng đầu công đoàn ngành văn hóa Thái Bình?"
    r = read(followups_kb, "còn công đoàn ngành giao thông thái bình, ai đứng đầu?", Topic(first, "vh-thaibinh"))
    assert r.timed.answer.found and r.timed.answer.span == "Ông Phạm Văn Quang"
    assert r.timed.answer.sources[0].article_id == "gt-thaibinh"
