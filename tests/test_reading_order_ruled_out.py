"""Session 19 (issue 23): which article and which sentence answer when the first candidate is ruled out —
a report that names the occasion asked only in passing gives way to the report of it; a sentence that does not
tell the doing asked gives way to the one that does. Articles written by the team for these tests."""
import pytest

from tests.helpers import answerer_of
from retrieval.answering.occasion import lede_gives

_ARTICLES = [
    {"id": "hoithi-pccc-lan4", "title": "Hội thi Phòng cháy chữa cháy giỏi lần thứ IV của công nhân Bắc Giang",
     "date": "2024-09-12", "source": "https://congdoan.example.vn/hoi-thi-pccc-lan-4",
     "text": "Ngày 11/9/2024, LĐLĐ tỉnh Bắc Giang tổ chức Hội thi Phòng cháy chữa cháy giỏi lần thứ IV năm 2024 với "
             "18 đội đến từ các khu công nghiệp.\n\nGiải Nhất thuộc về đội Công ty TNHH Kính Phương Bắc; giải Nhì "
             "thuộc về đội Công ty CP Nhựa Đồng Xuân.\n\nBan tổ chức trao 12 giải phụ cho các cá nhân xuất sắc."},
    {"id": "hoithi-pccc-lan5", "title": "Hội thi Phòng cháy chữa cháy giỏi lần thứ V của công nhân Bắc Giang",
     "date": "2026-09-20", "source": "https://congdoan.example.vn/hoi-thi-pccc-lan-5",
     "text": "Ngày 19/9/2026, LĐLĐ tỉnh Bắc Giang tổ chức Hội thi Phòng cháy chữa cháy giỏi lần thứ V năm 2026 với "
             "24 đội đến từ các khu công nghiệp và cụm công nghiệp.\n\nSo với hội thi lần thứ IV, khi đội Công ty "
             "TNHH Kính Phương Bắc giành giải Nhất, năm nay số đội tăng thêm 6 đội và phần thi cứu người bị nạn "
             "trong đám cháy được bổ sung.\n\nGiải Nhất hội thi lần này thuộc về đội Công ty TNHH Điện tử Hòa Lạc, "
             "giải Nhì thuộc về đội Công ty CP Gạch men Tiên Sơn.\n\nPhát biểu bế mạc, đồng chí Đặng Quốc Hưng, "
             "Phó Chủ tịch LĐLĐ tỉnh, đề nghị các doanh nghiệp duy trì đội phòng cháy cơ sở."},
    {"id": "taphuan-antoan-2026", "title": "Tập huấn an toàn lao động cho 200 tổ trưởng sản xuất",
     "date": "2026-03-05", "source": "https://congdoan.example.vn/tap-huan-an-toan-2026",
     "text": "Ngày 4/3/2026, tại Nhà văn hóa công nhân KCN Đình Trám, Công đoàn các KCN tỉnh Bắc Giang mở lớp tập huấn "
             "an toàn lao động cho 200 tổ trưởng sản xuất của 35 doanh nghiệp trong khu công nghiệp.\n\n"
             "Phát biểu khai mạc lớp học, bà Ngô Thị Thu Trang, Trưởng ban Nữ công Công đoàn các KCN, nhấn mạnh tai nạn "
             "lao động năm qua chủ yếu xảy ra ở khâu vận hành máy ép.\n\nCác học viên được kỹ sư Mai Văn Lực "
             "hướng dẫn kỹ năng nhận diện nguy cơ và sơ cứu người bị thương.\n\nKết thúc lớp học, 100% học viên đạt "
             "yêu cầu bài kiểm tra."},
]


@pytest.fixture(scope="module")
def small(tmp_path_factory, embedder):
    return answerer_of(_ARTICLES, tmp_path_factory, embedder, "n19")


def test_a_lede_gives_the_occasion_it_names():
    title, text = _ARTICLES[0]["title"], _ARTICLES[0]["text"]
    assert lede_gives(["lần IV"], title, text) and lede_gives(["năm 2024"], title, text)
    assert not lede_gives(["lần V"], title, text) and not lede_gives(["năm 2026"], title, text)


def test_the_report_of_the_occasion_asked_answers_not_the_one_recalling_it(small):
    ans = small.ask("Đội nào giành giải Nhất hội thi phòng cháy chữa cháy giỏi Bắc Giang lần thứ IV?").answer
    assert ans.found and ans.ranked[0] == "hoithi-pccc-lan4" and "Kính Phương Bắc" in ans.shown_sentence


def test_the_sentence_telling_the_doing_names_who_did_it(small):
    ans = small.ask("Ai khai mạc lớp tập huấn an toàn lao động cho tổ trưởng sản xuất ở Bắc Giang?").answer
    assert ans.found and "Ngô Thị Thu Trang" in ans.shown_sentence
