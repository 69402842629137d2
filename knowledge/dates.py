"""Publication dates as people and scrapers write them, to ISO strings."""
from __future__ import annotations

import datetime as dt
import re

from .facts import DATE_RX

_WEEKDAY = re.compile(r"^\s*(thứ\s+(hai|ba|tư|năm|sáu|bảy|2|3|4|5|6|7)|chủ\s+nhật)\s*,?\s*", re.I)
_DMY = re.compile(r"(?<!\d)(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})(?!\d)")
_YMD = re.compile(r"(?<!\d)(\d{4})-(\d{1,2})(?:-(\d{1,2}))?(?!\d)")
_WORDS = re.compile(r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})", re.I)


def _iso(y: str, m: str, d: str | None = None) -> str | None:
    yi, mi = int(y), int(m)
    if not (1900 <= yi <= 2100 and 1 <= mi <= 12):
        return None
    if d is None:
        return f"{yi:04d}-{mi:02d}"
    di = int(d)
    if not 1 <= di <= 31:
        return None
    return f"{yi:04d}-{mi:02d}-{di:02d}"


def parse_date(text: str | None) -> str | None:
    """First full date in the text ("Thứ tư, 20/10/2021", "2025-10-31", "Cập nhật ... 24/10/2025")."""
    if not text:
        return None
    text = text.replace("\u00a0", " ")
    for rx, order in ((_WORDS, "dmy"), (_DMY, "dmy"), (_YMD, "ymd")):
        m = rx.search(text)
        if m:
            if order == "dmy":
                iso = _iso(m.group(3), m.group(2), m.group(1))
            else:
                iso = _iso(m.group(1), m.group(2), m.group(3))
            if iso:
                return iso
    return None


def is_dateline(line: str) -> bool:
    """A scraped weekday/date line such as "Thứ tư, 20/10/2021" (nothing else on it)."""
    line = line.replace("\u00a0", " ").strip()
    if not line or len(line) > 60 or parse_date(line) is None:
        return False
    rest = _WEEKDAY.sub("", line)
    rest = re.sub(r"(ngày|cập nhật|lúc|đăng|\d{1,2}:\d{2}|[\d/.\-:,|()]|GMT\+?\d*)", "", rest, flags=re.I)
    return not rest.strip()


def display_date(iso: str | None) -> str:
    """ISO date as Vietnamese readers write it: 20/10/2021, 10/2021, 2021."""
    if not iso:
        return ""
    parts = iso.split("-")
    return "/".join(reversed(parts))


_EVENT_DMY = re.compile(r"(?<!\d)(\d{1,2})\s*[/.-]\s*(\d{1,2})(?:\s*[/.-]\s*(\d{4}|\d\d))?(?![\d/])")
_EVENT_WORDS = re.compile(r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})(?:\s+năm\s+(\d{4}))?", re.I)


def event_dates(sentence: str, article_date: str | None) -> list[dt.date]:
    """The days a sentence dates (a date without a year is read against the article's date)."""
    year = int(article_date[:4]) if article_date else None
    out = []
    for m in DATE_RX.finditer(sentence):
        span = m.group(0)
        w = _EVENT_WORDS.search(span) or _EVENT_DMY.search(span)
        if not w:
            continue
        d, mo, y = int(w.group(1)), int(w.group(2)), w.group(3)
        yy = int(y) + (2000 if y and len(y) == 2 else 0) if y else year
        if yy is None:
            continue
        try:
            out.append(dt.date(yy, mo, d))
        except ValueError:
            continue
    return out
