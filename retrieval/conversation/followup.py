"""Follow-up questions in a chat: "còn năm 2018 thì sao?", "ai nhận?", "tổ chức ở đâu vậy?".

A message read with the previous question (`continuation.read` decides when) becomes the
previous topic with the new slot, or the previous question with the new year / place. Pure text
functions: the conversation core keeps who asked what.
"""
from __future__ import annotations

import re

from knowledge.text import fold, fold_same_length, has_diacritics, normalize

from ..language.chat import expand_question
from ..index.lexical import QUESTION_WORDS, tokens
from ..language.places import places
from ..language.qtype import RULES as _TYPE_RULES
from ..language.qtype import YEAR
from ..answering.spans import COUNTED_NOUNS

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


def topic_terms(text: str) -> list[str]:
    """Folded topic syllables: the question words, slot names, years, filler, function words and
    the union's generic words removed — unless a calendar word is written capitalised inside the
    message, as part of an event's name."""
    typed = normalize(text)
    named = {fold(m.group(1) or m.group(2)).lower() for m in _NAMED.finditer(typed)} & _CALENDAR
    folded = fold(expand_question(typed)).lower()
    for rx in _SLOT_NAMES:
        folded = rx.sub(" | ", folded)
    return [t for t in tokens(folded, drop_question_words=True)
            if "_" not in t and not YEAR.fullmatch(t) and not _FILLER.fullmatch(t)
            and (t not in _GENERIC or t in named) and t not in _FUNCTION]


# "kế hoạch đó", "năm ấy": a thing already talked about (as typed: folded "do" is also "do ai").
_THAT = re.compile(r"(?<!\w)\w+\s+(?:đó|ấy)(?!\w)", re.IGNORECASE)


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
    it says "… đó / ấy", or it has no topic syllable at all ("ai nhận?", "tổ chức ở đâu?")."""
    typed = normalize(text).strip()
    q = fold(expand_question(typed)).strip(" ?.!")
    if _BACK.match(q) and (not has_diacritics(typed) or _BACK_TYPED.match(typed)):
        return True
    return bool(_THAT.search(typed)) or not topic_terms(typed)


# The question words as typed with accents: "vầy" in "Tết Sum vầy" folds like "vậy" but is no question word.
_ACCENTED_QW = {"là gì", "là ai", "bao nhiêu", "bao lâu", "bao giờ", "ở đâu", "tại đâu", "khi nào", "lúc nào",
                "ngày nào", "năm nào", "tháng nào", "như thế nào", "thế nào", "ra sao", "vì sao", "tại sao",
                "cho biết", "xin hỏi", "có phải", "hay không", "được không", "nào", "gì", "ai", "mấy", "vậy",
                "nhỉ", "ạ", "hả", "không", "những đâu"}
_QW_RE = re.compile(r"(?<![\w])(" + "|".join(sorted(map(re.escape, QUESTION_WORDS), key=len, reverse=True))
                    + r")(?![\w])")


_COUNTED = re.compile(r"\s+[^\W\d_]+")  # the noun after "bao nhiêu" / "mấy": part of the old slot


def _strip_question(text: str) -> str:
    """The previous question's topic: its question phrasing cut out, with the thing it counted
    ("… trao cho bao nhiêu người?" → "… trao cho"), so the new slot is asked alone."""
    out, last = [], 0
    folded = fold_same_length(text).lower()
    for m in _QW_RE.finditer(folded):
        if m.start() < last:
            continue
        typed = text[m.start():m.end()]
        if has_diacritics(typed) and typed.lower() not in _ACCENTED_QW:
            continue  # an ordinary word that folds like a question word
        out.append(text[last:m.start()])
        last = m.end()
        if m.group(1) in ("bao nhieu", "may"):
            counted = _COUNTED.match(text, last)
            if counted:
                last = counted.end()
                more = _COUNTED.match(text, last)  # a two-syllable noun: "công nhân", "đoàn viên"
                if more and " ".join(fold(text[counted.start():more.end()]).lower().split()) in COUNTED_NOUNS:
                    last = more.end()
    out.append(text[last:])
    return _drop_slot_cues(" ".join("".join(out).replace("?", " ").split()))


def _drop_slot_cues(text: str) -> str:
    """Without the words that told the old question's kind ("có chủ đề", "khẩu hiệu", "kinh phí"):
    left in, they would decide the kind of the new one."""
    folded = fold_same_length(text).lower()
    cut = [m.span() for _, rx in _TYPE_RULES for m in rx.finditer(folded)]
    if not cut:
        return text
    keep = [ch for i, ch in enumerate(text) if not any(a <= i < b for a, b in cut)]
    return " ".join("".join(keep).split()).strip(" ,")


def combine(previous: str, message: str) -> str:
    """The question the member means, from the previous question and this follow-up."""
    return combine_topic(previous, message)[0]


def combine_topic(previous: str, message: str) -> tuple[str, str]:
    """(the question meant, the topic to keep for the next follow-up): a new year or place
    changes the topic; a new slot asks about the same one ("ai nhận?" then "ở đâu?" both
    refer to the first question, not to each other)."""
    prev = expand_question(normalize(previous).strip())
    msg = normalize(message).strip()
    folded = fold(expand_question(msg))  # chat shorthand read first: "bn" asks a slot
    new_years = YEAR.findall(msg)
    rest = _BACK.sub("", folded).strip(" ?.!,")
    rest_terms = [t for t in topic_terms(rest) if not YEAR.fullmatch(t)]
    new_places = places(msg)
    if (new_years or new_places) and len(rest_terms) <= MAX_TOPIC_TERMS + 1 and not _asks_slot(rest):
        # "còn năm 2018 thì sao?" / "còn ở Hải Phòng?": the previous question, year or place swapped.
        out = prev
        if new_years:
            old = YEAR.findall(prev)
            out = YEAR.sub(new_years[0], out, count=1) if old else f"{out.rstrip('?')} năm {new_years[0]}?"
        if new_places:
            out = _swap_place(out, msg)
        return out, out
    # "ai nhận?", "tổ chức ở đâu vậy?": the new slot about the previous topic.
    body = expand_question(msg)
    m = _BACK.match(fold_same_length(body).lower())
    if m:
        body = body[m.end():]
    body = body.strip(" ?.!,")
    return f"{_strip_question(prev)}, {body}?", previous


def _asks_slot(folded: str) -> bool:
    return bool(re.search(r"\b(ai|o dau|tai dau|khi nao|bao gio|ngay nao|bao nhieu|may|la gi|gi|nao)\b", folded))


def _swap_place(question: str, message: str) -> str:
    """The previous question with its province replaced by the one the follow-up names."""
    from ..language.places import place_spans

    new = place_spans(message)
    old = place_spans(question)
    if not new:
        return question
    name = message[new[0][0]:new[0][1]]
    if old:
        s, e = old[0]
        return question[:s] + name + question[e:]
    return f"{question.rstrip('?')} ở {name}?"
