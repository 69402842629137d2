"""The index as the serving process holds it: texts on disk, rows as arrays, passage vectors
from sentence vectors, and the approximate dense index used above a size."""
import numpy as np
import pytest

from retrieval.index import base as index_mod
from retrieval.service import Answerer
from tests.conftest import make_settings
from tests.helpers import ARTICLES, questions


def test_rows_read_their_text_from_disk_and_match_the_store(kb):
    ix = kb.index
    stored = {c.id: c for c in kb.store.chunks()}
    assert len(ix.chunks) == len(stored) and len(ix.sentences) == len(ix.sent_vecs)
    by_article = {}
    for c in stored.values():
        by_article.setdefault(c.article_id, []).append(c)
    for article_id, chunks in by_article.items():
        ids = list(ix.article_chunk_ids(article_id))
        assert [ix.chunks[i]["text"] for i in ids] == [c.text for c in sorted(chunks, key=lambda c: c.ord)]
        assert ix.text_of(article_id) == " ".join(c.text for c in sorted(chunks, key=lambda c: c.ord))
        for s in ix.article_sentences.get(article_id):  # every sentence of the article is inside a passage of it
            assert ix.chunk_article[ix.sentences[s]["chunk"]] == article_id
            assert ix.sentences[s]["text"] in ix.chunks[ix.sentences[s]["chunk"]]["text"]


def test_a_passage_vector_is_the_mean_direction_of_its_sentences(kb):
    ix = kb.index
    for ci in range(len(ix.chunks)):
        own = range(int(ix.chunk_sents[ci]), int(ix.chunk_sents[ci + 1]))
        if len(own):
            mean = ix.sent_vecs[list(own)].astype(np.float32).sum(0)
            mean /= np.linalg.norm(mean)
            assert float(ix.dense_chunks.reconstruct(ci) @ mean) > 0.999


def test_the_approximate_index_finds_the_same_articles(tmp_path, embedder, kb, monkeypatch):
    monkeypatch.setattr(index_mod, "ANN_MIN_PASSAGES", 1)  # every size takes the IVF path
    ann = Answerer(make_settings(tmp_path), embedder=embedder)
    ann.ingest([ARTICLES], progress=False)
    ix = ann.ensure_fresh()
    assert type(ix.dense_chunks).__name__ == "IndexIVFScalarQuantizer"
    answerable = [q for q in questions() if q.get("article_id")]
    same = [ann.ask(q["question"]).answer.ranked[:1] == kb.ask(q["question"]).answer.ranked[:1] for q in answerable]
    assert sum(same) >= 0.95 * len(answerable)


def test_a_change_goes_live_beside_the_built_index_and_a_full_build_agrees(tmp_path, embedder):
    from knowledge.models import Article

    ans = Answerer(make_settings(tmp_path), embedder=embedder)
    ans.ingest([ARTICLES], progress=False)
    built = ans.ensure_fresh()
    store = ans.store
    question = "Hội thi tay nghề Hòa Khánh 2026 có bao nhiêu thí sinh?"
    assert "46 thí sinh" not in (ans.ask(question).answer.span or "")
    store.upsert(Article(id="tay-nghe-hoa-khanh", origin="test:tay-nghe", title="Hội thi tay nghề công nhân "
                         "khu công nghiệp Hòa Khánh năm 2026", date="2026-09-12",
                         text="Ngày 12/9/2026, Công đoàn khu công nghiệp Hòa Khánh tổ chức hội thi tay nghề với "
                              "46 thí sinh đến từ 19 doanh nghiệp. Giải nhất thuộc về thí sinh Lê Văn Tám."))
    sumvay = next(a["id"] for a in ans.articles() if "Sum vầy" in a["title"])
    old = store.article(sumvay)
    store.upsert(Article(id=old.id, origin=old.origin, title=old.title, date=old.date, url=old.url,
                         text=old.text.replace("4.800 suất quà", "5.100 suất quà")))
    gone = next(a["id"] for a in ans.articles() if "Phú Nghĩa" in a["title"])
    from retrieval.catalogue import calendar

    assert any(e.article_id == gone for e in calendar.events(built))  # it has dates on the calendar
    store.remove(gone)
    live = ans.refresh()
    assert live.overlay is not None and live.base_revision == built.revision  # nothing rebuilt on disk
    assert live.revision == store.revision and ans.index.version.startswith(built.version)
    new = ans.ask(question).answer
    assert new.found and "46 thí sinh" in new.span and new.sources[0].article_id == "tay-nghe-hoa-khanh"
    import datetime

    ahead = ans.upcoming(datetime.date(2026, 9, 1))  # the new article's date is on the calendar at once
    assert any(e.article_id == "tay-nghe-hoa-khanh" and e.date == datetime.date(2026, 9, 12) for e in ahead)
    assert all(e.article_id != gone for e in calendar.events(ans.index))  # a removed article's dates are gone
    changed = ans.ask("Tết Sum vầy 2025 trao bao nhiêu suất quà?").answer
    assert changed.found and "5.100" in changed.span and "4.800" not in changed.sentence
    assert gone not in [s.article_id for s in ans.ask("Hội thao Phú Nghĩa 2024 có bao nhiêu đội?").answer.sources]
    assert gone not in [a for a, _ in __import__("retrieval.index.search", fromlist=["search"]).search(
        live, embedder, "hội thao công nhân Phú Nghĩa").article_ranking]
    # A full build of the same store ranks the same articles first for the corpus questions.
    overlay_top = {q["question"]: ans.ask(q["question"]).answer.ranked[:1] for q in questions()}
    ans.rebuild()
    assert ans.index.overlay is None
    same = [ans.ask(q).answer.ranked[:1] == top for q, top in overlay_top.items()]
    assert sum(same) >= 0.95 * len(same)


def test_bm25_of_chosen_documents_equals_the_full_pass(kb):
    ix = kb.index
    for q in questions()[:12]:
        for lex in (ix.lex_chunks, ix.lex_sents):
            full = lex.scores(q["question"])
            some = np.arange(0, lex.n_docs, 3)
            assert np.allclose(lex.scores_for(q["question"], some), full[some], atol=1e-5)
            top = lex.top(q["question"], 5, max_df_share=1.0)
            assert set(top) <= set(np.flatnonzero(full > 0)) and len(top) <= 5


def test_a_question_asked_again_is_not_embedded_again(embedder, monkeypatch):
    """A chat turn embeds its message alone and again as the merged question's focus; the second time costs nothing,
    the vector is the model's own (read-only, so no caller can change it for the next), and the kept ones are bounded."""
    from retrieval.index.recent import Recent

    monkeypatch.setattr(embedder, "_asked", Recent(2))
    runs = []
    real = embedder.engine.encode
    monkeypatch.setattr(embedder.engine, "encode", lambda texts: runs.append(list(texts)) or real(texts))
    first = embedder.query("Hội thao công nhân tổ chức ở đâu?")
    again = embedder.query("Hội thao công nhân tổ chức ở đâu?")
    assert again is first and len(runs) == 1
    assert np.allclose(first, real([embedder.query_prefix + "Hội thao công nhân tổ chức ở đâu?"])[0], atol=1e-6)
    with pytest.raises(ValueError):
        first[0] = 1.0
    embedder.query("ai chủ trì?")
    embedder.query("bao nhiêu người dự?")  # the third question pushes out the least recent
    embedder.query("Hội thao công nhân tổ chức ở đâu?")
    assert len(runs) == 4 and embedder._asked.keys() == ["bao nhiêu người dự?", "Hội thao công nhân tổ chức ở đâu?"]
