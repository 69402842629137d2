"""Messages with nothing to search (review R26, findings 1 and 4): punctuation, emoji, a zero-width
space, a lone digit, "Hỏi" alone. Each gets an exact Vietnamese hint (or thanks for a thumbs-up)
through the core every channel calls — never the apology, never three unrelated articles, never a
follow-up merged with the chat's topic. The channel tests send the same list through each fake."""
import pytest

from bot.core import texts
from bot.core.assemble import make_core
from bot.core.messages import Incoming
from bot.core.state import BotDB
from retrieval.hoidap.asking import question_part
from tests.conftest import database, make_settings

# (message, the exact reply) — the one list the channel tests share
ODD = [
    ("", texts.EMPTY_QUESTION),
    (" ", texts.EMPTY_QUESTION),
    (".", texts.NO_CONTENT),
    ("...", texts.NO_CONTENT),
    (",", texts.NO_CONTENT),
    (". .", texts.NO_CONTENT),
    ("?", texts.NO_CONTENT),
    ("😀", texts.NO_CONTENT),
    (":)", texts.NO_CONTENT),
    ("@", texts.NO_CONTENT),
    ("\u200b", texts.NO_CONTENT),
    ("Hỏi", texts.NO_CONTENT),
    ("cho hỏi", texts.NO_CONTENT),
    ("1.", texts.NO_CONTENT),
    ("👍", texts.THANKS),
    ("👍👍", texts.THANKS),
    ("ok", texts.THANKS),
    ("Dạ vâng", texts.THANKS),
]
ASKED = "Phiên chợ Tết Công đoàn ở Bình Định có bao nhiêu gian hàng?"
ARTICLE = "tetsumvay-binhdinh-2025"


@pytest.fixture
def core(tmp_path, kb):
    return make_core(make_settings(tmp_path), kb, BotDB(database(tmp_path / "b.sqlite3")))


def _msg(text: str, chat: str = "c1") -> Incoming:
    return Incoming(platform="web", chat_id=chat, user_id=chat, text=text)


@pytest.mark.parametrize("text", [".", "...", ",", ". .", ", ."])
def test_punctuation_alone_has_no_question_part(text):
    """It raised IndexError (no sentence left once " .," pieces are dropped)."""
    assert question_part(text) is None


def test_the_answer_step_itself_takes_punctuation(kb):
    """`unionbot eval`, `calibrate` and `ask --batch` call the Answerer without the core."""
    for text in (".", "..."):
        assert not kb.ask(text).answer.found


@pytest.mark.parametrize("text,expected", ODD)
async def test_no_content_gets_the_hint_in_a_fresh_chat(core, text, expected):
    [reply] = await core.handle(_msg(text))
    assert reply.answer is None and reply.text == expected


@pytest.mark.parametrize("text,expected", [("👍", texts.THANKS), ("😀", texts.NO_CONTENT), ("?", texts.NO_CONTENT),
                                           (".", texts.NO_CONTENT), ("Hỏi", texts.NO_CONTENT)])
async def test_no_content_after_an_answer_is_no_follow_up(core, text, expected):
    """A thumbs-up after an answer was read as "(về: Phien cho Tet …, 👍?)" and answered again."""
    [first] = await core.handle(_msg(ASKED))
    assert first.answer.found and "40 gian hàng" in first.answer.sentence
    [reply] = await core.handle(_msg(text))
    assert reply.answer is None and reply.understood is None and reply.text == expected
    # the topic is kept: a real follow-up still reads with it
    [after] = await core.handle(_msg("tổ chức ở đâu?"))
    assert after.understood is not None


def test_a_message_without_a_word_is_never_merged_with_the_topic(kb):
    """At the retrieval level too (the dialogues of `unionbot eval` do not pass through the core)."""
    from retrieval.conversation import continuation

    topic = continuation.Topic(ASKED, ARTICLE)
    for text in ("👍", "?", "..."):
        reading = continuation.read(kb, text, topic)
        assert reading.understood is None and reading.topic == topic
