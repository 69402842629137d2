"""Session 16, helper E (issue 24): a swap to another event drops the old event's own details (year,
numbered group, observance) that the member did not say and the new event's article lacks. Every
sentence is our own."""
from tests.test_conversation import _Asked


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


class _Declining(_Asked):
    """`_Asked` whose "not found" names the article the search put first (`ranked`)."""

    def __init__(self, answers, texts, first):
        super().__init__(answers, texts)
        self.first = first

    def ask(self, question, focus=None, among=None, own_case=True):
        from retrieval.answering.answer import Answer
        from retrieval.service import Timed

        timed = super().ask(question, focus, among, own_case)
        if timed.answer.found:
            return timed
        return Timed(Answer(question=question, found=False, qtype="number", ranked=[self.first]), 1.0)


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


def test_a_declined_swap_on_the_chats_own_article_stays_declined():
    """Declined on the chat's own article (nothing closer found): no other event to ask about, the
    details stay and the reply stays "not found"."""
    from retrieval.conversation.continuation import Topic, read

    first = "Công đoàn tỉnh Lai Châu trao bao nhiêu suất quà năm 2024?"

    def answers(question, focus):
        return ("qua-laichau", "900 suất quà") if "Lai Châu" in question else None

    kb = _Declining(answers, {"qua-laichau": "Công đoàn tỉnh Lai Châu trao 900 suất quà năm 2024."}, "qua-laichau")
    r = read(kb, "còn tỉnh Điện Biên thì sao?", Topic(first, "qua-laichau"))
    assert not r.timed.answer.found
