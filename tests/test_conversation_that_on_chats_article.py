"""Session 35, helper F (issue 24): a message that names the thing by "… đó / ấy" ("đợt đó …") right after a reply that
quoted the chat's article (`Topic.told`) points at the event the member was just told of: answered from another
article (another edition the search put first), it is asked again among the chat's article and answered there when it
can be (`continuation._on_chats_article`). After a declined turn nothing was told, and the other article's answer
stands. Our own sentences; a stand-in answerer."""
from collections import namedtuple
from types import SimpleNamespace

Timed = namedtuple("Timed", "answer latency_ms")
FIRST = "Ai phát biểu tại lễ trao học bổng tháng 9/2025 của LĐLĐ tỉnh Kon Tum?"
SHOWN = "Lễ trao học bổng tháng 9/2025 do ông A phát biểu."


TITLES = {"kontum-2025": "LĐLĐ tỉnh Kon Tum trao học bổng năm 2025",
          "kontum-2024": "LĐLĐ tỉnh Kon Tum trao học bổng năm 2024"}
TEXTS = {"kontum-2025": "Tháng 9/2025, LĐLĐ tỉnh Kon Tum trao 120 suất học bổng cho con đoàn viên. Ông A phát biểu.",
         "kontum-2024": "Tháng 9/2024, LĐLĐ tỉnh Kon Tum trao 100 suất học bổng. Kế hoạch năm 2025 sẽ tăng thêm."}


class StandIn:
    def ask(self, question, focus=None, among=None, own_case=True):
        aid = (among or ["kontum-2024"])[0]
        return Timed(SimpleNamespace(found=True, ranked=[aid], span=aid), 0)

    def article_title(self, aid):
        return TITLES[aid]

    def article_text(self, aid):
        return TITLES[aid] + ". " + TEXTS[aid]


def _asked_on(message, topic, combined="Lễ trao học bổng tháng 9/2025 của LĐLĐ tỉnh Kon Tum, trao bao nhiêu suất?"):
    from retrieval.conversation.continuation import _on_chats_article

    found_elsewhere = StandIn().ask(combined)
    return _on_chats_article(StandIn(), message, combined, topic, found_elsewhere).answer.ranked


def test_that_event_just_told_is_asked_of_the_chats_article():
    from retrieval.conversation.continuation import Topic

    told = Topic(FIRST, "kontum-2025", shown=SHOWN, told=True)
    assert _asked_on("đợt đó trao bao nhiêu suất học bổng?", told) == ["kontum-2025"]
    assert _asked_on("buổi lễ ấy có bao nhiêu em nhận quà?", told) == ["kontum-2025"]
    # understood without the month: nothing the other article lacks, its answer stands
    assert _asked_on("đợt đó trao bao nhiêu suất?", told, "LĐLĐ tỉnh Kon Tum trao bao nhiêu suất?") == ["kontum-2024"]
    # no "… đó": the other article's answer stands; nor when the chat never quoted its article
    assert _asked_on("trao bao nhiêu suất học bổng?", told) == ["kontum-2024"]
    assert _asked_on("đợt đó trao bao nhiêu suất học bổng?", Topic(FIRST, "kontum-2025", told=True)) == ["kontum-2024"]


def test_after_a_declined_turn_the_other_articles_answer_stands():
    from retrieval.conversation.continuation import Topic

    # quoted two turns ago, the last turn declined: "đợt đó" may be the event just asked about, not the one quoted
    declined_since = Topic(FIRST, "kontum-2025", shown=SHOWN, told=False)
    assert _asked_on("đợt đó trao bao nhiêu suất học bổng?", declined_since) == ["kontum-2024"]


def test_an_article_that_holds_the_asked_occasion_stands():
    from retrieval.conversation import followup
    from retrieval.conversation.continuation import Topic, _on_chats_article

    # the chat asked of 2025 but quoted the 2024 report: the search's 2025 report holds the year asked, and stands
    first = "Năm 2025 LĐLĐ tỉnh Kon Tum trao học bổng cho bao nhiêu em?"
    message = "đợt đó ai phát biểu?"
    combined = followup.combine_topic(first, message)[0]
    assert "2025" in combined
    wrong_year = Topic(first, "kontum-2024", shown="Tháng 9/2024, LĐLĐ tỉnh Kon Tum trao 100 suất học bổng.",
                       told=True)
    found = Timed(SimpleNamespace(found=True, ranked=["kontum-2025"], span="kontum-2025"), 0)
    assert _on_chats_article(StandIn(), message, combined, wrong_year, found).answer.ranked == ["kontum-2025"]
    # the 2024 report writes 2025 in its plans: it holds the year too, so the search's article stands either way
    right_year = Topic(first, "kontum-2025", shown=SHOWN, told=True)
    elsewhere = Timed(SimpleNamespace(found=True, ranked=["kontum-2024"], span="kontum-2024"), 0)
    assert _on_chats_article(StandIn(), message, combined, right_year, elsewhere).answer.ranked == ["kontum-2024"]


def test_holds_asked_reads_dates_as_written():
    from retrieval.conversation.continuation import _holds_asked

    question = "Lễ ra quân tháng 3/2026 có bao nhiêu đoàn viên?"
    assert _holds_asked(question, "Tháng 3/2026, lễ ra quân được tổ chức.")
    assert _holds_asked(question, "Sáng 5/3/2026, lễ ra quân được tổ chức.")
    assert not _holds_asked(question, "Tháng 3/2025, lễ ra quân được tổ chức; năm 2026 sẽ tổ chức tiếp.")
    assert not _holds_asked(question, "Ngày 13/2026 là số hiệu văn bản.")
