"""How members type in Zalo/Telegram, and the union's own abbreviations — from general
knowledge of Vietnamese, not from any question set.

* `ALIASES` — union and public-sector abbreviations and other names of the same thing
  ("lđlđ", "cđcs", "TP.HCM" / "Sài Gòn"). They are expanded on *both* sides — in the
  lexical tokens of articles and of questions — so "LĐLĐ" in an article and "liên đoàn
  lao động" in a question (or the other way round) are the same words.
* `SAME_AS` — other words for what a question says, as news text says it (“đứng đầu” → “giải
  nhất”, “khai cuộc” → “bắt đầu”, “bao lâu” → “thời gian”, “tốn” → “kinh phí”); the lexical side
  of a question also looks for them among the sentences of the chosen article.
* `CHAT` — shorthand only questions use ("bn", "ko", "j", "đc", "cn"), expanded in the
  question; `OPENINGS` and `PARTICLES` — politeness around a question ("cho em hỏi …",
  "… ạ", "… vậy", "ad ơi"), which carries no topic and is dropped.
Matching is accent-blind ("cđcs" = "cdcs"), on whole words.
"""
from __future__ import annotations

import re

from knowledge.text import fold, fold_same_length, has_diacritics, normalize

ALIASES = {
    "cd": "công đoàn", "cdcs": "công đoàn cơ sở", "cdvc": "công đoàn viên chức", "ldld": "liên đoàn lao động",
    "tld": "tổng liên đoàn", "tldld": "tổng liên đoàn lao động", "nld": "người lao động",
    "dvcd": "đoàn viên công đoàn", "cnvcld": "công nhân viên chức lao động", "cnvc": "công nhân viên chức",
    "cnld": "công nhân lao động", "cbcnv": "cán bộ công nhân viên", "cbcc": "cán bộ công chức",
    "cbccvc": "cán bộ công chức viên chức", "atvsld": "an toàn vệ sinh lao động", "atld": "an toàn lao động",
    "tuldtt": "thỏa ước lao động tập thể", "kcn": "khu công nghiệp", "kcx": "khu chế xuất",
    "ubnd": "ủy ban nhân dân", "hdnd": "hội đồng nhân dân", "bch": "ban chấp hành", "btv": "ban thường vụ",
    "bhxh": "bảo hiểm xã hội", "bhyt": "bảo hiểm y tế", "bhtn": "bảo hiểm thất nghiệp", "dn": "doanh nghiệp",
    "vn": "việt nam", "tphcm": "thành phố hồ chí minh", "tp.hcm": "thành phố hồ chí minh",
    "tp hcm": "thành phố hồ chí minh", "hcm": "thành phố hồ chí minh", "sai gon": "thành phố hồ chí minh",
    "tp": "thành phố", "gd&dt": "giáo dục và đào tạo", "gddt": "giáo dục và đào tạo",
    "kpcd": "kinh phí công đoàn", "hdld": "hợp đồng lao động", "tnld": "tai nạn lao động",
    "bnn": "bệnh nghề nghiệp",
}
# Words a member uses for what news text says otherwise (folded): a question's lexical side also
# looks for these. Contest results, start and end of events, cost, duration — general usage.
SAME_AS = {
    "dung dau": "giai nhat, vo dich", "vo dich": "giai nhat, dung dau", "giai nhat": "vo dich, dung dau",
    "khai cuoc": "bat dau, khai mac, khoi tranh", "khoi tranh": "bat dau, khai mac", "khai mac": "bat dau",
    "bat dau": "khai mac", "ket thuc": "be mac", "be mac": "ket thuc",
    "ton": "kinh phi, chi phi, tong muc dau tu", "chi phi": "kinh phi", "kinh phi": "chi phi",
    "bao lau": "thoi gian", "dien ra": "to chuc", "to chuc": "dien ra",
}
CHAT = {"bn": "bao nhiêu", "bnhieu": "bao nhiêu", "bnh": "bao nhiêu", "ko": "không", "k": "không",
        "hok": "không", "kg": "không", "j": "gì", "dc": "được", "ntn": "như thế nào", "cn": "công nhân",
        "mk": "mình", "sn": "sinh nhật", "dv": "đoàn viên", "ld": "lao động", "cty": "công ty", "e": "em"}
OPENINGS = ["cho em hoi", "cho minh hoi", "cho toi hoi", "cho chau hoi", "cho hoi", "em muon hoi",
            "minh muon hoi", "xin hoi", "ad oi", "admin oi", "bot oi", "mn oi", "moi nguoi oi", "ad", "admin"]
PARTICLES = ["a", "ah", "vay", "nhi", "nha", "nhe", "ha", "oi", "the", "ad", "admin", "mn", "moi nguoi",
             "vay ad", "ban oi"]

_WORD = r"(?<![\w/.&-])({})(?![\w/&-])"


def _words(keys) -> re.Pattern:
    return re.compile(_WORD.format("|".join(sorted(map(re.escape, keys), key=len, reverse=True))))


_ALIAS_RE = _words(ALIASES)
_ALIAS_FOLDED = {k: fold(v) for k, v in ALIASES.items()}
_CHAT_RE = _words(CHAT)
_OPENING_RE = re.compile(r"^\s*(?:(?:" + "|".join(map(re.escape, OPENINGS)) + r")\b[\s,:]*)+")
_PARTICLES_RE = re.compile(r"(?:[\s,]+(?:" + "|".join(sorted(map(re.escape, PARTICLES), key=len, reverse=True))
                           + r"))+[\s?.!]*$")


def expand_folded(folded: str) -> str:
    """In folded text (articles and questions alike): abbreviations → their words."""
    return _ALIAS_RE.sub(lambda m: _ALIAS_FOLDED[m.group(1)], folded)


# Initials that also stand for something else: "CĐ" is "công đoàn" and "cao đẳng" (a college, "trường
# CĐ"). Matching a whole question against a whole article tolerates that; a counted noun read from a few
# words ("12 CĐ") does not.
AMBIGUOUS_ALIASES = {"cd"}
_UNAMBIGUOUS_RE = _words(k for k in ALIASES if k not in AMBIGUOUS_ALIASES)


def expand_unambiguous(folded: str) -> str:
    """`expand_folded` without the initials that also stand for something else (AMBIGUOUS_ALIASES)."""
    return _UNAMBIGUOUS_RE.sub(lambda m: _ALIAS_FOLDED[m.group(1)], folded)


def _sub_folded(text: str, pattern: re.Pattern, repl) -> str:
    """Replace matches found in the folded text, cutting the original at the same offsets."""
    folded = fold_same_length(text).lower()
    out, last = [], 0
    for m in pattern.finditer(folded):
        out += [text[last:m.start()], repl(m)]
        last = m.end()
    return "".join(out + [text[last:]])


def expand_question(text: str) -> str:
    """A member's question as the rest of the pipeline reads it: the opening and closing
    politeness dropped, chat shorthand and union abbreviations written out; accents as typed."""
    out = _sub_folded(text, _OPENING_RE, lambda m: "")
    out = _sub_folded(out, _PARTICLES_RE, lambda m: "?" if m.group(0).rstrip().endswith("?") else "")
    out = _sub_folded(out, _CHAT_RE, lambda m: CHAT[m.group(1)])
    out = _sub_folded(out, _ALIAS_RE, lambda m: ALIASES[m.group(1)])
    return " ".join(out.split()).strip(" ,") or text


_SAME_RE = re.compile(r"(?<![\w])(" + "|".join(sorted(map(re.escape, SAME_AS), key=len, reverse=True)) + r")(?![\w])")


def same_as(folded: str) -> str:
    """The other words for what a folded question says (empty when none apply)."""
    return " | ".join(SAME_AS[m.group(1)].replace(", ", " | ") for m in _SAME_RE.finditer(folded))


# What expand_question writes out, with its own accents: not the member's typing.
_WRITTEN_OUT = re.compile(r"(?<!\w)(" + "|".join(sorted(map(re.escape, {v for v in (*ALIASES.values(), *CHAT.values())
                                                                          if has_diacritics(v)}), key=len, reverse=True))
                          + r")(?!\w)")


def typed_with_accents(text: str) -> bool:
    """Whether a question as the pipeline reads it (`expand_question`) was typed with accents: the
    words it wrote out itself ("cd" → "công đoàn", "bn" → "bao nhiêu") carry accents of their own
    and say nothing of how the member typed the rest."""
    return has_diacritics(_WRITTEN_OUT.sub(" ", normalize(text).lower()))
