"""Session 21, helper U (issue 23): a date asked of a milestone the sentence quoted does not tell.
Sentences written by the team for these tests (never dev or team-set text)."""


def test_a_date_asked_of_a_milestone_the_sentence_does_not_tell():
    """"… sẽ hoàn thành vào năm nào?" is not answered by the date works start; "có hiệu lực" is told as "áp dụng" too;
    a date asked of no milestone ("diễn ra") is not read."""
    from retrieval.answering.notfound import unsaid_milestone

    asked = "Nhà văn hóa công nhân của huyện sẽ hoàn thành vào năm nào?"
    assert unsaid_milestone("date", asked, "Công trình dự kiến khởi công trong quý III/2026.") == "hoàn thành"
    assert unsaid_milestone("date", asked, "Công trình được khánh thành ngày 2/9/2027.") == ""
    assert unsaid_milestone("date", "Quy chế chi tiêu mới có hiệu lực từ ngày nào?",
                            "Quy chế được áp dụng từ ngày 1/1/2026.") == ""
    assert unsaid_milestone("date", "quy che chi tieu moi co hieu luc tu ngay nao",
                            "Ngày 20/12/2025, Ban Chấp hành họp thông qua quy chế chi tiêu mới.") == "có hiệu lực"
    assert unsaid_milestone("date", "Hội thi nấu ăn diễn ra vào ngày nào?", "Sáng 8/3, công ty tổ chức hội thi.") == ""
    assert unsaid_milestone("number", asked, "Công trình dự kiến khởi công trong quý III/2026.") == ""
