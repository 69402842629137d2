"""What kind of answer a question wants, read from its (folded) wording."""
from __future__ import annotations

import re
from functools import lru_cache

from knowledge.text import fold, has_diacritics, normalize

from .chat import typed_with_accents

# Checked in order; the first match wins. Patterns run on folded text so that
# "khi nào" and "khi nao" are the same question.
# "<noun> thứ mấy" asks the ordinal of that noun ("lần / năm / mùa giải / đứng thứ mấy"); "thứ mấy" is a
# weekday only after "vào / ngày / hôm / là …", at the question's start, or before "hằng tuần".
ORDINAL_Q = (r"\b(?!(?:vao|ngay|hom|la|cac|nhung|tu|den|toi|sang|chieu|trua|dem|le)\b)[a-z]+ thu may\b"
             r"(?! (?:hang|moi|trong) tuan)|\bthu hang may\b")
# "quý nào / quý mấy" asks a quarter of the year ("quý II/2024"); typed without accents "quy nao" may be a
# fund ("lấy từ quỹ nào", "đóng vào quỹ nào"), so only with the year after it ("quy nao nam 2024").
_QUARTER_Q = r"\bquy (?:nao|may) (?:nam|cua nam)\b"
_QUARTER_Q_ACCENTED = re.compile(r"(?<!\w)quý (?:nào|mấy)(?!\w)")
# "hồi nào" is khi nào as members say it; typed without accents "hoi nao" is as often "hội nào" (which association)
_WHEN_ACCENTED = re.compile(r"(?<!\w)hồi (?:nào|nao)(?!\w)")
# "vào (những) buổi nào", "buổi / hôm / ngày nào trong tuần" ask when in the week a thing recurs ("lên lớp vào những
# buổi nào" — "tối thứ Ba, thứ Năm và thứ Bảy hằng tuần"; "hỏi luật … vào những buổi nào trong tuần" — "sáng thứ Tư
# và chiều thứ Bảy"): "vào" before a part of the day asks a time (general Vietnamese), as "vào ngày nào" does; "buổi
# nào" alone ("phát biểu tại buổi nào") may ask which event and stays a what-question. Folded. Session 30 (helper
# P): teamq13, teamq19.
_SESSION_Q = r"\bvao (?:nhung |cac )?buoi nao\b|\b(?:nhung |cac )?(?:buoi|hom|ngay) nao trong tuan\b"

# The "vị … nào" rule's kind: folded "vi" is also "vì" ("bị kỷ luật vì trường hợp nào"), so the rule holds when
# "vị" is typed so, or, typed without accents, when a person noun follows it ("vi lanh dao", "vi dai bieu").
_VI_WHO = "who:vi"
_VI_TYPED = re.compile(r"(?<!\w)vị(?!\w)")
_VI_PERSON_FOLDED = re.compile(r"\bvi (?:lanh dao|dai bieu|khach|chu tich|pho chu tich|giam doc|pho giam doc|bi thu|"
                               r"hieu truong)\b")
# Nouns that name people by what they are or do (folded): "<noun> nào" asks a person, "<noun> … tên gì" a name.
PERSON_NOUNS = (r"cong nhan|nguoi lao dong|lao dong nu|doan vien|can bo|thi sinh|hoc sinh|sinh vien|giao vien|nha giao|"
                r"bac si|y bac si|luat su|tac gia|van dong vien|hoc vien|nu cong nhan|nu doan vien|chien si|nghe si")
# "ai … giữ chức / đảm nhiệm <office named>" asks the person holding it; the office is asked ("giữ chức gì",
# "chức vụ nào") only when the question names none. Folded.
_OFFICE_ASKED = re.compile(r"\b(?:chuc vu|chuc|cuong vi|vai tro|nhiem vu)(?: \w+)? (?:gi|nao|la gi)\b|\bnghe(?: nghiep)?\b")
_WHO_WORD = re.compile(r"\b(?:ai|nguoi nao|vi nao)\b")
# "<a noun of people> nào" asks which person ("công nhân nào được nhận nhà", "đoàn viên nào", "thí sinh nào"): the
# noun is the class, "nào" picks one of them — general Vietnamese, whatever the rest of the question says. Read
# before a place or a thing is ("… ở công ty nào" still asks a place when no person noun stands before "nào"); not
# one of `RULES`, whose words a follow-up drops (the person noun is its topic).
_PERSON_ASKED = re.compile(rf"\b({PERSON_NOUNS}) nao\b")
# "<noun> nào" for a question no cue above typed, read by where the phrase stands (general Vietnamese): after
# "ở / tại" it is a place ("diễn ra tại ga nào", "ở thôn nào"); a body's noun before "nào" asks which body did it
# ("ngân hàng nào tài trợ", "đoàn nào giành giải Nhất", "doanh nghiệp nào cùng … tài trợ"); a place's own noun asks
# a place ("nhà thi đấu nào", "thôn nào"). Folded. (Not "công ty / trường nào": the place rule reads those.)
_AT_WHICH = re.compile(r"\b(?:o|tai) (?:[a-z]+ ){1,3}nao\b")
# A team by its kind ("đội bóng nào vô địch", "đội tuyển / đội thi / đội văn nghệ nào") asks which team, as "đội nào"
# does (general Vietnamese: "đội" heads the phrase, the kind after it). The kinds, folded (spans._ASKS_BODY too).
TEAM_KINDS = r"(?:bong(?: da| chuyen| ro)?|tuyen|thi|du thi|van nghe)"
BODY_WHICH = re.compile(r"\b(?:ngan hang|benh vien|doanh nghiep|cong doan|doan|nha tai tro|tap doan|nha may|xi nghiep|"
                         rf"hiep hoi|hop tac xa|nha truong|doi {TEAM_KINDS}) nao\b")
_PLACE_WHICH = re.compile(r"\b(?:ga|thon|ap|ban|khu pho|to dan pho|nha thi dau|san van dong|khach san|nha hang|hoi truong|"
                          r"nha van hoa|cong vien|cung van hoa|tru so) nao\b")
_RULES: list[tuple[str, str]] = [
    ("role", r"\b(chuc vu|giu chuc|chuc gi|cuong vi|dam nhiem|lam nghe gi|nghe nghiep(?: \w+){0,3} (?:la )?gi)\b"),
    ("number", ORDINAL_Q),
    ("date", _QUARTER_Q),
    ("date", r"\b(ngay nao|ngay bao nhieu|ngay may|khi nao|bao gio|luc nao|thoi gian nao|thoi diem nao|nam nao|"
             r"thang nao|hom nao|tu ngay nao|vao ngay|nhung ngay nao|thu may|may gio|nhiem ky nao|giai doan nao|nien khoa nao|"
             # as members say it: "tháng mấy / năm mấy" (which month, year; "mấy tháng" counts), "bữa nào" (hôm nào),
             # "chừng nào" (khi nào)
             r"thang may|nam may|bua nao|chung nao)\b"),
    ("date", _SESSION_Q),
    # "bao nhiêu" asks a count whatever else the question names ("bao nhiêu phần trăm … tán thành các tiêu chí",
    # "bao nhiêu đội dự hội thi với chủ đề …"); "mấy" waits (typed without accents it may be "máy").
    ("number", r"\bbao nhieu\b"),
    ("slogan", r"\b(khau hieu|chu de|thong diep|phuong cham|kim chi nam|tinh than gi|loi keu goi|muc tieu gi|"
               r"huong toi muc tieu|tieu chi)\b"),
    ("campaign", r"\b(phong trao( thi dua)? (gi|nao)|huong ung (dip|su kien|phong trao|hoat dong) nao|(vao |nhung )*dip nao|cuoc thi (gi|nao)|cuoc thi .*ten|cuoc van dong (gi|nao)|ten (la )?gi|"
                 r"chuong trinh (gi|nao)|giai (gi|nao)|hoi thi (gi|nao)|danh hieu (gi|nao)|hoat dong (gi|nao)|"
                 r"huong ung dip nao|hinh thuc gi|nhan dip gi)\b"),
    ("number", r"\b(bao nhieu|may|so luong|bao lau|ty le|muc chi|tong so|tri gia|kinh phi|dien tich|"
               r"bao xa|gom may)\b"),
    ("who", r"\b(ai|nguoi nao|vi nao|ong nao|ba nao|dong chi nao|ten gi|ten la gi|do ai|cua ai|doi nao|tap the nao|"
            r"nguoi dung dau|lanh dao nao|bo phan nao|co quan nao|don vi nao|nghiep doan nao|to chuc nao)\b"),
    # "Vị lãnh đạo / phó chủ tịch <of a body> nào …": the classifier of persons heads the phrase "nào" asks about,
    # whatever body stands between ("Vị lãnh đạo LĐLĐ tỉnh … nào trao giải")
    (_VI_WHO, r"\bvi (?:lanh dao|pho|chu tich|giam doc|bi thu|dai bieu|khach|truong|hieu truong)\b(?: [^ ]+){0,8}? nao\b"),
    ("where", r"\b(o dau|tai dau|noi nao|dia diem|o nhung dau|nhung dau|dia phuong nao|tinh nao|"
              r"thanh pho nao|xa nao|phuong nao|huyen nao|quan nao|san nao|truong nao|cong ty nao|o cho nao|cho nao|"
              # an industrial park or export zone asked by its kind is a place ("nằm ở khu công nghiệp nào")
              r"khu cong nghiep nao|kcn nao|khu che xuat nao|dia chi)\b"),
    ("what", r"\b(su kien gi|gi|nao|nhu the nao|the nao|ra sao)\b"),
]
_COMPILED = [(t, re.compile(p)) for t, p in _RULES]
RULES = _COMPILED  # (kind, folded pattern): also how a follow-up drops the old question's cue words


# (a member typing accents still leaves them off the short words at the end: "tên là gi", "tên la gì")
_PERSON_NAME_Q = re.compile(r"(?<!\w)(ông|bà|anh|chị|người|chủ tịch|giám đốc)(?!\w).*(?<!\w)tên (?:(?:là|la) )?(?:gì|gi)(?!\w)")
# "Vị / đồng chí / luật sư / bác sĩ / thầy / cô … tên gì": these name a person when they open the question (its
# subject: "Vị luật sư đứng đầu … tên gì"); further in they may be whom a thing is for ("Quỹ … giúp thầy cô … có
# tên là gì" names the fund). Accented as typed, or folded.
_PERSON_SUBJECT_NAME_Q = re.compile(r"^(?:(?:cho|xin) (?:em |mình |tôi |minh |toi )?(?:hỏi|hoi),? )?"
                                    r"(?:vị|đồng chí|luật sư|bác sĩ|thầy|cô|dong chi|luat su|bac si)(?!\w)"
                                    r".*(?<!\w)(?:tên|ten) (?:(?:là|la) )?(?:gì|gi)(?!\w)")
# What "tên (là) gì" names is the question's head noun, the one it opens with (general Vietnamese: the subject comes
# first): "Chương trình trao hỗ trợ cho người lao động … tên là gì" asks the programme's name, whoever it is for or of
# ("dành cho 5 chủ tịch cđcs", "biểu dương chủ tịch", "Củ Chi"); "Em học sinh phát biểu … tên là gì", "Điều dưỡng ở
# đảo Quan Lạn … tên gì" ask a person's. Folded, after "cho hỏi". Not a firm or a body ("Công ty X có chủ tịch tên
# gì" asks the person): only things a union runs or gives. Session 31 (helper P): teamq9, teamq10, teamq16, teamq20
# (a thing read as a person); teamq13, teamq19 (a person read as a thing).
_ASKER = r"^(?:(?:cho|xin) (?:em |minh |toi )?hoi,? )?"
_THING_OPENS = re.compile(_ASKER + r"(?:cac |nhung )?(?:chuong trinh|phan thuong|giai thuong|cuoc thi|hoi thi|"
                          r"phong trao|cuoc van dong|chien dich|du an|de an|mo hinh|sang kien|hoc bong|tac pham|"
                          r"tiet muc|ngay hoi|trai he|so tay|cuon so tay)\b")
_PERSON_OPENS_NAMED = re.compile(_ASKER + r"(?:em |ban |cac em |chau )?(?:" + PERSON_NOUNS
                                 + r"|dieu duong|y ta|ky su|tai xe|thu khoa|nu sinh)\b")
_NAME_ASKED = re.compile(r"\bten (?:la )?gi\b")


def named_by_head(folded: str) -> str | None:
    """For a "tên (là) gì" question, what the noun opening its clause makes it ask (the clause after a comma: helper
    F's reading, session 31): "who" after a person noun
    (`_PERSON_OPENS_NAMED`), "campaign" after a thing a union runs or gives (`_THING_OPENS`); None otherwise."""
    m = _NAME_ASKED.search(folded)
    if not m:
        return None
    clause = re.split(r"[,;:]", folded[:m.start()])[-1].strip()  # "vụ dập ngón tay năm 2024, công nhân đó tên gì"
    if _THING_OPENS.search(clause):
        return "campaign"
    return "who" if _PERSON_OPENS_NAMED.search(clause) else None


# Folded words as typed, accented ones as the pipeline wrote them out.
_PERSON_NAME_Q_MIXED = re.compile(r"(?<!\w)(ông|bà|anh|chị|người|chủ tịch|giám đốc|ong|ba|chi|nguoi|chu tich|giam doc)(?!\w)"
                                  r".*(?<!\w)(?:tên|ten) (?:(?:là|la) )?(?:gì|gi)(?!\w)")


# Typed with accents, an unaccented "may" is "mấy" right after a word a count follows ("có may trận", "gồm may
# đội", "tổng cộng may"): "dệt may", "Công ty May", "ngành may" never come after these
_COUNT_BEFORE = {"có", "co", "gồm", "gom", "được", "duoc", "cộng", "cong", "trong", "với"}
# ... unless it starts a word of its own ("có may mắn", "được may mặc") or names a company ("với May 10").
_MAY_WORDS = {"man", "mac"}


# "mấy" counts a noun after it; before "nào / gì" (which ask "which / what" themselves) a "may" typed without
# accents is a word of a name ("xí nghiệp may nào", "hàng may gì"). Folded.
_NOT_AFTER_MAY = {"nao", "gi"}
# Nor right after a word of the garment trade or a factory ("công ty may", "xí nghiệp may", "dệt may", "ngành may",
# "xưởng may", "nhà máy"; a company's legal form between: "công ty cổ phần / CP / TNHH may"): "mấy" asks a count before its noun ("mấy công ty") or a number after one ("tháng mấy",
# "lần thứ mấy"), never after these (general Vietnamese). Folded. Not "tổ / chuyền / hạng may": "tổ mấy", "chuyến
# mấy", "hạng mấy" ask a number.
_NOT_MAY_AFTER = re.compile(r"(?:\bcong ty(?: co phan| cp| tnhh)?|\bxi nghiep|\bdet|\bnganh|\bxuong|\bnha)$")


@lru_cache(maxsize=1024)  # read once per candidate sentence of an ask
def folded_question(question: str, accented: bool | None = None) -> str:
    """Folded question; when typed with accents, "may" that is not "mấy" (may mặc, máy) is masked.
    `accented` None: read from the question (`chat.typed_with_accents`: the words the pipeline wrote
    out do not count, so "cd … co may giai" keeps its "may" a "mấy")."""
    text = normalize(question).lower()
    if not (typed_with_accents(text) if accented is None else accented):
        # typed mostly without accents: "may" is "mấy", but not one typed with other accents ("máy", "may" of
        # a partly accented question stays ambiguous and is read as "mấy")
        # — nor one right before "nào / gì": "mấy" never asks with them, so "xi nghiep may nao" is a garment works
        # ("xí nghiệp may nào"), not a count
        words = text.split() + [""]
        return " ".join("may_" if fold(w) == "may" and (w not in ("may", "mấy") or fold(words[i + 1]).strip("?.!,") in _NOT_AFTER_MAY
                                                        or (w == "may" and _NOT_MAY_AFTER.search(fold(" ".join(words[max(0, i - 4):i])))))
                        else fold(w) for i, w in enumerate(words[:-1]))
    words = text.split() + [""]
    return " ".join("may_" if fold(w) == "may" and w != "mấy" and not (
        w == "may" and i and words[i - 1] in _COUNT_BEFORE and fold(words[i + 1]) not in _MAY_WORDS
        and not words[i + 1][:1].isdigit()) else fold(w) for i, w in enumerate(words[:-1]))


# The person noun a who-question asks by: "<noun> nào" anywhere (`_PERSON_ASKED`), or the noun the question opens
# with ("Vị luật sư … tên gì", "Công nhân … là ai"). Folded.
_PERSON_OPENS = re.compile(rf"^(?:(?:cho|xin) (?:em |minh |toi )?hoi,? )?(?:vi |cac |nhung |nguoi )?({PERSON_NOUNS})\b")


def asked_person_noun(folded: str) -> str | None:
    """The noun of people a who-question names the one asked by ("công nhân nào …" → "cong nhan"); None when
    it names none of `PERSON_NOUNS`."""
    m = _PERSON_ASKED.search(folded)
    if m is None and not re.search(r"\bnao\b", folded):  # ("đoàn viên nghiệp đoàn nào …" asks the nghiệp đoàn)
        m = _PERSON_OPENS.search(folded.strip())
    return m.group(1) if m else None


# "<a leader's office> <its body> nào …" opening a question ("Lãnh đạo LĐLĐ Thanh Hóa nào chủ trì …", "Phó Chủ tịch
# Tổng LĐLĐ Việt Nam nào dự …"): "nào" after a proper name cannot pick that name — it picks the phrase's head, the
# leader (general Vietnamese: a proper name takes no "nào"; a kind noun does: "Chủ tịch LĐLĐ tỉnh nào" asks the
# province, and is left to the rules). The name is read as typed: a capital or the initials of a body ("LĐLĐ").
# Read before the rules: folded, "Việt Nam nào" is "năm nào" (which year).
_LEADER_OPENS = re.compile(r"^(?:(?:cho|xin) (?:em |mình |tôi |minh |toi )?(?:hỏi|hoi),? )?(?:vị |các |những )?"
                           r"(?:lãnh đạo|phó chủ tịch|chủ tịch|phó giám đốc|giám đốc|bí thư|trưởng ban|phó trưởng ban)"
                           r"((?:\s+\S+){1,8}?)\s+nào(?!\w)", re.I)


def leader_of_named_body(question: str) -> bool:
    """Whether the question opens with a leader's office whose body, a proper name, stands before "nào"
    (`_LEADER_OPENS`): a who-question."""
    m = _LEADER_OPENS.search(normalize(question).strip())
    if not m:
        return False
    last = m.group(1).split()[-1]
    return last[:1].isupper() and last.lower() not in _KIND_NOUNS


# Kind nouns a member may type with a capital before "nào" ("… Tỉnh nào"): "nào" picks among them. As typed ("Việt
# Nam nào" names the country, "Năm nào" asks a year).
_KIND_NOUNS = set("tỉnh thành phố huyện xã phường quận công ty trường ngành đơn vị đoàn năm tháng ngày đợt lần khóa "
                  "khoá kỳ".split())


def question_type(question: str, accented: bool | None = None) -> str:
    """`accented`: whether the member typed accents (chat expansions add some of their own)."""
    q = folded_question(question, accented)
    # "tên gì" of a person ("ông ... tên gì") is a who-question; of a contest, a campaign. Typed
    # with accents, the person words are read as typed ("Hồ Chí Minh" holds no "chị"); typed without,
    # the words the pipeline wrote out ("TP HCM" → "thành phố hồ chí minh") are still read as written.
    with_accents = typed_with_accents(question) if accented is None else accented
    if head := named_by_head(q.strip()):
        return head
    person = _PERSON_NAME_Q.search(normalize(question).lower()) if with_accents else _PERSON_NAME_Q_MIXED.search(
        " ".join(w if has_diacritics(w) else fold(w) for w in normalize(question).lower().split()))
    if person or _PERSON_SUBJECT_NAME_Q.search(normalize(question).lower().strip()) or leader_of_named_body(question):
        return "who"
    if with_accents and (_QUARTER_Q_ACCENTED.search(normalize(question).lower())
                         or _WHEN_ACCENTED.search(normalize(question).lower())):
        return "date"
    for t, rx in _COMPILED:
        if rx.search(q):
            if t in ("where", "what") and _PERSON_ASKED.search(q):
                return "who"
            if t == "what" and (_AT_WHICH.search(q) or _PLACE_WHICH.search(q)):
                return "where"
            if t == "what" and BODY_WHICH.search(q):
                return "who"
            if t == "role" and _WHO_WORD.search(q) and not _OFFICE_ASKED.search(q):
                return "who"  # "Ai đang giữ chức Chủ tịch …": the office is named, the person asked
            if t == _VI_WHO:
                if not (_VI_TYPED.search(normalize(question).lower()) if with_accents else _VI_PERSON_FOLDED.search(q)):
                    continue
                return "who"
            return t
    return "other"


YEAR = re.compile(r"(?<![\d/.-])(19[4-9]\d|20\d\d)(?![\d/])")  # a year as written in a question
_RECENT = re.compile(r"\b(nam nay|hien nay|moi nhat|gan day|hien tai|nam moi nhat|vua qua|moi day)\b")


def years(question: str) -> list[str]:
    return YEAR.findall(question)


def wants_recent(question: str) -> bool:
    return bool(_RECENT.search(fold(question)))
