"""Session 34, helper F (issue 24): a swap to another place, company, unit or sector that the search declines on the
chat's own article (the old event's words put it first) is read on the next article that names what was swapped
in, without the old event's own year. Every sentence is our own; the answerer is a stand-in that reads three made-up
articles (no model), so the rule is tested apart from the search."""
from types import SimpleNamespace

from tests.helpers import ArticlesStandIn

FIRST = "Hội nghị tổng kết năm học 2022–2023 của Công đoàn ngành Giáo dục tỉnh Kon Tum có bao nhiêu đại biểu dự?"
ARTICLES = {
    "giaoduc-kontum": "Công đoàn ngành Giáo dục tỉnh Kon Tum tổng kết năm học 2022–2023 với 140 đại biểu dự.",
    "khac-gialai": "Liên đoàn Lao động tỉnh Gia Lai tổng kết năm học 2022–2023 với 90 đại biểu dự.",
    "yte-kontum": "Công đoàn ngành Y tế tỉnh Kon Tum tổng kết công tác năm 2023, có 110 đại biểu dự.",
}


class StandIn(ArticlesStandIn):
    """Reads ARTICLES: an article answers a question when it writes every year the question names."""
    articles = ARTICLES

    def ask(self, question, focus=None, among=None, own_case=True):
        aid = (among or ["giaoduc-kontum"])[0]
        found = all(y in ARTICLES[aid] for y in ("2022", "2023") if y in question)
        return SimpleNamespace(answer=SimpleNamespace(found=found, ranked=[aid]), latency_ms=0)


def _declined_on(ranked):
    return SimpleNamespace(answer=SimpleNamespace(found=False, ranked=ranked), latency_ms=0)


def test_a_swap_declined_on_the_chats_article_is_read_on_the_next_article_naming_it():
    from retrieval.conversation import followup
    from retrieval.conversation.continuation import Topic, _next_named, _without_old_details

    message = "còn công đoàn ngành Y tế tỉnh đó thì sao?"
    new = followup.new_values(FIRST, message)
    assert new.sector
    combined = followup.combine_topic(FIRST, message)[0]
    topic = Topic(FIRST, "giaoduc-kontum", shown=ARTICLES["giaoduc-kontum"])  # the chat quoted its article
    ranked = ["giaoduc-kontum", "khac-gialai", "yte-kontum"]
    # the chat's own article is passed over, and so is one that never names the sector swapped in
    assert _next_named(StandIn(), combined, new, ranked, topic) == "yte-kontum"
    declined = _declined_on(ranked)
    fewer, again, years = _without_old_details(StandIn(), combined, message, topic, new, declined, None, True)
    assert again is not None and again.answer.ranked == ["yte-kontum"] and years
    assert "2022" not in fewer and "Y tế" in fewer  # the old school year was the Giáo dục event's, not the member's


def test_no_swapped_name_or_no_article_naming_it_keeps_the_decline():
    from retrieval.conversation import followup
    from retrieval.conversation.continuation import Topic, _next_named, _without_old_details

    topic = Topic(FIRST, "giaoduc-kontum", shown=ARTICLES["giaoduc-kontum"])
    # only the edition swapped: the same event another time, no other article is looked for
    message = "còn năm học 2021–2022 thì sao?"
    new = followup.new_values(FIRST, message)
    combined = followup.combine_topic(FIRST, message)[0]
    assert _without_old_details(StandIn(), combined, message, topic, new, _declined_on(["giaoduc-kontum"]), None,
                                True)[1] is None
    # a sector no article of the search names: the decline stands
    message = "còn công đoàn ngành Điện lực tỉnh đó thì sao?"
    new = followup.new_values(FIRST, message)
    combined = followup.combine_topic(FIRST, message)[0]
    assert _next_named(StandIn(), combined, new, ["giaoduc-kontum", "khac-gialai", "yte-kontum"], topic) is None
