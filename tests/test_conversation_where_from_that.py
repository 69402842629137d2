"""Session 33, helper F (issue 24): "từ đâu" asks, and a "còn …" message that names a
thing by "… đó" is no question of its own. The messages are written as the team's members type them (our own
sentences, not the dev or team sets')."""


def test_where_from_asks():
    """"từ đâu / đến đâu / đi đâu / về đâu" ask where: a slot, not a name ("xe khởi hành từ đâu?"). Typed without
    accents only at the question's end: mid-question "tu dau nam" is "từ đầu năm" (since the start of the year)."""
    from retrieval.conversation.followup import asks, combine

    assert asks("đoàn xe khởi hành từ đâu")
    assert asks("các cặp đôi đến từ đâu vậy")
    assert asks("doan xe khoi hanh tu dau")
    assert not asks("từ đầu năm")
    assert not asks("tu dau nam den nay")
    understood = combine("Chuyến xe nghĩa tình năm 2023 của Công đoàn Khánh Hòa chở bao nhiêu công nhân?",
                         "năm đó đoàn xe khởi hành từ đâu")
    assert understood.startswith("Chuyến xe nghĩa tình năm 2023") and understood.endswith("khởi hành từ đâu?")


def test_a_thing_named_by_that_is_the_chats():
    """A "thế / còn" message with a whole question's worth of words is read alone first — not when it names its
    thing by "… đó / ấy" ("cty đó", "hội nghị ấy"): the demonstrative points at what the chat talked about."""
    from retrieval.conversation.followup import reads_whole, says_that

    before = "Nhà máy gạch Đồng Tâm lắp bao nhiêu bình chữa cháy?"
    assert says_that("thế cty đó có bao nhiêu an toàn vệ sinh viên")
    assert not reads_whole(before, "thế cty đó có bao nhiêu an toàn vệ sinh viên mạng lưới")
    assert reads_whole(before, "thế công ty dệt Phong Phú có bao nhiêu an toàn vệ sinh viên mạng lưới")
