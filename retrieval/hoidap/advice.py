"""Questions about a member's own situation or rights — pay, contracts, dismissal, social
insurance, maternity, union dues, joining — which news articles never answer. They are routed
to people who can help (UNIONBOT_LEGAL_HELP), never answered with a span from the news.

Read from general knowledge of how workers ask (first person, "có được … không", "phải làm
gì") and of the labour-rights vocabulary — not from any question set. A question about an
event (a year, a congress, a campaign, a named contest) stays a news question.
"""
from __future__ import annotations

import re

from knowledge.text import fold

from ..language.chat import expand_question
from ..language.places import places
from .asking import question_part

# The asker tells their own case: "tôi / em / mình / vợ tôi / công ty em …".
# ("tối thiểu", "tối đa", "tối nay" fold like "tôi": they are not the asker)
_FIRST_PERSON = re.compile(r"\b(toi(?! (?:thieu|da|nay|qua|hom|mai))|em|e|minh|chau|vo toi|chong toi|con toi|bo toi|me toi|"
                           r"(?:cong ty|cty|doanh nghiep|xuong|noi) (?:toi|em|minh))\b")
# Rights, benefits and procedures a member asks about.
_RIGHTS = re.compile(
    r"\b(quyen loi|che do|thai san|bao hiem xa hoi|bao hiem that nghiep|bao hiem y te|tro cap|phu cap|"
    r"luong toi thieu|muc luong|tien luong|no luong|cham luong|tru luong|tang ca|lam them gio|ngay nghi|"
    r"nghi phep|phep nam|sa thai|cho nghi viec|cham dut hop dong|hop dong lao dong|thu viec|ky luat|"
    r"doan phi|kinh phi cong doan|ket nap|vao cong doan|the doan vien|huu tri|nghi huu|om dau|"
    r"boi thuong|khieu nai|khoi kien|kien (?:cong ty|doanh nghiep|ra toa)|tranh chap|sinh con|hop dong|thoi vu|dinh cong|bi phat|bi tru|bi no|giu bang|giu giay to|ban goc|"
    r"nghi khong luong|tuoi nghi huu|cam ket boi hoan|doc hai|ca dem|rut bao hiem|so bao hiem|an giua ca|"
    r"gia nhap cong doan|tham gia cong doan|quy cong doan|luong huu|nghi om|con om|tai nan lao dong|"
    r"phat tien|tru tien|thuong tet|luong thang 13|kham suc khoe|chuyen (?:cong viec|sinh hoat)|that nghiep|"
    r"nghi viec|thoi viec|mat viec|sa thai|nghi (?:cuoi|ket hon|le|tet)|vo sinh|chon sinh|sinh doi|mang thai|"
    r"cho thue lai lao dong|sap nhap|giai the|pha san)\b")
# The shape of an advice question.
_ASKS_ADVICE = re.compile(r"\b(co duoc .*khong|duoc khong|co phai .*khong|phai lam (gi|sao|the nao)|"
                          r"lam (the nao|sao) de|thu tuc|can (giay to|lam) gi|bao nhieu phan tram luong|"
                          r"(?<!lao )dong (bao nhieu|the nao)|huong (bao nhieu|the nao)|co bi .*khong|co sao khong|"
                          r"co dung (luat )?(khong|ko)|dung luat (khong|ko)|co sai (khong|ko)|co vi pham|co hop phap)\b")
# Any question at all: a rights question put in general terms ("tuổi nghỉ hưu là bao nhiêu?").
_ASKS = re.compile(r"\b(bao nhieu|bao lau|sao|may|the nao|ra sao|la gi|gi|nao|khong|ko|dau)\b")
# Event cues: such a question is about news, whatever else it says.
_EVENT = re.compile(r"\b(19|20)\d\d\b|\b(dai hoi|hoi thao|hoi thi|hoi nghi|le ky niem|phong trao|thang cong nhan|"
                    r"thang hanh dong|giai thuong|chuong trinh|cuoc thi|tet sum vay|mai am|phat dong)\b")


# A name the news would carry, written with capitals mid-sentence ("Công đoàn Bưu điện Quảng Trị",
# "Sóng Thần"); the words below are capitalised in members' own questions too.
_COMMON_CAPS = {"cong", "doan", "lao", "dong", "bo", "luat", "nha", "nuoc", "tet", "nguyen", "dan", "duong", "lich",
                "bao", "hiem", "xa", "hoi", "y", "te", "quoc", "khanh", "chinh", "phu", "toa", "an", "nhan", "dan",
                "vn", "viet", "nam", "tong", "lien", "thuong", "vu", "ban", "chap", "hanh", "co", "so", "toi", "em"}


def _names(text: str) -> bool:
    """Does the text name something the news covers (a place, an organisation, a facility)?"""
    if places(text):
        return True
    run: list[str] = []
    for i, w in enumerate(text.split()):
        w = w.strip(",;:()“”\"'")
        if i and w[:1].isupper() and not w.isupper():
            run.append(fold(w))
            continue
        if len(run) >= 2 and set(run) - _COMMON_CAPS:
            return True
        run = []
    return len(run) >= 2 and bool(set(run) - _COMMON_CAPS)


def _reading(question: str) -> tuple[str, str, str | None]:
    """(the whole message folded, its question part folded, the question part as typed): the
    story of a long message is context, its question part says what is asked."""
    part = question_part(question)
    whole = fold(expand_question(question))
    return whole, fold(expand_question(part)) if part else whole, part


def is_advice(question: str) -> bool:
    """The asker's own case or rights. In a long message only the question part can make it a
    news question (a year, a congress, a named place or organisation): the company, year and
    amounts of the story are the member's context, not an event the news covers."""
    whole, asked, part = _reading(question)
    if _EVENT.search(asked) or (part is not None and _names(part)):
        return False
    rights = bool(_RIGHTS.search(whole))
    asks_advice = bool(_ASKS_ADVICE.search(whole))
    if part is not None and _FIRST_PERSON.search(whole) and _ASKS.search(asked):
        return True  # a story of the asker's own situation, then a question about it
    return bool(_FIRST_PERSON.search(whole) and (rights or asks_advice)) or bool(rights and asks_advice)


def about_rights(question: str) -> bool:
    """Rights asked about in general terms ("tuổi nghỉ hưu của lao động nữ là bao nhiêu?"): routed
    unless it names what the news covers (a count of workers owed pay in a named company's case is
    news). A question naming a province is about its news."""
    whole, asked, part = _reading(question)
    return bool(not _EVENT.search(asked) and _RIGHTS.search(asked) and _ASKS.search(asked)
                and not places(part or question))


def mentions_event(question: str) -> bool:
    """A year, a congress, a campaign, a contest… in what is asked: a news question first."""
    return bool(_EVENT.search(_reading(question)[1]))


def names_news(question: str) -> bool:
    """The question part names a place, an organisation or an event the news covers."""
    whole, asked, part = _reading(question)
    return bool(_EVENT.search(asked) or _names(part or question))
