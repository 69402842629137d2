"""Hard evidence for declining (a name, a year, a doing the article never tells) and the member's own case (first
person, rights named): answerable questions not to be declined or routed, unanswerable ones not to be answered
(docs/quality.md, "Session 16, helper U" and its review mends). Every sentence here is written for the test."""
from __future__ import annotations


def test_a_word_typed_with_other_accents_is_no_first_person():
    """Typed with accents, "tới" (to), "tối" (evening), "minh bạch" are no "tôi" / "mình": the asker does not
    speak of himself. Typed without accents the words stay ambiguous and are read as the first person."""
    from retrieval.hoidap.advice import _first_person

    assert _first_person("Tiền hỗ trợ của tỉnh sẽ được chuyển tới công nhân nào trước?") == (False, False)
    assert _first_person("Buổi tối hôm đó ai đến thăm xưởng may?") == (False, False)
    assert _first_person("Công ty tôi nợ lương hai tháng thì làm sao?")[0]
    assert _first_person("Mình bị trừ lương có đúng luật không?")[0]
    assert _first_person("cong ty toi no luong thi lam sao")[0]


def test_rights_words_about_others_named_by_place_are_news():
    """Rights vocabulary alone in a question naming a province or a body asks what a report told of others
    (a count of accidents in a province, an agreement signed at a named company): news, not the member's own
    case. A right asked in general terms, or in the first person, or in an advice shape stays his own."""
    from retrieval.hoidap.advice import _rights_named, features, is_advice

    news = "Năm trước ở Hà Giang xảy ra mấy vụ tai nạn lao động?"
    assert _rights_named(features(news))
    assert not is_advice(news)
    assert not _rights_named(features("Tuổi nghỉ hưu của lao động nữ là bao nhiêu?"))
    assert not _rights_named(features("Tôi làm ở Hà Giang, bị tai nạn lao động thì được hưởng chế độ gì?"))
    assert is_advice("Tôi làm ở Hà Giang, bị tai nạn lao động thì được hưởng chế độ gì?")


def test_a_year_compared_with_is_no_year_told():
    """"So với <the thing compared with> ký năm Y, …": the year belongs to what the fact is compared with, up to
    the clause's end — the sentence still tells of the thing asked, whatever its year."""
    from retrieval.answering.notfound import another_edition

    sentence = ("So với bản thỏa ước đầu tiên ký năm 2019, bản mới nâng tiền ăn ca lên 30.000 đồng/suất "
                "và hỗ trợ gửi trẻ 150.000 đồng/tháng.")
    assert another_edition("Thỏa ước ngành gỗ Bình Dương 2024 hỗ trợ gửi trẻ bao nhiêu?", sentence) == []
    told = "Năm 2019, bản thỏa ước hỗ trợ gửi trẻ 100.000 đồng/tháng, so với mức chung của tỉnh."
    assert another_edition("Thỏa ước ngành gỗ Bình Dương 2024 hỗ trợ gửi trẻ bao nhiêu?", told) == ["năm 2019"]


def test_a_name_typed_without_accents_or_taken_for_granted_by_the_outlet():
    """A name typed without accents is the article's accented one; a province a local outlet never writes (its
    own paper or station takes it for granted) is the outlet's."""
    from knowledge.text import fold
    from retrieval.answering.notfound import _name_written

    text = "Ông Trần Văn Bình, Chủ tịch công đoàn, trao quà cho công nhân Công ty Minh Long."
    plain = text.lower()
    folded = fold(plain)
    assert _name_written("tran van binh", plain, folded, set())
    assert not _name_written("trần văn bính", plain, folded, set())  # typed with other accents: another name
    assert _name_written("phú thọ", plain, folded, {"phu tho"})
    assert not _name_written("phú thọ", plain, folded, set())


def test_since_when_asks_the_founding_date():
    """"… có từ ngày tháng năm nào" asks since when a thing exists: its founding, which an anniversary's pair of
    dates gives."""
    from retrieval.answering.notfound import anniversary_for_date

    span = "15-5-1995 - 15-5-2025"
    assert not anniversary_for_date("date", "Quỹ khuyến học của xã có từ ngày tháng năm nào?", span)
    assert anniversary_for_date("date", "Hội thi năm nay khai mạc vào ngày nào?", span)


def test_an_article_writing_a_body_by_its_initials_covers_the_words_a_question_spells_out():
    """A question's "LĐLĐ TP" is read as "liên đoàn lao động thành phố"; a report writing the body by its
    initials covers those words as well as one writing them in full — so reading on past an article of another
    province compares the two fairly (`answer._read_on`), and the article's coverage is what the decision weighs
    (`notfound.decide`)."""
    from retrieval.answering.notfound import coverage, written_out

    rest = "ldld trao nha tinh nghia cho doan vien nao"
    initials = "Chủ tịch LĐLĐ Vĩnh Long trao nhà tình nghĩa cho đoàn viên Lê Văn Tư."
    spelled = "Hôm qua Liên đoàn Lao động Vĩnh Long trao nhà tình nghĩa cho đoàn viên Lê Văn Tư."
    assert coverage(rest, initials) < coverage(rest, spelled)
    assert coverage(rest, written_out(initials)) == coverage(rest, written_out(spelled)) == 1.0


def test_a_contestant_asked_by_which_is_the_doer():
    """"Thí sinh / đội / vận động viên nào đoạt giải …" asks who won, as "Ai đoạt giải …" does: a sentence that
    never tells the winning names no winner."""
    from retrieval.answering.notfound import unsaid_doing

    opening = "Hội thi nấu ăn của công nhân khu chế xuất Linh Trung khai mạc sáng 4/5 với 12 đội tham gia."
    assert unsaid_doing("Đội nào đoạt giải nhất hội thi nấu ăn Linh Trung?", opening) == ["đoạt", "giải"]
    result = "Đội công đoàn Công ty Hòa Phát đoạt giải nhất hội thi nấu ăn."
    assert unsaid_doing("Đội nào đoạt giải nhất hội thi nấu ăn Linh Trung?", result) == []
    assert unsaid_doing("Người nào phát biểu khai mạc hội thi?", opening) == []  # not a contestant: not read


def test_every_check_against_the_quoted_sentence_speaks():
    """A sentence can fail a question twice — it tells another year's meeting, and not the doing asked: every check
    that speaks is returned (`answer.answer` reads which ones to look on past it), the first is the reason shown."""
    from retrieval.answering.notfound import evidence_against, sentence_evidence

    q = "Ai khen thưởng các đơn vị tại hội nghị sơ kết năm 2024?"
    other_year = "Tại hội nghị sơ kết năm 2023, đồng chí Nguyễn Văn An phát biểu chỉ đạo."
    against = evidence_against(q, other_year, "who", "Nguyễn Văn An")
    assert list(against) == ["another_edition", "unsaid_doing"]
    assert sentence_evidence(q, other_year, "who", "Nguyễn Văn An") == against["another_edition"]
    told = "Tại hội nghị sơ kết năm 2024, đồng chí Nguyễn Văn An khen thưởng 12 đơn vị."
    assert evidence_against(q, told, "who", "Nguyễn Văn An") == {} and sentence_evidence(q, told, "who", "Nguyễn Văn An") == ""
    # the checks answer.answer looks for are among those evidence_against names (its keys are its checks' names)
    from retrieval.answering import notfound
    assert set(against) <= notfound.UNDONE_CHECKS | notfound.ANOTHER_TIME_CHECKS
    assert all(callable(getattr(notfound, k, None)) for k in notfound.UNDONE_CHECKS | notfound.ANOTHER_TIME_CHECKS)


def test_a_span_of_years_is_no_day():
    """"… vào ngày nào?" is answered by a day; a term or a period of years names none."""
    from retrieval.answering.notfound import sentence_evidence, years_for_day

    q = "Đợt thi đua đầu tiên của ngành than kết thúc vào ngày nào?"
    assert years_for_day("date", q, "nhiệm kỳ 2023 - 2028")
    assert years_for_day("date", q, "giai đoạn 2021-2025")
    assert not years_for_day("date", q, "ngày 30/6/2025")
    assert not years_for_day("date", q, "30/6/2024 - 30/6/2025")
    assert not years_for_day("date", "Đại hội diễn ra trong nhiệm kỳ nào?", "nhiệm kỳ 2023 - 2028")
    assert "khoảng năm" in sentence_evidence(q, "Đại hội nhiệm kỳ 2023 - 2028 đã thành công.", "date", "nhiệm kỳ 2023 - 2028")


def test_words_that_fold_like_the_first_person_in_fixed_phrases():
    """Typed without accents, "huong toi" (hướng tới), "sap toi" (sắp tới) and the "minh" of "Hồ Chí Minh" are no
    first person; "ti dong bao nhieu" asks money, not what one pays ("đóng bao nhiêu")."""
    from retrieval.hoidap.advice import features

    f = features("cong doan to chuc hoi thi huong toi ky niem ngay thanh lap bao nhieu nam")
    assert not f["first_person"]
    assert not features("thanh pho ho chi minh co bao nhieu cong doan co so")["first_person"]
    assert not features("sap toi cong doan tinh to chuc may giai")["first_person"]
    assert features("toi lam o day 3 nam")["first_person"]
    assert not features("co 120 doanh nghiep no gan 30 ti dong bao nhieu thang")["advice_shape"]
    assert features("doan phi moi thang dong bao nhieu")["advice_shape"]


def test_a_change_asked_by_which_is_no_team():
    """"thay / biến / sửa / quy đổi nào" fold like "đội nào": a change asked, not a contestant; no doing is read."""
    from retrieval.answering.notfound import unsaid_doing

    q = "Luật mới có những thay đổi nào đáng chú ý cho người lao động?"
    assert unsaid_doing(q, "Luật sửa đổi có hiệu lực từ đầu năm sau.") == []


def test_my_money_and_my_sister_stay_the_first_person():
    """Typed with accents, "tiền tôi" and "chị mình" are the asker's own (the accents tell "tôi" from "tới" and
    "mình" from "Minh"); typed without accents "tien toi" cannot be told from "tiến tới" and stays the first
    person; only "hướng / sắp tới" and "Hồ Chí Minh" are fixed phrases."""
    from retrieval.hoidap.advice import _first_person, is_advice

    assert _first_person("Tiền tôi bị công ty trừ có đúng luật không?") == (True, True)
    assert _first_person("Chị mình bị công ty nợ lương hai tháng thì phải làm sao?")[0]
    assert is_advice("Chị mình làm ở KCN Tân Tạo, tháng này được thưởng Tết bao nhiêu?")
    assert _first_person("tien toi bi tru co dung luat khong")[0]
    assert not _first_person("Công đoàn TP.HCM có bao nhiêu công đoàn cơ sở?")[0]


def test_what_the_company_pays_is_advice_shaped():
    """"công ty đóng bao nhiêu" asks what is paid in; only an amount of money ("30 tỉ đồng") followed by a
    question is no "đóng"."""
    from retrieval.hoidap.advice import features, is_advice

    assert features("Mỗi tháng công ty đóng bao nhiêu tiền bảo hiểm cho người lao động?")["advice_shape"]
    assert features("cong ty dong bao nhieu phan tram bhxh")["advice_shape"]
    assert is_advice("Mỗi tháng công ty đóng bao nhiêu tiền bảo hiểm cho người lao động?")


def test_a_right_set_by_region_named_with_its_place_stays_the_members():
    """The regional minimum wage asked with a province named is the member's right, not a report of others."""
    from retrieval.hoidap.advice import _rights_named, features, is_advice

    q = "Lương tối thiểu vùng ở Bình Dương năm nay là bao nhiêu?"
    assert not _rights_named(features(q), q)
    assert is_advice(q)


def test_a_province_taken_for_granted_by_the_outlet_is_not_missing_through_decide():
    """Through `decide`: a local outlet's article that names no province is about the outlet's own province, so
    the question naming it misses no name (its places are read beside its names, both with the outlet)."""
    from types import SimpleNamespace

    from retrieval.answering.notfound import decide
    from retrieval.index.search import Query

    text = "Công đoàn ngành giáo dục trao 50 suất quà cho giáo viên nghèo nhân dịp năm học mới."
    index = SimpleNamespace(articles={"a": {"url": "https://baophutho.vn/tin/trao-qua.html", "date": ""}}, idf={})
    q = "Công đoàn ngành giáo dục tỉnh Phú Thọ trao bao nhiêu suất quà cho giáo viên?"
    query = Query(text=q, dense_text=q, accented=True, qtype="number", years=[], recent=False)
    out = decide(index, SimpleNamespace(query=query), "a", text, 0.8)
    assert out["missing_names"] == []
    other = SimpleNamespace(articles={"a": {"url": "https://example.vn/tin/trao-qua.html", "date": ""}}, idf={})
    assert decide(other, SimpleNamespace(query=query), "a", text, 0.8)["missing_names"]


def test_a_comparison_stops_where_the_next_clause_starts():
    """"so với cùng kỳ và năm 2023 đạt …": the comparison ends at "và"; the year after it is told."""
    from retrieval.answering.notfound import another_edition

    s = "Thu nhập bình quân tăng 8% so với cùng kỳ và năm 2023 đạt 9 triệu đồng/tháng."
    assert another_edition("Thu nhập bình quân năm 2024 là bao nhiêu?", s) == ["năm 2023"]


def test_a_family_a_child_and_a_shorthand_province_are_no_own_case():
    """Three readings that made news questions a member's own case: "gia đình công nhân" folds to a run holding
    "đình công" (a strike); "một cháu nhỏ" is a child, not the asker calling himself "cháu"; "ở bd" names a
    province as much as "ở Bình Dương" does (rights vocabulary about others named by place is news)."""
    from retrieval.hoidap.advice import features, is_advice

    family = "Đội nào thắng hội thi gia đình công nhân khéo tay năm nay?"
    assert not features(family)["rights"]
    assert features("Công nhân đình công thì công đoàn có được đứng ra đối thoại không?")["rights"]
    child = "Mỗi cháu nhỏ của công nhân khu trọ được tặng bao nhiêu tiền trợ cấp học tập?"
    assert not features(child)["first_person"]
    assert features("cháu làm công nhân may, cháu có được trợ cấp nuôi con nhỏ không ạ")["first_person"]
    assert is_advice("cháu làm công nhân may, cháu có được trợ cấp nuôi con nhỏ không ạ")
    shorthand = "dv mat viec o bd duoc ho tro bao nhieu tien"
    assert features(shorthand)["names"]
    assert not is_advice(shorthand)
    assert is_advice("em bi mat viec o bd thi co duoc tro cap that nghiep khong")
