"""Session 20, helper P (issue 23): paraphrased questions — the words union news uses for a member's own. The
sentences are the team's own, written for these tests."""
from retrieval.language.chat import same_as


def test_union_news_says_a_members_everyday_words_otherwise():
    """A member's everyday words for a union's head and its spending (chat.SAME_AS); "đứng đầu" alone stays a
    contest's first place, and no other word is touched."""
    def others(q):
        return same_as(q).split(" | ")

    assert "chu tich cong doan" in others("ai dung dau cong doan truong tieu hoc an binh")
    assert "chu tich" in others("nam 2030 ai la nguoi dung dau lien doan lao dong huyen")
    assert others("doi nao dung dau giai bong da") == ["giai nhat", "vo dich"]
    assert "kinh phi" in others("cong doan bo ra bao nhieu tien mua qua trung thu")
    assert "tong kinh phi" in others("huyen chi tong cong bao nhieu cho mai am")
    assert "tong so" in others("tong cong co bao nhieu doan vien duoc tang qua")
    assert same_as("ai la chu tich cong doan truong tieu hoc an binh") == ""


def test_the_sentence_telling_the_spending_reads_closer_to_bo_ra():
    """Of two sentences with sums of money, the one that tells what the union spent ("kinh phí … góp") reads closer to
    "bỏ ra bao nhiêu tiền" once news's words are looked for too (how a sentence of the chosen article is scored)."""
    from retrieval.index.lexical import LexicalIndex

    sents = ["Tổng kinh phí chuyến tham quan là 90 triệu đồng, công đoàn trường đóng góp 40 triệu đồng.",
             "Mỗi đoàn viên trường được tặng một phần quà trị giá 500.000 đồng nhân dịp tham quan."]
    lex, _ = LexicalIndex.build(sents)
    q = "Công đoàn trường bỏ ra bao nhiêu tiền cho chuyến tham quan?"
    plain, news = lex.scores_for(q, [0, 1]), lex.scores_for(q, [0, 1], other_words=True)
    assert news[0] > news[1] and news[0] - news[1] > plain[0] - plain[1]
