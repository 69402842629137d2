"""Session 27, helper F (issue 24): a workplace named without its kind swaps the previous question's
company, and a year said relative to the chat's ("năm trước") counts from a year the topic names by the
lunar cycle too and makes a short message lean on the chat. Pure text; every sentence is the team's own
(tests/data/team, readable sets teamq8, teamq13, teamq14, teamq16)."""
from retrieval.conversation import followup, parts


def test_a_workplace_named_without_its_kind_is_the_company_swapped_in():
    """"Còn ở Dệt may Hòa Thọ thì ai làm chủ tịch?" after a question about "Công ty TNHH Giày da Phú
    Thịnh": the member contrasts workplaces — the previous question about the other company, not the
    old company's question with "ở Dệt" tacked on (teamq16 vd06, teamq8 td12, teamq13 md05)."""
    prev = "Ai được bầu làm Chủ tịch Công đoàn cơ sở Công ty TNHH Giày da Phú Thịnh nhiệm kỳ 2023–2028?"
    assert followup.new_values(prev, "Còn ở Dệt may Hòa Thọ thì ai làm chủ tịch?").company == "Dệt may Hòa Thọ"
    assert followup.combine(prev, "Còn ở Dệt may Hòa Thọ thì ai làm chủ tịch?") == (
        "Ai được bầu làm Chủ tịch Công đoàn cơ sở Công ty Dệt may Hòa Thọ nhiệm kỳ 2023–2028?")
    meal = "Sau đối thoại, tiền bữa ăn ca ở Công ty TNHH Giày Phú Thịnh được nâng lên bao nhiêu?"
    assert followup.combine(meal, "Thế còn ở May Hòa Lợi thì lên bao nhiêu?") == (
        "Sau đối thoại, tiền bữa ăn ca ở Công ty May Hòa Lợi được nâng lên bao nhiêu?")  # "May" is no "mấy"
    contest = "Ai đạt giải Nhất cá nhân Hội thi thợ cạo mủ giỏi lần thứ XII của Công ty Cao su Đồng Xanh?"
    assert "Chư Bang năm 2025" in followup.combine(contest, "còn ở Chư Bang năm 2025 thì ai nhất?")


def test_a_unit_stays_a_unit_without_a_company_or_when_it_is_a_place():
    """Without a company in the previous question the unit is where its event took place; a place inside a
    province ("KCN …") is no workplace to put in the company's stead."""
    assert followup.new_values("Bữa cơm công đoàn năm 2024 có bao nhiêu người?", "còn ở Yamaha thì sao?").unit == "Yamaha"
    prev = "Sau đối thoại, tiền bữa ăn ca ở Công ty TNHH Giày Phú Thịnh được nâng lên bao nhiêu?"
    assert followup.new_values(prev, "còn ở KCN Yên Bình thì sao?").company is None
    # a name ends where a comma ends it as typed (review R27: "Yamaha Honda" was read as one company)
    assert followup.new_values(prev, "Còn ở Yamaha, Honda thì sao?").company == "Yamaha"


def test_a_relative_year_counts_from_the_lunar_year_the_topic_names():
    """"nam truoc thi du xuan hom nao?" after "Tết Ất Tỵ, …": Ất Tỵ is 2025, so the year before is 2024
    (teamq14 kd02)."""
    prev = "Tết Ất Tỵ, LĐLĐ tỉnh Bình Dương đưa công nhân đi du xuân vào ngày nào?"
    assert parts.cycle_years(prev) == ["2025"]
    assert followup.relative_year(prev, "nam truoc thi du xuan hom nao?") == "nam 2024 thi du xuan hom nao?"


def test_a_relative_year_and_a_slot_lean_on_the_chat():
    """"Năm trước thì chi bao nhiêu?" after a question about 2025's programme names its year only through
    the chat: written as the year it means it is a year and a slot, which points back — read alone, it was
    answered from another programme's article (teamq16 vd05, teamq14 kd02). A question of its own keeps
    "năm trước" as typed."""
    from retrieval.conversation.continuation import Topic, _said_relative

    topic = Topic("Chương trình chăm lo thợ điện mùa nắng nóng 2025 ở Thanh Hóa hết bao nhiêu tiền?")
    assert _said_relative("Năm trước thì chi bao nhiêu?", topic) == "Năm 2024 thì chi bao nhiêu?"
    whole = "Năm trước Công đoàn ngành Giáo dục tỉnh Quảng Nam tổ chức hội nghị tổng kết ở đâu?"
    assert _said_relative(whole, topic) == whole
