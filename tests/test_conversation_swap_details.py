"""Session 16, helper E (issue 24): a swap to another event drops the old event's own details (year,
numbered group, observance) that the member did not say and the new event's article lacks. Every
sentence is our own."""


def test_drop_details_cuts_what_the_new_article_lacks():
    """The old event's year, group number and observance go when the member did not say them and the
    other article never writes them; what the message or the article says stays; `years=False`
    keeps the years."""
    from retrieval.conversation.parts import drop_details

    art = "Công đoàn tỉnh Lai Châu tổ chức giải bóng chuyền, cụm thi đua số 5 đứng đầu năm 2022."
    q = "Trong Tháng Công nhân năm 2023, cụm thi đua số 2 của tỉnh Lai Châu trao bao nhiêu suất quà?"
    assert drop_details(q, "còn tỉnh Lai Châu thì sao?", art) == "Cụm thi đua của tỉnh Lai Châu trao bao nhiêu suất quà?"
    assert drop_details(q, "còn bóng chuyền?", art, years=False) == \
        "Năm 2023, cụm thi đua của tỉnh Lai Châu trao bao nhiêu suất quà?"
    # said in the message, or written in the article: kept
    assert drop_details(q, "còn Lai Châu năm 2023, cụm số 2?", art) == \
        "Năm 2023, cụm thi đua số 2 của tỉnh Lai Châu trao bao nhiêu suất quà?"
    held = "Trong Tháng Công nhân năm 2022, cụm thi đua số 5 của tỉnh Lai Châu trao bao nhiêu suất quà?"
    assert drop_details(held, "còn Lai Châu?", art + " Hoạt động trong Tháng Công nhân.") == held
    # nothing of the kind: the question as it was
    assert drop_details("Ai chủ trì hội nghị?", "còn Lai Châu?", art) == "Ai chủ trì hội nghị?"


def test_a_swapped_province_asks_of_its_own_event_without_the_old_year(followups_kb):
    """"còn tỉnh Điện Biên thì sao?" after the gifts of Lai Châu's Tết 2024: Điện Biên's article tells
    of its own gifts with no year 2024; the combined question is declined for that year, so it is
    asked again without it, on that article, and answered. The year was the old event's. Our own
    events (tests/data/followups), read by the real answer step."""
    from retrieval.conversation.continuation import Topic, read

    first = "Công đoàn tỉnh Lai Châu trao bao nhiêu suất quà năm 2024?"
    r = read(followups_kb, "còn tỉnh Điện Biên thì sao?", Topic(first, "qua-laichau-2024"))
    assert r.timed.answer.found and r.timed.answer.span == "650 suất quà"
    assert r.timed.answer.sources[0].article_id == "qua-dienbien"
    assert "2024" not in r.understood and "Điện Biên" in r.understood
    assert r.topic.article == "qua-dienbien" and "2024" not in r.topic.question


def test_a_declined_swap_on_the_chats_own_article_stays_declined(followups_kb):
    """"còn tỉnh Quảng Ninh thì sao?" after the gifts of Lai Châu's Tết 2024, no article telling of
    Quảng Ninh's: declined on the chat's own article (nothing closer found), there is no other event to
    ask about — the details (the year) stay in the understood question, the reply stays "not found" and
    the chat on Lai Châu's event. Our own events (tests/data/followups), read by the real answer step."""
    from retrieval.conversation.continuation import Topic, read

    first = "Công đoàn tỉnh Lai Châu trao bao nhiêu suất quà năm 2024?"
    r = read(followups_kb, "còn tỉnh Quảng Ninh thì sao?", Topic(first, "qua-laichau-2024"))
    assert r.timed.answer.ranked[0] == "qua-laichau-2024"  # the chat's own article, first
    assert not r.timed.answer.found
    assert r.understood == "Công đoàn tỉnh Quảng Ninh trao bao nhiêu suất quà năm 2024?"
    assert r.topic.question == first and r.topic.article == "qua-laichau-2024"
