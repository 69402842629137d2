"""Session 31 (helper D, issue 23): unanswerable questions answered from another body's union or another term's
report. Sentences from the team's own sets (tests/data/team/teamq17, teamq20)."""
import re

from knowledge.text import normalize
from retrieval.answering.notfound import another_edition, another_term, missing_unions, union_name_words


def _plain(text: str) -> str:
    return " ".join(re.findall(r"[^\W_]+", normalize(text).lower()))


AGRIBANK = _plain("Thái Bình - Sáng 23-9, Công đoàn cơ sở Agribank chi nhánh tỉnh Thái Bình tổ chức Đại hội lần thứ VII, "
                  "nhiệm kỳ 2023–2028 tại Trung tâm Hội nghị tỉnh, đường Lý Thường Kiệt, thành phố Thái Bình.")
PORT = _plain("Báo Hải Phòng - Chiều 18/1/2025, Công đoàn Công ty CP Cảng Hải Phòng tổ chức chương trình \"Tết Sum vầy - "
              "Xuân gắn kết\" năm 2025, trao quà cho công nhân bốc xếp tại Chi nhánh Cảng Tân Vũ.")


def test_a_union_named_after_a_body_the_article_never_writes_is_another_bodys():
    assert missing_unions("Đại hội Công đoàn Vietcombank chi nhánh Thái Bình lần thứ VII tổ chức ở đâu?", AGRIBANK) == ["Vietcombank"]
    assert missing_unions("Công đoàn Cảng Quy Nhơn trao bao nhiêu suất quà Tết năm 2025?", PORT) == ["Cảng Quy Nhơn"]
    # the body the article names, by the words it writes
    assert missing_unions("Ai tái đắc cử Chủ tịch Công đoàn cơ sở Agribank chi nhánh tỉnh Thái Bình?", AGRIBANK) == []
    assert missing_unions("Công đoàn Cảng Hải Phòng trao quà cho ai?", PORT) == []
    # typed without capitals: no name read
    assert missing_unions("dai hoi cong doan vietcombank thai binh to chuc o dau", AGRIBANK) == []


def test_a_union_named_by_its_kind_province_or_one_syllable_names_no_body():
    for q in ("Công đoàn Điện lực Long An tặng bao nhiêu bộ quần áo chống nắng cho thợ điện?",  # a trade and a province
              "Chợ Tết Công đoàn Đồng Nai năm 2023 có chủ đề gì?",  # a province's union
              "Ngày thành lập Công đoàn Việt Nam là ngày nào?",
              "Ai là Chủ tịch Công đoàn Giày da Phú Thịnh?",  # "Giày": one syllable read
              "Ai là Chủ tịch Công đoàn Trường ĐH Sư phạm Kỹ thuật?",  # an institution, written many ways
              "Ai là Chủ tịch Công đoàn Công ty TNHH Hải Triều?",  # a company: `missing_companies` reads it
              "Công đoàn Viên chức tỉnh Phú Yên tổ chức hội thao ở đâu?"):
        assert missing_unions(q, AGRIBANK) == [], q
    assert union_name_words("Agribank Quảng Trị") == ["agribank"]
    assert union_name_words("Điện") == [] and union_name_words("Long") == []


def test_a_term_asked_with_any_dash_is_told_apart_from_the_sentences_other_term():
    s = ("Đồng chí Phạm Thị Thu Hà, Phó Giám đốc Bưu điện tỉnh, được bầu giữ chức Chủ tịch Công đoàn Bưu điện tỉnh Quảng "
         "Ngãi nhiệm kỳ 2023–2028.")
    for q in ("ai duoc bau lam chu tich cong doan buu dien tinh quang ngai nhiem ky 2018-2023?",
              "Ai được bầu làm Chủ tịch Công đoàn Bưu điện tỉnh Quảng Ngãi nhiệm kỳ 2018–2023?",
              "Ai được bầu làm Chủ tịch Công đoàn Bưu điện tỉnh Quảng Ngãi nhiệm kỳ 2018 - 2023?"):
        assert another_term(q, s) == ["nhiem ky 2023-2028"], q
        assert another_edition(q, s, "who", "Đồng chí Phạm Thị Thu Hà"), q
    # the term asked, whatever dash either side types
    assert another_term("ai duoc bau lam chu tich cong doan buu dien quang ngai nhiem ky 2023-2028", s) == []
    # another kind of span of years is not the term asked
    assert another_term("Giai đoạn 2018-2023 công đoàn xây bao nhiêu nhà?", s) == []


def test_an_edition_typed_lan_n_after_a_contest_or_festival_is_the_one_asked():
    from knowledge.text import fold
    from retrieval.answering.notfound import EVENT_EDITION
    from retrieval.answering.occasion import another_occasion
    title = "Trao giải cuộc thi ảnh \"Khoảnh khắc công nhân Đồng Nai\" năm 2024"
    text = ("Đồng Nai - Tối 27/9/2024, tại Cung Văn hóa Lao động tỉnh Đồng Nai, thành phố Biên Hòa, LĐLĐ tỉnh Đồng Nai tổ "
            "chức lễ tổng kết và trao giải cuộc thi ảnh \"Khoảnh khắc công nhân Đồng Nai\" lần thứ II.")
    prize = "Ban tổ chức trao 1 giải Nhất trị giá 10 triệu đồng, 2 giải Nhì mỗi giải 6 triệu đồng."
    assert another_occasion("cuộc thi ảnh cn đồng nai lần 3 giải nhất bn tiền ạ", prize, title, text) == ["lần 3"]
    assert another_occasion("cuộc thi ảnh cn đồng nai lần 2 giải nhất bn tiền ạ", prize, title, text) == []
    # a festival's long name before its edition (teamq20's "ngày hội … lần 3")
    assert EVENT_EDITION.findall(fold("ngay hoi vh cn dtts dak lak lan 3 ai dc giai nhat toan doan v")) == ["3"]
    # not an edition: a date after "lần"
    assert EVENT_EDITION.findall(fold("cuoc thi lan 2/2025 co bao nhieu bai")) == []
