"""Session 35, helper F (issue 24): a chat whose first turn was declined sits on an article it never quoted
(`Topic.shown` None) — no event the member was told of. A swap declined there is read on that article as on any
other, without the old event's details (`continuation._without_old_details`), not passed over as the old event's
own article. Our own sentences; the answerer is a stand-in over made-up articles (no model)."""
from collections import namedtuple
from types import SimpleNamespace

from tests.helpers import ArticlesStandIn

Timed = namedtuple("Timed", "answer latency_ms")
FIRST = "Hội thi an toàn lao động của LĐLĐ tỉnh Kon Tum năm 2024 có bao nhiêu đội tham gia?"
ARTICLES = {"gialai-2025": "Hội thi an toàn lao động năm 2025 của LĐLĐ tỉnh Gia Lai có 31 đội tham gia."}


class StandIn(ArticlesStandIn):
    """Reads ARTICLES: an article answers a question when it writes every year the question names."""
    articles = ARTICLES

    def ask(self, question, focus=None, among=None, own_case=True):
        aid = (among or ["gialai-2025"])[0]
        found = all(y in ARTICLES[aid] for y in ("2024", "2025") if y in question)
        return Timed(SimpleNamespace(found=found, ranked=[aid]), 0)


def _read(topic):
    from retrieval.conversation import followup
    from retrieval.conversation.continuation import _without_old_details

    message = "còn ở Gia Lai thì sao?"
    combined = followup.combine_topic(FIRST, message)[0]
    new = followup.new_values(FIRST, message)
    declined = Timed(SimpleNamespace(found=False, ranked=["gialai-2025"]), 0)
    return _without_old_details(StandIn(), combined, message, topic, new, declined, None, True)


def test_a_swap_declined_on_an_article_the_chat_never_quoted_is_read_there_without_the_old_year():
    from retrieval.conversation.continuation import Topic

    fewer, again, _ = _read(Topic(FIRST, "gialai-2025"))  # the first turn was declined there
    assert again is not None and "2024" not in fewer and "Gia Lai" in fewer


def test_declined_on_the_article_the_chat_quoted_the_old_event_is_not_read_there():
    from retrieval.conversation.continuation import Topic

    _, again, _ = _read(Topic(FIRST, "gialai-2025", shown=ARTICLES["gialai-2025"]))
    assert again is None  # the chat's own event's article: the next article naming Gia Lai is looked for (none here)
