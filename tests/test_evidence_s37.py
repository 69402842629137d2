"""Session 37 (helper D): hard evidence in the quoted sentence — the office asked of one company and told of another
(notfound.another_company), a period's end asked and none told (unended_period), the delegates a congress elects to
the congress above asked and its own delegates told (unelected_delegates), the Tết of another lunar year told
(another_lunar_year). Sentences written for these tests (no dev or team data)."""
from __future__ import annotations

import pytest

from retrieval.answering import notfound
from retrieval.answering.notfound import (another_company, another_lunar_year, evidence_against, unelected_delegates,
                                          unended_period)


@pytest.mark.parametrize("question, sentence, other", [
    # typed in lower case, without accents: the name after the line of business
    ("chu tich cd cty co khi minh phat la ai vay",
     "Anh Trần Văn Hùng, Chủ tịch Công đoàn Công ty TNHH Dệt Thành Đạt, cho biết công ty có 900 lao động.", "minh phat"),
    ("giám đốc công ty thủy sản an bình là ai thế",
     "Ông Lê Quang Vinh, Giám đốc Công ty CP Thủy sản Hải Long, phát biểu tại buổi lễ.", "an binh"),
    # the company asked is the sentence's, whatever case it is typed in and whatever legal form
    ("chu tich cd cty co khi minh phat la ai vay",
     "Anh Trần Văn Hùng, Chủ tịch Công đoàn Công ty TNHH Cơ khí Minh Phát, cho biết công ty có 900 lao động.", ""),
    ("Ai là Chủ tịch Công đoàn Công ty Gạch men Thanh Sơn?",
     "Theo bà Vũ Thị Nga, Chủ tịch Công đoàn Công ty CP Gạch men Thanh Sơn, năm nay công ty tăng lương 7%.", ""),
    # one of the sentence's companies is the one asked
    ("chu tich cd cty co khi minh phat la ai",
     "Anh Hùng, Chủ tịch Công đoàn Công ty Cơ khí Minh Phát, và chị Lan (Công ty TNHH Dệt Thành Đạt) nhận bằng khen.", ""),
    # a company asked by its trade only names none
    ("Chủ tịch công đoàn ở công ty dệt may được khen năm nay là ai?",
     "Trong số cán bộ được khen có chị Mai, Chủ tịch Công đoàn Công ty TNHH Dệt Thành Đạt.", ""),
    # the sentence names no company: nothing against (unsaid_office reads that)
    ("chu tich cd cty co khi minh phat la ai vay", "Anh Trần Văn Hùng cho biết công ty có 900 lao động.", ""),
    # no office asked, or not a who-question
    ("cty co khi minh phat co bao nhieu cong nhan", "Công ty TNHH Dệt Thành Đạt có 900 công nhân.", ""),
])
def test_another_company(question, sentence, other):
    qtype = "number" if "bao nhieu" in question else "who"
    assert another_company(qtype, question, sentence) == other


@pytest.mark.parametrize("question, sentence, unended", [
    ("Chuỗi đêm nhạc cho công nhân khu công nghiệp năm 2025 kéo dài đến ngày nào?",
     "Tối 12/6/2025, tại nhà văn hóa công nhân, LĐLĐ huyện tổ chức đêm nhạc đầu tiên cho 800 công nhân.", True),
    ("giai bong da cong nhan ket thuc vao ngay nao vay",
     "Sáng 3-9, Ban tổ chức khai mạc giải bóng đá công nhân với 16 đội tham gia.", True),
    # the end told: "đến / tới (hết) ngày", a range, "kết thúc", a length
    ("Chuỗi đêm nhạc cho công nhân khu công nghiệp năm 2025 kéo dài đến ngày nào?",
     "Chuỗi đêm nhạc diễn ra từ ngày 12/6 đến 30/7/2025 tại 10 khu nhà trọ.", False),
    ("Cuộc thi ảnh công nhân nhận bài tới khi nào?", "Cuộc thi nhận tác phẩm tới hết ngày 15/10/2025.", False),
    ("giai bong da cong nhan ket thuc vao ngay nao vay",
     "Giải bóng đá công nhân khép lại chiều 20-9 với trận chung kết giữa hai đội dệt may.", False),
    ("Hội chợ hàng Việt cho công nhân kéo dài đến ngày nào?", "Hội chợ diễn ra trong 3 ngày, khai mạc sáng 5/12/2025.", False),
    # "tối hôm nào" asks the evening's date, no end
    ("Đêm nhạc cho công nhân diễn ra tối hôm nào?", "Tối 12/6/2025, LĐLĐ huyện tổ chức đêm nhạc.", False),
    # without accents "toi" is read as "tới" only after "kéo dài"
    ("dem nhac cho cong nhan dien ra toi hom nao", "Tối 12/6/2025, LĐLĐ huyện tổ chức đêm nhạc.", False),
    ("chuoi dem nhac cho cong nhan keo dai toi ngay nao", "Tối 12/6/2025, LĐLĐ huyện tổ chức đêm nhạc đầu tiên.", True),
])
def test_unended_period(question, sentence, unended):
    assert unended_period("date", question, sentence) is unended
    assert ("unended_period" in evidence_against(question, sentence, "date", "")) is unended


@pytest.mark.parametrize("question, sentence, unelected", [
    ("Tại đại hội lần thứ V, Công đoàn Công ty Gạch men Thanh Sơn bầu mấy đại biểu dự đại hội Công đoàn ngành?",
     "Đại hội có 96 đại biểu chính thức tham dự, thay mặt 2.400 đoàn viên.", True),
    ("dh cd nganh y te bau bn nguoi di du dh cd tinh vay",
     "Đại hội có 150 đại biểu chính thức thay mặt cho 6.000 đoàn viên.", True),
    # an election of the delegation told
    ("Tại đại hội lần thứ V, Công đoàn Công ty Gạch men Thanh Sơn bầu mấy đại biểu dự đại hội Công đoàn ngành?",
     "Đại hội đã bầu đoàn 5 đại biểu đi dự Đại hội Công đoàn ngành Xây dựng.", False),
    ("Tại đại hội lần thứ V, Công đoàn Công ty Gạch men Thanh Sơn bầu mấy đại biểu dự đại hội Công đoàn ngành?",
     "Đoàn đại biểu đi dự Đại hội Công đoàn Khu kinh tế gồm 5 người, ra mắt trước đại hội.", False),
    # an election of others (the executive committee) is none of the delegation
    ("Tại đại hội lần thứ V, Công đoàn Công ty Gạch men Thanh Sơn bầu mấy đại biểu dự đại hội Công đoàn ngành?",
     "Đại hội bầu Ban Chấp hành nhiệm kỳ mới gồm 9 đồng chí.", True),
    # the congress's own delegates asked: no election asked
    ("Tại đại hội lần thứ V, Công đoàn Công ty Gạch men Thanh Sơn có bao nhiêu đại biểu?",
     "Đại hội có 96 đại biểu chính thức tham dự.", False),
])
def test_unelected_delegates(question, sentence, unelected):
    assert unelected_delegates("number", question, sentence) is unelected


@pytest.mark.parametrize("question, sentence, other", [
    # Tết 2024 is Tết Giáp Thìn; Quý Mão is 2023's
    ("Dịp Tết 2024, công đoàn Cảng Hải Phòng trao mấy suất quà cho công nhân bốc xếp?",
     "Tết Quý Mão, công đoàn ngành đã tặng 80 phần quà tại cảng.", "quy mao"),
    ("tet giap thin cong doan tang bn suat qua cho tai xe",
     "Dịp Tết Ất Tỵ, công đoàn trao 200 suất quà cho tài xế.", "at ty"),
    # the Tết asked named, by its cycle's name or its number
    ("Dịp Tết 2024, công đoàn Cảng Hải Phòng trao mấy suất quà cho công nhân bốc xếp?",
     "Tết Giáp Thìn, công đoàn ngành tặng 90 phần quà, nhiều hơn Tết Quý Mão.", ""),
    ("Dịp Tết 2024, công đoàn Cảng Hải Phòng trao mấy suất quà cho công nhân bốc xếp?",
     "Năm 2024, dịp Tết Quý Mão vừa qua được nhắc lại, công đoàn tặng 90 phần quà.", ""),
    # no Tết asked by its year, or none told
    ("Dịp Tết, công đoàn Cảng Hải Phòng trao mấy suất quà cho công nhân bốc xếp?", "Tết Quý Mão, công đoàn tặng 80 phần quà.", ""),
    ("Dịp Tết 2024 công đoàn cảng trao mấy suất quà?", "Công đoàn ngành tặng 80 phần quà cho công nhân cảng.", ""),
])
def test_another_lunar_year(question, sentence, other):
    assert another_lunar_year(question, sentence) == other


@pytest.mark.parametrize("question, sentence, check, kind", [
    # an end not told: another sentence of the article may tell it (a runner answers)
    ("Hội chợ hàng Việt cho công nhân kéo dài đến ngày nào?",
     "Sáng 5/12/2025, hội chợ khai mạc tại sân vận động huyện.", "unended_period", "undone"),
    # the delegation's election not told: likewise
    ("Đại hội Công đoàn ngành Dệt bầu mấy đại biểu đi dự đại hội cấp trên?", "Đại hội có 120 đại biểu chính thức.",
     "unelected_delegates", "undone"),
    # the Tết of another lunar year: another time's fact (a runner within the close call)
    ("Dịp Tết 2024, công đoàn cảng trao mấy suất quà cho công nhân?", "Tết Quý Mão, công đoàn tặng 80 phần quà.",
     "another_lunar_year", "another time"),
    # another company's office holder: no answer at all, whatever else the article says
    ("Ai là Chủ tịch Công đoàn Công ty Gạch men Thanh Sơn?",
     "Bà Vũ Thị Nga, Chủ tịch Công đoàn Công ty CP Dệt Hòa Phát, phát biểu.", "another_company", "hard"),
])
def test_kinds_of_check(question, sentence, check, kind):
    """Each check fires on its sentence, and how `answer` treats it follows from its kind: an end or an election not
    told may be told by another sentence of the article (`UNDONE_CHECKS`: a runner may answer); the Tết of another
    year is another time's fact (`ANOTHER_TIME_CHECKS`); another company's office holder is no answer (neither)."""
    qtype = "date" if "ngày nào" in question else ("who" if question.startswith("Ai") else "number")
    against = evidence_against(question, sentence, qtype, "")
    assert check in against
    got = ("undone" if check in notfound.UNDONE_CHECKS else
           "another time" if check in notfound.ANOTHER_TIME_CHECKS else "hard")
    assert got == kind


@pytest.mark.parametrize("question, sentence, asked", [
    ("Trong số người nhận Kỷ niệm chương năm nay, ai trẻ tuổi nhất?",
     "Người lớn tuổi nhất được tặng là ông Nguyễn Văn Bình, 70 tuổi, nguyên Chủ tịch Công đoàn huyện.", "trẻ nhất"),
    ("ai la nguoi lon tuoi nhat duoc vinh danh",
     "Người có thâm niên cao nhất là bà Trần Thị Hoa với 30 năm làm công đoàn.", "lớn tuổi nhất"),
    ("Trong số được vinh danh, ai làm công đoàn lâu năm nhất?",
     "Người trẻ nhất được vinh danh là anh Lê Minh, 29 tuổi.", "thâm niên nhất"),
    # the superlative asked told, in its own words or another of its kind ("tuổi công đoàn" is service)
    ("Trong số người nhận Kỷ niệm chương năm nay, ai trẻ tuổi nhất?",
     "Người ít tuổi nhất được tặng là anh Lê Minh, còn người lớn tuổi nhất là ông Bình.", ""),
    ("Trong số được vinh danh, ai làm công đoàn lâu năm nhất?",
     "Người nhiều tuổi công đoàn nhất là bà Trần Thị Hoa với 32 năm làm cán bộ công đoàn.", ""),
    # no other superlative told, or none asked
    ("Trong số người nhận Kỷ niệm chương năm nay, ai trẻ tuổi nhất?", "Anh Lê Minh, 29 tuổi, được tặng Kỷ niệm chương.", ""),
    ("Ai được tặng Kỷ niệm chương năm nay?", "Người lớn tuổi nhất được tặng là ông Bình.", ""),
])
def test_another_superlative(question, sentence, asked):
    assert notfound.another_superlative(question, sentence) == asked
    assert ("another_superlative" in evidence_against(question, sentence, "who", "")) is bool(asked)


@pytest.mark.parametrize("question, sentence, part", [
    ("Ai đoạt giải nhất phần thi ứng xử ở hội thi nữ công năm nay?",
     "Chung cuộc, đội Công ty TNHH Dệt Thành Đạt giành giải nhất toàn đoàn.", "ứng xử"),
    ("doi nao gianh giai nhat mon keo co hoi thao cong nhan 2025",
     "Kết thúc hội thao, đội Công đoàn ngành Y tế đạt giải Nhất toàn đoàn.", "keo"),  # ("co" read as "có")
    # the part named, as typed ("tài" is no "tại"), or folded when typed without accents
    ("Ai đoạt giải nhất phần thi ứng xử ở hội thi nữ công năm nay?",
     "Ở phần thi ứng xử, giải nhất thuộc về chị Lê Thị Hoa.", ""),
    ("Giải nhất phần thi tài năng thuộc về ai?", "Giải nhất được trao tại nhà văn hóa cho chị Hoa.", "tài năng"),
    ("doi nao gianh giai nhat mon keo co hoi thao cong nhan 2025",
     "Ở môn kéo co, giải Nhất thuộc về đội Công ty May Thành Công.", ""),
    # a dish is no part ("với món gì"), nor a question word after "môn"
    ("doi giai nhat hoi thi nau an doat giai voi mon gi", "Đội giải nhất chế biến món cá kho tộ.", ""),
    ("Đội nào giành giải nhất hội thi nấu ăn?", "Giải nhất thuộc về đội bếp Công ty Thành Đạt.", ""),
])
def test_unsaid_part(question, sentence, part):
    assert notfound.unsaid_part("who", question, sentence) == part


def test_superlative_told():
    """A runner for another superlative's holder must tell the one asked (answer._unopposed_runner)."""
    assert notfound.superlative_told("trẻ nhất", "Người ít tuổi nhất là anh Lê Minh, 29 tuổi.")
    assert not notfound.superlative_told("trẻ nhất", "Ông Lê Văn Bình trao Kỷ niệm chương cho các cá nhân.")
