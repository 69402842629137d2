"""Session 38 (helper D): a province's federation of labour asked and another's told (notfound.another_federation),
a province whose folded name is also ordinary words read after its kind (places.kind_places), and the read-back of
session 37's checks (delegates asked in any order, the superlatives of age and service in both orders, a contest's
part read by two syllables). Sentences written for these tests (no dev or team data)."""
from __future__ import annotations

import pytest

from retrieval.answering import notfound
from retrieval.answering.notfound import another_federation, unelected_delegates
from retrieval.language.places import kind_places


@pytest.mark.parametrize("question, article, other", [
    # the province asked is only a destination; the event is the other federation's
    ("chuyến xe tết của ldld tp đà nẵng đưa bao nhiêu công nhân về quê",
     "Sáng 20/1, LĐLĐ TP Hồ Chí Minh tổ chức 50 chuyến xe đưa công nhân về quê ở Đà Nẵng, Quảng Nam.", "da nang"),
    ("Liên đoàn Lao động tỉnh Nghệ An trao bao nhiêu suất quà?",
     "Liên đoàn Lao động tỉnh Hà Tĩnh trao 300 suất quà; đoàn công tác tỉnh Nghệ An đến dự.", "nghe an"),
    ("ldld tinh thai binh to chuc dam cuoi tap the ngay nao",
     "LĐLĐ tỉnh Nam Định tổ chức đám cưới tập thể cho 20 cặp đôi, có cặp quê Thái Bình.", "thai binh"),
    # the federation asked is the article's, by another form of its name
    ("ldld tphcm tổ chức chuyến tàu ngày nào",
     "Tối 4/2, LĐLĐ Thành phố Hồ Chí Minh tiễn đoàn tàu đưa công nhân về quê.", ""),
    ("LĐLĐ tỉnh Bà Rịa - Vũng Tàu khen bao nhiêu doanh nghiệp?",
     "LĐLĐ tỉnh Bà Rịa - Vũng Tàu khen thưởng 20 doanh nghiệp; LĐLĐ tỉnh Đồng Nai đến chúc mừng.", ""),
    # the article names no federation by its province ("LĐLĐ tỉnh" alone): nothing against
    ("LĐLĐ tỉnh Nghệ An trao bao nhiêu suất quà?", "LĐLĐ tỉnh trao 300 suất quà tại Hà Tĩnh.", ""),
    # no federation asked by its province
    ("Công đoàn ngành Y tế trao bao nhiêu suất quà?", "LĐLĐ tỉnh Hà Tĩnh trao 300 suất quà.", ""),
])
def test_another_federation(question, article, other):
    assert another_federation(question, article) == ([other] if other else [])


@pytest.mark.parametrize("text, keys", [
    ("cong doan nganh det may tinh thai binh ky thoa uoc ngay nao", {"thai binh"}),
    ("ldld tp hue to chuc o dau", {"thua thien hue"}),
    ("hoi thao tinh nam dinh", {"nam dinh"}),
    # without the kind they are ordinary words ("thái bình" is peace, "long an" …)
    ("song thai binh", set()),
    ("cong nhan long an tam", set()),
    # typed with accents: another reader's (places.lowercase_places)
    ("tỉnh Thái Bình", set()),
])
def test_kind_places(text, keys):
    assert kind_places(text) == keys


@pytest.mark.parametrize("question, elected", [
    # a count, an election and the congress above, in any order
    ("Có bao nhiêu đại biểu được bầu đi dự Đại hội Công đoàn tỉnh?", True),
    ("Số lượng đại biểu dự đại hội cấp trên mà đại hội bầu ra là bao nhiêu?", True),
    ("dh cd cty may bau bn nguoi di du dh cd nganh", True),
    # the delegation going
    ("Đoàn đại biểu đi dự đại hội Công đoàn ngành gồm mấy người?", True),
    # the congress's own delegates, or an election of others
    ("Đại hội Công đoàn ngành Y tế có bao nhiêu đại biểu dự?", False),
    ("Đại hội bầu bao nhiêu ủy viên Ban Chấp hành?", False),
])
def test_delegates_asked(question, elected):
    assert unelected_delegates("number", question, "Đại hội có 150 đại biểu chính thức.") is elected


@pytest.mark.parametrize("text, superlative", [
    ("Người nhỏ tuổi nhất được khen là chị Hoa.", "trẻ nhất"),
    ("Anh Minh có tuổi đời thấp nhất trong đoàn.", "trẻ nhất"),
    ("Ông Bình là người cao niên nhất.", "lớn tuổi nhất"),
    ("Bà Lan có tuổi đời cao nhất, 68 tuổi.", "lớn tuổi nhất"),
    ("Chị Mai có tuổi nghề cao nhất.", "thâm niên nhất"),
    ("Anh Tuấn là người gắn bó lâu nhất với công đoàn.", "thâm niên nhất"),
    # other superlatives pick no person by age or service
    ("Mỗi đội có ít nhất 5 vận động viên.", ""),
    ("Đội Dệt Thành Đạt đạt giải Nhất, điểm cao nhất hội thi.", ""),
])
def test_superlatives(text, superlative):
    told = [k for k in notfound._SUPERLATIVES if notfound.superlative_told(k, text)]
    assert told == ([superlative] if superlative else [])


@pytest.mark.parametrize("question, sentence, part", [
    # two-syllable parts share their first syllable: "tài năng" is not "tài chính"
    ("Ai giành giải nhất phần thi tài năng của hội thi?",
     "Phần thi tài chính công đoàn, giải nhất thuộc về chị Lan.", "tài năng"),
    ("Ai giành giải nhất phần thi tài năng của hội thi?",
     "Ở phần thi tài năng, giải nhất thuộc về chị Lan.", ""),
    # a one-syllable part before a function word
    ("Ai giành huy chương vàng môn bơi ở hội thao?", "Huy chương vàng môn bơi thuộc về anh Nam.", ""),
])
def test_unsaid_part_two_syllables(question, sentence, part):
    assert notfound.unsaid_part("who", question, sentence) == part


def test_election_told_still_answers_who_was_elected():
    """The delegates' election words are their own (`_DELEGATES_ELECTED`): "tái đắc cử" still tells who was elected
    to an office (`unsaid_doing`'s `_ELECTED`), so no evidence against such a sentence."""
    assert notfound.evidence_against("Ai được bầu làm Chủ tịch Công đoàn Công ty May Hòa Phát nhiệm kỳ 2023–2028?",
                                     "Bà Trần Thị Lan tái đắc cử Chủ tịch Công đoàn Công ty.", "who",
                                     "Bà Trần Thị Lan") == {}
