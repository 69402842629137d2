"""Session 35, helper F (issue 24): a message that does not point back in words, read with the chat's topic and
swapping nothing in, asks of the chat's event: when the search puts another event's report first (the slot's words
are there too: "mỗi đôi được tặng bao nhiêu" of another province's wedding), the combined reading is the chat's article's
answer when it gives one (`continuation._both`), and the fitted model then weighs it. Our own sentences; a stand-in
answerer over made-up articles (no model)."""
from collections import namedtuple
from types import SimpleNamespace

from tests.helpers import ArticlesStandIn

Timed = namedtuple("Timed", "answer latency_ms")
FIRST = "Lễ cưới tập thể cho công nhân của LĐLĐ tỉnh Kon Tum tổ chức ở đâu?"
ARTICLES = {
    "kontum": "Lễ cưới tập thể cho 20 đôi công nhân tổ chức tại Nhà văn hóa lao động tỉnh Kon Tum; mỗi đôi được tặng 3 triệu đồng.",
    "gialai": "Lễ cưới tập thể ở Gia Lai: mỗi đôi được tặng 5 triệu đồng tiền mặt.",
}


class StandIn(ArticlesStandIn):
    """The search puts Gia Lai first for any question; asked among one article, that article answers. Read alone (no
    "Kon Tum" in it), the slot finds nothing unless `alone_found`."""
    articles = ARTICLES
    coverage = 0.5

    def __init__(self, alone_found=False):
        self.alone_found = alone_found

    def ask(self, question, focus=None, among=None, own_case=True):
        aid = (among or ["gialai"])[0]
        found = bool(among) or "Kon Tum" in question or self.alone_found
        return Timed(SimpleNamespace(found=found, ranked=[aid], kind="news", features=None, span=aid, sources=[],
                                     related=[], sentence=ARTICLES[aid], options=[]), 0)


def test_a_slot_read_with_the_topic_is_answered_from_the_chats_article():
    from retrieval.conversation.continuation import Topic, _both

    both = _both(StandIn(), "mỗi đôi được tặng bao nhiêu tiền?", Topic(FIRST, "kontum"))
    assert both.with_topic.answer.ranked == ["kontum"] and both.live


def test_a_swap_read_with_the_topic_keeps_the_other_article():
    from retrieval.conversation.continuation import Topic, _both

    # another province swapped in: the other article is where the member moved, not asked of the chat's
    both = _both(StandIn(), "còn Gia Lai thì mỗi đôi được tặng bao nhiêu tiền?", Topic(FIRST, "kontum"))
    assert both.with_topic.answer.ranked == ["gialai"]


def test_a_message_its_other_article_answers_alone_keeps_that_article():
    from retrieval.conversation.continuation import Topic, _both

    # alone, the message is answered from the Gia Lai article too: it is that article's question (a fresh one)
    both = _both(StandIn(alone_found=True), "mỗi đôi được tặng bao nhiêu tiền?", Topic(FIRST, "kontum"))
    assert both.with_topic.answer.ranked == ["gialai"]
