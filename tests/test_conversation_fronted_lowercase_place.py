"""Session 35, helper F (issue 24): a province typed in lowercase with its accents and fronted with "thì"
("gia lai năm 2025 thì …") is the place swapped in, as after "còn / thế": Vietnamese "<X> thì <question>" sets X
against what the chat said (`followup.contrasts_value`). Our own sentences."""


def test_a_lowercase_province_fronted_with_thi_is_swapped_in():
    from retrieval.conversation import followup

    previous = "Hội thi an toàn lao động năm 2024 của LĐLĐ tỉnh Kon Tum có bao nhiêu đội tham gia?"
    new = followup.new_values(previous, "gia lai năm 2025 thì có bao nhiêu đội nhỉ")
    assert new.place == "Gia Lai" and new.years == ["2025"]
    assert "Gia Lai" in followup.combine_topic(previous, "gia lai năm 2025 thì có bao nhiêu đội nhỉ")[1]


def test_a_lowercase_province_not_set_against_the_chat_is_no_swap():
    from retrieval.conversation import followup

    previous = "Hội thi an toàn lao động năm 2024 của LĐLĐ tỉnh Kon Tum có bao nhiêu đội tham gia?"
    # no "còn / thế" and no fronted "thì": the words are not read as a contrasted place
    assert followup.new_values(previous, "đội của gia lai có mấy người").place is None
