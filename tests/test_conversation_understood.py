"""Session 16, helper D (issue 24): understood questions that kept their words, back-references typed
without accents, and a declined swap that leaves the chat on its event. Every sentence is our own."""


def test_a_noun_that_opens_with_an_edge_word_keeps_it():
    """"Dự án …", "Tổng Liên đoàn …": the first syllable is also an edge word of an old slot ("dự lễ",
    "tổng số"), but with the next one it is the event's own noun — the topic keeps it (it read
    "án thiết chế …"). A verb at the edge still goes ("Tại Lễ …")."""
    from retrieval.conversation.followup import combine, topic_of

    assert topic_of("Dự án nhà ở công nhân KCN Phú Tài ở Gia Lai có bao nhiêu căn?").startswith("Dự án nhà ở")
    assert topic_of("Tổng Liên đoàn tặng bao nhiêu bằng khen năm 2021?").startswith("Tổng Liên đoàn")
    assert topic_of("Tại Lễ tuyên dương năm 2023 có bao nhiêu người?") == "Lễ tuyên dương năm 2023"
    assert combine("Dự án nhà ở công nhân KCN Phú Tài ở Gia Lai có bao nhiêu căn?", "khi nào khởi công?") == \
        "Dự án nhà ở công nhân khu công nghiệp Phú Tài ở Gia Lai, khi nào khởi công?"


def test_the_quantity_a_count_measured_is_the_old_slots():
    """"<quantity> bao nhiêu?" ("tổng vốn bao nhiêu", "chi phí bao nhiêu"): the quantity is what the old
    question measured, not the event — a new slot asks without it."""
    from retrieval.conversation.followup import combine

    first = "Trường mầm non công đoàn ở Phú Yên tổng vốn đầu tư bao nhiêu?"
    assert combine(first, "bao giờ thì khánh thành?") == "Trường mầm non công đoàn ở Phú Yên, bao giờ thì khánh thành?"
    assert combine("Nhà văn hóa công nhân Tân Uyên chi phí bao nhiêu?", "ai cắt băng?") == \
        "Nhà văn hóa công nhân Tân Uyên, ai cắt băng?"


def test_a_house_is_no_closing_particle():
    """"nhà" typed with accents (a house) is no "nha" (a closing particle typed without them): the
    slot "hỗ trợ bao nhiêu nhà?" keeps what it counts. Unaccented "nha" at the end still goes."""
    from retrieval.conversation.followup import combine

    first = "Năm 2022 công đoàn tỉnh Kon Tum xây bao nhiêu nhà Mái ấm?"
    assert combine(first, "còn ở Gia Lai thì quỹ đã hỗ trợ bao nhiêu nhà?").endswith("quỹ đã hỗ trợ bao nhiêu nhà?")
    assert combine(first.lower(), "ai trao nha").endswith(", ai trao?")


def test_the_events_noun_said_again_with_new_values_asks_the_same():
    """"còn đại hội công đoàn tỉnh Sơn La lần XVI thì sao?": the values are new, the rest only names
    again the event the previous question named — no slot of its own, the previous question about
    the new values (it read "…, đại hội công đoàn tỉnh?", a question asking nothing)."""
    from retrieval.conversation.followup import asks_again, combine

    first = "Đại hội Công đoàn tỉnh Lai Châu lần thứ XV có bao nhiêu đại biểu?"
    message = "còn đại hội công đoàn tỉnh Sơn La lần XVI thì sao?"
    assert combine(first, message) == "Đại hội Công đoàn tỉnh Sơn La lần thứ XVI có bao nhiêu đại biểu?"
    assert asks_again(first, message)
    # A new slot is still a new slot.
    assert combine(first, "còn đại hội công đoàn tỉnh Sơn La thì ai làm chủ tịch?").endswith("ai làm chủ tịch?")


def test_a_time_or_thing_pointed_back_to_without_accents():
    """Typed without accents, "luc do / khi ay / hoi do / thoi diem do" point back to the topic's time,
    "van nghe do", "hoi thi do", "lop do" to a thing the chat talks about (as "le do" did): the message
    is a follow-up. The time goes whole; a thing goes only with the words the topic says ("chuong
    trinh van nghe do" keeps its programme when the topic names none). A chat abbreviation written
    out with accents ("ldld") does not make the message read as accented."""
    from retrieval.conversation.followup import combine, points_back

    first = "dot tang qua cho cong nhan o Tan Uyen Binh Duong la ngay nao?"
    for message in ("pho chu tich ldld huyen luc do ten gi", "chuong trinh van nghe do to chuc o dau",
                    "khi ay co bn nguoi nhan qua", "lop do hoc may buoi"):
        assert points_back(message), message
    assert combine(first, "pho chu tich ldld huyen luc do ten gi").endswith(", pho chu tich lien doan lao dong huyen ten gi?")
    assert combine(first, "chuong trinh van nghe do to chuc o dau").endswith(", chuong trinh van nghe to chuc o dau?")
    assert combine("Le trao giai nam 2023 to chuc o dau?", "le do co bao nhieu nguoi du") == \
        "Le trao giai nam 2023, co bao nhieu nguoi du?"
    assert not points_back("giai do ai trao vay")  # "do ai": by whom, not "that"


def test_a_declined_swap_leaves_the_chat_on_its_event(followups_kb):
    """"còn Gia Lai thì sao?" that no article answers is declined (showing what was understood), and
    the chat stays on the event it knows: the next slot ("mỗi suất bao nhiêu tiền?") asks of it, not
    of the place no article tells of. Our own event."""
    from retrieval.conversation.continuation import Topic, read

    first = "Công đoàn tỉnh Kon Tum trao bao nhiêu suất quà Tết năm 2024?"  # tests/data/followups, real answer step
    assert followups_kb.ask(first).answer.span == "800 suất quà"
    r2 = read(followups_kb, "còn Gia Lai thì sao?", Topic(first, "quatet-kontum-2024"))
    assert not r2.timed.answer.found and "Gia Lai" in r2.understood
    assert r2.topic.question == first and r2.topic.article == "quatet-kontum-2024"
    r3 = read(followups_kb, "thế mỗi suất bao nhiêu tiền?", r2.topic)
    assert r3.timed.answer.span == "500.000 đồng" and "Kon Tum" in r3.understood


def test_a_year_said_relative_to_the_topics():
    """"thế năm ngoái …" after a question about an event of 2025 asks about 2024 (the article tells "năm
    2024 …"; kept as typed it asked of 2025 and "năm ngoái" both); "năm sau / năm tới" the year after. A
    span of years ("5 năm sau") and a topic naming no single year change nothing."""
    from retrieval.conversation.followup import combine, relative_year

    first = "Tháng hành động an toàn lao động năm 2025 của Phú Thọ có chủ đề gì?"
    assert relative_year(first, "thế năm ngoái ở đó xảy ra mấy vụ cháy nổ?") == \
        "thế năm 2024 ở đó xảy ra mấy vụ cháy nổ?"
    assert relative_year(first, "con nam truoc thi sao") == "con nam 2024 thi sao"
    assert relative_year(first, "năm tới tổ chức ở đâu?") == "năm 2026 tổ chức ở đâu?"
    assert relative_year(first, "5 năm sau có bao nhiêu?") == "5 năm sau có bao nhiêu?"
    assert relative_year("Tháng hành động của Phú Thọ có chủ đề gì?", "năm ngoái thì sao?") == "năm ngoái thì sao?"
    assert combine(first, relative_year(first, "thế năm ngoái ở đó xảy ra mấy vụ cháy nổ?")) == \
        "Tháng hành động an toàn lao động năm 2024 của Phú Thọ, xảy ra mấy vụ cháy nổ?"
