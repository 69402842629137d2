"""Messages with nothing to search (review R26, findings 1 and 4): punctuation, emoji, a zero-width
space, a lone digit, "Hỏi" alone. Each gets an exact Vietnamese hint (or thanks for a thumbs-up)
through the core every channel calls — never the apology, never three unrelated articles, never a
follow-up merged with the chat's topic. The channel tests send the same list through each fake."""
import pytest

from retrieval.hoidap.asking import question_part


@pytest.mark.parametrize("text", [".", "...", ",", ". .", ", ."])
def test_punctuation_alone_has_no_question_part(text):
    """It raised IndexError (no sentence left once " .," pieces are dropped)."""
    assert question_part(text) is None


def test_the_answer_step_itself_takes_punctuation(kb):
    """`unionbot eval`, `calibrate` and `ask --batch` call the Answerer without the core."""
    for text in (".", "..."):
        assert not kb.ask(text).answer.found
