"""The parts of a question a follow-up builds on: its topic (the event and its qualifiers) and
the values a follow-up swaps into it (year, ordinal, province, company).

"Tại Lễ trao Giải thưởng Nguyễn Đức Cảnh lần thứ IV năm 2023, có bao nhiêu công nhân được khen
thưởng?" has the topic "Lễ trao Giải thưởng Nguyễn Đức Cảnh lần thứ IV năm 2023"; "còn lần thứ II
năm 2013 thì sao?" swaps the ordinal and the year. A new slot is asked of the topic, not of the old
question with words cut out of it ("… 2023, có được khen thưởng" misleads the search).
Pure text functions.
"""
from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass

from knowledge.text import fold, fold_same_length, folded_words, has_diacritics, normalize

from ..answering.notfound import (ANNIVERSARY, INDUSTRY_RX, LUNAR_YEAR, NUMBERED, OCCASION_RX, lunar_year_number, lunar_years,
                                  missing_ordinals, ordinal_value, without_passing_years)
from ..language.names import kinds_but
from ..language.places import (AMBIGUOUS_FOLDED, CAPITAL_WORD, folded_forms, lowercase_places, place_spans, places,
                               with_accents)
from ..language.qtype import YEAR
from ..params import MAX_PREDICATE_WORDS, MAX_UNIT_WORDS

# "lần thứ XV", "khóa XIV", "Đại hội XIII", "lần 2" (typed or folded; a value, not a year — `followup.topic_terms` too).
ORDINAL = re.compile(r"(?<!\w)(lan thu|lan|khoa thu|khoa|dai hoi|nhiem ky thu)\s+([ivxlc]{1,7}|\d{1,2})(?![\w/.-])")
_FIRST_TIME = re.compile(r"(?<!\w)lan dau(?: tien)?(?!\w)")
# An ordinal typed bare, in capitals ("còn Bình Dương XI thì sao?", "thế XV?"): a roman numeral of two
# letters or more is no word of the language; "V" / "X" alone may be ("X" for "xã").
_BARE_ROMAN = re.compile(r"(?<![\w./-])([IVXL]{2,6})(?![\w./-])")


def _is_roman(word: str) -> bool:
    """A word that is a roman numeral written in capitals ("III", "XV", "V"): an ordinal's value, no name — one
    letter too, where `_BARE_ROMAN` (an ordinal typed bare in a message) wants two or more."""
    return bool(re.fullmatch(r"[IVXLC]+", word)) and ordinal_value(word.lower()) > 0

# A company by its name: "công ty KL Texwell Vina", "Cty Pouchen", "Ngân hàng BIDV" (capitalised words
# after the kind). Typed without accents, the kind counts only in a message typed wholly without them, and
# its name may be lowercase too ("cty hao lam"): the words up to a word of the question's own (`_NOT_NAME`).
# The kinds (`names.COMPANY_KINDS`) but "hãng", and "tổng công ty", read from its "công ty" (a swap replaces from
# there): read whole, it moves the company's start on seven readable texts — a change to measure, not made here.
_KINDS = "|".join(kinds_but("tổng công ty", "hãng"))
_COMPANY = re.compile(rf"(?<!\w)(?i:{_KINDS})\s+((?:TNHH\s+|CP\s+|cổ phần\s+)?"
                      r"(?:[A-ZĐ0-9][\w&.-]*(?:\s+|$))+)")
_COMPANY_UNACCENTED = re.compile(r"(?<!\w)(?:" + fold(_KINDS) + r")\s+((?:tnhh\s+|cp\s+|co phan\s+)?[a-z0-9&.-]+"
                                 r"(?:\s+[a-z0-9&.-]+){0,4})")
_NOT_NAME = set("""co thi da duoc bao may ai o tai nam lan khoa la nhu the vay sao no tra cua tu toi minh em anh
chi ban ho nay do ay kia va voi cho nhan tro to chuc dong gop nguoi cong nhan doan vien bi khi nao dau gi ra
tinh thanh pho tp huyen quan xa""".split())


# Lowercase words inside a company's name between capitalised ones: "Tổng công ty Điện lực miền Bắc"
# (Vietnamese capitalises a name's first syllable only). At most this many, and none of the question's
# own words (`_NOT_NAME`, the predicates below): "Texwell Vina nợ BHXH" ends before "nợ".
_BRIDGE = 2
_PREDICATES = set("trao tang ky gianh xep ung vao ve trong den".split())
NOT_IN_NAME = _NOT_NAME | _PREDICATES  # (folded) the words a company's name never runs into
# The same typed with accents, as typed: "may" in "Dệt may" is no "mấy".
NOT_NAME_TYPED = set("""có thì đã được bao mấy ai ở tại năm lần khóa là như thế vậy sao nợ trả của từ tôi mình em
anh chị bạn họ này đó ấy kia và với cho nhận trợ tổ chức đóng góp người công nhân đoàn viên bị khi nào đâu gì ra
tỉnh thành phố huyện quận xã vào về trong đến trao tặng ký đạt giành xếp ủng hộ làm phát động gặp thăm""".split())
# Verbs of two syllables the union's news uses, as typed: a company's lowercase name ends before one ("công ty may
# hỗ trợ …" names no "may hỗ"). Only those whose first syllable alone may be a name's ("hỗ", "chi", "kết"); a verb
# opening with a word of `NOT_NAME_TYPED` ("tổ chức", "trao tặng", "ủng hộ") ends the name there already.
_VERBS_TYPED = set("""hỗ trợ|tham gia|khen thưởng|tuyên dương|kết nạp|chăm lo|tri ân|diễn ra|phối hợp|triển khai|
chi trả|khám bệnh|tập huấn|vận động|bàn giao|thưởng tết|bầu ra""".replace("\n", "").split("|"))
_NAME_WORD = re.compile(r"\s+([^\s,.;:!?()“”\"]+)")


def _bridged(text: str, end: int) -> int:
    """The end of a capitalised name, past lowercase words that lead to another capitalised word
    of the same name ("Điện lực miền Bắc"); an all-capitals word (an abbreviation: "BHXH") does not."""
    pos, gap = end, 0
    while gap <= _BRIDGE:
        m = _NAME_WORD.match(text, pos)
        if not m:
            return end
        w = m.group(1)
        if w[:1].isupper() and not (w.isupper() and len(w) > 1):
            end = pos = m.end()  # and the capitalised words after it
            gap = 0
            continue
        stop = w.lower() in NOT_NAME_TYPED if has_diacritics(text) else fold(w).lower() in NOT_IN_NAME
        if not w[:1].islower() or stop:
            return end
        pos, gap = m.end(), gap + 1
    return end


def bridged_words(name: str, rest: str) -> list[str]:
    """The words of `rest` that continue the capitalised name ending `name` (`_bridged`: lowercase words
    leading to another capitalised word of it, "may Hòa Thọ" after "Dệt"), stripped of punctuation."""
    text = f"{name} {rest}"
    end = _bridged(text, len(name))
    return [w.strip(",.;:!?") for w in text[len(name):end].split()]


def cycle_years(text: str) -> list[str]:
    """The years `text` names by the sexagenary cycle after "tết / xuân / năm" ("Tết Ất Tỵ" → ["2025"],
    `notfound.lunar_years`): a year as surely as its digits."""
    return sorted(str(lunar_year_number(n)) for n in lunar_years(fold(normalize(text)).lower()) if lunar_year_number(n))


def company_spans(text: str) -> list[tuple[int, int, int, int]]:
    """(start, end, name start, name end) of each company `text` names (`_COMPANY`, its name past
    lowercase syllables inside it: `_bridged`; typed wholly without accents, also
    `_COMPANY_UNACCENTED`, its name cut before the first word of the question)."""
    out = []
    for m in _COMPANY.finditer(text):
        name_end = _bridged(text, m.start(1) + len(m.group(1).rstrip()))
        out.append((m.start(), max(m.end(), name_end), m.start(1), name_end))
    if has_diacritics(text):
        return out
    folded = fold_same_length(text).lower()
    for m in _COMPANY_UNACCENTED.finditer(folded):
        if any(a <= m.start() < b for a, b, _, _ in out):
            continue
        end, pos = m.start(1), m.start(1)
        for w in re.finditer(r"[a-z0-9&.-]+", folded[m.start(1):m.end(1)]):
            if w.group() in NOT_IN_NAME and pos > m.start(1):
                break
            if w.group() in NOT_IN_NAME:
                end = pos
                break
            end = m.start(1) + w.end()
            pos = end
        end = min([a for a, _ in place_spans(text) if m.start(1) < a < end] + [end])  # "cty hao lam ha tinh"
        if end > m.start(1) and folded[m.start(1):end].split() and folded[m.start(1):end].split()[0] not in _NOT_NAME:
            end = m.start(1) + len(folded[m.start(1):end].rstrip())
            out.append((m.start(), end, m.start(1), end))
    return sorted(out)


# A company's kind typed with accents, then its name typed in lowercase ("cty giày da tiền hải"); not "doanh nghiệp"
# ("doanh nghiệp chưa …" is any firm), "tổng công ty" (its "công ty" reads it), "hãng" / "ngân hàng" / "tập đoàn"
# (a name after them is capitalised or a brand: `_COMPANY` reads it).
_LOWER_COMPANY = re.compile(rf"(?<!\w)(?i:{'|'.join(kinds_but('doanh nghiệp', 'tổng công ty', 'hãng', 'ngân hàng', 'tập đoàn'))})\s+")
MAX_COMPANY_WORDS = 4  # a company's own name is short ("giày da Tiền Hải"); longer runs are a clause


def lowercase_company(text: str) -> str | None:
    """A company named after its kind in lowercase in a message typed with accents ("còn clb nữ công của
    cty giày da tiền hải?", "còn ở công ty giày vĩnh hưng thanh hóa?"): its words up to a word of the
    question's own (`NOT_NAME_TYPED`, the question words), a number, a comma or a province (two words
    that name one, however capitalised) — two words at least, at most `MAX_COMPANY_WORDS`. Not read as a company in general
    (`values`: "công ty may mặc" may be any); a follow-up that contrasts companies reads it so
    (`followup.new_values`). None when there is none or the name is capitalised (`_COMPANY` reads it)."""
    typed = normalize(text)
    if not has_diacritics(typed):
        return None
    for m in _LOWER_COMPANY.finditer(typed):
        words = typed[m.end():].split()
        bares = [w.strip(",.;:!?") for w in words]
        name: list[str] = []
        for i, (w, bare) in enumerate(zip(words, bares)):
            if (not bare or not bare.isalpha() or bare.lower() in NOT_NAME_TYPED or not bare[:1].islower()
                    or " ".join(bares[i:i + 2]).lower() in _VERBS_TYPED
                    or places(with_accents(fold(" ".join(bares[i:i + 2])))) or len(name) == MAX_COMPANY_WORDS):
                break
            name.append(bare)
            if bare != w:
                break
        if len(name) >= 2:  # a kind and one lowercase word is a kind of company ("công ty may"), no name
            return " ".join(name)
    return None


# A province whose unaccented name is also ordinary words ("phu tho", "long an") after its kind.
_KIND_PLACE = re.compile(r"(?<!\w)(?:tinh|thanh pho|tp)\s+(" + "|".join(sorted(AMBIGUOUS_FOLDED, key=len, reverse=True))
                         + r")(?!\w)")


# A year as members write one, and two joined by a hyphen or a dash: a term ("2018 - 2023").
_YEAR = r"(?:19[4-9]\d|20\d\d)"
# Not the year of a whole date ("8/3/2025", "9-2024", "9.2024"): a date keeps its year when a year is cut or swapped.
_NOT_IN_DATE = r"(?<![\w/.-])"
_DASH = r"\s*[-–—]\s*"  # hyphen, en and em dash: a term is written with any of them
_TERM = rf"{_YEAR}{_DASH}{_YEAR}"
# A year or a term as a question names its occasion ("năm 2023", "nhiệm kỳ 2018-2023"), with its lead word: the one
# pattern for where a year is written, whether it is cut, swapped or said again (folded).
_YEARS = re.compile(rf"{_NOT_IN_DATE}(?:(?:nam|nhiem ky)\s+)?(?:{_TERM}|{_YEAR})(?![\d/])")

# A district by its name, with its kind: "huyện Đông Anh", "quận Ô Môn" (capitalised words). The kind
# typed without accents ("quan", "huyen") counts only in a message typed wholly without them, and
# never after "co / lien / tham / hai": "cơ quan Bộ Y tế", "liên quan", "tham quan" are no districts.
_NAMED = rf"{CAPITAL_WORD}(?:\s+{CAPITAL_WORD})*"
_DISTRICT = re.compile(rf"(?<!\w)(?i:huyện|quận|thị xã)\s+{_NAMED}")
_DISTRICT_UNACCENTED = re.compile(rf"(?<!\w)(?i:huyen|quan|thi xa)\s+{_NAMED}")
_QUAN_WORDS = {"co", "lien", "tham", "hai"}


def _district_spans(text: str) -> list[tuple[int, int]]:
    kinds = [_DISTRICT] if has_diacritics(text) else [_DISTRICT, _DISTRICT_UNACCENTED]
    folded = fold_same_length(text).lower()
    out = []
    for kind in kinds:
        for m in kind.finditer(text):
            before = folded[:m.start()].split()
            if not (before and before[-1] in _QUAN_WORDS):  # "cơ quan …" is no district
                out.append(m.span())
    return out


# The centrally-run cities (`places` keys) in the years the articles span: "thành phố", not "tỉnh".
_CITIES = places("Hà Nội, Hồ Chí Minh, Hải Phòng, Đà Nẵng, Cần Thơ")


def is_district(place: str) -> bool:
    """A place swapped in that is a district with its kind ("huyện Đông Anh")."""
    return any(s == 0 for s, _ in _district_spans(place))


def named_place_spans(text: str, districts: bool = True) -> list[tuple[int, int]]:
    """`places.place_spans`, an ambiguous unaccented name after "tinh / thanh pho" ("tinh Phu Tho"),
    and a district with its kind ("huyện Đông Anh": a place below the province, which it replaces)."""
    spans = place_spans(text)
    extra = [m.span(1) for m in _KIND_PLACE.finditer(fold_same_length(text).lower())
             if not any(a <= m.start(1) < b for a, b in spans)]
    extra += [(a, b) for a, b in _capitalised_ambiguous(text) if not any(x < b and a < y for x, y in spans + extra)]
    extra += [(a, b) for a, b in (_district_spans(text) if districts else [])
              if not any(x < b and a < y for x, y in spans)]
    return sorted(spans + extra)


def _capitalised_ambiguous(text: str) -> list[tuple[int, int]]:
    """A province whose unaccented name is also ordinary words, typed without accents but with each
    word capitalised past the message's first word ("con Ha Nam?", "the o Long An thi sao"): the
    capitals make it a name, as the accents would."""
    folded = fold_same_length(text).lower()
    out = []
    for m in _AMBIGUOUS.finditer(folded):
        typed = text[m.start():m.end()]
        if m.start() > 0 and not has_diacritics(typed) and all(w[:1].isupper() for w in typed.split()):
            out.append(m.span())
    return out


_AMBIGUOUS = re.compile(r"(?<!\w)(" + "|".join(sorted(AMBIGUOUS_FOLDED, key=len, reverse=True)) + r")(?!\w)")


def _ambiguous_spans(text: str) -> list[tuple[int, int]]:
    """Unaccented province names that are also ordinary words ("binh dinh", "long an") anywhere:
    read as the old question's province only when a follow-up names a new one to swap in."""
    folded = fold_same_length(text).lower()
    return [m.span() for m in _AMBIGUOUS.finditer(folded) if folded[m.start():m.end()] == text[m.start():m.end()].lower()]


def lowercase_provinces(text: str) -> list[str]:
    """Provinces whose names are also ordinary words, typed in lowercase ("thế trường nghề ha nam
    thì …", "bên điện lực thái bình"): without accents, or with the province's own accents;
    names of two syllables or more (a lone "hue" is too many things). Not read as places in general
    (`_ambiguous_spans`); a follow-up that contrasts places reads them so (`followup.new_values`,
    `continuation._names_places`)."""
    folded = fold_same_length(text).lower()
    out = []
    for m in _AMBIGUOUS.finditer(folded):
        typed = text[m.start():m.end()]
        if " " not in typed or typed != typed.lower():
            continue
        if not has_diacritics(typed) or typed == with_accents(fold(typed)).lower():
            out.append(typed)
    return out


def lowercase_accented_provinces(text: str) -> list[str]:
    """Provinces typed in lowercase with their accents ("thế quảng ninh năm 2024 thì …", "thế thanh hoá …"),
    as typed, in order: members chatting type accents without capitals, and `named_place_spans` reads
    only capitalised names. A follow-up that contrasts places reads them so (`followup.new_values`);
    `places.lowercase_places` decides which words are a province (the ones that are also ordinary
    words in lowercase only after "tỉnh / thành phố")."""
    text = normalize(text)
    folded = fold_same_length(text).lower()
    out = []
    for key in lowercase_places(text):
        forms = "|".join(re.escape(f) for f in sorted(folded_forms(key), key=len, reverse=True))
        for m in re.finditer(rf"(?<!\w)(?:{forms})(?!\w)", folded):
            typed = text[m.start():m.end()]
            if typed == typed.lower() and has_diacritics(typed):
                out.append((m.start(), typed))
                break
    return [t for _, t in sorted(out)]


def _roman(n: int) -> str:
    out = ""
    for v, s in ((100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= v:
            out, n = out + s, n - v
    return out


@dataclass
class Values:
    """What a follow-up names that may replace the previous topic's: typed as the member wrote it."""
    years: list[str]
    ordinal: str | None  # the value as a roman numeral or digits ("XV", "2"); "I" for "lần đầu"
    place: str | None
    company: str | None
    term: str | None = None  # a term of office, "2025-2030": swapped whole, not year by year
    restated: bool = False  # the message says the old question's year or ordinal again: it still holds
    # A unit or place named after "ở / tại" that is no province or company ("còn ở Yamaha …"): the
    # article that answers must name it (`followup.new_values`).
    unit: str | None = None
    # How the ordinal was led ("lan" for "lần thứ / lần", "khoa" for "khóa / Đại hội / nhiệm kỳ thứ"):
    # a question with two ("khóa III lần thứ 5") swaps the one of the same kind.
    ordinal_kind: str | None = None
    # Another sector's union in place of the previous question's ("ngành Y tế" after "ngành Giáo
    # dục"): set by `followup.new_values` only when the previous question names a sector (`sector_of`).
    sector: str | None = None
    # Another numbered group of the same kind in place of the previous question's ("tổ 5" after "Tổ 3
    # …", "cụm số 4" after "cụm thi đua số 2"): its number, set by `followup.new_values` only when the
    # previous question names a group of that kind with a number (`group_of`).
    group: str | None = None
    # The word a bare ordinal was led with, as typed ("đợt" in "đợt II", "kỳ", "vòng": `_BARE_LEAD`): written back
    # with it where the old question names no ordinal ("… đợt II", not "… lần thứ II" — an article that counts
    # batches writes "đợt II", and the answer step looks for the words asked).
    ordinal_lead: str | None = None
    # Another date of the same form in place of the previous question's ("tháng 8/2025" after "tháng 4/2025", "1/1/2026"
    # after "1/7/2024"): its day and month with its year, set by `followup.new_values` only then (`same_date_form`).
    date: str | None = None
    # The message says the old question's ordinal again ("lần thứ VI" said once more), not only its year: with another
    # province or sector swapped in, only a restated ordinal still holds (`swap`).
    restated_ordinal: bool = False

    def __bool__(self) -> bool:
        return bool(self.years or self.ordinal or self.place or self.company or self.term or self.unit
                    or self.sector or self.group or self.date)

    def spans(self, text: str, districts: bool = True) -> list[tuple[int, int]]:
        """Where in `text` (normalized) these values are written, with their lead words (a
        district's name, "huyện Yên Phong", also names a topic: `districts=False` leaves it)."""
        folded = fold_same_length(text).lower()
        out = [m.span() for m in _YEARS.finditer(folded)]  # a term or a year, as `values` reads them
        out += [m.span() for m in ORDINAL.finditer(folded)] + [m.span() for m in _FIRST_TIME.finditer(folded)]
        if not ORDINAL.search(folded):
            out += [_bare_span(folded, m) for m in _BARE_ROMAN.finditer(text) if ordinal_value(m.group(1).lower()) > 0]
        out += [(s - 2, e) if re.search(r"(?<!\w)o $", folded[max(0, s - 3):s]) else (s, e) for s, e in named_place_spans(text, districts)]
        out += [m.span() for m in _KIND_PLACE.finditer(folded)] + [(a, b) for a, b, _, _ in company_spans(text)]
        if self.place and (districts or not is_district(self.place)):  # the place held, however typed ("ha nam" in lowercase, read as a place by context)
            place = re.escape(" ".join(fold(self.place).lower().split()))
            out += [m.span() for m in re.finditer(rf"(?<!\w)(?:o\s+)?{place}(?!\w)", folded)]
        if self.company:  # the company held, however typed ("cty giày da tiền hải" in lowercase, read by context)
            company = re.escape(" ".join(fold(self.company).lower().split()))
            out += [m.span() for m in re.finditer(rf"(?<!\w)(?:(?:{fold(_KINDS)})\s+)?{company}(?!\w)", folded)]
        if self.unit:
            unit = re.escape(" ".join(fold(self.unit).lower().split()))
            out += [m.span() for m in re.finditer(rf"(?<!\w)(?:o|tai)\s+{unit}(?!\w)", folded)]
        if self.sector:  # with its lead words: "công đoàn ngành Y tế" says the sector and nothing more
            out += [m.span() for m in _SECTOR.finditer(folded)]
        if self.group:  # the group's kind and number: "tổ 5", "cụm thi đua số 4"
            out += [m.span() for m in _GROUP.finditer(folded)]
        if self.date:  # with its lead word: "tháng 8/2025"
            out += [m.span() for m in _DATE.finditer(folded)]
        return out


def value_spans(text: str) -> list[tuple[int, int]]:
    """Where `text` writes a value of any kind a follow-up swaps (a term, a year, an ordinal, a province, a
    company), with its lead words: `Values.spans` of a message that holds none of its own."""
    return Values([], None, None, None).spans(text)


def values(text: str) -> Values:
    text = normalize(text)
    folded = fold_same_length(text).lower()
    ordinal = kind = said = None
    m = ORDINAL.search(folded)
    if m and (m.group(2).isdigit() or ordinal_value(m.group(2)) > 0):
        ordinal, kind = m.group(2).upper(), _ordinal_kind(m.group(1))
    elif _FIRST_TIME.search(folded):
        ordinal = "I"
    else:
        bare = next((b for b in _BARE_ROMAN.finditer(text) if ordinal_value(b.group(1).lower()) > 0), None)
        ordinal = bare.group(1) if bare else None
        lead = _BARE_LEAD.search(folded[:bare.start()]) if bare else None
        said = text[lead.start(1):lead.end(1)] if lead else None
    spans = named_place_spans(text)
    company = company_spans(text)
    term = TERM.search(text)
    return Values(YEAR.findall(text), ordinal, text[spans[0][0]:spans[0][1]] if spans else None,
                  text[company[0][2]:company[0][3]] if company else None, term.group(0) if term else None,
                  ordinal_kind=kind, ordinal_lead=said)


# The words that lead a batch, round or session by its number ("đợt II", "kỳ III", "vòng II"; folded), before a bare
# roman numeral.
_BARE_LEAD = re.compile(r"(?<!\w)(dot|ky|vong)\s+$")


def _bare_span(folded: str, m: re.Match) -> tuple[int, int]:
    """Where a bare ordinal is written, with the word that leads it ("đợt II") when there is one."""
    lead = _BARE_LEAD.search(folded[:m.start()])
    return (lead.start(1) if lead else m.start(), m.end())


# The sectors a union of workers in one trade is named by ("Công đoàn ngành Giáo dục", "Công đoàn Y tế
# tỉnh …", "ngành Điện lực"), folded → as written; general Vietnamese names of public and economic sectors.
SECTORS = {fold(n).lower(): n for n in """giáo dục|giáo dục và đào tạo|y tế|công thương|giao thông vận tải|giao thông|
xây dựng|nông nghiệp và phát triển nông thôn|nông nghiệp|tài chính|ngân hàng|dệt may|điện lực|cao su|dầu khí|
bưu điện|thông tin và truyền thông|thông tin truyền thông|văn hóa|văn hóa thể thao và du lịch|du lịch|thủy sản|
than khoáng sản|hàng không|đường sắt|hàng hải|tư pháp|thuế|hải quan|kho bạc|viên chức|công nghiệp|thương mại|
lâm nghiệp|tài nguyên và môi trường|khoa học và công nghệ|lao động thương binh và xã hội|nội vụ|kế hoạch và đầu tư""".replace(
    "\n", "").split("|")}
# A sector after the words that make it a union's or a trade's ("công đoàn (ngành) …", "ngành …"), folded:
# "bảo hiểm y tế" names no sector.
_SECTOR = re.compile(r"(?<!\w)(?:cong doan\s+(?:nganh\s+)?|nganh\s+)("
                     + "|".join(sorted(map(re.escape, SECTORS), key=len, reverse=True)) + r")(?!\w)")


# A year written within a date ("tháng 7/2025", "8/3/2024"): not a year `values` swaps, yet a time the text names.
_DATED_YEAR = re.compile(rf"((?<!\d)\d{{1,2}}[/.-])({_YEAR})(?!\d)")  # "8/3/2025", "tháng 9-2024", not a term "2018-2023"


def names_own_time(text: str) -> bool:
    """`text` names a year of its own besides those `values` reads: within a date ("đợt kiểm tra tháng
    7/2025") or by the sexagenary cycle after "tết / xuân / năm" ("tết Giáp Thìn", `notfound.lunar_years`).
    A follow-up that names another event so keeps none of the old topic's year."""
    return bool(_DATED_YEAR.search(text) or lunar_years(fold(normalize(text)).lower()))


# The nouns an event is named by ("Hội thao", "Ngày hội", "Lễ …"): a name led by one is an occasion of the union's
# year, not a company's name. Folded; the observances ("Tết", "Trung thu") are `OCCASION_RX`'s, read anywhere.
_EVENT_LEAD = re.compile(r"(?:ngay|thang|le|hoi thao|hoi thi|hoi dien|hoi nghi|dai hoi|lien hoan|giai|cuoc thi|"
                         r"chuong trinh|dip|xuan)\b")


def names_event(text: str) -> bool:
    """`text` names an event or an observance (`_EVENT_LEAD`, an occasion of `notfound.OCCASION_RX`, a time of its
    own): a follow-up "còn Tết Nguyên đán?" moves the occasion, not the workplace the old question named."""
    folded = fold(normalize(text)).lower().strip()
    return bool(_EVENT_LEAD.match(folded) or any(rx.search(folded) for _, rx in OCCASION_RX) or names_own_time(text))


def sector_of(text: str) -> tuple[int, int] | None:
    """Where the first sector `text` names is written (`_SECTOR`: its name only, without the lead
    words), or None."""
    m = _SECTOR.search(fold_same_length(normalize(text)).lower())
    return m.span(1) if m else None


def _sector_like(old: str, new: str, accented: bool) -> str:
    """The new sector written as the old one is: with accents when the question has them (as the
    table writes it), capitalised when the old one was ("ngành Giáo dục" → "ngành Y tế")."""
    name = SECTORS.get(fold(new).lower(), new) if accented else _unaccented(new)
    return name[:1].upper() + name[1:] if old[:1].isupper() else name[:1].lower() + name[1:]


# A numbered group of workers or units, folded: its kind ("tổ", "cụm", "khối", "đội", "nhóm"), up to
# three words of its name ("tổ công tác", "cụm thi đua") and its number, after "số" or right after the
# kind or "thi đua" ("Tổ 3", "cụm thi đua 8", "khối số 2"); not "tổ chức" nor a date ("tổ 5/2024").
_GROUP = re.compile(r"(?<!\w)(to|cum|khoi|doi|nhom)(?!\s+(?:chuc|ngu|moi)\b)"
                    r"(?:(?:\s+[a-z]+){0,3}?\s+so|\s+thi dua(?:\s+so)?)?\s+0*(\d{1,3})(?![\d/.,-]\w|\w)")


def group_of(text: str) -> tuple[str, str, tuple[int, int]] | None:
    """(its kind folded, its number, where the number is written) of the first numbered group `text`
    names (`_GROUP`), or None."""
    m = _GROUP.search(fold_same_length(normalize(text)).lower())
    return (m.group(1), m.group(2), m.span(2)) if m else None


def _ordinal_kind(lead: str) -> str:
    """"lan" for a meeting counted by "lần (thứ)", "khoa" for a term counted by "khóa / Đại hội /
    nhiệm kỳ thứ"."""
    return "lan" if lead.startswith("lan") else "khoa"


# A term of office ("nhiệm kỳ 2023-2028", "2018 - 2023"): two years, one occasion.
TERM = re.compile(rf"(?<!\d){_TERM}(?!\d)")
_YEAR_PAIR_SEP = re.compile(_DASH)


def _only_term(question: str, term: re.Match) -> bool:
    """The term is a body's term ("nhiệm kỳ 2018-2023", "khóa … 2020-2025") and the question names no year
    besides it: then a new year asked opens another term. A plan's period ("giai đoạn 2021-2025") beside the
    year the question is about ("Năm 2024, …") stays, and the year is swapped."""
    before = fold_same_length(question[:term.start()]).lower()
    rest = question[:term.start()] + question[term.end():]
    return bool(re.search(r"(?:nhiem ky|khoa\s+[ivxlc\d]+)\s*$", before)) and not YEAR.search(rest)


def shifted_term(term: str, year: str) -> str:
    """The term of the same length opened in `year`, written as `term` is ("2018 - 2023" and 2024 →
    "2024 - 2029")."""
    first, last = (int(y) for y in re.findall(r"\d{4}", term))
    sep = _YEAR_PAIR_SEP.search(term).group(0)
    return f"{year}{sep}{int(year) + last - first}"


def same_term(a: str, b: str) -> bool:
    """One term however it is typed: "2018-2023", "2018 – 2023" and "2018–2023" (a hyphen or a dash)."""
    return _YEAR_PAIR_SEP.sub("-", a) == _YEAR_PAIR_SEP.sub("-", b)


def same_ordinal(a: str | None, b: str | None) -> bool:
    """The same ordinal however written ("XI", "11")."""
    if a is None or b is None:
        return False
    value = lambda v: int(v) if v.isdigit() else ordinal_value(v.lower())  # noqa: E731
    return value(a) == value(b)


def ordinal_number(value: str) -> int:
    """The number an ordinal value stands for ("XI" and "11": 11)."""
    return int(value) if value.isdigit() else ordinal_value(value.lower())


def ordinal_like(old: str, new: str) -> str:
    """The new ordinal written the way the old question writes its own (roman or digits)."""
    if old.isdigit() == new.isdigit():
        return new
    n = int(new) if new.isdigit() else ordinal_value(new.lower())
    return str(n) if old.isdigit() else _roman(n)


_AT_NAME = re.compile(r"(?<!\w)(?:ở|tại)\s+")


def with_unit(question: str, unit: str) -> str | None:
    """`question` with the unit it names after "ở / tại" ("Công đoàn ở Yamaha tặng …": capitalised words, up to
    `MAX_UNIT_WORDS`, no province or company of their own) replaced by `unit` — as a company swapped in replaces
    the old company: "còn ở Honda thì sao?" asks the same question of Honda, not of Yamaha and Honda both. None when
    it names no such unit (the new unit is then added, `swap`)."""
    for at in _AT_NAME.finditer(question):
        words = []
        for w in question[at.end():].split():
            bare = w.strip(",.;:!?")
            if not bare or not bare[:1].isupper() or bare.lower() in NOT_NAME_TYPED:
                break
            words.append(bare)
            if bare != w or len(words) == MAX_UNIT_WORDS:
                break
        name = " ".join(words)
        if not name or values(name) or company_spans(name):
            continue
        start = at.end()
        return question[:start] + unit + question[start + len(name):]
    return None


def swap(question: str, new: Values) -> str:
    """`question` with the new values in place of its own. An ordinal and a year name the same
    occasion, and an ordinal counts one body's meetings: when one of them (or the province)
    changes, the old other one no longer holds and is dropped."""
    q = normalize(question)
    tail = ""
    if new.ordinal:
        found = list(ORDINAL.finditer(fold_same_length(q).lower()))
        m = next((o for o in found if _ordinal_kind(o.group(1)) == new.ordinal_kind), found[0] if found else None)
        if m:
            q = q[:m.start(2)] + ordinal_like(m.group(2), new.ordinal) + q[m.end(2):]
        else:
            tail += f" {new.ordinal_lead or 'lần thứ'} {new.ordinal}"
    elif (new.years or new.place or new.term or new.sector) and not new.restated:
        q = _drop_ordinal(q)  # another sector's union counts its own congresses too
    elif (new.place or new.sector) and not new.restated_ordinal:
        # "vậy ở tỉnh B năm 2024 thì sao?" after "… lần thứ VI năm 2024 ở tỉnh A …": the year said again still holds,
        # the ordinal does not — it counted province A's own editions, and B's event of that year has its own.
        q = _drop_ordinal(q)
    old_term = TERM.search(q)
    gone = None  # where the old occasion's year was cut out: the new values go there
    if new.term and old_term:
        q = q[:old_term.start()] + new.term + q[old_term.end():]
    elif new.term and not new.years:
        # A term names the occasion as a year does ("còn khóa VI nhiệm kỳ 2018-2023?" after a question
        # about the congress of 2023): the topic's own year was the old occasion's and goes, unless said again.
        if not new.restated:
            q, gone = _drop(q, _YEARS)
        tail += f" nhiệm kỳ {new.term}"
    elif new.years and old_term and not new.restated and _only_term(q, old_term):
        # "còn năm 2024?" after "nhiệm kỳ 2018-2023": the term that year opens, as long as the old one
        # (a congress opens its term in its own year) — never one year of the range swapped ("2024-2023").
        q = q[:old_term.start()] + shifted_term(old_term.group(0), new.years[0]) + q[old_term.end():]
    elif new.years:
        q = _without_lunar_years(q, new.years[0])
        if YEAR.search(q):
            q = YEAR.sub(new.years[0], q, count=1)
        elif _DATED_YEAR.search(q):
            # "Dịp 27/7/2024, …" then "còn năm 2025?": the occasion's day in the new year, not both years
            q = _DATED_YEAR.sub(rf"\g<1>{new.years[0]}", q, count=1)
        else:
            tail += f" năm {new.years[0]}"
    elif new.ordinal and not new.restated:
        q, gone = _drop(q, _YEARS)
    if new.place:
        # In a question typed with accents, the province as the table writes it (the search reads
        # an accented question as typed, without restoring the accents of "Dong Nai").
        # In one typed without them, without accents: an accented place would make the question read
        # as accented, and its company ("Cong ty …") would no longer be found to swap.
        place = with_accents(new.place) if has_diacritics(q) else _unaccented(new.place)
        spans = named_place_spans(q) or _ambiguous_spans(q)
        if spans:
            # A district replaces a district, a province a province ("huyện A, tỉnh B" + "còn ở C"):
            # the place of the same kind, else the first.
            districts = set(_district_spans(q))
            s, e = ([sp for sp in spans if (sp in districts) == is_district(place)] or spans)[0]
            kind = re.search(r"(?<!\w)(?:tinh|thanh pho|tp)\.?\s+$", fold_same_length(q[:s]).lower())
            if kind and is_district(place):  # "TP Hải Phòng" → "huyện Đông Anh", not "TP huyện …"
                s = kind.start()
            elif kind and places(place):
                # The kind goes with the place: a centrally-run city is no "tỉnh" ("tỉnh Bình Dương" →
                # "thành phố Cần Thơ"), a province no "thành phố".
                city = bool(places(place) & _CITIES)
                if city != (fold(kind.group(0)).lower().strip(" .") != "tinh"):
                    written = "thành phố " if city else "tỉnh "
                    shift = kind.start() + len(written) - s
                    q, s, e = q[:kind.start()] + written + q[s:], s + shift, e + shift
            q = q[:s] + place + q[e:]
        else:
            tail += f" ở {place}"
    if new.company:
        found = company_spans(q)
        if found:
            q = q[:found[0][2]] + (new.company if has_diacritics(q) else _unaccented(new.company)) + q[found[0][3]:]
        else:
            tail += f" công ty {new.company}"
    old_group = group_of(q) if new.group else None
    if old_group:  # "Tổ 3 của …" → "Tổ 5 của …": the same event, another group
        a, b = old_group[2]
        q = q[:a] + new.group + q[b:]
    at = sector_of(q) if new.sector else None
    if at:  # "Công đoàn ngành Giáo dục tỉnh …" → "Công đoàn ngành Y tế tỉnh …"
        q = q[:at[0]] + _sector_like(q[at[0]:at[1]], new.sector, has_diacritics(q)) + q[at[1]:]
    old_date = next((m for m in _DATE.finditer(fold_same_length(q).lower()) if same_date_form(m.group(0), new.date)),
                    None) if new.date else None
    if old_date:  # "… tháng 4/2025 …" → "… tháng 8/2025 …": the day and month with the year
        q = q[:old_date.start(1)] + new.date + q[old_date.end(2):]
    q = " ".join(q.split())
    if new.unit and (moved := with_unit(q, new.unit)) is not None:  # "… ở Yamaha …" → "… ở Honda …"
        q = moved
    elif new.unit:  # "… Bữa cơm công đoàn ở Yamaha?": where the old question's event took place
        end = "?" if q.endswith("?") else ""
        q = f"{q.rstrip('?').rstrip()} ở {new.unit}{end}"
    if not tail:
        return q
    # With the values the question already names ("Đại hội … Nghệ An nhiệm kỳ 2023-2028 lần thứ XI
    # có …"), not after its question ("… có bao nhiêu đại biểu lần thứ XI?").
    named = [e for _, e in value_spans(q)]
    if named or gone is not None:
        # Or where the old year was ("Đại hội … lần thứ VI có …", not "… có bao nhiêu đại biểu lần thứ VI?").
        at = max(named) if named else gone
        return _tidy(q[:at] + tail + q[at:])
    end = "?" if q.endswith("?") else ""
    return q.rstrip("?").rstrip() + tail + end


def _unaccented(text: str) -> str:
    """`text` without accents, its capitals kept ("Đồng Nai" → "Dong Nai")."""
    return "".join(fold(c).upper() if c.isupper() else (fold(c) or c) for c in text)


def _drop_ordinal(text: str) -> str:
    """Without its ordinal: "lần thứ XI" goes whole, "Đại hội XIII" keeps "Đại hội"."""
    m = ORDINAL.search(fold_same_length(text).lower())
    if not m:
        return text
    start = m.start(2) if m.group(1) == "dai hoi" else m.start()
    return _tidy(text[:start] + text[m.end():])




def _without_lunar_years(question: str, year: str) -> str:
    """`question` without the years it names by the sexagenary cycle ("Tết trồng cây Xuân Giáp Thìn 2024") that
    are not `year`, the year swapped in: "Giáp Thìn" is 2024 as surely as the digits are, so "còn năm 2025?"
    asks of another Tết. Only a cycle name after its lead word (`notfound.LUNAR_YEAR`: alone, "Quý Mão" may be a
    person); the lead word stays when it names the occasion ("Tết", "Xuân") and goes when it is "năm"."""
    folded = fold_same_length(question).lower()
    cuts = [(m.start() if m.group(0).startswith("nam") else m.start(1), m.end()) for m in LUNAR_YEAR.finditer(folded)
            if lunar_years(m.group(0)) and lunar_year_number(f"{m.group(1)} {m.group(2)}") != int(year)]
    return _cut(question, cuts) if cuts else question


def _cut(text: str, spans: list[tuple[int, int]]) -> str:
    """`text` without the (start, end) spans (of its same-length folding; overlapping ones once), the ends of
    each gap joined, spaces before a comma or question mark taken out."""
    out, last = [], 0
    for s, e in sorted(spans):
        if s < last:
            continue
        out.append(text[last:s])
        last = e
    out.append(text[last:])
    return _tidy("".join(out)).strip(" ,")


def _tidy(text: str) -> str:
    """Words joined by single spaces, none before a comma or a question mark: a question with a piece cut out
    or put in, read as a member would type it."""
    return " ".join(text.split()).replace(" ,", ",").replace(" ?", "?")


def _drop(text: str, rx: re.Pattern) -> tuple[str, int | None]:
    """`text` without what `rx` (a folded pattern) finds, the ends of the gap joined, and where the first
    cut was in the result (None when nothing was cut)."""
    folded = fold_same_length(text).lower()
    keep, last, first = [], 0, None
    for m in rx.finditer(folded):
        keep.append(text[last:m.start()])
        last = m.end()
        if first is None:
            first = len(_tidy("".join(keep)))
    keep.append(text[last:])
    return _tidy("".join(keep)), first


# Words at the edges of a question's topic piece that belong to its old slot, not to the event:
# prepositions before it ("Tại Lễ …") and the old predicate after it ("… diễn ra vào", "… có", "… trao",
# "… vào những", "… khoảng": what led to the old question phrase).
_EDGE = set("""tai trong o vao theo khi nhan dip cua cho voi va thi la co duoc da se dien ra to chuc trao bau
nhan du tham ho tro gom dat tong nhung cac khoang lam xay""".split())
# The same as typed with accents: "Tháng Công nhân" ends in no "nhận", "Hội thi" in no "thì".
_EDGE_TYPED = set("""tại trong ở vào theo khi dịp của cho với và thì là có được đã sẽ diễn ra tổ chức trao bầu
nhận dự tham hỗ trợ gồm đạt tổng những các khoảng làm xây dựng tặng đưa chở""".split())


def named_at(words: list[str], i: int) -> bool:
    """Whether the i-th word names something: capitalised (not merely first), a year, an ordinal
    value, or a quoted name."""
    w = words[i].strip("“”\"'(),:;")
    if not w:
        return False
    if YEAR.fullmatch(w) or re.fullmatch(r"[IVXLC]{1,7}|\d{1,3}", w):
        return True
    if w[0].isupper():
        return not (i == 0 and fold(w).lower() in _EDGE)
    return words[i][:1] in "“\""


# Nouns whose first syllable is also an edge word ("Dự án …" is no "dự lễ", "Tổng Liên đoàn" no
# "tổng số", "Thi đua" no "thì"): at the topic's start they are the event's own words (folded pairs).
_COMPOUNDS = {"du an", "du thao", "du toan", "tong lien", "tong cong", "tong cuc", "tong giam", "tong ket",
              "co quan", "thi dua", "thi sinh", "trong tai", "nhan dan", "nhan vien"}


def _compound_at(words: list[str]) -> bool:
    """Whether the first two words are one noun of `_COMPOUNDS` ("Dự án", "Tổng công ty")."""
    return len(words) > 1 and " ".join(fold(w).lower().strip(",") for w in words[:2]) in _COMPOUNDS


def _trim(words: list[str], named_start: bool = False) -> list[str]:
    """Without the edge words at both ends; a capitalised one is a name ("Đà Nẵng": "đã" folds like
    "Đà"), except the first word of a question, capitalised by position ("Tại Lễ …")."""
    edge = lambda w: (w.lower().strip(",") in _EDGE_TYPED if has_diacritics(w)  # noqa: E731
                      else fold(w).lower().strip(",") in _EDGE)
    if not named_start:
        words = words[1:] if words and edge(words[0]) and not _compound_at(words) else words
        while words and edge(words[0]) and not words[0][:1].isupper() and not _compound_at(words):
            words = words[1:]
    while words and edge(words[-1]) and not words[-1][:1].isupper():
        words = words[:-1]
    return words


def topic(head: list[str], tail: list[str], predicate: bool = True) -> str:
    """The topic from the pieces of a question around its question phrases (`followup` cuts
    them): the pieces before the first question phrase (`head`) as they are, without the old
    slot's words at their edges; of the pieces after it, only what they name — from the first
    named word (capitalised, a year, an ordinal, a quoted name) on ("… tỉnh Lâm Đồng bị thiệt
    hại"): the rest is the old slot's predicate ("có …", "được khen thưởng"). Without `predicate`, also the
    old question's verb after the head's last value (`without_predicate`)."""
    cut = (lambda run: run) if predicate else without_predicate  # noqa: E731
    out = [" ".join(_trim(cut(" ".join(_trim(run.split()))).split())) for run in head]
    for n, run in enumerate(tail):
        words = run.split()
        if n == 0 and not "".join(out).strip() and not any(w[:1].isupper() and not _is_roman(w) for w in words):
            # "ai dan doan ldld tphcm den tham cong ty …": no head and nothing capitalised to say
            # where the names start; the whole run is the topic (not "… số 7" alone). A roman numeral is a value
            # written in capitals, no name: a lowercase question about a contest's "lan thu IV" keeps the contest.
            out.append(" ".join(_trim(words)))
            continue
        named = [i for i in range(len(words)) if named_at(words, i)]
        if named:
            start = named[0]
            while start and fold(words[start - 1]).lower() in _LEADS:  # "năm 2014", "nhiệm kỳ 2023-2028"
                start -= 1
            out.append(" ".join(_trim(words[start:], named_start=start == named[0])))
    return " ".join(" ".join(out).split()).strip(" ,;:")



# Words that say when or which time (folded: "năm", "lần", "đợt", "dịp", "kỳ", "lúc", "tháng", …): "năm đó" points
# back to a time, not to the topic's noun (`followup`).
WHEN_FOLDED = {"nam", "lan", "dip", "dot", "ky", "ki", "khi", "luc", "thang", "ngay", "tuan", "mua"}
# Time and edition words: lowercase words after a value that open with one qualify the event ("ở Bắc Ninh
# đợt đầu", "năm 2024 lần đầu tiên", "giải …", "nhiệm kỳ …"), they are no predicate.
_WHEN_WORDS = WHEN_FOLDED | {"giai", "nhiem"}


def without_predicate(run: str) -> str:
    """A topic piece without the old question's predicate after its last value: in a question typed with
    accents, Vietnamese names the event and its qualifiers (the year, ordinal, province, company) and then
    says what was done — "Ngày hội … lần thứ VI thu (được bao nhiêu)", "… tỉnh Phú Thọ kết nạp (bao nhiêu)",
    "… Công ty Giày Phú Thịnh được nâng lên (bao nhiêu)". A short run of lowercase words after the last
    value (`MAX_PREDICATE_WORDS`) is that verb, the old slot's, not the event's; a time or edition word
    ("đợt đầu") or a sector ("ngành y tế") there still qualifies the event and stays. Typed without
    accents the words cannot be told from names, so it stays too."""
    if not has_diacritics(run):
        return run
    ends = [b for _, b in value_spans(run)]
    if not ends:
        return run
    end = max(ends)
    rest = run[end:].split()
    if not rest or len(rest) > MAX_PREDICATE_WORDS or not run[:end].strip():
        return run
    if not all(w.isalpha() and w.islower() for w in rest) or fold(rest[0]).lower() in _WHEN_WORDS:
        return run
    if sector_of(fold_same_length(run).lower()) or group_of(run):
        return run
    return run[:end].rstrip()


# The words that lead a value ("năm 2014", "lần thứ XI", "nhiệm kỳ 2023-2028"): they go with it.
_LEADS = {"nam", "lan", "thu", "khoa", "nhiem", "ky", "thang"}


def held_by(question: str, text: str, names: tuple[str, ...] = ()) -> bool:
    """Whether an article's `text` (title, text, date) holds every year, ordinal, province and
    company `question` names, and the `names` given (a follow-up's unit, `Values.unit`): the
    occasion a swapped follow-up asks about, not the old one."""
    v = values(question)
    hay = folded_words(text)
    named = lambda name: folded_words(name) in hay  # noqa: E731
    if not all(named(n) for n in names) or not holds_occasion(question, text):
        return False
    if v.place and not (named(v.place) or places(v.place) & places(text)):
        return False
    return not v.company or named(v.company)


def holds_occasion(question: str, text: str, ordinal: bool = True, years: bool = True) -> bool:
    """Whether an article's `text` holds the occasion `question` names: its ordinals ("lần thứ V",
    whichever way the article writes them), its years written on their own (`writes_year`) — `ordinal`,
    `years` say which to check. An article that lacks them is not that occasion's, not even in passing:
    a chat whose first question was answered (or declined) from such an article never was on it."""
    v = values(question)
    if years and any(not writes_year(y, text) for y in v.years):
        return False
    return not (ordinal and missing_ordinals(fold(question).lower(), folded_words(text)))


_YEAR_SPAN = re.compile(rf"{_YEAR}{_DASH}{_YEAR}(?!\d)")


def writes_year(year: str, text: str) -> bool:
    """Whether `text` (an article: title, text, date) writes `year` on its own — not only as an end of a span
    of years ("nhiệm kỳ 2023–2028", "giai đoạn 2019–2024"). General news writing: a span names a term or a
    period; an article about the year's own event writes the year (or is dated in it), so an article that
    holds the year only in a span tells of another time ("cán bộ được bầu nhiệm kỳ 2023–2028" in a 2024
    report)."""
    bare = _YEAR_SPAN.sub(" ", fold(normalize(text)).lower())
    return bool(re.search(rf"(?<!\d){year}(?!\d)", bare))


def names_value(name: str, text: str, place: bool = False) -> bool:
    """Whether `text` (an article) names `name`: its words however accented, or — a province
    (`place`) — the same province however written ("TP HCM", "Hồ Chí Minh"); a district by its name
    without its kind ("huyện Thiệu Hóa": "Thiệu Hóa")."""
    hay = folded_words(text)
    if folded_words(name) in hay or (place and places(name) & places(text)):
        return True
    kind = _DISTRICT_KIND.match(fold(name).lower()) if place else None
    return bool(kind) and folded_words(name[kind.end():]) in hay


_DISTRICT_KIND = re.compile(r"(?:huyen|quan|thi xa|thanh pho|tp|tinh)\.?\s+")


def names_occasion(v: Values, text: str) -> bool:
    """Whether `text` (a passage) names any year, term or ordinal of `v`: the occasion a swapped
    follow-up asks about is written where its answer is ("Đại hội lần thứ VII năm 2018 có …"); a
    passage that names none of them reports another occasion."""
    hay = folded_words(text)
    if any(re.search(rf"(?<!\d){y}(?!\d)", hay) for y in v.years):
        return True
    if v.term and all(re.search(rf"(?<!\d){y}(?!\d)", hay) for y in YEAR.findall(v.term)):
        return True
    return bool(v.ordinal) and not missing_ordinals(f"lan thu {fold(v.ordinal).lower()}", hay)


# A target or plan ("đặt mục tiêu", "phấn đấu", "chỉ tiêu", "dự kiến"), folded: a sentence that sets one dates
# the plan by its year ("Năm 2025, LĐLĐ tỉnh đặt mục tiêu kết nạp 5.500 đoàn viên" in a 2024 report), not a fact.
_TARGET = re.compile(r"\b(?:muc tieu|phan dau|chi tieu|du kien)\b")


def tells_occasion(v: Values, sentence: str) -> bool:
    """`names_occasion` for the fact a sentence tells: the years it names only in passing left out — a
    comparison ("tăng 5 đội so với lần thứ V năm 2023"), a plan's year (`notfound.without_passing_years`),
    and every year of a sentence that sets a target (`_TARGET`). General news writing: a report of one
    year's event compares with an earlier one and sets the next one's targets; neither is that year's fact."""
    folded = without_passing_years(fold(normalize(sentence)).lower())
    if _TARGET.search(folded):
        v = Values([], v.ordinal, None, None, None)
    return names_occasion(v, folded)


# An observance as a question names it, with the words that lead it ("trong Tháng Công nhân", "dịp Tết",
# "nhân dịp Quốc khánh"); folded. The observances are the answer step's (`notfound._OCCASIONS`).
_OCCASION_LEAD = r"(?<!\w)(?:(?:nhan|trong|vao)\s+)?(?:dip\s+)?"
_INDUSTRY_LEAD = re.compile(r"(?<!\w)(?:(?:nhom|khoi)\s+)?nganh\s+$")  # "(nhóm) ngành dệt may": the lead names no other


# An anniversary, not a duration: "kỷ niệm 95 năm", "tròn 30 năm", "dịp 50 năm" ("sau 3 năm triển khai" is none).
_ANNIVERSARY_LEAD = re.compile(r"(?:ky niem|tron|dip|mung)\s+$")


def _anniversaries(folded: str, said: str, hay: str) -> list[tuple[int, int]]:
    """Where the folded question names an anniversary ("kỷ niệm 95 năm") that the member's message does
    not say and the article (`hay`, folded words) never writes (`missing_ordinals`): the old event's, as a
    year is — another province's ceremony of another year is another anniversary."""
    gone = {miss.removesuffix(" năm") for miss in missing_ordinals(folded, hay) if miss.endswith(" năm")}
    return [m.span() for m in ANNIVERSARY.finditer(folded)
            if m.group(1) in gone and _ANNIVERSARY_LEAD.search(folded[:m.start()])
            and not re.search(rf"(?<!\d){m.group(1)}(?!\d)", said)]


# A quarter of the year as a question names its event's time ("quý II", "quý 3"; folded), with the word that leads it
# ("trong quý II", "vào quý 3"): like the year, a time detail of one event — the number as roman or digits.
_QUARTER = re.compile(r"(?<!\w)(?:(?:trong|vao)\s+)?quy\s+(iv|iii|ii|i|[1-4])(?!\w)")
_QUARTER_NUMBER = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}


def _quarters(q: str, folded: str, said: str, hay: str) -> list[tuple[int, int]]:
    """Where the question `q` (`folded`, same length) names a quarter ("quý II") that the member's message does
    not name and the article (`hay`, folded words) never writes, as roman or digits: the old event's time, as its
    year is — another company's dialogue is held in its own quarter. Typed with accents, only "quý": "quỹ 2 tỷ"
    (a fund) folds alike."""
    def named(text: str, n: int) -> bool:
        return any(_QUARTER_NUMBER[m.group(1)] == n for m in _QUARTER.finditer(text))
    out = []
    for m in _QUARTER.finditer(folded):
        word = q[folded.index("quy", m.start()):][:3]
        if has_diacritics(word) and word.lower() != "quý":
            continue
        if not named(said, _QUARTER_NUMBER[m.group(1)]) and not named(hay, _QUARTER_NUMBER[m.group(1)]):
            out.append(m.span())
    return out


# A date as a question names its event's day or month ("tháng 4/2024", "ngày 27/7/2024", "từ 1/7/2024"; folded): its
# lead word, the day and month (group 1), its year (group 2).
_DATE = re.compile(rf"(?<!\w)(?:(?:dip|ngay|thang|tu)\s+)?((?<![\d/.-])(?:\d{{1,2}}[/.-])?\d{{1,2}}[/.-])({_YEAR})(?![\d/])")


def dates(text: str) -> list[str]:
    """The dates `text` writes, day and month with the year ("4/2025", "1/7/2024"), in order."""
    return [m.group(1) + m.group(2) for m in _DATE.finditer(fold_same_length(normalize(text)).lower())]


def writes_date(date: str, text: str) -> bool:
    """Whether `text` (an article) writes `date` (one of `dates`: "4/2025", "04/2025", "9/4/2025") however news
    writes it: with or without a leading zero, with "/", "." or "-" ("09.04.2025"), or in words ("tháng 4 năm 2025",
    "ngày 9 tháng 4 năm 2025"). A month and year is written by any day of that month too ("sáng 9/4/2025" holds
    "tháng 4/2025"); "14/2025" or "4/2024" does not hold it."""
    nums = [int(n) for n in re.findall(r"\d+", date)]
    if len(nums) not in (2, 3):
        return False
    folded = fold(normalize(text)).lower()
    *dm, year = nums
    month = dm[-1]
    sep = r"\s*[/.-]\s*"
    m = rf"0?{month}"
    if len(dm) == 2:
        d = rf"0?{dm[0]}"
        forms = [rf"(?<![\d/.-]){d}{sep}{m}{sep}{year}(?!\d)",
                 rf"(?<!\w)ngay\s+{d}\s+thang\s+{m}\s+nam\s+{year}(?!\d)"]
    else:
        forms = [rf"(?<![\d.-]){m}{sep}{year}(?!\d)",
                 rf"(?<!\w)thang\s+{m}(?:\s+nam\s+|{sep}){year}(?!\d)"]
    return any(re.search(f, folded) for f in forms)


def same_date_form(a: str, b: str) -> bool:
    """Whether two dates are written alike — a month and year ("tháng 4/2025") or a day, month and year ("1/7/2024"):
    one replaces the other in a follow-up; a day does not replace a month."""
    return len(re.findall(r"\d+", a)) == len(re.findall(r"\d+", b))


def _dates(folded: str, said: str, article: str) -> list[tuple[int, int]]:
    """Where the folded question dates its event ("tháng 4/2024") with a day and month the member's message does not
    say and the `article` never writes: the old event's day, as its year is — another province's job fair is held in
    its own month. The day and month with their lead word go; the year stays when said or written (a year of its
    own, `drop_details` drops it as such otherwise), else the whole date goes."""
    text = fold(normalize(article)).lower()
    out = []
    for m in _DATE.finditer(folded):
        day = m.group(1)
        # written by the article: the whole date, its day and month ("27/7"), or its month ("tháng 4")
        parts_ = re.findall(r"\d+", day)
        own = (rf"(?<!\d){re.escape(day[:-1])}(?![\d])" if len(parts_) == 2 else rf"(?<!\w)thang\s+0?{int(parts_[0])}(?!\d)")
        if (re.search(rf"(?<![\d/.-]){re.escape(day)}", said) or re.search(rf"(?<!\d){re.escape(day + m.group(2))}", text)
                or re.search(own, text)):
            continue
        keep = re.search(rf"(?<!\d){m.group(2)}(?!\d)", said) or re.search(rf"(?<!\d){m.group(2)}(?!\d)", text)
        out.append((m.start(), m.start(2)) if keep else m.span())
    return out


def drop_anniversaries(question: str, message: str, article: str) -> str:
    """`question` without an anniversary ("kỷ niệm 95 năm", `_anniversaries`) that the `message` did not say and the
    `article` never writes. A year swapped into the question of an anniversary moves the count with it: the 95th
    anniversary was one year's, the next year's is the 96th — the old count names the old year, as its year did."""
    q = normalize(question)
    cuts = _anniversaries(fold_same_length(q).lower(), fold(normalize(message)).lower(), folded_words(article))
    if not cuts:
        return question
    out = _cut(q, cuts)
    return out[:1].upper() + out[1:] if q[:1].isupper() else out


def drop_years(question: str, years: Collection[str]) -> str:
    """`question` without the years `years`, with their lead word ("năm 2024"; a term only when both its years are
    among them)."""
    q = normalize(question)
    folded = fold_same_length(q).lower()
    cuts = [m.span() for m in _YEARS.finditer(folded) if all(y in years for y in re.findall(r"\d{4}", m.group(0)))]
    if not cuts:
        return question
    out = _cut(q, cuts)
    return out[:1].upper() + out[1:] if q[:1].isupper() else out


def drop_details(question: str, message: str, article: str, years: bool = True, dated_otherwise: Collection[str] = ()) -> str:
    """`question` without the details of the old event that the `message` did not say and the
    `article` (another event's) never writes: a year, its quarter ("quý II") and a date's day and month ("tháng
    4/2024", `_dates`; both with the years), a numbered group's number ("số 3" of "cụm thi
    đua số 3": the kind of group stays), an observance ("Tháng Công nhân"), an anniversary ("95 năm"), a
    line of industry ("dệt may"). A member who swaps the
    province ("còn tỉnh X thì sao?") asks about X's own event of the kind; the old event's own year,
    group and occasion are no part of what they asked (general: those details name one event,
    as an ordinal does, and `swap` drops the ordinal with the province). `years=False` keeps the years;
    `dated_otherwise`: years the article writes only in passing, its lede dating its own event otherwise — cut as
    if unwritten."""
    said = fold(normalize(message)).lower()
    hay = folded_words(article)
    q = normalize(question)
    cuts: list[tuple[int, int]] = []
    folded = fold_same_length(q).lower()
    for m in (_YEARS.finditer(folded) if years else ()):
        years_ = re.findall(r"\d{4}", m.group(0))
        if any(y in said for y in years_) or all(re.search(rf"(?<!\d){y}(?!\d)", hay) and y not in dated_otherwise
                                                  for y in years_):
            continue
        cuts.append(m.span())
    for m in NUMBERED.finditer(folded):
        n = m.group(3) or m.group(5)
        if f" {int(n)}" in f" {said}" or re.search(rf"(?<!\d)0*{int(n)}(?!\d)", hay):
            continue
        num = re.search(r"(?:so\s+)?0*\d{1,3}$", folded[m.start():m.end()])
        cuts.append((m.start() + num.start(), m.end()))
    for _, rx in OCCASION_RX:
        for m in rx.finditer(folded):
            if rx.search(said) or rx.search(hay):
                continue
            lead = re.search(_OCCASION_LEAD + r"$", folded[:m.start()])
            cuts.append((lead.start() if lead else m.start(), m.end()))
    for _, asked, held in INDUSTRY_RX:  # the old event's line of industry ("thỏa ước nhóm ngành dệt may"), its lead too
        for m in asked.finditer(folded):
            if not asked.search(said) and not held.search(hay):
                lead = _INDUSTRY_LEAD.search(folded[:m.start()])
                cuts.append((lead.start() if lead else m.start(), m.end()))
    cuts += _anniversaries(folded, said, hay)
    dated = _dates(folded, said, article) if years else []
    if years:
        cuts += _quarters(q, folded, said, hay) + dated
    if not cuts:
        return question
    out = _cut(q, cuts)
    for _, end in dated:
        # "tháng 11/2024" with its month cut and its year kept: "năm 2024", as a year is asked, not a bare "2024"
        if re.fullmatch(_YEAR, year := folded[end:end + 4]):
            lead = "năm" if has_diacritics(q) else "nam"
            out = re.sub(rf"(?<![\w/.-])(?<!{lead} )({year})(?![\d/])", rf"{lead} \1", out, count=1, flags=re.IGNORECASE)
    return out[:1].upper() + out[1:] if q[:1].isupper() else out
