"""Session 29, helper F (issue 24): where the chat is after a swap declined on the other edition's own article,
and a "còn …?" that names a whole other event and asks nothing. Every sentence is our own (tests/data/followups
for the events; the messages written as the team's members type them)."""


def test_a_message_that_names_another_event_and_asks_nothing_is_told_apart():
    """"còn <another event, however long its name>?" asks nothing once its opening and a closing "thì sao" are
    cut; shorthand written out ("bn" is "bao nhiêu") and a question word still ask."""
    from knowledge.text import normalize
    from retrieval.conversation.followup import as_topic, asks
    from retrieval.language.chat import expand_question

    def asks_of_its_own(message: str) -> bool:
        return asks(expand_question(normalize(as_topic(message))))

    assert not asks_of_its_own("còn clb nữ công của cty giày da tiền hải?")
    assert not asks_of_its_own("còn đợt kiểm tra tài chính tháng 7/2025 ở Thanh Hóa?")
    assert not asks_of_its_own("còn quanh KCN Bá Thiện và Bình Xuyên ở Vĩnh Phúc thì sao?")
    assert not asks_of_its_own("con nghiep doan ve chai son tra?")
    assert asks_of_its_own("con dien tap o go an cuong phat thi bn cong nhan")
    assert asks_of_its_own("thế nghiệp đoàn vé số ở vĩnh long thì ai?")


def test_a_swap_declined_on_the_new_editions_own_article_moves_the_chat_there(followups_kb):
    """"còn năm 2025 thì sao?" after the 2023 welders' contest's prize money: the 2025 contest's article (it
    writes 2025) is found and declines — its prize money is not told yet. The member is on the 2025 contest
    all the same: "lần đó giải nhất thuộc về đội nào?" asks of it (Sông Gianh), not of 2023's (Nhật Lệ). Our
    own contests (tests/data/followups: hoithi-han-2023, hoithi-han-2025), read by the real answer step."""
    from retrieval.conversation.continuation import Topic, read

    first = "Hội thi tay nghề thợ hàn Quảng Bình năm 2023 trao tổng tiền thưởng bao nhiêu?"
    r = read(followups_kb, "còn năm 2025 thì sao?", Topic(first, "hoithi-han-2023"))
    assert not r.timed.answer.found and r.timed.answer.ranked[0] == "hoithi-han-2025"
    assert r.topic.article == "hoithi-han-2025" and "2025" in r.topic.question
    r = read(followups_kb, "lần đó giải nhất thuộc về đội nào?", r.topic)
    assert r.timed.answer.found and "Sông Gianh" in r.timed.answer.span
    assert r.timed.answer.sources[0].article_id == "hoithi-han-2025"


def test_a_swap_declined_on_the_chats_own_article_leaves_the_chat_there(followups_kb):
    """"còn tỉnh Quảng Ninh thì sao?" after Lai Châu's gifts: declined on the chat's own article (no article
    tells of Quảng Ninh's) — the chat stays on Lai Châu's event, as before."""
    from retrieval.conversation.continuation import Topic, read

    first = "Công đoàn tỉnh Lai Châu trao bao nhiêu suất quà năm 2024?"
    r = read(followups_kb, "còn tỉnh Quảng Ninh thì sao?", Topic(first, "qua-laichau-2024"))
    assert not r.timed.answer.found
    assert r.topic.question == first and r.topic.article == "qua-laichau-2024"


def test_another_event_named_whole_and_asking_nothing_asks_the_chats_question_of_it(followups_kb):
    """"còn lớp bồi dưỡng cán bộ công đoàn Quảng Bình năm 2025?" after the 2024 class's number of learners:
    a name of five topic syllables and more, no question word — the member asks the same of the 2025 class
    (90 học viên), which the chat then is on. Our own classes (tests/data/followups: lop-quangbinh-2024,
    lop-quangbinh-2025), read by the real answer step."""
    from retrieval.conversation.continuation import Topic, read

    first = "Lớp bồi dưỡng cán bộ công đoàn tỉnh Quảng Bình năm 2024 có bao nhiêu học viên?"
    r = read(followups_kb, "còn lớp bồi dưỡng cán bộ công đoàn Quảng Bình năm 2025?", Topic(first, "lop-quangbinh-2024"))
    assert r.understood and "2025" in r.understood
    assert r.timed.answer.found and r.timed.answer.span.startswith("90 học viên")
    assert r.topic.article == "lop-quangbinh-2025"


def test_another_body_named_after_a_term_takes_no_year_of_that_term():
    """"con nghiep doan ve chai son tra?" after a question about another body's chair "nhiệm kỳ 2023–2028": the
    term was that body's own; the other body's question is not dated "năm 2023" (its article is of 2024)."""
    from retrieval.conversation.followup import combine_topic

    prev = "ai làm chủ tịch nghiệp đoàn xe ôm quận ninh kiều nhiệm kỳ 2023–2028?"
    understood = combine_topic(prev, "con nghiep doan ve chai son tra?")[0]
    assert "nghiep doan ve chai son tra" in understood and "2023" not in understood
    # a year of the old question's own (no term) is still kept for the other event of that time
    prev = "Năm 2024, nghiệp đoàn xe ôm quận Ninh Kiều có bao nhiêu đoàn viên?"
    assert "2024" in combine_topic(prev, "còn nghiệp đoàn ve chai Sơn Trà thì sao?")[0]
