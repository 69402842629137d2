"""Session 28, helper P: a question about what was done, and a sentence stating only a plan (spans.plan_marks,
choose.scores' "tense"). Sentences of the team's own articles (tests/data/team/teamq17, teamq15)."""
from retrieval.answering import spans
from retrieval.answering.choose import Option, announces, scores
from retrieval.params import GATE, PLAN_ONLY_FIT

# teamq17 b-17-thanhhoa-taphuan-2025: the lede reports the class held, the last sentence the year's plan
HELD = ("Báo Thanh Hóa - Ngày 6/6/2025, tại Cung Văn hóa Lao động tỉnh, LĐLĐ tỉnh Thanh Hóa khai mạc lớp tập huấn "
        "\"Kỹ năng chuyển đổi số trong hoạt động công đoàn\" cho 320 cán bộ công đoàn cơ sở thuộc các huyện Thọ "
        "Xuân, Triệu Sơn, Nông Cống và TP Thanh Hóa.")
PLANNED = "Năm 2025, LĐLĐ tỉnh Thanh Hóa dự kiến mở 8 lớp tập huấn về chuyển đổi số cho khoảng 2.400 cán bộ công đoàn."
# teamq15: where the talk was held, and where it goes next
NEXT = ("Theo kế hoạch, chương trình sẽ được tổ chức tiếp tại Khu công nghiệp Nhơn Trạch vào tháng 8 và Khu công "
        "nghiệp Long Thành vào tháng 9/2025.")


def test_a_plan_sentence_answers_no_question_about_what_was_done():
    q = "lop tap huan chuyen doi so cua ldld thanh hoa co bn can bo cd tham du"
    assert spans.plan_marks(q, [PLANNED, HELD]) == [(False, True), (False, False)]
    where = "Buổi nói chuyện phòng chống lừa đảo cho công nhân Đồng Nai diễn ra ở khu công nghiệp nào?"
    assert spans.plan_marks(where, [NEXT]) == [(False, True)]


def test_the_discount_ranks_sentences_not_the_article():
    planned = Option(0, 0, PLANNED, "", {"dense": 1.0, "lex": 1.0, "fit": 1.0, "tense": PLAN_ONLY_FIT})
    within, whole = scores([planned]), scores([planned], tensed=False)
    assert whole[0] == 1.0 and abs(within[0] - (GATE + (1 - GATE) * PLAN_ONLY_FIT)) < 1e-9


def test_a_plan_asked_keeps_its_plan_sentence():
    q = "Năm 2025 Thanh Hóa dự kiến mở bao nhiêu lớp tập huấn chuyển đổi số?"
    # the other way round: the plan asked, the sentence of what was done states none
    assert spans.plan_marks(q, [PLANNED, HELD]) == [(False, False), (True, False)]
    assert spans.plan_marks("Chương trình sẽ tổ chức tiếp ở khu công nghiệp nào?", [NEXT]) == [(False, False)]


def test_reported_speech_in_the_future_is_no_plan_sentence():
    # "sẽ" alone: what someone says they will keep doing, beside the facts of the event
    said = "Chị Lê Thị Hoa cho biết công ty sẽ chuyển toàn bộ việc quản lý đoàn viên sang phần mềm."
    assert spans.plan_marks("Công ty của chị Hoa có bao nhiêu công nhân?", [said]) == [(False, False)]


def test_an_article_announcing_its_event_keeps_its_plan_sentences():
    # the title or the lede in the future: every fact of the article is of a plan, asked in no future words
    assert announces("Công đoàn tỉnh sẽ tổ chức hội thi an toàn vệ sinh viên giỏi", "")
    assert not announces("Thanh Hóa: Tập huấn kỹ năng số cho cán bộ công đoàn cơ sở", HELD)


def test_an_article_reporting_the_plan_for_its_event_keeps_its_plan_sentences():
    # the article is the plan ("triển khai / ban hành kế hoạch tổ chức …"): its "dự kiến" sentence is the event's fact
    assert announces("Công đoàn ngành Y tế triển khai kế hoạch tổ chức hội thao chào mừng 28/7", "")
    assert announces("Hội thao ngành Y tế năm nay", "LĐLĐ tỉnh vừa ban hành kế hoạch tổ chức hội thao cho 1.200 vận động viên.")
    # carrying the plan out is a report of the event done
    assert not announces("Thực hiện kế hoạch của LĐLĐ tỉnh, hội thao ngành Y tế khép lại sau 3 ngày", HELD)
