"""Session 38 (helper D, second round): a capitalised word naming a time of the year ("Tết", "Noel", "Giáng sinh":
names.TIME_NAME_WORDS) ends a name read in capitals before it — no firm, port, union or person is named after one.
Read by missing_unions / missing_companies (notfound._COMPANY_NAME) and notfound._entities. Sentences written for
these tests (no dev or team data)."""
import re

from knowledge.text import normalize
from retrieval.answering.notfound import _entities, missing_companies, missing_unions
from retrieval.language.names import ends_name


def _plain(text: str) -> str:
    return " ".join(re.findall(r"[^\W_]+", normalize(text).lower()))


GIFTS = _plain("Ngày 15-1-2025, Công đoàn Cảng Đà Nẵng trao 300 suất quà Tết cho công nhân, mỗi suất 1 triệu đồng. "
               "Công ty Dệt Hoa Sen cũng tặng quà Noel cho con công nhân.")


def test_a_festival_after_a_union_or_company_name_is_no_part_of_it():
    assert missing_unions("Công đoàn Cảng Đà Nẵng Tết năm 2025, mỗi suất bao nhiêu tiền?", GIFTS) == []
    assert missing_unions("Công đoàn Cảng Đà Nẵng Tết này trao mấy suất?", GIFTS) == []
    assert missing_companies("Công ty Dệt Hoa Sen Noel năm nay tặng gì?", GIFTS) == []
    assert missing_companies("Công ty Dệt Hoa Sen Giáng sinh năm nay tặng gì?", GIFTS) == []


def test_another_body_before_the_festival_is_still_missing():
    assert missing_unions("Công đoàn Cảng Chân Mây Tết năm 2025 trao mấy suất quà?", GIFTS) == ["Cảng Chân Mây"]
    assert missing_companies("Công ty Dệt Phương Đông Noel năm nay tặng gì?", GIFTS) == ["Dệt Phương Đông"]


def test_the_festival_is_its_own_name_in_entities():
    assert _entities("Công đoàn Cảng Đà Nẵng Tết năm 2025 trao quà ở đâu?") == ["cảng đà nẵng", "tết"]
    assert _entities("Đoàn viên nhận quà Tết Nguyên đán ở đâu?") == ["tết nguyên"]


def test_which_words_end_a_name():
    assert ends_name("Tết") and ends_name("Noel") and ends_name("Giáng")
    assert not ends_name("Thắng") and not ends_name("Tân") and not ends_name("tết")


def test_one_word_then_the_festival_is_an_events_name():
    assert _entities("Chương trình Đón Tết Công nhân năm nay ở đâu?") == ["đón tết"]
    assert _entities("Hội Chợ Tết Xuân Quê tổ chức ở đâu?") == ["chợ tết quê"]  # "xuân": a generic word
