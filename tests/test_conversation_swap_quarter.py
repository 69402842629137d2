"""Session 34, helper F (issue 24): a quarter of the year ("quý II") is the old event's time, as its year is — a swap
to another company drops it when the other article never writes that quarter (`parts.drop_details`). Our own
sentences."""
from retrieval.conversation.parts import drop_details

Q = "Hội nghị đối thoại quý III năm 2023 tại Công ty May Sông Hồng có bao nhiêu công nhân dự?"
OTHER = "Công ty Giày Thái Bình, khu công nghiệp Tiền Hải II, tổ chức hội nghị đối thoại năm 2024 với 90 công nhân."


def test_a_quarter_the_other_article_never_writes_is_dropped_with_the_year():
    out = drop_details(Q, "còn công ty giày thái bình thì sao?", OTHER)
    assert "quý" not in out and "2023" not in out and "Sông Hồng" in out


def test_a_quarter_kept_when_the_article_writes_it_in_digits_or_the_member_says_it():
    assert "quý III" in drop_details(Q, "còn công ty giày thái bình?", OTHER + " Hội nghị định kỳ quý 3.")
    assert "quý III" in drop_details(Q, "còn quý 3 ở công ty giày thái bình?", OTHER)


def test_a_quarter_stays_when_years_are_kept_and_a_fund_is_no_quarter():
    assert "quý III" in drop_details(Q, "còn công ty giày thái bình?", OTHER, years=False)
    fund = "Quỹ 2 tỷ đồng của Công ty May Sông Hồng hỗ trợ bao nhiêu công nhân?"
    assert "Quỹ 2" in drop_details(fund, "còn công ty giày thái bình?", OTHER)
