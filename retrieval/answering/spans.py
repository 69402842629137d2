"""Answer spans: the exact words of a sentence that answer a typed question.

Dates, counts with their noun and unit, quoted names and slogans, people (by
title or surname), roles, places, addresses, ordinals, "X nào" answered by the
sentence's own name for X, and the subject of "ai <verb>". When several fit,
the one whose clause shares the question's (rarer) words wins.
"""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from knowledge import facts
from knowledge.text import fold, fold_same_length, folded_words, normalize, pattern

from ..language.chat import expand_unambiguous, same_as, typed_with_accents
from ..language.names import FAMILY_NAMES
from ..language.places import CAPITAL_WORD, places
from ..language.qtype import BODY_WHICH, ORDINAL_Q, TEAM_KINDS, asked_person_noun, folded_question, question_type
from ..index.search import content_terms
from ..index.restore import general
from ..params import (AS_NOUN_FIT_BASE, AS_NOUN_FIT_STEP, AS_NOUN_WEIGHT, COUNTED_NOUN_WEIGHT, UNIT_NOUN_WEIGHT,
                      COMPARED_NONE_FIT, COUNT_UNBOUND_FIT, NOVELTY_NONE_FIT, ROLE_NO_PERSON_FIT, ROLE_OTHER_BODY_FIT, TOTAL_FOR_RATE_FIT,
                      SUPERLATIVE_NONE_FIT, TOP_PRIZE_HOLDER_SCORE, KIND_NAMED_SCORE, OWN_KIND_SYLLABLES, UNIT_CLASS_FIT, LOCATED_IN_BRACKETS_SCORE, UNNAMED_PLACES_FIT, UNNAMED_PLACES_SPAN)

_TITLES = (r"(?i:ông|bà|anh|chị|em|cô|thầy|đồng chí|đ/c|thượng tá|đại tá|trung tá|thiếu tá|thượng úy|đại úy|"
           r"tiến sĩ|thạc sĩ|nhà báo|nghệ sĩ|TS\.?|ThS\.?|PGS\.?\s?TS\.?|GS\.?)")
# An office or rank that may follow a name ("Nguyễn Văn An Phó Chủ tịch …"): the whole word, so that a given name
# sharing its first syllable is still read ("Vũ Thượng Thư", "Đỗ Trung Kiên", "Lê Đại Dương").
_ROLE = (r"(?:Chủ tịch|Chủ nhiệm|Phó|Bí thư|Giám đốc|Giám thị|Tổng (?:Giám đốc|Biên tập|Thư ký)|Trưởng|Thường trực|"
         r"Thường vụ|Ủy viên|Chánh (?:[Vv]ăn phòng|án|[Tt]hanh tra)|Hiệu trưởng|Hiệu phó|(?:Đại|Trung|Thiếu|Thượng) (?:tá|úy|tướng)|Đại biểu|Đại diện|"
         r"Đại sứ)\b")
_CAP = CAPITAL_WORD
_NAME = rf"{_CAP}(?:\s+(?!{_ROLE}){_CAP}){{1,4}}"
PERSON = re.compile(rf"\b{_TITLES}\s+{_NAME}")
_BARE_NAME = re.compile(rf"(?<![\w])(?:{_NAME})")
_SURNAMES = "|".join(FAMILY_NAMES)
_PERSON_NAME = re.compile(rf"(?<![\w])(?:{_SURNAMES})(?:\s+(?!{_ROLE}){_CAP}){{1,3}}(?![\w])")
# Words that start unit and title phrases, not names ("Liên đoàn", "Công ty", "tỉnh").
GENERIC_NAME_WORDS = set("""liên đoàn công lao động tổng lđlđ cđ trường đại học sở tỉnh tp thành phố ban hội ông bà chủ
tịch việt nam các nghị tháng ngày xuân nhà văn phòng ubnd cđcs cđvc quận huyện xã phường đội chương trình lần thứ
khóa giải cuộc thi đh công ty tnhh cổ phần chi bộ đảng ủy mặt trận tổ quốc nhân dân cấp""".split())
PLACE = re.compile(r"\b(?:tại|ở)\s+([^,.;:()]{3,80})")
# A venue named by its kind and a proper name, wherever it stands in the sentence.
_VENUE = re.compile(r"(?<!\w)(?:Nhà hàng|Khách sạn|Nhà văn hóa|Hội trường|Cung [Vv]ăn hóa|Trung tâm|Công viên|"
                    r"Quảng trường|Sân vận động|Nhà thi đấu|Sân)(?:\s+[^\s,.;:()|]+){1,12}")
# A venue news names in lower case by its kind and then its place's name: "sân vận động xã A", "nhà văn hóa thôn B",
# "hội trường UBND huyện" — a place told, unlike "một địa điểm" or "nơi làm việc".
_VENUE_IN_LOWER = re.compile(r"(?:sân vận động|sân|nhà văn hóa|nhà thi đấu|hội trường|trụ sở|khuôn viên|công viên|"
                             r"quảng trường|trung tâm|trường|chùa|đình|nhà hàng|khách sạn)\s+.*[A-ZĐÀ-Ỹ]")
_NAME_WORD = re.compile(r"[A-ZĐÀ-Ỹ]|\d")  # a venue's name ends at its last capitalised word or number
# "tại / ở" before an occasion says when or at what, not where: "phát biểu tại buổi lễ", "trao tặng trực tiếp tại
# chương trình …", "ở hội nghị". Written in lower case, such words open no place's name (general Vietnamese: "tại"
# is "at" for events as for places); a place named after them is still read ("tại lễ … ở Nhà văn hóa X").
_OCCASION_AFTER_AT = re.compile(r"(?:buổi|lễ|hội nghị|đại hội|chương trình|hội thảo|cuộc họp|phiên|sự kiện|kỳ họp|"
                                r"hội thi|cuộc thi|ngày hội|diễn đàn|tọa đàm|lớp|đợt|dịp|cuộc)(?!\w)")
# Units of time: what "bao lâu" / "bao nhiêu năm" is answered in (folded: "bao nhieu phut").
_DURATION = re.compile(r"(?<!\w)(phút|giờ|ngày|tuần|tháng|năm|tuổi)(?!\w)")
# ("mấy chục năm", "bao nhiêu trăm năm": a multiplier before the unit still asks a time in it)
# (an age asked after its noun too: "nghỉ hưu ở tuổi bao nhiêu", "tuổi là mấy" — general Vietnamese, as "bao nhiêu tuổi")
_DURATION_Q = r"\b(?:bao nhieu|may)(?: chuc| tram)? (?:phut|gio|ngay|tuan|thang|nam|tuoi)\b|\btuoi (?:la )?(?:bao nhieu|may)\b"
# "bao lâu" (how long), folded: asks a length of time, whatever sum or noun the question names beside it — but
# "bao lâu một lần" asks how often ("mỗi quý một lần"), no length of time.
_HOW_LONG = re.compile(r"\bbao lau\b(?! (?:mot|1) lan\b)")
_DURATION_UNIT_Q = re.compile(r"\b(?:bao nhieu|may)(?: chuc| tram)? (phut|gio|ngay|tuan|thang|nam|tuoi)\b")
_LEAD = re.compile(r"\b(?:khẩu hiệu(?: hành động)?|chủ đề|thông điệp|phương châm|mục tiêu|tên gọi|tên)\s*(?:là|:)?\s*")


def _how_long_only(q: str) -> bool:
    """Whether a folded question asks "bao lâu" (`_HOW_LONG`) and no "bao nhiêu": a length of time and nothing else,
    whatever sum it names on the way ("vay vốn … giữ tiền trong bao lâu": the sum the time is of). General Vietnamese."""
    return bool(_HOW_LONG.search(q)) and not re.search(r"\bbao nhieu\b", q)


def _proximity(span: facts.Span, sentence: str, terms: set[str], width: int = 45,
               anchor_words: set[str] | None = None, after: int | None = None) -> float:
    """How many of the question's topic syllables stand near the span; those in the
    span's own clause ("…; tại Hải Phòng có … 172.000 người") count double."""
    left = max(sentence.rfind(c, 0, span.start) for c in ";,()")
    rights = [i for i in (sentence.find(c, span.end) for c in ";,()") if i >= 0]
    clause = fold(sentence[left + 1:min(rights) if rights else len(sentence)])
    # What a value is about is usually said just before it ("suất quà … trị giá 500.000 đồng").
    window = fold(sentence[max(0, span.start - width):span.end + (width // 3 if after is None else after)])
    words = lambda t: set(re.findall(r"[a-z0-9]+", t))
    anchors = {t for t in terms if re.fullmatch(r"(?:19|20)\d\d", t)} | (anchor_words or set())
    # A word repeated all over the sentence says little about which span it belongs to.
    counts = Counter(re.findall(r"[a-z0-9]+", fold(sentence)))
    weight = lambda found: sum(1.0 / max(1, counts[t]) for t in found)
    return (10 * len(anchors & words(clause)) + 2 * weight(terms & words(clause))
            + weight(terms & words(window)))


def _number_expectation(q: str) -> tuple[set[str], bool, bool, bool]:
    """From a folded question: the counted noun's syllables, and whether it asks for
    money, a duration or an area (`_expectation`; the set the caller's own)."""
    wanted, money, duration, area = _expectation(q)
    return set(wanted), money, duration, area


@lru_cache(maxsize=256)  # one question's, read for every number of every sentence of the articles it reads
def _expectation(q: str) -> tuple[frozenset[str], bool, bool, bool]:
    # The counted noun ("bao nhiêu người") when there is one; else what precedes the
    # question word ("diện tích bao nhiêu").
    wanted = counted_noun(q)
    if not wanted:
        before = re.search(r"((?:\w+\s+){1,3})(?:la\s+)?(?:bao nhieu|bao lau)", q)
        wanted = set(before.group(1).split()) if before else set()
    wanted -= {"la", "co", "duoc", "cua", "cho", "tien", "thi", "moi", "nam", "ngay"}
    asked = " ".join(noun_phrase(q))  # counted under another name news uses for it ("nhóm" — "25 tổ")
    wanted |= {w for g in _SAME_PEOPLE if asked in g for p in g for w in p.split()}
    # fees by their compounds only: folded "phi" alone is also "phi chính phủ", "phi công", "Châu Phi"
    money = bool(re.search(rf"\b(tien|{FEE}|(?:muc|khoan) phi|tri gia|muc chi|ho tro|bao nhieu dong|gia tri|tang|"
                           r"muc thuong|thu nhap|luong|gia)\b", q))
    duration = bool(re.search(r"\bbao lau\b|lich su|(?:bao nhieu|may) thoi gian\b|" + _DURATION_Q, q))
    if _how_long_only(q):
        money = False  # "bao lâu" asks a time: "vay vốn … giữ tiền bao lâu" names the sum the time is of (slot)
    area = (bool(re.search(r"dien tich|met vuong|\bm2\b|\bhec[ -]?ta\b|\brong (?:bao nhieu|may)\b", q))
            or bool(_LENGTH_Q.search(q)))
    return frozenset(wanted), money, duration, area


# After "bao nhiêu": units (handled by the money/area/time cues) and filler are not counted nouns.
_NOT_NOUN = {"la", "co", "duoc", "cua", "cho", "thi", "nam", "ngay", "tien", "lau", "phan", "tram",
             "met", "vuong", "dong", "trieu", "ty", "gio", "phut", "thang", "tuan"}


# Words that can follow "bao nhiêu / mấy" and are no noun: "bao nhiêu mỗi người" / "bao nhiêu một tháng"
# ask a rate (what it is per is no counted noun), "bao nhiêu trong số đó / tại …" a count of what was said
# before. Folded.
_NOT_COUNTED = {"moi", "mot", "tren", "trong", "tai", "o", "vao", "nua", "roi", "vay", "a", "ha", "nhi", "khi", "de",
                "dip"}  # ("thưởng bao nhiêu dịp Quốc khánh": "dịp" opens when, as "vào / khi" do)


def _asking_part(q: str) -> str:
    """The folded question from the word that asks on: its last "bao nhiêu" when it has one — "bao nhiêu" is only ever
    the question word, a bare "may" also "may mặc" ("may hung phat … thuong chuyen can bao nhieu 1 thang") — else
    the whole question (session 35, P)."""
    asker = list(re.finditer(r"\bbao nhieu\b", q))
    if not asker:
        return q
    # of several, the last that a word follows asks the count ("trao bao nhiêu suất quà, mỗi suất trị giá bao nhiêu")
    worded = [m for m in asker if re.match(r"\s+[a-z]", q[m.end():])]
    return re.sub(r"\bmay\b", "may_", q[(worded or asker)[-1].start():])


def per_noun(q: str) -> list[str]:
    """What a rate asked is per ("bao nhiêu một lượng" → [luong], "bao nhiêu mỗi người" → [nguoi]):
    no counted noun, but the sentence that answers names it ("mỗi lượng", "/người")."""
    m = re.search(r"\b(?:bao nhieu|may)\s+(?:moi|mot)\s+([a-z]+)(?:\s+([a-z]+))?", q)
    if not m:
        return []
    words = [w for w in m.groups() if w]
    if len(words) == 2 and any(" ".join(words) in g for g in _KNOWN_NOUNS):
        return words
    return words[:1] if words[0] not in _NOT_NOUN else []


def counted_noun(q: str) -> set[str]:
    """The noun right after "bao nhiêu"/"mấy" ("bao nhiêu suất quà" → {suat, qua})."""
    return set(noun_phrase(q))


# Words that stand before a noun of people as their classifier, not counted themselves: "bao nhiêu bạn sinh viên",
# "mấy em học sinh" (general Vietnamese: "bạn" of the young, "em" of children and pupils). Folded.
_PEOPLE_CLASSIFIERS = {"ban", "em"}


def noun_phrase(q: str) -> list[str]:
    """The folded words of the counted noun after "bao nhiêu"/"mấy", in order. A noun the unit
    classes know wins, longest first: "bao nhiêu phần quà" counts gifts (not "phần" of "phần
    trăm"), "bao nhiêu người tham dự" counts people (the verb after a known noun is no part of
    it), "bao nhiêu người lao động" keeps all three. Else the next two words, filler dropped.
    Of several, the last asks: a "may" typed without accents may be a word of a name ("dệt may",
    "máy") before the "mấy" that asks ("det may tang them may phan tram")."""
    return list(_noun_phrase(q))


@lru_cache(maxsize=256)  # one question's, read for every sentence of the articles it reads (`counted_noun`)
def _noun_phrase(q: str) -> tuple[str, ...]:
    # "bao nhiêu" is only ever the question word, a bare "may" also "may mặc / máy" ("cn may hung phat", a company
    # named after "bao nhiêu …"): with a "bao nhiêu" in the question, it asks — and when a number or nothing follows
    # it ("thuong chuyen can bao nhieu 1 thang", a rate), nothing is counted (session 35, P).
    found = list(re.finditer(r"\b(?:bao nhieu|may)(?=\s+([a-z]+)(?:\s+([a-z]+))?(?:\s+([a-z]+))?)", _asking_part(q)))
    if not found:
        return ()
    m = found[-1]
    words = [w for w in m.groups() if w]
    if len(words) > 1 and words[0] in _PEOPLE_CLASSIFIERS and any(words[1] in g or " ".join(words[1:3]) in g
                                                                 for g in _KNOWN_NOUNS):
        words = words[1:]  # "bao nhiêu bạn sinh viên" counts "sinh viên"
    for n in (3, 2):
        if len(words) >= n and any(" ".join(words[:n]) in g for g in _KNOWN_NOUNS):
            return tuple(words[:n])
    if words[0] in _NOT_NOUN or words[0] in _NOT_COUNTED:
        return ()
    if any(words[0] in g for g in _KNOWN_NOUNS):
        return tuple(words[:1])
    return tuple(w for w in words[:2] if w not in _NOT_NOUN)


# A currency written onto the number ("500.000đ", "2.000.000VNĐ", "300USD"): news shorthand for "… đồng".
_ATTACHED_UNIT = re.compile(r"(?:đ|vnđ|vnd|usd)(?!\w)", re.I)


def _with_attached_unit(n: facts.Span, sentence: str) -> facts.Span:
    """The number with the currency written onto it, which the count's pattern leaves out ("500.000đ/suất")."""
    unit = _ATTACHED_UNIT.match(sentence, n.end) if n.text[-1:].isdigit() else None
    return facts.Span(n.kind, n.start, unit.end(), sentence[n.start:unit.end()]) if unit else n


# "206/6 Đ. Đào Trí": "Đ." before a name is the street ("Đường"), never "đồng", which news writes in lower case.
_STREET_ABBREVIATION = re.compile(r"\s+Đ$")
# "trong 2 ngày 20 - 21/5": a count of days told with the days after it — the date takes "ngày", the count keeps it.
_DAYS_THEN_DATE = re.compile(r"\s+(?:ngày|tháng)(?=\s+\d)")


# A count whose noun is a title written in quotes right after the figure ("45 “Thầy thuốc tiêu biểu”", "5 "Mái ấm Công
# đoàn""): news quotes the name of an award or a programme it counts; the count's pattern stops at the quote.
# 2–60 characters: room for a title of up to six words, a longer quote is no name.
_QUOTED_NOUN = re.compile(r"\s+[“\"]([^”\"]{2,60})[”\"]")
_QUOTED_NOUN_WORDS = 6  # a title's words at most; a longer quote is a saying, not the counted thing's name


def _as_read(n: facts.Span, sentence: str) -> facts.Span:
    """A number as news means it (above): a house number's street initial is no currency, a short count
    followed by "ngày" and the date itself keeps its unit ("2 ngày"), and a bare figure takes the quoted title it
    counts (`_QUOTED_NOUN`)."""
    if n.text[-1:].isdigit() and (quoted := _QUOTED_NOUN.match(sentence, n.end)) and \
            len(quoted.group(1).split()) <= _QUOTED_NOUN_WORDS and quoted.group(1)[:1].isupper():
        return facts.Span(n.kind, n.start, quoted.end(), sentence[n.start:quoted.end()])
    if _STREET_ABBREVIATION.search(n.text) and re.match(r"\.\s*[A-ZĐÀ-Ỹ]", sentence[n.end:]):
        text = _STREET_ABBREVIATION.sub("", n.text)
        return facts.Span(n.kind, n.start, n.start + len(text), text)
    if re.fullmatch(r"\d{1,2}", n.text) and (unit := _DAYS_THEN_DATE.match(sentence, n.end)):
        return facts.Span(n.kind, n.start, unit.end(), sentence[n.start:unit.end()])
    return n


# A rate's slash: after a unit's letters ("600.000 đồng/cháu", "7 triệu đồng/người/tháng"), not between two numbers
# ("27/30 đồng chí" counts 27 of 30).
_RATE_SLASH = re.compile(r"(?<=[^\W\d_])\s*/.*$", re.S)


def counted_part(text: str) -> str:
    """A number span without what a rate is per ("600.000 đồng/cháu" → "600.000 đồng"): general Vietnamese, "X
    đồng/cháu" is so much for each child, and counts no children — the noun after a rate's slash is no noun counted
    ("dạy bơi cho bao nhiêu cháu" is not answered by "bình quân 600.000 đồng/cháu")."""
    return _RATE_SLASH.sub("", text)


def span_words(text: str) -> list[str]:
    """The folded words of a span with the union's initials written out (chat.ALIASES, the ambiguous
    "CĐ" left as written): news counts bodies and people by their initials ("7 LĐLĐ tỉnh", "500 NLĐ",
    "12 CĐCS mới"), and a question's initials are written out before it is read, so "bao nhiêu liên
    đoàn lao động" — typed so or as "LĐLĐ" — names the noun of "7 LĐLĐ tỉnh"."""
    return re.findall(r"[a-z]+", expand_unambiguous(fold(text)))


# A length asked in its unit ("bao nhiêu mét / km / cây số", not "mét vuông") and told in it ("7,5m", "15 km").
_LENGTH_Q = re.compile(r"\b(?:bao nhieu|may) (?:met|km|cay so)\b(?! vuong)")
_LENGTH = re.compile(r"\d\s*(?:m|km|mét|cây số)(?![\w²])(?!\s*vuông)")


# A prize of a contest by its rank ("giải nhì", "giải khuyến khích"): news tallies prizes as "2 giải nhì, 3 giải
# ba", so "bao nhiêu đội / người được giải nhì" is answered by the count of that prize. Folded.
_PRIZE_Q = re.compile(r"\bgiai (?:nhat|nhi|ba|tu|khuyen khich|dac biet|phong trao|trien vong|phu)\b")


# A fee or a levy by its compound, folded: "<what it is for> phí" names a sum of money whatever it is paid for — "kinh
# phí", "chi phí", "đoàn phí" (union dues), "đảng phí", "hội phí", "học phí", "viện phí", "lệ phí", "cước phí", "phụ
# phí", "án phí", and the union's levy "phí công đoàn" (general Vietnamese: Sino-Vietnamese "phí" = a charge). Not
# "miễn phí" (free of charge, before a count: "khám miễn phí cho bao nhiêu người").
FEE = r"(?:kinh|chi|doan|dang|hoi|hoc|vien|le|cuoc|phu|an) phi|phi cong doan"


# Nouns that name an amount of money (folded), asked after "bao nhiêu" ("bao nhiêu doanh thu", "bao nhiêu kinh phí")
# or before it ("thu nhập bình quân bao nhiêu", "mức lương là bao nhiêu"): the answer is a sum told in a currency,
# not a count of the noun (general Vietnamese: "doanh thu" revenue, "thu nhập" income, "lợi nhuận" profit, "tiền /
# mức lương" pay, "kinh phí / chi phí" and the fees, "trị giá / giá trị" worth, "vốn" capital, "mức chi / hỗ trợ" a
# payment's size, "giá thuê" a rent, "đáng giá" worth). `slot` reads the class: unit "money".
MONEY_NOUN = re.compile(r"(?:doanh thu|thu nhap|loi nhuan|tri gia|gia tri|dang gia|muc chi|muc ho tro|gia thue|"
                        rf"{FEE}|(?:muc|khoan) phi|muc luong|tien luong|von)\b")
# A change asked ("thu nhập tăng bao nhiêu", "doanh thu giảm bao nhiêu"), folded: news tells it as an amount or as a
# share ("tăng 1,5 triệu đồng", "tăng 12%"), so `slot` asks the pay unit (either) rather than money alone.
_CHANGE_Q = re.compile(r"\b(?:tang|giam)(?: (?:them|them duoc|duoc|xuong|len))? (?:khoang |trung binh |binh quan )?"
                       r"(?:bao nhieu|may|bn)\b")


# A sum of money asked by a word that names nothing but money ("bao nhiêu tiền", "số tiền", "kinh phí", "tốn",
# "đền bù / bồi thường", "trị giá"), folded; not a share or a multiple of it ("lương tăng bao nhiêu phần trăm").
# Folded "tien" is also "tiến" (a name, "tiến độ") and "ton" "tôn": those only where they name money ("bao nhiêu / số
# tiền", "tiền xe", "tốn khoảng / hết / bao nhiêu").
_MONEY_ONLY_Q = re.compile(r"\b(?:(?:bao nhieu|may|so|tong so|khoan) tien|tien (?:xe|mat|thuong|an|ho tro|luong|ung ho)|"
                           rf"{FEE}|tri gia|gia tri|den bu|boi thuong|bao nhieu dong)\b|"
                           r"\bton(?= (?:khoang|het|tong|bao nhieu|may|chung))")
_SHARE_Q = re.compile(r"\b(?:phan tram|ty le|(?:bao nhieu|may) lan|gap)\b|%")
_MONEY_UNIT = re.compile(r"(?<![^\W\d])(?:đồng|đ|vnđ|usd|đô la|đô|euro|yên|triệu|tỷ)(?!\w)")


@lru_cache(maxsize=256)  # one question's, read for every number of every sentence of the articles it reads
def money_only_asked(q: str) -> bool:
    """Whether a folded number question asks a sum of money and nothing else (`_MONEY_ONLY_Q`, no counted noun after
    "bao nhiêu"): then a number the sentence gives without a currency counts something else — people, books, buses
    ("Số tiền làm 30 tủ sách cho công nhân Long An là bao nhiêu?": "280.000 công nhân" is no sum, whatever words of
    the question stand by it). General Vietnamese: a sum is told with its currency."""
    _, _, duration, area = _number_expectation(q)
    return (bool(_MONEY_ONLY_Q.search(q)) and not _SHARE_Q.search(q) and not counted_noun(q)
            and not duration and not area)


def _number_fit(s: facts.Span, q: str) -> float:
    wanted, money, duration, area = _number_expectation(q)
    f = fold(s.text)
    low = normalize(s.text).lower()  # units are told apart by their accents: đồng ≠ (lao) động
    words = set(re.findall(r"[a-z]+", fold(counted_part(s.text))))  # (what a rate is per is not what it names)
    if money_only_asked(q):
        if not _MONEY_UNIT.search(low):
            return -0.5  # a count of something else: no words of the question make it the sum asked
        money = True  # ("đền bù / tốn bao nhiêu" name no currency; the sum told in one is the kind asked)
    sc = UNIT_NOUN_WEIGHT * len(words & wanted)
    if money and re.search(r"(?<![^\W\d])(đồng|đ|vnđ|usd)(?!\w)", low):
        sc += 2.5
    if duration and _DURATION.search(low):
        sc += 2.0
    # (an area told in any area unit: "29.000 ha rừng" answers "bao nhiêu diện tích rừng" as "50 m²" does)
    if area and (re.search(r"m2|m²|met vuong", f) or _AREA.search(low) or (_LENGTH_Q.search(q) and _LENGTH.search(low))):
        sc += 3.0
    prize = _PRIZE_Q.search(q)
    if prize and f" {prize.group(0)} " in f" {' '.join(re.findall(r'[a-z]+', f))} ":
        sc += 2.0  # "bao nhiêu đội được giải nhì": "2 giải nhì"
    if not words:
        sc -= 0.5  # a bare number is rarely the whole answer
    return sc


# "tổng cộng / tổng số / tổng giá trị / tất cả / toàn bộ" asks a total ("Tổng LĐLĐ", "Tổng công ty",
# "tổng kết" do not). Folded, so questions typed without accents ask it too.
_TOTAL = r"tong (?!cong ty|lien doan|ldld|ld|giam doc|ket|bi thu|thu ky|hop|dai|cuc|doi)[a-z]+|tat ca|toan bo|ca thay"
_TOTAL_Q = re.compile(rf"\b(?:{_TOTAL})\b")
_TOTAL_MARK = re.compile(rf"\b(?:{_TOTAL}|len den|len toi)\b")
_RATE_MARK = re.compile(r"\b(?:moi|binh quan|trung binh)\b")
_TOTAL_SUBJECT = re.compile(rf"\s*(?:{_TOTAL})\b")  # a clause opened by a total (`_total_subject`), folded


def _clause_opening(sentence: str, start: int) -> int:
    """Where the clause holding `start` opens: after the last comma, semicolon, colon or bracket before it."""
    return max(sentence.rfind(c, 0, start) for c in ",;:(") + 1


def _clause_start(sentence: str, start: int) -> int:
    """Where the clause of an amount at `start` begins (`_clause_opening`), at most 50 characters back — the words
    that say what the amount is ("tổng kinh phí", "mỗi suất … trị giá")."""
    return max(_clause_opening(sentence, start), start - 50)


def _total_subject(span: facts.Span, sentence: str) -> bool:
    """Whether the number is the first of a clause whose subject is a total ("Tổng số tiền mà công đoàn các cấp chi
    cho các hoạt động chăm lo dịp Tết ước đạt 1,2 tỉ đồng"): general Vietnamese, subject before predicate — the clause
    opened by "tổng … / tất cả / toàn bộ" gives the total as the first amount of its predicate, however long the
    subject runs (`_clause_start` reads 50 characters back; a long subject's "Tổng" lies beyond them)."""
    start = _clause_opening(sentence, span.start)
    if any(start <= n.start < span.start for n in facts.numbers(sentence)):
        return False
    return bool(_TOTAL_SUBJECT.match(fold(sentence[start:span.start]).lower()))


def _total_fit(span: facts.Span, sentence: str) -> float:
    """When a total is asked, how a number stands to it in its sentence: said as the total ("tổng
    cộng 200 suất", "tổng kinh phí là 1,2 tỷ đồng") +1.5; a rate ("3 triệu đồng/đội", "mỗi suất
    trị giá 500.000 đồng") −2; a part ("…, trong đó 800 triệu đồng …") −1. General Vietnamese:
    news gives the whole before "trong đó" and the rate after "mỗi" or a slash."""
    clause = fold(sentence[_clause_start(sentence, span.start):span.start + len(span.text)]).lower()
    before = fold(sentence[:span.start]).lower()
    if re.search(r"\d\s*[^\W\d_]*\s*/\s*[^\W\d_]", span.text) or _RATE_MARK.search(clause):
        return -2.0
    if _TOTAL_MARK.search(clause) or _total_subject(span, sentence):
        return 1.5
    if re.search(r"\btrong do\b", before):
        return -1.0
    return 0.0


# "mỗi <đơn vị>" in a question asks what one unit gets ("mức thưởng cho mỗi công nhân", "mỗi suất quà trị giá bao
# nhiêu"): news gives the rate by "mỗi" or a slash ("8 triệu đồng mỗi người", "2 triệu đồng/suất"), and the total
# of all units by "tổng cộng / tổng kinh phí". Folded "moi" is also "mới" (new): typed with accents only "mỗi"
# counts; typed without, "moi" must stand before a noun the unit classes know ("moi cong nhan").
# An average asked ("bình quân", "trung bình"), folded: what one unit (a person, a month) gets — general Vietnamese,
# the words the sentence side reads as a rate mark too (`_RATE_MARK`).
_AVERAGE_Q = re.compile(r"\b(?:binh quan|trung binh)\b")
_PER_UNIT_ACCENTED = re.compile(r"(?<!\w)mỗi\s+\w", re.I)


# "rẻ hơn / thấp hơn / cao hơn / đắt hơn / nhiều hơn / ít hơn … bao nhiêu" with no noun counted asks the difference,
# and news writes it right after the comparative, as a share or an amount ("thấp hơn khoảng 30% so với …",
# "cao hơn 500.000 đồng"). Folded ("it" is "ít"; "hon" after it makes it a comparative).
_COMPARED_Q = re.compile(r"\b(?:re|cao|thap|dat|nhieu|it|lon|nho) hon\b.*\b(?:bao nhieu|may)\s*(?:phan tram)?\s*(?:vay|a|the|nhi|\?|$)")
_COMPARATIVE = re.compile(r"(?<!\w)(?:rẻ|cao|thấp|đắt|nhiều|ít|lớn|nhỏ|tăng|giảm)(?: hơn)?(?:\s+(?:khoảng|gần|hơn|trên|tới|đến|"
                          r"chừng|xấp xỉ))?\s*$", re.I)


def _after_comparative(span: facts.Span, sentence: str) -> bool:
    """The number stands right after a comparative or a change ("thấp hơn khoảng 30%", "tăng 12%")."""
    return bool(_COMPARATIVE.search(normalize(sentence[max(0, span.start - 30):span.start])))


def rate_asked(question: str) -> bool:
    """Whether a number question asks what one unit gets, not the total (see above)."""
    asked = folded_question(question)
    if _TOTAL_Q.search(asked):
        return False
    if _AVERAGE_Q.search(asked):
        return True  # an average ("thu nhập bình quân", "trung bình mỗi tháng") is one unit's amount by definition
    if question != fold(question):  # typed with accents: "mỗi" as written
        return bool(_PER_UNIT_ACCENTED.search(normalize(question)))
    for m in re.finditer(r"\bmoi\s+([a-z]+)(?:\s+([a-z]+))?", asked):
        words = [w for w in m.groups() if w]
        if any(" ".join(words[:n]) in g for g in UNIT_CLASSES for n in (2, 1)):
            return True
    return False


def _rate_fit(span: facts.Span, sentence: str) -> float:
    """When one unit's amount is asked, how a number stands to it: said as the total of all units
    ("tổng cộng 23 tỷ đồng", "tổng kinh phí 890 triệu đồng") −2, unless written as a rate itself
    ("2 triệu đồng/suất"); else 0 — the mirror of `_total_fit`. (No bonus for a rate: every amount
    of a clause like "mỗi suất 700.000 đồng (năm trước 500.000 đồng)" is one, and folded "moi" is
    also "mới".)"""
    clause = fold(sentence[_clause_start(sentence, span.start):span.start + len(span.text)]).lower()
    if re.search(r"\d\s*[^\W\d_]*\s*/\s*[^\W\d_]", span.text):
        return 0.0
    return -2.0 if _TOTAL_MARK.search(clause) or _total_subject(span, sentence) else 0.0


def rate_for_total(qtype: str, question: str, sentence: str, span: str) -> bool:
    """A total asked ("tổng giá trị giải thưởng … bao nhiêu", "tất cả bao nhiêu suất") and the span a rate
    ("500.000 đồng/mâm", "mỗi suất trị giá 300.000 đồng"): the rate is no answer to the total — general
    Vietnamese, a rate says what one unit gets, and news states a total as such ("tổng cộng", "tổng trị
    giá", or the number alone). Hard evidence in `answer.answer`."""
    if qtype != "number" or not span or not _TOTAL_Q.search(folded_question(question)):
        return False
    start = sentence.find(span)
    return start >= 0 and _total_fit(facts.Span("number", start, start + len(span), span), sentence) <= -2.0


# One unit's amount as news writes it, in the span's clause before it (sentences are accented, so "mỗi" is not
# "mới"): "mỗi suất quà có tổng trị giá …", or a number of units then its value ("trong đó 200 suất trị giá …").
_PER_UNIT = re.compile(r"(?<!\w)mỗi(?!\w)|\d[\d.,]*\s+\w+(?:\s+\w+)?\s+(?:trị giá|giá trị|mức)\s*$")


def total_for_rate(qtype: str, question: str, sentence: str, span: str) -> bool:
    """One unit's amount asked ("Mỗi tấm thẻ bảo hiểm y tế … có giá chừng bao nhiêu?", "Mỗi phần quà … đáng giá bao
    nhiêu?") and the span the total of all units ("… với tổng kinh phí 750 triệu đồng") or a share of a total
    ("Tổng kinh phí khoảng 410 triệu đồng, trong đó Công ty … tài trợ 150 triệu đồng"), not written as a rate itself:
    the mirror of `rate_for_total` — general Vietnamese, news gives one unit's amount by "mỗi" or a slash and the
    whole by "tổng …", the parts of it after "trong đó". Hard evidence in `answer.answer`. Session 27 (helper D):
    with the answer taken out (tools/removed_probe.py) teamq16 vq112 and teamq15 nq124 quoted such a total; no
    question as asked of teamq15/16 or the first split holds a rate asked with a total quoted."""
    if qtype != "number" or not span or not rate_asked(question):
        return False
    start = sentence.find(span)
    if start < 0:
        return False
    found = facts.Span("number", start, start + len(span), span)
    if _PER_UNIT.search(normalize(sentence[_clause_start(sentence, start):start]).lower()):
        return False  # written as one unit's ("mỗi suất … tổng trị giá 1 triệu đồng", "200 suất trị giá 1 triệu đồng")
    if _rate_fit(found, sentence) <= -2.0:  # said as the total
        return True
    before = fold(sentence[:start]).lower()
    share = re.search(r"\btrong do\b", before)  # a share of the total stated before it
    return bool(share) and _total_fit(found, sentence) == -1.0 and bool(_TOTAL_MARK.search(before[:share.start()]))


_OCCASION = re.compile(r"(?:hưởng ứng|chào mừng|nhân dịp|kỷ niệm|hướng tới|hướng về|vào dịp)\s+"
                       r"((?:[A-ZĐÀ-Ỹ0-9](?:[^,.;:()“”\"]|(?<=\d)\.(?=\d)){3,100}))")
_STOP_AFTER_WRITTEN = set("được đã bị là có và với cho tại ở trong vào từ đến để thì mà khi nên sẽ do vì của".split())


def _named_by_noun(sentence: str, question: str) -> list[facts.Span]:
    """"nghiệp đoàn nào" / "sân nào" / "xã nào": the sentence's own "Nghiệp đoàn <name>",
    "Sân <name>", "xã <name>"."""
    out = []
    folded = fold_same_length(sentence)
    for m in re.finditer(r"((?:[a-z]+\s+){1,5})nao\b", fold(normalize(question))):
        noun_words = m.group(1).split()
        if noun_words[-1] in ("nhung", "cac", "la", "o", "tai", "vao", "ngay", "nam", "thang", "luc", "khi"):
            continue
        # Longest tail of the phrase first: "quỹ xã hội từ thiện nào" → "Quỹ Xã hội từ thiện …"; never a tail
        # that starts inside a two-syllable word of the question (`_word_starts`: "cơ sở nào" asks a facility, not a
        # "Sở …"), as `_inside_word` keeps a span from starting inside one of the sentence.
        starts = _word_starts(noun_words, _written_words(question))
        found = _named_after(sentence, folded, [" ".join(noun_words[i:]) for i in range(len(noun_words)) if i in starts])
        if not found:
            # Vietnamese puts the head noun first: "kỳ đại hội toàn quốc nào" asks for an "Đại hội …" (the
            # classifier "kỳ" and the modifier "toàn quốc" are not part of its name). Heads of two syllables or more.
            # The phrase starts after the question's last function word ("quy chế … do cơ quan nào": "cơ quan").
            cut = max((i + 1 for i, w in enumerate(noun_words) if w in _PHRASE_BREAK), default=0)
            head = noun_words[cut:]
            head = head[1:] if head and head[0] in _HEAD_CLASSIFIERS else head
            found = _named_after(sentence, folded, [" ".join(head[:n]) for n in range(len(head) - 1, 1, -1)])
        if found:  # a proper name starts with a capital ("Công ty TNHH …", "Quỹ Xã hội …")
            found = [_before_predicate(sp, fold(normalize(question))[m.end():]) for sp in found]
            # no span starts inside a word: "phố Vinh" of "thành phố Vinh" (for "thành phố nào") is the word's tail
            found = [sp for sp in found if not _inside_word(sentence, sp.start)] or found
            # capitalized: the longest (the full name); otherwise the shortest (the noun itself)
            found.sort(key=lambda sp: (not sp.text[:1].isupper(), -len(sp.text) if sp.text[:1].isupper()
                                       else len(sp.text)))
            return found[:1]
    return out


def _written_words(question: str) -> frozenset[str] | None:
    """The two-syllable dictionary words of a question typed with accents, folded ("cơ sở" → "co so"), as written:
    typed so, "ra quận" is no "ra quân". None for a question typed without accents (folded, the pair is ambiguous)."""
    typed = normalize(question).lower()
    if typed == fold(typed):
        return None
    syl = re.findall(r"[^\W\d_]+", typed)
    return frozenset(fold(f"{a} {b}") for a, b in zip(syl, syl[1:])
                     if f"{a} {b}" in general().pairs and fold(f"{a} {b}") not in _NAMED_BY_ITS_LAST)


# Words news names by their last syllable alone: a station "ga Hà Nội", a port "cảng Cát Lái" (as notfound's institutions
# read them): "nhà ga nào" is answered by "ga Biên Hòa", so its tail "ga" is a noun of its own. Folded.
_NAMED_BY_ITS_LAST = frozenset({"nha ga", "ben cang"})


def _word_starts(syllables: list[str], words: frozenset[str] | None) -> set[int]:
    """Where the words of a folded phrase start, read from its end ("nào" closes it) two syllables at a time when they
    make one of the question's dictionary `words` (`_written_words`): "cong nhan cong ty" → {0, 2}, "co so" → {0}.
    General Vietnamese: most words are one or two syllables, and the phrase before "nào" ends with its last word.
    Every syllable starts one when the question was typed without accents (`words` None)."""
    if words is None:
        return set(range(len(syllables)))
    starts, i = set(), len(syllables)
    while i > 0:
        i -= 2 if i >= 2 and f"{syllables[i - 2]} {syllables[i - 1]}" in words else 1
        starts.add(i)
    return starts


# Function words of a question: the noun phrase of "<phrase> nào" starts after the last of them ("… do cơ quan nào").
_PHRASE_BREAK = {"do", "cua", "cho", "la", "voi", "tai", "o", "tu", "den", "va", "duoc", "bi", "thi", "ve", "trong", "boi",
                 "ma", "hay", "hoac", "nhu", "de", "nham", "vao", "khi", "se", "da", "dang"}
# Words before the head noun of "<phrase> nào": classifiers and plural markers ("kỳ đại hội", "những đợt").
_HEAD_CLASSIFIERS = {"ky", "cuoc", "buoi", "dot", "nhung", "cac", "loai", "mot", "con", "chiec", "ban"}


def _before_predicate(span: facts.Span, after: str) -> facts.Span:
    """The name without the question's own predicate after it ("quỹ … nào tài trợ": "Quỹ … Tấm lòng vàng", not
    "… vàng tài trợ"): the words the question says after "nào" end the name where the sentence says them."""
    pred = [w for w in re.findall(r"[a-z]+", after) if w not in _PREDICATE_FILLER][:2]
    if not pred:
        return span
    hit = pattern(r"\s" + r"\s+".join(pred) + r"\b").search(fold_same_length(span.text))
    if not hit or not span.text[:hit.start()].strip():
        return span
    text = span.text[:hit.start()].rstrip(" ,-–")
    return facts.Span(span.kind, span.start, span.start + len(text), text)


def _named_after(sentence: str, folded: str, phrases: list[str]) -> list[facts.Span]:
    """Spans "<phrase> <name>" of the sentence, for each folded phrase, where the name holds a capital or a digit."""
    found = []
    for words in phrases:
        for hit in pattern(rf"\b{re.escape(words)}\s+(?=[^\s,.;:()|])").finditer(folded):
            # The name: up to six words, ending at a function word as written (folded, "đá" of "bóng đá" is "đã",
            # "cỏ" is "có") or at punctuation.
            run = re.match(r"(?:(?:[-–]\s+)?[^\s,.;:()|]+\s*){1,6}", sentence[hit.end():])  # (a dash is no word)
            tokens = list(re.finditer(r"[^\s,.;:()|]+", run.group(0)))
            kept = next((i for i, t in enumerate(tokens) if t.group(0).lower() in _STOP_AFTER_WRITTEN), len(tokens))
            if not kept:
                continue
            text = sentence[hit.start():hit.end() + tokens[kept - 1].end()].strip()
            if any(w[:1].isupper() or w[:1].isdigit() for w in text.split()[len(words.split()):]):
                found.append(facts.Span("named", hit.start(), hit.start() + len(text), text))
    return found


# Things news names in quotes right after their kind ("chương trình “…”", "Hội thi “…”", "kỷ niệm chương “…”",
# "hoạt động “…”"). Folded, longest first.
_NAMED_THINGS = sorted("""chuong trinh|hoi thi|cuoc thi|giai thuong|giai dau|phong trao|cuoc van dong|hoat dong|ky niem chuong|
danh hieu|huy chuong|bang khen|khau hieu|chu de|thong diep|phuong cham|mo hinh|de an|du an|chien dich|le hoi|hoi thao|
toa dam|dien dan|sang kien|cong trinh|tinh than|tieu de|ten goi""".replace("\n", "").split("|"), key=len, reverse=True)

_NAMED_THING_WORDS = [(t, re.compile(rf"\b{t}\b")) for t in _NAMED_THINGS]  # (compiled once: read every ask)


def _capital_after_kind(text: str, named: list[str]) -> bool:
    """"Hội thi An toàn …": the word right after the kind starts with a capital (a proper name, not "hội thi
    cấp thành phố")."""
    words = text.split()
    kind = next((t for t in named if fold(" ".join(words[:len(t.split())])).lower() == t), None)
    rest = words[len(kind.split()):] if kind else []
    return bool(rest) and rest[0][:1].isupper()


# A slogan's kinds are one kind: union news gives a campaign's or a congress's words as its "chủ đề", "khẩu hiệu",
# "thông điệp" or "phương châm", and members ask by any of them (general usage). Folded.
_SLOGAN_KINDS = ["khau hieu", "chu de", "thong diep", "phuong cham"]


def _named_things(folded_question: str) -> list[str]:
    """The kinds of thing whose name the question asks (`_NAMED_THINGS`). A slogan asked ("Thông điệp của đợt hoạt
    động … là gì") is named by any of the slogan's kinds (`_SLOGAN_KINDS`), and only by them: the other kinds the
    question names ("đợt hoạt động") are whose slogan it is."""
    named = [t for t, rx in _NAMED_THING_WORDS if rx.search(folded_question)]
    named = _SLOGAN_KINDS if any(t in _SLOGAN_KINDS for t in named) else named
    own = _own_kind(folded_question)  # the head noun a name is asked of ("Học bổng … mang tên gì"), first
    return own + [t for t in named if t not in own]


# A name asked: "… mang tên gì", "… có tên (gọi) là gì", "… tên gì". Folded.
_NAME_ASKED = re.compile(r"\bten(?: goi)?(?: la)? (?:gi|nao|j)\b")


def _own_kind(folded_question: str) -> list[str]:
    """The kind of thing whose name the question asks when it is none of `_NAMED_THINGS`: the question's head noun,
    which Vietnamese puts first ("Học bổng trao cho con đoàn viên … mang tên gì", "Buổi nói chuyện chuyên đề trong
    ngày hội … có tên gì"), after a classifier ("buổi", "cuộc": `_HEAD_CLASSIFIERS`) and up to its first function
    word (`_PHRASE_BREAK`) or number; its prefixes of two syllables or more, longest first ("noi chuyen chuyen de",
    …, "noi chuyen"), since news may name it shorter. General news writing: a named scholarship or talk is quoted right
    after its kind ("trao 60 suất học bổng “…”"), as a programme is (`_named_by_asked_noun`). Only when the question
    asks a name (`_NAME_ASKED`); none when it opens with a function word ("trong tháng … tổ chức phiên chợ tên gì").
    Nor when it opens with a time or an aside ("Nhân dịp này …", "Ngoài ngày hội, …", "Sau hội thi, …": `_NOT_A_KIND`)."""
    if not _NAME_ASKED.search(folded_question):
        return []
    syl = re.findall(r"[a-z0-9]+", folded_question)
    syl = syl[1:] if syl and syl[0] in _HEAD_CLASSIFIERS else syl
    head = []
    for w in syl[:OWN_KIND_SYLLABLES]:
        if w in _HEAD_BREAK or w in _NOT_A_KIND or w.isdigit():
            break
        head.append(w)
    return [" ".join(head[:n]) for n in range(len(head), 1, -1)]


# Syllables no kind noun holds (folded): the asking words and particles a question may open its head with, and the
# words of a time or an aside it may open with instead ("nhân dịp", "ngoài", "sau", "trước", "khi", "lúc").
_NOT_A_KIND = frozenset("ten gi nao ai dau may bao nhieu co mang nam nhan dip ngoai sau truoc khi luc".split())
# Function words that end a head noun, but not those that fold like a syllable of one: "thi" ("thi đua", "hội thi"),
# "de" ("chuyên đề"), "ve" ("vé số"), "bi" ("bí thư"). Folded.
_HEAD_BREAK = _PHRASE_BREAK - {"thi", "de", "ve", "bi"}


def _named_by_asked_noun(quote: facts.Span, sentence: str, named: list[str]) -> bool:
    """Whether the quote names the kind of thing the question asks the name of: that kind stands right before
    it, at most three words and a colon away ("tổ chức chương trình “Lắng nghe …”", "kỷ niệm chương “Vì sự
    nghiệp …”", "Hội thi mang tên “…”"), or five words away when a copula "là" ends them ("Chủ đề hội thi năm nay
    là “…”"). General news writing: a named programme, contest or award is quoted right after its kind; a quote after
    some other cue ("với phương châm “…”") names something else, and so does another kind between the two
    ("chương trình mang thông điệp “…”": the nearest kind is what the quote names)."""
    if not named:
        return False
    before = fold(sentence[max(0, quote.start - 60):quote.start]).lower()
    before = re.sub(r"[\"“”'‘’«»]\s*$", "", before.rstrip())
    for t in named:
        hit = pattern(rf"\b{t}((?:\s+[^\s,.;:()]+){{0,3}}|(?:\s+[^\s,.;:()]+){{0,5}}\s+la)\s*:?\s*$").search(before)
        # the nearest kind names the quote: "chương trình mang thông điệp “…”" quotes the message, not the programme;
        # before a copula the first names it, whose the rest is ("Chủ đề hội thi năm nay là “…”")
        if hit and (hit.group(1).endswith(" la")
                    or not any(rx.search(hit.group(1)) for k, rx in _NAMED_THING_WORDS if k not in named)):
            return True
    return False


def names_asked_kind(qtype: str, sentence: str, question: str) -> bool:
    """Whether the sentence names a thing of the kind whose name a slogan / campaign question asks, right after that
    kind (`_named_by_asked_noun`: its candidates score `KIND_NAMED_SCORE` or more), rather than after some other cue."""
    return qtype in ("slogan", "campaign") and any(sc >= KIND_NAMED_SCORE
                                                   for sc, _ in span_candidates(qtype, sentence, question))


# "bài (hát) gì / ca khúc nào / tiết mục gì / tác phẩm gì" asks a work's title, and news puts titles in quotes
# ("Tốp ca nam nữ “Mùa xuân trên công trường”"): every quote of the sentence is a title. Folded.
_ASKS_TITLE = re.compile(r"\b(?:bai|bai hat|bai ca|ca khuc|tiet muc|tac pham|tieu pham|vo kich|bai tho|phim|vo dien)"
                         r" (?:gi|nao)\b")
SLOGAN_CUE = re.compile(r"khẩu hiệu|chủ đề|thông điệp|phương châm|mục tiêu|tinh thần|phong trào|cuộc thi|"
                         r"cuộc vận động|chương trình|giải|hội thi|danh hiệu", re.I)


# "kéo dài từ ngày nào", "những ngày nào": a span of days is asked, not one day.
_WANTS_RANGE = re.compile(r"keo dai|tu ngay nao|den ngay nao|tu khi nao|den khi nao|trong bao lau|nhung ngay nao|"
                          r"tu (?:thang|nam) (?:nao|may)")  # "khởi công từ tháng mấy": "từ tháng 5/2013" answers


_ASKS_DAY = re.compile(r"\bngay (nao|bao nhieu|may)\b|\bhom nao\b")
YEARS_ONLY = re.compile(r"(?i)(?:(?:nhiệm kỳ|giai đoạn|niên khóa|năm học|năm)\s+)?\d{4}(?:\s*[-–]\s*\d{4})?")


# A paper that news cites by its number and date ("Theo Thông báo số 1 ngày 09/10/2025", "Kế hoạch số
# 45/KH-LĐLĐ ngày 2/3", "Quyết định … ký ngày …"): that date is the paper's, not the event's. A question
# about the paper itself (ban hành, ký, "văn bản / kế hoạch … ngày nào") asks it.
_DOCUMENTS = ["thông báo", "kế hoạch", "quyết định", "công văn", "chỉ thị", "nghị quyết", "hướng dẫn", "thông tư",
              "nghị định", "văn bản", "tờ trình", "báo cáo", "thông tri", "điều lệ"]
_DOCUMENT_BEFORE = re.compile(rf"(?i)(?:{'|'.join(_DOCUMENTS)})(?:\s+số)?(?:\s+[^\s,;()]+){{0,2}}\s+"
                              r"(?:ký\s+|ban hành\s+)?(?:ngày\s*)?$")
_DOCUMENT_Q = re.compile(rf"\b(?:ban hanh|ky|{'|'.join(map(fold, _DOCUMENTS))})\b")


# "số mấy / số bao nhiêu" at the end of a question (or before a particle) asks which number a thing bears,
# not how many: a paper's ("Quyết định … là số mấy?") or a congress's, a term's ("kỳ đại hội số mấy?").
# "tổng số bao nhiêu người", "số bao nhiêu đoàn viên" count (a noun follows).
_DESIGNATION_Q = re.compile(r"(?<!tong )\bso (?:may|bao nhieu)(?=\s*(?:(?:vay|a|ha|nhi|the|nhe|day|do)\b|[?.!]|$))")
_DOCUMENT_NOUN_Q = re.compile(rf"\b(?:{'|'.join(map(fold, _DOCUMENTS))})\b")  # not "ký": "kỳ" folds like it
# "lần" and "khóa" only as ordinals ("lần thứ", "khóa XIV", "khóa số mấy"): folded, "lan" is also the name "Lan"
# and "khoa" a department.
_ORDINAL_NOUNS = re.compile(r"\b(?:dai hoi|hoi nghi|nhiem ky|(?<!chuyen )khoa(?=\s+(?:so|thu|[ivxlcdm]+\b|\d)|\s*$)|lan thu|ky hop|"
                            r"mua giai)\b")
# "khóa / kỳ họp / lần mấy" closing a question asks which term, session or time (an ordinal: "khóa XIV"), as
# "thứ mấy" does; "mấy khóa" counts them.
_TERM_Q = re.compile(r"\b(?:khoa|ky hop|lan) may(?=\s*(?:(?:vay|a|ha|nhi|the|nhe|day|do)\b|[?.!]|$))")
_DIRECTIVE = re.compile(r"(?i)\bsố\s+\d+[\w]*(?:/[\wĐđ-]+)+")


def designation_asked(folded_question: str) -> str | None:
    """"document" when a number question asks which number a paper bears ("quyết định thành lập … là số
    mấy" — news cites papers as "Quyết định số 231/QĐ-TC"), "ordinal" when it asks which congress, session
    or term ("nghị quyết của đại hội số mấy": "Đại hội XIV"), None when it counts. General Vietnamese: "số
    mấy" closing a question asks a number borne, "bao nhiêu / mấy <noun>" a count."""
    if _TERM_Q.search(folded_question):  # "Ban Chấp hành khóa mấy": the term's ordinal ("khóa XIV")
        return "ordinal"
    m = _DESIGNATION_Q.search(folded_question)
    if not m:
        return None
    # the thing nearest before "số mấy" bears it ("chỉ tiêu của đại hội số mấy": the congress)
    before = folded_question[:m.start()]
    document = max((d.end() for d in _DOCUMENT_NOUN_Q.finditer(before)), default=-1)
    ordinal = max((o.end() for o in _ORDINAL_NOUNS.finditer(before)), default=-1)
    if max(document, ordinal) < 0:
        return None
    return "document" if document > ordinal else "ordinal"


def _directives(sentence: str) -> list[tuple[float, facts.Span]]:
    """A paper's number as news cites it: "số 2183/TC", "số 45/KH-LĐLĐ"."""
    return [(1.0, facts.Span("directive", m.start(), m.end(), m.group(0))) for m in _DIRECTIVE.finditer(sentence)]


def _dates_a_document(d: facts.Span, sentence: str) -> bool:
    return bool(_DOCUMENT_BEFORE.search(sentence[max(0, d.start - 60):d.start]))


# Days listed with "và" or commas ("ngày 17 và 18/6/2025", "ngày 5, 6 và 7/9"): several days, as a range is —
# what "những ngày nào / trong mấy ngày" asks (general Vietnamese news writes a two-day event so).
_DAY_LIST = re.compile(r"\d{1,2}(?:\s*,\s*\d{1,2})*\s+và\s+\d{1,2}\s*/\s*\d{1,2}")


def _candidates(qtype: str, sentence: str, question: str) -> list[tuple[float, facts.Span]]:
    """Spans of the asked-for kind with a fit score (higher is better)."""
    q = fold(question)
    if qtype == "date":
        years_in_q = set(re.findall(r"\b(?:19|20)\d\d\b", question))
        out = []
        weekly = bool(re.search(r"\b(tuan|thu may)\b", q))
        which_year = bool(re.search(r"(?<!thang )\bnam nao\b", q))  # ("ngày tháng năm nào" asks a whole date)
        wants_range = bool(_WANTS_RANGE.search(q))
        asks_day = bool(_ASKS_DAY.search(q))
        asks_document = bool(_DOCUMENT_Q.search(q))
        asks_quarter = bool(re.search(r"\bquy (?:nao|may)\b", q)) and question_type(question) == "date"
        asks_end = bool(_ENDING.search(q)) and not wants_range
        if _ASKS_CLOCK.search(folded_question(question)):  # "lúc mấy giờ": a time of day; a date is the day of it at best
            return ([(1.5, c) for c in _clocks(sentence)]
                    + [(0.25, d) for d in facts.dates(sentence) if d.text not in years_in_q])
        for d in facts.dates(sentence) + _quarters(sentence) + _months(sentence):
            year_only = re.fullmatch(r"(?i)(?:năm\s+)?\d{4}", d.text) is not None
            # "ngày nào" asks for a day: a term of years ("nhiệm kỳ 2018 - 2023") gives none
            year_only = year_only or (asks_day and YEARS_ONLY.fullmatch(d.text) is not None)
            # "ngày nào" asks for a day: a quarter of the year ("quý II/2024") gives none either
            year_only = year_only or (asks_day and d.kind in ("quarter", "month"))
            weekday = re.search(r"(?i)thứ\s+(hai|ba|tư|năm|sáu|bảy)|chủ nhật", d.text) is not None
            if which_year:  # "năm nào" wants a year; a day in a year the question names is not it ("… thi đua
                # năm 2022 được đề nghị nhận cờ năm nào": the meeting of 14/12/2022 is no answer, nor a day
                # written without its year)
                told = re.findall(r"(?:19|20)\d\d", d.text)  # ("(17/12)", a day without its year, tells none)
                sc = (1.0 if year_only and d.text not in years_in_q
                      else 0.5 if told and not set(told) <= years_in_q else 0.0)
            else:
                sc = 0.0 if year_only or d.text in years_in_q else 1.0
            is_range = bool(re.search(r"(?i)\b(từ|đến|tới)\b|\d\s*[-–]\s*\d{1,2}/", d.text) or _DAY_LIST.search(d.text))
            if sc and not weekly:
                if wants_range:
                    sc += 0.5 if is_range else 0.0
                else:
                    sc += (-0.25 if is_range else 0.0) + (0.5 if d.start <= 3 else 0.0)  # "Ngày 03/12, …"
            if weekly:
                sc = 2.0 if weekday else sc * 0.5
            elif weekday and asks_day:
                sc = 0.25  # "ngày nào": a weekday that recurs ("thứ bảy hằng tuần") is no day of an event
            if sc > 0 and not asks_document and _dates_a_document(d, sentence):
                sc *= 0.25  # "Theo Thông báo số 1 ngày 09/10, …": the day of the paper, not of the event asked
            if asks_end and sc > 0:  # "bao giờ xong": the day the work is to be done, not the day it began
                sc = 1.5 if _ENDING.search(fold(sentence[max(0, d.start - 40):d.start])) else sc * 0.5
            if asks_quarter:  # "quý nào": the quarter, not a day inside it
                sc = 1.5 if d.kind == "quarter" else sc * 0.5
            out.append((sc, d))
        return out
    if qtype == "number":
        if re.search(_ORDINAL_Q, q):  # "lần thứ mấy" wants an ordinal
            return _ordinals(sentence, q)
        designation = designation_asked(q)
        if designation == "document" and (cited := _directives(sentence)):  # "quyết định … số mấy": the
            return cited  # paper's number as cited ("số 231/QĐ-TC"); else any number the sentence gives
        if designation == "ordinal":  # "kỳ đại hội số mấy": the congress's ordinal ("Đại hội XIV")
            return _ordinals(sentence, q)
        asked = folded_question(question)  # "Công ty May …" typed with accents: that "May" is no "mấy"
        total = bool(_TOTAL_Q.search(asked))
        rate = not total and rate_asked(question)
        compared = bool(_COMPARED_Q.search(asked)) and not counted_noun(asked)
        counted = counted_noun(asked) - {"la", "co", "duoc", "cua", "cho", "tien", "thi", "moi", "nam", "ngay"}
        return [(_number_fit(n, asked) + (_total_fit(n, sentence) if total else 0.0)
                 + (_rate_fit(n, sentence) if rate else 0.0)
                 + (2.0 if compared and _after_comparative(n, sentence) else 0.0)
                 + COUNTED_NOUN_WEIGHT * len(counted.intersection(_paired_group(n, sentence) + noun_before(n, sentence))
                             - set(span_words(n.text))), n)
                for n in [_as_read(_with_attached_unit(n, sentence), sentence) for n in facts.numbers(sentence)]]
    # "theo hình thức nào / gì": how a meeting or event is held — in person, online, both (`_FORM`).
    # Only of a meeting or an event (`_FORM_OF_EVENT`; "kỷ luật / khen thưởng theo hình thức gì" asks a penalty or
    # an award and keeps the other readings); a sentence saying no form of the meeting asked tells none.
    if qtype in ("what", "campaign", "other") and _ASKS_FORM.search(q) and _FORM_OF_EVENT.search(q):
        return [(1.5, facts.Span("form", m.start(), m.end(), m.group(0))) for m in _FORM.finditer(sentence)
                if m.group(0).lower().lstrip().startswith(("hình thức", "cả hai", "theo", "dưới", "bằng"))
                or _FORM_BEFORE.search(sentence[max(0, m.start() - _FORM_BEFORE_CHARS):m.start()])]
    # "nghiệp đoàn nào", "quỹ … nào", "quận nào": the sentence's own name for it.
    # (not "giáo viên / công nhân nào": a noun of people asks a person's name, not the noun's own "Giáo viên Trường …")
    named = ([(1.5, sp) for sp in _named_by_noun(sentence, question)]
             if qtype in ("who", "where", "what", "other", "role")
             and not (qtype == "who" and (asked_person_noun(q.lower()) or leader_asked(qtype, question))) else [])
    if named:
        return named
    if qtype == "role":
        # "Ông <tên> giữ chức vụ gì": the office news writes right by that person's name ("đồng chí A - Phó Chánh
        # Văn phòng …", "Chủ tịch … B"), before any other office the sentence names.
        named = [(m.start(), m.end()) for m in _PERSON_NAME.finditer(sentence) if pattern(rf"\b{re.escape(fold(m.group(0)).lower().strip())}\b").search(q)]
        return [(1.5 if any(-2 <= m.start() - b <= 4 or m.start() < a <= m.start() + len(m.group(0).rstrip()) + 2
                            for a, b in named) else 1.0,
                 facts.Span("role", m.start(), m.start() + len(m.group(0).rstrip()), m.group(0).rstrip()))
                for m in _ROLE_SPAN.finditer(sentence)]
    if qtype in ("what", "other") and re.search(r"\b(so hieu|ky hieu|so may|so bao nhieu|mang so)\b", q):
        return _directives(sentence)
    if qtype in ("slogan", "campaign", "what"):
        cue = SLOGAN_CUE.search(sentence)
        named, out, kind_before = _named_things(q), [], False
        for sp in facts.quotes(sentence):
            # ("hai hội thảo “A” và “B”": a quote joined to one named by its kind is named by it too)
            joined = bool(out) and re.fullmatch(r"[\"”’»]?\s*(?:,|và|hoặc|;)\s*[\"“‘«]?", sentence[out[-1][1].end:sp.start])
            kind_before = (joined and kind_before) or _named_by_asked_noun(sp, sentence, named)
            out.append((KIND_NAMED_SCORE if kind_before else 1.0 if cue and sp.start >= cue.start() else 0.0, sp))
        if _ASKS_TITLE.search(q):  # "biểu diễn bài gì": a work's title, which news quotes
            out = [(max(sc, KIND_NAMED_SCORE), sp) for sc, sp in out]
        if not any(sc > 1 for sc, _ in out) and named:
            # unquoted, a proper name right after the kind asked: "mở Hội thi Thợ hàn - Thợ tiện giỏi"
            out += [(KIND_NAMED_SCORE, sp) for sp in _named_after(sentence, fold_same_length(sentence), named)
                    if _capital_after_kind(sp.text, named)]
        if not out and qtype in ("campaign", "what"):
            for m in _OCCASION.finditer(sentence):  # "hưởng ứng <a named month or campaign>"
                out.append((0.75, facts.Span(qtype, m.start(1), m.end(1), m.group(1).strip())))
        if not out and qtype == "what":
            obj = _object_of(sentence, q)  # "hướng tới kỷ niệm gì": what follows "kỷ niệm" in the sentence
            if obj:
                out.append((0.75, obj))
        if not out and qtype == "slogan":
            m = _LEAD.search(sentence)
            if m and len(sentence) - m.end() > 8:
                text = sentence[m.end():].rstrip(" .;")
                out.append((0.5, facts.Span("slogan", m.end(), m.end() + len(text), text)))
        return out
    if qtype == "who":
        subject = _subject_of(sentence, q)
        body_asked = bool(re.search(_ASKS_BODY, q) or _ASKS_BODIES.search(q) or BODY_WHICH.search(q))
        if subject and not names_a_place(subject, sentence, body_asked):
            return [(1.5, subject)]
        obj = _object_who(sentence, q)
        if obj:
            return [(1.5, obj)]
        out = [(1.0, facts.Span("who", m.start(), m.end(), m.group(0))) for m in PERSON.finditer(sentence)]
        if not out:  # a full name without a title: surname + given names
            out = [(0.5, facts.Span("who", m.start(), m.end(), m.group(0))) for m in _PERSON_NAME.finditer(sentence)
                   if (m.start() > 0 or _OPENS_WITH_NAME.match(sentence[m.end():]))
                   and not _PLACE_KIND_BEFORE.search(sentence[max(0, m.start() - 20):m.start()])]
        # "những ai": groups of people answer ("đại diện nhà trường và phụ huynh …")
        if _ASKS_GROUP.search(q):
            out += [(1.0, facts.Span("who", m.start(), m.start() + len(m.group(0).rstrip()), m.group(0).rstrip()))
                    for m in _GROUP.finditer(sentence)]
        # "do ai <làm>" asks the doer of a passive: news names it after "do" ("Số tiền còn lại do đoàn viên
        # công đoàn … hỗ trợ"), a body or a group as often as a person; the doer runs to the clause's end.
        if _ASKS_AGENT.search(q):
            for m in _AGENT.finditer(sentence):
                if not (m.group(1)[:1].isupper() or _DOER_START.match(m.group(1))):
                    continue
                cut = _DOER_VERB.search(m.group(1))
                end = m.start(1) + (cut.start() if cut else len(m.group(1)))
                out.append((1.0, facts.Span("who", m.start(1), end, sentence[m.start(1):end])))
        # "những cơ quan / đơn vị nào": several bodies, listed after "lãnh đạo / đại diện" (`_body_list`).
        if _ASKS_BODIES.search(q):
            out += [(BODY_LIST_SCORE, sp) for sp in _body_list(sentence)]
        # "đơn vị nào / đội nào / tập thể nào": a body answers, named the way the sentence names it.
        if re.search(_ASKS_BODY, q):
            out += [(1.0, facts.Span("who", m.start(), m.start() + len(m.group(0).rstrip()), m.group(0).rstrip()))
                    for m in _ORG.finditer(sentence) if m.start() > 0]
        # "đội nào giành giải cao nhất": the one named after "giải Nhất … thuộc về", not the other ranks' holders
        if _TOP_PRIZE_Q.search(q):
            out += [(TOP_PRIZE_HOLDER_SCORE, sp) for sp in top_prize_holders(sentence)]
        if not out:
            out = [(0.0, facts.Span("who", m.start(), m.end(), m.group(0)))
                   for m in _BARE_NAME.finditer(sentence)
                   if m.start() > 0 and m.group(0).split()[0].lower() not in GENERIC_NAME_WORDS]
        tag = SOURCE_TAG.match(sentence)  # "(Báo Kon Tum) - …": the publisher, no one of the news
        return [c for c in out if (not tag or c[1].start >= tag.end()) and not names_a_place(c[1], sentence, body_asked)]
    if qtype == "where":
        out = [(LOCATED_IN_BRACKETS_SCORE, sp) for sp in located_in_brackets(sentence, q)]
        for m in _places_at(sentence):
            start, end = m.start(1), m.end(1)
            place = trim_place(sentence[start:end])
            out.append((1.0 if place[:1].isupper() or _VENUE_IN_LOWER.match(place)
                        else UNNAMED_PLACES_SPAN if unnamed_places(place) else 0.3,
                        facts.Span("where", start, start + len(place), place)))
        taken = [(sp.start, sp.end) for _, sp in out]
        for m in _VENUE.finditer(sentence):  # "Nhà hàng Sông Quê 5", "Cung Văn hóa Lao động" without "tại"
            words = trim_place(m.group(0)).split()
            while len(words) > 2 and not _NAME_WORD.match(words[-1]):
                words.pop()
            if _NAME_WORD.match(words[-1]):
                place = " ".join(words)
                if not any(a <= m.start() < b for a, b in taken) and sentence.startswith(place, m.start()):
                    out.append((0.75, facts.Span("where", m.start(), m.start() + len(place), place)))
        if re.search(r"\bdia chi\b", q):
            out += [(1.5, facts.Span("address", m.start(), m.end(), m.group(0))) for m in _ADDRESS.finditer(sentence)]
        else:  # a street address with its ward or district, as news puts it in brackets after the place
            taken = [(sp.start, sp.end) for _, sp in out]  # ("khu nhà trọ của bà A (số 12 Đường B, phường C)")
            out += [(1.0, facts.Span("address", m.start(), m.end(), m.group(0).rstrip())) for m in _STREET.finditer(sentence)
                    if not any(a <= m.start() < b for a, b in taken)]
        return out
    return []


# Where a body IS (a company, a factory, a school), not where something was held: "Công ty X nằm ở / đóng tại đâu",
# "… ở khu công nghiệp nào", "trụ sở …" (folded), in no words of an event held there (`_HELD_THERE`).
_LOCATED_Q = re.compile(r"\b(?:nam (?:o|tai|trong)|dong (?:o|tai)|tru so|o dau|(?:khu cong nghiep|kcn|"
                        r"cum cong nghiep|khu che xuat|kcx|khu kinh te|huyen|quan|tinh|thi xa|thi tran|phuong|xa|"
                        r"thanh pho|tp) nao)\b")
_HELD_THERE = re.compile(r"\b(?:to chuc|dien ra|khai mac|be mac|cuoc hop|buoi hop|hop mat|ky ket|phat dong|ra quan|trao|"
                         r"tang|dat)\b")
# News names a body's place in brackets right after its name: "Công ty TNHH X (KCN Y, huyện Z)", "Trường Mầm non X
# (phường Y)" — general Vietnamese news writing. The bracket opens with a kind of place or a street number.
_BRACKET_PLACE = re.compile(r"(?<=[\w.])\s*\(((?:KCN|KCX|CCN|[Kk]hu (?:công nghiệp|chế xuất|kinh tế)|[Cc]ụm công nghiệp|"
                            r"[Hh]uyện|[Qq]uận|[Pp]hường|[Xx]ã|[Tt]hị xã|[Tt]hị trấn|TP\.?|[Tt]hành phố|[Tt]ỉnh|"
                            r"[Ss]ố \d)[^()]{1,80})\)")


def located_in_brackets(sentence: str, folded_question: str) -> list[facts.Span]:
    """A where-question about where a body is (`_LOCATED_Q`, not `_HELD_THERE`): the place news puts in brackets right
    after that body's name (`_BRACKET_PLACE`), when the name's last two words, capitalised, are the question's too (folded:
    a member types "cty may hung phat"). Session 36 (helper P): teamq8 and teamq10 asked "Công ty … nằm ở khu công
    nghiệp nào / đóng tại đâu" of a lede naming the company so, and no span was read from it."""
    if not _LOCATED_Q.search(folded_question) or _HELD_THERE.search(folded_question):
        return []
    out = []
    for m in _BRACKET_PLACE.finditer(sentence):
        name = sentence[max(0, m.start() - 60):m.start()].split()[-2:]
        if len(name) == 2 and all(_NAME_WORD.match(w) for w in name) and re.search(
                rf"\b{re.escape(fold(' '.join(name)).lower())}\b", folded_question):
            out.append(facts.Span("where", m.start(1), m.end(1), m.group(1)))
    return out


# "những / các cơ quan (đơn vị, tổ chức, ngành) nào" asks several bodies, and news lists them after the people who
# stand for them — "có lãnh đạo / đại diện <A>, <B>, <C> và <D>" — each named with a capital (or its initials), the
# list ending where a name in lower case or a number begins ("… và 171 đại biểu", ", mẹ Việt Nam anh hùng").
_ASKS_BODIES = re.compile(r"\b(?:nhung|cac) (?:co quan|don vi|to chuc|nganh|ban nganh|doan the|ben) nao\b")
_LIST_LEAD = re.compile(r"(?<!\w)(?:lãnh đạo|đại diện|đại biểu)(?:\s+(?:các|của|cho))?\s+(?=[A-ZĐÀ-Ỹ])")
_LIST_ITEM = re.compile(r"[A-ZĐÀ-Ỹ][^,;.:()“”\"]*")
BODY_LIST_SCORE = 1.5  # a list of two bodies or more, for "những cơ quan nào", ranks with a doer found


def _body_list(sentence: str) -> list[facts.Span]:
    """The bodies listed after "lãnh đạo / đại diện" (two or more), as one span: "Tỉnh ủy, HĐND, UBND tỉnh"."""
    out = []
    for m in _LIST_LEAD.finditer(sentence):
        pos, end, n = m.end(), m.end(), 0
        while True:
            item = _LIST_ITEM.match(sentence, pos)
            if not item:
                break
            text = item.group(0)
            cut = re.search(r"\s+và\s+", text)  # "Sở Y tế và 171 đại biểu": the list ends at "và" unless a name follows
            if cut:
                rest = text[cut.end():]
                if not rest[:1].isupper():
                    end, n = pos + cut.start(), n + 1
                    break
            end, n = pos + len(text.rstrip()), n + (2 if cut else 1)
            sep = re.match(r"\s*,\s*", sentence[end:])
            if not sep:
                break
            pos = end + sep.end()
        if n >= 2:
            out.append(facts.Span("who", m.end(), end, sentence[m.end():end]))
    return out


# "những ai …" asks which people, often groups named by what they are ("đại diện nhà trường và phụ huynh", "cán bộ
# hưu trí của ngành"), not persons. Folded question; the group's words as written, to the clause's end.
_ASKS_GROUP = re.compile(r"\bnhung ai\b")
_GROUP = re.compile(r"(?<!\w)(?:đại diện|(?:nguyên )?cán bộ|đoàn viên|con em|người lao động|công nhân|người dân|"
                    r"học sinh|sinh viên|giáo viên|khách hàng|hộ gia đình|gia đình|lãnh đạo|các ngành|đồng chí)"
                    r"(?!\w)[^.;:()“”\"]{0,100}", re.I)

# "(theo / dưới) hình thức nào / gì" asks how a meeting or event is held, and news says it with a few words: in
# person ("trực tiếp", "tập trung"), online ("trực tuyến", "online", "cầu truyền hình"), or both ("kết hợp trực tiếp
# và trực tuyến", "cả hai hình thức …"), after the event's noun ("Hội nghị trực tuyến") or "theo hình thức".
_ASKS_FORM = re.compile(r"\bhinh thuc (?:nao|gi)\b")
# (not "tập trung vào / thảo luận …" — to focus — nor "trực tiếp sản xuất / chỉ đạo …" — directly)
_FORM_WORD = (r"(?:trực tiếp(?!\s+(?:sản xuất|chỉ đạo|đứng máy|tham gia|trao|thăm|làm|lao động|phụ trách|quản lý))"
              r"|trực tuyến|online|cầu truyền hình"
              r"|tập trung(?!\s+(?:vào|thảo luận|bàn|trao đổi|đánh giá|phân tích|giải quyết|chỉ đạo|nguồn lực)))")
# The question asks the form of a meeting or an event (folded); a bare form word in the sentence is one only right
# after the event's noun or "tổ chức / diễn ra / họp" (`_FORM_BEFORE`, within that many characters).
_FORM_OF_EVENT = re.compile(r"\b(?:hoi nghi|dai hoi|hoi thi|hoi thao|cuoc hop|buoi|le|to chuc|dien ra|hop|"
                            r"tap huan|lop|cuoc thi|chuong trinh)\b")
_FORM_BEFORE = re.compile(r"(?i)(?:hội nghị|đại hội|hội thi|hội thảo|cuộc họp|buổi|lễ|tổ chức|diễn ra|họp|tập huấn|"
                          r"lớp|cuộc thi|chương trình|được|theo|dưới)[^,.;:]{0,12}$")
_FORM_BEFORE_CHARS = 30
_FORM = re.compile(rf"(?<!\w)(?:(?:cả hai |theo |dưới |bằng )?hình thức\s+)?(?:kết hợp\s+)?{_FORM_WORD}"
                   rf"(?:\s*(?:,|và|kết hợp(?: với)?|hoặc|với)\s*{_FORM_WORD})*(?!\w)", re.I)
_ASKS_AGENT = re.compile(r"\b(?:do|boi) ai\b")
# (case-insensitive look-arounds: "Lý do …", "do Ảnh hưởng"; the doer starts with a capital — a name — or a body or
# group noun, `_DOER_START`, not "do mưa lớn" (because of); it is cut before the doing, `_DOER_VERB`)
_AGENT = re.compile(r"(?<![\w/])(?i:(?<!lý )(?<!tự ))(?:do|bởi)\s+"
                    r"(?!(?i:(?:đó|vậy|vì|ảnh hưởng|thiếu|dịch|bị|không|chưa)\b))"
                    r"([^\s,.;:()“”\"][^,.;:()“”\"]{2,78})")
_DOER_START = re.compile(r"(?:(?:các |những |mỗi )?(?:đại diện|cán bộ|đoàn viên|con em|người|công nhân|công chức|viên chức|"
                         r"giáo viên|y bác sĩ|bác sĩ|nghệ sĩ|diễn viên|vận động viên|thanh niên|phụ nữ|chiến sĩ|"
                         r"công đoàn|công ty|doanh nghiệp|nhà|ban|hội|liên đoàn|đoàn|đội|tổ|chi|phòng|sở|bộ|ủy ban|"
                         r"trường|bệnh viện|quỹ|tập thể|lãnh đạo|chủ|giám đốc|nhóm|các|những|mạnh thường quân|"
                         r"nhà hảo tâm|gia đình|thành viên|học sinh|sinh viên|lực lượng|cơ quan|đơn vị)\b)")
_DOER_VERB = re.compile(r"\s+(?:hỗ trợ|góp|đóng góp|tài trợ|tổ chức|trao|tặng|phát động|chủ trì|thực hiện|đảm nhận|"
                        r"đảm nhiệm|phối hợp|quyên góp|ủng hộ|xây dựng|biên soạn|ký|cấp|chi trả|bảo trợ|đứng ra|"
                        r"đầu tư|vận động|huy động|triển khai|giới thiệu|điều hành|chỉ đạo|thiết kế|thi công|"
                        r"sản xuất|cung cấp|mua|lắp đặt|trả|chịu)\b")

_PLACE_END = re.compile(r"\s+(?:\(|đã|để|với|vào|do|cho|trong|nhằm|thu hút|diễn ra|được|có|là|khi|sẽ|cùng)\b|\s*\(")


# A place is no one: a province's or a city's name ("Thái Nguyên", `places`), or what is named right after "tại / ở"
# (where a thing happened: "tại Công ty Cao su X, Tập đoàn Y tổ chức hội thi") answers no "ai / đơn vị nào".
# General Vietnamese: "tại / ở" mark a place, and a province's name names no person or doer.
_AT_BEFORE = re.compile(r"(?i)(?<!\w)(?:tại|ở)\s+$")


def is_place_name(text: str) -> bool:
    """Whether `text` is, whole, a province's or a city's name (`places`)."""
    return fold(text).lower().strip() in places(text)


def names_a_place(span: facts.Span, sentence: str, body_asked: bool = False) -> bool:
    """Whether a who-span names a place (see above). `body_asked` ("đơn vị nào …"): a province's name may stand for
    its body there ("LĐLĐ tỉnh Đồng Nai - dẫn đầu …"), so only what follows "tại / ở" is ruled out."""
    if _AT_BEFORE.search(sentence[max(0, span.start - 6):span.start]):
        return True
    return not body_asked and is_place_name(span.text)


def _says_predicate(sentence: str, question: str) -> bool:
    """Whether the sentence says what "<body> nào …" asks about (in its own words or the
    words news uses for them: "đứng đầu" ~ "giải nhất"). Questions without such a predicate pass;
    a superlative asked ("nào có nhiều người chạy nhất") is said by any ranking (`ranks`: "đông nhất", "dẫn đầu")."""
    m = re.search(_ASKS_BODY + r"\s+((?:[a-z]+\s*){1,3})", fold(question).lower())
    if not m:
        return True
    if superlative_asked(question) and ranks(sentence):
        return True
    words = [w for w in m.group(2).split() if w not in _PREDICATE_FILLER][:2]
    if not words:
        return True
    said = folded_words(sentence)
    phrases = [" ".join(words)] + same_as(" ".join(words)).split(" | ")
    return any(p and f" {p} " in said for p in phrases)


_PREDICATE_FILLER = {"da", "duoc", "se", "la", "co", "cung", "thi", "vay", "a", "nhi"}
# "<đơn vị> nào có nhiều / đông … nhất", "tuyển nhiều nhất": which one came first by a count or a size. Folded, so a
# question typed without accents asks it too ("nao … nhieu nhat").
_SUPERLATIVE_Q = re.compile(r"\bnao\b.*\b(?:nhieu|dong|cao|lon)\b(?:\s+[a-z]+){0,5}?\s+nhat\b")
# How news ranks: "… nhất" (not the ordinal "thứ nhất", "duy nhất" = only, "thống / hợp / đồng nhất" = unified, the same),
# "dẫn đầu", "đứng đầu". Accented (news writes its accents): folded "nhat" would also be "Nhật", "đông" "động".
_RANKS = re.compile(r"(?<!\w)(?<!thứ )(?<!duy )(?<!thống )(?<!hợp )(?<!đồng )nhất(?!\w)|(?:xếp|đứng) thứ nhất|"
                    r"(?<!\w)(?:dẫn|đứng) đầu(?!\w)")


# "giải cao nhất / giải nhất" asked (folded): the first prize's holder answers "đơn vị / đội nào …".
_TOP_PRIZE_Q = re.compile(r"\bgiai (?:cao nhat|nhat)\b")
# How news names the first prize's holder in a list of ranks: "giải Nhất (toàn đoàn) thuộc về X; giải Nhì thuộc về Y";
# the holder runs to the next semicolon, comma, bracket or full stop.
_TOP_PRIZE_HOLDER = re.compile(r"(?<!\w)giải\s+nhất(?:\s+toàn\s+đoàn)?\s+(?:thuộc\s+về|về\s+tay|được\s+trao\s+cho|trao\s+cho)\s+"
                               r"([^;,.()]+?)\s*(?=[;,.()]|$)", re.I)


def top_prize_holders(sentence: str) -> list[facts.Span]:
    """Who the sentence says won the first prize ("Kết quả, giải Nhất thuộc về đội Trung tâm Y tế huyện Cẩm Xuyên;
    giải Nhì …" → "đội Trung tâm Y tế huyện Cẩm Xuyên"). General Vietnamese: "giải Nhất thuộc về / về tay X"."""
    return [facts.Span("who", m.start(1), m.end(1), m.group(1)) for m in _TOP_PRIZE_HOLDER.finditer(sentence)]


def superlative_asked(question: str) -> bool:
    """Whether "<body / person> nào …" asks the one that came first by a count or a size ("Công ty nào có nhiều người
    hiến máu nhất", "đơn vị nào có nhiều người chạy nhất"). General Vietnamese: "nhiều / đông … nhất"."""
    return bool(_SUPERLATIVE_Q.search(fold(question).lower()))


def ranks(sentence: str) -> bool:
    """Whether the sentence ranks anyone (`_RANKS`: "đông nhất", "nhiều nhất", "dẫn đầu"); the lede naming the
    organiser and the venue ranks no one ("lần thứ nhất" is an ordinal)."""
    return bool(_RANKS.search(normalize(sentence).lower()))


# (a team by its kind too: "đội bóng / đội tuyển / đội văn nghệ nào", as `qtype.BODY_WHICH` reads it)
_ASKS_BODY = (rf"\b(don vi|doi(?: {TEAM_KINDS})?|tap the|co quan|to chuc|cong doan|"
              r"truong|cong ty|doanh nghiep|bo phan|ben) nao\b")
# A body's name: its kind, then words up to a verb, a preposition or punctuation
# ("Công đoàn Trường Mầm non thị trấn Vạn Hà", "UBND huyện").
_ORG = re.compile(
    r"(?:Công đoàn|Liên đoàn Lao động|Tổng công ty|Công ty|Trường|Bệnh viện|Ủy ban nhân dân|UBND|Sở|Ban|Nhà máy|"
    r"Hợp tác xã|Ngân hàng|Đội|Huyện ủy|Tỉnh ủy|Đoàn Thanh niên|Hội Liên hiệp Phụ nữ)"
    r"(?:\s+(?!(?:và|với|đã|được|cho|tại|trong|là|có|để|do|từ|về|cùng|thuộc|gồm|nhằm|sẽ|đang|vừa|đến|trao|tổ|"
    r"phối|chủ|ký|tặng|nhận|đạt|giành|xếp|đứng)\b)[^\s,.;:()“”\"]+){1,8}")
_ADDRESS = re.compile(r"(?:số\s+)?\d+[\w/]*\s+(?:[A-ZĐÀ-Ỹ][\w]*\s*){1,4}"
                      r"(?:,\s*(?:phường|quận|huyện|xã|thị xã|thị trấn|TP\.?|thành phố|tỉnh)\s+[\w ]+?){0,3}(?=[,.;)]|$)")
# "số 164 <street>, phường …, quận …": a house number with its street and at least its ward or district.
_STREET = re.compile(r"(?<!\w)[Ss]ố\s+\d+[\w/]*\s+[^,;()]{2,40}(?:,\s*(?:phường|quận|huyện|xã|thị xã|thị trấn|TP\.?|"
                     r"thành phố|tỉnh)\s+[^,;()]+){1,3}")
_ORDINAL_Q = ORDINAL_Q
# "thứ 3", "thứ ba", "thứ XV", "thứ nhất": an ordinal told without "lần / khóa" ("đứng thứ ba toàn quốc",
# "năm thứ 5 liên tiếp"); after "vào / ngày / sáng …" it is a weekday, no ordinal.
_THU_ORDINAL = re.compile(r"(?<!\w)(?:(?:vào|ngày|sáng|chiều|tối|trưa)\s+)?thứ\s+(?:\d+|[IVXLC]+(?!\w)|nhất|nhì|hai|ba|tư|"
                           r"năm|sáu|bảy|tám|chín|mười(?:\s+(?:một|hai|ba|bốn|lăm|sáu|bảy|tám|chín))?)(?!\w)", re.I)
# "lần thứ XV", "khóa 11", and the numbered congress itself: "Đại hội XIII".
_ORDINAL_SPAN = re.compile(r"\b(?:[Ll]ần|[Kk]hóa|[Kk]hoá)\s+(?:thứ\s+)?(?:[IVXLC]+|\d+)\b|\b(?:Đại hội|Hội nghị)\s+[IVXLC]+\b")
_ROLE_SPAN = re.compile(
    r"(?:Phó\s+)?(?:Chủ tịch|Bí thư|Giám đốc|Tổng Giám đốc|Hiệu trưởng|Trưởng (?:ban|phòng|khoa)|Giám thị|"
    r"Ủy viên|Thư ký|Trưởng|Phó)(?:\s+(?!(?:của|tại|đã|đang|và|cũng|cùng|tặng|thăm|phát|dẫn|là)\b)[\wĐđ.-]+){0,6}")


_OBJECT_FILLER = {"dieu", "viec", "nhung", "cac", "cai", "la", "duoc", "co", "da", "se", "thi", "nham", "de", "vao", "cho"}


def _object_of(sentence: str, folded_question: str) -> facts.Span | None:
    """"<verb> (<noun>) gì" — "hướng tới kỷ niệm gì", "chào mừng sự kiện gì", "đẩy lùi vấn nạn gì": the
    sentence's words right after the question's own phrase ("… kỷ niệm 89 năm ngày thành lập …"), up to the
    clause's end. General Vietnamese: the object follows its verb. Phrases of two syllables or more, the
    longest first; filler ("điều", "những", "là") is no part of the phrase."""
    m = re.search(r"((?:[a-z]+\s+){1,4})(?:gi|j)\b", folded_question)
    if not m:
        return None
    words = m.group(1).split()
    while words and words[0] in _OBJECT_FILLER:
        words = words[1:]
    while words and words[-1] in _OBJECT_FILLER:
        words = words[:-1]
    folded = fold_same_length(sentence)
    for n in range(len(words), 1, -1):
        for i in range(len(words) - n + 1):
            phrase = " ".join(words[i:i + n])
            hit = pattern(rf"\b{re.escape(phrase)}\s+([^,.;:()“”\"]+)").search(folded)
            if not hit:
                continue
            text = sentence[hit.start(1):hit.end(1)].strip()
            if len(text.split()) < 2 or fold(text.split()[0]) in _OBJECT_FILLER:
                continue
            text = " ".join(text.split()[:14])
            return facts.Span("what", hit.start(1), hit.start(1) + len(text), text)
    return None


# How far back an apposition may reach ("Bà X, Chủ tịch Công đoàn ngành, trao …").
_APPOSITION_CHARS = 90


def _before_apposition(head: str) -> facts.Span | None:
    """News names the doer, then his office set off by commas, then the verb ("Ông Trần Văn Nam, Phó Chủ
    tịch LĐLĐ tỉnh, tặng quà cho …"): the words right before the verb are that office (or nothing), and
    the doer is the person named just before it."""
    persons = list(PERSON.finditer(head))
    if not persons or len(head) - persons[-1].end() > _APPOSITION_CHARS:
        return None
    between = head[persons[-1].end():]
    if not pattern(rf"\s*(?:\([^()]*\))?\s*(?:[,–-]\s*{_ROLE}[^,;:()]*)?[,–-]?\s*").fullmatch(between):
        return None  # another clause, not the person's office, stands between
    p = persons[-1]
    return facts.Span("who", p.start(), p.end(), p.group(0))


def _inside_word(sentence: str, at: int) -> bool:
    """Whether the syllable at `at` ends a two-syllable dictionary word begun by the syllable before it."""
    before = re.search(r"([^\W\d_]+)\s+$", sentence[:at])
    after = re.match(r"[^\W\d_]+", sentence[at:])
    return bool(before and after) and is_word(fold(f"{before.group(1)} {after.group(0)}").lower())


_FOLDED_WORDS: set[str] = set()


def is_word(folded_pair: str) -> bool:
    """Whether two folded syllables make one dictionary word ("bieu dien", "trao tang"): general Vietnamese
    (`restore.general`, the syllable pairs of wordfreq's Vietnamese words)."""
    if not _FOLDED_WORDS:
        _FOLDED_WORDS.update(fold(p).lower() for p in general().pairs)
    return folded_pair in _FOLDED_WORDS


# Words between a doer and its verb that are no part of the doer: tense and manner ("đã trực tiếp thăm", "vừa chính
# thức ký", "đã tiếp tục hỗ trợ"), any number of them.
_TENSE_TAIL = re.compile(r"(?i)(?:\s*(?:vừa|đã|đang|sẽ|cũng|mới|chính thức|trực tiếp|tiếp tục|lại|còn|luôn))+\s*$")
# Words opening a clause that link it to the one before ("; trong đó Quỹ … hỗ trợ 40 triệu đồng", "Đồng thời, …"): no
# part of the doer named after them. General Vietnamese connectives.
_CONNECTIVE = re.compile(r"^(?i:trong đó|đồng thời|ngoài ra|bên cạnh đó|theo đó|sau đó|tiếp đó|trong khi đó|còn|riêng|"
                         r"cùng với đó|qua đó|từ đó|nhờ đó|do đó|vì vậy|vì thế|bởi vậy)\s+(?=\S)")


def clause_start(head: str) -> int:
    """Where the clause ending `head` starts: after its last comma, semicolon or colon, or after an opening bracket
    that stays open (a bracket closed before the end holds initials or a note inside the name: "Liên đoàn Lao động
    (LĐLĐ) huyện …")."""
    cut = max(head.rfind(c) for c in ",;:")
    opened = head.rfind("(")
    if opened > cut and ")" not in head[opened:]:
        cut = opened
    return cut + 1


# The source a news lede opens with, in brackets before a dash ("(Báo Kon Tum) - Sáng 22-1, …", "(GD&TĐ) - …"):
# who published it, never who did what the news tells.
SOURCE_TAG = re.compile(r"\s*\([^()]{2,40}\)\s*[-–]\s*")


# A sentence may open with a full name and its office after a comma ("Lê Thị Hoa, Giám đốc Trung tâm …, cho biết"):
# the capital of the first word is then the name's, not only the sentence's (general news writing). What follows
# the name.
_OPENS_WITH_NAME = re.compile(r"\s*,\s+(?:nguyên\s+)?(?:Phó\s+)?" + _ROLE)

# A name right after the kind of a place or a firm written with a capital, as part of the name ("Nông trường Đồng Nơ",
# "Trường Nguyễn Du", "Công ty Hoàng Long"), names that place: a surname opens many place names (general Vietnamese).
# The kind in lower case is left out: "Chủ tịch công đoàn công ty Lê Văn A" names the person after his body. What
# stands just before a bare name (`_PERSON_NAME`) that is then no one.
_PLACE_KIND_BEFORE = re.compile(r"(?<!\w)(?:Nông trường|Lâm trường|Trang trại|Thôn|Ấp|Làng|Bản|Xóm|Đường|Phố|Cầu|Chợ|"
                                r"Khu|Cụm|Trường|Công ty|Nhà máy|Xí nghiệp|Hợp tác xã|Bệnh viện|Cảng)\s+$")


def _person_in(text: str) -> re.Match | None:
    """The first full name in `text` that is no province's or city's (`places`): "Phó Chủ tịch LĐLĐ tỉnh Hà Tĩnh" and
    "LĐLĐ tỉnh Đồng Nai" open with a family name ("Hà", "Đồng") and name no person (general Vietnamese)."""
    return next((m for m in _PERSON_NAME.finditer(text) if not is_place_name(m.group(0))), None)


def _subject_of(sentence: str, folded_question: str) -> facts.Span | None:
    """"ai ban hành kế hoạch …" / "… do bộ phận nào ký ban hành?" → the words before
    "ban hành" in the sentence."""
    verbs = []
    # (the tense words after "ai" are not the verb: "ai đã trao quà" asks who "trao quà")
    # (or after the context a question puts first: "Ở lễ kỷ niệm …, ai trao kỷ niệm chương?")
    # ("ai là người / đơn vị nào … <verb>" asks the doer as "ai <verb>" does: "ai là người phát động …")
    m = re.search(r"(?:^|,)\s*(?:do\s+)?ai\s+(?:la\s+(?:nguoi|don vi|to chuc|co quan)\s+)?"
                  r"(?:(?:da|dang|se|vua|cung|moi|tung)\s+)*(?!la\b)(\w+(?:\s+\w+)?)", folded_question)
    if m:
        verbs.append(m.group(1))
    tail = re.search(r"\bdo\b.*\b(?:nao|ai)\b(?:\s+cua\s+.+?)?\s+((?:\w+\s*){1,3})$", folded_question.strip(" ?"))
    if tail:
        words = tail.group(1).split()
        verbs += [" ".join(words[i:]) for i in range(len(words))]  # "ky ban hanh", "ban hanh", "hanh"
    folded = fold_same_length(sentence)
    verb = next((v for v in (pattern(rf"\b{re.escape(x)}\b").search(folded) for x in verbs if len(x) > 3) if v), None)
    if not verb and m and len(m.group(1).split()) == 2:
        # a verb news writes compounded, its object after it: "ai trao kỷ niệm chương" — "X trao tặng kỷ
        # niệm chương", "ai hỗ trợ kinh phí" — "X hỗ trợ toàn bộ kinh phí"
        first, obj = m.group(1).split()
        # (a two-syllable dictionary word is one verb, not a verb and its object: "ai biểu diễn" is no "biểu …
        # diễn" — "đại biểu đại diện" — split around other words)
        if len(first) > 2 and first not in _PREDICATE_FILLER and not is_word(f"{first} {obj}"):
            verb = pattern(rf"\b{first}(?=(?:\s+\w+){{1,2}}\s+{obj}\b)").search(folded)
    if not verb:
        return None
    head = sentence[:verb.start()]
    head = _TENSE_TAIL.sub("", head.rstrip())
    start = clause_start(head)
    text = _CONNECTIVE.sub("", head[start:].strip())
    if (not text or re.match(_ROLE, text)) and not _person_in(text):
        return _before_apposition(head)
    if _OPENER.fullmatch(fold(text).lower()):
        return _speaker_after(sentence, verb.end())
    agent = re.search(r"(?i)\b(?:do|bởi)\s+", text)  # "Đoàn công tác do <người> dẫn đầu"
    if agent:
        text = text[agent.end():]
    if not text or not text[:1].isupper() or len(text) > 80:
        return _passive_doer(head)
    begin = sentence.find(text, start)
    person = _person_in(text)
    if person and person.start() > 0:  # "Phó Chủ tịch … Nguyễn Thị Thu Hà": the person
        begin += person.start()
        text = person.group(0)
    return facts.Span("who", begin, begin + len(text), text)


# A clause opened by the speaking itself ("Phát biểu khai mạc, đồng chí A …", "Tuyên bố khai mạc hội thi, ông B …"):
# Vietnamese news names the speaker after the opener's comma, not before the verb. Folded.
_OPENER = re.compile(r"(?:phat bieu|tuyen bo|phat bieu (?:tai|chi dao|khai mac|be mac))")
_SPEAKER_CHARS = 80  # how far after the opener's comma the speaker is named


def _speaker_after(sentence: str, at: int) -> facts.Span | None:
    """The person named right after the comma that ends the opener (see above); None when none is."""
    comma = sentence.find(",", at)
    if comma < 0 or comma - at > _SPEAKER_CHARS:
        return None
    rest = sentence[comma + 1:comma + 1 + _SPEAKER_CHARS]
    m = PERSON.match(rest.lstrip()) or _PERSON_NAME.match(rest.lstrip())
    if not m:
        return None
    begin = comma + 1 + (len(rest) - len(rest.lstrip())) + m.start()
    return facts.Span("who", begin, begin + len(m.group(0)), m.group(0))


# The doer of a passive, named after "do / bởi" right before the verb asked, may be a list of groups in lower case
# ("Chương trình văn nghệ do công chức, viên chức, người lao động các bệnh viện tham gia biểu diễn"): Vietnamese
# puts the doer of "<thing> do <doer> <verb>" between "do" and the verb, commas and all.
_PASSIVE_DO = re.compile(r"(?<![\w/])(?i:(?<!lý )(?<!tự ))(?:do|bởi)\s+(?=[^\s,;:()])")
_BEFORE_VERB = re.compile(r"(?i)\s+(?:tham gia|cùng|trực tiếp|đứng ra|đảm nhận|phụ trách)$")
_PASSIVE_DOER_CHARS = 100


def _passive_doer(head: str) -> facts.Span | None:
    """The doer between the last "do / bởi" of the clause and the verb (see above), when it starts with a capital or
    a group noun (`_DOER_START`); None otherwise."""
    found = [m for m in _PASSIVE_DO.finditer(head) if not re.search(r"[;:()]", head[m.end():])]
    if not found or len(head) - found[-1].end() > _PASSIVE_DOER_CHARS:
        return None
    at = found[-1].end()
    text = _BEFORE_VERB.sub("", head[at:].rstrip(" ,"))
    if not text or not (text[:1].isupper() or _DOER_START.match(text)):
        return None
    return facts.Span("who", at, at + len(text), text)


# "<verb> với ai" asks who is on the other end of the doing — a partner ("phối hợp với ai", "ký kết với ai") — and
# Vietnamese puts that person or body right after the verb and its preposition, as the sentence does ("liên kết
# với các phòng ban lập phương án"): the words after it, to the clause's end, the question's own next words
# ("… với ai để lập phương án") or a word opening another phrase. Folded. (Receivers, "trao … cho ai",
# are left to the person spans: with "cho" too, the transfer lost one plain who-question.)
_OBJECT_WHO_Q = re.compile(r"((?:[a-z]+\s+){1,2})(voi) (?:nhung )?ai\b(.*)$")
_OBJECT_END = {"de", "nham", "trong", "tai", "vao", "tu", "nhan", "ve", "sau", "khi", "va", "cung", "duoc", "da", "se", "dang"}
_OBJECT_WHO_WORDS = 10


def _object_who(sentence: str, folded_question: str) -> facts.Span | None:
    """"phối hợp với ai …" → the words after "phối hợp với" in the sentence (see above); a person named
    among them is the answer ("với gia đình anh A" → "anh A")."""
    m = _OBJECT_WHO_Q.search(folded_question.strip(" ?"))
    if not m:
        return None
    verb = m.group(1).split()
    tail = {w for w in re.findall(r"[a-z]+", m.group(3)) if len(w) > 1} - _OBJECT_END
    folded = fold_same_length(sentence)
    for n in range(len(verb), 0, -1):
        phrase = " ".join(verb[-n:] + [m.group(2)])
        if n == 1 and len(verb[-1]) < 3:
            continue
        hit = pattern(rf"\b{re.escape(phrase)}\s+([^,.;:()“”\"]+)").search(folded)
        if not hit:
            continue
        words, pos = [], hit.start(1)
        for w in re.finditer(r"\S+", sentence[hit.start(1):hit.end(1)]):
            f = fold(w.group(0)).lower()
            if (words and (f in _OBJECT_END or f in tail)) or len(words) >= _OBJECT_WHO_WORDS:
                break
            words.append(w)
        if not words:
            return None
        start, end = pos + words[0].start(), pos + words[-1].end()
        text = sentence[start:end]
        person = PERSON.search(text) or _PERSON_NAME.search(text)
        if person:
            return facts.Span("who", start + person.start(), start + person.end(), person.group(0))
        return facts.Span("who", start, end, text)
    return None


def _ordinals(sentence: str, folded_q: str) -> list[tuple[float, facts.Span]]:
    """Ordinals for "<noun> thứ mấy": "lần thứ XV", "khóa 11", "Đại hội XIII" (1.0), and "thứ N" told with
    the asked noun before it ("năm thứ 5", 1.0) or without ("đứng thứ ba", 0.5). A weekday ("vào thứ
    Hai") is no ordinal."""
    out = [(1.0, facts.Span("ordinal", m.start(), m.end(), m.group(0))) for m in _ORDINAL_SPAN.finditer(sentence)]
    asked = re.search(r"\b([a-z]+) thu (?:may|hang may)\b", folded_q)
    noun = asked.group(1) if asked else ""
    folded = fold_same_length(sentence).lower()
    for m in _THU_ORDINAL.finditer(sentence):
        if not m.group(0).lower().startswith("thứ") or any(sp.start <= m.start() < sp.end for _, sp in out):
            continue  # a weekday, or inside "lần thứ …" already taken
        before = re.search(r"([a-z]+)\s+$", folded[:m.start()])
        if noun and before and before.group(1) == noun:
            start = before.start(1)
            out.append((1.0, facts.Span("ordinal", start, m.end(), sentence[start:m.end()])))
        else:
            out.append((0.5, facts.Span("ordinal", m.start(), m.end(), m.group(0))))
    return out


# A quarter of the year, as news dates results and plans: "quý II/2024", "quý 3 năm 2024", "quý I".
_QUARTER = re.compile(r"(?<!\w)[Qq]uý\s+(?:I{1,3}|IV|[1-4])(?:\s*(?:/|năm)\s*(?:19|20)\d\d)?(?![\w/])")


# A month without a day, as news dates what happens over a month or every year: "tháng 3.2020", "vào tháng 5
# hằng năm", "tháng Chạp" (the date pattern reads "tháng 5/2013" and "tháng 5 năm 2013" already).
_MONTH = re.compile(r"(?<![\w/.])[Tt]háng\s+(?:1[0-2]|0?[1-9]|[Gg]iêng|[Cc]hạp)(?:\.(?:19|20)\d\d|\s+(?:hằng|hàng)\s+năm)?"
                    r"(?![\w/]|\.\d)")


# A time of day, as news and notices write it: "13:00", "15 giờ", "8h30", "7 giờ 30 phút", "lúc 14h". "mấy giờ / lúc
# mấy giờ / giờ nào" asks one (a date answers "ngày nào", not "mấy giờ"); "bao nhiêu giờ" counts hours (a number).
_CLOCK = re.compile(r"(?<![\w:/.,])(?:[01]?\d|2[0-3])\s*(?::[0-5]\d|(?:h|giờ)(?:\s*[0-5]\d(?:\s*phút)?)?)(?![\w:/])")
# ("lúc mấy" asks a time only before "h" or at the question's end: "lúc máy đang chạy" folds like it.)
_ASKS_CLOCK = re.compile(r"\b(?:may gio|gio nao|luc may(?=\s*(?:h\b|[?.!]|$)))")


# "bao giờ / khi nào … xong / hoàn thành / đưa vào sử dụng" asks when a work is done, and news dates that with its
# verb ("sẽ xong vào quý II/2027"); the lede dates the start ("Sáng 5/10, … khởi công"). Folded;
# not "khánh thành / bàn giao / kết thúc": those are events a lede dates itself.
# ("hoàn thành (xuất sắc / tốt) nhiệm vụ" praises a unit's year's work: no work finished on a day.)
_ENDING = re.compile(r"\b(?:xong|hoan thanh(?! (?:xuat sac |tot )?nhiem vu)|hoan tat|dua vao su dung)\b")


def _clocks(sentence: str) -> list[facts.Span]:
    return [facts.Span("clock", m.start(), m.end(), m.group(0)) for m in _CLOCK.finditer(sentence)]


def _months(sentence: str) -> list[facts.Span]:
    taken = [(d.start, d.end) for d in facts.dates(sentence)]
    return [facts.Span("month", m.start(), m.end(), m.group(0)) for m in _MONTH.finditer(sentence)
            if not any(a < m.end() and m.start() < b for a, b in taken)]


def _quarters(sentence: str) -> list[facts.Span]:
    return [facts.Span("quarter", m.start(), m.end(), m.group(0)) for m in _QUARTER.finditer(sentence)]


def _places_at(sentence: str) -> list[re.Match]:
    """The matches of PLACE that name no occasion (`_OCCASION_AFTER_AT`); after an occasion, the place its words
    go on to name ("tại chương trình … ở Cung Văn hóa …")."""
    out, pos = [], 0
    while m := PLACE.search(sentence, pos):
        if not _OCCASION_AFTER_AT.match(m.group(1)):
            out.append(m)
            pos = m.end()
        else:
            pos = m.start(1)
    return out


# "tại / ở" before a common noun written in lower case with no name in it ("tại các khu công nghiệp", "ở nhiều doanh
# nghiệp", "tại tỉnh", "làm việc tại công ty 8 năm", "tại nơi làm việc") tells where in general — where the people asked
# about work, the body's own province — and names no place one could go to: no answer to "ở đâu / chỗ nào / khu công
# nghiệp nào / đóng tại đâu". General Vietnamese: a place is named by a proper name (capitalised) or a venue's kind
# before one (`_VENUE_IN_LOWER`); a common noun alone, or made a set by "các / những / nhiều", names none. A name after
# it is a place told ("tại các khu công nghiệp Hòa Mạc", "khu nhà trọ của bà A": scored 0.3 as before). Session 30
# (helper P): teamq19's lede "… cho nữ đoàn viên tại các khu công nghiệp" over "Địa điểm khám tại Nhà văn hóa …",
# teamq18's "làm việc ở nhiều doanh nghiệp" over the lede's KCN; teamq8's "tại công ty 8 năm", "tại tỉnh".
def unnamed_places(place: str) -> bool:
    """Whether a place after "tại / ở" is only common nouns, no name in it (see above)."""
    return not any(w[:1].isupper() for w in place.split())


def trim_place(text: str) -> str:
    """"Nhà Đa năng - Mỏ sắt Tiến Bộ (thuộc …)" → the place, without what follows it."""
    m = _PLACE_END.search(text)
    return (text[: m.start()] if m else text).strip(" ,;–-")


def span_candidates(qtype: str, sentence: str, question: str) -> list[tuple[float, facts.Span]]:
    """Candidates minus anything the question already says: its own quotes, its year, and the
    dates in brackets after an occasion it names ("kỷ niệm 90 năm ngày thành lập Công đoàn Việt
    Nam (28-7-1929 - 28-7-2019)" when the question asks about that anniversary's ceremony)."""
    fq = fold(question)
    return [c for c in _candidates(qtype, sentence, question)
            if fold(c[1].text) not in fq and not (qtype == "date" and _dates_of_named_occasion(c[1], sentence, fq))]


def _dates_of_named_occasion(span: facts.Span, sentence: str, folded_question: str) -> bool:
    opened = sentence.rfind("(", 0, span.start)
    if opened < 0 or ")" in sentence[opened:span.start]:
        return False
    before = set(re.findall(r"[a-z]+", fold(sentence[max(0, opened - 60):opened])))
    asked = set(re.findall(r"[a-z]+", folded_question)) - {"ngay", "nam", "thang", "nao", "cua", "va", "la"}
    return len(before & asked) >= 4


# -- slots: what the question asks for, and whether a span agrees ------------------------
# Nouns that all count people: "bao nhiêu người" is answered by "500 đại biểu" or "31 thí sinh".
_PEOPLE = {"nguoi", "doan vien", "cong nhan", "lao dong", "dai bieu", "thi sinh", "van dong vien", "hoc vien",
           "can bo", "vien chuc", "cong chuc", "nhan vien", "hoc sinh", "sinh vien", "giao vien", "thanh vien",
           "ho", "gia dinh", "tre em", "chau", "nu", "nam", "nguoi lao dong", "dong chi", "ca nhan", "cnvcld", "nld",
           "anh chi", "chi em", "anh em"}
_LETTERS = re.compile(r"[^\W\d_]+")
_FOLD_TWINS = {"nam"}  # people words that fold like a commoner word: matched only as written
# Classifiers stand before the noun that is counted: "mấy ngôi nhà" counts nhà ("2 căn nhà"), "mấy đứa con" counts
# con ("hai con nhỏ": "đứa" is the classifier of children, often left out).
_CLASSIFIERS = {"cai", "chiec", "con", "dua", "buoi", "ngoi", "can", "buc", "tam", "quyen", "cuon", "to", "bo", "luot"}
# Nouns that all count places: "bao nhiêu địa phương" is answered by "8 tỉnh".
_PLACES = {"dia phuong", "tinh", "thanh pho", "huyen", "xa", "quan", "phuong", "tinh thanh", "dia ban"}
_PEOPLE_WORDS = {w for p in _PEOPLE for w in p.split()}  # any syllable of a people noun ("96% công nhân")
COUNTED_NOUNS = _PEOPLE | _PLACES  # folded nouns of two syllables or more that are counted as one
# More classes of what is counted, each under the names news uses for it: a question names the class
# with one word and the article with another ("bao nhiêu phần quà": "200 suất"; "mấy công trình":
# "5 căn nhà"; "bao nhiêu doanh nghiệp": "12 đơn vị"; "mấy đợt": "2 lần"). Folded, so a question
# typed without accents names the same class. Agreement by class alone is weaker evidence than the
# noun itself (type_fit grades it UNIT_CLASS_FIT, the fitted decision weighs it).
# (teachers and the sick are people counted under their own names too: "bao nhiêu thầy cô" — "460 giáo viên")
_PEOPLE_MORE = {"nguoi thi", "cnvc", "khach", "thanh nien", "phu nu", "nguoi dan", "cu tri", "cau thu", "nghe si",
                "tac gia", "chien si", "nguoi tham gia", "nguoi du",
                "thay co", "nha giao", "thay giao", "co giao", "giang vien", "y bac si", "bac si", "nguoi benh", "benh nhan",
                "tho", "hoi vien"}
_ORGS = {"doanh nghiep", "dn", "don vi", "cong ty", "co so", "cong doan co so", "cdcs", "nha may", "to chuc",
         "co quan", "hop tac xa", "xi nghiep"}
_GIFTS = {"suat", "suat qua", "phan qua", "goi qua", "tui qua", "qua", "phan thuong", "hoc bong", "suat hoc bong",
          "phan hoc bong", "ve", "phieu", "phieu mua hang"}
_HOMES = {"can", "can nha", "ngoi nha", "nha", "mai am", "cong trinh", "nha o", "nha tinh nghia"}
_TIMES = {"lan", "dot", "ky", "mua", "luot", "vong"}
# A sitting of talks or of a meeting ("4 phiên thương lượng") is one more time the parties sat down: "đàm phán mấy lần".
# With "lần" only: "bao nhiêu lượt người" counts visits, and "hai phiên chợ" are no visits (session 35, P).
_SITTINGS = {"lan", "phien"}
_INCIDENTS = {"vu", "cuoc", "truong hop"}  # strikes, accidents, cases: "mấy vụ ngừng việc" — "2 cuộc ngừng việc"
# A member's "ca" (a case: "phát hiện bao nhiêu ca bất thường") is news's "trường hợp" — a class of its own: "3 ca ung
# thư vú" answers no "mấy vụ tai nạn". A member's "nhóm" (tự quản, tình nguyện) is the "tổ" news names ("25 tổ tự
# quản"). Session 29, standard Vietnamese.
_CASES = {"ca", "truong hop"}
_GROUPS = {"nhom", "to"}
# What members ask or raise at a hỏi đáp, a dialogue or a consultation is counted under any of its names:
# "giải đáp bao nhiêu thắc mắc" — "46 câu hỏi", "tiếp nhận mấy câu hỏi" — "32 ý kiến, thắc mắc", "nêu 18 ý kiến, kiến
# nghị" (news writes "ý kiến, thắc mắc, vướng mắc, kiến nghị" together). General news usage; session 35, P and D.
_QUERIES = {"cau hoi", "thac mac", "vuong mac", "y kien", "kien nghi"}
UNIT_CLASSES = (_PEOPLE | _PEOPLE_MORE, _PLACES, _ORGS, _GIFTS, _HOMES, _TIMES, _SITTINGS, _INCIDENTS, _CASES, _GROUPS, _QUERIES)
_KNOWN_NOUNS = UNIT_CLASSES + (COUNTED_NOUNS,)
# Class words that fold like a commoner word ("vé" / "về", "căn" / "cần", "lần" / "làn", "mùa" / "mua"): a
# span names the class only with the word as written.
_CLASS_WRITTEN = {"ve": {"vé"}, "can": {"căn"}, "lan": {"lần"}, "mua": {"mùa"}, "ky": {"kỳ", "kì"}, "qua": {"quà"},
                  "nha": {"nhà"}, "dot": {"đợt"}, "suat": {"suất"}, "luot": {"lượt"}, "vong": {"vòng"}, "vu": {"vụ"}, "phien": {"phiên"},
                  "ca": {"ca"}, "to": {"tổ"}}
# "đồng" is money only right after a number or an amount word ("500.000 đồng", "2 triệu đồng"): elsewhere it is
# a word of its own or of a name ("hội đồng", "Đồng Nai", "Đồng Tháp"); "38 đồng chí / đồng nghiệp" are people.
_MONEY = re.compile(r"(?:(?<=\d)|(?<=\d\s)|(?<=triệu\s)|(?<=tỷ\s)|(?<=tỉ\s)|(?<=nghìn\s)|(?<=ngàn\s)|(?<=trăm\s))"
                    r"đồng(?!\s+(?:chí|nghiệp|bào|đội|hương|minh|tâm|lòng|ý|thời|hành|phục)(?!\w))(?!\w)"
                    r"|(?<![^\W\d])(đ|vnđ|vnd|usd)(?!\w)|(?<!\w)(triệu|tỷ|tỉ|nghìn đồng|ngàn đồng)(?!\w)")
_PERCENT = re.compile(r"%|phần trăm")
_AREA = re.compile(r"m2|m²|mét vuông|\bha\b|héc ta|km2")



# A union's committees (folded, initials written out): their people are counted as "ủy viên" or "thành
# viên" ("Ban Chấp hành gồm 9 ủy viên"). "Bao nhiêu người vào Ban Chấp hành" counts the committee, so
# the count must be said of it, and a count of the union's members ("1.250 đoàn viên") in a sentence
# that never names the committee answers something else.
# Standing committees only: "Ban tổ chức" and "Ban giám khảo" are named as the source of any count ("theo Ban tổ
# chức, có bao nhiêu người dự"), and a committee's members are asked as people, not as "đoàn viên" or "đại biểu".
_COMMITTEE = re.compile(r"\b(ban chap hanh|ban thuong vu|uy ban kiem tra|doan chu tich|ban chi dao|ban nu cong)\b")
_COMMITTEE_PEOPLE = {"uy vien", "thanh vien"}
_COMMITTEE_ASKED = {"nguoi", "uy vien", "thanh vien", "dong chi"}


# The offices a who question asks the holder of (folded), as a reply names them.
ROLES = {"chu tich": "Chủ tịch", "bi thu": "Bí thư", "giam doc": "Giám đốc", "hieu truong": "Hiệu trưởng",
         "truong ban": "Trưởng ban", "truong phong": "Trưởng phòng"}
# An office as a folded text writes it, its deputy read ahead of "Tổng": "Phó Tổng Giám đốc" is a deputy (of the
# Tổng Giám đốc), no "Giám đốc"; "Tổng Giám đốc" heads a company as its "Giám đốc" does (general Vietnamese: "Phó"
# before an office makes a deputy of it, with or without "Tổng" between). Group 1: "phó " when a deputy.
OFFICE_DEPUTY = r"(pho )?(?:tong )?"


# Folded words after "bao nhiêu / mấy" that name a unit, not a thing counted: the unit cues decide those.
_UNIT_WORDS = {"tuoi", "usd", "m2", "ha", "hecta", "km", "km2", "ti", "nghin", "ngan", "chuc", "van"}
# Units of two words ("bao nhiêu cây số": km, a length — `_LENGTH_Q` — not a count of trees).
_UNIT_PHRASES = {"cay so"}
# Nouns after "bao nhiêu" that ask a length of time, not a count: "được bao nhiêu thời gian để …", "mất bao nhiêu
# thời gian" — general Vietnamese, "thời gian" is the time itself, told in a duration unit ("15 phút", "3 tháng").
_DURATION_NOUNS = {"thoi gian"}


# The counted "nouns" that ask an area (folded, as `noun_phrase` reads them): "bao nhiêu diện tích (rừng)" and
# "bao nhiêu héc-ta / hecta / mét vuông" ask no count of things but a size, which news writes in ha, m² or km²
# ("quản lý hơn 29.000 ha rừng"). General Vietnamese (teamq19 "bao nhiêu héc-ta bãi thải", teamq20 "bao nhiêu diện
# tích rừng", "trồng được bao nhiêu diện tích"). "ha" alone is left out: folded it is also "hả" / "Hà".
_AREA_NOUNS = {"dien tich", "hec", "hec ta", "hecta", "met vuong", "m2", "km2"}


def area_noun(noun: list[str]) -> bool:
    """Whether the noun after "bao nhiêu / mấy" names an area (`_AREA_NOUNS`), so the answer is a size in an
    area unit, not a count."""
    return bool(noun) and (" ".join(noun[:2]) in _AREA_NOUNS or noun[0] in _AREA_NOUNS)


# Folded "phi" is a fee ("phí") and also "phi chính phủ", "phi công", "Châu Phi", "phi lợi nhuận": a question typed with
# accents asks a fee with "phí" as typed; one typed without, with "phi" outside those compounds.
_NOT_FEE = re.compile(r"\bphi (?:chinh phu|cong|loi nhuan|nong nghiep|vat the|thuong mai)\b|\bchau phi\b")


def _fee_asked(question: str, folded: str) -> bool:
    if typed_with_accents(normalize(question).lower()):
        return bool(re.search(r"(?<!\w)phí(?!\w)", normalize(question).lower()))
    return bool(re.search(r"\bphi\b", _NOT_FEE.sub(" ", folded)))


# Typed without accents, a time unit after "bao nhiêu / mấy" may be the first syllable of a noun ("thang" is "tháng"
# and "thang", a ladder; "nam" is "năm" and "nam", male): when more words follow it that are no filler, the whole is
# also read as a counted noun, and a span counting exactly those words ("150 thang dây thoát hiểm") answers. A time
# told in the unit still does ("bn thang luong": "2 tháng lương" is both). General Vietnamese: folding merges them.
# (A closing particle — "vậy", "đấy", "à" — ends the noun only where the question ends: "thang day" is "thang dây".)
_CLOSING = {"vay", "a", "ha", "nhi", "the", "nhe", "day", "do", "roi", "nua", "chua", "khong", "ko", "k"}
_JOINING = {"duoc", "de", "cho", "cua", "o", "tai", "trong", "la", "thi", "ma", "va", "voi", "sau", "tu", "den", "nay"}


def _unit_as_noun(unit: str, after: str) -> list[str]:
    """The unit word and up to three words after it that may make one noun with it (see above), folded."""
    words, rest = [unit], re.findall(r"[a-z]+", after)
    for i, w in enumerate(rest[:3]):
        if w in _JOINING or w in _NOT_COUNTED or (w in _CLOSING and all(x in _CLOSING for x in rest[i:])):
            break
        words.append(w)
    return words


def _counts_as_noun(s: dict, span: facts.Span) -> bool:
    """Whether the span counts the noun a bare unit word opens in the question (`_unit_as_noun`, slot's "as_noun")."""
    return bool(noun := s.get("as_noun")) and span_words(counted_part(span.text))[:len(noun)] == noun


def slot(qtype: str, question: str) -> dict:
    """What the answer must be: for numbers a unit class (percent, money, area, duration)
    or the counted noun; for people the role asked ("Chủ tịch" is not "Phó Chủ tịch")."""
    q = folded_question(question)  # "dệt may Nam Định … bao nhiêu doanh nghiệp": that "may" is not "mấy"
    out: dict = {}
    if qtype == "number":
        if re.search(_ORDINAL_Q, q) or designation_asked(q):
            out["unit"] = "ordinal"  # "lần thứ mấy", "số mấy": what follows "mấy" is no counted noun
        elif area_noun(noun := noun_phrase(q)):  # (the counted noun, read once for the branches below)
            out["unit"] = "area"  # "bao nhiêu diện tích rừng", "bao nhiêu héc-ta": told in ha / m² ("hơn 29.000 ha rừng")
        elif " ".join(noun[:2]) in _DURATION_NOUNS:
            out["unit"] = "duration"  # "bao nhiêu thời gian": a time told in any unit ("15 phút")
        elif _how_long_only(q):
            out["unit"] = "duration"  # a sum named on the way is what the time is of, not the answer
        elif (noun and noun[0] not in _UNIT_WORDS and " ".join(noun[:2]) not in _UNIT_PHRASES
              and not MONEY_NOUN.match(" ".join(noun))):  # ("bao nhiêu doanh thu": an amount, below)
            # "bao nhiêu căn nhà" asks a count even when the question also tells the cost ("trị giá 150
            # triệu đồng"), the area or a share: the noun after "bao nhiêu / mấy" is what is asked.
            out["noun"] = noun
            if prize := _PRIZE_Q.search(q):
                out["prize"] = prize.group(0)
            if " ".join(noun) in _COMMITTEE_ASKED and (body := _COMMITTEE.search(expand_unambiguous(q))):
                out["committee"] = body.group(1)
        elif re.search(r"%|phan tram|ty le|lai suat", q):
            out["unit"] = "percent"
        elif _COMPARED_Q.search(q):
            out["unit"] = "difference"  # "rẻ hơn … bao nhiêu": a share or an amount ("thấp hơn khoảng 30%")
        elif (re.search(rf"\b(?:bao nhieu tien|{MONEY_NOUN.pattern}|(?:bao nhieu|may) (?:trieu|ty|ti|nghin|ngan|usd))\b", q)
              or _fee_asked(question, q)):
            # a sum that changes ("thu nhập tăng bao nhiêu") is told as an amount or as a share ("tăng 12%"): `pay`
            out["unit"] = "pay" if _CHANGE_Q.search(q) and not _MONEY_ONLY_Q.search(q) else "money"
        elif re.search(r"dien tich|met vuong|\bm2\b", q):
            out["unit"] = "area"
        elif _LENGTH_Q.search(q):
            out["unit"] = "length"  # "ngang dài bao nhiêu mét": a length ("ngang 7,5m, dài 15m")
        elif re.search(r"\b(tang luong|luong|(?<!binh )(?<!thong )thuong(?! xuyen| truc| vu\b)|phu cap)\b", q) and not re.search(
                r"\b(bao nhieu|may) [a-z]", _asking_part(q).rstrip(" ?")):  # (not "thường" of "bình / thông thường", "thường
            # xuyên / trực"; a number after "bao nhiêu" is what a rate is per — "bao nhieu 1 thang" — no counted noun)
            out["unit"] = "pay"  # "tăng lương bao nhiêu": an amount, or a rate of pay — not a share of people
        elif re.search(r"\bbao lau\b|" + _DURATION_Q, q):
            out["unit"] = "duration"
            asked_unit = _DURATION_UNIT_Q.search(q)
            if asked_unit and asked_unit.group(1) != "tuoi":
                out["in"] = asked_unit.group(1)  # "mấy tháng": a time told in months (an age in any: "tròn 65 năm")
            if asked_unit and len(noun := _unit_as_noun(asked_unit.group(1), q[asked_unit.end():])) > 1:
                if re.search(rf"(?<!\w){' '.join(noun[:2])}(?!\w)", normalize(question).lower()):  # typed bare
                    out["as_noun"] = noun  # "bn thang day thoat hiem": "thang dây …" (ladders), not months
        else:
            # "thi" alone is no noun ("bao nhiêu thì…"), "thí sinh" is: known nouns first (noun_phrase,
            # read above: here empty, or a unit word the cues above did not take).
            if noun:
                out["noun"] = noun
            elif per := per_noun(q):  # a rate: the sentence must say what it is per, as written when typed so
                out["per"] = per
                typed = normalize(question).lower().split()
                out["per_written"] = [w for w in typed if fold(w) in out["per"] and w != fold(w)]
    if qtype == "who":
        m = pattern(rf"\b(pho )?({'|'.join(ROLES)})\b").search(q)
        if m:
            out["role"], out["deputy"] = m.group(2), bool(m.group(1))
        elif m := re.search(_HEAD_OF_UNION, q):  # the head of a body: its Chủ tịch, Giám đốc, Trưởng ban …
            out["role"], out["deputy"] = head_office(q[m.end():]), False
        if m:  # the body the office is of, as the question names it after the office
            typed = normalize(question).lower().split() if typed_with_accents(question) else None
            after = typed[len(q[:m.end()].split()):] if typed else None  # (q folds the typed words one by one)
            out["body"] = body_words(asked_body(q[m.end():], after), _ASKED_BODY_WORDS)
    return out


# The office at the head of a body, by the body's kind (folded, the noun right after "người đứng đầu"): general
# Vietnamese — a fund, company, bank, hospital, centre or department is headed by its Giám đốc, a board or a
# section ("ban", "bộ phận") by its Trưởng ban, an office room by its Trưởng phòng, a school by its Hiệu trưởng;
# a union and most other bodies by its Chủ tịch.
_HEADED_BY = [(re.compile(r"(?:ban giam doc|quy|(?:tong )?cong ty|cty|ngan hang|benh vien|trung tam|so|chi nhanh|nha may|xi nghiep)\b"),
               "giam doc"),
              (re.compile(r"(?:ban|bo phan)\b(?! chap hanh| thuong vu| giam doc| giam hieu)"), "truong ban"),
              (re.compile(r"phong\b(?! trao)"), "truong phong"),
              (re.compile(r"(?:ban giam hieu|truong\b(?! (?:ban|phong)\b))"), "hieu truong")]


def head_office(after: str) -> str:
    """The office of "người đứng đầu <body>" (`_HEADED_BY`): "người đứng đầu Quỹ CEP" asks its Giám đốc, "người
    đứng đầu bộ phận tuyên giáo" its Trưởng ban; "Chủ tịch" for a union and whatever else."""
    head = re.sub(r"^\s*(?:cua |cac |tai |o )*", "", after)
    return next((office for kind, office in _HEADED_BY if kind.match(head)), "chu tich")


# Where the body an office is asked of ends in the question (folded): at the question's own words ("là ai", "tên
# gì", a year), at where or when ("ở / tại / vào / trong / dịp …": the body's place or the occasion, no part of its
# name) and at what the holder did ("phát biểu", "trao", "chủ trì", "cho biết") — general Vietnamese word order,
# office + body + predicate. Not "tải" of "vận tải", "tài chính", "ô tô".
_ASKED_BODY_END = re.compile(r"\b(?:la|ten|hien|hien nay|nam \d|nhiem ky|giai doan|da|duoc|se|ai|nguoi nao|"
                             r"o(?! to\b)|(?<!van )tai(?! chinh\b)|vao|trong|dip|nhan dip|khi|luc|"
                             r"phat bieu|trao|chu tri|cho biet|khai mac|nhan manh|ke|noi)\b")


# End words that fold like a syllable of a body's name ("Đà Nẵng", "Hà Nội", "Dầu khí", "Điện lực", "Tài nguyên",
# "Kế hoạch", "Ô tô"): in a question typed with accents they end the body only as written here.
_END_WRITTEN = {"da": "đã", "noi": "nói", "khi": "khi", "tai": "tại", "luc": "lúc", "ke": "kể", "la": "là", "ten": "tên",
                "o": "ở", "se": "sẽ", "trong": "trong", "hien": "hiện", "vao": "vào", "duoc": "được", "dip": "dịp",
                "ai": "ai"}


def asked_body(after: str, typed: list[str] | None = None) -> str:
    """The question's words after the office asked, up to where the body's name ends (`_ASKED_BODY_END`). `typed`:
    the same words as typed with accents (lowercase), one for each folded word of `after`, when the question was typed
    with accents — an end word that folds like a syllable of a name ends the body only as written (`_END_WRITTEN`)."""
    for end in _ASKED_BODY_END.finditer(after):
        word = end.group(0).split()[0]
        i = len(after[:end.start()].split())
        if typed is None or word not in _END_WRITTEN or (
                i < len(typed) and typed[i].strip(",.;:!?()“”\"'") == _END_WRITTEN[word]):
            return after[:end.start()]
    return after


# "người đứng đầu …", "(ai) đứng đầu / lãnh đạo cao nhất <a union body>": the head of a body, its Chủ tịch for a union
# (`head_office` reads the office by the body's kind; general Vietnamese: "đội nào đứng đầu" ranks, not read so).
# Folded, initials written out.
_HEAD_OF_UNION = (r"\bnguoi dung dau\b|\b(?:dung dau|lanh dao cao nhat)(?= (?:(?:to chuc |cac )?cong doan|cd|cdcs|ldld|"
                  r"lien doan lao dong|tong ldld)\b)")


def _as_written(low: str, text: str | None = None) -> list[str]:
    """Folded syllables of a span, a fold twin kept only where written as itself: folding merges
    "nam" (men) with "năm" (years), and "89 năm" or "5% năm 2024" counts no people. `text`: the span as
    written — a twin written with a capital past its first word is a name ("8 tỉnh miền Đông Nam Bộ", "Việt
    Nam"), no people either."""
    written = _LETTERS.findall(low) if text is None else [
        w for i, w in enumerate(_LETTERS.findall(normalize(text))) if i == 0 or not w[:1].isupper()]
    plain = {w.lower() for w in written}
    return [w for w in re.findall(r"[a-z]+", fold(low)) if w not in _FOLD_TWINS or w in plain]


# A count names what it counts right after its figure; the words further on qualify it ("300 cán bộ công
# đoàn" are officials of unions, no count of unions; "30 công đoàn cơ sở" is one). The head may take two
# syllables ("cán bộ", "đoàn viên").
_HEAD_WORDS = 2
_NUMERAL = re.compile(r"\d[\d.,/]*|mot|hai|ba|bon|nam|sau|bay|tam|chin|muoi|tram|nghin|ngan|trieu|ty|ti|chuc|van")


def _counted_head(text: str) -> list[str] | None:
    """The folded words after a count's figure (and its multipliers), initials written out; None when the
    span writes no figure."""
    tokens = re.findall(r"[a-z0-9][a-z0-9.,/]*", expand_unambiguous(fold(text)))
    last = max((i for i, t in enumerate(tokens) if _NUMERAL.fullmatch(t) and (t[0].isdigit() or i == 0 or
                _NUMERAL.fullmatch(tokens[i - 1]))), default=None)
    if last is None or not any(t[0].isdigit() for t in tokens[:last + 1]):
        return None
    return [w for t in tokens[last + 1:] for w in re.findall(r"[a-z]+", t)]


# What a count is of is said by its noun, and what happened to it by the verb around it: "thay mặt cho bao nhiêu
# người" is answered by "thay mặt cho 1.200 người", not by the people "tuyển mới" elsewhere in the article; "đưa bao nhiêu người về quê" by "đưa 6.500 công nhân về quê". The question's predicate: the two
# syllables right before "bao nhiêu / mấy" (a preposition or hedge just before it passed over: "chăm lo cho khoảng
# bao nhiêu") and right after the counted noun ("bao nhiêu công nhân tham dự"), up to a function word; "có bao
# nhiêu" (there are) has none before it.
_PREDICATE_PASS = {"khoang", "cho", "duoc", "len", "toi", "den", "gan", "hon", "tren", "tong", "cong", "tat", "ca",
                   "chung", "xap", "xi", "la"}
_PREDICATE_STOP = {"co", "la", "thi", "da", "se", "dang", "vua", "cua", "va", "voi", "tai", "o", "trong", "nam",
                   "ngay", "thang", "nao", "gi", "ai", "moi", "mot", "luot", "vay", "a", "ha", "nhi", "the", "nhe",
                   "khi", "de", "tu", "cac", "nhung", "bao", "nhieu", "may"}


def count_predicate(folded_q: str) -> set[str]:
    """The folded syllables of a count question's predicate (see above); empty when it has none."""
    found = list(re.finditer(r"\b(?:bao nhieu|may)\b", folded_q))
    if not found:
        return set()
    m = found[-1]
    before = re.findall(r"[a-z]+", folded_q[:m.start()])
    while before and before[-1] in _PREDICATE_PASS:
        before.pop()
    said = []
    for w in reversed(before[-2:]):
        if w in _PREDICATE_STOP:
            break
        said.append(w)
    noun = noun_phrase(folded_q)
    for w in re.findall(r"[a-z]+", folded_q[m.end():])[len(noun):len(noun) + 2]:
        if w in _PREDICATE_STOP or w in _PREDICATE_PASS:
            break
        said.append(w)
    return {w for w in said if w not in noun and len(w) > 1}


def _bound(span: facts.Span, sentence: str, predicate: set[str]) -> bool:
    """Whether a syllable of the question's predicate stands by the count: in the 30 characters before it or
    the 20 after, within its clause. A second group of people joined to the first by "," / "và" / "hoặc" is one
    noun phrase with it ("2.000 đoàn viên, người lao động đã được khám" — the verb stands after both), so the 20
    after that group count too — there only the whole predicate binds, one shared syllable at that distance saying
    too little ("tham" of "tham gia" / "tham dự") (session 35, P)."""
    left = max(sentence.rfind(c, 0, span.start) for c in ";:(")
    right = [i for i in (sentence.find(c, span.end) for c in ";:(") if i >= 0]
    near = sentence[max(left + 1, span.start - 30):span.start] + " " + sentence[span.end:min(right + [span.end + 20])]
    if predicate & set(re.findall(r"[a-z]+", fold(near))):
        return True
    paired = _paired_group_length(span, sentence)
    if not paired:
        return False
    # past the second group the verb must be the question's as a whole: one syllable shared at that distance
    # ("tham" of "tham gia" / "tham dự") says too little
    start = span.end + paired
    beyond = sentence[start:min(right + [start + 20])]
    return predicate <= set(re.findall(r"[a-z]+", fold(beyond)))


def _paired_group(span: facts.Span, sentence: str) -> list[str]:
    """The folded words of a second group of people news counts with the first under one figure: "46.000 đoàn
    viên, người lao động", "3.000 công nhân và người lao động" — the count is of both, so "bao nhiêu người lao
    động" names it. Empty when no group of people follows."""
    m = re.match(r"\s*(?:,|và|hoặc)\s+((?:[^\W\d_]+\s*){1,3})", sentence[span.end:])
    if not m:
        return []
    words = re.findall(r"[a-z]+", expand_unambiguous(fold(m.group(1))))
    return next((words[:n] for n in (3, 2, 1) if len(words) >= n and " ".join(words[:n]) in _PEOPLE | _PEOPLE_MORE), [])


def _paired_group_length(span: facts.Span, sentence: str) -> int:
    """How many characters after the span the second group of people (`_paired_group`) takes: the joiner and its
    syllables as written ("46.000 đoàn viên, người lao động" → len(", người lao động")); 0 when none follows."""
    group = _paired_group(span, sentence)
    if not group:
        return 0
    for n in (3, 2, 1):  # as written: "NLĐ" reads as the three syllables of "người lao động"
        m = re.match(r"\s*(?:,|và|hoặc)\s+" + r"\s+".join([r"[^\W\d_]+"] * n), sentence[span.end:])
        if m and re.findall(r"[a-z]+", expand_unambiguous(fold(m.group(0)))) == group:
            return m.end()
    return 0


# "Số <noun> … là / : <figure>" states the count of that noun with the noun before the figure ("Số đoàn viên tham gia
# giải năm nay là 1.250 người", "Số đội tham gia: 24"), where a count usually names it after ("1.250 đoàn viên").
# General Vietnamese: "số + noun" is "the number of …", and "là / : / đạt / lên tới" gives its value. Folded.
_NUMBER_OF = re.compile(r"\bso (?:luong )?((?:[a-z]+ ){1,3}?)[^,;:()]{0,50}?(?:\bla|:|\bdat|\blen toi|\blen den)\s*"
                        r"(?:(?:khoang|gan|hon|tren|xap xi|chung)\s+)?$")


def noun_before(span: facts.Span, sentence: str) -> list[str]:
    """The folded words (three at most) after "số" when the clause before the figure reads "số <noun> … là" (see
    above); empty otherwise."""
    before = fold(sentence[max(0, span.start - 90):span.start]).lower()
    m = _NUMBER_OF.search(before)
    return [w for w in before[m.start(1):].split()[:3] if re.fullmatch(r"[a-z]+", w)] if m else []


def agrees(s: dict, span: facts.Span, sentence: str) -> bool:
    """A span answers only if it is of the asked kind and agrees with the qualifiers."""
    low = normalize(span.text).lower()
    unit = s.get("unit")
    if unit == "percent":
        return bool(_PERCENT.search(low))
    if unit == "money":
        return bool(_MONEY.search(low))
    if unit == "difference":
        return bool(_PERCENT.search(low) or _MONEY.search(low))
    if unit == "area":
        return bool(_AREA.search(low))
    if unit == "length":
        return bool(_LENGTH.search(low))
    if unit == "pay":
        people = set(_as_written(low, span.text)) & _PEOPLE_WORDS
        return bool(_MONEY.search(low) or (_PERCENT.search(low) and not people))
    if unit == "duration":  # asked in a unit ("xây mất mấy tháng"), told in it: "30 năm" answers no "mấy tháng"
        if _counts_as_noun(s, span):
            return True  # typed without accents, the unit word opening a longer noun the span counts (`_unit_as_noun`)
        return any(not s.get("in") or fold(m.group(1)) == s["in"] for m in _DURATION.finditer(low))
    if s.get("per"):  # "bao nhiêu một lượng": the sentence says per what ("mỗi lượng", "1 triệu đồng/lượng"),
        said = normalize(sentence).lower()  # or names its class ("mỗi người": "mỗi đoàn viên")
        folded = f" {' '.join(re.findall(r'[a-z]+', fold(said)))} "
        if set(s["per"]) <= set(folded.split()):
            return set(s.get("per_written", [])) <= set(_LETTERS.findall(said))
        phrase = " ".join(s["per"])
        return any(phrase in g and any(f" {p} " in folded for p in g if p not in _CLASS_WRITTEN) for g in UNIT_CLASSES)
    if s.get("noun"):
        counted = counted_part(span.text)  # ("600.000 đồng/cháu" counts no "cháu": `counted_part`)
        low = normalize(counted).lower()
        words = span_words(counted)  # the counted noun may be written as initials ("7 LĐLĐ tỉnh")
        joined = f" {expand_unambiguous(' '.join(_as_written(low, counted)))} "
        if (prize := s.get("prize")) and f" {prize} " in joined:
            return True  # "bao nhiêu đội được giải nhì": the prizes of that rank are counted ("2 giải nhì")
        if committee := s.get("committee"):  # people of a committee: counted where the committee is named
            if committee not in expand_unambiguous(" ".join(re.findall(r"[a-z]+", fold(sentence)))):
                return False
            if any(f" {p} " in joined for p in _COMMITTEE_PEOPLE):
                return True
        # (a classifier before the noun is dropped — "căn nhà" counts "nhà" — but not the first syllable of a
        # noun the classes know: folded, "cán bộ" starts like "căn", "bộ" is a classifier too)
        before = noun_before(span, sentence)  # "số đoàn viên tham gia là 1.250": the noun before the figure
        if before and f" {' '.join(s['noun'])} " in f" {' '.join(before)} ":
            return True
        known = any(" ".join(s["noun"]) in g for g in _KNOWN_NOUNS)
        noun = s["noun"][1:] if s["noun"][0] in _CLASSIFIERS and len(s["noun"]) > 1 and not known else s["noun"]
        phrase = " ".join(noun)
        joined = joined.replace(" can ho ", " ")  # "căn hộ" (flats) folds like a count of "hộ" (households)
        for group in UNIT_CLASSES:  # counted under another name of the same kind
            # ("bao nhiêu vị đại biểu", "mấy lượt người": the class may be named by the noun's second word)
            written = set(_LETTERS.findall(low))
            if (phrase in group or any(w in group for w in noun)) and any(
                    f" {p} " in joined and (p not in _CLASS_WRITTEN or _CLASS_WRITTEN[p] & written) for p in group):
                return True
        if len(noun) > 1 and (phrase in _PEOPLE or phrase in _PLACES):  # a two-syllable noun counts as one:
            return f" {phrase} " in joined  # "thí sinh" is not the "thi" of "đội thi"
        head = _counted_head(span.text)
        if head is not None:  # "300 cán bộ công đoàn" counts "cán bộ", not "công đoàn"
            return noun[0] in head[:_HEAD_WORDS]
        return noun[0] in words  # the counted thing itself: "ủy viên" is not "đoàn viên"
    if s.get("role") and not s.get("deputy"):
        # The title said nearest the name (before or after it): a deputy does not answer for the head —
        # unless the sentence tells the person was elected to the head's office ("A, Phó Chủ tịch khóa
        # trước, được bầu giữ chức Chủ tịch …": the office after "bầu" is the one held now).
        mentions = _role_mentions(s["role"], span, sentence)
        if mentions and min(mentions)[1] and not _elected_to(s["role"], span, sentence):
            return False
    return True


# "được bầu (giữ chức / làm / vào chức) <office>", "đắc cử / tái cử <office>": the office a person holds from now.
_ELECTED_TO = r"\b(?:bau|dac cu|tai cu|trung cu|tai dac cu)(?:\s+(?:giu|lam|vao|la))?(?:\s+(?:chuc|chuc vu|cuong vi))?\s+"


def _elected_to(role: str, span: facts.Span, sentence: str) -> bool:
    """Whether the sentence, after the person, tells him elected to the head's office itself (not "Phó …")."""
    return bool(re.search(_ELECTED_TO + role, fold(sentence[span.end:span.end + 150]).lower()))


_CALLED_BEFORE_CHARS = 30  # "Luật sư Đào Văn Bình", "nữ công nhân Lê Thị A": the noun just before the name
_CALLED_AFTER_CHARS = 40  # "anh Lưu Văn Phong, công nhân phân xưởng sợi": or in the apposition after it


# "lãnh đạo nào của <body>", "lãnh đạo <body> nào phát biểu", "vị lãnh đạo … là ai" (no office named: `slot` reads no
# role): the one asked is a leader, and general Vietnamese news names a leader with his office right before or after
# the name ("Đồng chí A, Phó Chủ tịch LĐLĐ tỉnh, cho biết"; "Chủ tịch Công đoàn ngành B") — any office, head or deputy.
# A worker or a guest the sentence gives no office is not the one asked (`called_so` with these offices). Folded.
# ("ban / bộ phận / cơ quan / cấp lãnh đạo", "sự lãnh đạo": a board, a body, a level or the leading itself — no person)
# ("lãnh đạo cao nhất" is the head alone, not any office holder: a deputy named with his office is not it)
_LEADER_Q = re.compile(r"(?<!ban )(?<!bo phan )(?<!co quan )(?<!cap )(?<!su )\blanh dao\b(?! cao nhat)")
# The offices: `ROLES` (the ones a who question names) and three a leader holds that no question asks by
# ("chánh văn phòng", "bộ trưởng", "thứ trưởng"), a deputy of each too (no group: `OFFICE_DEPUTY` captures "phó").
_LEADER_OFFICES = rf"(?:pho )?(?:tong )?(?:{'|'.join(ROLES)}|chanh van phong|bo truong|thu truong)"


def leader_asked(qtype: str, question: str) -> bool:
    """Whether a who-question asks a leader by no office in particular (`_LEADER_Q`): "lãnh đạo" asked, no office
    named (`slot`'s role), not the bodies that sent leaders ("những cơ quan nào cử lãnh đạo dự", `_ASKS_BODIES`)."""
    fq = fold(question).lower()
    return (qtype == "who" and bool(_LEADER_Q.search(fq)) and not _ASKS_BODIES.search(fq)
            and not slot(qtype, question).get("role"))


def called_so(noun: str, span: facts.Span, sentence: str) -> bool:
    """Whether the sentence calls the person of the span by the folded person noun the question asks by: right
    before the name or in the apposition after it (up to the clause's next comma-less stretch). General Vietnamese
    news names a person with what he is ("Luật sư A", "anh B, công nhân …"); asked "công nhân nào", a person the
    sentence calls a director is not it."""
    before = fold(sentence[max(0, span.start - _CALLED_BEFORE_CHARS):span.start]).lower()
    after = fold(sentence[span.end:span.end + _CALLED_AFTER_CHARS]).lower()
    return bool(pattern(rf"\b{noun}\b").search(before) or pattern(rf"^[\s,(–-]*(?:\w+ ){{0,2}}{noun}\b").search(after))


def _role_mentions(role: str, span: facts.Span, sentence: str) -> list[tuple[int, bool]]:
    """(distance, is deputy) of each mention of the role within 50 characters of the span."""
    # (read from four characters further back, so that a "Phó" just outside is not left off the title it heads)
    before = fold(sentence[max(0, span.start - 54):span.start])
    after = fold(sentence[span.end:span.end + 50])
    ahead = [(len(before) - m.end(), bool(m.group(1))) for m in re.finditer(OFFICE_DEPUTY + role, before)
             if m.end() - len(role) >= len(before) - 50]
    behind = [(m.start(), bool(m.group(1))) for m in re.finditer(OFFICE_DEPUTY + role, after)]
    # A title just ahead of the name ("Phó Chủ tịch … Nguyễn Văn An") binds it; else the nearest does.
    close_ahead = [m for m in ahead if m[0] <= 25 and not re.search(r"[,;]| va ", before[len(before) - m[0]:])]
    return close_ahead or ahead + behind


def extract_span(qtype: str, sentence: str, question: str) -> str | None:
    """The exact words of the sentence that answer the question, or None when none is of
    the asked kind and agrees with the question's qualifiers (slot)."""
    s = slot(qtype, question)
    cands = [c for c in span_candidates(qtype, sentence, question) if agrees(s, c[1], sentence)]
    if not cands:
        return None
    if s.get("as_noun"):  # the noun a bare unit word opens, counted as written: as a counted noun's match
        cands = [(c[0] + AS_NOUN_WEIGHT * len(s["as_noun"]) if _counts_as_noun(s, c[1]) else c[0], c[1]) for c in cands]
    terms = set(content_terms(question))
    anchors = {w for p in places(question) for w in p.split()}  # "Đồng Nai có bao nhiêu …": Đồng Nai's clause
    after = 45 if qtype in ("who", "role") else None  # "đồng chí X – Phó Ban Tổ chức": the role follows
    leader = leader_asked(qtype, question)  # "lãnh đạo nào …": a person named with an office first
    best = max(cands, key=lambda c: (c[0], leader and called_so(_LEADER_OFFICES, c[1], sentence), _bears_role(s, c[1], sentence),
                                     _proximity(c[1], sentence, terms, anchor_words=anchors, after=after),
                                     -c[1].start))
    return best[1].text


# Words that name no one body: the kind of body ("công đoàn", "liên đoàn lao động", "ngành"), its level ("tỉnh",
# "cơ sở", "cấp trên"), joining words and the question's own ("là ai", "hiện nay", "năm"). Folded, initials written
# out. "Việt Nam" too: the national bodies all end with it.
_BODY_GENERIC = set("""cong doan lien lao dong tong cac cua o tai ben thuoc tinh thanh pho tp huyen quan xa phuong thi
tran nganh co so cap tren va la ai nay hien nao nam hoi dau tien moi nhat vay a nhi the ha dang giu chuc vu nhiem ky
khoa viet ca nuoc truoc sau""".split())
_ROMAN = re.compile(r"[ivxlc]+")  # a term's numeral ("khóa XV") tells no body either
_ASKED_BODY_WORDS = 8  # words of the question after the office it asks ("chủ tịch công đoàn ngành giáo dục")
_TOLD_BODY_WORDS = 6  # words of the sentence after an office, up to the clause's punctuation


def body_words(after: str, limit: int, cased: bool = False) -> set[str]:
    """The words telling which body an office is of, from the words written right after the office, up to
    punctuation, "và" or a dash, `limit` words at most: initials written out ("LĐLĐ", "KCN"), kinds and levels of
    body left out (`_BODY_GENERIC`). Empty when the office is said of no body in particular ("Chủ tịch LĐLĐ tỉnh").
    `cased` (a sentence, written with capitals): the name also ends at a word in lower case that follows none with a
    capital: "Chủ tịch LĐLĐ tỉnh do đồng chí A đảm nhiệm" names no body past "tỉnh", "Công đoàn Giáo dục Việt
    Nam" keeps its "dục"."""
    said = re.split(r"[,;:()?!.“”\"]| và | va | - | – ", f" {after} ")[0].split()[:limit]
    out: set[str] = set()
    for i, w in enumerate(said):
        parts = re.findall(r"[a-z]+", expand_unambiguous(fold(w).lower()))
        if cased and w.islower() and i and said[i - 1].islower() and any(p not in _BODY_GENERIC for p in parts):
            break
        out.update(p for p in parts if p not in _BODY_GENERIC and len(p) > 1 and not _ROMAN.fullmatch(p))
    return out


def _of_another_body(s: dict, span: facts.Span, sentence: str) -> bool:
    """Whether the office asked, nearest the person, is told of a body the question's words do not name: asked
    "chủ tịch công đoàn ngành giáo dục", "A – Chủ tịch Công đoàn ĐHQG-HCM" heads another union. General Vietnamese
    news writes the body right after the office ("Chủ tịch Công đoàn Giáo dục Việt Nam"); an office told of no body
    in particular ("Chủ tịch Công đoàn công ty", "Chủ tịch LĐLĐ tỉnh") or of one sharing a word with the question's
    is no evidence either way."""
    asked = s.get("body")
    if not asked or not s.get("role"):
        return False
    folded = fold_same_length(sentence).lower()  # (same offsets as the sentence)
    near = [m for m in pattern(rf"\b(pho )?{s['role']}\b").finditer(folded)  # (the office as asked, head or deputy)
            if bool(m.group(1)) == bool(s.get("deputy")) and span.start - 54 <= m.start() and m.end() <= span.end + 50
            and not (span.start <= m.start() < span.end)]
    if not near:
        return False
    at = min(near, key=lambda m: min(abs(m.start() - span.end), abs(span.start - m.end())))
    # (an office before the name runs up to it: "Chủ tịch Công đoàn cơ quan Trần Văn Bình")
    told = body_words(sentence[at.end():span.start if at.end() <= span.start else len(sentence)], _TOLD_BODY_WORDS,
                      cased=True)
    return bool(told) and not told & asked


def _bears_role(s: dict, span: facts.Span, sentence: str) -> bool:
    """Whether the person is the one the title asked stands by ("Chủ tịch … là ai": of the guests listed,
    "đồng chí A – Ủy viên …, Chủ tịch Công đoàn ngành và các đồng chí B – Phó Bí thư …", A). News names each
    guest with the office right before or after the name (`_role_mentions`): the person whose nearest office
    is the one asked, head or deputy as asked, is the answer before any closer to the question's words."""
    if not s.get("role"):
        return False
    mentions = _role_mentions(s["role"], span, sentence)
    return bool(mentions) and min(mentions)[1] == bool(s.get("deputy")) and not _of_another_body(s, span, sentence)


# --- sentence choice and the not-found decision ----------------------------
# "nhằm mục đích gì / để làm gì / có ý nghĩa gì" asks a purpose, and news states one after "nhằm / để / mục đích
# / với mong muốn / góp phần" ("buổi gặp mặt nhằm tri ân …"); a sentence stating none (the lede's bare "tổ chức
# gặp mặt, tri ân …") answers what happened, not why. Folded.
_PURPOSE_Q = re.compile(r"\b(?:muc dich (?:gi|la gi|nao)|nham (?:muc dich |muc tieu )?(?:gi|dieu gi)|de lam gi|"
                        r"y nghia (?:gi|la gi|nhu the nao))\b")
_PURPOSE = re.compile(r"(?<!\w)(?:nhằm|mục đích|để|với mong muốn|góp phần|ý nghĩa)(?!\w)")  # as written: "để" ≠ "đề"


# People a count names by what they do, under one meaning: "người dự thi / người thi / người dự" are the "thí sinh",
# "thầy cô / nhà giáo" the "giáo viên" — counted under either name, the count is of the noun asked itself, not
# of its class (UNIT_CLASS_FIT). Folded.
_SAME_PEOPLE = ({"thi sinh", "nguoi du thi", "nguoi thi", "nguoi du", "nguoi tham du"},
                {"giao vien", "thay co", "nha giao", "thay giao", "co giao"},
                # (session 27: a member's "thợ" is news's "công nhân"; a union's "hội viên" its "đoàn viên"; a strike
                # is a "vụ" or a "cuộc" ngừng việc — standard Vietnamese, teamq8, teamq13)
                {"tho", "cong nhan"}, {"hoi vien", "doan vien", "thanh vien"}, {"vu", "cuoc"},
                {"ca", "truong hop"}, {"nhom", "to"})  # (session 29: `_GROUPS`, `_CASES`)


# A question about what is planned or comes next ("đợt … tiếp theo dự kiến làm ở đâu", "sắp tới", "lần tới", "sẽ …")
# and the words news states a plan with ("sẽ", "dự kiến", "theo kế hoạch", "sắp", "tới đây", "chuẩn bị", "tiếp theo"):
# an article reporting an event tells the next one in a sentence of its own, in the future; the facts of the sentences
# that report what was done answer the past. General Vietnamese (tense is said by these words, not by the verb).
# Folded question ("chia sẻ" is no "sẽ"); the sentence as written.
_PLAN_Q = re.compile(r"\b(?:tiep theo|du kien|sap toi|(?:lan|dot|ky|nam|thang|tuan|thoi gian) toi|(?<!chia )se)\b")
_PLAN = re.compile(r"(?<!\w)(?:sẽ|dự kiến|kế hoạch|sắp|tới đây|chuẩn bị|tiếp theo|năm tới|thời gian tới)(?!\w)")


# The other way round: a question asking what was done, in no future words, and a sentence stating only what is
# planned ("Năm 2025, LĐLĐ tỉnh dự kiến mở 8 lớp … cho khoảng 2.400 cán bộ" beside the lede's "khai mạc lớp tập huấn
# … cho 320 cán bộ", teamq17; "Theo kế hoạch, chương trình sẽ được tổ chức tiếp tại KCN …" beside where it was held,
# teamq15). General Vietnamese: "dự kiến / theo kế hoạch / sắp tới / tới đây / năm tới / thời gian tới" put what
# follows in the future. "kế hoạch" counts only as "theo kế hoạch" (news names the document in the past: "ban hành
# kế hoạch"); "sẽ" alone not (reported speech uses it: "cho biết sẽ tiếp tục …"; with it the dev set's CV lost 0.004).
# Session 28 (helper P). A goal asked ("mục tiêu / phấn đấu … bao nhiêu %") read as a plan asked was tried: second
# split 0.905 → 0.901, dropped.
_PLAN_STATED = re.compile(r"(?<!\w)(?:dự kiến|theo kế hoạch|sắp tới|tới đây|năm tới|thời gian tới)(?!\w)")


def plan_asked(question: str) -> bool:
    """Whether a question asks what is planned or next (`_PLAN_Q`)."""
    return bool(_PLAN_Q.search(folded_question(question)))


def says_plan(sentence: str) -> bool:
    """Whether a sentence speaks of a plan at all (`_PLAN`, "sẽ" and a named "kế hoạch" too)."""
    return bool(_PLAN.search(normalize(sentence).lower()))


def tells_future(text: str) -> bool:
    """Whether a text tells something in the future ("sẽ" too, which reported speech also uses: not enough alone
    to make a sentence a plan beside the facts of the event, but a title or lede in it announces the event)."""
    written = normalize(text).lower()
    return bool(_PLAN_STATED.search(written) or re.search(r"(?<!\w)sẽ(?!\w)", written))


# A plan for the event as a title or a lede names it ("Triển khai kế hoạch mừng kỷ niệm 90 năm …", "LĐLĐ tỉnh vừa ban
# hành kế hoạch tổ chức lễ …"): the article reports the plan, the event is to come. Not "thực hiện kế hoạch" (a report of
# the event done says it carried the plan out). General news writing; the dev set's first split (an anniversary plan).
_PLAN_DOCUMENT = re.compile(r"(?<!\w)(?:(?:triển khai|ban hành|xây dựng) kế hoạch|kế hoạch tổ chức)(?!\w)")


def tells_plan(text: str) -> bool:
    """Whether a title or a lede is about a coming event: told in the future (`tells_future`) or as the plan for it
    (`_PLAN_DOCUMENT`)."""
    return tells_future(text) or bool(_PLAN_DOCUMENT.search(normalize(text).lower()))


def states_plan(sentence: str) -> bool:
    """Whether a sentence states what is planned (`_PLAN_STATED`: "dự kiến", "theo kế hoạch", "sắp tới" …)."""
    return bool(_PLAN_STATED.search(normalize(sentence).lower()))


def plan_marks(question: str, sentences: list[str]) -> list[tuple[bool, bool]]:
    """Per sentence: (a plan is asked and the sentence states none, the sentence states a plan and none is asked) —
    see `_PLAN` and `_PLAN_STATED` above; the question read once for all of an article's sentences (a hot loop)."""
    asks = plan_asked(question)
    return [(asks and not says_plan(t), not asks and states_plan(t)) for t in sentences]


# What was new asked: "… nào / gì lần đầu (tiên) …", "lần đầu có thêm … nào" (folded), or, typed with accents, "… nào
# mới", "có gì mới", "điểm mới" ("mới" folds like "mỗi" and "mời"). News tells the new thing by "lần đầu (tiên)",
# "điểm mới / nét mới" (as written) — general Vietnamese; a sentence that does not say it is new tells something
# else about the event (the lede restating the title).
_NOVELTY_Q = re.compile(r"\blan dau\b")
_NOVELTY_Q_ACCENTED = re.compile(r"(?<!\w)(?:(?:nào|gì) mới(?! (?:được|có thể|đủ|phải|bắt đầu))|mới (?:nào|gì)|điểm mới"
                                 r"|nét mới)(?!\w)")  # ("phải làm gì mới được vay": "mới" = only then)
_NOVELTY = re.compile(r"(?<!\w)(?:lần đầu|điểm mới|nét mới)(?!\w)")


def novelty_asked(question: str) -> bool:
    """Whether a question asks what was new at an event (`_NOVELTY_Q`)."""
    return bool(_NOVELTY_Q.search(fold(normalize(question)).lower())
                or _NOVELTY_Q_ACCENTED.search(normalize(question).lower()))


def type_fit(qtype: str, sentence: str, question: str) -> float:
    """1 when the sentence holds a well-fitting span of the asked kind, 0.5 a weaker one."""
    if qtype in ("other",):
        return 1.0
    if qtype == "what" and novelty_asked(question) and not _PURPOSE_Q.search(fold(question)):
        return 1.0 if _NOVELTY.search(normalize(sentence).lower()) else NOVELTY_NONE_FIT
    cands = span_candidates(qtype, sentence, question)
    if not cands and qtype == "what" and _PURPOSE_Q.search(fold(question)):
        return 1.0 if _PURPOSE.search(normalize(sentence).lower()) else 0.3
    if not cands:
        return 0.5 if qtype == "what" else 0.0
    wanted = slot(qtype, question)
    cands = [c for c in cands if agrees(wanted, c[1], sentence)]
    if not cands:  # spans of the kind, none agreeing ("21 năm" for "bao nhiêu người"): nothing to quote
        return 0.2
    best = max(c[0] for c in cands)
    # (counting, a company "May …" typed with accents is no "mấy": read as qtype reads it)
    fq = folded_question(question) if qtype == "number" else fold(question)
    if qtype == "number":  # fit counts matched noun syllables (×2) and unit cues
        named = counted_noun(fq) if not wanted.get("unit") else set()  # "bao nhiêu tuổi" asks a duration
        named |= set(wanted.get("prize", "").split())  # (or the prize of that rank counted: "2 giải nhì")
        named |= {w for g in _SAME_PEOPLE if " ".join(wanted.get("noun", [])) in g for p in g for w in p.split()}
        predicate = count_predicate(fq) if not wanted.get("unit") else set()
        bound = bool(predicate) and any(_bound(c[1], sentence, predicate) for c in cands)
        if named and not any(named & set(re.findall(r"[a-z]+", fold(counted_part(c[1].text))) + _paired_group(c[1], sentence)
                                         + noun_before(c[1], sentence)) for c in cands):
            # The spans agree under another name of the same class ("bao nhiêu người": "36 đồng chí").
            return UNIT_CLASS_FIT
        # the counts of the sentence stand by none of the question's predicate: they are of something else done
        scale = COUNT_UNBOUND_FIT if predicate and not bound else 1.0
        if (_COMPARED_Q.search(fq) and not counted_noun(fq)
                and not any(_after_comparative(c[1], sentence) for c in cands)):
            return COMPARED_NONE_FIT  # "rẻ hơn bao nhiêu": the sentence's amounts stand after no comparative
        if rate_asked(question) and all(_rate_fit(c[1], sentence) <= -2.0 for c in cands if c[0] >= best):
            return TOTAL_FOR_RATE_FIT  # "mỗi công nhân … bao nhiêu": the sentence gives only the total
        if any(_counts_as_noun(wanted, c[1]) for c in cands):  # "bn thang day …": "150 thang dây …" counts it
            return scale * min(1.0, AS_NOUN_FIT_BASE + AS_NOUN_FIT_STEP * len(wanted["as_noun"]))
        if best <= 0:
            wanted, money, duration, area = _number_expectation(fq)
            # A count of something else: weak, and weaker still when the question names
            # the unit it wants (money, area, time).
            return scale * (0.25 if (money or duration or area or money_only_asked(fq)) else 0.5)
        return scale * min(1.0, 0.5 + 0.125 * best)
    if qtype == "date" and re.search(r"\b(tuan|thu may)\b", fq) and best < 2:
        return 0.3  # "hôm nào trong tuần" wants weekdays; a calendar date answers something else
    if qtype == "date" and best < 1.5 and _ENDING.search(fq) and not _WANTS_RANGE.search(fq):
        return 0.5  # "bao giờ xong": the sentence dates no end of the work
    if qtype == "date" and best < 1.5 and _ASKS_CLOCK.search(folded_question(question)):
        return 0.3  # "mấy giờ": a sentence giving only the day does not tell the time
    if qtype == "date" and 0 < best < 0.5 and _ASKS_DAY.search(fq):
        return 0.3  # "ngày nào": only a recurring weekday ("thứ bảy hằng tuần")
    if qtype == "date" and best <= 0 and _ASKS_DAY.search(fq):
        return 0.25  # "ngày nào" asks for a day: a sentence giving only a year does not answer it
    if qtype == "date" and best < 1.5 and _WANTS_RANGE.search(fq):
        return 0.3  # "những ngày nào": one day (the closing day) answers part of it at best
    if qtype == "where" and 0 < best <= UNNAMED_PLACES_SPAN:
        return UNNAMED_PLACES_FIT  # "tại các khu công nghiệp": where in general, no place named (`unnamed_places`)
    if (wanted.get("role") or leader_asked(qtype, question)) and best <= 0:  # (a leader asked is a person too)
        return ROLE_NO_PERSON_FIT  # "Chủ tịch … là ai": the sentence names no person, only a company or a place
    titled = [c for c in cands if _role_mentions(wanted["role"], c[1], sentence)] if wanted.get("role") else []
    if wanted.get("role") and not titled:
        return 0.5  # "Chủ tịch … là ai": a person the sentence gives no such title
    if titled and all(_of_another_body(wanted, c[1], sentence) for c in titled):
        return ROLE_OTHER_BODY_FIT  # the office asked, held in another body
    if qtype == "who" and (noun := asked_person_noun(fq) or (_LEADER_OFFICES if leader_asked(qtype, question) else None)):
        if not any(called_so(noun, c[1], sentence) for c in cands):
            return 0.5  # "công nhân nào …", "vị luật sư … tên gì": no one the sentence calls so
        best = max(best, 1.0)  # the one asked, called by the noun asked ("Luật sư Đào Văn Bình"): as good as a title
    if qtype in ("slogan", "campaign", "what") and 1.0 <= best < KIND_NAMED_SCORE and _named_things(fq):
        return 0.75  # a quote after another cue, where the question asks the name of a kind the sentence does not quote
    if qtype == "who" and best >= BODY_LIST_SCORE and _ASKS_BODIES.search(fq):
        return 1.0  # "những cơ quan nào cử lãnh đạo dự": the bodies listed, whatever verb the sentence uses
    if qtype == "who" and not _says_predicate(sentence, question):
        return 0.3  # "đội nào đứng đầu": the organiser named in the lede did not come first
    if qtype in ("who", "where", "what") and superlative_asked(question) and not ranks(sentence):
        return SUPERLATIVE_NONE_FIT  # "công ty nào có nhiều người … nhất": the venue of a lede that ranks no one
    return 1.0 if best >= 1 else 0.75 if best > 0 else 0.5


# Another occasion's count (session 38, helper P). General Vietnamese news writing: a time frame put before a sentence's
# first comma sets the time of all it tells — a running total over editions or years ("Qua 5 năm, quỹ đã hỗ trợ tổng
# cộng …", "Qua 6 lần tổ chức, …", "Trong 5 năm qua, …", "Tính đến nay, …", "Lũy kế, …", "Từ năm 2015 đến nay, …")
# or a past edition ("Năm ngoái, …", "Năm trước, …", "Lần trước, …"). A count question that names neither (no total, no
# running or past words, no span of years — "giai đoạn", "nhiệm kỳ", "mấy năm qua" — and not the present state,
# "hiện có / hiện nay / bây giờ", which "Đến nay, …" tells: `_OTHER_OCCASION_ASKED`) asks the reported occasion's own
# count. Folded. "Lần" only as an edition ("lần tổ chức"): "Sau 3 lần đối thoại, doanh nghiệp đồng ý …" tells the
# outcome of this occasion.
_COUNT_WORD = r"(?:\d+|mot|hai|ba|bon|nam|sau|bay|tam|chin|muoi|[a-z]+ muoi(?: [a-z]+)?)"
_OTHER_OCCASION_FRAME = re.compile(
    rf"^\W*(?:(?:sau|qua|trai qua|trong) {_COUNT_WORD} (?:nam|mua|ky|nhiem ky|lan (?:duoc )?(?:to chuc|trien khai|thuc hien))\b"
    r"|(?:tinh )?(?:den|toi) nay\b|tinh den\b|luy ke\b|tu (?:truoc|khi|nam|ngay)\b[^,;]*\b(?:den|toi) nay\b"
    r"|(?:nam|lan|mua|ky|dot) (?:ngoai|truoc)\b)")
# A sentence naming this occasion too ("Sau ba năm gián đoạn, hội thao năm nay quy tụ …") tells its count.
_THIS_OCCASION = re.compile(r"\b(?:nam|lan|mua|ky|dot) nay\b")
_OTHER_OCCASION_ASKED = re.compile(
    rf"\b(?:{_TOTAL}|tong so|(?:sau|qua|trai qua|trong) {_COUNT_WORD} (?:nam|lan|mua|ky|dot)|(?:den|toi) nay|tinh den|luy ke"
    r"|qua cac|cac (?:nam|lan|mua|ky)|tu (?:truoc|khi|nam)|(?:nam|lan|mua|ky|dot) (?:ngoai|truoc)"
    r"|(?:may|nhung|nhieu|cac) (?:nam|lan|mua|ky) (?:qua|gan day)|giai doan|nhiem ky"
    r"|hien (?:nay|co|tai)|bay gio|den (?:thoi diem|hien))\b")
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


def other_occasion_asked(question: str) -> bool:
    """Whether a count question asks a total, a running total or a past edition's (`_OTHER_OCCASION_ASKED`)."""
    return bool(_OTHER_OCCASION_ASKED.search(folded_question(question)))


def counts_other_occasion(sentence: str, question: str) -> bool:
    """Whether a sentence tells its counts in a frame of another occasion than the one reported (`_OTHER_OCCASION_FRAME`
    before its first comma), names no "this" occasion (`_THIS_OCCASION`) and no year the question names."""
    folded = fold(normalize(sentence)).lower()
    if not _OTHER_OCCASION_FRAME.search(re.split(r"[,;:]", folded, maxsplit=1)[0]) or _THIS_OCCASION.search(folded):
        return False
    return not set(_YEAR.findall(folded)) & set(_YEAR.findall(question))


def years_reported(question: str, lede: str) -> bool:
    """Whether the question names a year and every year it names is named in `lede` (a report's title and first
    sentence)."""
    asked = set(_YEAR.findall(question))
    return bool(asked) and asked <= set(_YEAR.findall(lede))
