"""Session 35, helper F (issue 24): a swap to another place answered from another article moves the chat to that
article's event — the topic kept (and the understood question) lose the old event's details that article never
writes (its year too, when a place or company was swapped), so the next "đợt đó …" asks of the new event. Every
sentence is our own; the answerer is a stand-in that reads made-up articles (no model)."""
from collections import namedtuple
from types import SimpleNamespace

from tests.helpers import ArticlesStandIn

Timed = namedtuple("Timed", "answer latency_ms")

FIRST = "Hội thi an toàn lao động của LĐLĐ tỉnh Kon Tum năm 2024 có bao nhiêu đội tham gia?"
ARTICLES = {
    "kontum-2024": "Hội thi an toàn lao động năm 2024 của LĐLĐ tỉnh Kon Tum có 24 đội tham gia.",
    "gialai-2025": "Hội thi an toàn lao động của LĐLĐ tỉnh Gia Lai diễn ra tháng 5, có 31 đội tham gia.",
    "gialai-2024": "Hội thi an toàn lao động năm 2024 của LĐLĐ tỉnh Gia Lai có 18 đội tham gia.",
    # dated 2025 by its lede; 2024 written only in passing
    "gialai-2025-lede": "Ngày 12/5/2025, LĐLĐ tỉnh Gia Lai tổ chức Hội thi an toàn lao động với 31 đội tham gia. "
                        "So với năm 2024, số đội tăng 9.",
}


class StandIn(ArticlesStandIn):
    """Answers every question from `where` (found), whatever it asks."""
    articles = ARTICLES

    def __init__(self, where):
        self.where = where

    def ask(self, question, focus=None, among=None, own_case=True):
        aid = (among or [self.where])[0]
        answer = SimpleNamespace(found=True, ranked=[aid], sentence=ARTICLES[aid], span="31 đội", options=[],
                                 sources=[], related=[])
        return Timed(answer, 0)


def test_a_place_swap_answered_from_an_article_without_the_old_year_leaves_the_year_behind():
    from retrieval.conversation.continuation import Topic, _with_topic

    combined, new_topic, _ = _with_topic(StandIn("gialai-2025"), "còn ở Gia Lai thì có bao nhiêu đội?",
                                         Topic(FIRST, "kontum-2024"))
    assert "Gia Lai" in new_topic and "2024" not in new_topic  # the Gia Lai contest's year is not Kon Tum's
    assert "2024" not in combined


def test_the_year_stays_when_the_article_writes_it_or_only_the_year_was_swapped():
    from retrieval.conversation.continuation import Topic, _with_topic

    # the Gia Lai article of the same year: the member's event is that year's, nothing is dropped
    _, new_topic, _ = _with_topic(StandIn("gialai-2024"), "còn ở Gia Lai thì có bao nhiêu đội?",
                                  Topic(FIRST, "kontum-2024"))
    assert "Gia Lai" in new_topic and "2024" in new_topic
    # answered from the chat's own article: no move, the topic is as swapped
    _, new_topic, _ = _with_topic(StandIn("kontum-2024"), "còn năm 2025 thì có bao nhiêu đội?",
                                  Topic(FIRST, "kontum-2024"))
    assert "2025" in new_topic and "Kon Tum" in new_topic


def test_a_year_the_other_article_writes_only_in_passing_is_left_behind_too():
    from retrieval.conversation.continuation import Topic, _with_topic

    _, new_topic, _ = _with_topic(StandIn("gialai-2025-lede"), "còn ở Gia Lai thì có bao nhiêu đội?",
                                  Topic(FIRST, "kontum-2024"))
    assert "Gia Lai" in new_topic and "2024" not in new_topic  # its lede dates the contest 12/5/2025
