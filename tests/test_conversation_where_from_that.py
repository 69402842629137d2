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


class _Undated:
    """An answerer whose articles date nothing: a question read alone keeps every year it names."""

    def article_title(self, aid):
        return "Công đoàn thăm hỏi người lao động"

    def article_text(self, aid):
        return "Công đoàn thăm hỏi người lao động và trao quà."


_UNDATED = _Undated()


def test_a_bare_swap_answered_alone_keeps_the_chats_event():
    """"Năm 2025 thì tặng bao nhiêu suất quà?" read alone and answered from the 2025 article names a year and a
    slot, not the event: the chat's topic becomes the event that year (the next "năm đó ai dẫn đoàn?" asks of
    it), not the bare message. A whole question of its own answered alone becomes the topic as asked."""
    from types import SimpleNamespace

    from retrieval.conversation.continuation import Topic, _alone_topic
    from retrieval.conversation.followup import reads_alone_topic

    first = "Năm 2023 Công đoàn Điện lực Quảng Bình tặng bao nhiêu suất nước mát cho thợ điện?"
    topic = Topic(first, "nuocmat-quangbinh-2023")
    timed = SimpleNamespace(answer=SimpleNamespace(found=True, ranked=["nuocmat-quangbinh-2024"]))
    bare = "Năm 2024 thì tặng bao nhiêu suất quà?"
    assert not reads_alone_topic(first, bare)
    kept = _alone_topic(bare, topic, timed, "", _UNDATED)
    assert kept.article == "nuocmat-quangbinh-2024"
    assert "Điện lực Quảng Bình" in kept.question and "2024" in kept.question and "2023" not in kept.question
    whole = "Năm 2024 Công đoàn Bưu điện tỉnh Quảng Trị tổ chức hội thao công nhân ở sân vận động nào?"
    assert reads_alone_topic(first, whole)
    assert _alone_topic(whole, topic, timed, "", _UNDATED).question == whole


def test_a_short_question_naming_a_workplace_answered_alone_is_its_own_topic():
    """Only an edition swapped (a year, term or ordinal) leans on the chat's event: "Bữa cơm công đoàn ở Công ty
    May Hòa Lợi có bao nhiêu người?" names its own workplace's event, the topic as asked however few its words."""
    from types import SimpleNamespace

    from retrieval.conversation.continuation import Topic, _alone_topic

    topic = Topic("Năm 2023 Công đoàn Điện lực Quảng Bình tặng bao nhiêu suất nước mát cho thợ điện?", "nuocmat-2023")
    timed = SimpleNamespace(answer=SimpleNamespace(found=True, ranked=["buacom-hoaloi"]))
    fresh = "Bữa cơm công đoàn ở Công ty May Hòa Lợi có bao nhiêu người?"
    assert _alone_topic(fresh, topic, timed, "", _UNDATED).question == fresh


def test_a_batch_keeps_its_lead_word():
    """"còn ở Hà Tĩnh đợt II thì bao nhiêu" after a question that names no ordinal: the batch is written back as
    the member led it, "đợt II" (an article counting batches writes "đợt II", not "lần thứ II"); an ordinal led
    by "lần thứ / khóa" or bare after a question that has one is written as before."""
    from retrieval.conversation.followup import combine

    prev = "Năm 2024 mỗi căn nhà Mái ấm Công đoàn ở Quảng Bình được hỗ trợ bao nhiêu?"
    understood = combine(prev, "còn ở Hà Tĩnh đợt II thì bao nhiêu")
    assert "Hà Tĩnh đợt II" in understood and "lần thứ" not in understood
    assert "lần thứ III" in combine(prev, "còn lần thứ III thì sao")
    assert "khóa XI" in combine("Đại hội Công đoàn tỉnh Hà Tĩnh khóa XII có bao nhiêu đại biểu?", "còn XI thì sao")


def test_another_union_named_makes_a_whole_question():
    """"vậy đại hội công đoàn cảng Vũng Áng thì khẩu hiệu là gì?" after a question about another union's
    congress names a union by its own name: another body's event, a whole question however few its other words.
    A sector swapped in, a level ("công đoàn cơ sở"), the chat's own union or a company's union is no such name."""
    from retrieval.conversation.followup import names_other_union, reads_whole

    prev = "Đại hội Công đoàn Điện lực Quảng Bình lần thứ V có chủ đề gì?"
    assert names_other_union(prev, "vậy đại hội công đoàn cảng Vũng Áng thì khẩu hiệu là gì?")
    assert reads_whole(prev, "vậy đại hội công đoàn cảng Vũng Áng thì khẩu hiệu là gì?")
    assert not names_other_union(prev, "còn công đoàn cơ sở thì sao?")
    assert not names_other_union(prev, "còn công đoàn điện lực thì mấy đại biểu?")
    assert not names_other_union(prev, "còn công đoàn công ty Cấp nước Quảng Trị thì sao?")
    sector = "Hội nghị của Công đoàn ngành Giáo dục tỉnh Quảng Bình có bao nhiêu đại biểu?"
    assert not names_other_union(sector, "còn công đoàn ngành Y tế thì sao?")


def test_a_value_fronted_with_thi_points_back():
    """"năm 2023 thì mỗi căn được hỗ trợ bao nhiêu?" fronts a year with "thì" and asks of it: set against what the
    chat just asked, it is the chat's question of that year — read with the chat. A fronted clause with no value
    ("Công nhân bị nợ lương thì làm gì?") or a contest ("hoi thi", "cuoc thi" typed without accents) is no such
    contrast; nor is a whole question's worth of words."""
    from retrieval.conversation.followup import contrasts_value

    assert contrasts_value("năm 2023 thì mỗi căn được hỗ trợ bao nhiêu?")
    assert contrasts_value("vụ ở quảng bình năm 2023 thì tổng bao nhiêu?")
    assert contrasts_value("nam 2023 thi moi can duoc ho tro bao nhieu")
    assert not contrasts_value("Công nhân bị nợ lương thì làm gì?")
    assert not contrasts_value("cuoc thi nam 2023 co bao nhieu doi")
    assert not contrasts_value("Năm 2023 Công đoàn Điện lực Quảng Bình tổ chức hội thao ở sân nào thì đẹp nhất?")
