"""Session 32, helper F (issue 24): a swap to another edition after a first turn that went to the wrong
edition's article. "Liên hoan … lần thứ V có bao nhiêu đội?" answered (or declined) from the lần thứ VI
article, then "lần thứ VI thì sao?": the chat's article is not the old occasion's — its title names the
other one — so the answer it gives for VI is not the old edition's passing mention. Every sentence here is
written for the test (fictional union news)."""
from __future__ import annotations

from retrieval.answering.answer import Answer
from retrieval.conversation import continuation, followup, parts
from retrieval.service import Timed

TITLE_VI = "Rộn ràng Hội thi Giọng hát hay công nhân Long An lần thứ VI"
TEXT_VI = ("Tối 20/9/2025, LĐLĐ tỉnh Long An tổ chức Hội thi Giọng hát hay công nhân lần thứ VI với 28 đội thi. "
           "So với hội thi lần thứ V, số đội tăng thêm 6 đội. Trưởng ban tổ chức là đồng chí Trần Văn Lộc.")
TITLE_NONE = "Công nhân Long An hát mừng ngày hội"
TEXT_ONLY_VI = "Hội thi Giọng hát hay công nhân lần thứ VI có 28 đội thi."
FIRST = "Hội thi Giọng hát hay công nhân Long An lần thứ V có bao nhiêu đội thi?"


class _Articles:
    """An answerer's article look-ups only (what `_old_occasion` reads)."""

    def __init__(self, title: str, text: str):
        self.title, self.text = title, text

    def article_title(self, aid: str) -> str:
        return self.title

    def article_text(self, aid: str) -> str:
        return f"{self.title} {self.text}"


def _answered(sentence: str, aid: str = "a-vi") -> Timed:
    """An answer from the chat's own article `aid`."""
    return Timed(Answer("q", True, "number", span="28 đội thi", sentence=sentence, ranked=[aid]), 1.0)


def test_an_article_holds_the_occasion_it_writes_however_it_writes_it():
    assert parts.holds_occasion(FIRST, TEXT_VI)  # "lần thứ V" said in passing is still written
    assert not parts.holds_occasion(FIRST, TEXT_ONLY_VI)
    assert parts.holds_occasion("Năm 2024 hội thi có bao nhiêu đội?", "Hội thi năm 2024 có 20 đội.")
    assert not parts.holds_occasion("Năm 2024 hội thi có bao nhiêu đội?", "Nhiệm kỳ 2023–2028, hội thi có 20 đội.")
    assert parts.holds_occasion("Năm 2024 hội thi có bao nhiêu đội?", "Hội thi có 20 đội.", years=False)


def test_a_swap_to_the_edition_the_chats_article_is_about_is_answered_there():
    """The first turn landed on the VI article; "lần thứ VI thì sao?" is answered from it, not declined as the
    old edition's passing mention — its title names VI and not V."""
    new = followup.new_values(FIRST, "lần thứ VI thì sao?")
    assert new.ordinal == "VI"
    topic = continuation.Topic(FIRST, "a-vi")
    out = continuation._old_occasion(new, topic, _answered("Hội thi có 28 đội thi."), _Articles(TITLE_VI, TEXT_VI))
    assert out.answer.found


def test_a_swap_answered_from_the_old_editions_article_is_still_declined():
    """The chat's article is the V edition's (its title says so): a sentence that names no edition is V's."""
    title_v = "Bế mạc Hội thi Giọng hát hay công nhân Long An lần thứ V"
    text_v = "Hội thi lần thứ V có 22 đội thi. Hội thi lần thứ VI dự kiến tổ chức năm 2025."
    new = followup.new_values(FIRST, "lần thứ VI thì sao?")
    topic = continuation.Topic(FIRST, "a-v")
    out = continuation._old_occasion(new, topic, _answered("Hội thi có 22 đội thi.", "a-v"), _Articles(title_v, text_v))
    assert not out.answer.found
    # A title that names no edition: the text decides; it writes "lần thứ V" (in passing), so the decline stands.
    out = continuation._old_occasion(new, topic, _answered("Hội thi có 28 đội thi.", "a-v"), _Articles(TITLE_NONE, TEXT_VI))
    assert not out.answer.found

