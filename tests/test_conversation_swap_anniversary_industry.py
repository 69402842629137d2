"""Session 22, helper D (issue 24): a swap to another event also drops the old event's anniversary and line of
industry — details that name one event of a kind, as its year and observance do — when the member did not say
them and the other event's article never writes them. Every sentence is our own."""
from retrieval.conversation.parts import drop_details


def test_the_old_events_industry_goes_when_the_other_article_lacks_it():
    """"Thỏa ước nhóm ngành da giày …" then "còn công ty X ở Y?": X's agreement is no industry group's; the
    industry stays when the member says it again or the other article writes it."""
    art = "Công ty Hải Long ở Kiên Giang ký thỏa ước lao động tập thể áp dụng cho 1.800 lao động."
    q = "Thỏa ước nhóm ngành da giày Kiên Giang công ty Hải Long áp dụng cho bao nhiêu lao động?"
    assert drop_details(q, "còn công ty Hải Long ở Kiên Giang thì sao?", art) == \
        "Thỏa ước Kiên Giang công ty Hải Long áp dụng cho bao nhiêu lao động?"  # its lead "nhóm ngành" with it
    assert drop_details(q, "còn da giày ở Kiên Giang?", art) == q
    assert drop_details(q, "còn Kiên Giang?", art + " Đây là doanh nghiệp ngành da giày lớn.") == q


def test_the_old_anniversary_goes_and_the_one_said_stays():
    """"Lễ kỷ niệm 80 năm …" then "thế Hà Giang dịp 81 năm?": the 80th anniversary was the old ceremony's; the
    81st, said by the member, stays; an anniversary the other article writes stays too."""
    art = "Hà Giang kỷ niệm 81 năm ngày thành lập Hội Nông dân, khen thưởng 50 hội viên."
    q = "Lễ kỷ niệm 80 năm thành lập Hội Nông dân ở Hà Giang, dịp 81 năm, khen thưởng bao nhiêu người?"
    assert drop_details(q, "thế Hà Giang dịp 81 năm thì khen thưởng bao nhiêu?", art) == \
        "Lễ kỷ niệm thành lập Hội Nông dân ở Hà Giang, dịp 81 năm, khen thưởng bao nhiêu người?"
    assert drop_details(q, "thế Hà Giang dịp 80 năm?", art) == q
    old = "Lễ kỷ niệm 80 năm thành lập Hội Nông dân ở Hà Giang khen thưởng bao nhiêu người?"
    assert drop_details(old, "còn Hà Giang?", art + " Năm trước, lễ 80 năm có 40 người.") == old
    # a duration is no anniversary; a month's "5 năm 2024" neither
    lasting = "Sau 3 năm triển khai, mô hình ở Hà Giang giúp bao nhiêu người?"
    assert drop_details(lasting, "còn Hà Giang?", art) == lasting


def test_a_year_swapped_in_replaces_the_years_cycle_name():
    """"Chợ Tết Xuân Quý Mão 2023 …" then "còn năm 2024?": Quý Mão is 2023, so the other Tết is asked without it
    (its lead word stays); a cycle name of the year swapped in, or none, leaves the question as it was."""
    from retrieval.conversation.parts import swap, values

    q = "Chợ Tết Xuân Quý Mão 2023 ở Hà Nam có bao nhiêu gian hàng?"
    assert swap(q, values("còn năm 2024 thì sao?")) == "Chợ Tết Xuân 2024 ở Hà Nam có bao nhiêu gian hàng?"
    assert swap("cho tet xuan quy mao 2023 o ha nam co bao nhieu gian hang", values("con nam 2024")) == \
        "cho tet xuan 2024 o ha nam co bao nhieu gian hang"
    assert swap("Hội chợ năm Quý Mão ở Hà Nam có bao nhiêu gian hàng?", values("còn năm 2024 thì sao?")) == \
        "Hội chợ ở Hà Nam năm 2024 có bao nhiêu gian hàng?"  # "năm" goes with the cycle name it leads
    same = "Chợ Tết Xuân Giáp Thìn 2024 ở Hà Nam có bao nhiêu gian hàng?"
    assert swap(same, values("còn năm 2024 thì sao?")) == same
