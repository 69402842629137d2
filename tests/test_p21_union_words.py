"""Session 21, helper P (issue 23): paraphrased questions — pairs of general Vietnamese that members and union news
use for the same doing or thing (chat.SAME_AS). The sentences are the team's own, written for these tests."""
from retrieval.index.lexical import LexicalIndex
from retrieval.language.chat import same_as


def others(q: str) -> list[str]:
    return same_as(q).split(" | ")


def test_a_members_words_and_the_news_words_for_the_same_doing():
    """Each pair both ways where both are common; the longer phrase is read whole ("bắt đầu xây" is no "bắt đầu" of
    an opening), and a single syllable that folds like another word ("tặng" / "tăng") is left alone."""
    assert "boi thuong" in others("nguoi bi nan duoc den bu bao nhieu")
    assert "den bu" in others("cong ty boi thuong bao nhieu cho anh binh")
    assert "khoi cong" in others("nha van hoa cong nhan bat dau xay tu khi nao")
    assert "khai mac" not in others("nha van hoa cong nhan bat dau xay tu khi nao")
    assert "thanh toan" in others("doan vien tra tien bang cach nao")
    assert "ngung viec" in others("vi sao cong nhan dung lam")
    assert "chu de" in others("khau hieu cua dai hoi la gi")
    assert "doan vien" in others("cong doan co bao nhieu hoi vien")
    assert "thuoc ve" in others("doi nao doat giai nhat")
    assert "mien phi" in others("cong nhan di xe khong mat tien a")
    assert "khuyen hoc" in others("bao nhieu suat hoc bong")
    assert same_as("cong ty tang luong bao nhieu") == ""


def test_the_sentence_saying_the_news_word_reads_closer():
    """Of two sentences of one report, the one that says the asked doing in news's words ("bồi thường", "khởi công",
    "chủ đề") reads closer to the member's words once those are looked for too (how the chosen article's sentences
    are scored), though the other repeats more of the question's topic."""
    cases = [
        ("Anh thợ hàn bị ngã giàn giáo ở xưởng đóng tàu được đền bù bao nhiêu?",
         ["Sau khi công đoàn can thiệp, xưởng đóng tàu đã bồi thường cho anh Hưng 150 triệu đồng.",
          "Anh Hưng, thợ hàn của xưởng đóng tàu, bị ngã từ giàn giáo cao 6 mét khi đang làm ca đêm."]),
        ("Nhà văn hóa công nhân ở khu công nghiệp Tân Hòa bắt đầu xây từ lúc nào?",
         ["Công trình được khởi công tháng 3/2024 với tổng vốn 12 tỷ đồng.",
          "Nhà văn hóa công nhân khu công nghiệp Tân Hòa có hội trường 500 chỗ và thư viện."]),
        ("Khẩu hiệu của hội thao công nhân huyện Đông Sơn năm nay là gì?",
         ["Hội thao diễn ra trong ba ngày với chủ đề \"Khỏe để lao động, vui để gắn bó\".",
          "Hội thao công nhân huyện Đông Sơn năm nay có 620 vận động viên của 40 doanh nghiệp."]),
    ]
    for q, sents in cases:
        lex, _ = LexicalIndex.build(sents)
        plain, news = lex.scores_for(q, [0, 1]), lex.scores_for(q, [0, 1], other_words=True)
        assert news[0] - news[1] > plain[0] - plain[1], q
