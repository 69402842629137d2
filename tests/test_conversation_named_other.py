"""Session 23, helper F (issue 24): a follow-up that names the other event or company it moves to and asks
nothing of its own is the previous question about it — built from parts, not the name tacked on as a slot.
Every sentence is our own."""


def test_a_name_with_a_swapped_year_is_asked_the_old_question():
    """"còn Dệt Kim Sơn năm 2023?" after a question about another company in 2024: the year is swapped and the
    name asks nothing — the previous question about that name (it read "…, Dệt Kim Sơn?", no question in it).
    "Dệt" is no question word; "May" typed capitalised before a capitalised word is a name, no "mấy"."""
    from retrieval.conversation.followup import combine

    first = "Dịp Quốc tế Phụ nữ 2024, Công đoàn Công ty TNHH Bao bì Hòa Lợi tặng bao nhiêu phần quà cho nữ công nhân?"
    out = combine(first, "còn Dệt Kim Sơn năm 2023?")
    assert "Dệt Kim Sơn" in out and "2023" in out and out.endswith("tặng bao nhiêu phần quà cho nữ công nhân?")
    assert ", Dệt Kim Sơn?" not in out
    out = combine(first, "còn May Phước Lộc năm 2023?")
    assert "May Phước Lộc" in out and out.endswith("bao nhiêu phần quà cho nữ công nhân?")


def test_a_question_word_still_asks():
    """A slot with its question word, typed with accents or without, capitalised first by position ("Ai …"),
    asks its own slot; "bao lâu" asks as "bao nhiêu" does."""
    from retrieval.conversation.followup import asks, combine

    assert asks("Ai được giải Nhất?") and asks("các đội thi trong bao lâu?") and asks("quy ho tro bao nhieu")
    assert not asks("May Phước Lộc") and not asks("Tết Giáp Thìn") and not asks("đợt khám tháng 9/2024")
    # a bare "may" beside words typed with accents is the garment trade; beside bare words it may be "mấy"
    assert not asks("công ty may Nhà Bè") and not asks("Dệt may Thành Công") and asks("may nguoi du")
    assert asks("pho chu tich liên đoàn lao động huyen ten gi")  # shorthand expanded with accents, typed bare
    first = "Hội thi tay nghề công nhân Bình Phước lần thứ II có bao nhiêu thí sinh?"
    assert combine(first, "Ai được giải Nhất?").endswith(", Ai được giải Nhất?")


def test_a_name_is_put_where_the_topic_was_written_across_a_comma():
    """The topic is built from the question's pieces between its commas ("Tết Canh Tý 2020, công đoàn …" →
    "Tết Canh Tý 2020 công đoàn …"): it is found written with the comma, and a named event takes its place."""
    from retrieval.conversation.followup import combine

    first = "Tết Canh Tý 2020, công đoàn tỉnh Kiên Giang dự kiến thăm hỏi bao nhiêu công nhân?"
    out = combine(first, "thế tết tân sửu thì sao?")
    assert out.startswith("tết tân sửu") and out.endswith("bao nhiêu công nhân?") and "Kiên Giang" in out


def test_a_year_of_a_date_or_of_the_cycle_is_the_names_own_time():
    """A named event with a date's year ("đợt khám tháng 9/2024") or a cycle's year ("tết Tân Sửu") keeps none
    of the old topic's year; the date's year is not cut out of the date ("tháng 9/")."""
    from retrieval.conversation import parts
    from retrieval.conversation.followup import combine

    assert parts.names_own_time("đợt khám tháng 9/2024") and parts.names_own_time("tết Tân Sửu")
    assert not parts.names_own_time("đợt khám mắt")
    first = "Năm 2023 Công đoàn Y tế tỉnh Sóc Trăng khám mắt miễn phí cho bao nhiêu người?"
    out = combine(first, "còn đợt khám tháng 9/2024 ở Bạc Liêu?")
    assert "tháng 9/2024" in out and "2023" not in out and "Bạc Liêu" in out and "bao nhiêu" in out


def test_a_company_typed_in_lowercase_is_swapped_for_the_old_one():
    """"còn ở công ty dệt phú hòa thì sao?" after a question about a company: a company named in lowercase after
    its kind, where the member contrasts workplaces, takes the old one's place. Two words at least ("công
    ty may" is a kind), up to the question's own words or a province; not after "doanh nghiệp"."""
    from retrieval.conversation import parts
    from retrieval.conversation.followup import combine

    assert parts.lowercase_company("còn ở công ty dệt phú hòa thì sao?") == "dệt phú hòa"
    assert parts.lowercase_company("còn cty gạch tân tiến ở đâu?") == "gạch tân tiến"
    assert parts.lowercase_company("công ty may có bao nhiêu người") is None
    assert parts.lowercase_company("mấy doanh nghiệp chưa trả lương?") is None
    first = "Công nhân Công ty Cơ khí Hòa Bình được thưởng Tết bao nhiêu tiền năm 2025?"
    out = combine(first, "còn ở công ty dệt phú hòa thì sao?")
    assert out == "Công nhân Công ty dệt phú hòa được thưởng Tết bao nhiêu tiền năm 2025?"


def test_a_year_swapped_into_a_question_dated_by_a_whole_day_moves_the_day():
    """"còn năm 2025 thì sao?" after "Dịp 27/7/2024, …": the day in the new year, not the old day plus "năm 2025"
    (two years, and the old one asks another occasion)."""
    from retrieval.conversation.followup import combine

    out = combine("Dịp 27/7/2024, công đoàn tỉnh Kon Tum tặng bao nhiêu suất quà cho gia đình chính sách?",
                  "còn năm 2025 thì sao?")
    assert out == "Dịp 27/7/2025, công đoàn tỉnh Kon Tum tặng bao nhiêu suất quà cho gia đình chính sách?"
