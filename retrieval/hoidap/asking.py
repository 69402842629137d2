"""Where the question is in a member's long message.

Members write to the union the way they write to a newspaper's legal Q&A column: a greeting or
a "Bạn đọc … (Hải Dương) hỏi:" header, two to six sentences of their story (the company, the
year, the pay), then the question ("Xin hỏi …", "Cho em hỏi …", "Vậy … không?"), often followed
by a thank-you. The story is context; what the union answers — and what tells a news question
from a member's own case — is the question part. Read from how such letters are written in
general, not from any question set.
"""
from __future__ import annotations

import re

from knowledge.text import fold_same_length

# "Bạn đọc Nguyễn Thị H. (Hải Dương) hỏi:", "Anh Minh (Bắc Ninh) hỏi:" — the column's header.
_HEADER = re.compile(r"^[^?.!\n]{0,90}?\bhoi\s*:\s*")
# Sentence ends, whatever case the next word has (chat is typed in lower case).
_SENT_END = re.compile(r"(?<=[.!?…])\s+|\s*\n+\s*")
# Where the asking starts inside a sentence: "cho em hỏi", "xin hỏi", "tôi muốn hỏi", "vậy …".
_CUE = re.compile(r"\b(?:(?:cho|xin cho) (?:em|toi|minh|chau|con|anh|chi)? ?(?:duoc )?hoi|xin (?:duoc )?hoi|"
                  r"(?:em|toi|minh|chau) (?:muon|xin|can) (?:duoc )?hoi|hoi giup|cho hoi)\b[\s,:]*")
ASKING = _CUE  # the asking formula ("cho em hỏi") says who asks, not whose case it is
_SO = re.compile(r"^(?:vay|vay thi|nhu vay|the|the thi|trong truong hop (?:nay|do)|truong hop (?:nay|nhu vay))\b")
# Closing courtesies after the question: "Em cảm ơn ạ.", "Mong được ban tư vấn giải đáp."
_COURTESY = re.compile(r"^(?:(?:em|toi|minh|chau|con)\s+)?(?:xin\s+)?(?:chan thanh\s+)?(?:cam on|thank|tks|thanks)|"
                       r"^(?:rat\s+)?mong\b.*\b(?:giai dap|tu van|huong dan|tra loi|giup|phan hoi)|^tran trong")
_MIN_WORDS = 4  # a cue followed by fewer words ("xin hỏi giúp.") did not carry the question


def sentences(text: str) -> list[str]:
    return [s for s in _SENT_END.split(text.strip()) if s and s.strip(" .,")]


def question_part(text: str) -> str | None:
    """The question a long message asks (from its asking cue, else its last sentence with a
    question mark, else its last sentence), or None when the message is one sentence anyway."""
    text = " ".join((text or "").split(" ")).strip()
    folded = fold_same_length(text)
    head = _HEADER.match(folded)
    if head:
        text, folded = text[head.end():], folded[head.end():]
    sents = sentences(text)
    if not sents:  # only punctuation (".", "...", ", ."): no sentence, so no question part
        return None
    while len(sents) > 1 and _COURTESY.match(fold_same_length(sents[-1]).strip()) and "?" not in sents[-1]:
        sents.pop()
    body = " ".join(sents)
    fbody = fold_same_length(body)
    cues = [m for m in _CUE.finditer(fbody) if len(fbody[m.end():].split()) >= _MIN_WORDS]
    if cues:
        part = body[cues[-1].end():]
    else:
        asked = [s for s in sents if "?" in s]
        so = [s for s in sents if _SO.match(fold_same_length(s).lower())]
        part = (so or asked or sents)[-1]
        i = sents.index(part)
        part = " ".join(sents[i:])  # the question and whatever it still asks after it
    part = part.strip(" ,:")
    if not part or (len(sents) <= 1 and not head and not cues) or part == (text or "").strip():
        return None
    return part
