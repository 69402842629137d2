"""The answer step's Python made cheaper with the same answers (session 31, issue 23: latency): patterns written from
words compiled once and kept (`knowledge.text.pattern`), `fold` of words and sentences remembered, and BM25 of a few
documents searched for all short-postings words at once (`LexicalIndex.scores_for`).
Each must give what the plain code computes — the same pattern, the same string, the same float32 scores to the bit —
and the answers must be the ones read the plain way (on the test corpus with the real model)."""
import re

import numpy as np

from benchmarks.hot_python import plain_scores_for, switch
from knowledge import text
from knowledge.text import MEMO_CHARS, fold, pattern
from retrieval.answering import spans
from retrieval.index import lexical
from tests.helpers import questions

# Written for these tests: questions as members type them, with and without accents, and a news sentence.
ASKED = ["Công đoàn Công ty May Tây Đô tổ chức hội thi nào cho công nhân năm 2024?",
         "cho e hoi cuoc thi tim hieu phap luat do ldld tinh to chuc co bao nhieu doi tham gia",
         "Khẩu hiệu của Hội thao công nhân Khu công nghiệp Phú Nghĩa năm 2024 là gì?",
         "ai trao kỷ niệm chương cho đoàn viên công đoàn cơ sở"]
SAID = "Sáng 20/10, Công đoàn Khu công nghiệp Quế Võ tổ chức Hội thi “An toàn vệ sinh lao động” năm 2024."


def test_a_pattern_is_the_one_re_compiles_and_is_kept():
    for source in [rf"\b{re.escape('cuoc thi')}\s+(?=[^\s,.;:()|])", r"(?<!\d)2024(?!\d)", r"\bhoi thi\b"]:
        kept = pattern(source)
        assert kept is pattern(source)  # (compiled once)
        assert kept.pattern == source and kept.flags == re.compile(source).flags
    assert pattern("quý", re.I) is not pattern("quý") and pattern("quý", re.I).flags & re.I
    folded = fold(SAID)
    assert [m.span() for m in pattern(r"\bhoi thi\s+").finditer(folded)] == [
        m.span() for m in re.finditer(r"\bhoi thi\s+", folded)] != []


def test_the_kinds_a_question_names_are_read_as_before():
    assert spans._named_things(fold(ASKED[1])) == ["cuoc thi"]
    assert spans._named_things(fold(ASKED[2])) == spans._SLOGAN_KINDS
    assert [t for t, _ in spans._NAMED_THING_WORDS] == spans._NAMED_THINGS


def test_fold_remembers_words_and_sentences_and_gives_the_computed_string():
    for t in ASKED + [SAID, "Đoàn", "", "İstanbul"]:
        assert fold(t) == text._fold(t) == t.lower().translate(text._FOLD)
        assert fold(t) == text._fold(t)  # (the second time from memory)
    assert fold("Hội thi AN TOÀN") == "hoi thi an toan"
    long_text = SAID * (MEMO_CHARS // len(SAID) + 1)
    before = text._fold_memo.cache_info().currsize
    assert fold(long_text) == text._fold(long_text)
    assert text._fold_memo.cache_info().currsize == before


def test_bm25_of_a_few_documents_is_the_plain_sum_to_the_bit(kb, monkeypatch):
    ix = kb.index
    checked = 0
    for limit in (lexical.LEX_BATCH_POSTINGS, 0, 2):  # all words at once, each alone, some of each
        monkeypatch.setattr(lexical, "LEX_BATCH_POSTINGS", limit)
        for q in ASKED + [q["question"] for q in questions()[:20]]:
            for aid in list(ix.articles)[:15]:
                ids = np.asarray(ix.article_sentences.get(aid), dtype=np.int64)
                shuffled = np.concatenate([ids[::-1], ids[:2], [ix.lex_sents.n_docs + 3]])  # repeats, one too far
                for docs in (ids, shuffled):
                    for others in (False, True):
                        new = ix.lex_sents.scores_for(q, docs, others)
                        old = plain_scores_for(ix.lex_sents, q, docs, others)
                        assert new.dtype == old.dtype and new.tobytes() == old.tobytes()
                        checked += int(old.any())
            cand = np.arange(len(ix.chunks), dtype=np.int64)
            assert ix.lex_chunks.scores_for(q, cand).tobytes() == plain_scores_for(ix.lex_chunks, q, cand).tobytes()
    assert checked > 100
    assert not ix.lex_sents.scores_for(ASKED[0], []).size


def test_answers_are_the_answers_read_the_plain_way(kb):
    qs = ASKED + [q["question"] for q in questions()[:30]]
    switch("new")
    kept = [repr(kb.ask(q).answer) for q in qs]
    try:
        switch("plain")
        plain = [repr(kb.ask(q).answer) for q in qs]
    finally:
        switch("new")
    assert plain == kept
