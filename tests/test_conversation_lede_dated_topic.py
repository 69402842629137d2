"""Session 36, helper F (issue 24): a question read alone sets the chat's topic without a year its answer's article
writes only in passing while the article's lede dates its own event otherwise (`continuation._lede_dated`,
`parts.drop_years`): "… được trao cờ thi đua năm 2023?" answered from the report of a 2025 ceremony leaves the chat on
that ceremony, and the next slot asks of it. Our own sentences; the answerer is a stand-in over made-up articles."""
from collections import namedtuple
from types import SimpleNamespace

from tests.helpers import ArticlesStandIn

Timed = namedtuple("Timed", "answer latency_ms")
ASKED = "Công đoàn cơ sở nào của tỉnh Kon Tum được trao cờ thi đua năm 2023?"
ARTICLES = {
    "lehoi-2025": "Ngày 12/4/2025, LĐLĐ tỉnh Kon Tum tổ chức Ngày hội văn hóa công nhân. Tại ngày hội, Công đoàn "
                  "Công ty Cà phê Đăk Hà, đơn vị được trao cờ thi đua năm 2023, biểu diễn văn nghệ.",
    "tongket-2023": "Năm 2023, LĐLĐ tỉnh Kon Tum trao cờ thi đua cho Công đoàn Công ty Cà phê Đăk Hà.",
}
TITLES = {"lehoi-2025": "Kon Tum: Ngày hội văn hóa công nhân năm 2025", "tongket-2023": "Kon Tum tổng kết năm 2023"}


class StandIn(ArticlesStandIn):
    articles = ARTICLES

    def article_title(self, aid):
        return TITLES[aid]


def _answered_from(aid, found=True):
    return Timed(SimpleNamespace(found=found, ranked=[aid]), 0)


def test_a_year_the_articles_lede_dates_otherwise_leaves_the_topic():
    from retrieval.conversation.continuation import Topic, _alone_topic

    topic = _alone_topic(ASKED, Topic("Hội thao công nhân tỉnh Gia Lai có bao nhiêu đội?", "other"),
                         _answered_from("lehoi-2025"), "", StandIn())
    assert "2023" not in topic.question and "cờ thi đua" in topic.question and topic.article == "lehoi-2025"


def test_a_year_the_articles_lede_dates_stays():
    from retrieval.conversation.continuation import Topic, _alone_topic

    topic = _alone_topic(ASKED, Topic("Hội thao công nhân tỉnh Gia Lai có bao nhiêu đội?", "other"),
                         _answered_from("tongket-2023"), "", StandIn())
    assert "năm 2023" in topic.question


def test_drop_years_cuts_the_year_with_its_lead_word():
    from retrieval.conversation import parts

    assert parts.drop_years("Năm 2023 LĐLĐ tỉnh Kon Tum trao mấy cờ thi đua?", ["2023"]) == "LĐLĐ tỉnh Kon Tum trao mấy cờ thi đua?"
    assert parts.drop_years("Năm 2023 LĐLĐ tỉnh Kon Tum trao mấy cờ thi đua?", ["2024"]).startswith("Năm 2023")
