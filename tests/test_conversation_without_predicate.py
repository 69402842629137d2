"""Session 21 (helper C): the understood question without the old question's predicate. Sentences
written by the team."""


def test_the_old_predicate_after_the_last_value_leaves_the_topic():
    """"… tỉnh Lào Cai kết nạp bao nhiêu …", "… lần thứ VII thu được bao nhiêu …": the verb after the
    event's last value belongs to the old slot; a new slot asks of the event, not of the verb."""
    from retrieval.conversation.followup import combine, topic_of

    assert topic_of("Năm 2023 công đoàn tỉnh Lào Cai kết nạp bao nhiêu đoàn viên?", predicate=False) == \
        "Năm 2023 công đoàn tỉnh Lào Cai"
    assert combine("Ngày hội đọc sách công nhân lần thứ VII thu hút bao nhiêu người?",
                   "ai chủ trì?") == "Ngày hội đọc sách công nhân lần thứ VII, ai chủ trì?"
    assert topic_of("Sau thương lượng, tiền ăn ca ở Công ty TNHH Gốm Minh Long được nâng lên bao nhiêu?", predicate=False) == \
        "Sau thương lượng tiền ăn ca ở Công ty TNHH Gốm Minh Long"
    # a slot of the same kind says the old question again: its verb stays
    assert combine("Ngày hội đọc sách công nhân lần thứ VII thu hút bao nhiêu người?",
                   "mỗi ngày có bao nhiêu người?") == \
        "Ngày hội đọc sách công nhân lần thứ VII thu hút, mỗi ngày có bao nhiêu người?"


def test_what_still_qualifies_the_event_stays():
    """A long run after the value is the event itself ("hỗ trợ công nhân bị mất việc do dịch"); a time or
    edition word ("đợt hai") and a sector ("ngành y tế") qualify it; typed without accents, kept as typed."""
    from retrieval.conversation.followup import topic_of
    from retrieval.conversation.parts import without_predicate

    assert topic_of("Công đoàn tỉnh Sơn La hỗ trợ công nhân bị mất việc do dịch tổng cộng bao nhiêu tiền?", predicate=False) == \
        "Công đoàn tỉnh Sơn La hỗ trợ công nhân bị mất việc do dịch tổng cộng"
    assert without_predicate("Chương trình nhà trọ giá rẻ ở Hải Dương đợt hai") == \
        "Chương trình nhà trọ giá rẻ ở Hải Dương đợt hai"
    assert without_predicate("Đại hội Công đoàn tỉnh Lào Cai ngành y tế") == "Đại hội Công đoàn tỉnh Lào Cai ngành y tế"
    assert without_predicate("nam 2023 cong doan tinh Lao Cai ket nap") == "nam 2023 cong doan tinh Lao Cai ket nap"
