"""Session 37, helper F, second task (issue 24): a whole "còn …" question that counts "người" after the chat counted
people by a noun of their own asks the same count of another body (`followup.people_counted`,
`continuation._same_people`). Our own sentences; the answerer is a stand-in."""
from collections import namedtuple
from types import SimpleNamespace

from retrieval.conversation import continuation, followup
from retrieval.conversation.continuation import Topic


def test_people_counted_writes_the_chats_noun():
    assert followup.people_counted("Xã A tặng quà bao nhiêu công nhân?",
                                   "còn xã B thì bao nhiêu người được tặng quà?") == \
        "còn xã B thì bao nhiêu công nhân được tặng quà?"
    assert followup.people_counted("Huyện A khen thưởng mấy giám đốc doanh nghiệp năm 2023?",
                                   "Còn huyện B khen mấy người?") == "Còn huyện B khen mấy giám đốc?"  # an office
    assert followup.people_counted("Quỹ trao bao nhiêu suất quà?", "còn quỹ B thì bao nhiêu người?") is None  # gifts
    assert followup.people_counted("Quỹ hỗ trợ bao nhiêu tiền?", "còn quỹ B thì bao nhiêu người?") is None
    assert followup.people_counted("Lễ có bao nhiêu người dự?", "còn lễ B có bao nhiêu người?") is None  # "người" already
    assert followup.people_counted("Có bao nhiêu người lao động?", "còn xã B thì bao nhiêu người?") is None
    assert followup.people_counted("Trường có mấy giáo viên?", "còn trường B có mấy người lao động?") is None  # own noun


def test_a_whole_question_counting_people_is_asked_again_with_the_chats_noun():
    Timed = namedtuple("Timed", "answer latency_ms")

    class Answerer:
        def __init__(self):
            self.asked = []

        def ask(self, question, focus=None, among=None, own_case=True):
            self.asked.append((question, among))
            span = "40 công nhân" if "công nhân" in question else "900 người"
            return Timed(SimpleNamespace(found=True, ranked=["b-2025"], span=span), 0)

    answerer = Answerer()
    alone = answerer.ask("còn công ty B thì bao nhiêu người nghỉ việc?")
    topic = Topic("Công ty A cho bao nhiêu công nhân nghỉ việc?", "a-2025")
    got = continuation._same_people(answerer, "còn công ty B thì bao nhiêu người nghỉ việc?", topic, alone)
    assert got.answer.span == "40 công nhân"
    assert answerer.asked[-1] == ("còn công ty B thì bao nhiêu công nhân nghỉ việc?", ["b-2025"])
    other = Topic("Công ty A chi bao nhiêu tiền?", "a-2025")  # no people counted before: read alone as it was
    assert continuation._same_people(answerer, "còn công ty B thì bao nhiêu người nghỉ việc?", other, alone) is alone
