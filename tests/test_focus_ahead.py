"""The focus text encoded ahead, on the embedder's one ahead thread (search's `ahead`, Embedder.query_ahead): the same
vectors and answers as encoding it when first read, on the test corpus with the real model (retrieval/index)."""
import threading
from concurrent.futures import ThreadPoolExecutor

import numpy as np

from retrieval import service
from retrieval.index import embedder as embedder_mod
from retrieval.index.search import search
from tests.helpers import questions


def _focus(res):
    """(the best article's sentences, the vector they are compared with) as `focus_sent` reads them."""
    res._focus = res._focus_vector()
    return res._focus


def test_the_focus_vector_encoded_ahead_is_the_plain_one(kb):
    for q in questions()[:40]:
        kb.embedder.forget_questions()
        plain = _focus(search(kb.index, kb.embedder, q["question"]))
        kb.embedder.forget_questions()
        ahead = _focus(search(kb.index, kb.embedder, q["question"], ahead=True))
        assert plain[0] == ahead[0], q["question"]
        assert (plain[1] is None) == (ahead[1] is None), q["question"]
        if plain[1] is not None:
            assert np.array_equal(plain[1], ahead[1]), q["question"]


def test_a_follow_ups_own_words_encoded_ahead_give_the_plain_vector(kb):
    question, own = "Hội thao công nhân Khu công nghiệp Phú Nghĩa năm 2024 khẩu hiệu là gì?", "khẩu hiệu là gì?"
    kb.embedder.forget_questions()
    plain = _focus(search(kb.index, kb.embedder, question, focus=own))
    kb.embedder.forget_questions()
    ahead = _focus(search(kb.index, kb.embedder, question, focus=own, ahead=True))
    assert plain[0] == ahead[0] and np.array_equal(plain[1], ahead[1])


def test_a_narrowed_ranking_reads_the_new_best_articles_focus_not_the_one_started(kb):
    """`Answerer.ask(among=…)` keeps only some articles after the search: the focus started for the old best article
    (the title's words left out) is not the one the new best article needs."""
    q = "Khẩu hiệu của Hội thao công nhân Khu công nghiệp Phú Nghĩa năm 2024 là gì?"
    res = search(kb.index, kb.embedder, q, ahead=True)
    second = res.article_ranking[1][0]
    started = res._ahead.text
    res.article_ranking = [r for r in res.article_ranking if r[0] == second]
    assert res._focus_text()[1] != started  # (the case: another title leaves other words)
    fresh = search(kb.index, kb.embedder, q)
    fresh.article_ranking = list(res.article_ranking)
    assert _focus(res)[0] == _focus(fresh)[0]
    assert (res._focus[1] is None) == (fresh._focus[1] is None)
    if fresh._focus[1] is not None:
        assert np.array_equal(res._focus[1], fresh._focus[1])


def test_answers_are_the_plain_answers(kb, monkeypatch):
    qs = [q["question"] for q in questions()[:30]]
    ahead = [repr(kb.ask(q).answer) for q in qs]
    monkeypatch.setattr(service, "search", lambda *a, ahead=False, **k: search(*a, **k))
    plain = [repr(kb.ask(q).answer) for q in qs]
    assert ahead == plain


def test_asks_from_many_threads_share_one_ahead_thread(kb):
    """The web server answers from several threads: every ask's answer is its own, and no thread is left per ask."""
    qs = [q["question"] for q in questions()[:24]]
    alone = [repr(kb.ask(q).answer) for q in qs]
    before = threading.active_count()
    with ThreadPoolExecutor(4) as pool:
        together = list(pool.map(lambda q: repr(kb.ask(q).answer), qs))
    assert together == alone
    assert threading.active_count() <= before
    assert sum(t.name.startswith("e5-ahead") for t in threading.enumerate()) == 1


def test_an_encode_not_started_is_done_by_the_asker(kb):
    """The ahead thread busy with another ask's text: the vector is encoded where it is needed, not queued behind."""
    gate = threading.Event()
    embedder_mod._AHEAD.submit(gate.wait, 30)
    try:
        kb.embedder.forget_questions()
        early = kb.embedder.query_ahead("khẩu hiệu là gì?")
        vec = early.vector()  # (would wait for the gate if it queued)
    finally:
        gate.set()
    kb.embedder.forget_questions()
    assert np.array_equal(vec, kb.embedder.query("khẩu hiệu là gì?"))
