"""Vietnamese as members type it: shorthand, question types, the words news uses, ordinals and names (retrieval/language)."""


from knowledge.text import normalize
from retrieval.answering.notfound import missing_ordinals
from retrieval.index.lexical import tokens
from retrieval.language.qtype import question_type


def test_a_question_also_looks_for_the_words_news_uses():
    q = tokens("Đội nào đứng đầu, giải khai cuộc từ ngày nào?", drop_question_words=True, other_words=True)
    assert "giai_nhat" not in tokens("Đội nào đứng đầu?", drop_question_words=True)  # what it is about: its own words
    assert {"giai_nhat", "vo_dich", "bat_dau", "khai_mac"} <= set(q)
    assert "nhat_vo" not in q  # the other words are phrases apart, not one run
    assert "giai_nhat" not in tokens("Đội nào đứng đầu?")  # articles are indexed as written


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


def test_a_congress_or_meeting_numbered_after_its_name():
    """General Vietnamese: a congress or meeting is numbered right after its name too ("Đại hội XIII",
    "Hội nghị lần 2", "kỳ họp thứ 5"), and an article may write the same number another way; a year, a
    date or a duration after the name is no ordinal."""
    assert missing_ordinals("dai hoi xiii cong doan viet nam bau bao nhieu uy vien", "dai hoi cong doan lan thu xii") == ["xiii"]
    assert missing_ordinals("dai hoi xiii cong doan viet nam", "dai hoi cong doan viet nam lan thu xiii") == []
    assert missing_ordinals("dai hoi xiii cong doan viet nam", "dai hoi xiii cong doan viet nam") == []
    assert missing_ordinals("hoi nghi lan 2 ban chap hanh o dau", "hoi nghi lan thu hai ban chap hanh") == []
    assert missing_ordinals("hoi nghi lan 3 ban chap hanh o dau", "hoi nghi lan thu hai ban chap hanh") == ["3"]
    assert missing_ordinals("ky hop thu 5 hdnd", "ky hop thu nam") == []
    assert missing_ordinals("dai hoi 2023 bau ai", "dai hoi nam 2022") == []
    assert missing_ordinals("hoi nghi 2 ngay 12/3 o dau", "hoi nghi") == []
    assert missing_ordinals("dai hoi 12/3/2024 o dau", "dai hoi") == []


def test_names_in_a_question_end_at_punctuation():
    from retrieval.answering.notfound import _entities
    assert _entities("Công đoàn Cẩm Thủy (Thanh Hóa) cùng đơn vị nào tổ chức?") == ["cẩm thủy", "thanh hóa"]
    assert _entities("Liên đoàn Lao động tỉnh Cà Mau tổ chức ở đâu?") == ["cà mau"]


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


def test_control_characters_never_reach_the_store():
    assert normalize("Tin\x1b[31m đỏ\x00 và\tcột\x07") == "Tin[31m đỏ và cột"


def test_the_classifier_of_persons_heading_a_which_phrase_asks_who():
    """"Vị lãnh đạo <a body> nào …" asks a person whatever body stands between "vị lãnh đạo" and "nào"; "vì sao"
    (folded "vi") asks none."""
    from retrieval.language.qtype import question_type
    assert question_type("Vị lãnh đạo Công đoàn ngành Xây dựng nào trao cờ thi đua cho đơn vị?") == "who"
    assert question_type("vi pho chu tich lien doan lao dong huyen nao du le") == "who"
    assert question_type("Vì sao công ty nào cũng tăng ca?") != "who"
