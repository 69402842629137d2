"""Session 38, helper F, second round (issue 24): a "thế / còn … thì sao?" message that names another edition or
place and asks nothing of its own, whose merged reading (the chat's question of X) is declined, gets that decline —
not the sentence the message alone finds on the chat's own article, which quotes no span: asking nothing, it only tells of an article
(`continuation._asks_nothing_answered`). An alone reading that quotes a span is left to the old path (None).
Our own sentences; the answerer is a stand-in."""
from collections import namedtuple
from types import SimpleNamespace

from retrieval.conversation import continuation
from retrieval.conversation.continuation import Topic

Timed = namedtuple("Timed", "answer latency_ms")
MESSAGE = "thế năm 2025 ở mỏ Bình Minh thì sao?"
TOPIC = Topic("Năm 2024 mỏ Hồng Hà khám cho bao nhiêu thợ lò?", "hongha-2024")


class Answerer:
    def __init__(self, alone_span, alone_article="hongha-2024"):
        self.alone_span, self.alone_article, self.asked = alone_span, alone_article, []

    def ask(self, question, focus=None, among=None, own_case=True):
        self.asked.append(question)
        if question == MESSAGE:  # read alone: a sentence of the chat's article, a span only when given
            return Timed(SimpleNamespace(found=True, ranked=[self.alone_article], span=self.alone_span,
                                         sentence="Mỏ Hồng Hà tổ chức khám bệnh nghề nghiệp."), 0)
        return Timed(SimpleNamespace(found=False, ranked=["hongha-2024"], span=None, sentence=None,
                                     reason="năm 2025 không có trong bài gần nhất"), 0)  # the chat's question of X

    def article_text(self, aid):
        return "Năm 2024 mỏ Hồng Hà khám cho 900 thợ lò."

    def coverage_of(self, text, aid):
        return 1.0


def test_the_merged_decline_is_the_reply_when_alone_quotes_no_span():
    got = continuation._asks_nothing_answered(Answerer(None), MESSAGE, TOPIC)
    assert got is not None and not got.timed.answer.found
    assert got.understood and "2025" in got.understood and "thợ lò" in got.understood
    assert got.topic.article == "hongha-2024"  # a swap no article answers leaves the chat on its event


def test_an_alone_reading_with_a_span_is_left_to_the_old_path():
    assert continuation._asks_nothing_answered(Answerer("600 thợ lò"), MESSAGE, TOPIC) is None


def test_a_sentence_of_another_article_is_left_to_the_old_path():
    # the event X may be that article's own: read alone, the chat moves there
    assert continuation._asks_nothing_answered(Answerer(None, "binhminh-2025"), MESSAGE, TOPIC) is None


def test_a_message_that_asks_something_is_not_this_kind():
    answerer = Answerer(None)
    assert continuation._asks_nothing_answered(answerer, "thế năm 2025 ở mỏ Bình Minh khám bao nhiêu người?",
                                               TOPIC) is None
    assert answerer.asked == []
