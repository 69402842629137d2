""""<X> … tên (là) gì" asks the name of X, the noun its clause opens with (retrieval/language/qtype.py,
`named_by_head`): a person when X is a noun of people ("Em học sinh …", "điều dưỡng …", "…, công nhân đó tên gì"),
a programme's or an award's name when X is one, whatever people it is for. The questions are the team's own
(tests/data/qtype/name_asked.jsonl, from the readable sets teamq6–20); the sentences below are from their articles."""
import json
from pathlib import Path

import pytest

from retrieval.answering.spans import extract_span
from retrieval.language.qtype import question_type

CASES = [json.loads(line) for line in (Path(__file__).parent / "data" / "qtype" / "name_asked.jsonl").read_text(
    encoding="utf-8").splitlines() if line.strip()]


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_the_clause_opening_noun_decides_whose_name_is_asked(case):
    assert question_type(case["question"]) == case["type"]


def test_a_person_asked_by_a_noun_of_people_gets_the_persons_name():
    """Read as a who-question, the sentence naming the pupil / the worker answers with the person, not with the
    programme's quoted name (which a campaign reading took)."""
    pupil = ("Em Nguyễn Hoàng Bảo Ngọc, học sinh lớp 9 Trường THCS Tân Định, con chị Lê Thị Thu, công nhân Công ty "
             "TNHH Giày Đại Thành, đại diện các em nhận học bổng phát biểu cảm ơn và hứa tiếp tục học tập thật tốt.")
    assert "Nguyễn Hoàng Bảo Ngọc" in (extract_span("who", pupil, CASES[2]["question"]) or "")
    worker = ("Điển hình, vụ tai nạn tại Công ty TNHH Cơ khí Hải Long hồi tháng 3 khiến anh Đoàn Văn Tuấn, thợ vận "
              "hành máy ép, bị dập nát ba ngón tay.")
    assert "Đoàn Văn Tuấn" in (extract_span(question_type(CASES[0]["question"]), worker, CASES[0]["question"]) or "")
