"""Session 36, helper F, second task (issue 24): "<X> thì sao?" without "còn" read as pointing back when that
reading lands where X's words alone do (`followup.asks_what_about`, `continuation._what_about`); a date the article
writes with a leading zero, another separator or in words holds the date asked (`parts.writes_date`,
`continuation._holds_asked`); a unit swapped in replaces the old question's unit (`parts.with_unit`). Our own
sentences; the answerer is a stand-in."""
from collections import namedtuple
from types import SimpleNamespace

Timed = namedtuple("Timed", "answer latency_ms")


def _timed(aid, found=True):
    return Timed(SimpleNamespace(found=found, ranked=[aid], span="x"), 0)


def test_what_about_needs_a_thing_and_no_question_of_its_own():
    from retrieval.conversation.followup import asks_what_about

    assert asks_what_about("hội thi nấu ăn ở Phú Yên thì sao ạ?")
    assert asks_what_about("giai bong chuyen nu thi sao")
    assert not asks_what_about("thì sao?")  # nothing named: no X
    assert not asks_what_about("đăng ký thế nào thì sao?")  # X asks a question of its own
    assert not asks_what_about("hội thi nấu ăn ở Phú Yên có mấy đội?")
    assert asks_what_about("Hội thi nấu ăn ở Phú Yên thì sao ạ?")  # as typed: capitals and accents


class _Alone:
    def __init__(self, aid, found=True):
        self.aid, self.found = aid, found

    def ask(self, message, **kw):
        return _timed(self.aid, self.found)


def test_what_about_kept_only_where_its_words_alone_land(monkeypatch):
    from retrieval.conversation import continuation
    from retrieval.conversation.continuation import Reading, Topic, _what_about

    topic = Topic("Hội thi nấu ăn ở Bình Định có mấy đội?", "binhdinh")
    merged = Reading(_timed("phuyen"), "Hội thi nấu ăn ở Phú Yên có mấy đội?", topic)
    monkeypatch.setattr(continuation, "_pointed", lambda answerer, message, topic: merged)
    said = "hội thi nấu ăn ở Phú Yên thì sao?"
    assert _what_about(_Alone("phuyen"), said, topic) is merged
    assert _what_about(_Alone("nothing", found=False), said, topic) is merged
    assert _what_about(_Alone("quangngai"), said, topic) is None  # the two readings part: the model decides
    alone = Reading(_timed("quangngai"), None, topic)
    monkeypatch.setattr(continuation, "_pointed", lambda answerer, message, topic: alone)
    assert _what_about(_Alone("other"), said, topic) is alone  # read alone anyway: nothing merged to check


def test_a_date_written_another_way_holds_the_date_asked():
    from retrieval.conversation import parts
    from retrieval.conversation.continuation import _holds_asked

    assert parts.writes_date("04/2026", "Chiều 15/4/2026, công đoàn khánh thành nhà văn hóa.")
    assert parts.writes_date("4/2026", "Trong tháng 04/2026, công đoàn trao 30 suất quà.")
    assert parts.writes_date("4/2026", "Trong tháng 4 năm 2026, công đoàn trao 30 suất quà.")
    assert parts.writes_date("15/4/2026", "Ngày 15 tháng 4 năm 2026, công đoàn khánh thành nhà văn hóa.")
    assert parts.writes_date("15.04.2026", "Sáng 15/4/2026, công đoàn khánh thành nhà văn hóa.")
    assert not parts.writes_date("4/2026", "Ngày 14/2026 không có; ngày 15/4/2025 thì có.")
    assert not parts.writes_date("5/4/2026", "Sáng 15/4/2026, công đoàn khánh thành nhà văn hóa.")
    assert _holds_asked("Đợt trao quà tháng 04/2026 có bao nhiêu suất?", "Chiều 15/4/2026, công đoàn trao 30 suất quà.")
    assert not _holds_asked("Đợt trao quà tháng 04/2026 có bao nhiêu suất?", "Chiều 15/5/2026, công đoàn trao quà.")


def test_a_unit_swapped_in_replaces_the_old_unit():
    from retrieval.conversation import parts
    from retrieval.conversation.followup import combine_topic

    assert parts.with_unit("Công đoàn ở Toyota tặng mấy suất quà?", "Denso") == "Công đoàn ở Denso tặng mấy suất quà?"
    assert parts.with_unit("Công đoàn tỉnh ở Quảng Trị tặng mấy suất quà?", "Denso") is None  # a province, no unit
    assert parts.with_unit("Công đoàn tặng mấy suất quà?", "Denso") is None
    understood, _ = combine_topic("Công đoàn ở Toyota tặng mấy suất quà?", "còn ở Denso thì sao?")
    assert "Denso" in understood and "Toyota" not in understood
    understood, _ = combine_topic("Bữa cơm ca tổ chức ở đâu?", "còn ở Denso thì sao?")
    assert "Denso" in understood
