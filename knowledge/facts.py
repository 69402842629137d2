"""Dates, quoted names, directive numbers and counted quantities in a passage.

The same patterns serve two ends: facts stored per chunk (what the bot knows)
and answer spans cut from a sentence at question time.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .models import Fact

_D = r"(?:0?[1-9]|[12]\d|3[01])"
_M = r"(?:0?[1-9]|1[0-2])"
_Y = r"(?:1[89]\d\d|20\d\d)"
_DAYPART = r"(?:(?:sáng|trưa|chiều|tối|đêm)\s+)?"
_SINGLE_DATE = (
    rf"(?:{_DAYPART}(?:ngày\s+)?{_D}\s*(?:[-–]|và)\s*{_D}\s*/\s*{_M}(?:\s*/\s*{_Y})?(?![\d/])"  # "20 - 21/5": two days
    rf"|{_DAYPART}ngày\s+{_D}\s+tháng\s+{_M}(?:\s+năm\s+{_Y})?"
    rf"|{_DAYPART}(?:ngày\s+)?{_D}\s*[/.-]\s*{_M}(?:\s*[/.-]\s*(?:{_Y}|\d\d))?(?![\d/])"
    rf"|tháng\s+{_M}(?:\s+năm\s+|\s*/\s*){_Y}"
    rf"|(?:(?:nhiệm kỳ|giai đoạn|niên khóa|năm học)\s+)?{_Y}\s*[-–]\s*{_Y}"
    rf"|(?:năm\s+){_Y}"
    rf"|(?:(?:các|những)\s+)?(?:ngày\s+)?(?:thứ\s+(?:hai|ba|tư|năm|sáu|bảy)|chủ\s+nhật)"
    rf"(?:(?:\s*,\s*|\s+và\s+)(?:thứ\s+(?:hai|ba|tư|năm|sáu|bảy)|chủ\s+nhật))*(?:\s+hằng\s+tuần)?)"
)
# "từ ngày 1 đến 3/2/2026": a range whose first day shares the last day's month is written with the day alone
# (Vietnamese news writes a run of days so); read as one span, not as its last day only.
_DAY_RANGE_HEAD = rf"từ\s+{_DAYPART}(?:ngày\s+)?{_D}\s*(?:đến|tới)\s*(?:hết\s+)?(?:ngày\s+)?(?={_D}\s*[/.-]\s*{_M})"
DATE_RX = re.compile(
    rf"(?<![\w/.-])(?:{_DAY_RANGE_HEAD}{_SINGLE_DATE}"
    rf"|(?:từ\s+)?{_SINGLE_DATE}(?:\s*(?:đến|tới|-|–)\s*(?:ngày\s+)?{_SINGLE_DATE})?)(?![\w/])",
    re.I,
)
QUOTE_RX = re.compile(r"“([^”\n]{2,400})”|\"([^\"\n]{2,400})\"|«([^»\n]{2,400})»")
DIRECTIVE_RX = re.compile(
    r"(?:Chỉ thị|Nghị quyết|Kế hoạch|Quyết định|Thông tư|Nghị định|Công văn|Hướng dẫn|Thông báo|Luật)"
    r"\s+(?:số\s+)?\d+[\w]*(?:/[\wĐđ-]+)+",
    re.I,
)
_QUALIFIER = r"(?:(?:hơn|trên|gần|khoảng|chừng|tới|đến|gồm|tổng cộng|tổng số|gần như|xấp xỉ|hàng)\s+)?"
_NUMBER = r"\d+(?:[.,]\d+)*(?:/\d+(?:[.,]\d+)*)?(?:\s?%|\s?(?:m2|m²|km2|km|ha|kg|tấn|cm|mm|m)(?!\w))?"
_MAGNITUDE = r"(?:\s+(?:triệu|tỷ|tỉ|nghìn|ngàn|trăm|vạn)(?!\w))*"  # "8 tỉnh" is not "8 tỉ"
_STOP = (r"(?:và|của|cho|với|tại|ở|trong|để|là|được|từ|đến|hoặc|so|thì|mà|khi|theo|do|vì|nên|nhưng|bị|đã|sẽ|"
         r"đang|cũng|rất|này|đó|qua|tham|thuộc|nhằm|giúp|lên|về|như|mỗi|trị|tăng|giảm|cùng|tổng|trở|chịu)")
_NOUN_WORD = rf"(?:(?!{_STOP}(?![^\W\d_]))[^\W\d_][^\s,.;:!?()“”\"]*)"
_WORD_NUMBER = r"(?:một|hai|ba|bốn|sáu|bảy|tám|chín|mười)"
NUMBER_RX = re.compile(
    rf"(?<![\w/.,-]){_QUALIFIER}(?:{_NUMBER}{_MAGNITUDE}(?:\s+{_NOUN_WORD}){{0,4}}"
    rf"|{_WORD_NUMBER}(?:\s+{_NOUN_WORD}){{1,4}})",
    re.I,
)


_TIME_UNIT = re.compile(r"(?i)^(?:(?:hơn|trên|gần|khoảng|chừng)\s+)?[\d.,]+\s+(?:năm|tháng|ngày|tuần|giờ|phút)\b")


@dataclass(frozen=True)
class Span:
    kind: str
    start: int
    end: int
    text: str


def _spans(rx: re.Pattern, kind: str, text: str, group: int | None = None) -> list[Span]:
    out = []
    for m in rx.finditer(text):
        if group is None:
            out.append(Span(kind, m.start(), m.end(), m.group(0).strip()))
        else:
            g = next(i for i in range(1, (m.lastindex or 0) + 1) if m.group(i) is not None)
            out.append(Span(kind, m.start(g), m.end(g), m.group(g).strip()))
    return out


# A question reads the same sentences of the article it answers from many times over (sentence
# choice, span, decision), and members ask about the same few articles: the dates and counts of
# the last sentences read are kept (spans are frozen, so a cached one cannot be changed by a caller).
_RECENT_TEXTS = 8192


def dates(text: str) -> list[Span]:
    return list(_dates(text))


@lru_cache(maxsize=_RECENT_TEXTS)
def _dates(text: str) -> tuple[Span, ...]:
    return tuple(_spans(DATE_RX, "date", text))


def quotes(text: str) -> list[Span]:
    return _spans(QUOTE_RX, "quote", text, group=1)


def directives(text: str) -> list[Span]:
    return _spans(DIRECTIVE_RX, "directive", text)


def numbers(text: str) -> list[Span]:
    """Counted quantities; bare years and dates are not quantities."""
    return list(_numbers(text))


@lru_cache(maxsize=_RECENT_TEXTS)
def _numbers(text: str) -> tuple[Span, ...]:
    taken = [(s.start, s.end) for s in dates(text) + directives(text)]
    out = []
    for s in _spans(NUMBER_RX, "number", text):
        unit = _TIME_UNIT.match(s.text)
        if unit:  # "65 năm ngày thành lập" → "65 năm": a duration ends at its unit
            s = Span("number", s.start, s.start + unit.end(), unit.group(0))
        cut = min((a for a, b in taken if s.start < a < s.end), default=None)
        if cut is not None:  # "tăng 6% năm 2024": the count ends where a date begins
            s = Span("number", s.start, s.start + len(text[s.start:cut].rstrip()), text[s.start:cut].rstrip())
        if any(a <= s.start < b or s.start <= a < s.end for a, b in taken):
            continue
        if re.fullmatch(r"(?:19|20)\d\d", s.text):
            continue  # a bare year ("Xuân 2026") is a date, not a count
        if re.search(r"(?i)\bthứ\s*$", text[max(0, s.start - 6):s.start]):
            continue  # "lần thứ 5" is an ordinal, not a count
        out.append(s)
    return tuple(out)


def extract(text: str) -> list[Fact]:
    """All facts of a passage, in reading order per kind, without repeats."""
    seen = set()
    out = []
    for span in dates(text) + quotes(text) + directives(text) + numbers(text):
        key = (span.kind, span.text)
        if key not in seen:
            seen.add(key)
            out.append(Fact(span.kind, span.text))
    return out
