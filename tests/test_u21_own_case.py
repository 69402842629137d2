"""Session 21, helper U (issue 23): a news question about children is no member's own case. Sentences written by the
team for these tests (never dev or team-set text)."""


def test_children_counted_or_named_as_such_are_not_the_asker():
    """"cháu" is the asker speaking to an elder ("cháu bị công ty nợ lương …"), but "các / mỗi / một / bao nhiêu / 180
    cháu" and "cháu nhỏ / bé / thiếu nhi" are children (as "các em", "em bé" already are): a question about what
    they received tells no case of the asker's own."""
    from retrieval.hoidap.advice import _first_person, is_advice

    children = "Mỗi tháng một cháu nhỏ con công nhân Công ty May Hòa Bình được trợ cấp gửi trẻ bao nhiêu?"
    assert _first_person(children) == (False, False)
    assert not is_advice(children)
    assert not _first_person("nha tre cong ty nhan duoc bao nhieu chau")[0]
    assert not _first_person("Các cháu thiếu nhi được tặng bao nhiêu suất quà Trung thu?")[0]
    assert not _first_person("Lễ trao quà có 180 cháu tham dự.")[0]
    assert _first_person("cháu làm công nhân ba năm thì có được nghỉ phép năm không ạ")[0]
    assert is_advice("chau bi cong ty no luong hai thang thi phai lam sao")
