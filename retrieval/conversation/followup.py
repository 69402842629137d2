"""Follow-up questions in a chat: "còn năm 2018 thì sao?", "ai nhận?", "tổ chức ở đâu vậy?".

A message read with the previous question (`continuation.read` decides when) becomes the
previous topic with the new slot, or the previous question with the new year / place. Pure text
functions: the conversation core keeps who asked what.
"""
from __future__ import annotations

import dataclasses
import functools
import re

from knowledge.text import fold, fold_same_length, folded_words, has_diacritics, normalize

from ..language.chat import expand_question
from ..index.lexical import QUESTION_WORDS, tokens
from ..index.restore import general
from ..language.qtype import RULES as _TYPE_RULES
from ..language.qtype import YEAR, question_type
from ..language.names import FOLDED_FAMILY_NAMES
from ..language.places import places, with_accents
from . import parts
from ..params import FULL_QUESTION_TERMS, MAX_UNIT_WORDS
from ..answering.spans import COUNTED_NOUNS, ROLES, UNIT_CLASSES, noun_phrase

# Openings that point back to the previous question (folded).
_BACK = re.compile(r"^(?:vay con|the con|con|the|vay|the thi|con nhu|con ve)\b[\s,]*")
# Filler around a follow-up that carries no topic (folded): "thì sao", "thế nào", "nhỉ".
_FILLER = re.compile(r"\b(?:thi sao|the nao|ra sao|sao|the|nhi|nha|a|vay|thi)\b")
# Words every union question may use that name no topic of their own (folded syllables):
# the union's own bodies and roles, and the slot words ("mỗi suất trị giá", "mấy ủy viên").
_GENERIC = set("""cong doan vien ban chap hanh uy chu tich pho nguoi lao dong nhan to chuc dien ra tham gia
moi mot tri gia gia tri so tien muc nam thang ngay tuan duoc co cua la""".split())
MAX_TOPIC_TERMS = 2  # a year or place with at most this many topic syllables more swaps the previous question's


_FUNCTION = set("vao o tai la co cua thi duoc va cho voi tu den luc khi".split())


# The slot a question names ("thông điệp gì", "khẩu hiệu", "chức vụ"): what is asked, not what about.
_SLOT_NAMES = [rx for kind, rx in _TYPE_RULES if kind in ("slogan", "role")]
# A calendar word capitalised inside a message names an event ("Tháng Công nhân", "Ngày hội"); union
# roles and bodies are capitalised by convention ("bầu làm Chủ tịch") and stay generic.
_CALENDAR = {"nam", "thang", "ngay", "tuan"}
_NAMED = re.compile(r"(?<=[^\W\d_])\s+([A-ZĐ][^\s,.;:!?()“”\"]*)|(?<=[,;:()“”\"])\s*([A-ZĐ][^\s,.;:!?()“”\"]*)")


# Phrases that ask a time by its unit (folded): "hôm nào" (which day), "mấy giờ" / "giờ nào" (what time), "ngày mấy",
# "thứ mấy", "buổi nào". The unit is the question's, as "ngày" is in "ngày nào": no topic syllable.
_ASKS_TIME = re.compile(r"(?<!\w)(?:hom nao|hom may|may gio|gio nao|ngay may|thu may|buoi nao)(?!\w)")


def topic_terms(text: str) -> list[str]:
    """Folded topic syllables: the question words, slot names, years, filler, function words and
    the union's generic words removed — unless a calendar word is written capitalised inside the
    message, as part of an event's name. An ordinal with its lead ("lần thứ II", "khóa 2") is a value, as a year
    is. A time asked by its unit ("hôm nào vậy?", "mấy giờ?": `_ASKS_TIME`) is
    question words too: "hôm nào vậy?" is a bare slot, as "ngày nào vậy?" is."""
    typed = normalize(text)
    named = {fold(m.group(1) or m.group(2)).lower() for m in _NAMED.finditer(typed)} & _CALENDAR
    folded = parts.ORDINAL.sub(" | ", _ASKS_TIME.sub(" | ", fold(expand_question(typed)).lower()))
    for rx in _SLOT_NAMES:
        folded = rx.sub(" | ", folded)
    return [t for t in tokens(folded, drop_question_words=True)
            if "_" not in t and not YEAR.fullmatch(t) and not _FILLER.fullmatch(t)
            and (t not in _GENERIC or t in named) and t not in _FUNCTION]


# "kế hoạch đó", "năm ấy", "đợt này": a thing already talked about (as typed: folded "do" is also "do ai",
# "nay" is "năm nay", this year — typed with accents, "này" after a noun is "this one", the one talked about).
_THAT = re.compile(r"(?<!\w)\w+\s+(?:đó|ấy|này)(?!\w)", re.IGNORECASE)
# The same typed without accents ("le do", "cd do", "khoa ay"): "do" is also "by" ("giải do ai trao",
# "lễ do công đoàn tổ chức"), so it points back only after a thing a chat talks about (the nouns of
# union events and bodies) and not before whom it would be by.
_THINGS = ("le|dai hoi|khoa|nhiem ky|cong doan|cd|cdcs|nha|can nha|ngoi nha|cong ty|cty|doanh nghiep|giai|"
           "giai thuong|chuong trinh|hoi thao|hoi nghi|su kien|cuoc thi|dot|nam|quy|hoat dong|ke hoach|"
           "phong trao|buoi|ky|tinh|huyen|don vi|nha may|tap doan|ngan hang|xi nghiep|"
           # a time already talked about ("lúc đó", "khi ấy", "hồi đó", "thời điểm đó") and more events
           "luc|khi|hoi|thoi diem|van nghe|hoi thi|le hoi|ngay hoi|giai dau|lop|du an|cong trinh|cuoc hop|"
           # an edition or occasion already talked about ("lần đó", "dịp ấy", "vụ đó")
           "lan|dip|vu|"
           # the people or party of the event talked about ("công nhân đó", "bên đó", "phía ấy")
           "cong nhan|ben|phia")
_THAT_UNACCENTED = re.compile(rf"(?<!\w)(?:{_THINGS})\s+(?:do|ay)(?!\w)(?!\s+(?:ai|ben|cong doan|lien doan|ldld|"
                              r"tong|ubnd|nguoi|don vi|cong ty|cty|doanh nghiep)\b)")


# "lúc đó", "khi ấy", "hồi đó", "thời điểm đó", "lần đó" typed without accents: the time or edition of the
# topic's event, said by the topic already — cut whole.
_THEN = {"luc do", "luc ay", "khi do", "khi ay", "hoi do", "hoi ay", "thoi diem do", "thoi diem ay", "diem do",
         # the edition or occasion of the topic's event ("lần đó", "dịp ấy"), named by the topic already
         "lan do", "lan ay", "dip do", "dip ay",
         # the party of the event talked about ("bên đó", "phía ấy"): a pointer, no noun of its own
         "ben do", "ben ay", "phia do", "phia ay"}


def _that_spans(text: str, said: set[str] | None = None, typed: str | None = None) -> list[tuple[int, int]]:
    """Where a message typed without accents (`typed`, before the chat's abbreviations were written
    out with accents: "ldld" → "liên đoàn lao động"; else `text`) points back in words ("le do"):
    `_THAT_UNACCENTED`. With `said` (the topic's folded syllables), only "do / ay" and the words
    before it that the topic says go: "chuong trinh van nghe do" keeps "chuong trinh van nghe"
    when the topic names no such programme (it asks about the one the article tells of)."""
    if has_diacritics(text if typed is None else typed):
        return []
    folded = fold_same_length(text).lower()
    spans = [m.span() for m in _THAT_UNACCENTED.finditer(folded)]
    if said is None:
        return spans
    out = []
    for a, b in spans:
        words = [(w.start() + a, w.end() + a) for w in re.finditer(r"\S+", folded[a:b])]
        start = words[-1][0]
        for ws, _ in reversed(words[:-1]):
            if folded[ws:start].split()[0] not in said and folded[ws:b] not in _THEN:
                break
            start = ws
        out.append((start, b))
    return out


def says_more_than_slot(text: str) -> bool:
    """"ai nhận?", "tổ chức ở đâu?" say what is asked about; "vào ngày nào?" says only the slot."""
    return any(t not in _FUNCTION and not _FILLER.fullmatch(t)
               for t in tokens(expand_question(normalize(text)), drop_question_words=True) if "_" not in t)


def focus_of(message: str, combined: str, topic: str) -> str | None:
    """The words that choose the sentence of a combined follow-up: the member's own, when the
    message asks a new slot of the old topic (not when it only swaps the old question's year or
    place) and says more than its slot."""
    return message if topic != combined and says_more_than_slot(message) else None


# The same openings as typed with accents: "Con công nhân …" (a child) is no "Còn …".
_BACK_TYPED = re.compile(r"^(?:vậy còn|thế còn|còn|thế|vậy)(?!\w)", re.IGNORECASE)


def points_back(text: str) -> bool:
    """The message says in words that it continues the chat: it opens with "còn / thế / vậy còn",
    it says "… đó / ấy / này" ("đợt này", unaccented "cong nhan do", "ben do"), or it has no topic syllable at
    all ("ai nhận?", "tổ chức ở đâu?"). "<X> thì sao?" without "còn" (`asks_what_about`) is not here:
    `continuation._what_about` reads that form only when it lands where its words alone do."""
    typed = normalize(text).strip()
    if opens_back(typed) or opens_with_they(typed):
        return True
    return says_that(typed) or not topic_terms(typed) or swaps_only(typed) or contrasts_value(typed)


# "<X> thì sao (ạ / vậy / nhỉ …)?" at the message's end, folded: "what about X?".
_WHAT_ABOUT = re.compile(r"\s*,?\s*\bthi sao\b(?:\s+(?:a|ha|nhi|vay|ad|nhe|nha|the))*[\s?.!]*$")


def asks_what_about(text: str) -> bool:
    """"<X> thì sao?" with no question word in X ("xi mang kien khe thi sao", "giải bóng đá nữ thì sao ạ?"): Vietnamese
    "X thì sao?" asks "and X — the same?", the question just asked, of X, as "còn X thì sao?" does without its "còn".
    A question of its own asks something in X ("quy định nghỉ phép thế nào thì sao?" is not this form)."""
    typed = normalize(text).strip()
    m = _WHAT_ABOUT.search(fold_same_length(typed).lower())
    if not m or m.start() == 0:
        return False
    before = typed[:m.start()].strip(" ,")
    return bool(before) and not asks(expand_question(before))


# "thì" after a fronted topic, as typed ("năm 2024 thì …"); typed without accents "thi", not after a contest's noun
# ("hội thi", "cuộc thi", "kỳ thi", "đề thi": folded).
_THI = re.compile(r"(?<!\w)thì(?!\w)", re.IGNORECASE)
_THI_FOLDED = re.compile(r"(?<!\w)(?<!hoi )(?<!cuoc )(?<!ky )(?<!de )(?<!bai )(?<!du )(?<!phan )thi(?!\w)")


def contrasts_value(text: str) -> bool:
    """It fronts a year, place, edition or company with "thì" and asks of it ("năm 2024 thì mỗi căn được hỗ trợ bao
    nhiêu?", "vụ ở thái nguyên năm 2024 thì tổng bao nhiêu?"), with fewer topic syllables than a whole question:
    Vietnamese "<X> thì <question>" sets X against what was just said — the chat's question, of X."""
    typed = normalize(text).strip()
    m = (_THI.search(typed) if has_diacritics(typed) else _THI_FOLDED.search(fold_same_length(typed).lower()))
    if not m or len(topic_terms(typed)) >= FULL_QUESTION_TERMS:
        return False
    before, after = typed[:m.start()], typed[m.end():]
    return bool(parts.values(expand_question(before))) and asks(after)


def says_that(text: str) -> bool:
    """It names a thing by "… đó / ấy / này" ("cty đó", "buổi lễ đó", "tỉnh ấy"; unaccented "le do" after a
    thing a chat talks about): a demonstrative points at something already said — in a chat, what the
    chat talked about — so the message, however long, is no question of its own."""
    typed = normalize(text).strip()
    return bool(_THAT.search(typed) or _that_spans(typed))


def reads_whole(previous: str, message: str) -> bool:
    """"Còn / thế" before a whole question of its own (`FULL_QUESTION_TERMS` topic syllables besides the values
    it swaps: "Còn ở cấp tỉnh, người đứng đầu Công đoàn Giáo dục tỉnh khóa IX là ai?"): read alone first. Not
    when it names a thing by "… đó / ấy / này" (`says_that`: "thế cty đó có bao nhiêu an toàn vệ sinh viên?"):
    the demonstrative points at what the chat talked about, which the message itself never names."""
    return (opens_back(message) and (own_terms(previous, message) >= FULL_QUESTION_TERMS
                                     or names_other_union(previous, message)) and not says_that(message))


# "công đoàn <its name>" (folded): the name runs up to a word of the question's own, a number or a comma.
_UNION_NAMED = re.compile(r"(?<!\w)cong doan\s+([a-z]+(?:\s+[a-z]+){0,5})")
# Words after "công đoàn" that say its level or kind, not which union it is (folded).
_UNION_LEVEL = set("co so cap tren truc thuoc nganh cac the toan quoc nay do ay".split())


def names_other_union(previous: str, message: str) -> bool:
    """The message names a union by its own name ("vậy đại hội công đoàn bưu điện quảng ngãi thì …", "Còn Công đoàn
    Ngân hàng Việt Nam năm 2025 …") that the previous question never names: another body, whose event is its own
    — a whole question, however few its other words. Not a sector swapped in ("còn công đoàn ngành Y tế …",
    `sector_swapped`: the same question of that sector's union), a level ("công đoàn cơ sở") nor a company's union
    ("công đoàn công ty X": the company is swapped)."""
    if sector_swapped(previous, message):
        return False
    said = set(folded_words(expand_question(normalize(previous))).split())
    folded = fold(expand_question(normalize(message))).lower()
    for m in _UNION_NAMED.finditer(folded):
        name = []
        for w in m.group(1).split():
            if w in parts.NOT_IN_NAME or w in QUESTION_WORDS or w in ("thi", "nam", "lan", "khoa") or w in _UNION_LEVEL:
                break
            name.append(w)
        if " ".join(name[:2]) in ("cong ty", "tong cong") or name[:1] == ["cty"]:
            continue  # "công đoàn công ty X": a company swapped (`new_values`), read with the chat as before
        if name and not set(name) <= said:
            return True
    return False


def reads_alone_topic(previous: str, message: str) -> bool:
    """The message names what it is about by itself: `FULL_QUESTION_TERMS` topic syllables besides the values it
    names (`own_terms`: a whole question), or a name of its own (`_own_name`: "Chủ tịch Công đoàn Dệt May …").
    A message that names less — a year, place or edition and a slot ("Năm 2025 thì tặng bao nhiêu suất quà?") —
    leans on the chat for its event, even when it is answered read alone."""
    if own_terms(previous, message) >= FULL_QUESTION_TERMS:
        return True
    expanded = expand_question(normalize(message))
    return _own_name(_without_values(expanded, parts.values(expanded)))


_THI_SAO = re.compile(r"\s*,?\s*\bthi sao\b\s*(?=[?.!]*\s*$)")


def as_topic(message: str) -> str:
    """A message read alone as the chat's new topic, without the words that pointed back: its
    opening ("còn / thế / vậy còn") and a closing "thì sao" ("còn cụm Bắc Trung Bộ thì sao?" is about
    "cụm Bắc Trung Bộ"): the next follow-up builds on what it is about, not on "còn … thì sao"."""
    typed = normalize(message).strip()
    if not opens_back(typed):
        return message
    folded = fold_same_length(typed).lower()
    m = _BACK.match(folded)
    if not m or m.end() >= len(typed):
        return message
    rest = typed[m.end():]
    tail = _THI_SAO.search(fold_same_length(rest).lower())
    if tail and tail.start() > 0:
        rest = rest[:tail.start()] + rest[tail.end():]
    rest = rest.strip(" ,")
    return rest[:1].upper() + rest[1:] if rest and has_diacritics(typed) and typed[:1].isupper() else (rest or message)


# "Họ …" (they) as typed with accents: the people of the chat's event ("Họ tổ chức mấy môn?"); not "họ tên /
# họ và tên" (a full name). Unaccented "ho" is too many words ("hồ", "hộ", "hỗ trợ") to read so.
_THEY = re.compile(r"^họ(?!\w)(?!\s+(?:và\s+)?tên(?!\w))", re.IGNORECASE)


def opens_with_they(text: str) -> bool:
    """It opens with the pronoun "Họ" (they), typed with its accent: a subject only the chat names —
    the organisers, delegates or workers of the event talked about — so the message continues it."""
    return bool(_THEY.match(normalize(text).strip()))


def opens_back(text: str) -> bool:
    """It opens with "còn / thế / vậy còn" (typed with accents: as typed)."""
    typed = normalize(text).strip()
    q = fold(expand_question(typed)).strip(" ?.!")
    return bool(_BACK.match(q)) and (not has_diacritics(typed) or bool(_BACK_TYPED.match(typed)))


def swaps_only(text: str) -> bool:
    """It names a year, ordinal, province or company and, besides them, at most a slot's worth
    of topic syllables (fewer than `FULL_QUESTION_TERMS` in all) ("ở Nghệ An ai làm chủ tịch?", "năm 2019 tổ chức ở đâu?"): the same
    question about another value, which leans on the chat for what it is about."""
    new = parts.values(expand_question(text))
    if not new or len(topic_terms(text)) >= FULL_QUESTION_TERMS:  # a question of its own
        return False
    rest = _without_values(text, new)
    return len(topic_terms(rest)) <= MAX_TOPIC_TERMS and not _own_name(rest)


def _own_name(text: str) -> bool:
    """A name of its own besides the values: in a message typed with accents, a word written
    capitalised past its first word that is none of the union's generic words ("Chủ tịch Công đoàn
    Dệt May Nam Định là ai?": "Dệt May" names the body asked about). A message that names what it
    asks about is a question of its own, not a year or place swapped into the chat's question —
    Vietnamese capitalises names, not slot words ("mỗi suất trị giá bao nhiêu?")."""
    typed = normalize(text).strip()
    if not has_diacritics(typed):
        return False
    words = [w.strip("“”\"'(),:;?!.") for w in typed.split()[1:]]
    return any(w[:1].isupper() and not w.isupper() and fold(w).lower() not in _GENERIC for w in words if w)


def _without_values(text: str, new: parts.Values) -> str:
    cut = new.spans(text, districts=False)
    return "".join(ch for i, ch in enumerate(text) if not any(a <= i < b for a, b in cut))


# A body a question can be about by its kind ("LĐLĐ tỉnh …", "Công đoàn ngành …", "công ty …"), folded.
_BODY = re.compile(r"\b(?:lien doan lao dong|tong lien doan|cong doan|cong ty|uy ban nhan dan|nghiep doan)\b")


def names_body(text: str) -> bool:
    """The message names, besides its values, the body it asks about by its kind ("Chủ tịch LĐLĐ tỉnh X",
    "công đoàn ngành …"): with a place, the body is whole — a question of its own, not a slot of the chat's."""
    new = parts.values(expand_question(text))
    return bool(_BODY.search(fold(expand_question(_without_values(text, new))).lower()))


def names_only_values(text: str) -> bool:
    """It names a year, ordinal, province or company and nothing else but its slot ("năm 2024 khẩu
    hiệu thế nào?", "ở Nghệ An ai làm chủ tịch?"): no topic syllable of its own says what event
    it is about. Read alone, such a message is answered from whichever article holds the value —
    any event of that year or place; only the chat says which event is meant. A province typed in lowercase
    ("năm 2023 ở bình dương thì sao ạ": `parts.lowercase_accented_provinces`, `parts.lowercase_provinces`) is a
    value too: members chatting type names without capitals, and its syllables say no event."""
    new = parts.values(expand_question(text))
    rest = _without_values(text, new)
    lower = parts.lowercase_accented_provinces(rest) + parts.lowercase_provinces(normalize(rest))
    for p in lower:
        rest = re.sub(rf"(?<!\w){re.escape(p)}(?!\w)", " ", rest)
    return bool(new or lower) and not topic_terms(rest)


def names_no_event(text: str) -> bool:
    """It names nothing an event could be told by — no year, ordinal, date, term, place (a lowercase province too),
    company, unit or person, no capitalised name of its own (`_own_name`) — and has fewer than `FULL_QUESTION_TERMS`
    topic syllables ("buổi lễ kết thúc lúc mấy giờ?", "mỗi đội được thưởng bao nhiêu tiền?", "ai đọc diễn văn khai
    mạc thế?"): a slot's words and no more. General Vietnamese: such a message cannot say which event it asks about; in a chat it
    asks about the chat's. A fresh question names its event (the team's fresh turns that name nothing have 6 topic
    syllables or more: the event written out without capitals)."""
    typed = normalize(text).strip()
    expanded = expand_question(typed)
    if parts.values(expanded) or parts.lowercase_accented_provinces(typed) or parts.lowercase_provinces(typed):
        return False
    if _KIND_NAMED.search(fold(expanded).lower()):  # "huyện yên phong", "cty hòa bình" typed in lowercase
        return False
    return not _own_name(typed) and not _full_name(typed) and len(topic_terms(typed)) < FULL_QUESTION_TERMS


# A place or workplace named by its kind and a word of its name, folded ("huyện yên phong", "kcn tân tạo"): a name,
# however it is typed. ("xã hội", "tính" fold alike and count too: the message is then left to the model, as before.)
_KIND_NAMED = re.compile(r"(?<!\w)(?:tinh|thanh pho|tp|huyen|quan|thi xa|xa|phuong|cong ty|cty|nha may|xi nghiep|"
                         r"khu cong nghiep|kcn|benh vien|truong)\s+[a-z]")


# The question words as typed with accents: "vầy" in "Tết Sum vầy" folds like "vậy" but is no question word.
_ACCENTED_QW = {"là gì", "là ai", "bao nhiêu", "bao lâu", "bao giờ", "ở đâu", "tại đâu", "khi nào", "lúc nào",
                "ngày nào", "năm nào", "tháng nào", "như thế nào", "thế nào", "ra sao", "vì sao", "tại sao",
                "cho biết", "xin hỏi", "có phải", "hay không", "được không", "nào", "gì", "ai", "mấy", "vậy",
                "nhỉ", "ạ", "hả", "không", "những đâu", "từ đâu", "đến đâu", "đi đâu", "về đâu"}
# "đâu" after a verb of motion asks where from / to ("xe xuất phát từ đâu?", "các đôi đến từ đâu?", "đoàn đi
# đâu?"), folded. Typed without accents they are also "từ đầu năm", "về đầu": a question phrase only at the
# question's end (`_CLOSED`), where Vietnamese puts "đâu".
_WHERE_TO = ("tu dau", "den dau", "di dau", "ve dau")
_QW_RE = re.compile(r"(?<![\w])(" + "|".join(sorted(map(re.escape, [*QUESTION_WORDS, *_WHERE_TO]), key=len,
                                                      reverse=True)) + r")(?![\w])")


_COUNTED = re.compile(r"\s+[^\W\d_]+")  # the noun after "bao nhiêu" / "mấy": part of the old slot
# Closing particles ("vậy", "nhỉ", "à", "hả"; folded): question words only at the question's end, where
# Vietnamese puts them — folded they are also "Hà", "ả", "vay" (a loan) inside it.
_CLOSING = {"vay", "nhi", "a", "ha"}
_CLOSED = re.compile(r"(?:[\s?.!,]|\b(?:vay|nhi|a|ha|nhe|nha|khong|the|thi sao)\b)*")


def _question_runs(text: str) -> tuple[list[str], list[str]]:
    """The pieces of a question between its question phrases (the thing "bao nhiêu / mấy" counted
    goes with them) and its commas, before the first question phrase and after it: "Tại Lễ … năm
    2023, có bao nhiêu công nhân được khen thưởng?" → (["Tại Lễ … năm 2023", "có"], ["được khen thưởng"])."""
    out, last = [], 0
    folded = fold_same_length(text).lower()
    accented = has_diacritics(text)
    for m in _QW_RE.finditer(folded):
        if m.start() < last:
            continue
        typed = text[m.start():m.end()]
        if (accented or has_diacritics(typed)) and typed.lower() not in _ACCENTED_QW:
            continue  # an ordinary word that folds like a question word ("May Tây Đô" is no "mấy")
        if m.group(1) in _CLOSING and not _CLOSED.fullmatch(folded[m.end():]):
            continue  # a closing particle closes the question: mid-question "ha" is "Hà" ("ha tinh" is Hà Tĩnh)
        if m.group(1) in _WHERE_TO and not has_diacritics(typed) and not _CLOSED.fullmatch(folded[m.end():]):
            continue  # unaccented mid-question "tu dau" is "từ đầu" (from the start), no question
        piece = text[last:m.start()]
        if m.group(1) == "nao":
            piece = _drop_asked_noun(piece)
        if m.group(1) == "bao nhieu":
            piece = _drop_measured(piece)
        out.append(piece)
        last = m.end()
        if m.group(1) in ("bao nhieu", "may"):
            counted = _COUNTED.match(text, last)
            if counted:
                last = counted.end()
                more = _COUNTED.match(text, last)  # a two-syllable noun: "công nhân", "đoàn viên"
                if more and " ".join(fold(text[counted.start():more.end()]).lower().split()) in COUNTED_NOUNS:
                    last = more.end()
                last = _counted_name_end(text, counted, last)
    out.append(text[last:])
    runs = [[" ".join(_drop_slot_cues(r, accented).split()) for r in piece.replace("?", " ").split(",")] for piece in out]
    return [r for r in runs[0] if r], [r for piece in runs[1:] for r in piece if r]


def _counted_name_end(text: str, counted: re.Match, last: int) -> int:
    """Where the thing counted ends when it is a name ("bao nhiêu Mái ấm Công đoàn?"): capitalised, it runs
    on over each capitalised word and the one lowercase syllable after it (Vietnamese writes a name's
    parts capitalised: "Mái ấm", "Công đoàn"), all the old slot's. `last` otherwise."""
    if not counted.group(0).strip()[:1].isupper():
        return last
    prev_upper = True
    while (word := _COUNTED.match(text, last)) and (word.group(0).strip()[:1].isupper() or prev_upper):
        prev_upper = word.group(0).strip()[:1].isupper()
        last = word.end()
    return last


def _drop_asked_noun(piece: str) -> str:
    """Without the noun that "nào" asks about at the end of `piece` ("diễn ra ở chỗ nào", "tổ chức
    tại địa điểm nào"): the old slot's, not the event's. A capitalised word is a name and stays; two
    syllables go when they are one noun ("địa điểm")."""
    words = piece.rstrip().split(" ")
    if not words or not words[-1] or not words[-1][:1].islower():
        return piece
    two = " ".join(fold(w).lower() for w in words[-2:])
    n = 2 if len(words) > 1 and words[-2][:1].islower() and (two in COUNTED_NOUNS or two in _ASKED_NOUNS) else 1
    return " ".join(words[:-n]) + " "


# What "<quantity> bao nhiêu?" measures (folded): "tổng vốn bao nhiêu", "chi phí bao nhiêu" ask the
# amount of the quantity named right before "bao nhiêu" — the old slot's words, not the event's.
_MEASURED = {"von", "tong von", "von dau tu", "tong von dau tu", "muc dau tu", "tong muc dau tu", "chi phi",
             "tong chi phi", "tong kinh phi", "gia", "gia tri", "tong gia tri", "so tien", "tong so tien",
             "quy mo", "gia thue"}


def _drop_measured(piece: str) -> str:
    """Without the quantity a "bao nhiêu" question measures at the end of `piece` (`_MEASURED`, the
    longest that fits; lowercase words only: a capitalised one is a name)."""
    words = piece.rstrip().split(" ")
    for n in (4, 3, 2, 1):
        tail = words[-n:]
        if len(words) > n and all(w[:1].islower() for w in tail) and " ".join(fold(w).lower() for w in tail) in _MEASURED:
            return " ".join(words[:-n]) + " "
    return piece


# Two-syllable nouns a "nào" question asks for (folded), beside the counted ones.
_ASKED_NOUNS = {"dia diem", "su kien", "noi dung", "hinh thuc", "danh hieu", "chuc vu", "hoat dong", "don vi",
                "co quan", "doanh nghiep"}


def topic_of(question: str, predicate: bool = True) -> str:
    """The event a question is about, with its qualifiers, built from its parts (`parts.topic`); without
    `predicate`, also without the old question's verb after its last value ("… tỉnh Phú Thọ kết nạp")."""
    return parts.topic(*_question_runs(expand_question(normalize(question).strip())), predicate=predicate)


_MAY = re.compile(r"(?<!\w)may(?!\w)")


def _drop_slot_cues(text: str, accented: bool = False) -> str:
    """Without the words that told the old question's kind ("có chủ đề", "khẩu hiệu", "kinh phí"):
    left in, they would decide the kind of the new one. In a question typed with accents, "May"
    that is not "mấy" is a name ("Công ty May Tây Đô"), no cue."""
    folded = fold_same_length(text).lower()
    if accented:
        for m in _MAY.finditer(folded):
            if text[m.start():m.end()].lower() != "mấy":
                folded = folded[:m.start()] + "___" + folded[m.end():]
    cut = [m.span() for _, rx in _TYPE_RULES for m in rx.finditer(folded)]
    if not cut:
        return text
    keep = " ".join("".join(ch for i, ch in enumerate(text) if not any(a <= i < b for a, b in cut)).split()).strip(" ,")
    # A cue that spans the whole piece ("Cuộc thi viết … tên": a name's) leaves no topic: kept whole.
    return keep or text


# A year said relative to another ("năm ngoái", "năm trước", "năm sau"), as typed or folded; not after a
# count ("5 năm sau" is a span of years).
_RELATIVE_YEAR = re.compile(r"(?<!\w)(năm|nam)\s+(ngoái|ngoai|trước|truoc|rồi|roi|sau|tới|toi)(?!\w)",
                            re.IGNORECASE)
_BEFORE = {"ngoai", "truoc", "roi"}


def relative_year(previous: str, message: str) -> str:
    """The message with a year said relative to the previous question's ("thế năm ngoái ở đó xảy
    ra mấy vụ?" after a question about 2025) written as that year: in a chat about an event, "last
    year" is the year before the event's (the article tells "năm 2024 …"), not before today. Only
    when the previous question names one year — in digits, or by the lunar cycle ("Tết Ất Tỵ" is 2025:
    `parts.cycle_years`); else the message as typed."""
    years = parts.values(previous).years or parts.cycle_years(previous)
    m = _RELATIVE_YEAR.search(message)
    if len(years) != 1 or not m or (m.start() and message[:m.start()].rstrip()[-1:].isdigit()):
        return message
    year = int(years[0]) + (-1 if fold(m.group(2)).lower() in _BEFORE else 1)
    return f"{message[:m.start()]}{m.group(1)} {year}{message[m.end():]}"


# An edition said relative to the topic's ("khóa trước", "nhiệm kỳ trước", "đại hội lần trước", "lần sau"),
# as typed or folded: the lead word of an ordinal or a term, then before / next.
_RELATIVE_EDITION = re.compile(r"(?<!\w)(nhiệm kỳ|nhiem ky|khóa|khoá|khoa|đại hội|dai hoi|lần|lan)(\s+(?:thứ|thu))?"
                               r"\s+(trước|truoc|sau|tới|toi|kế tiếp|ke tiep)(?!\w)", re.IGNORECASE)


def relative_edition(previous: str, message: str) -> str:
    """The message with an edition said relative to the previous question's ("thế khóa trước có bao
    nhiêu ủy viên?" after a question about the congress "khóa XII") written as that edition: the
    ordinal one less or more ("khóa XI", written as the topic writes its own, roman or digits), or —
    "nhiệm kỳ trước" after a term "2023-2028" — the term as long before or after ("nhiệm kỳ
    2018-2023"). In a chat about one body's congress, "the previous term" is its own previous one.
    Only when the previous question names the ordinal or term to count from; else as typed."""
    m = _RELATIVE_EDITION.search(message)
    if not m:
        return message
    old = parts.values(previous)
    step = -1 if fold(m.group(3)).lower() in ("truoc",) else 1
    lead = fold(m.group(1)).lower()
    if old.term and (lead == "nhiem ky" or not old.ordinal):
        a, b = (int(y) for y in re.findall(r"\d{4}", old.term)[:2])
        said = f"{m.group(1)} {a + step * (b - a)}-{b + step * (b - a)}"
        if lead != "nhiem ky":
            said = f"nhiệm kỳ {a + step * (b - a)}-{b + step * (b - a)}"
    elif old.ordinal and lead != "nhiem ky":
        n = parts.ordinal_number(old.ordinal) + step
        if n < 1:
            return message
        said = f"{m.group(1)}{m.group(2) or ''} {parts.ordinal_like(old.ordinal, str(n))}"
    else:
        return message
    return f"{message[:m.start()]}{said}{message[m.end():]}"


def combine(previous: str, message: str) -> str:
    """The question the member means, from the previous question and this follow-up."""
    return combine_topic(previous, message)[0]


def new_values(previous: str, message: str) -> parts.Values:
    """The year, ordinal, province and company the message names that the previous question
    does not (the same year said again swaps nothing)."""
    old, new = parts.values(previous), parts.values(expand_question(normalize(message)))
    contrasts = opens_back(message) or contrasts_value(message)
    if new.place is None and old.place and contrasts:
        # "thế trường nghề ha nam thì …" after a question about Ninh Bình's: a province typed in
        # lowercase, where the member contrasts places, is the place swapped in — by "còn / thế" or by fronting it
        # with "thì" ("bình dương năm 2024 thì …", `contrasts_value`: "<X> thì" sets X against the chat's).
        lower = [p for p in parts.lowercase_provinces(normalize(message)) + parts.lowercase_accented_provinces(message)
                 if not places(with_accents(fold(p))) & places(old.place)]
        # Written as a name ("Quang Nam"): the understood question names it where the old one was.
        new = dataclasses.replace(new, place=" ".join(w[:1].upper() + w[1:] for w in lower[0].split())) if lower else new
    if new.company is None and old.company and contrasts:
        # "còn ở công ty giày vĩnh hưng thì sao?" after a question about a company: a company typed in
        # lowercase, where the member contrasts workplaces, is the company swapped in.
        new = dataclasses.replace(new, company=parts.lowercase_company(expand_question(normalize(message))))
    years = [y for y in new.years if y not in old.years]
    same = lambda a, b: a is not None and b is not None and fold(a).lower() == fold(b).lower()  # noqa: E731
    # One province however named ("Huế" / "Thừa Thiên Huế"): no swap.
    same_place = same(new.place, old.place) or bool(new.place and old.place and places(new.place)
                                                     and places(new.place) == places(old.place))
    term = None if new.term is None or (old.term and parts.same_term(new.term, old.term)) else new.term
    restated = bool(set(new.years) & set(old.years)) or parts.same_ordinal(new.ordinal, old.ordinal)
    unit = None if new.place or new.company else unit_of(previous, message)
    company = None if same(new.company, old.company) else new.company
    if unit and old.company and not _UNIT_PLACE.match(fold(unit).lower()):
        # "Còn ở Dệt may Hòa Thọ thì …" after a question about "Công ty TNHH Giày da Phú Thịnh": a
        # workplace named without its kind, where the member contrasts workplaces, is the company swapped in.
        company, unit = unit, None
    # A date of the same form as the previous question's, and another ("còn đợt tháng 8/2025 …" after "… tháng 4/2025"):
    # the event's day or month swapped, as a year is.
    was = parts.dates(previous)
    date = next((d for d in parts.dates(message) if any(parts.same_date_form(d, w) for w in was) and d not in was), None)
    return parts.Values([] if term else years[:1], None if parts.same_ordinal(new.ordinal, old.ordinal) else new.ordinal,
                        None if same_place else new.place, company, term, restated, unit, new.ordinal_kind,
                        sector_swapped(previous, message), group_swapped(previous, message),
                        ordinal_lead=new.ordinal_lead, date=date,
                        restated_ordinal=parts.same_ordinal(new.ordinal, old.ordinal))


# A unit named after "ở" that is a place inside a province, not a workplace ("ở KCN Yên Bình", "ở xã …"), folded.
_UNIT_PLACE = re.compile(r"(?:kcn|khu|cum|xa|phuong|thon|ap|ban|lang)(?!\w)")


def group_swapped(previous: str, message: str) -> str | None:
    """Another number for the previous question's numbered group ("còn tổ 5 thì sao?" after "Tổ 3 của
    xưởng may được thưởng bao nhiêu?", `parts.group_of`): the same question about the group of that
    number. Only a group of the kind the previous question names (a "tổ" for a "tổ"), and only when
    that one has a number; None when the number is the same."""
    old, new = parts.group_of(previous), parts.group_of(expand_question(normalize(message)))
    if not old or not new or old[0] != new[0] or int(old[1]) == int(new[1]):
        return None
    return new[1]


def sector_swapped(previous: str, message: str) -> str | None:
    """Another sector the message names in place of the previous question's ("thế ngành Y tế thì
    ai làm chủ tịch?" after a question about "Công đoàn ngành Giáo dục tỉnh …", `parts.sector_of`):
    the same question about that trade's union. None when the previous question names no sector
    (a sector then is a topic of its own, not a swap) or the message names the same one."""
    old, text = parts.sector_of(previous), expand_question(normalize(message))
    new = parts.sector_of(text)
    if not old or not new:
        return None
    name, was = fold(text[new[0]:new[1]]).lower(), fold(normalize(previous)[old[0]:old[1]]).lower()
    return None if name == was else text[new[0]:new[1]]


def own_terms(previous: str, message: str) -> int:
    """How many topic syllables a message has besides the values it names (a province, company,
    unit, year, ordinal: `parts.Values.spans`): "còn ai của Liên đoàn Thành phố Hồ Chí Minh?" is
    a place swapped in and a slot, however many syllables the place's name has — not a whole
    question of its own (`FULL_QUESTION_TERMS`)."""
    text = expand_question(normalize(message))
    new = new_values(previous, message)
    cut = new.spans(text, districts=False)
    rest = "".join(ch for i, ch in enumerate(text) if not any(a <= i < b for a, b in cut))
    return len(topic_terms(rest))


# A person is named by a kinship or courtesy word and a capitalised name, however typed ("chị Phạm
# Thị Mai", "chi Pham Thi Mai", "ông Nguyễn Văn Bình"): the name is two to four capitalised words.
_PERSON = re.compile(r"(?<!\w)(?:anh|chị|chi|ông|ong|bà|ba|cô|co|em|thầy|thay|cháu|chau|đồng chí|dong chi)\s+"
                     r"((?:[A-ZĐ][^\s,.;:!?()]*)(?:\s+[A-ZĐ][^\s,.;:!?()]*){1,3})")


def _full_name(text: str) -> re.Match | None:
    """The first person `text` names (`_PERSON`) when the name opens with a family name (`names`)."""
    m = _PERSON.search(text)
    return m if m and fold(m.group(1).split()[0]).lower() in FOLDED_FAMILY_NAMES else None


def person_of(previous: str, message: str) -> str | None:
    """The person a follow-up names (`_PERSON`: "còn nhà của chị Phạm Thị Mai thì sao?") that
    the previous question does not: another member's house, gift or story of the same kind, which
    the answering article must name. None when the previous question already names them, or when
    none is named (a given name alone, "anh Hùng"; a body, "Công đoàn …": no family name first)."""
    m = _full_name(normalize(message))
    if not m:
        return None
    name = m.group(1).strip()
    return None if folded_words(name) in folded_words(previous) else name


_AT_UNIT = re.compile(r"^(?:o|tai)\s+")


def unit_of(previous: str, message: str) -> str | None:
    """The unit a "còn / thế" follow-up names after "ở / tại" that is no province or company of
    the kinds `parts` knows ("còn ở Samsung thì sao?", "con o samsung thi bao nhieu nguoi"): the
    same event at another workplace or body, which the answering article must name. Its name runs
    up to the question's own words (`parts.NOT_IN_NAME`, "thì", the question words) or a comma;
    typed with accents, its words are capitalised (a name: "ở cấp tỉnh" names none). None when the
    previous question already says it or it has no topic syllable ("ở đó")."""
    body = expand_question(normalize(message).strip())
    m = _BACK.match(fold_same_length(body).lower())
    if not m:
        return None
    body = body[m.end():]
    at = _AT_UNIT.match(fold_same_length(body).lower())
    if not at:
        return None
    accented = has_diacritics(body)
    words: list[str] = []
    for w in body[at.end():].split():
        bare = w.strip(",.;:!?")
        f = fold(bare).lower()
        # Typed with accents, a name is its capitalised words as typed ("May Hòa Lợi": no "mấy").
        stop = (not bare[:1].isupper() or bare.lower() in parts.NOT_NAME_TYPED if accented
                else f in parts.NOT_IN_NAME or f in QUESTION_WORDS or _FILLER.fullmatch(f))
        if not bare or stop:
            break
        words.append(bare)
        if bare != w or len(words) == MAX_UNIT_WORDS:
            break
    name = " ".join(_bridged_name(words, body[at.end():].split()) if accented else words)
    if not name or parts.values(name) or not topic_terms(name) or folded_words(name) in folded_words(previous):
        return None
    return name


def _bridged_name(words: list[str], typed: list[str]) -> list[str]:
    """A capitalised name run on past lowercase words inside it (`parts.bridged_words`: "Dệt may Hòa
    Thọ", "Điện lực miền Bắc" — Vietnamese capitalises a name's first syllable only), up to
    `MAX_UNIT_WORDS`."""
    if not words or len(words) >= MAX_UNIT_WORDS or typed[len(words) - 1:len(words)] != words[-1:]:
        return words  # (the name ends at a stop or comma as typed: "Còn ở Yamaha, Honda thì sao?")
    more = parts.bridged_words(" ".join(typed[:len(words)]), " ".join(typed[len(words):]))
    return (words + more)[:MAX_UNIT_WORDS]


# A time or an edition pointed back to ("năm đó", "lần đó", "đợt ấy"; unaccented "nam do"): it says when,
# not what — the words before it are the member's own noun ("Hội nghị tổng kết năm đó": the summary
# conference of that year), not the topic's name said again. Typed with accents as typed ("hội" is no "hồi").
_WHEN_TYPED = {"năm", "lần", "dịp", "đợt", "kỳ", "kì", "khi", "lúc", "hồi", "tháng", "ngày", "tuần", "mùa"}


def _when(word: str) -> bool:
    w = word.lower().strip(",")
    return w in _WHEN_TYPED if has_diacritics(w) else fold(w) in parts.WHEN_FOLDED


def _unpoint(words: list[str], said: set[str]) -> list[str]:
    """Without "… đó / ấy" and the words before it that the topic already says ("công đoàn đó",
    "lễ đó"); unaccented "do" points back only after such a word (else it is "do ai", by whom).
    A time or edition pointed back to ("năm đó", `_when`) goes alone: the noun before it stays."""
    out: list[str] = []
    for w in words:
        f = fold(w).lower().strip(",.!?")
        typed_back = w.lower().strip(",.!?") in ("đó", "ấy", "này")
        if (typed_back or f in ("do", "ay")) and out and fold(out[-1]).lower().strip(",") in said:
            while out and fold(out[-1]).lower().strip(",") in said:
                if _when(out.pop()):
                    break
            else:
                if out and out[-1].lower() in _CLASSIFIERS:
                    out.pop()
            continue
        if typed_back and out and not _QW_RE.fullmatch(fold(out[-1]).lower().strip(",")):
            # "khóa đó", "ngôi nhà ấy": the thing the topic names, in other words
            if len(out) > 1 and _one_word(out[-2], out[-1]):
                # "đại hội đó" after a question naming its event by other words ("Chủ tịch … khóa XIII"): a noun of
                # two syllables that the topic does not say names the kind of event asked about; it stays, "đó" goes
                continue
            noun = out.pop()
            if not _when(noun):
                if out and out[-1].lower() in _CLASSIFIERS:
                    out.pop()  # "ngôi nhà ấy": the classifier goes with its noun, not "ngôi" left asking
                while out and fold(out[-1]).lower().strip(",") in said:
                    out.pop()
            continue
        if typed_back:
            continue
        out.append(w)
    return out


def _one_word(first: str, second: str) -> bool:
    """Whether two syllables as typed make up one dictionary word (`restore.general().pairs`, the pyvi dictionary's
    pairs; folded when either is typed without accents): "đại hội", "chương trình", "hội nghị". General Vietnamese:
    a noun is often two syllables, and "<noun> đó" points back with the whole noun."""
    a, b = first.lower().strip(",.!?"), second.lower().strip(",.!?")
    if has_diacritics(a) and has_diacritics(b):
        return f"{a} {b}" in general().pairs
    return f"{fold(a)} {fold(b)}" in _folded_pairs()


# Classifiers typed before a noun ("ngôi nhà", "chiếc xe", "căn hộ"): part of the noun a "… đó / ấy" points back with.
_CLASSIFIERS = {"ngôi", "chiếc", "cái", "căn", "bức", "tấm", "cuốn", "quyển", "tòa", "toà"}


@functools.cache
def _folded_pairs() -> frozenset[str]:
    """The dictionary's syllable pairs folded, made once (the dictionary is loaded lazily: not at import)."""
    return frozenset(fold(p) for p in general().pairs)


def slot_of(message: str, swapped: parts.Values, topic: str) -> str:
    """What the follow-up asks, without its opening ("còn / thế"), the values it swaps into the
    topic, the thing it points back to ("lễ đó") and filler ("vậy", "ạ", "thì sao")."""
    body = expand_question(normalize(message).strip())
    m = _BACK.match(fold_same_length(body).lower())
    if m:
        body = body[m.end():]
    # Every value it names goes: a new one is swapped into the topic, one the topic already holds
    # ("2020 của cđ kcn …" after a question about 2020) would be said twice.
    said = set(fold(expand_question(topic)).lower().split())
    cut = (swapped.spans(body) if swapped or parts.values(body) else []) + _that_spans(
        body, said, typed=normalize(message))
    body = "".join(ch for i, ch in enumerate(body) if not any(a <= i < b for a, b in cut))
    words = _unpoint(body.replace("?", " ").split(), said)
    words = [w for w in words if not _tail(w)]
    # "khẩu hiệu của khóa ấy là gì?": with the thing pointed back to cut, "của" before "là" or
    # nothing owns nothing ("của mấy tỉnh", "của ai" still own what they ask).
    words = [w for i, w in enumerate(words) if not (fold(w).lower().strip(",") == "cua" and (
        i + 1 == len(words) or fold(words[i + 1]).lower().strip(",") == "la"))]
    if len(words) >= 2 and " ".join(fold(w).lower() for w in words[-2:]) in ("thi sao", "the nao"):
        words = words[:-2]
    while words and (fold(words[0]).lower().strip(",") in ("thi", "con", "rieng") or opens_with_they(words[0])):
        words = words[1:]  # "họ": the subject is the topic's event itself
    return clean(" ".join(_topic_comment(words, said))).strip(" ,.!")


# Words that only tie a noun to the value cut after it ("chuyến tàu của <Đồng Nai>", "lễ ở <Huế>"), folded.
_TIES = {"cua", "o", "tai", "ben", "phia"}


def _topic_comment(words: list[str], said: set[str] = frozenset()) -> list[str]:
    """"<what it is about> thì <what is asked>" (typed "thì": unaccented "thi" is also a contest): with
    the values cut, what is left before "thì" is a lone noun that pointed at them ("còn vụ <a company>
    thì bao nhiêu hồ sơ?": "vụ"), or the topic's own noun said again ("còn chuyến tàu của <Đồng Nai>
    thì chở bao nhiêu người?": "chuyến tàu của", every word of it the topic's (`said`, folded) or a tie),
    and goes; or the thing asked about, set apart by a comma ("anh Trí, diện tích bao nhiêu"), not "vụ
    thì bao nhiêu hồ sơ"."""
    at = next((i for i, w in enumerate(words) if w.strip(",") == "thì"), None)
    if not at or at + 1 == len(words):
        return words
    before, after = words[:at], words[at + 1:]
    if asks(" ".join(before)) or not asks(" ".join(after)):
        return words
    if len(before) == 1 and before[0][:1].islower():
        return after
    folded = [fold(w).lower().strip(",") for w in before]
    if said and folded[0] not in _TIES and all(w in said or w in _TIES for w in folded):
        return after
    return [*before[:-1], before[-1].rstrip(",") + ",", *after]


def clean(text: str) -> str:
    """Without the gaps a cut leaves: " ," and ", ," (a value cut from between commas)."""
    text = re.sub(r"\s+([,?])", r"\1", " ".join(text.split()))
    return re.sub(r",(?:\s*,)+", ",", text).strip(" ,")


_TAIL = {"vay", "a", "nhi", "nha", "ha", "vậy", "ạ", "à", "nhỉ", "nhé", "nhá", "hả"}


def _tail(word: str) -> bool:
    """A closing particle ("vậy", "ạ", "nhé"; typed without accents "vay", "nha"). A word typed
    with accents is read as typed: "nhà" (a house: "hỗ trợ bao nhiêu nhà?") is no "nha"."""
    w = word.lower().strip(",.!")
    return w in _TAIL if has_diacritics(w) else fold(w) in _TAIL


def combine_topic(previous: str, message: str) -> tuple[str, str]:
    """(the question meant, the topic to keep), another person named (`person_of`) put in the
    place of the one the previous question names: "còn nhà chị Phạm Thị Mai thì được bao nhiêu?"
    after "Mái ấm Công đoàn của anh Trần Văn Hùng được hỗ trợ bao nhiêu tiền?" asks of "Mái ấm
    Công đoàn của chị Phạm Thị Mai …", not of both (`_combine` does the rest)."""
    moved = _person_moved(previous, message)
    return _combine(*moved) if moved else _combine(previous, message)


def _person_moved(previous: str, message: str) -> tuple[str, str] | None:
    """(the previous question with its person replaced by the message's, the message without
    them), or None when the message names no other person or the previous question names none."""
    if not person_of(previous, message):
        return None
    typed = normalize(message)
    new, old = _PERSON.search(typed), _full_name(previous)
    if not old:
        return None
    before = re.sub(r"(?:(?<=\s)|^)(?:của|cua)\s*$", "", typed[:new.start()])  # "nhà của chị …": "của" goes with them
    rest = " ".join(f"{before} {typed[new.end():]}".split())
    return f"{previous[:old.start()]}{new.group(0)}{previous[old.end():]}", rest


def asks_again(previous: str, message: str) -> bool:
    """The message swaps a year, ordinal, place or company into `previous` and asks nothing of its
    own ("còn năm 2024 thì sao?", "thế Nghệ An?", "con nam 2023 thi bn"): the
    previous question again, about the new value."""
    prev = expand_question(normalize(previous).strip())
    swapped = new_values(prev, message)
    return bool(swapped) and _same_slot(prev, slot_of(message, swapped, prev))


def _same_slot(prev: str, slot: str) -> bool:
    """No slot of its own, or the previous question's slot in the same words ("thế năm 2022 chủ đề
    là gì?" after "… năm 2021 có chủ đề là gì?")."""
    folded_slot = fold(slot).lower()
    said = set(re.findall(r"[a-z0-9]+", fold(prev).lower()))
    own = set(re.findall(r"[a-z0-9]+", folded_slot)) - {"thi", "la", "co"}
    # A slot that asks nothing and only names again what the previous question named ("còn đại hội
    # công đoàn tỉnh Sơn La lần XVI thì sao?" after "Đại hội Công đoàn tỉnh … có bao nhiêu đại
    # biểu?": the event's noun said with the new values) is no slot of its own either.
    # A slot written as a name ("May Thành Nam", capitalised past its first word: `_own_name`) names the other
    # body or event the member moves to, however few its topic syllables ("May" folds like "mấy").
    few = len(topic_terms(slot)) <= MAX_TOPIC_TERMS and not _own_name(slot)
    return not slot or (not asks(slot) and (few or own <= said)) or (
        question_type(slot) == question_type(prev) and own <= said)


def _combine(previous: str, message: str) -> tuple[str, str]:
    """(the question meant, the topic to keep for the next follow-up). A new year, ordinal,
    province or company is swapped into the previous question (`parts.swap`): with no slot of its
    own, or the previous question's slot, the member asks the previous question about the new
    value ("còn lần thứ XV thì sao?"); with a new slot, it is asked of the topic — the event and
    its qualifiers, built from the parts of the question (`topic_of`) — with the new values ("thế
    ở Nghệ An ai làm chủ tịch?"). A new slot alone asks about the same topic ("ai nhận?" then "ở
    đâu?" both refer to the first question, not to each other)."""
    prev = expand_question(normalize(previous).strip())
    swapped = new_values(prev, message)
    base = parts.swap(prev, swapped) if swapped else prev
    slot = slot_of(message, swapped, prev)
    same_slot = _same_slot(prev, slot)
    if swapped and same_slot:
        # "còn năm 2018 thì sao?" / "còn ở Hải Phòng?": the previous question about the new value.
        return _typed_like(previous, base), _typed_like(previous, base)
    # A slot that asks nothing names the other event or body the member moves to ("còn Tết Sum vầy thì
    # sao?", "còn May Thành Nam năm 2024?"): the previous question about it, the swapped values in —
    # not that name tacked on as a slot ("…, May Thành Nam?", a question with no question in it).
    renamed = None if not slot or asks(slot) else _renamed(base, slot)
    if renamed:
        # "còn Tết Sum vầy thì sao?": the previous question about the event it names instead.
        return _typed_like(previous, renamed), _typed_like(previous, renamed)
    if not slot:
        return _typed_like(previous, base), _typed_like(previous, base) if swapped else previous
    if swapped.unit:  # "… ở samsung, có bao nhiêu người?": the unit qualifies the topic
        rest_values = dataclasses.replace(swapped, unit=None)
        rest = parts.swap(prev, rest_values) if rest_values else prev
        # the old question's own unit ("… ở Yamaha …") replaced, as a company swapped in is (`parts.with_unit`)
        moved = parts.with_unit(rest, swapped.unit)
        understood = f"{topic_of(moved)}, {slot}?" if moved else f"{topic_of(rest)} ở {swapped.unit}, {slot}?"
    else:
        # The old question's verb ("… lần thứ VI thu", "… tỉnh Phú Thọ kết nạp") asked its own slot: a slot
        # of another kind ("điểm chính tổ chức ở đâu?" after a count) asks of the event, not of that verb. A
        # slot of the same kind ("ai nhất?" after "… thuộc về ai?") says the old question again: verb kept.
        understood = f"{_joined(topic_of(base, predicate=question_type(slot) == question_type(prev)), slot)}?"
    # A new slot typed without accents after an accented question ("quy mai am cd ho tro bn?"): the
    # whole question without them, or the search would read the slot's words as typed, unrestored.
    # ("còn" typed with its accent before an unaccented rest is still typed without them).
    rest = _BACK_TYPED.sub("", normalize(message).strip(), count=1)
    plain_slot = not has_diacritics(rest) and has_diacritics(normalize(previous))
    return (_typed_like(rest if plain_slot else previous, understood),
            _typed_like(previous, base) if swapped else previous)


_AT = re.compile(r"^(?:o|tai|ben|phia)\s+")


def _renamed(prev: str, name: str) -> str | None:
    """The previous question about another event or body the follow-up names and asks nothing
    else of ("còn Tết Sum vầy thì sao?", "thế Hội thao công nhân thì sao?"): its topic
    (`topic_of`) replaced by the name, the topic's year, place and company kept when the name has
    none of its own — the member moves to another event of the same time and place (a year the topic
    writes only in a term, "nhiệm kỳ 2023–2028", is the old body's term: not kept). A name
    after "ở / tại" ("còn ở Yamaha?") qualifies the old topic instead: said after it. None when
    the message names nothing (no topic syllable, nothing capitalised) or the topic is not found
    written in the question."""
    if not topic_terms(name):
        return None
    at = _AT.match(fold_same_length(name).lower())
    if at:
        q = prev.rstrip(" ?")
        return f"{q} {name}{'?' if prev.rstrip().endswith('?') else ''}"
    topic = topic_of(prev, predicate=False)
    found = _written_at(prev, topic) if topic else None
    if not found:
        return None
    start, end = _named_piece(prev, found, name)
    company = next((c for c in parts.company_spans(prev[start:end])), None)
    if company and (start, end) != found:
        # "còn May Thành Nam?" where the piece names a company ("Công đoàn Công ty May Phước Lộc"): the
        # company's own name goes, its kind and its union stay.
        return prev[:start + company[2]] + name + prev[start + company[3]:]
    old, own = parts.values(prev[start:end]), parts.values(name)
    # A term ("nhiệm kỳ 2023–2028") is the old body's own, not a year the other body's event is of.
    keep = [] if own.years or own.term or old.term or parts.names_own_time(name) else [f"năm {y}" for y in old.years[:1]]
    if old.place and not own.place:
        keep.append(f"ở {old.place}" if not parts.is_district(old.place) else old.place)
    named = " ".join([name] + keep)
    return prev[:start] + named + prev[end:]


def _joined(topic: str, slot: str) -> str:
    """The topic and the new slot as one question, the words the topic ends with and the slot opens with said
    once ("Hội thao … kéo dài" + "kéo dài bao lâu" → "Hội thao … kéo dài bao lâu"): a member repeats the old
    question's verb with the new question word."""
    t, s = topic.split(), slot.split()
    for k in range(min(len(t) - 1, len(s) - 1), 0, -1):
        if fold(" ".join(t[-k:])).lower() == fold(" ".join(s[:k])).lower():
            return f"{' '.join(t[:-k])} {slot}"
    return f"{topic}, {slot}"


def _named_piece(question: str, found: tuple[int, int], name: str) -> tuple[int, int]:
    """Which piece of the topic written across commas (`found`: "Dịp Tết 2024, Công đoàn Công ty X") a named
    event or body replaces: the piece that shares a word with the name ("Tết Sum vầy" → the piece with "Tết";
    "May Thành Nam" → "… Công ty May Phước Lộc"), else the one that names a company (a name with no word of the
    occasion's is another workplace); the whole topic when it is one piece or neither tells. An occasion and
    the body that marks it are two things a member moves between one at a time."""
    start, end = found
    pieces = [(start + m.start(), start + m.end()) for m in re.finditer(r"[^,]+", question[start:end])]
    pieces = [(a + len(question[a:b]) - len(question[a:b].lstrip()), b) for a, b in pieces if question[a:b].strip()]
    if len(pieces) < 2:
        return found
    said = set(topic_terms(name))
    shared = [(len(said & set(topic_terms(question[a:b]))), (a, b)) for a, b in pieces]
    best = max(shared)
    if best[0] and sum(1 for n, _ in shared if n == best[0]) == 1:
        return best[1]
    # "còn Tết Nguyên đán?" names another occasion, never a workplace: the piece without a company
    wanted = not parts.names_event(name)
    named = [(a, b) for a, b in pieces if bool(parts.company_spans(question[a:b])) == wanted]
    return named[0] if len(named) == 1 else found


def _written_at(question: str, topic: str) -> tuple[int, int] | None:
    """Where `question` writes `topic` (`topic_of`, built from the question's pieces between its commas:
    "Tết Ất Tỵ 2025, công đoàn …" gives "Tết Ất Tỵ 2025 công đoàn …"): its words in order, a comma or
    spaces between them as the question has them. None when it is not written so."""
    words = topic.split()
    m = re.search(r"[\s,]+".join(map(re.escape, words)), question) if words else None
    return m.span() if m else None


def _typed_like(previous: str, question: str) -> str:
    """Without accents when the previous question was typed without them: the accents that the
    abbreviations' expansions ("UBND") or an accented follow-up add would make the search read the
    question as accented and skip restoring the accents of the rest ("Dai hoi … ủy ban nhân dân
    tinh Hai Duong, có bao nhiêu đoàn viên dự?")."""
    if has_diacritics(normalize(previous)):
        return question
    return "".join(fold(c).upper() if c.isupper() else (fold(c) or c) for c in question)


def asks(slot: str) -> bool:
    """The slot asks something: a question word (`QUESTION_WORDS`, not the closing particles nor "cho biết /
    xin hỏi"). One of `_ACCENTED_QW` as typed asks; another typed with accents does not ("máy", "Hà"); bare, it asks
    unless a word beside it is typed with accents — then the member was typing accents and the bare word is
    another ("Dệt may Thành Công", "công ty may Nhà Bè" are no "mấy"; "… liên đoàn lao động huyện ten gi", the
    shorthand expanded with accents, still asks)."""
    typed = normalize(slot)
    folded = fold_same_length(typed).lower()
    for m in _QW_RE.finditer(folded):
        word = typed[m.start():m.end()]
        if m.group(1) in _NOT_ASKING:
            continue
        if word.lower() in _ACCENTED_QW:  # as typed with accents ("ai", "nào" too)
            return True
        if m.group(1) in _WHERE_TO and not _CLOSED.fullmatch(folded[m.end():]):
            continue  # "tu dau nam" is "từ đầu năm": "đâu" asks at the question's end
        beside = typed[:m.start()].split()[-1:] + typed[m.end():].split()[:1]
        if not has_diacritics(word) and not any(has_diacritics(w) for w in beside):
            return True
    return False


_NOT_ASKING = {"vay", "nhi", "a", "ha", "cho biet", "xin hoi"}  # closing particles and openers: they ask no slot


# Nouns that count people (folded): the unit class of people and the offices a person holds ("chủ tịch", "giám đốc").
_PEOPLE_COUNTED = UNIT_CLASSES[0] | set(ROLES)
_HOW_MANY = r"(?<!\w)(?:bao nhiêu|mấy)\s+"  # the count asked, as typed ("bn" written out first)
_COUNT_ASKED = re.compile(_HOW_MANY + r"(người)(?!\w)", re.IGNORECASE)


def people_counted(previous: str, message: str) -> str | None:
    """The message with the generic "người" it counts ("bao nhiêu người?", "mấy người") written as the people the
    previous question counted by a noun of their own ("bao nhiêu công nhân", "mấy chủ tịch công đoàn cơ sở":
    a people noun or an office), else None. General Vietnamese: "người" is the generic noun for any group of people,
    so a member who asks the same count of another body says "bao nhiêu người" for the same people; an article
    counts several groups ("850 người lao động" assisted, "3.100 công nhân" with fewer hours), and read as any count
    of people, the answer step may quote another group's number."""
    said = expand_question(normalize(message))
    if noun_phrase(fold(said).lower()) != ["nguoi"]:
        return None
    before = expand_question(normalize(previous))
    counted = noun_phrase(fold(before).lower())
    if not counted or counted[0] == "nguoi" or " ".join(counted) not in _PEOPLE_COUNTED:  # "người …": the same word
        return None
    m = re.search(_HOW_MANY + r"((?:\S+\s+){%d})" % (len(counted) - 1) + r"(\S+?)(?=[\s?.,!]|$)", before,
                  re.IGNORECASE)
    asked = list(_COUNT_ASKED.finditer(said))
    if not m or not asked or [w for w in fold(f"{m.group(1)}{m.group(2)}").lower().split()] != counted:
        return None
    last = asked[-1]
    return f"{said[:last.start(1)]}{m.group(1)}{m.group(2)}{said[last.end(1):]}"
