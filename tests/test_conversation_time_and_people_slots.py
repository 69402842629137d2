"""Session 37, helper F (issue 24): a time asked by its unit ("hôm nào vậy?", "mấy giờ?") is a bare slot, not a topic
(`followup.topic_terms`, `_ASKS_TIME`); "mấy người?" after a question counting people by their own noun asks the same
count (`followup._counts_the_same_people`). Our own sentences."""
from retrieval.conversation import followup


def test_a_time_asked_by_its_unit_names_no_topic():
    assert followup.topic_terms("hôm nào vậy?") == []
    assert followup.topic_terms("hom nao the") == []
    assert followup.topic_terms("mấy giờ ạ?") == []
    assert followup.points_back("hôm nào vậy?")  # a bare slot, as "ngày nào vậy?" is
    assert followup.points_back("ngày nào vậy?")
    assert followup.topic_terms("Hội diễn khai mạc hôm nào?") [-2:] == ["khai", "mac"]  # the event's words stay
    assert "hom" in followup.topic_terms("hôm qua công đoàn trao quà gì?")  # "hôm qua" asks no time


def test_people_counted_again_by_the_generic_noun():
    first = "Giải chạy việt dã 2025 của Công đoàn Cảng Đà Nẵng có mấy vận động viên?"
    assert followup._same_slot(first, "mấy người")
    assert followup._same_slot(first, "thì bao nhiêu người")
    understood, _ = followup.combine_topic(first, "năm 2024 thì mấy người?")
    assert "vận động viên" in understood and "2024" in understood and "2025" not in understood
    # "người" with a word of its own asks something else of the people
    assert not followup._same_slot(first, "mấy người được tặng quà")
    # the previous question counted no people: "mấy người" is a slot of its own
    assert not followup._same_slot("Giải chạy việt dã 2025 của Công đoàn Cảng Đà Nẵng có mấy cự ly?", "mấy người")
    # the previous question already counted "người": nothing to carry over
    assert not followup._counts_the_same_people("Giải chạy có bao nhiêu người?", "mấy người", set())
