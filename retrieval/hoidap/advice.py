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

# The asker tells their own case: "tôi / em / mình / vợ tôi / công ty em …".
# ("tối thiểu", "tối đa", "tối nay" fold like "tôi": they are not the asker)
_FIRST_PERSON = re.compile(r"\b(toi(?! (?:thieu|da|nay|qua|hom|mai))|em|minh|chau|vo toi|chong toi|con toi|bo toi|me toi|"
                           r"(?:cong ty|cty|doanh nghiep|xuong|noi) (?:toi|em|minh))\b")
# Rights, benefits and procedures a member asks about.
_RIGHTS = re.compile(
    r"\b(quyen loi|che do|thai san|bao hiem xa hoi|bao hiem that nghiep|bao hiem y te|tro cap|phu cap|"
    r"luong toi thieu|muc luong|tien luong|no luong|cham luong|tru luong|tang ca|lam them gio|ngay nghi|"
    r"nghi phep|phep nam|sa thai|cho nghi viec|cham dut hop dong|hop dong lao dong|thu viec|ky luat|"
    r"doan phi|kinh phi cong doan|ket nap|vao cong doan|the doan vien|huu tri|nghi huu|om dau|"
    r"boi thuong|khieu nai|khoi kien|kien (?:cong ty|doanh nghiep|ra toa)|tranh chap|sinh con|hop dong|thoi vu|dinh cong|bi phat|bi tru|bi no|giu bang|giu giay to|ban goc|"
    r"nghi khong luong|tuoi nghi huu|cam ket boi hoan|doc hai|ca dem|rut bao hiem|so bao hiem|an giua ca)\b")
# The shape of an advice question.
_ASKS_ADVICE = re.compile(r"\b(co duoc .*khong|duoc khong|co phai .*khong|phai lam (gi|sao|the nao)|"
                          r"lam (the nao|sao) de|thu tuc|can (giay to|lam) gi|bao nhieu phan tram luong|"
                          r"(?<!lao )dong (bao nhieu|the nao)|huong (bao nhieu|the nao)|co bi .*khong|co sao khong|"
                          r"co dung (luat )?(khong|ko)|dung luat (khong|ko)|co sai (khong|ko)|co vi pham|co hop phap)\b")
# Any question at all: a rights question put in general terms ("tuổi nghỉ hưu là bao nhiêu?").
_ASKS = re.compile(r"\b(bao nhieu|may|the nao|ra sao|la gi|gi|nao|khong|ko|dau)\b")
# Event cues: such a question is about news, whatever else it says.
_EVENT = re.compile(r"\b(19|20)\d\d\b|\b(dai hoi|hoi thao|hoi thi|hoi nghi|le ky niem|phong trao|thang cong nhan|"
                    r"thang hanh dong|giai thuong|chuong trinh|cuoc thi|tet sum vay|mai am|phat dong)\b")


def is_advice(question: str) -> bool:
    q = fold(expand_question(question))
    if _EVENT.search(q):
        return False
    rights = bool(_RIGHTS.search(q))
    return bool(_FIRST_PERSON.search(q) and (rights or _ASKS_ADVICE.search(q))) or \
        bool(rights and _ASKS_ADVICE.search(q))


def about_rights(question: str) -> bool:
    """Rights asked about in general terms ("tuổi nghỉ hưu của lao động nữ là bao nhiêu?"): routed
    when the news finds no answer for it (a count of workers owed pay in a named company's case is
    news). A question naming a province is about its news."""
    q = fold(expand_question(question))
    return bool(not _EVENT.search(q) and _RIGHTS.search(q) and _ASKS.search(q) and not places(question))


def mentions_event(question: str) -> bool:
    """A year, a congress, a campaign, a contest…: a news question first."""
    return bool(_EVENT.search(fold(expand_question(question))))
