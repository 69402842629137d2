"""Questions typed without accents read like their accented form (issue 23): the words the
pipeline writes out itself do not make a question "typed with accents", and a lowercase question
still names what the news names. Sentences are the team's own."""
from __future__ import annotations

from knowledge.text import fold
from retrieval.answering.spans import slot
from retrieval.hoidap import advice
from retrieval.language.chat import expand_question, typed_with_accents
from retrieval.language.qtype import folded_question, question_type


def test_words_the_pipeline_wrote_out_are_not_the_members_accents():
    typed = expand_question("hoi thao cd nganh dien co may doi tham gia")  # "cd" → "công đoàn"
    assert "công đoàn" in typed and not typed_with_accents(typed)
    assert typed_with_accents(expand_question("Hội thao cđ ngành điện có mấy đội tham gia?"))
    assert typed_with_accents("Công ty may Hòa Bình có mấy phân xưởng?")


def test_unaccented_may_with_a_written_out_abbreviation_still_asks_how_many():
    typed = expand_question("hoi thao cd nganh dien co may doi tham gia")
    assert " may " in f" {folded_question(typed)} "  # not masked as the "may" of "may mặc"
    assert question_type(typed) == "number"
    assert slot("number", typed).get("noun", [None])[0] == "doi"  # masked, there was no counted noun
    accented = "Công ty may Hòa Bình có mấy phân xưởng?"  # typed with accents: that "may" is "may mặc"
    assert "may_" in folded_question(accented)


def test_a_written_out_place_name_holds_no_person_word():
    # "tp hcm" → "thành phố hồ chí minh": its "chí" is no "chị", so "tên gì" asks a programme's name
    typed = expand_question("chuong trinh giam gia cho cong nhan tp hcm co ten gi")
    assert question_type(typed, False) == "campaign"
    assert question_type(fold("Chương trình giảm giá cho công nhân Hà Nội có tên gì?"), False) == "campaign"
    assert question_type(expand_question("chi chu tich cd phuong ten gi"), False) == "who"  # "chị … tên gì"


NEWS = ("Công nhân Công ty TNHH Sao Mai Xanh ở Khu công nghiệp Tân Phú bị nợ lương ba tháng. "
        "Ban giám đốc người Đài Loan đã rời đi. Liên đoàn Lao động huyện đã vào cuộc.")


def test_a_lowercase_question_names_what_the_news_writes_as_a_name():
    q = "giam doc nguoi dai loan cua cong ty sao mai xanh bo di de lai bao nhieu nguoi bi no luong"
    assert advice._names_lowercase(q, NEWS)
    assert not advice._names_lowercase(q, "Một bài viết không nêu tên doanh nghiệp nào.")
    # a member's own case, in lowercase, names nothing the news writes with capitals
    own = "cong ty em no luong ba thang thi em phai lam sao"
    assert not advice._names_lowercase(own, NEWS) and advice.is_advice(own, NEWS)
    # capitals typed: read as typed (the `names` cue), the news not consulted
    assert not advice._names_lowercase("Công ty Sao Mai Xanh nợ lương ba tháng thì em phải làm sao?", NEWS)
    # so the lowercase news question is news, not a member's own case
    assert not advice.is_advice(q, NEWS)


def test_a_number_is_a_word_of_the_restoring_chain():
    """"nam 2021" is "năm 2021": news writes "năm" before a number, whatever word comes after the
    number (before, the number was skipped and "nam" was read against the word after it)."""
    from retrieval.index.restore import General, Restorer

    r = Restorer.build(["Năm 2020, hội thao diễn ra.", "Năm 2019, hội thao diễn ra.", "Nam công nhân chiếm đa số.",
                        "Nam công nhân được khen.", "Nam công nhân nhận quà."])
    r.gen = General()  # the knowledge base's counts alone
    r._cands.clear()
    assert r.restore("nam 2021 cong nhan nhan qua") == "năm 2021 công nhân nhận quà"
    assert r.restore("Nam 2021, cong nhan nhan qua?") == "Năm 2021, công nhân nhận quà?"
    assert r.restore("nam cong nhan nhan qua") == "nam công nhân nhận quà"
