"""Session 28, helper F (issue 24): a province typed in lowercase with its accents swapped into the chat's
question; a year a sentence names only in passing (a comparison, a target) is no answer for that year. Every
sentence is our own."""
from retrieval.conversation import followup, parts


def test_a_province_typed_in_lowercase_with_accents_is_swapped_for_the_old_one():
    """"thế thanh hoá năm 2025 …" after a question about Nghệ An's: members type accents without capitals;
    the province replaces the old one (it was left in and "thanh hóa" appended as words of the topic)."""
    prev = "LĐLĐ Nghệ An mở lớp tập huấn cho bao nhiêu cán bộ công đoàn năm 2024?"
    assert followup.new_values(prev, "thế thanh hoá năm 2025 thì bn người học?").place == "Thanh Hóa"
    combined = followup.combine(prev, "thế thanh hoá năm 2025 thì bn người học?")
    assert "Thanh Hóa" in combined and "Nghệ An" not in combined and "2025" in combined
    prev = "can tho to chuc le mit tinh thang cong nhan o dau"
    combined = followup.combine(prev, "thế quảng ninh năm 2024 thì làm lễ ở đâu?")
    assert "can tho" not in combined.lower() and "quang ninh" in combined.lower()
    # Only where the member contrasts places ("thế / còn") and the old question names one.
    assert parts.lowercase_accented_provinces("còn ở bình dương thì sao?") == ["bình dương"]
    assert parts.lowercase_accented_provinces("hòa bình là mục tiêu") == []  # peace, no province


def test_a_year_named_only_in_a_comparison_or_a_target_tells_no_fact_of_that_year():
    """A report of 2025's contest compares with 2023's and sets 2026's target: neither sentence answers for
    2023 or 2026; a sentence that reports the year's own count does."""
    y2023 = parts.Values(["2023"], None, None, None)
    y2026 = parts.Values(["2026"], None, None, None)
    assert not parts.tells_occasion(y2023, "So với hội thi lần thứ IV năm 2023, số đội tăng thêm 4 đội.")
    assert not parts.tells_occasion(y2026, "Năm 2026, Công đoàn ngành đặt mục tiêu kết nạp 3.200 đoàn viên.")
    assert parts.tells_occasion(y2023, "Năm 2023, hội thi có 14 đội tham gia.")
    assert parts.names_occasion(y2023, "So với hội thi lần thứ IV năm 2023, số đội tăng thêm 4 đội.")

