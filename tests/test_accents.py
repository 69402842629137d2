"""Accent restoration on a knowledge base of three short articles (tests/data/small_kb, written by
the team): members' questions use words the articles never wrote, and general Vietnamese
syllable statistics shipped with the package (retrieval/index/vi_syllables.tsv) supply them."""
from __future__ import annotations

import json

import pytest

from knowledge.text import fold
from retrieval.index.restore import GENERAL_FILE, General, Restorer, general
from retrieval.service import Answerer
from tests.conftest import make_settings
from tests.helpers import DATA

SMALL_KB = DATA / "small_kb"

# Typed without accents, each needs syllables none of the three articles holds ("khởi hành",
# "nhà ga", "dự kiến", "bữa", "hành khách").
QUESTIONS = [
    "Đoàn tàu đưa công nhân về quê ăn Tết khởi hành từ nhà ga nào?",
    "Năm sau quỹ khuyến học dự kiến trao mấy suất?",
    "Bữa ăn giữa ca của công nhân được bao nhiêu tiền?",
    "Hành khách trên tàu được tặng quà gì?",
]


def _texts() -> list[str]:
    out = []
    for p in sorted(SMALL_KB.glob("*.json")):
        a = json.loads(p.read_text(encoding="utf-8"))
        out += [f"{a['title']}.", a["text"]]
    return out


def test_general_statistics_are_vietnamese_and_shipped():
    g = general()
    assert GENERAL_FILE.stat().st_size < 2_000_000  # loaded once per process: keep it small
    forms = g.shares["tu"]
    assert max(forms, key=forms.get) == "từ" and abs(sum(forms.values()) - 1) < 1e-9
    assert "robinson" not in g.shares  # foreign tokens of the word list are left out
    assert "xuất phát" in g.pairs and "công đoàn" in g.pairs


def test_a_small_knowledge_base_restores_words_it_never_wrote():
    ours = Restorer.build(_texts())
    alone = Restorer(ours.uni, ours.bi, gen=General())  # the knowledge base's own counts only
    for q in QUESTIONS:
        assert ours.restore(fold(q)).lower() == q.lower(), q
        assert alone.restore(fold(q)).lower() != q.lower(), q  # what the shipped counts add
    # Where the knowledge base has counts they decide: its names and its own pairs.
    assert ours.restore("ga Bien Hoa") == "ga Biên Hòa"
    assert ours.restore("quy khuyen hoc cua cong doan") == "quỹ khuyến học của công đoàn"
    assert ours.restore("xyzzy") == "xyzzy"  # neither knows it: stays as typed


def test_saved_restorer_keeps_only_the_knowledge_base_counts(tmp_path):
    r = Restorer.build(_texts())
    r.save(tmp_path / "restore.json")
    saved = json.loads((tmp_path / "restore.json").read_text(encoding="utf-8"))
    assert "khoi" not in saved["uni"]  # general counts join at load time, not in the index
    back = Restorer.load(tmp_path / "restore.json")
    assert back.restore(fold(QUESTIONS[0])) == r.restore(fold(QUESTIONS[0]))


@pytest.fixture(scope="module")
def small_kb(tmp_path_factory, embedder):
    answerer = Answerer(make_settings(tmp_path_factory.mktemp("small-kb")), embedder=embedder)
    answerer.ingest([SMALL_KB], progress=False)
    answerer.ensure_fresh()
    return answerer


@pytest.mark.parametrize("question, article, span", [
    ("Chuyến tàu Công đoàn Xuân 2026 xuất phát từ ga nào?", "chuyentau-xuan-2026", "ga Biên Hòa"),
    ("Đoàn tàu đưa công nhân về quê ăn Tết khởi hành từ nhà ga nào?", "chuyentau-xuan-2026", "ga Biên Hòa"),
    ("Mỗi em học sinh nhận được học bổng bao nhiêu tiền?", "hocbong-connhan-2025", "2.000.000 đồng"),
    ("Người đứng đầu công đoàn khu công nghiệp là ai?", "hocbong-connhan-2025", "Lê Thị Hạnh"),
    ("Lương của công nhân dệt may tăng thêm mấy phần trăm?", "hoinghi-nld-2024", "7%"),
    ("Năm sau quỹ khuyến học dự kiến trao mấy suất?", "hocbong-connhan-2025", "150 suất"),
    ("Có bao nhiêu người tham dự hội nghị của công ty dệt may?", "hoinghi-nld-2024", "230 đại biểu"),
])
def test_unaccented_questions_answered_like_accented_ones(small_kb, question, article, span):
    accented = small_kb.ask(question).answer
    plain = small_kb.ask(fold(question)).answer
    for ans in (accented, plain):
        assert ans.found and ans.sources[0].article_id == article and span in ans.span, (ans.question, ans.span)
    assert plain.span == accented.span


def test_a_question_typed_with_accents_keeps_its_own_unaccented_words():
    """Written by the team: "cho" typed so in a question with accents is the word "cho", though the knowledge base
    writes "chợ công nhân" more often than "cho công nhân" (params.KEEP_TYPED); "cong nhan", which no word is
    typed so, is restored."""
    from retrieval.params import KEEP_TYPED
    r = Restorer.build(["Chợ công nhân mở cửa từ sáng.", "Chợ công nhân bán hàng giá rẻ.", "Công đoàn tặng quà cho công nhân."])
    q = "Công đoàn tặng quà gì cho công nhân?"
    assert r.restore(q) == "Công đoàn tặng quà gì chợ công nhân?"  # read as typed without accents: "chợ"
    assert r.restore(q, KEEP_TYPED) == q
    assert r.restore("Công đoàn tặng quà gì cho cong nhan?", KEEP_TYPED) == q  # a miss is still restored


def test_words_left_without_accents_in_an_accented_question_are_restored(small_kb):
    """Written by the team: a member typing with accents leaves them off some words; the question is still
    read as typed with accents, and embedded with those words restored."""
    from retrieval.index.search import make_query
    q = make_query(small_kb.index, "cho em hỏi mỗi suất hoc bong trị giá bao nhiêu tiền ạ")
    assert q.accented and q.dense_text == "mỗi suất học bổng trị giá bao nhiêu tiền"
    q = make_query(small_kb.index, "Chuyến tàu công đoàn xuat phat từ ga nào?")
    assert q.dense_text == "Chuyến tàu công đoàn xuất phát từ ga nào?"
    assert make_query(small_kb.index, "Ai là chủ tịch công đoàn khu công nghiệp?").dense_text == \
        "Ai là chủ tịch công đoàn khu công nghiệp?"  # its words without accents stay as typed


def test_a_question_typed_without_any_accent_is_searched_mostly_by_its_folded_words(small_kb):
    """Written by the team: only a question typed without a single accent has every accent of its embedded text
    guessed (`search.guessed`), and is searched with the lexical side weighing more (params.WEIGHTS[False]); one
    typed with accents whose syllables mostly carry none ("trao cho con … long an") is not, nor one typed with
    accents on a few words. Either way the article found is the one its words name."""
    from retrieval.index.search import guessed, make_query, search
    from retrieval.params import WEIGHTS
    bare = "chuyen tau cong doan xuan 2026 xuat phat tu ga nao"
    assert guessed(make_query(small_kb.index, bare))
    assert guessed(make_query(small_kb.index, "cd tang qua gi cho hanh khach tren tau vay"))  # shorthand written out
    assert not guessed(make_query(small_kb.index, "Quỹ trao cho con công nhân mấy suất học bổng?"))
    assert not guessed(make_query(small_kb.index, "cho e hỏi hoc bong mỗi em bao nhieu tien"))
    assert WEIGHTS[False][0] > WEIGHTS[True][0]
    for q in (bare, "Chuyến tàu Công đoàn Xuân 2026 xuất phát từ ga nào?"):
        assert search(small_kb.index, small_kb.embedder, q).article_ranking[0][0] == "chuyentau-xuan-2026"
