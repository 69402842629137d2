import json
import unicodedata

import pytest

from tests.conftest import database

from knowledge import facts
from knowledge.chunk import MAX_CHARS, chunk_article
from knowledge.ingest import ingest_paths
from bot.core.texts import explain, ingest_summary
from knowledge.loaders import LoadError, load_file
from knowledge.models import Article
from knowledge.store import Store
from knowledge.text import fold, fold_same_length, has_diacritics, normalize, split_sentences
from tests.helpers import ARTICLES, N_ARTICLES, NOISY_TXT, ROOT, article, questions, sentence_with


@pytest.fixture
def store(tmp_path):
    s = Store(database(tmp_path / "kb.sqlite3"))
    yield s
    s.close()


def test_scraped_page_is_cleaned():
    [art] = load_file(NOISY_TXT)
    assert art.title == "Công đoàn Bưu điện tỉnh Quảng Trị phát động thi đua năm 2022"
    assert art.date == "2022-03-14"
    assert art.text.count("vừa phát động phong trào thi đua năm 2022") == 1  # the "..." lede is dropped
    assert not art.text.startswith(art.title)  # the title line is not body text
    assert not art.text.rstrip().endswith("PV")  # the byline
    assert "\u00a0" not in art.text and "Thứ hai" not in art.text


def test_shipped_sample_is_cleaned():
    from knowledge.sample import sample_dir

    [art] = load_file(next(sample_dir().glob("*.txt")))
    assert art.date == "2021-10-20" and "Hoà" not in art.text  # one tone placement everywhere
    assert not art.text.rstrip().endswith("CTV") and "\u00a0" not in art.text


def test_tone_placement_and_nfd_are_unified():
    assert normalize("Hoà") == normalize("Hòa") == "Hòa"
    assert normalize("thuỷ") == normalize("thủy")
    assert normalize("khoẻ") == normalize("khỏe")
    assert normalize("quý") == "quý"  # qu + y keeps the tone on y
    assert normalize("hoàng") == "hoàng"  # closed syllable untouched
    nfd = unicodedata.normalize("NFD", "Công đoàn Việt Nam hoà bình")
    assert normalize(nfd) == normalize("Công đoàn Việt Nam hòa bình")
    assert normalize("a\u00a0b\u2009c\u200bd") == "a b cd"


def test_folding_matches_unaccented_typing():
    assert fold("Khẩu hiệu hành động Đoàn") == "khau hieu hanh dong doan"
    assert fold(normalize(unicodedata.normalize("NFD", "Đại hội"))) == "dai hoi"
    assert has_diacritics("công đoàn") and not has_diacritics("cong doan")


def test_same_length_folding_keeps_every_offset():
    # The table-driven form gives what folding each character alone gives, for composed and
    # decomposed accents, capitals and letters whose lowercase is longer ("İ").
    texts = [load_file(p)[0].text for p in sorted(ARTICLES.iterdir())[:5]] + ["ĐẠI HỘI Công đoàn Hòa Bình", unicodedata.normalize("NFD", "Thủy Điện"),
                                               "İzmir – Ǆ – ẞ 50%"]
    for text in texts:
        folded = fold_same_length(text)
        assert len(folded) == len(text)
        assert folded == "".join((fold(c) or c)[:1] for c in text)
    assert fold_same_length("Nghiệp đoàn Xe ôm") == "nghiep doan xe om"


def test_sentence_split_keeps_abbreviations():
    sents = split_sentences("Lễ tổ chức tại TP. HCM vào ngày 02/9. Sau đó đoàn về Hà Nội! Hết")
    assert sents == ["Lễ tổ chức tại TP. HCM vào ngày 02/9.", "Sau đó đoàn về Hà Nội!", "Hết"]


def test_loaders_html_docx_json_jsonl_md(tmp_path):
    html = tmp_path / "bai-html.html"
    html.write_text(
        "<html><head><title>Trang tin</title><meta property='article:published_time' content='2024-05-01'>"
        "</head><body><nav>Trang chủ | Tin tức</nav><article><h1>Hội thao công nhân 2024</h1>"
        "<p>Sáng ngày 1/5/2024, Công đoàn khu công nghiệp tổ chức hội thao cho hơn 500 đoàn viên "
        "với khẩu hiệu “Khỏe để lao động sáng tạo”.</p><p>Giải gồm 6 môn thi đấu, thu hút nhiều "
        "công nhân tham gia cổ vũ nhiệt tình trong suốt hai ngày.</p></article>"
        "<footer>Bản quyền thuộc về tòa soạn</footer></body></html>", encoding="utf-8")
    [a] = load_file(html)
    assert a.id == "bai-html" and a.date == "2024-05-01"
    assert "Hội thao" in a.title and "500 đoàn viên" in a.text and "Bản quyền" not in a.text

    import docx
    d = docx.Document()
    d.add_paragraph("Thứ hai, 06/01/2025")
    d.add_paragraph("Công đoàn trường tổ chức Tết sum vầy")
    d.add_paragraph("Công đoàn trường trao 120 suất quà cho đoàn viên có hoàn cảnh khó khăn.")
    d.save(tmp_path / "tet.docx")
    [w] = load_file(tmp_path / "tet.docx")
    assert (w.id, w.title, w.date) == ("tet", "Công đoàn trường tổ chức Tết sum vầy", "2025-01-06")
    assert "120 suất quà" in w.text

    (tmp_path / "rec.json").write_text(json.dumps(
        {"id": "r1", "title": "Tiêu đề", "date": "2023-03-08", "url": "https://example.org/a",
         "text": "Nội dung bài viết về ngày 8/3."}, ensure_ascii=False), encoding="utf-8")
    [j] = load_file(tmp_path / "rec.json")
    assert (j.id, j.url, j.date) == ("r1", "https://example.org/a", "2023-03-08")

    (tmp_path / "many.jsonl").write_text(
        '{"id": "x1", "title": "Một", "text": "Bài một."}\n\n{"title": "Hai", "source": "s", "text": "Bài hai."}\n',
        encoding="utf-8")
    ids = [a.id for a in load_file(tmp_path / "many.jsonl")]
    assert ids == ["x1", "many-3"]

    (tmp_path / "ghi-chu.md").write_text("# Tiêu đề Markdown\n\nThân bài có nội dung.\n", encoding="utf-8")
    [m] = load_file(tmp_path / "ghi-chu.md")
    assert m.title == "Tiêu đề Markdown" and m.text == "Thân bài có nội dung."


def test_broken_files_are_skipped_and_nothing_is_lost(store, tmp_path):
    good = tmp_path / "src"
    good.mkdir()
    (good / "a.json").write_text(json.dumps({"id": "a", "title": "A", "text": "Văn bản A đủ dài."}),
                                 encoding="utf-8")
    assert ingest_paths(store, [good], progress=False).added == ["a"]
    (good / "broken.json").write_text("{not json", encoding="utf-8")
    (good / "broken.docx").write_bytes(b"this is not a zip")
    report = ingest_paths(store, [good, tmp_path / "missing"], progress=False)
    reasons = dict(report.skipped)
    assert set(reasons) == {str(good / "broken.json"), str(good / "broken.docx"), str(tmp_path / "missing")}
    assert reasons[str(good / "broken.json")].code == "json"
    assert report.unchanged == ["a"]
    assert store.article("a") is not None


def test_reingest_is_idempotent_and_edits_replace_own_chunks(store, tmp_path):
    report = ingest_paths(store, [ARTICLES], progress=False)
    assert report.articles == N_ARTICLES and len(report.added) == N_ARTICLES
    rev = store.revision
    chunks_before = {c.id for c in store.chunks()}
    again = ingest_paths(store, [ARTICLES], progress=False)
    assert len(again.unchanged) == N_ARTICLES and store.revision == rev
    assert {c.id for c in store.chunks()} == chunks_before

    rec = article("atvsld-thainguyen-2026")
    rec["text"] += "\n\nĐoạn bổ sung mới về hội thi an toàn vệ sinh viên giỏi năm 2026."
    f = ARTICLES / "atvsld-thainguyen-2026.json"
    original = f.read_text(encoding="utf-8")
    try:  # the same file (same source), edited in place
        f.write_text(json.dumps(rec, ensure_ascii=False), encoding="utf-8")
        edited = ingest_paths(store, [f], progress=False)
    finally:
        f.write_text(original, encoding="utf-8")
    assert edited.updated == ["atvsld-thainguyen-2026"]
    after = {c.id for c in store.chunks()}
    other = {c.id for c in store.chunks() if c.article_id != "atvsld-thainguyen-2026"}
    assert other <= chunks_before and other == {c.id for c in store.chunks()} - {
        c.id for c in store.chunks("atvsld-thainguyen-2026")}
    assert after != chunks_before
    assert store.remove("atvsld-thainguyen-2026") and store.article("atvsld-thainguyen-2026") is None
    assert store.chunks("atvsld-thainguyen-2026") == []


def test_chunks_respect_size_and_carry_title_date():
    long_sentence = ", ".join(["đoàn viên công đoàn tham gia phong trào thi đua lao động giỏi"] * 40) + "."
    art = Article(id="x", title="Tiêu đề", date="2024-01-01", text=long_sentence + "\n\nCâu ngắn.")
    chunks = chunk_article(art)
    assert all(len(c.text) <= MAX_CHARS for c in chunks) and len(chunks) >= 3
    assert all(c.title == "Tiêu đề" and c.date == "2024-01-01" for c in chunks)
    assert [c.id for c in chunk_article(art)] == [c.id for c in chunks]  # stable
    for path in ARTICLES.iterdir():
        for c in chunk_article(load_file(path)[0]):
            assert 0 < len(c.text) <= MAX_CHARS


def _text(article_id: str) -> str:
    return "\n\n".join(a.text for a in load_file(next(ARTICLES.glob(f"{article_id}.*"))))


def test_facts_in_article_sentences():
    [noisy] = load_file(NOISY_TXT)
    s = sentence_with(noisy.text, "Chỉ thị")
    assert [x.text for x in facts.directives(s)][0].startswith("Chỉ thị số 05/CT-CĐBĐ")
    assert "ngày 03/01/2022" in [x.text for x in facts.dates(s)]
    assert [q.text for q in facts.quotes(noisy.text)] == ["Năng suất, chất lượng, phục vụ tận tâm"]
    # Every dated answer of the test questions is found by the date patterns in its article.
    dated = [q for q in questions() if q["type"] == "date" and q["answer"]]
    assert len(dated) >= 5
    for q in dated:
        spans = [d.text for d in facts.dates(_text(q["article_id"]))]
        assert any(q["answer"] in sp for sp in spans), (q["answer"], spans)
    # Spans are kept per sentence for the next question: frozen, so a caller cannot change the kept ones.
    with pytest.raises(AttributeError):
        facts.dates(s)[0].start = 0
    assert facts.dates(s) == facts.dates(s) and facts.dates(s) is not facts.dates(s)
    # A run of days whose first day shares the last day's month and year is one span, from its first day.
    for text, span in [("Giải chạy diễn ra từ ngày 4 đến 6/9/2025 tại sân vận động huyện.", "từ ngày 4 đến 6/9/2025"),
                       ("Lớp tập huấn mở từ sáng ngày 8 tới hết ngày 10/11.", "từ sáng ngày 8 tới hết ngày 10/11"),
                       ("Từ 14/2 đến 16/2/2026, công đoàn tặng quà.", "Từ 14/2 đến 16/2/2026")]:
        assert [x.text for x in facts.dates(text)] == [span], text
    assert facts.dates("Năng suất tăng từ 2 đến 4 lần.") == []  # no month: not a date
    # Counted quantities keep their noun.
    for aid, expected in [("maiam-danang-2023", "35 căn Mái ấm Công đoàn"), ("tetsumvay-binhdinh-2025", "4.800 suất quà"),
                          ("thoauoc-detmay-namdinh-2020", "25.000 đồng")]:
        nums = [n.text for n in facts.numbers(_text(aid))]
        assert any(n.startswith(expected) or expected.startswith(n) and len(n) > 6 for n in nums), (aid, nums)


def test_cli_ingest_list_show_remove(cli):
    code, out = cli("ingest", "-q", str(ARTICLES))
    assert code == 0 and f"Đã thêm {N_ARTICLES}" in out
    assert "Nhúng" not in cli.err and "%|" not in cli.err  # -q: no progress bars, embedding included
    listing = json.loads(cli("list", "--json")[1])
    assert len(listing) == N_ARTICLES and all(x["chunks"] > 0 for x in listing)
    shown = json.loads(cli("show", "--json", "buudien-quangtri-2022")[1])
    assert shown["date"] == "2022-03-14" and any(f["kind"] == "directive" for c in shown["chunks"] for f in c["facts"])
    assert cli("remove", "buudien-quangtri-2022")[0] == 0
    assert cli("show", "buudien-quangtri-2022")[0] == 1
    assert len(json.loads(cli("list", "--json")[1])) == N_ARTICLES - 1


def test_photo_credits_are_stripped_but_captions_kept():
    from knowledge.clean import clean_text

    text = ("Công nhân nhận quà Tết tại nhà văn hóa khu công nghiệp. Ảnh: T.H\n\n"
            "Ông Nguyễn Văn An, Chủ tịch công đoàn, trao quà cho công nhân .Ảnh: MINH ANH\n\n"
            "Khẩu hiệu của ngày hội là: “Tết sum vầy”.")
    cleaned = clean_text(text)
    assert "Ảnh" not in cleaned and "MINH ANH" not in cleaned
    assert "Chủ tịch công đoàn, trao quà cho công nhân" in cleaned and "“Tết sum vầy”" in cleaned


def test_paragraph_cut_mid_sentence_is_joined():
    from knowledge.clean import clean_text

    text = ("Thực hiện kế hoạch năm, nhằm nâng cao nghiệp vụ cho cán bộ công đoàn các cấp trong toàn tỉnh, "
            "ngày 2/3/2024, tại Hội trường Liên đoàn Lao động tỉnh\n\n"
            "Ban Tổ chức đã khai giảng lớp bồi dưỡng cho 60 học viên.\n\nTiêu đề ngắn\n\nĐoạn sau.")
    pars = clean_text(text).split("\n\n")
    assert pars[0].endswith("Liên đoàn Lao động tỉnh Ban Tổ chức đã khai giảng lớp bồi dưỡng cho 60 học viên.")
    assert pars[1:] == ["Tiêu đề ngắn", "Đoạn sau."]


def test_identity_is_the_source_not_the_file_name(store, tmp_path):
    """A file never replaces an article from another source because their names match."""
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir(), b.mkdir()
    (a / "tin-moi.txt").write_text("Hội nghị công đoàn quận\n\nHội nghị công đoàn quận có 80 đại biểu.\n", encoding="utf-8")
    (b / "tin-moi.txt").write_text("Giải bóng đá công nhân\n\nGiải bóng đá công nhân có 16 đội.\n", encoding="utf-8")
    first = ingest_paths(store, [a], progress=False)
    second = ingest_paths(store, [b], progress=False)
    assert first.added == ["tin-moi"] and second.added == ["tin-moi-2"]
    assert second.renamed == [("tin-moi", "tin-moi-2")] and "đổi mã tin-moi → tin-moi-2" in ingest_summary(second)
    assert "80 đại biểu" in store.article("tin-moi").text and "16 đội" in store.article("tin-moi-2").text
    # The same sources again: each updates its own article, nothing is renamed twice.
    (b / "tin-moi.txt").write_text("Giải bóng đá công nhân\n\nGiải bóng đá công nhân có 18 đội.\n", encoding="utf-8")
    again = ingest_paths(store, [a, b], progress=False)
    assert again.unchanged == ["tin-moi"] and again.updated == ["tin-moi-2"] and not again.renamed
    assert "18 đội" in store.article("tin-moi-2").text and store.count()[0] == 2
    # JSONL records are told apart by their own id inside one file.
    (tmp_path / "many.jsonl").write_text('{"id": "x", "title": "Một", "text": "Bài một có nội dung."}\n'
                                         '{"id": "y", "title": "Hai", "text": "Bài hai có nội dung."}\n', encoding="utf-8")
    assert ingest_paths(store, [tmp_path / "many.jsonl"], progress=False).added == ["x", "y"]


def test_bounded_work_names_the_limit(store, tmp_path):
    from knowledge.loaders import Limits

    big = tmp_path / "big.txt"
    big.write_text("Tiêu đề\n\n" + "Công đoàn cơ sở tổ chức hội thao cho đoàn viên. " * 3000, encoding="utf-8")
    report = ingest_paths(store, [big], progress=False, limits=Limits(max_file_mb=0.1, max_article_chars=10**6))
    assert dict(report.skipped)[str(big)].code == "too_big" and store.count()[0] == 0
    assert "UNIONBOT_MAX_FILE_MB" in explain(dict(report.skipped)[str(big)])
    report = ingest_paths(store, [big], progress=False, limits=Limits(max_file_mb=5, max_article_chars=50_000))
    assert dict(report.skipped)[str(big)].code == "too_long" and store.count()[0] == 0
    assert "UNIONBOT_MAX_ARTICLE_CHARS" in explain(dict(report.skipped)[str(big)])


def test_jsonl_bad_lines_are_skipped_with_their_number(store, tmp_path):
    f = tmp_path / "tin.jsonl"
    f.write_text('{"id": "a", "title": "Một", "text": "Bài một có nội dung."}\n'
                 '{"id": "b", "title": "Hai", "text": \n'
                 '{"id": "c", "title": "Ba", "text": "Bài ba có nội dung."}\n', encoding="utf-8")
    report = ingest_paths(store, [f], progress=False)
    assert report.added == ["a", "c"]
    assert report.skipped == [(f"{f}:2", LoadError("row", line=2, cause=LoadError("json_row", error="Expecting value")))]
    assert explain(report.skipped[0][1]) == "dòng 2: JSON lỗi (Expecting value)"


def test_legacy_encodings_are_decoded(store, tmp_path):
    text = "Hội thao công đoàn\n\nCông đoàn cơ sở tổ chức hội thao cho đoàn viên người lao động năm 2024."
    (tmp_path / "utf16.txt").write_bytes(text.encode("utf-16"))
    # Windows-1258 has the letters â ê ô ơ ư ă đ but the five tones only as combining marks.
    tones = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}

    def cp1258(ch: str) -> str:
        parts = unicodedata.normalize("NFD", ch)
        return unicodedata.normalize("NFC", "".join(c for c in parts if c not in tones)) + \
            "".join(c for c in parts if c in tones)

    (tmp_path / "cp1258.txt").write_bytes("".join(map(cp1258, text)).encode("cp1258"))
    report = ingest_paths(store, [tmp_path], progress=False)
    assert sorted(report.added) == ["cp1258", "utf16"] and not report.skipped
    assert store.article("cp1258").text == store.article("utf16").text == normalize(text.split("\n\n")[1])


def test_empty_folder_is_reported(store, tmp_path):
    (tmp_path / "empty").mkdir()
    (tmp_path / "odd").mkdir()
    (tmp_path / "odd" / "anh.png").write_bytes(b"\x89PNG")
    assert "empty folder" in ingest_summary(ingest_paths(store, [tmp_path / "empty"], progress=False))
    assert "không có tệp nào được hỗ trợ" in ingest_summary(ingest_paths(store, [tmp_path / "odd"], progress=False))


def test_internal_addresses_are_refused():
    from knowledge.fetch import FetchError, check_address

    for url in ("http://127.0.0.1:8080/x", "http://localhost/", "http://10.1.2.3/", "http://192.168.1.1/",
                "http://169.254.169.254/latest/meta-data/", "http://[::1]/", "ftp://example.org/x"):
        with pytest.raises(FetchError):
            check_address(url, allow_private=False)
    check_address("http://127.0.0.1:8080/x", allow_private=True)  # an operator's explicit choice


def test_cli_edge_cases(cli, tmp_path):
    (tmp_path / "empty").mkdir()
    code, out = cli("ingest", "-q", str(tmp_path / "empty"))
    assert code == 1 and "empty folder" in out
    code, out = cli("ask", "--json", "")
    assert code == 2 and json.loads(out)["found"] is False


def test_cli_lists_shows_and_removes_hoi_dap_too(cli):
    assert cli("ingest", "-q", str(ROOT / "tests" / "data" / "faq.jsonl"), str(ROOT / "tests" / "data" / "faq.csv"))[0] == 0
    rows = json.loads(cli("list", "--json")[1])
    assert {r["id"] for r in rows if r["kind"] == "faq"} == {"doanphi", "ketnap", "nghiphep"}
    nghiphep = next(r for r in rows if r["id"] == "nghiphep")
    assert nghiphep["questions"] == ["Người lao động được nghỉ phép năm bao nhiêu ngày?", "Một năm được nghỉ phép mấy ngày?"]
    code, out = cli("show", "doanphi")
    assert code == 0 and out.startswith("H: Đoàn phí công đoàn đóng bao nhiêu?") and "Căn cứ:" in out
    assert cli("remove", "doanphi")[0] == 0 and "doanphi" not in cli("list")[1]


def test_reload_prunes_what_left_its_source(store, tmp_path):
    from knowledge.fetch import reload_sources

    folder = tmp_path / "src"
    folder.mkdir()
    faq = folder / "hoidap.jsonl"
    faq.write_text('{"id": "a", "question": "Câu hỏi một?", "answer": "Trả lời một."}\n'
                   '{"id": "b", "question": "Câu hỏi hai?", "answer": "Trả lời hai."}\n', encoding="utf-8")
    (folder / "tin.txt").write_text("Tin công đoàn\n\nCông đoàn cơ sở tổ chức hội thao.\n", encoding="utf-8")
    first = reload_sources(store, [str(folder)])
    assert sorted(first.added) == ["a", "b", "tin"]
    faq.write_text('{"id": "a", "question": "Câu hỏi một?", "answer": "Trả lời một."}\n', encoding="utf-8")
    (folder / "tin.txt").unlink()
    again = reload_sources(store, [str(folder)])
    assert sorted(again.removed) == ["b", "tin"] and [e.id for e in store.faq_entries()] == ["a"]


def test_folded_words_find_a_name_as_whole_words():
    from knowledge.text import folded_words

    said = folded_words("Công ty Điện lực Hà Nội (EVNHANOI), năm 2024!")
    assert said == " cong ty dien luc ha noi evnhanoi nam 2024 "
    assert folded_words("điện lực hà nội") in said and folded_words("Hà") in said
    assert folded_words("lực Hà Nộ") not in said and folded_words("") not in said
