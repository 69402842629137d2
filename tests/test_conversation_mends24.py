"""Session 24, helper F (issue 24 item 2): the defects last session's reviewer found in the understood question,
mended and held here whole — the understood question compared in full, not by substrings. Every sentence is
our own."""


def test_one_definition_of_a_slot_that_asks():
    """`followup.asks` is the one test of "the slot asks": "bao lâu", "thế nào" and "không" ask; a bare "may" beside
    words typed with accents is the garment trade. A follow-up whose new slot asks "bao lâu" is no longer read as
    the previous question about another year."""
    from retrieval.conversation.followup import asks, combine

    assert asks("kéo dài bao lâu") and asks("tổ chức thế nào") and asks("có tổ chức không")
    assert not asks("công ty may Sông Hồng") and asks("may nguoi")
    out = combine("Hội thao công nhân năm 2024 kéo dài mấy ngày?", "còn năm 2025 thì kéo dài bao lâu?")
    assert out == "Hội thao công nhân năm 2025 kéo dài bao lâu?"


def test_a_name_replaces_the_piece_of_the_topic_it_names():
    """The topic written across a comma ("Dịp <occasion> 2025, Công đoàn Công ty <company> …") is two things: a
    named company replaces the company's own name (its kind and its union stay), an occasion the occasion's
    piece — never both with the one name."""
    from retrieval.conversation.followup import combine

    first = "Dịp Trung thu 2024, Công đoàn Công ty TNHH Nhựa Bình Minh tặng bao nhiêu phần quà cho con công nhân?"
    assert combine(first, "còn May Sông Thương năm 2023?") == (
        "Dịp Trung thu 2023, Công đoàn Công ty May Sông Thương tặng bao nhiêu phần quà cho con công nhân?")
    assert combine(first, "còn Nhựa Tân Tiến năm 2025?") == (
        "Dịp Trung thu 2025, Công đoàn Công ty Nhựa Tân Tiến tặng bao nhiêu phần quà cho con công nhân?")
    # an occasion named ("còn Tết Nguyên đán?") moves the occasion, never renames the company
    assert combine(first, "còn Tết Nguyên đán?") == (
        "Dịp Tết Nguyên đán năm 2024, Công đoàn Công ty TNHH Nhựa Bình Minh tặng bao nhiêu phần quà cho con công nhân?")
    first = "Tết Quý Mão 2023, công đoàn huyện Đức Hòa dự kiến tặng bao nhiêu suất quà?"
    assert combine(first, "thế tết giáp thìn thì sao?") == (
        "tết giáp thìn, công đoàn huyện Đức Hòa dự kiến tặng bao nhiêu suất quà?")


def test_a_year_swapped_into_a_term_moves_the_whole_term():
    """"còn năm 2024?" after "nhiệm kỳ 2019-2024": the term that year opens, as long as the old one — never
    "2024-2024" or a reversed range; a term said in full is swapped whole."""
    from retrieval.conversation import parts
    from retrieval.conversation.followup import combine

    first = "Ban chấp hành Công đoàn cơ sở trường Tiểu học Hòa Bình nhiệm kỳ 2017-2022 có bao nhiêu ủy viên?"
    assert combine(first, "còn năm 2022?") == (
        "Ban chấp hành Công đoàn cơ sở trường Tiểu học Hòa Bình nhiệm kỳ 2022-2027 có bao nhiêu ủy viên?")
    assert combine(first, "thế nhiệm kỳ 2012 - 2017?") == (
        "Ban chấp hành Công đoàn cơ sở trường Tiểu học Hòa Bình nhiệm kỳ 2012 - 2017 có bao nhiêu ủy viên?")
    assert parts.shifted_term("2020 – 2025", "2030") == "2030 – 2035"
    # a plan's period beside the year the question is about stays: the year is what moves
    plan = "Năm 2024, Công đoàn ngành thực hiện chương trình giai đoạn 2021-2025 hỗ trợ bao nhiêu đoàn viên?"
    assert combine(plan, "còn năm 2023?") == (
        "Năm 2023, Công đoàn ngành thực hiện chương trình giai đoạn 2021-2025 hỗ trợ bao nhiêu đoàn viên?")


def test_a_lowercase_company_ends_before_a_verb():
    """A company typed in lowercase after its kind ends before a two-syllable verb ("hỗ trợ", "tổ chức"): "công ty
    may hỗ trợ" names no company "may hỗ"; a name of two words before the verb is still read."""
    from retrieval.conversation import parts

    assert parts.lowercase_company("công ty may hỗ trợ công nhân bao nhiêu tiền?") is None
    assert parts.lowercase_company("còn cty nhựa tân mai tổ chức mấy đợt?") == "nhựa tân mai"
    assert parts.lowercase_company("còn công ty gốm phú lợi tham gia không?") == "gốm phú lợi"


def test_one_pattern_for_where_a_year_or_term_is_written():
    """`Values.spans` and the cuts of `swap` / `drop_details` read a year or a term with one pattern: "nhiệm kỳ
    2018-2023" is one span with its lead, a date's year ("8/3/2024") is none."""
    from retrieval.conversation import parts

    text = "Đại hội nhiệm kỳ 2018-2023 họp ngày 8/3/2024, năm 2019 có bao nhiêu đại biểu?"
    spans = parts.value_spans(text)
    assert (text.index("nhiệm kỳ"), text.index("2023") + 4) in spans
    assert (text.index("năm 2019"), text.index("2019") + 4) in spans
    assert not any(text[a:b].endswith("2024") for a, b in spans)
