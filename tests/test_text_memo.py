"""Text readings remembered across asks (session 29, issue 23: latency): `normalize` of short texts, an article's
words for `coverage` and its folded forms for `decide`, the names after a kind of place, a question's content terms,
search tokens and expansion, what a count question counts; and a search result's sentence cosines, gathered once
per ask.
Each memory must give what its function computes — the same strings, lists a caller may change as its own — and the
answers must be the ones read without any memory (on the test corpus with the real model)."""
import numpy as np

from knowledge import text
from knowledge.text import MEMO_CHARS, normalize
from retrieval.answering import notfound, occasion, spans
from retrieval.index import lexical
from retrieval.index import search as search_mod
from retrieval.index.lexical import query_tokens
from retrieval.index.search import content_terms
from retrieval.language import chat
from retrieval.language.chat import expand_question
from tests.helpers import questions

# Written for these tests: tone marks placed both ways, odd spaces, a zero-width space, a tab, a newline.
TYPED = ["Công đoàn Công ty Thuỷ sản Hoà Bình tổ chức khám sức khoẻ cho 300 đoàn viên.",
         "Công đoàn  Công ty  Thủy sản\u00a0Hòa Bình\u200b tổ chức\tkhám sức khỏe.\n  Năm 2024 ",
         "hoi thao cong nhan phu nghia 2024 co bao nhieu doi tham gia", "", "q. 7, TP.HCM"]


def test_normalize_remembers_short_texts_and_gives_the_computed_string():
    for t in TYPED[:3] + TYPED[4:]:
        assert normalize(t) == text._normalize(t)
        assert normalize(t) == text._normalize(t)  # (the second time from memory)
    assert normalize("") == ""
    assert "Thủy sản Hòa Bình tổ chức khám sức khỏe cho" in normalize(TYPED[0])
    assert normalize(TYPED[1]) == "Công đoàn Công ty Thủy sản Hòa Bình tổ chức khám sức khỏe.\nNăm 2024"
    assert normalize(TYPED[0]) is normalize(TYPED[0])  # the remembered string itself


def test_a_long_text_is_normalized_every_time_not_remembered():
    long_text = " ".join(TYPED[:2]) * (MEMO_CHARS // 50)
    assert len(long_text) > MEMO_CHARS
    before = text._normalize_memo.cache_info().currsize
    assert normalize(long_text) == text._normalize(long_text)
    assert text._normalize_memo.cache_info().currsize == before


def test_the_corpus_normalizes_as_computed(kb):
    for s in kb.index.sentences:
        assert normalize(s["text"]) == text._normalize(s["text"])
    for aid in kb.index.articles:
        t = kb.index.titled_text(aid)
        assert normalize(t) == text._normalize(t)


def test_an_articles_words_and_forms_are_the_computed_ones(kb):
    for aid, meta in kb.index.articles.items():
        t = kb.index.titled_text(aid)
        written = notfound.written_out(t)
        assert notfound._words_of(written) == notfound._words_of.__wrapped__(written)
        forms = notfound._article_forms(t, meta.get("date") or "")
        assert forms == notfound._article_forms.__wrapped__(t, meta.get("date") or "")
        assert forms[0] == text.fold(f"{t} {meta.get('date') or ''}")


def test_names_after_a_kind_and_content_terms_are_lists_of_the_callers_own():
    q = "Công đoàn cơ sở ở Khu công nghiệp Quế Võ, huyện Yên Phong tổ chức tháng công nhân năm nào?"
    first = occasion._capitalized_after(q, occasion._PLACE_KINDS["kcn"])
    assert first == ["quế võ"]
    first.append("changed")
    assert occasion._capitalized_after(q, occasion._PLACE_KINDS["kcn"]) == ["quế võ"]
    assert occasion._capitalized_after(q, occasion._PLACE_KINDS["district"]) == ["yên phong"]
    terms = content_terms(q)
    terms.clear()
    assert content_terms(q) == list(search_mod._content_terms.__wrapped__(q)) != []
    tokens = query_tokens(q, True)
    tokens.append("changed")
    assert query_tokens(q, True) == list(lexical._query_tokens.__wrapped__(q, True)) != tokens


def test_a_question_expands_as_computed():
    for typed in ["cho e hoi cty may tay do co bao nhieu cn vay a", "LĐLĐ tỉnh tổ chức Tết sum vầy năm nào ạ?",
                  "cđcs kcn quế võ đh lần mấy v ạ", "là ai"]:
        assert expand_question(typed) == chat._expanded.__wrapped__(typed) == expand_question(typed)


def test_answers_are_the_answers_read_without_memories(kb, monkeypatch):
    qs = [q["question"] for q in questions()[:30]]
    remembered = [repr(kb.ask(q).answer) for q in qs]
    monkeypatch.setattr(text, "_normalize_memo", text._normalize)
    for module, name in ((notfound, "_words_of"), (notfound, "_article_forms"), (occasion, "_capitalized_names"),
                         (search_mod, "_content_terms"), (lexical, "_query_tokens"), (chat, "_expanded"),
                         (spans, "_expectation"), (spans, "_noun_phrase")):
        monkeypatch.setattr(module, name, getattr(module, name).__wrapped__)
    monkeypatch.setattr(search_mod.SearchResult, "dense_sent", lambda self, ids: self.index.sentence_cos(ids, self.qvec))
    assert [repr(kb.ask(q).answer) for q in qs] == remembered


def test_what_a_count_question_counts_is_the_callers_own():
    q = "cong ty may tay do co bao nhieu cong nhan duoc nhan qua tet"
    noun = spans.counted_noun(q)
    assert noun == {"cong", "nhan"}
    noun |= {"changed"}  # (type_fit adds a prize's words to it)
    assert spans.counted_noun(q) == {"cong", "nhan"} and spans.noun_phrase(q) == ["cong", "nhan"]
    wanted, money, duration, area = spans._number_expectation("ho tro bao nhieu tien moi cong nhan")
    assert money and not duration and not area
    wanted.add("changed")
    assert "changed" not in spans._number_expectation("ho tro bao nhieu tien moi cong nhan")[0]


def test_a_results_sentence_cosines_are_gathered_once_and_each_callers_own(kb):
    from retrieval.index.search import search
    res = search(kb.index, kb.embedder, "Khẩu hiệu của Hội thao công nhân Khu công nghiệp Phú Nghĩa năm 2024 là gì?")
    cand = kb.index.article_sentences.get(res.article_ranking[0][0])
    first = res.dense_sent(cand)
    assert np.array_equal(first, kb.index.sentence_cos(cand, res.qvec))
    first[:] = -1.0  # (focus_sent writes its own cosines into the array it gets)
    again = res.dense_sent(list(cand))
    assert np.array_equal(again, kb.index.sentence_cos(cand, res.qvec)) and len(res._cos) == 1
    res.focus_sent(cand)  # (writes the focus cosines into its own copy)
    assert np.array_equal(res.dense_sent(cand), kb.index.sentence_cos(cand, res.qvec))
