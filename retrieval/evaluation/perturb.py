"""Unanswerable questions made from answerable ones (`unionbot eval --synthetic`).

Real unanswerable questions are few (29 in the dev set) and look answerable: another year,
province or congress, or a detail the article does not give. The same shapes are made from
every answerable question by general perturbations — a year, a province, an ordinal, a
company or a counted noun the article does not have; since session 13 also a term of years closing on a
year it lacks, another office or the deputy of the one asked, another event of the kind (`variants` tags
each) — and asked, to measure the decline on many more of them (`tools/unans_probe.py`: by split and kind). (Fitting the decision on them was tried: nearly all are declined by hard evidence or for
want of a span before the model is asked, so 6 of 217 reached it, and CV got worse; session 12,
39 of 512: transfer 0.813 → 0.810, false declines 0.052 → 0.056.) Nothing here knows any
question set.
"""
from __future__ import annotations

import re

from knowledge.text import fold

from ..fitting.folds import bucket
from ..answering.notfound import COMPANY, ordinal_value
from ..answering.occasion import NAMED_BY_YEAR, lede
from ..language.places import place_spans, places
from ..language.qtype import YEAR
from ..answering.spans import COUNTED_NOUNS, ROLES

_ORDINAL = re.compile(r"(?i)\b(lần thứ|khóa|(?:đại hội|hội nghị)(?=\s+[IVXLC]+\b))\s+(\d+|[IVXLC]+)\b")
_COUNTED = re.compile(r"(?i)\b(bao nhiêu|mấy)\s+(\w+(?:\s+\w+){0,2})")
# Things a union article may count, to ask about one it does not mention.
_NOUNS = ["chiếc xe", "cây xanh", "tấn hàng", "máy tính", "chuyến xe", "lớp học", "phòng học", "cuốn sách"]
_PROVINCES = ["Cà Mau", "Lai Châu", "Kon Tum", "Điện Biên", "Bạc Liêu", "Hà Giang", "Ninh Thuận", "Trà Vinh"]
# A company named after its kind word (`notfound.COMPANY`): its name swapped for one the article does not have.
_COMPANIES = ["Minh Phát", "Hòa Thắng", "Tân Việt Hưng", "Đại Phong", "Sao Mai Xanh", "Phúc Khang", "Hưng Thịnh Phát",
              "Kim Long"]
_TERM = re.compile(r"\d{4}\s*[-–—]\s*\d{4}")
_YEARS = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")
_OFFICE = re.compile(rf"(?<!\w)([Pp]hó\s+)?({'|'.join(ROLES.values())})(?!\w)")
# Events a union holds, to ask about one the article does not report (the kind word as a question writes it).
_EVENT = re.compile(r"(?i)(?<!\w)(?:hội thi|hội diễn|hội thao|hội nghị|tọa đàm|diễn đàn|giải bóng đá|giải cầu lông|"
                    r"giải bóng chuyền|giải chạy|lễ phát động|lễ tuyên dương|lễ kỷ niệm)(?!\w)")
_EVENTS = ["giải bóng bàn", "hội thi nấu ăn", "giải cờ tướng", "hội diễn văn nghệ", "tọa đàm", "giải kéo co",
           "lễ trao học bổng", "cuộc thi ảnh"]
_ROMAN = [(100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]


def _roman(n: int) -> str:
    out = ""
    for value, letters in _ROMAN:
        while n >= value:
            out, n = out + letters, n - value
    return out


def _pick(options: list[str], key: str) -> str:
    return options[bucket(key, len(options))]


def unanswerable(question: str, article_text: str) -> list[str]:
    """Variants of an answerable question that the article cannot answer (at most one per kind)."""
    return [q for _, q in variants(question, article_text)]


def variants(question: str, article_text: str) -> list[tuple[str, str]]:
    """`unanswerable`'s variants, each with its kind ("year", "province", "ordinal", "noun", "company",
    "term", "office", "deputy", "event", "passing": a year the article's body writes of another occasion)."""
    hay = fold(article_text)
    out = []
    years = YEAR.findall(question)
    if years:
        new = next((str(int(years[0]) + d) for d in (1, 2, 3, -1, -2) if str(int(years[0]) + d) not in hay), None)
        if new:
            out.append(("year", YEAR.sub(new, question, count=1)))
        # a term of years whose opening year is the article's and whose closing year it never writes
        end = next((str(int(years[0]) + d) for d in (5, 4, 3) if str(int(years[0]) + d) not in hay), None)
        if end and not _TERM.search(question) and years[0] in hay:
            m = YEAR.search(question)
            out.append(("term", question[:m.start()] + f"{years[0]}-{end}" + question[m.end():]))
        # the year of another occasion the article mentions in passing (an earlier edition, a plan, a year compared
        # with): written in its body, not in its title and first sentence, which hold the question's year
        first = lede("", article_text)
        if years[0] in first and not NAMED_BY_YEAR.search(fold(question).lower()):  # (not a law's year)
            passing = [y for y in dict.fromkeys(_YEARS.findall(article_text)) if y not in first and y != years[0]]
            if passing:
                out.append(("passing", YEAR.sub(_pick(passing, question), question, count=1)))
    spans = place_spans(question)
    if spans:
        absent = [p for p in _PROVINCES if not places(p) & places(article_text)]
        if absent:
            s, e = spans[0]
            out.append(("province", question[:s] + _pick(absent, question) + question[e:]))
    m = _ORDINAL.search(question)
    if m:
        new = ordinal_value(m.group(2).lower()) + 1  # the next ordinal, written the way the question writes it
        out.append(("ordinal", question[:m.start(2)] + (str(new) if m.group(2).isdigit() else _roman(new))
                    + question[m.end(2):]))
    m = _COUNTED.search(question)
    if m:  # the counted noun as a whole ("đoàn viên", "vận động viên"), or its first word
        words = m.group(2).split()
        n = next((k for k in (3, 2) if fold(" ".join(words[:k])).lower() in COUNTED_NOUNS), 1)
        end = m.start(2) + len(" ".join(words[:n]))
        absent = [w for w in _NOUNS if not re.search(rf"(?<![\w]){fold(w)}(?![\w])", hay)]
        if absent:
            out.append(("noun", question[:m.start(2)] + _pick(absent, question) + question[end:]))
    m = COMPANY.search(question)
    if m:  # another company of the same kind
        absent = [c for c in _COMPANIES if fold(c) not in hay]
        if absent:
            out.append(("company", question[:m.start(2)] + _pick(absent, question) + question[m.end(2):]))
    m = _OFFICE.search(question)
    if m and not m.group(1):  # the head of a body asked: another office, or its deputy, the article does not write
        absent = [r for r in ROLES.values() if not re.search(rf"\b{fold(r)}\b", hay)]
        if absent:
            out.append(("office", question[:m.start(2)] + _pick(absent, question) + question[m.end(2):]))
        if not re.search(rf"\bpho {fold(m.group(2))}\b", hay):
            out.append(("deputy", question[:m.start(2)] + "Phó " + m.group(2) + question[m.end(2):]))
    m = _EVENT.search(question)
    if m:  # another event of the same kind: a contest, a tournament, a meeting the article never reports
        absent = [e for e in _EVENTS if fold(e) not in hay]
        if absent:
            out.append(("event", question[:m.start()] + _pick(absent, question) + question[m.end():]))
    return [(k, q) for k, q in out if q != question]


def declined(answerer, questions: list[dict]) -> dict:
    """Each answerable question's unanswerable variants asked: how many are declined, overall and
    among those that land on the article the original question was about (the hard case: almost
    the right article). A variant another article happens to answer counts as answered here."""
    ix = answerer.index
    made = kept = own = kept_own = 0
    for q in questions:
        aid = q.get("article_id")
        if not aid or aid not in ix.articles:
            continue
        for variant in unanswerable(q["question"], ix.titled_text(aid)):
            ans = answerer.ask(variant).answer
            made += 1
            kept += not ans.found
            if ans.ranked[:1] == [aid]:
                own += 1
                kept_own += not ans.found
    rate = lambda a, b: round(a / b, 3) if b else None  # noqa: E731
    return {"variants": made, "declined": rate(kept, made), "on_own_article": own,
            "declined_on_own_article": rate(kept_own, own)}
