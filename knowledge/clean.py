"""Scraping noise out, one normalized form in.

News pages arrive with a date line, a lede cut with "..." that the body then
repeats, and a byline or contributor code at the end. None of it is content,
and the repeated lede would double-count in retrieval.
"""
from __future__ import annotations

import re

from .dates import is_dateline
from .text import fold, normalize, paragraphs

_ELLIPSIS = re.compile(r"\s*(\.\.\.+|…)\s*$")
_CREDIT = re.compile(r"^(tin|ảnh|bài|tin và ảnh|tin, ảnh|tin - ảnh|theo|nguồn)\s*(và ảnh)?\s*:", re.I)


def _is_byline(par: str) -> bool:
    """A short trailing signature: "CTV", "PV", "N.Hà", "Tin: Thạch Trúc", "Ngô Thanh – Minh Vũ"."""
    if len(par) > 60:
        return False
    if _CREDIT.match(par) and len(par) <= 60:
        return True
    if par.endswith((".", "!", "?", ":", ";")) and not par.endswith("./."):
        return False
    if any(ch.isdigit() for ch in par) or "|" in par:
        return False
    words = par.replace("./.", "").split()
    if words and par.isupper() and len(words) <= 10:
        return True  # a unit's signature in capitals: "BAN TUYÊN GIÁO CÔNG ĐOÀN TỈNH"
    if not words or len(words) > 6:
        return False
    # Names and unit signatures: every word capitalized (or an uppercase code).
    return all(w[:1].isupper() or not w[:1].isalpha() for w in words)


_CAPTION = re.compile(r"(?:^|[\s.])(?:ảnh|ẢNH|Ảnh|Ảnh minh họa|Nguồn ảnh)\s*:\s*[^:]{1,40}$")


def _strip_photo_credit(par: str) -> str:
    """"… động viên đoàn viên. Ảnh: P.H" → the caption without its credit (captions can hold facts)."""
    m = _CAPTION.search(par)
    if not m:
        return par
    return par[: m.start()].rstrip(" .") + ("." if par[: m.start()].rstrip().endswith(".") else "")


_ENDS_SENTENCE = re.compile(r"[.!?…:;\"”’)\]]\s*$")


def _join_broken_paragraphs(pars: list[str]) -> list[str]:
    """A long paragraph that stops mid-sentence ("…, tại Nhà văn hóa Công nhân") was cut by
    the scraper: it continues in the next paragraph."""
    out: list[str] = []
    for p in pars:
        if out and len(out[-1]) >= 120 and not _ENDS_SENTENCE.search(out[-1]) and "," in out[-1]:
            out[-1] = f"{out[-1]} {p}"
        else:
            out.append(p)
    return out


def _drop_repeated_lede(pars: list[str]) -> list[str]:
    out = []
    for i, p in enumerate(pars):
        m = _ELLIPSIS.search(p)
        if m and len(p) > 40:
            stem = fold(p[: m.start()]).strip()
            rest = " ".join(fold(q) for j, q in enumerate(pars) if j != i)
            if stem and stem[: max(40, len(stem) - 5)] in rest:
                continue
        out.append(p)
    return out


def clean_text(text: str, title: str = "") -> str:
    """Normalized body: date line, repeated title, truncated lede and byline removed."""
    pars = paragraphs(normalize(text))
    # The head of a scraped page repeats the title and a date line, in either order.
    while pars and (is_dateline(pars[0]) or (title and fold(pars[0]) == fold(normalize(title)))):
        pars.pop(0)
    pars = [q for q in (_strip_photo_credit(p) for p in _drop_repeated_lede(pars)) if q]
    pars = _join_broken_paragraphs(pars)
    for _ in range(4):  # a signature can take a few short lines ("Tin: X", "Ảnh: Y")
        if len(pars) > 1 and _is_byline(pars[-1]):
            pars.pop()
        else:
            break
    return "\n\n".join(pars)


def clean_title(title: str | None) -> str:
    return " ".join(normalize(title or "").split()).lstrip("# ").strip()
