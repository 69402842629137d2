"""Another occasion than the article's own: the question names a year, edition, term, month, place, branch or industry
that the article's lede gives its event otherwise.

General news writing: a report names its event in its title and first sentence (the lede) — when, which
edition, where — and a fact in its body that names no other occasion is that event's. A question that names
another occasion of the same kind, which neither the lede nor the quoted sentence writes, asks of an event the
article mentions only in passing (an earlier edition "lần thứ ba được tổ chức năm 2019 ở …", a plan "sẽ mở thêm
một đợt tại KCN …"): hard evidence for the not-found decision (`answer.py`). One check per kind of detail below,
each reading the lede's details of its kind (`LedeDetails`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from knowledge.text import fold, has_diacritics, normalize, pattern

from ..language.places import FOLDED_FORMS, place_spans, places
from .notfound import COMMON_NAME_WORDS, EVENT_EDITION, INDUSTRY_RX, ORDINAL, ORDINAL_ANY, SINGLE_YEAR, ordinal_value

# The details, folded: single years; terms of years ("năm học 2024-2025", "giai đoạn 2024-2026"); a month of a
# year ("tháng 7/2025"); ordinals are read with notfound's ORDINAL / ORDINAL_ANY.
# (Session 24, helper P, measured and not kept: whole dates with dashes or stops too, "15-4-2025", "15.4.2025" — a lede
# dated "Sáng 14-3-2025" then gives its event no year as such, so `other_years` reads a year written only within a
# term in the sentence, "giai đoạn 2019–2024", as the year asked: teamq6 rq144, unanswerable, answered. Reading dates
# so needs `other_years`' term rule to count a date's year as the lede's own.)
_ANY_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")
_TERM = re.compile(r"(?<![\d/.])((?:19|20)\d\d)\s*[-–—]\s*((?:19|20)\d\d)(?![\d/])")
_MONTH_ASKED = re.compile(r"\bthang\s+(\d{1,2})\s*(?:/|-|nam\s+)\s*((?:19|20)\d\d)\b")
_DATE_TOLD = re.compile(r"(?<![\d/])(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*((?:19|20)\d\d)(?!\d)"
                        r"|\bthang\s+(\d{1,2})\s*(?:/|-|nam\s+)\s*((?:19|20)\d\d)\b")
# A law or a paper is named by its year ("Bộ luật Lao động năm 2019", "Nghị định 12/2022"), and a
# comparison names the year compared with ("so với năm 2023"): neither dates the event (folded).
NAMED_BY_YEAR = re.compile(r"\b(?:bo luat|blld|luat|nghi dinh|nghi quyet|chi thi|quyet dinh|thong tu|hien phap)\b"
                           r"[^.,;:()]{0,60}?(?:19|20)\d\d|\bso voi\s+(?:cung ky\s+)?(?:nam\s+)?(?:19|20)\d\d")
# A place below a province is named after its kind word, with capitals ("Khu công nghiệp Quế Võ", "thành phố
# Phổ Yên", "phường Tứ Minh"); so is a branch of the economy ("ngành Đường sắt").
_PLACE_KINDS = {"kcn": ("khu công nghiệp", "kcn", "cụm công nghiệp", "khu chế xuất", "kcx"),
                "district": ("thành phố", "tp", "thị xã", "huyện", "quận"),
                "commune": ("xã", "phường", "thị trấn")}


# Where a sentence may end: after . ! ? … and a space, before a quote, a bracket or a word; or at a line's end.
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+(?=[\"“(\w])|\n")
# The abbreviations news writes with a stop inside a sentence — a city, town, district, ward ("TP.", "TX.", "TT.", "Q.",
# "P.") and a title ("TS.", "ThS.", "PGS.", "GS.", "BS.", "KS.") — right before a stop: no sentence ends there. A closed
# list: a short capitalised word is as often a name that ends a sentence ("… tỉnh Quảng Nam.", "Công ty LG.").
_ABBREVIATION = re.compile(r"(?<![\w.])(?:TP|TX|TT|Q|P|TS|ThS|PGS|GS|BS|KS)\.$")
# A bracket left open this long is a typo, not an aside: the sentence ends at its next stop anyway.
MAX_ASIDE_CHARS = 200


def first_sentence(text: str) -> str:
    """The text's first sentence: up to the first stop that is neither within brackets ("(TP. Đà Lạt)") nor after a
    short abbreviation ("TP. Quy Nhơn", "ThS. Lê Văn A") — general Vietnamese news writing abbreviates a city, a
    town and a title with a stop inside a sentence."""
    for m in _SENTENCE_END.finditer(text):
        before = text[:m.start()]
        aside = before.count("(") > before.count(")") and m.start() - before.rfind("(") <= MAX_ASIDE_CHARS
        if m.group(0) == "\n" or (not aside and not _ABBREVIATION.search(before)):
            return before
    return text


def lede(title: str, text: str) -> str:
    """The title and the text's first sentence (a news report names its event there)."""
    return f"{normalize(title)}. {first_sentence(normalize(text).strip())}"


def _capitalized_after(text: str, kinds: tuple[str, ...]) -> list[str]:
    """`_capitalized_names`, a list of the caller's own."""
    return list(_capitalized_names(text, kinds))


@lru_cache(maxsize=1024)  # a question, read for each kind of place in every article it reads (a lede: once)
def _capitalized_names(text: str, kinds: tuple[str, ...]) -> tuple[str, ...]:
    """The names written with capitals right after a kind word as typed ("Khu công nghiệp Quế Võ" → "quế võ";
    "cơ quan Bộ …" holds no "quận", "thị xã" no "xã"), lower-cased, up to the next punctuation; a number may
    name a district ("quận 7"). Not an acronym ("KCN VSIP"), which a report may write out."""
    found = list(re.finditer(r"[^\W_]+", text))
    words = [m.group(0) for m in found]
    lower = [w.lower() for w in words]
    out = []
    for i in range(len(words)):
        for kind in kinds:
            k = kind.split()
            if lower[i:i + len(k)] != k or (kind == "xã" and i and lower[i - 1] == "thị"):
                continue
            j, name = i + len(k), []
            while j < len(words) and not text[found[j - 1].end():found[j].start()].strip() and (
                    words[j][:1].isupper() or (not name and words[j].isdigit() and len(words[j]) <= 2)):
                name.append(words[j])
                j += 1
            if name and not (len(name) == 1 and name[0].isupper() and len(name[0]) > 1):
                out.append(" ".join(name).lower())
    return tuple(dict.fromkeys(out))


def _places_of_kind(kind: str, text: str) -> set[str]:
    """Places below a province the text names after a kind word; a province-level city is another check's, and
    words of many names ("Việt Nam" of "KCN Việt Nam - Singapore") are no place's own."""
    return {n for n in _capitalized_after(text, _PLACE_KINDS[kind]) if not places(n) and fold(n) not in FOLDED_FORMS
            and not set(n.split()) <= COMMON_NAME_WORDS}


def _other_name(name: str, mine: frozenset[str], said: str) -> bool:
    """`name` shares no word with the names of its kind the lede gives (`mine`, compared folded) and `said`
    (the lede and the sentence, lower-cased) never writes it — as typed, or folded when typed without accents; nor
    is it the initials of the words `said` writes after "ngành" ("GTVT" of "ngành Giao thông vận tải", "GDĐT" of
    "ngành Giáo dục và Đào tạo"): general news writing names a branch in full or by its initials."""
    if not mine or any(set(fold(name).split()) & set(fold(m).split()) for m in mine):
        return False
    hay, key = (said, name) if has_diacritics(name) else (fold(said), fold(name))
    if pattern(rf"(?<!\w){re.escape(key)}(?!\w)").search(hay):
        return False
    key = fold(key).lower()
    if len(key) < 2 or " " in key or re.search(r"[aeiouy]", key):
        return True
    words = re.findall(r"[a-z0-9]+", fold(said).lower())
    for i, w in enumerate(words[:-1]):
        if w == "nganh":  # the branch's own words after "ngành", "và" not counted ("Giáo dục và Đào tạo" → GDĐT)
            own = [x for x in words[i + 1:i + 1 + 2 * len(key)] if x != "va"][:len(key)]
            if "".join(x[0] for x in own) == key:
                return False
    return True


def branches_named(text: str) -> list[str]:
    """The branches of the economy a text names after "ngành" with capitals ("ngành Điện lực", "ngành GTVT"), each up
    to the province that follows it, lower-cased: "Công đoàn ngành GTVT Nghệ An" → "gtvt" (general Vietnamese: a
    province's branch is named "ngành <branch> <province>"; the province is the place check's, `notfound.other_place`)."""
    out = []
    for name in _capitalized_after(text, ("ngành",)):
        titled = " ".join(w[:1].upper() + w[1:] for w in name.split())
        cut = min((s for s, _ in place_spans(titled)), default=len(titled))
        if titled[:cut].strip():
            out.append(name[:cut].strip())
    return list(dict.fromkeys(out))


@dataclass(frozen=True)
class LedeDetails:
    """The details an article's lede gives its own event, of each kind."""
    text: str                      # the lede as written
    years: frozenset[str]          # every year it writes (laws and comparisons left out)
    event_years: frozenset[str]    # the years it gives outside a date: its event's year as such
    lone_years: frozenset[str]     # the years it gives outside a date and a term of years ("nhiệm kỳ 2023–2028")
    loose_years: frozenset[str]    # every year it writes outside a term of years
    ordinals: frozenset[int]
    terms: frozenset[tuple[str, str]]
    months: frozenset[tuple[int, str]]  # (month, year) of the dates it writes
    places: dict                   # kind of place → the names of that kind
    branches: frozenset[str]


def article_lede(title: str, text: str) -> LedeDetails:
    """`lede_details` of an article from its title and text: its first 2,000 characters (a first sentence is far
    shorter), the one head every reader of an article's lede passes, so the cache below serves them all."""
    return lede_details(title, text[:2000])


@lru_cache(maxsize=256)  # an article's lede, read by every question that reads the article (~0.8 ms uncached)
def lede_details(title: str, head: str) -> LedeDetails:
    """The lede of an article (title, the text's first `head` characters) and the details it gives its event."""
    text = lede(title, head)
    fl = fold(text).lower()
    no_laws = NAMED_BY_YEAR.sub(" ", fl)  # a law's or a comparison's year is no event's
    return LedeDetails(text=text, years=frozenset(_ANY_YEAR.findall(no_laws)),
                       event_years=frozenset(_ANY_YEAR.findall(_DATE_TOLD.sub(" ", no_laws))),
                       lone_years=frozenset(_ANY_YEAR.findall(_TERM.sub(" ", _DATE_TOLD.sub(" ", no_laws)))),
                       loose_years=frozenset(_ANY_YEAR.findall(_TERM.sub(" ", no_laws))),
                       ordinals=frozenset(ordinal_value(w) for w in ORDINAL_ANY.findall(fl)),
                       terms=frozenset(_TERM.findall(fl)),
                       months=frozenset((int(m or m2), y or y2) for _, m, y, m2, y2 in _DATE_TOLD.findall(fl)),
                       places={kind: frozenset(_places_of_kind(kind, text)) for kind in _PLACE_KINDS},
                       branches=frozenset(branches_named(text)))


# A report that looks back ("tổng kết", "sơ kết", "năm qua", "nhìn lại"), with its accents (a lede is news text; folded,
# "Việt Nam qua các thời kỳ" would read as "năm qua"): held early in a year, it tells of the year before, which its lede
# may date only by the day it was held.
_REVIEW = re.compile(r"(?<!\w)(?:tổng kết|sơ kết|năm qua|nhìn lại)(?!\w)")


def asked_years(fq: str) -> list[str]:
    """The single years a question (folded) names (not a law's, nor a term's, whatever dash joins it) and the years of
    the whole dates it names ("dịp 20/11/2025", "ngày 27/7/2023"): an occasion asked by its day is asked by that day's
    year too."""
    fq = _TERM.sub(" ", NAMED_BY_YEAR.sub(" ", fq))  # a term's years ("giai đoạn 2025–2027"): the term's check
    dated = [y for _, _, y, _, _ in _DATE_TOLD.findall(fq) if y]
    return list(dict.fromkeys(SINGLE_YEAR.findall(fq) + dated))


def other_years(fq: str, told: str, own: LedeDetails) -> list[str]:
    """Years of the question (folded `fq`: single years, and the years of whole dates, `asked_years`) that the lede,
    which dates its event, never writes; not a year the quoted sentence or its passage writes (`told`, folded: a
    paragraph gives a fact's year once), nor the year of a month asked (the month's check), a law's or a comparison's.
    The lede dates its event by a year as such ("Hội thao … năm 2024") or, writing none, by the day it was held
    ("Ngày 22/3/2025, … tổ chức hội thi", an anniversary's "(27/2/1955 – 27/2/2025)") — except a report looking back
    (`_REVIEW`: "tổng kết", "năm qua"), held early in a year on the year before, when the lede writes no year as such.
    When the lede gives its event a year of its own (outside a date and a term), a year it writes only within a term of
    years ("… năm 2024 cho cán bộ mới được bầu tại đại hội nhiệm kỳ 2023–2028") is that term's, not the event's, in the
    lede and in `told` alike (general Vietnamese: a term is named by both its years; a single year or a day dates the
    event). Session 23 (helper N; kept by the lead): the day-dated lede and the whole dates asked declined 6
    unanswerable questions of the read sets (teamq11 4, teamq12 2) and cost no right answer on any set; the unread
    teamq13-16 stay exactly as they were (N measured it)."""
    month_years = {y for _, y in _MONTH_ASKED.findall(fq)}
    dated = bool(own.event_years) or (bool(own.years) and not _REVIEW.search(own.text.lower()))
    out = []
    for y in asked_years(fq):
        termed = bool(own.lone_years) and y not in own.lone_years
        seen, said = (own.loose_years, _TERM.sub(" ", told)) if termed else (own.years, told)
        if y not in month_years and dated and y not in seen and not pattern(rf"(?<!\d){y}(?!\d)").search(said):
            out.append(f"năm {y}")
    return out


def other_ordinals(fq: str, fs: str, own: LedeDetails) -> list[str]:
    """Editions of the question ("lần thứ IV", "khóa 5") that neither the lede, which numbers its own, nor the
    sentence (folded `fs`) numbers so."""
    said = {ordinal_value(w) for w in ORDINAL_ANY.findall(fs)}
    asked = [a or b for a, b in ORDINAL.findall(fq)] + EVENT_EDITION.findall(fq)  # "cuộc thi ảnh … lần 3" too
    return [f"lần {w.upper()}" for w in dict.fromkeys(asked) if own.ordinals and ordinal_value(w) not in own.ordinals | said]


def other_terms(fq: str, fs: str, own: LedeDetails) -> list[str]:
    """Terms of years of the question that the lede, which writes its own, and the sentence do not write — not the
    term that closes where the lede's opens (a congress of 2023-2028 reviews 2018-2023 in its body)."""
    return ["-".join(t) for t in dict.fromkeys(_TERM.findall(fq))
            if own.terms and t not in own.terms and t not in set(_TERM.findall(fs))
            and not any(t[1] == start for start, _ in own.terms)]


def other_months(fq: str, fs: str, own: LedeDetails) -> list[str]:
    """A month of a year the question names ("tháng 10/2025") where the lede dates its event in another month of
    that year, and the sentence does not write the month asked."""
    out = []
    for m, y in _MONTH_ASKED.findall(fq):
        same_year = {mm for mm, yy in own.months if yy == y}
        if same_year and int(m) not in same_year and not pattern(rf"\bthang\s+0?{int(m)}\b|(?<!\d)0?{int(m)}\s*/\s*{y}").search(fs):
            out.append(f"tháng {m}/{y}")
    return out


# An industrial park typed without capitals ("kcn dinh tram", "khu công nghiệp chu lai"), folded: its name is read as the
# two words after the kind word, unless one of them is a word of the question's own (`_NOT_A_PARK_NAME`).
_PARK_TYPED_LOW = re.compile(r"\b(?:kcn|khu cong nghiep|ccn|cum cong nghiep|kcx|khu che xuat)\s+([a-z]+)\s+([a-z]+)")
_NOT_A_PARK_NAME = frozenset(
    "nao nay do o cua tren tai trong va co la ten da duoc tinh thanh pho huyen thi xa nam bao nhieu gi khi the hien moi "
    "mot cac nhung vao cho voi de se dang ve tu den khong ko vay a z nhe hoi cong doan ldld cd nha tro dia ban so".split())


def parks_typed_low(question: str) -> list[str]:
    """The industrial parks a question names without capitals, folded ("nha tre o kcn chu lai ten la gi" → "chu lai"):
    a member typing in lower case names a park by its two-word name as often as with capitals."""
    text = normalize(question)
    out = []
    for m in _PARK_TYPED_LOW.finditer(fold(text).lower()):
        typed = text[m.start(1):m.end(2)]
        if typed == typed.lower() and not {m.group(1), m.group(2)} & _NOT_A_PARK_NAME:
            out.append(f"{m.group(1)} {m.group(2)}")
    return out


def other_places(question: str, sentence: str, own: LedeDetails) -> list[str]:
    """Places below a province, by kind, and branches ("ngành Điện lực"), named with capitals in the question, that
    share no word with the lede's names of their kind and that neither the lede nor the sentence writes; and an
    industrial park typed in lower case (`parks_typed_low`) that shares no word with the lede's parks, which neither
    writes (folded)."""
    q, said = normalize(question), f"{own.text} {normalize(sentence)}".lower()
    out = [n for kind in _PLACE_KINDS for n in _places_of_kind(kind, q) if _other_name(n, own.places[kind], said)]
    out += [n for n in parks_typed_low(q) if _other_name(n, own.places["kcn"], said)]
    return out + [f"ngành {b}" for b in branches_named(q) if _other_name(b, own.branches, said)]


def other_industries(fq: str, fs: str, own: LedeDetails) -> list[str]:
    """Lines of industry the question names ("thỏa ước nhóm ngành da giày", `notfound.INDUSTRY_RX`) where the lede
    names its event's industry as another ("… doanh nghiệp dệt may") and neither it nor the sentence (folded `fs`)
    names the one asked: the article mentions it in passing ("sẽ mở rộng sang ngành da giày")."""
    lede = fold(own.text).lower()
    if not any(held.search(lede) for _, _, held in INDUSTRY_RX):
        return []
    return [name for name, asked, held in INDUSTRY_RX if asked.search(fq) and not held.search(lede) and not held.search(fs)]


def another_occasion(question: str, sentence: str, title: str, text: str, passage: str = "", own_sentence: str = "") -> list[str]:
    """The details the question tells its event by (a year, an ordinal, a term of years, a month, a place below a
    province, a branch, an industry) that the article's lede gives its own event otherwise and that the quoted sentence (and,
    for a year, its `passage`) does not write either; [] otherwise. A place is read against `own_sentence` when given:
    the one sentence of a quote joining two that holds the span (`answer.span_sentence`)."""
    fq = fold(normalize(question)).lower()
    fs = fold(normalize(sentence)).lower()
    own = article_lede(title, text)
    told = fold(normalize(f"{sentence} {passage}")).lower()
    out = (other_years(fq, told, own) + other_ordinals(fq, fs, own) + other_terms(fq, fs, own)
           + other_months(fq, fs, own) + other_places(question, own_sentence or sentence, own) + other_industries(fq, fs, own))
    return list(dict.fromkeys(out))


def lede_gives(details: list[str], title: str, text: str) -> bool:
    """Whether an article's lede gives its own event every one of `details` (as `another_occasion` names them: "năm
    2023", "lần V", a term, a month, a place): it is the report of that occasion."""
    own = article_lede(title, text)
    folded = fold(own.text).lower()
    for d in details:
        kind, _, value = fold(d).lower().partition(" ")
        if kind == "nam" and value.isdigit():
            if value not in own.years:
                return False
        elif kind == "lan" and value:
            if ordinal_value(value) not in own.ordinals:
                return False
        elif not pattern(rf"(?<!\w){re.escape(fold(d).lower())}(?!\w)").search(folded):
            return False
    return True
