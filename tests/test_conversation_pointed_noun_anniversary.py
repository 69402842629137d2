"""Session 38, helper F (issue 24): "<a noun of two syllables> đó" keeps the noun when the topic does not say it, and a
classifier goes with the noun it points back with (`followup._unpoint`, `followup._one_word`); a year swapped into an
anniversary's question, declined on the chat's own article, is asked again without the count over every article
(`continuation._anniversary_elsewhere`); another province swapped in with the year said again drops the old ordinal
(`parts.swap`, `Values.restated_ordinal`); a date whose month goes leaves "năm <year>" (`parts.drop_details`). Our own
sentences; the answerers are stand-ins."""
from collections import namedtuple
from types import SimpleNamespace

from retrieval.conversation import followup


def test_two_syllables_of_one_word():
    assert followup._one_word("đại", "hội")
    assert followup._one_word("hội", "nghị")
    assert followup._one_word("chuong", "trinh")  # typed without accents: the pairs folded
    assert not followup._one_word("có", "hội")
    assert not followup._one_word("mấy", "người")


def test_a_pointed_noun_the_topic_does_not_say_stays_whole():
    topic = "Ai được bầu làm Phó Chủ tịch Công đoàn tỉnh Hòa Bình nhiệm kỳ mới?"
    said = "hội nghị đó có mấy đại biểu dự?"
    slot = followup.slot_of(said, followup.new_values(topic, said), topic)
    assert slot.startswith("hội nghị có mấy đại biểu")  # not "nghị" cut and "hội" left asking
    assert "đó" not in slot.split()


def test_a_pointed_noun_the_topic_says_goes_with_its_classifier():
    topic = "Công đoàn xây tặng nhà cho anh Tư ở Cà Mau năm 2022 có giá bao nhiêu?"
    said = "căn nhà ấy rộng bao nhiêu mét vuông?"
    assert followup.slot_of(said, followup.new_values(topic, said), topic) == "rộng bao nhiêu mét vuông"
    # a one-syllable noun the topic names otherwise still goes alone ("khóa đó": the edition)
    first = "Ai làm Chủ tịch Công đoàn ngành Xây dựng khóa IV?"
    assert followup.slot_of("khóa đó có bao nhiêu ủy viên?", followup.new_values(first, "khóa đó có bao nhiêu ủy viên?"),
                            first) == "có bao nhiêu ủy viên"


def test_an_anniversary_declined_on_the_chats_article_is_asked_without_its_count():
    from retrieval.conversation import continuation
    from retrieval.conversation.continuation import Topic

    Timed = namedtuple("Timed", "answer latency_ms")
    texts = {"kn-70-2020": "Lễ kỷ niệm 70 năm thành lập Công đoàn Giáo dục tỉnh, năm 2020.",
             "kn-75-2025": "Lễ kỷ niệm 75 năm thành lập Công đoàn Giáo dục tỉnh diễn ra năm 2025, 60 tập thể được khen."}
    asked = []

    def ask(question, **options):
        asked.append((question, options))
        aid = "kn-70-2020" if "70 năm" in question else "kn-75-2025"
        found = aid == "kn-75-2025"
        return Timed(SimpleNamespace(found=found, ranked=[aid], span="60 tập thể" if found else None), 0)

    answerer = SimpleNamespace(ask=ask, article_text=texts.get)
    topic = Topic("Lễ kỷ niệm 70 năm thành lập Công đoàn Giáo dục tỉnh có bao nhiêu tập thể được khen?", "kn-70-2020",
                  shown="…")
    combined = "Lễ kỷ niệm 70 năm thành lập Công đoàn Giáo dục tỉnh năm 2025 có bao nhiêu tập thể được khen?"
    fewer, again, _ = continuation._anniversary_elsewhere(answerer, combined, "thế năm 2025 thì sao?", topic, None, True)
    assert again is not None and again.answer.ranked == ["kn-75-2025"]
    assert "70 năm" not in fewer and "2025" in fewer
    assert "among" not in asked[-1][1]  # over every article: the chat's own pulled the search back
    # the count said again by the member stays: nothing to ask again
    said = continuation._anniversary_elsewhere(answerer, combined, "thế lễ 70 năm năm 2025?", topic, None, True)
    assert said[1] is None
    # answered from an article that never writes the year asked: not that year's ceremony
    texts["kn-75-2025"] = "Lễ kỷ niệm 75 năm thành lập Công đoàn Giáo dục tỉnh, 60 tập thể được khen."
    assert continuation._anniversary_elsewhere(answerer, combined, "thế năm 2025 thì sao?", topic, None, True)[1] is None


def test_a_province_swapped_with_the_year_said_again_drops_the_old_ordinal():
    first = "Hội thi Bàn tay vàng công nhân lần thứ IV năm 2023 ở Hà Nam có bao nhiêu thí sinh?"
    understood = followup.combine(first, "vậy ở Nam Định năm 2023 thì sao?")
    assert "Nam Định" in understood and "2023" in understood
    assert "lần thứ IV" not in understood  # province A's count of its contests, not B's
    # the ordinal said again stays; the edition alone swapped keeps the province
    assert "lần thứ IV" in followup.combine(first, "còn Nam Định lần thứ IV năm 2023?")
    assert "Hà Nam" in followup.combine(first, "còn năm 2024 thì sao?")


def test_a_date_whose_month_goes_leaves_its_year_asked_as_a_year():
    from retrieval.conversation import parts

    question = "Tháng 9/2023 Công đoàn ngành Giáo dục tỉnh Hà Tĩnh tặng bao nhiêu suất học bổng?"
    other = "Năm 2023, Công đoàn ngành Giáo dục tỉnh Nghệ An tặng 120 suất học bổng."
    assert parts.drop_details(question, "còn Nghệ An năm 2023?", other).startswith("Năm 2023 Công đoàn")
    typed = "thang 9/2023 cong doan nganh giao duc ha tinh tang bao nhieu suat hoc bong"
    assert parts.drop_details(typed, "con nghe an nam 2023", other).startswith("nam 2023 cong doan")
    # a month the article writes stays whole
    assert parts.drop_details(question, "còn Nghệ An?", "Tháng 9/2023 Nghệ An tặng 120 suất.") == question

