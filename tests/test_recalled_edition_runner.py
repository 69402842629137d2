"""Session 32 (helper D, issue 24): a report of one edition recalls the last one ("từ sau hội thi lần thứ III, …",
"ở khóa 1 có …"), and that recollection may read closer to the question than the sentence that answers. When the
article's lede gives the edition asked, the answer is looked for as deep as for an undone doing — not declined on
the recollection. Questions in the team's own words (teamq9 td12, teamq13 md09); articles written for these tests."""
import pytest

from tests.helpers import answerer_of
from retrieval.answering.answer import edition_details
from retrieval.answering.occasion import lede_gives

_ARTICLES = [
    {"id": "thitaynghe-lan4", "title": "Hội thi tay nghề công nhân lao động tỉnh Phú Thọ lần thứ IV: thêm nghề hàn",
     "date": "2025-11-09", "source": "https://congdoan.example.vn/thi-tay-nghe-lan-4",
     "text": "Sáng 8-11-2025, tại Trường Cao đẳng nghề Phú Thọ, Liên đoàn Lao động tỉnh khai mạc Hội thi tay nghề "
             "công nhân lao động tỉnh Phú Thọ lần thứ IV năm 2025.\n\nHội thi diễn ra trong hai ngày, với 124 thí sinh "
             "đến từ 40 doanh nghiệp.\n\nChủ tịch LĐLĐ tỉnh cho biết từ sau hội thi lần thứ III, đã có 31 thí sinh "
             "đạt giải được doanh nghiệp nâng bậc lương.\n\nGiải nhất nghề hàn thuộc về anh Phan Văn Quý, Công ty "
             "TNHH Cơ khí Việt Trì."},
    {"id": "lop-tienganh-khoa2", "title": "LĐLĐ tỉnh Phú Thọ mở khóa 2 lớp tiếng Anh miễn phí cho công nhân",
     "date": "2025-07-06", "source": "https://congdoan.example.vn/tieng-anh-khoa-2",
     "text": "Sáng 6/7/2025, LĐLĐ tỉnh Phú Thọ khai giảng khóa 2 lớp tiếng Anh giao tiếp miễn phí cho đoàn viên.\n\n"
             "Khóa học năm nay nhận 140 học viên, chia thành 4 lớp.\n\nỞ khóa 1, có 48/55 học viên hoàn thành chương "
             "trình và được cấp chứng chỉ."},
    {"id": "atgt-congnhan-2025", "title": "Năm 2025: LĐLĐ tỉnh Phú Thọ phát động an toàn giao thông cho công nhân",
     "date": "2025-03-02", "source": "https://congdoan.example.vn/atgt-2025",
     "text": "Ngày 1/3/2025, LĐLĐ tỉnh Phú Thọ phát động phong trào an toàn giao thông năm 2025 trong công nhân các "
             "khu công nghiệp.\n\nNăm 2024, toàn tỉnh có 37 vụ tai nạn giao thông làm công nhân bị thương trên đường "
             "đi làm.\n\nLĐLĐ tỉnh tặng 2.000 mũ bảo hiểm cho công nhân ở khu công nghiệp Thụy Vân.\n\nMục tiêu năm "
             "nay là giảm ít nhất 8% số vụ tai nạn giao thông có công nhân liên quan."},
]


def test_the_edition_a_question_names():
    assert edition_details("Hội thi tay nghề công nhân Vĩnh Phúc lần thứ IV có bao nhiêu thí sinh?") == ["lần 4"]
    assert edition_details("Lớp tiếng Anh miễn phí khóa 2 của LĐLĐ TP Đà Nẵng có bao nhiêu học viên?") == ["khóa 2"]
    assert edition_details("Năm 2024 LĐLĐ Tây Ninh trao bao nhiêu suất học bổng?") == ["năm 2024"]
    assert edition_details("Nhiệm kỳ 2023–2028 bầu bao nhiêu ủy viên?") == []  # a term is no single year
    assert edition_details("Ai là Chủ tịch LĐLĐ tỉnh Vĩnh Phúc?") == []


def test_the_lede_gives_the_edition_asked_not_the_one_recalled():
    title, text = _ARTICLES[0]["title"], _ARTICLES[0]["text"]
    assert lede_gives(["lần 4"], title, text) and not lede_gives(["lần 3"], title, text)
    title, text = _ARTICLES[1]["title"], _ARTICLES[1]["text"]
    assert lede_gives(["khóa 2"], title, text) and not lede_gives(["khóa 1"], title, text)


@pytest.fixture(scope="module")
def small(tmp_path_factory, embedder):
    return answerer_of(_ARTICLES, tmp_path_factory, embedder, "d32")


def test_the_edition_asked_is_answered_not_the_one_recalled(small):
    ans = small.ask("Hội thi tay nghề công nhân Phú Thọ lần thứ IV có bao nhiêu thí sinh?").answer
    assert ans.found and "124" in (ans.span or "")
    ans = small.ask("Lớp tiếng Anh miễn phí khóa 2 của LĐLĐ tỉnh Phú Thọ có bao nhiêu học viên?").answer
    assert ans.found and "140" in (ans.span or "")


def test_an_edition_the_article_does_not_report_stays_declined(small):
    assert not small.ask("Lớp tiếng Anh miễn phí khóa 3 của LĐLĐ tỉnh Phú Thọ có bao nhiêu học viên?").answer.found
    assert not small.ask("con lan thu ii thi ai giai nhat nghe han").answer.found


def test_a_share_read_further_down_is_no_count(small):
    """The deeper search takes a sentence naming the counted noun; "giảm 8% số vụ tai nạn" names it but counts
    nothing — a share, like an amount or a duration, is no answer to "bao nhiêu vụ"."""
    ans = small.ask("Năm 2025 ở Phú Thọ có bao nhiêu vụ tai nạn giao thông làm công nhân bị thương?").answer
    assert not (ans.found and "%" in (ans.span or ""))
