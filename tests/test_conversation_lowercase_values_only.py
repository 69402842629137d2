"""Session 36, helper F (issue 24): a message naming only a year and a province typed in lowercase ("năm 2022 ở bình
dương thì sao ạ") names no event of its own (`followup.names_only_values`): declined with the chat's topic, it is not
read alone as any event of that place. Our own sentences; the answerer is a stand-in over made-up articles."""
from collections import namedtuple
from types import SimpleNamespace

from tests.helpers import ArticlesStandIn

Timed = namedtuple("Timed", "answer latency_ms")


def test_a_lowercase_province_is_a_value_with_nothing_else_named():
    from retrieval.conversation import followup

    assert followup.names_only_values("năm 2022 ở bình dương thì sao ạ")
    assert followup.names_only_values("nam 2022 o binh duong thi sao")
    assert followup.names_only_values("ở đồng nai thì sao")
    # an event's own words besides the values: a question of its own
    assert not followup.names_only_values("hội diễn văn nghệ năm 2022 ở bình dương thì sao")


FIRST = "Lễ trao học bổng cho con công nhân năm 2025 của Bình Dương có chủ đề gì?"
ARTICLES = {
    "bd-2025": "Lễ trao học bổng cho con công nhân năm 2025 của LĐLĐ tỉnh Bình Dương với chủ đề Chắp cánh ước mơ.",
    "bd-2024": "Năm 2024, LĐLĐ tỉnh Bình Dương trao 300 suất học bổng cho con công nhân với chủ đề Vững bước tới trường.",
}


class StandIn(ArticlesStandIn):
    """The search puts the 2024 article first; a question asking "chủ đề" of a year no article writes finds nothing,
    anything else is "answered" from the article asked."""
    articles = ARTICLES

    def ask(self, question, focus=None, among=None, own_case=True):
        aid = (among or ["bd-2024"])[0]
        from knowledge.text import fold
        asked = fold(question).lower()
        found = not ("chu de" in asked and not any(y in asked and y in ARTICLES[aid] for y in ("2022", "2024", "2025")))
        return Timed(SimpleNamespace(found=found, ranked=[aid], kind="news", features=None, span=None, sources=[],
                                     related=[], sentence=ARTICLES[aid], options=[], reason=""), 0)


def test_a_year_and_lowercase_place_no_article_holds_is_declined_not_read_alone():
    from retrieval.conversation.continuation import Topic, read

    topic = Topic(FIRST, "bd-2025", shown=ARTICLES["bd-2025"], told=True)
    r = read(StandIn(), "năm 2022 ở bình dương thì sao ạ", topic)
    # read alone it was "answered" from the 2024 article, any event of that place; with the chat it is declined
    assert not r.timed.answer.found and r.understood and "2022" in r.understood
    assert r.topic.article == "bd-2025"
