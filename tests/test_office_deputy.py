"""One reading of an office for the span and the not-found check ("Phó Tổng Giám đốc" is a deputy, no "Giám đốc").
Sentences written by the team for these tests (no dev or team-set text)."""
from knowledge.text import fold
from retrieval.answering.notfound import missing_roles
from retrieval.answering.spans import extract_span


def test_a_deputy_general_director_is_no_director():
    both = ("Dự buổi lễ có ông Trần Văn An, Phó Tổng Giám đốc Công ty May Hòa Bình, và bà Lê Thị Hoa, "
            "Giám đốc Trung tâm Y tế huyện.")
    assert extract_span("who", both, "Giám đốc là ai?") == "bà Lê Thị Hoa"
    deputy = "Phát biểu tại buổi lễ, ông Trần Văn An, Phó Tổng Giám đốc Công ty May Hòa Bình, cảm ơn công đoàn."
    assert extract_span("who", deputy, "Giám đốc Công ty May Hòa Bình là ai?") is None
    assert extract_span("who", deputy, "Phó Giám đốc Công ty May Hòa Bình là ai?") == "ông Trần Văn An"
    # a Tổng Giám đốc heads the company as its Giám đốc does
    general = deputy.replace("Phó Tổng", "Tổng")
    assert extract_span("who", general, "Giám đốc Công ty May Hòa Bình là ai?") == "ông Trần Văn An"


def test_the_not_found_check_reads_the_office_alike():
    f = lambda t: fold(t).lower()  # noqa: E731
    deputy = f("Ông Trần Văn An, Phó Tổng Giám đốc Công ty May Hòa Bình, cảm ơn công đoàn.")
    assert missing_roles("who", "Giám đốc Công ty May Hòa Bình là ai?", deputy) == ["Giám đốc"]
    assert missing_roles("who", "Phó Giám đốc Công ty May Hòa Bình là ai?", deputy) == []
    assert missing_roles("who", "Giám đốc Công ty May Hòa Bình là ai?", f("Ông An, Tổng Giám đốc công ty, phát biểu.")) == []
    assert missing_roles("who", "Giám đốc công ty là ai?", f("Ban Giám đốc công ty dự buổi lễ.")) == ["Giám đốc"]
    assert missing_roles("who", "Tổng Giám đốc công ty là ai?", f("Ông An, Giám đốc công ty, phát biểu.")) \
        == ["Tổng Giám đốc"]

