"""Questions typed the way members chat (issue 23, session 14): shorthand, politeness, accents left off
some or all words — and the synthetic chat-style variants that measure it. Sentences written for these
tests."""
from knowledge.text import fold
from retrieval.evaluation.chatstyle import N_VARIANTS, chat_variants
from retrieval.language.chat import accent_share, expand_question, typed_with_accents
from retrieval.language.qtype import question_type


def test_common_texting_shorthand_is_written_out():
    assert expand_question("hội nghị có bnhiu ng dự") == "hội nghị có bao nhiêu người dự"
    assert expand_question("quy khuyen hoc tang bao nhiu suat") == "quy khuyen hoc tang bao nhiêu suat"
    assert expand_question("pct ldld huyen nay la ai") == "phó chủ tịch liên đoàn lao động huyen nay la ai"
    assert expand_question("cb cd di tham cn vs ai") == "cán bộ công đoàn di tham công nhân với ai"
    assert expand_question("bh thi le trao giai ms bat dau") == "bao giờ thi le trao giai mới bat dau"
    # "bh" is bao giờ only where a time is asked; "đóng bh" is bảo hiểm
    assert expand_question("giai chay dien ra den bh") == "giai chay dien ra den bao giờ"
    assert expand_question("lễ trao giải bh diễn ra") == "lễ trao giải bao giờ diễn ra"
    assert expand_question("nghỉ việc rồi có phải đóng bh nữa ko") == "nghỉ việc rồi có phải đóng bh nữa không"
    assert expand_question("giai chay cx lm vao trc tet a") == "giai chay cũng làm vao trước tet"
    assert expand_question("nv bv tinh dc tang bao nhieu phan qua") == \
        "nhân viên bệnh viện tinh được tang bao nhieu phan qua"
    assert expand_question("moi suat hoc bong 2tr hay 3 tr dong") == "moi suat hoc bong 2 triệu hay 3 triệu dong"


def test_initials_for_people_and_places_members_type():
    """Written by the team (session 18): initials a member types for what news writes in full."""
    assert expand_question("sv truong nao dc tang hoc bong") == "sinh viên truong nao được tang hoc bong"
    assert expand_question("gv dc ho tro bn tien") == "giáo viên được ho tro bao nhiêu tien"
    assert expand_question("tgđ cty may la ai") == "tổng giám đốc công ty may la ai"
    assert expand_question("pgđ nào trao quà cho cn") == "phó giám đốc nào trao quà cho công nhân"
    assert expand_question("ktx cong nhan xay o dau") == "ký túc xá cong nhan xay o dau"
    assert expand_question("kq hoi thi ra sao") == "kết quả hoi thi ra sao"
    assert expand_question("ngta dag hoi ve cai gi") == "người ta đang hoi ve cai gi"
    assert expand_question("cđ ngành gd tỉnh có bn đv") == "công đoàn ngành giáo dục tỉnh có bao nhiêu đoàn viên"
    assert expand_question("so gd tang qua cho ai") == "so giáo dục tang qua cho ai"
    assert expand_question("gđ cty la ai") == "gđ công ty la ai"  # giám đốc or gia đình: as typed
    for typed in ("hs can nop gi", "qđ so 12 la gi", "nd cuoc thi la gi"):  # two meanings each: as typed
        assert expand_question(typed) == typed, typed


def test_initials_with_two_meanings_are_read_by_what_follows():
    # "ct": chủ tịch before a body or "là ai", otherwise left as typed ("chương trình" is as common)
    assert expand_question("ct cd nganh y te la ai") == "chủ tịch công đoàn nganh y te la ai"
    assert expand_question("ct ldld tinh nam 2024 la ai") == "chủ tịch liên đoàn lao động tinh nam 2024 la ai"
    assert expand_question("ct khuyen mai cho doan vien ten gi") == "ct khuyen mai cho doan vien ten gi"
    # "đh": đại hội before a body, an ordinal or a term; after "công đoàn" or before a kind of school it is the
    # university's (session 18), unless the congress's ordinal follows
    assert expand_question("dh cd tinh lan thu x co bao nhieu dai bieu") == \
        "đại hội công đoàn tinh lan thu x co bao nhieu dai bieu"
    assert expand_question("đh xii nhiem ky 2023-2028 bau ai") == "đại hội xii nhiem ky 2023-2028 bau ai"
    assert expand_question("cong doan dh bach khoa co bao nhieu doan vien") == \
        "cong doan đại học bach khoa co bao nhieu doan vien"
    assert expand_question("sinh vien dh su pham duoc tang qua gi") == "sinh vien đại học su pham duoc tang qua gi"
    assert expand_question("cong doan dh lan thu x bau ai") == "cong doan dh lan thu x bau ai"
    assert expand_question("Công đoàn ĐH Bách khoa có bao nhiêu đoàn viên?") == \
        "Công đoàn ĐH Bách khoa có bao nhiêu đoàn viên?"  # in capitals, as news writes it: read as typed
    assert expand_question("dh y te nam nay o dau") == "dh y te nam nay o dau"  # a university or the sector's congress
    # "đk": được before what is received or counted, "đăng ký" otherwise
    assert expand_question("moi nguoi dk nhan bao nhieu tien") == "moi nguoi được nhan bao nhieu tien"
    assert expand_question("dk tham gia giai o dau") == "dk tham gia giai o dau"
    # "kh" / "hông" only as the yes/no ending
    assert expand_question("cong doan co ho tro tien hoc kh") == "cong doan co ho tro tien hoc không"
    assert expand_question("kh cua cong ty duoc tang qua gi") == "kh cua cong ty duoc tang qua gi"
    assert expand_question("năm nay có thưởng tết hông") == "năm nay có thưởng tết không"
    assert expand_question("bà Nguyễn Thị Hồng làm gì") == "bà Nguyễn Thị Hồng làm gì"


def test_politeness_as_members_type_it_is_dropped():
    assert expand_question("cho e hỏi chút là năm 2023 lđlđ có mấy đv vậy ạ? cảm ơn ad") == \
        "năm 2023 liên đoàn lao động có mấy đoàn viên?"
    assert expand_question("dạ cho mk hỏi hội thi tổ chức ở đâu z ad") == "hội thi tổ chức ở đâu"
    assert expand_question("em chào ad, cho em hỏi giải bóng đá khai mạc hôm nào nhé") == \
        "giải bóng đá khai mạc hôm nào"
    assert expand_question("ai biết cho mình hỏi ai là chủ tịch công đoàn tỉnh v ạ") == \
        "ai là chủ tịch công đoàn tỉnh"
    assert expand_question("mn ơi hội nghị có bao nhiêu đại biểu với ạ") == "hội nghị có bao nhiêu đại biểu"
    assert expand_question("ad oi giai chay ket thuc luc nao dzay") == "giai chay ket thuc luc nao"
    assert expand_question("mn cho e hỏi hội thao có mấy môn") == "hội thao có mấy môn"
    # thanks after a stop, a comma or "ạ"; not the words a question ends on
    assert expand_question("Đoàn phí đóng theo mức nào ạ? Em cảm ơn.") == "Đoàn phí đóng theo mức nào?"
    assert expand_question("hội thi có mấy đội vậy ạ cảm ơn ad") == "hội thi có mấy đội"
    assert expand_question("ai gửi thư cảm ơn") == "ai gửi thư cảm ơn"
    # folded "hở" / "hẹn" are the end of "căn hộ" / "lịch hẹn": no particles
    assert expand_question("khu nhà ở công nhân có bao nhiêu căn hộ") == "khu nhà ở công nhân có bao nhiêu căn hộ"
    # not politeness: a place that folds like "dạ", the Roman numeral V, a loan
    assert expand_question("da nang co bao nhieu doan vien") == "da nang co bao nhieu doan vien"
    assert expand_question("ai được bầu ở đại hội khóa V") == "ai được bầu ở đại hội khóa V"
    assert expand_question("ai la chu tich hoi nghi lan v") == "ai la chu tich hoi nghi lan v"
    assert expand_question("quỹ cho công nhân vay bao nhiêu?") == "quỹ cho công nhân vay bao nhiêu?"


def test_a_question_with_accents_on_few_words_reads_as_unaccented():
    partly = "cho em hoi năm 2023 cong doan tinh co may doi tham gia giai"
    assert accent_share(partly) < 0.4 and not typed_with_accents(partly)
    assert question_type(expand_question(partly)) == "number"  # "may" asks, as typed without accents
    # typed with accents on most words, with a foreign company name: still accented, "May" no "mấy"
    assert typed_with_accents("Công ty May Garment Vina tổ chức hội thao ở đâu?")
    assert question_type("Công ty May Garment Vina tổ chức hội thao ở đâu?") == "where"
    # the shorthand's own "đ" says nothing of how the rest was typed
    assert not typed_with_accents("đh cđ tinh co bao nhieu dai bieu")
    # a "máy" typed with its accents is no "mấy" even where the rest has none
    assert question_type("cong ty tang máy tinh cho truong nao", False) != "number"


def test_shorthand_questions_keep_their_question_type():
    assert question_type(expand_question("ct cd tinh quang nam la ai z")) == "who"
    assert question_type(expand_question("hội thi có bnhiu ng tham gia ạ")) == "number"
    assert question_type(expand_question("bjo thi dh cd nganh dien dien ra a")) == "date"
    assert question_type(expand_question("cd co ho tro j cho cn bi tai nan v ad")) == "what"


def test_chat_variants_are_seeded_tagged_and_typed_as_members_do():
    q = "Năm 2024, Công đoàn tỉnh hỗ trợ bao nhiêu người lao động bị mất việc?"
    made = chat_variants(q)
    assert made == chat_variants(q) and len(made) == N_VARIANTS  # the same on every run
    for tags, text in made:
        assert text == text.lower() and not text.endswith("?") and "lower" in tags and "noq" in tags
    assert any("nodia" in tags and not typed_with_accents(text) for tags, text in made)
    assert any(t.startswith("short:") for tags, _ in made for t in tags)
    assert any("open" in tags for tags, _ in made) and any("close" in tags for tags, _ in made)
    # an unaccented "moi" may be "mỗi": not typed as the shorthand of "mới"
    for _, text in chat_variants("Moi suat qua tri gia bao nhieu tien?"):
        assert " ms " not in f" {text} "


def test_accented_questions_with_short_words_typed_bare():
    # "tên gi" at the end of an accented question about a person: a who-question
    assert question_type("ông chủ nhà trọ được công đoàn thăm hỏi tên gi") == "who"
    assert question_type("Chủ tịch công đoàn huyện tên la gì?") == "who"
    # "có may / gồm may" typed without the accent of "mấy" in an accented question: a count
    assert question_type("giải bóng đá công nhân năm nay có may đội tham gia") == "number"
    assert question_type("ngành dệt may của tỉnh tổ chức hội thi ở đâu") == "where"


def test_chat_variants_of_the_team_corpus_are_answered_like_their_originals(kb):
    """`eval --synthetic`'s chat row: variants of the questions the knowledge base gets right, by split."""
    from retrieval.evaluation.chatstyle import EVAL_RECIPES, chat_scores, eval_row
    from tests.helpers import questions
    qs = questions()
    sides = ["first" if i % 2 else "second" for i in range(len(qs))]
    seen = []
    scores = chat_scores(kb, qs, sides, on_variant=lambda q, tags, v, ans, ok: seen.append((tags, ok)),
                         which=EVAL_RECIPES)
    assert set(scores) == {"first", "second"}
    assert seen and all("lower" in tags for tags, _ in seen)
    total = sum(s["variants"] for s in scores.values())
    kept = sum(s["kept"] for s in scores.values())
    assert total >= 20 and kept / total >= 0.8, scores
    row = eval_row(scores)
    assert row["first: variants"] == scores["first"]["variants"] and "second: answer in reply" in row


def test_question_phrases_as_members_say_them():
    assert question_type("hội thi diễn ra vào tháng mấy") == "date"
    assert question_type("cong doan thanh lap nam may") == "date"
    assert question_type("giải chạy tổ chức bữa nào vậy") == "date"
    assert question_type("chung nao thi phat qua tet") == "date"
    assert question_type("hội nghị tổ chức hồi nào") == "date"
    assert question_type("mấy tháng thì xong công trình") == "number"  # counts months
    assert question_type("hoi thao to chuc cho nao") == "where"
    assert expand_question("mỗi suất quà trị giá nhiêu tiền vậy") == "mỗi suất quà trị giá bao nhiêu tiền"
    assert expand_question("moi suat qua tri gia nhieu tien") == "moi suat qua tri gia bao nhiêu tien"
    assert expand_question("công đoàn có hỗ trợ nhiều tiền") == "công đoàn có hỗ trợ nhiều tiền"
    assert question_type(expand_question("mỗi suất quà trị giá nhiêu tiền")) == "number"


def test_a_first_syllable_typed_as_its_letter_and_a_dot_is_read_from_the_knowledge_base():
    from types import SimpleNamespace

    from retrieval.index.restore import Restorer
    from retrieval.index.search import _read
    r = Restorer.build(["Công đoàn công ty trao quà cho công nhân và đoàn viên.", "Công nhân nhận quà của công đoàn."])
    assert r.dotted("c.đoàn cty có bao nhiêu đ.viên") == "công đoàn cty có bao nhiêu đoàn viên"
    assert r.dotted("c.doan tang qua cho c.nhan nao") == "cong doan tang qua cho cong nhan nao"  # accents as typed
    # a name's initials, "v.v", a district number and a pair the knowledge base never wrote stay as typed
    assert r.dotted("Nguyễn V.An, v.v, q.7, x.yến") == "Nguyễn V.An, v.v, q.7, x.yến"
    text, _, _ = _read(SimpleNamespace(restorer=r), "c.đoàn có bn đ.viên vậy ạ")
    assert text == "công đoàn có bao nhiêu đoàn viên"


def test_central_vietnamese_question_words_typed_with_accents(kb):
    """Central Vietnamese asks with "mô" (đâu / nào), "răng" (sao), "rứa" (vậy), "nớ" (đó), "ni" (này), "chi"
    (gì). Read as typed with accents and only where they ask: "mô hình", "quy mô", "khám răng", "chi bao nhiêu"
    (spend) and the folded forms ("mo" is also "mở") are left as typed."""
    assert expand_question("Hội thao công nhân năm ni tổ chức ở mô rứa?") == "Hội thao công nhân năm này tổ chức ở đâu?"
    assert expand_question("đại hội công đoàn tỉnh khi mô diễn ra") == "đại hội công đoàn tỉnh khi nào diễn ra"
    assert expand_question("đơn vị mô đạt giải nhất") == "đơn vị nào đạt giải nhất"
    assert expand_question("khẩu hiệu của đại hội là chi rứa") == "khẩu hiệu của đại hội là gì"
    assert expand_question("hội nghị nớ có bao nhiêu người") == "hội nghị đó có bao nhiêu người"
    assert expand_question("công đoàn làm răng để giúp công nhân") == "công đoàn làm sao để giúp công nhân"
    for typed in ("các mô hình công đoàn mới", "quy mô của giải", "khám răng miễn phí cho công nhân",
                  "công đoàn chi bao nhiêu tiền", "mo hoi thi o dau"):
        assert expand_question(typed) == typed, typed
    assert question_type(expand_question("giải chạy tổ chức hồi mô")) == "date"
    ans = kb.ask("Hội thao công nhân Khu công nghiệp Phú Nghĩa năm 2024 các trận đấu diễn ra ở mô rứa?").answer
    assert ans.found and "Nhà văn hóa công nhân Phú Nghĩa" in ans.shown_sentence, (ans.span, ans.reason)


def test_what_the_shorthand_rules_must_leave_alone():
    """A second read of session 14's rules, on our own sentences: "mô hình / mô tả / mô tô / vĩ mô" are no
    "mô"; "nhieu" before a yes/no ending is "many"; "đh" after "trường / cđ" is a university (no congress) and "ct" before
    what a programme is about is a programme; "có may mắn" / "với May 10" are no "mấy"; the words the
    pipeline writes out ("đại hội", "người") are not the member's accents."""
    for typed in ("Hội thảo về mô hình công đoàn số", "công ty mô tả công việc thế nào", "kinh tế vĩ mô",
                  "co duoc ho tro nhieu khong", "ct tình nguyện mùa hè ở đâu"):
        assert expand_question(typed) == typed, typed
    assert expand_question("trường đh công đoàn ở đâu") == "trường đại học công đoàn ở đâu"  # (session 18)
    assert expand_question("cđ đh bách khoa") == "công đoàn đại học bách khoa"
    assert expand_question("ct cd tinh la ai") == "chủ tịch công đoàn tinh la ai"
    assert question_type("Ai có may mắn nhận giải đặc biệt?") == "who"
    assert question_type("Công đoàn ký thỏa ước với May 10 khi nào?") == "date"
    assert question_type("Giải bóng đá có may đội tham gia?") == "number"
    assert not typed_with_accents(expand_question("dh tp bau may ng"))
    assert question_type(expand_question("dh tp bau may ng")) == "number"


def test_a_closing_word_typed_with_other_accents_is_no_particle():
    """Folded, "giải nhì" ends like the particle "nhỉ": typed with accents, a word that is none of the particles'
    own forms is a word of the question and stays; the particles after it still go."""
    assert expand_question("Mấy đội đạt giải nhì?") == "Mấy đội đạt giải nhì?"
    assert expand_question("mấy đội đạt giải nhì nhỉ?") == "mấy đội đạt giải nhì?"
    assert expand_question("chủ tịch là ai vậy ạ?") == "chủ tịch là ai?"
    assert expand_question("chu tich la ai vay a") == "chu tich la ai"


def test_southern_closing_particles_are_dropped():
    from retrieval.language.chat import expand_question
    assert expand_question("Chủ tịch công đoàn xã là ai á?") == "Chủ tịch công đoàn xã là ai?"
    assert expand_question("Hội diễn tổ chức ở đâu nè?") == "Hội diễn tổ chức ở đâu?"
    assert expand_question("Giải nhất được bao nhiêu tiền há?") == "Giải nhất được bao nhiêu tiền?"
    assert expand_question("Công nhân phải tránh né?") == "Công nhân phải tránh né?"


def test_session26_texting_shorthand_and_group_particles():
    """Session 26 (issue 23): standard texting for words union news writes in full, and "ae" (anh em) closing
    a question to a group. Sentences written for this test, in the team's chat style."""
    assert expand_question("phien giao dich vl o dong nai co bn dn tham gia v") == \
        "phien giao dich việc làm o dong nai co bao nhiêu doanh nghiệp tham gia"
    assert expand_question("ngày hội vl của lđlđ tỉnh tổ chức hôm nào vậy") == \
        "ngày hội việc làm của liên đoàn lao động tỉnh tổ chức hôm nào"
    assert expand_question("luat cd 2024 co hieu luc tu ngay nao vay ae") == "luat công đoàn 2024 co hieu luc tu ngay nao"
    assert expand_question("ae oi giai chay co bn vdv") == "giai chay co bao nhiêu vận động viên"
    assert expand_question("dh thanh lap nghiep doan o dau") == "đại hội thanh lap nghiep doan o dau"
    assert expand_question("dh clb huu tri lan 2 co bn dai bieu") == "đại hội clb huu tri lan 2 co bao nhiêu dai bieu"
    assert expand_question("sdt duong day nong cua cd la so may") == "số điện thoại duong day nong cua công đoàn la so may"
    assert expand_question("thu nhập bq của cn năm 2025 khoảng bn") == \
        "thu nhập bình quân của công nhân năm 2025 khoảng bao nhiêu"
    assert expand_question("ai la truong btc hoi thi, truong bgk la ai") == \
        "ai la truong ban tổ chức hoi thi, truong ban giám khảo la ai"
    assert expand_question("co bn nv y te qnam nghi viec") == "co bao nhiêu nhân viên y te quảng nam nghi viec"
    assert expand_question("hội thao hp lần 8 ai vô địch vậy") == "hội thao hải phòng lần 8 ai vô địch"


def test_session26_shorthand_left_as_typed_where_it_means_otherwise():
    """"vl" as the last word is the exclamation; "hp" after what is done to a fee is học phí."""
    assert expand_question("giai thuong to vl") == "giai thuong to vl"
    assert expand_question("cd co ho tro hp cho con cn ko") == "công đoàn co ho tro hp cho con công nhân không"
    assert expand_question("mien hp cho con dv bn nam") == "mien hp cho con đoàn viên bao nhiêu nam"


def test_terse_variants_are_typed_short_as_a_group_chat_is():
    """Session 26: the terse recipe (the one `make eval` asks beside the politeness one) leaves off the unit
    before a name and small words, types ordinals as numbers and places by their initials — as the team's chat
    questions do. Sentences written for this test."""
    from retrieval.evaluation.chatstyle import EVAL_RECIPES, RECIPES, _terse
    import random
    assert len(RECIPES) - 1 in EVAL_RECIPES
    tags = []
    out = _terse("đại hội công đoàn tỉnh hà tĩnh lần thứ xiv tổ chức ở đâu", random.Random(1), True, tags)
    assert "lần 14" in out and "terse" in tags
    made = [_terse("năm 2024 liên đoàn lao động thành phố hải phòng đã hỗ trợ các công nhân của công ty",
                   random.Random(seed), False, []) for seed in range(20)]
    assert any(" hp " in f" {m} " for m in made) and any("của" not in m and "các" not in m for m in made)
    assert all("2024" in m and "hỗ trợ" in m for m in made)  # what is asked about stays
    typed = "chủ tịch công đoàn ngành giáo dục kể tên ai"
    swapped = []
    for seed in range(20):
        tags = []
        out = _terse(typed, random.Random(seed), True, tags)
        if "tone" in tags:
            swapped.append(out)
    assert swapped and all(m != typed and fold(m) == fold(typed) for m in swapped)  # one hỏi / ngã mark swapped


def test_session26_places_by_initials_and_younger_texting():
    """A province by its initials only after what places it; "bd" after a contest word is bóng đá; "mấy h",
    "khum", "oy", "ji"; "ace / mng ơi" as openings. Sentences written for this test."""
    assert expand_question("dv mat viec o bd dc gioi thieu di dau") == \
        "đoàn viên mat viec o bình dương được gioi thieu di dau"
    assert expand_question("ldld bg to chuc cho tet o dau") == "liên đoàn lao động bắc giang to chuc cho tet o dau"
    assert expand_question("vua phá lưới giải bđ cn là ai z") == "vua phá lưới giải bóng đá công nhân là ai"
    assert expand_question("bd nam co may doi") == "bóng đá nam co may doi"
    assert expand_question("nha tre mo cua may h") == "nha tre mo cua may giờ"
    assert expand_question("ace oi cd co ho tro tien tro khum") == "công đoàn co ho tro tien tro không"
    assert expand_question("mng oi hoi thi lm oy a") == "hoi thi làm rồi"
    assert expand_question("hội nghị lấy ý kiến về ji vậy mng") == "hội nghị lấy ý kiến về gì"
    # initials with other meanings stay as typed where nothing places them
    for typed in ("hn doi thoai cn to chuc ngay nao", "bg thi trao giai", "vp cong doan o dau"):
        assert fold(expand_question(typed)).split()[0] == typed.split()[0], typed
    for typed in ("hop tai vp cong doan", "phat bieu tai hn"):  # văn phòng, hội nghị
        assert expand_question(typed) == typed, typed
