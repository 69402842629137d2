"""Which article is read first when the question names a person (retrieval/answering/answer.py).

Sentences written for these tests (general news writing about house handovers and gifts)."""
from types import SimpleNamespace

import numpy as np

from retrieval.answering.answer import _person_named, persons_named


def test_a_person_named_after_a_title_is_read_typed_any_way():
    """A title word and a family name open a full name, with accents, without, in lower case."""
    assert persons_named("Chị Nguyễn Thị Hoa nhận bao nhiêu tiền hỗ trợ?") == ["nguyen thi hoa"]
    assert persons_named("anh pham van binh duoc ho tro bao nhieu tien") == ["pham van binh"]
    assert persons_named("Ai trao quà cho ông Lê Văn Sáu?") == ["le van sau"]
    assert persons_named("đồng chí Bùi Minh Khang giữ chức vụ gì") == ["bui minh khang"]
    # no title, or a title folding like a common word ("cơ quan", "ba người"): no person
    assert persons_named("Nguyễn Thị Hoa nhận bao nhiêu tiền?") == []
    assert persons_named("cong doan co quan bo gd gop bao nhieu tien") == []
    assert persons_named("ba nguoi nhan qua") == []
    # a family name that folds like a common union word counts only typed with a capital
    assert persons_named("chi doan thanh nien to chuc gi") == []
    assert persons_named("Chị Đoàn Thị Lan nhận gì?") == ["doan thi lan"]


def _index(texts):
    return SimpleNamespace(titled_text=texts.get)


def _verdict(hard=False):
    return {"hard": hard}


def test_an_article_never_writing_the_person_named_hands_the_reading_to_one_that_does():
    """Two reports of one kind (a house handed over) differ in the person they are about: the article read
    first that never writes the person the question names gives way to another of those read that does,
    unless hard evidence speaks against it; a question naming nobody, or a person no article writes, reads
    as before."""
    texts = {"nhaA": "Liên đoàn Lao động tỉnh trao nhà Mái ấm Công đoàn cho chị Lý Thị Mơ, kinh phí 80 triệu đồng.",
             "nhaB": "Công đoàn ngành trao nhà Mái ấm Công đoàn cho anh Phạm Văn Bình, kinh phí 60 triệu đồng.",
             "nhaC": "Anh Phạm Văn Bình và chị Lý Thị Mơ cùng nhận quà Tết của công đoàn."}
    ranking = [("nhaA", 1.0), ("nhaB", 0.8), ("nhaC", 0.7)]
    opts = [object()]
    scores = np.array([0.9])

    def first(question, hard_b=False):
        res = SimpleNamespace(query=SimpleNamespace(text=question))
        read = [(opts, scores, _verdict()), (opts, scores, _verdict(hard_b)), (opts, scores, _verdict())]
        return ranking[_person_named(_index(texts), res, ranking, read, [0.8, 0.3, 0.2], 0)][0]

    assert first("Căn nhà công đoàn trao anh Phạm Văn Bình tốn bao nhiêu?") == "nhaB"
    assert first("can nha cong doan trao anh pham van binh ton bao nhieu") == "nhaB"
    assert first("Căn nhà công đoàn trao chị Lý Thị Mơ tốn bao nhiêu?") == "nhaA"  # the first writes her
    assert first("Căn nhà công đoàn trao tốn bao nhiêu?") == "nhaA"  # nobody named
    assert first("Căn nhà công đoàn trao anh Võ Văn Tám tốn bao nhiêu?") == "nhaA"  # nobody writes him
    # hard evidence against the one writing him: the next that writes him
    assert first("Căn nhà công đoàn trao anh Phạm Văn Bình tốn bao nhiêu?", hard_b=True) == "nhaC"
