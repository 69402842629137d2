"""Session 18, helper F (issue 24): another sector's union, another numbered group, a message that opens
with "Họ" (they). Every sentence is our own."""


def test_a_sector_swap_asks_the_same_question_of_the_other_sectors_union():
    """"thế ngành Y tế thì ai làm chủ tịch?" after a question about the education workers' union of a
    province: the health workers' union of the same province and term, the slot the member's — a clean
    question, not the old one with "ngành Y tế" stuck in the middle."""
    from retrieval.conversation.followup import combine_topic

    prev = "Công đoàn ngành Giáo dục tỉnh Quảng Trị nhiệm kỳ 2023-2028 có bao nhiêu đoàn viên?"
    understood, topic = combine_topic(prev, "thế ngành Y tế thì ai làm chủ tịch?")
    assert understood == "Công đoàn ngành Y tế tỉnh Quảng Trị nhiệm kỳ 2023-2028, ai làm chủ tịch?"
    assert topic == "Công đoàn ngành Y tế tỉnh Quảng Trị nhiệm kỳ 2023-2028 có bao nhiêu đoàn viên?"
    # Nothing asked of its own: the previous question about the other sector; typed without accents,
    # the sector comes without them too, written where the old one was.
    assert combine_topic(prev, "còn công đoàn ngành y tế thì sao?")[0] == (
        "Công đoàn ngành Y tế tỉnh Quảng Trị nhiệm kỳ 2023-2028 có bao nhiêu đoàn viên?")
    assert combine_topic("Dai hoi cong doan nganh giao duc tinh Quang Tri lan thu X co bao nhieu dai bieu?",
                         "con nganh xay dung thi sao")[0] == (
        "Dai hoi cong doan nganh xay dung tinh Quang Tri co bao nhieu dai bieu?")  # its own congresses: no "X"


def test_a_sector_is_swapped_only_for_a_sector():
    """A sector is a value to swap only when the previous question names one; "bảo hiểm y tế" is no
    sector (no union or trade word before it), and the same sector said again swaps nothing."""
    from retrieval.conversation.followup import new_values, sector_swapped

    prev = "Công đoàn Giáo dục huyện Cam Lộ tặng bao nhiêu suất học bổng?"
    assert sector_swapped(prev, "còn công đoàn y tế thì sao?") == "y tế"
    assert sector_swapped(prev, "còn công đoàn giáo dục năm 2025?") is None
    assert sector_swapped("Lễ trao học bổng ở Cam Lộ có bao nhiêu em?", "còn ngành y tế?") is None
    assert sector_swapped(prev, "còn bảo hiểm y tế thì sao?") is None
    assert not new_values("Lễ trao học bổng ở Cam Lộ có bao nhiêu em?", "còn ngành y tế?")


def test_another_numbered_group_replaces_the_old_ones_number():
    """"còn tổ 4 thì sao?" after a question about team 2 of a workshop: the same question about team 4
    (it was read as another event named "tổ 4": "Tổ tổ 4 bao nhiêu tiền?"). A group of another kind,
    or a number in a date, is no swap of it."""
    from retrieval.conversation.followup import combine_topic, group_swapped

    prev = "Tổ 2 của phân xưởng dệt được thưởng bao nhiêu tiền?"
    assert combine_topic(prev, "còn tổ 4 thì sao?")[0] == "Tổ 4 của phân xưởng dệt được thưởng bao nhiêu tiền?"
    assert combine_topic("Cụm thi đua số 3 có mấy đơn vị dẫn đầu?", "thế cụm số 6?")[0] == (
        "Cụm thi đua số 6 có mấy đơn vị dẫn đầu?")
    assert group_swapped(prev, "còn khối 4 thì sao?") is None
    assert group_swapped(prev, "còn tổ 2 thì sao?") is None
    assert group_swapped("Hội nghị tổ chức ngày nào?", "còn tổ 4?") is None


def test_a_message_that_opens_with_they_points_back():
    """"Họ trao mấy giải?" — "they" are the organisers of the event the chat talks about: read with
    the topic, "Họ" cut from the slot. "Họ tên …" (a full name) and unaccented "ho" (also "hồ", "hộ",
    "hỗ trợ") do not point back by this rule."""
    from retrieval.conversation.followup import combine_topic, opens_with_they, points_back

    assert points_back("Họ trao mấy giải?")
    assert opens_with_they("họ mời bao nhiêu khách?")
    assert not opens_with_they("Họ tên người phụ trách là gì?")
    assert not opens_with_they("Họ và tên chủ nhiệm câu lạc bộ là gì?")
    assert not opens_with_they("ho tro bao nhieu tien?")
    understood, _ = combine_topic("Giải bóng đá công nhân huyện Gio Linh năm 2025 diễn ra ở đâu?",
                                  "Họ trao mấy giải?")
    assert understood == "Giải bóng đá công nhân huyện Gio Linh năm 2025, trao mấy giải?"


def test_a_sector_swap_answered_from_the_old_sectors_article_is_read_again(followups_kb):
    """"còn công đoàn ngành Y tế thì sao?" after the education union's congress: the search answers
    from the health union's article (it names the sector); the chat moves there. Our own congresses
    (tests/data/followups), read by the real answer step."""
    from retrieval.conversation.continuation import Topic, read

    first = "Đại hội Công đoàn ngành Giáo dục tỉnh Quảng Trị có bao nhiêu đại biểu?"

    assert followups_kb.ask(first).answer.span.startswith("250 đại biểu")
    r = read(followups_kb, "còn công đoàn ngành Y tế thì sao?", Topic(first, "daihoi-giaoduc-quangtri"))
    assert r.timed.answer.span.startswith("180 đại biểu")
    assert r.understood == "Đại hội Công đoàn ngành Y tế tỉnh Quảng Trị có bao nhiêu đại biểu?"
    assert r.topic.article == "daihoi-yte-quangtri"


def test_an_edition_said_relative_to_the_topics():
    """"khóa trước", "nhiệm kỳ trước", "lần sau" in a chat about one congress are its own previous or
    next edition: the ordinal one less or more (written as the topic writes it), the term as long
    before or after; the understood question names it, not the old edition's term. Without an ordinal or term to count from, the message stays as typed."""
    from retrieval.conversation.followup import combine, relative_edition

    first = "Đại hội Công đoàn huyện Đakrông lần thứ IX, nhiệm kỳ 2023-2028 bầu bao nhiêu ủy viên?"
    assert relative_edition(first, "thế khóa trước thì sao?") == "thế khóa VIII thì sao?"
    assert relative_edition(first, "con lan truoc thi sao") == "con lan VIII thi sao"
    assert relative_edition(first, "còn nhiệm kỳ trước thì sao?") == "còn nhiệm kỳ 2018-2023 thì sao?"
    assert relative_edition("Đại hội lần thứ 3 của công đoàn trường diễn ra ở đâu?", "lần sau thì sao?") == \
        "lần 4 thì sao?"
    assert relative_edition("Hội nghị người lao động có bao nhiêu đại biểu?", "khóa trước thì sao?") == \
        "khóa trước thì sao?"
    assert combine(first, relative_edition(first, "còn nhiệm kỳ trước thì sao?")) == \
        "Đại hội Công đoàn huyện Đakrông, nhiệm kỳ 2018-2023 bầu bao nhiêu ủy viên?"
    assert "lần thứ VIII" in combine(first, relative_edition(first, "thế khóa trước thì sao?"))


def test_a_year_swap_declined_on_an_article_that_names_the_year_in_passing_asks_the_next_one(followups_kb):
    """"còn năm 2024 thì sao?" after the gifts of Lạng Sơn's Tết 2025: the 2025 article, first in the
    search, says "2024" only in passing ("tăng 250 suất so với năm 2024") and is not read for that
    year; the 2024 article, which holds the year, answers, and the chat moves there. Our own events
    (tests/data/followups: tet-langson-2025, tet-langson-2024), read by the real answer step."""
    from retrieval.conversation.continuation import Topic, read

    first = "Chương trình Tết Sum vầy năm 2025 của Lạng Sơn trao bao nhiêu suất quà?"
    assert followups_kb.ask(first).answer.span == "1.200 suất quà"
    r = read(followups_kb, "còn năm 2024 thì sao?", Topic(first, "tet-langson-2025"))
    assert r.timed.answer.found and r.timed.answer.span == "950 suất quà"  # not 2025's 1.200
    assert r.timed.answer.sources[0].article_id == "tet-langson-2024"
    assert r.understood == "Chương trình Tết Sum vầy năm 2024 của Lạng Sơn trao bao nhiêu suất quà?"
    assert r.topic.article == "tet-langson-2024"


def test_a_year_swap_that_no_article_holds_but_in_passing_is_declined(followups_kb):
    """"còn năm 2024 thì sao?" after the gifts of Cao Bằng's Tết 2025, whose article writes 2024 only in
    passing ("tăng so với năm 2024") and no article tells of Cao Bằng's Tết 2024: declined, the
    understood question shown — not the 2025 count for 2024. Our own event
    (tests/data/followups/tet-caobang-2025.json), read by the real answer step."""
    from retrieval.conversation.continuation import Topic, read

    first = "Chương trình Tết Sum vầy năm 2025 của Cao Bằng trao bao nhiêu suất quà?"
    assert followups_kb.ask(first).answer.span == "700 suất quà"
    r = read(followups_kb, "còn năm 2024 thì sao?", Topic(first, "tet-caobang-2025"))
    assert r.understood and "2024" in r.understood and "Cao Bằng" in r.understood
    assert not r.timed.answer.found, r.timed.answer.span
