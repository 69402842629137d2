"""Session 35, helper F (issue 24): a date names an event's day or month as a year names its edition. A follow-up
that names another date of the same form swaps it in ("còn tháng 9/2025 …" after "… tháng 3/2025 …"), and a swap to
another place drops the old event's day and month when the other article never writes them. Our own sentences."""


def test_a_date_of_the_same_form_is_swapped_in():
    from retrieval.conversation import followup

    previous = "Ngày hội việc làm tháng 3/2025 của LĐLĐ tỉnh Kon Tum có bao nhiêu doanh nghiệp?"
    new = followup.new_values(previous, "còn tháng 9/2025 thì bao nhiêu?")
    assert new.date == "9/2025" and not new.years
    combined, topic = followup.combine_topic(previous, "còn tháng 9/2025 thì bao nhiêu?")
    assert "9/2025" in combined and "3/2025" not in combined and "9/2025" in topic
    # a day, month and year replaces one of its kind
    previous = "Từ 1/3/2025 mức hỗ trợ của LĐLĐ tỉnh Kon Tum là bao nhiêu một tháng?"
    assert "1/10/2026" in followup.combine_topic(previous, "còn từ 1/10/2026 thì sao?")[0]


def test_a_date_of_another_form_or_said_again_swaps_nothing():
    from retrieval.conversation import followup

    previous = "Ngày hội việc làm tháng 3/2025 của LĐLĐ tỉnh Kon Tum có bao nhiêu doanh nghiệp?"
    assert followup.new_values(previous, "còn ngày 12/9/2025 thì sao?").date is None  # a day is no month
    assert followup.new_values(previous, "tháng 3/2025 thì có mấy gian hàng?").date is None  # the same month
    assert followup.new_values("Ngày hội việc làm của LĐLĐ tỉnh Kon Tum có bao nhiêu doanh nghiệp?",
                               "còn tháng 9/2025 thì sao?").date is None  # no date to replace


def test_the_old_events_day_and_month_go_when_the_other_article_never_writes_them():
    from retrieval.conversation import parts

    question = "Ngày hội việc làm của LĐLĐ tỉnh Gia Lai tháng 3/2025 có bao nhiêu doanh nghiệp?"
    # the Gia Lai fair of that year, held another month: the month goes, the year the member said stays
    assert parts.drop_details(question, "còn ở Gia Lai năm 2025 thì sao?",
                              "Ngày hội việc làm năm 2025 ở Gia Lai có 40 doanh nghiệp.") == \
        "Ngày hội việc làm của LĐLĐ tỉnh Gia Lai năm 2025 có bao nhiêu doanh nghiệp?"  # "năm": asked as a year
    # the article writes the month ("tháng 3"), or the day and month of a dated occasion ("27/7"): kept
    assert "3/2025" in parts.drop_details(question, "còn ở Gia Lai thì sao?", "Tháng 3 năm 2025, Gia Lai có 40 doanh nghiệp.")
    assert "27/7/2024" in parts.drop_details("Dịp 27/7/2024 LĐLĐ tỉnh Kon Tum tặng bao nhiêu suất quà?", "còn Gia Lai?",
                                             "Dịp 27/7, Gia Lai tặng 500 suất quà.")
    # the years kept (an edition swap): the date too
    assert "3/2025" in parts.drop_details(question, "còn ở Gia Lai thì sao?", "Gia Lai có 40 doanh nghiệp.", years=False)
