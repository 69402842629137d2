"""Session 21, helper U (issue 23): evidence that the detail a count question asks is told in the sentence quoted.
Sentences written by the team for these tests (never dev or team-set text)."""


def test_a_count_of_those_that_did_or_underwent_something():
    """"Bao nhiêu người bị thương", "bao nhiêu đại biểu tới dự": the count asked is of the nouns that underwent or did
    what follows them; a sentence that never tells it counts others. "mới / mỗi" fold alike and are not read."""
    from retrieval.answering.notfound import count_predicate, uncounted_predicate

    fire = "Vụ cháy xưởng ở khu công nghiệp có bao nhiêu người bị thương?"
    assert count_predicate(fire) == ["thuong"]
    assert uncounted_predicate("number", fire, "Vụ cháy làm 3 người tử vong.") == ["thuong"]
    assert uncounted_predicate("number", fire, "Vụ cháy làm 5 người bị thương nhẹ.") == []
    guests = "Lễ kỷ niệm ngày thành lập công đoàn có bao nhiêu đại biểu tới dự?"
    assert uncounted_predicate("number", guests, "Buổi lễ có 300 đại biểu tham dự.") == []
    assert uncounted_predicate("number", guests, "Công ty hiện có 2.000 lao động.") == ["du"]
    assert uncounted_predicate("date", guests, "Công ty hiện có 2.000 lao động.") == []
    assert count_predicate("Năm nay công đoàn kết nạp bao nhiêu đoàn viên mới?") == []
    assert count_predicate("co bao nhieu hoc vien duoc khen vi dat diem cao") == ["khen"]
    assert uncounted_predicate("number", "bao nhieu cong nhan duoc tang qua tet",
                               "Công đoàn trao 500 suất quà Tết cho công nhân.") == []
