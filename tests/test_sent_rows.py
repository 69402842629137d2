"""The sentence vectors cast to float32 once per index (session 32, issue 23: latency): `base.float_rows` keeps the
float32 copy an index's cosines gather from (`Index._sent_rows`), and `search.sentence_runs` builds the sentences of a
few hundred passages without one `arange` each. The cosines must be the float16 rows cast per ask to the bit, and
the answers the ones read the plain way (on the test corpus with the real model)."""
import numpy as np

from benchmarks.sent_rows import _WAYS, _arange_runs, _cast_rows
from retrieval.index import base, search
from retrieval.index.base import Index, float_rows
from tests.helpers import questions

# Written for these tests: questions as members type them, with and without accents.
ASKED = ["Công đoàn Công ty May Tây Đô tổ chức hội thi nào cho công nhân năm 2024?",
         "cho e hoi cuoc thi tim hieu phap luat do ldld tinh to chuc co bao nhieu doi tham gia",
         "ai trao kỷ niệm chương cho đoàn viên công đoàn cơ sở"]


def test_the_index_keeps_its_sentence_vectors_as_float32_values_of_the_float16_rows(kb):
    ix = kb.index
    assert ix.sent_f32 is not None and ix.sent_f32.dtype == np.float32 and not ix.sent_f32.flags.writeable
    assert ix.sent_f32.tobytes() == np.asarray(ix.sent_vecs).astype(np.float32).tobytes()


def test_cosines_are_those_of_the_rows_cast_per_ask_to_the_bit(kb):
    ix = kb.index
    vec = kb.embedder.query(ASKED[0])
    n = len(ix.sent_vecs)
    rng = np.random.default_rng(32)
    for ids in (np.arange(n), rng.choice(n, 40), np.array([n - 1, 0, 0, 5]), np.array([3])):
        kept = ix.sentence_cos(ids, vec)
        assert kept.tobytes() == (ix.sent_vecs[ids].astype(np.float32) @ vec).tobytes()
    assert not ix.sentence_cos([], vec).size


def test_an_index_too_big_for_the_budget_casts_per_ask(monkeypatch):
    rows = np.arange(12, dtype=np.float16).reshape(3, 4)
    assert float_rows(rows).tobytes() == rows.astype(np.float32).tobytes()
    monkeypatch.setattr(base, "SENT_F32_BYTES", rows.size * 4 - 1)
    assert float_rows(rows) is None


def test_sentence_runs_are_the_passages_sentences_end_to_end():
    for starts, counts in [([0, 3, 10], [3, 0, 2]), ([5], [4]), ([7, 7, 2], [0, 1, 3]), ([1, 4], [0, 0])]:
        s, c = np.array(starts, dtype=np.int64), np.array(counts, dtype=np.int64)
        got = search.sentence_runs(s, c)
        assert got.dtype == np.int64 and got.tolist() == [i for a, k in zip(starts, counts) for i in range(a, a + k)]
    s, c = np.array([0, 3, 10]), np.array([3, 0, 2])
    assert search.sentence_runs(s, c).tolist() == _arange_runs(s, c).tolist()


def test_answers_are_the_answers_read_the_plain_way(kb, monkeypatch):
    qs = ASKED + [q["question"] for q in questions()[:30]]
    kept = [repr(kb.ask(q).answer) for q in qs]
    monkeypatch.setattr(Index, "_sent_rows", _cast_rows)
    monkeypatch.setattr(search, "sentence_runs", _arange_runs)
    kb.embedder.forget_questions()
    plain = [repr(kb.ask(q).answer) for q in qs]
    assert plain == kept
    assert set(_WAYS) == {"kept", "cast"}
