"""Which article is read first when it holds the year asked only as a law's or a comparison's
(retrieval/answering/answer.py: years_only_named), and members' words for what news says (language/chat.py).

Sentences written for these tests (general news writing about contests, training courses and Tết gifts)."""
from types import SimpleNamespace

import numpy as np

from retrieval.answering.answer import _read_on, years_only_named

ARTICLES = {
    "thi5": ("Bế mạc Hội thi tay nghề công nhân tỉnh Hòa Bình",
             "Ngày 12/5/2023, LĐLĐ tỉnh Hòa Bình tổng kết hội thi với 90 thí sinh. Giải Nhất thuộc về đội Công ty "
             "May Sông Đà."),
    "thi6": ("30 đội tranh tài tại Hội thi tay nghề công nhân lần thứ VI",
             "Ngày 20/8/2025, LĐLĐ tỉnh Hòa Bình khai mạc Hội thi tay nghề công nhân lần thứ VI năm 2025. "
             "So với lần thứ V năm 2023, số thí sinh tăng gấp rưỡi, lên 135 người."),
    "lop25": ("LĐLĐ tỉnh tập huấn kỹ năng số cho cán bộ công đoàn",
              "Từ ngày 3 đến 4/6/2025, LĐLĐ tỉnh mở lớp tập huấn cho 120 cán bộ công đoàn cơ sở. Báo cáo viên "
              "giới thiệu những điểm mới của Luật Công đoàn năm 2024. Kinh phí lớp học là 95 triệu đồng."),
}


def test_a_year_written_only_as_a_laws_is_no_year_of_the_article():
    """A law named by its year ("Luật Công đoàn năm 2024") and a comparison's year date no event of the article."""
    text = " ".join(ARTICLES["lop25"])
    assert years_only_named("kinh phi lop tap huan nam 2024 la bao nhieu", text) == ["năm 2024"]
    assert years_only_named("Lớp tập huấn năm 2024 tốn bao nhiêu?", text) == ["năm 2024"]
    assert years_only_named("Lớp tập huấn năm 2025 tốn bao nhiêu?", text) == []  # its own year
    assert years_only_named("Lớp tập huấn năm 2022 tốn bao nhiêu?", text) == []  # not written at all: another check's
    # the question names the law itself: its year is the law's, asked as such
    assert years_only_named("Luật Công đoàn năm 2024 có hiệu lực từ ngày nào?", text) == []
    assert years_only_named("Năm 2024 có bao nhiêu thí sinh?", "Số thí sinh tăng 20% so với năm 2024.") == ["năm 2024"]


def test_union_news_says_a_members_words_otherwise():
    """Other words for what a member asks, as union news writes them (chat.SAME_AS): the sentence telling who
    chaired a meeting answers "ai điều hành", a contest's "giải Nhất" answers "về nhất", a "Mái ấm Công đoàn"
    answers a question about a "nhà tình nghĩa"."""
    from retrieval.answering.notfound import unsaid_doing
    from retrieval.language.chat import same_as

    assert "chu tri" in same_as("ai dieu hanh hoi nghi so ket").split(" | ")
    assert "giai nhat" in same_as("truong nao ve nhat hoi thi").split(" | ")
    assert "mai am" in same_as("ai duoc nhan nha tinh nghia").split(" | ")
    assert "no dong" in same_as("bao nhieu don vi chua nop kinh phi").split(" | ")
    assert same_as("ai phat bieu tai hoi nghi") == ""
    said = "Đồng chí Lò Văn Mạnh, Phó Chủ tịch LĐLĐ tỉnh, chủ trì hội nghị sơ kết 6 tháng đầu năm."
    assert unsaid_doing("Ai điều hành hội nghị sơ kết 6 tháng?", said) == []
    assert unsaid_doing("Ai khen thưởng các đơn vị tại hội nghị sơ kết?", said) == ["khen", "thưởng"]


def test_members_shorthand_for_members_and_the_polite_ending():
    """"tv" where members are counted is thành viên ("có bn tv"); a television given stays as typed. "ak" is the
    polite "ạ" as members text it, dropped like "ạ"."""
    from retrieval.language.chat import expand_question

    assert expand_question("ban chap hanh co bn tv vay ak") == "ban chap hanh co bao nhiêu thành viên"
    assert expand_question("Tổ tự quản có mấy tv?") == "Tổ tự quản có mấy thành viên?"
    assert expand_question("cong ty trao 5 chiec tv cho cong nhan") == "cong ty trao 5 chiec tv cho cong nhan"
    assert expand_question("ai la truong ban nu cong ak") == "ai la truong ban nu cong"


def _index():
    return SimpleNamespace(articles={a: {"title": t} for a, (t, _) in ARTICLES.items()},
                           text_of=lambda a: ARTICLES[a][1], titled_text=lambda a: " ".join(ARTICLES[a]), idf={})


def _verdict(**kw):
    v = {"missing_years": [], "event_details": [], "other_place": [], "other_occasion": [], "hard": False,
         "missing_names": [], "names_asked_place": False}
    return {**v, **kw}


def test_a_report_of_another_edition_gives_the_reading_to_the_one_the_search_holds_higher():
    """The article read first for its closer sentence whose lede names another edition gives way to one the search
    ranks at least as high that is not ruled out — even where that one's lede does not number its edition and it
    covers fewer of the question's other words; ranked lower, it must cover as much. A province the best lacks keeps
    the coverage test."""
    ix = _index()
    res = SimpleNamespace(query=SimpleNamespace(text="Số thí sinh hội thi tay nghề tăng gấp rưỡi so với lần thứ V?"))
    ranking = [("thi5", 1.0), ("thi6", 0.9)]
    opts, scores = [object()], np.array([0.5])
    read = [(opts, scores, _verdict()), (opts, scores, _verdict(other_occasion=["lần V"]))]
    assert _read_on(ix, res, ranking, read, [0.2, 0.3], [1.0, 0.43], 1) == 0
    assert _read_on(ix, res, ranking, read, [0.2, 0.3], [0.2, 0.43], 1) == 1  # ranked lower, covering less
    read[1] = (opts, scores, _verdict(other_place=["hòa bình"]))
    read[0] = (opts, scores, _verdict(names_asked_place=True))
    assert _read_on(ix, res, ranking, read, [0.2, 0.3], [1.0, 0.43], 1) == 1
