"""Session 30, helper F (issue 24): words that point back to what the chat talked about, and an edition swap
that keeps the chat's province. The messages are written as the team's members type them (our own sentences)."""


def test_this_one_and_that_person_point_back():
    """Typed with accents, "này" after a noun is "this one" — the one talked about ("đợt này", "lần này"); "năm
    nay" (this year) is no pointer. Typed without accents, "do" after the people or party of the event ("cong
    nhan do", "ben do": "công nhân đó", "bên đó") points back — not "do công ty …" (by the company)."""
    from retrieval.conversation.followup import points_back

    assert points_back("đợt này bàn giao bao nhiêu căn hộ vậy?")
    assert points_back("lần này có mấy đội tham gia thi?")
    assert points_back("cong nhan do bao nhieu tuoi")
    assert points_back("pho chu tich cong doan ben do ten gi")
    assert not points_back("năm nay Công đoàn Đà Nẵng khánh thành mấy căn nhà Mái ấm?")
    assert not points_back("cong nhan do cong doan Vinh Long cham lo co bao nhieu nguoi")


def test_what_was_pointed_back_to_goes_from_the_understood_question():
    """"đợt này" and "bên đó" name the chat's event and party: the understood question is the chat's, asking
    the new slot — not "đợt" or "bên" left over as words of their own."""
    from retrieval.conversation.followup import combine

    understood = combine("Giá thuê nhà ở xã hội của Công đoàn Đà Nẵng là bao nhiêu?", "đợt này giao bao nhiêu căn vậy?")
    assert "Đà Nẵng" in understood and "này" not in understood and "giao bao nhiêu căn" in understood
