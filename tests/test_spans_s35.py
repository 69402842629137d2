"""Session 35, helper P (issue 23): the span asked — "bao lâu" asks a time whatever sum the question names, a
sitting of talks is one more time, what members ask is counted under any of its names, and "chuyên khoa II" is a
doctor's grade, not a term (sentences written for these tests)."""
from knowledge.text import fold
from retrieval.answering import notfound, spans
from tests.helpers import asked


def test_bao_lau_asks_a_time_not_the_sum_named():
    qt, q = asked("Công nhân vay vốn quỹ trợ vốn được giữ tiền lâu nhất là bao lâu?")
    assert spans.slot(qt, q).get("unit") == "duration"
    s = "Mỗi người được vay 20 triệu đồng, thời hạn vay tối đa 24 tháng."
    assert spans.extract_span(qt, s, q) == "24 tháng"
    assert spans.extract_span(qt, "Quỹ được cấp thêm 8 tỉ đồng để cho vay.", q) is None
    # a sum asked beside it keeps the money reading
    qt, q = asked("Mỗi người vay được bao nhiêu tiền và trong bao lâu?")
    assert spans.slot(qt, q).get("unit") == "money"


def test_a_sitting_of_talks_is_one_more_time():
    qt, q = asked("Hai bên phải đàm phán mấy lần mới ký được thỏa ước?")
    s = "Sau 3 phiên thương lượng, thỏa ước được ký với mức thưởng Tết 2 tháng lương."
    assert spans.extract_span(qt, s, q) == "3 phiên thương lượng"


def test_what_members_ask_is_counted_under_any_of_its_names():
    qt, q = asked("Luật sư đã giải đáp bao nhiêu thắc mắc của đoàn viên?")
    s = "Tại buổi tư vấn, luật sư Trần Văn Minh trả lời 27 câu hỏi của 150 đoàn viên dự."
    assert spans.extract_span(qt, s, q) == "27 câu hỏi"


def test_chuyen_khoa_is_no_term():
    sentence = "Bác sĩ chuyên khoa II Trần Thị Hoa được bầu làm Chủ tịch Công đoàn bệnh viện."
    assert notfound.editions(fold(sentence).lower()) == set()
    assert not notfound.another_ordinal("Ai làm Chủ tịch Công đoàn Bệnh viện khóa X?", sentence)
    # the term itself is still read
    assert notfound.editions(fold("Ban Chấp hành khóa X gồm 9 đồng chí.").lower()) == {("khoa", 10)}


def test_bao_lau_mot_lan_asks_how_often():
    # (the sum's reading stays: how often is no length of time; "bao lâu" alone is one — the rule above)
    qt, q = asked("tien thuong chuyen can cua cong ty duoc tra bao lau 1 lan")
    assert spans.slot(qt, q).get("unit") != "duration"
    assert spans.slot(*asked("tien thuong chuyen can cua cong ty duoc giu lai bao lau")).get("unit") == "duration"


def test_bao_nhieu_asks_where_a_bare_may_is_a_name():
    # typed without accents, "may" is also "may mặc": with a "bao nhiêu" in the question, that asks
    assert spans.noun_phrase("ldld tang bao nhieu suat qua cho cn may thanh cong") == ["suat", "qua"]
    # a number after it tells what a rate is per: nothing counted, the pay asked
    qt, q = asked("may thanh cong nam nay thuong chuyen can bn 1 thang")
    assert spans.noun_phrase(spans.folded_question(q)) == []
    s = "Công ty nâng thưởng chuyên cần lên 350.000 đồng mỗi tháng và thêm 3 chuyến xe đưa đón công nhân."
    assert spans.extract_span(qt, s, q) == "350.000 đồng"
    # a bare "may" with no "bao nhiêu" still asks ("co may doi")
    assert spans.noun_phrase("co may doi tham gia hoi thi") == ["doi", "tham"]
    # of two "bao nhiêu", the one a noun follows counts ("… bao nhiêu suất quà, mỗi suất trị giá bao nhiêu")
    assert spans.noun_phrase("trao bao nhieu suat qua cho cn may thanh cong, moi suat bao nhieu") == ["suat", "qua"]


def test_a_sitting_is_no_visit():
    qt, q = asked("Phiên chợ Tết công đoàn đón bao nhiêu lượt người lao động?")
    s = "Công đoàn thành phố tổ chức hai phiên chợ Tết cho công nhân lao động."
    assert spans.extract_span(qt, s, q) is None


def test_a_count_verb_after_a_paired_group_is_bound():
    # "đoàn viên, người lao động" is one noun phrase: the verb after the second group is the count's
    qt, q = asked("Đợt khám sức khỏe của công đoàn huyện đã khám cho bao nhiêu người?")
    told = "Kết thúc đợt, 1.450 đoàn viên, người lao động đã được khám miễn phí tại trạm y tế xã."
    other = "Theo phòng y tế, năm ngoái toàn huyện có 3.200 người nghỉ việc vì bệnh nghề nghiệp."
    fq = spans.folded_question(q)
    pred = spans.count_predicate(fq)
    assert "kham" in pred
    span = next(c[1] for c in spans.span_candidates(qt, told, q) if c[1].text.startswith("1.450"))
    assert spans._bound(span, told, pred)
    assert spans.type_fit(qt, told, q) > spans.type_fit(qt, other, q)
    # no second group: the window is the 20 characters after, as before
    far = "Có 1.450 công nhân thuộc ba công ty may lớn, sau đó đã được khám."
    span = next(c[1] for c in spans.span_candidates(qt, far, q) if c[1].text.startswith("1.450"))
    assert not spans._bound(span, far, pred)


def test_past_a_paired_group_only_the_whole_predicate_binds():
    qt, q = asked("Giải bóng đá công nhân của huyện có bao nhiêu cầu thủ tham gia?")
    pred = spans.count_predicate(spans.folded_question(q))
    assert {"tham", "gia"} <= pred
    s = "Lễ khai mạc thu hút 900 đoàn viên, người lao động đến tham dự cổ vũ."
    span = next(c[1] for c in spans.span_candidates(qt, s, q) if c[1].text.startswith("900"))
    assert not spans._bound(span, s, pred)
    s = "Năm nay 240 đoàn viên, người lao động đã tham gia thi đấu."
    span = next(c[1] for c in spans.span_candidates(qt, s, q) if c[1].text.startswith("240"))
    assert spans._bound(span, s, pred)
