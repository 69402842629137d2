"""The focus text tokenized by the asker, only run on the ahead thread (Embedder.query_ahead → _run_ahead): the vector
`query` gives and keeps, the torch-like engine that only encodes still served, the same answers as the ahead thread
tokenizing — on the test corpus with the real model (retrieval/index)."""
import numpy as np

from retrieval.index import embedder as embedder_mod
from retrieval.index.embedder import Ahead, Embedder
from tests.helpers import questions


def _tokenized_there(self, text):
    return Ahead(self, text, embedder_mod._AHEAD.submit(self.query, text))


def test_the_vector_run_from_the_askers_tokens_is_the_query_vector(kb):
    for q in questions()[:12]:
        kb.embedder.forget_questions()
        ahead = kb.embedder.query_ahead(q["question"]).vector()
        kb.embedder.forget_questions()
        plain = kb.embedder.query(q["question"])
        assert ahead.dtype == plain.dtype and np.array_equal(ahead, plain), q["question"]
        assert not ahead.flags.writeable


def test_the_vector_run_ahead_is_kept_for_the_next_read(kb):
    text = "Hội thao công nhân Khu công nghiệp Phú Nghĩa năm 2024 khẩu hiệu là gì?"
    kb.embedder.forget_questions()
    vec = kb.embedder.query_ahead(text).vector()
    assert kb.embedder.query(text) is vec


def test_the_ahead_thread_gets_tokens_not_the_text(kb, monkeypatch):
    """What the thread runs needs no tokenizer: the engine's `inputs` were built by the asker."""
    submitted = []
    real = embedder_mod._AHEAD.submit
    monkeypatch.setattr(embedder_mod._AHEAD, "submit", lambda fn, *a: submitted.append((fn, a)) or real(fn, *a))
    kb.embedder.forget_questions()
    kb.embedder.query_ahead("khẩu hiệu là gì?").vector()
    (fn, (text, prepared)), = submitted
    assert fn.__name__ == "_run_ahead" and text == "khẩu hiệu là gì?"
    assert set(prepared) == {"input_ids", "attention_mask"}


def test_an_engine_that_only_encodes_runs_the_whole_query_ahead(kb, monkeypatch):
    class OnlyEncodes:
        def __init__(self, engine):
            self.encode, self.dim = engine.encode, engine.dim

    monkeypatch.setattr(kb.embedder, "engine", OnlyEncodes(kb.embedder.engine))
    kb.embedder.forget_questions()
    vec = kb.embedder.query_ahead("ai chủ trì?").vector()
    kb.embedder.forget_questions()
    assert np.array_equal(vec, kb.embedder.query("ai chủ trì?"))


def test_answers_are_those_of_the_thread_tokenizing(kb, monkeypatch):
    qs = [q["question"] for q in questions()[:30]]
    kb.embedder.forget_questions()
    here = [repr(kb.ask(q).answer) for q in qs]
    monkeypatch.setattr(Embedder, "query_ahead", _tokenized_there)
    kb.embedder.forget_questions()
    there = [repr(kb.ask(q).answer) for q in qs]
    assert here == there
