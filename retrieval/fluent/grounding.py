"""The check every model sentence passes before a member sees it.

What it checks: each number (with its percent sign or magnitude word, and the word it counts),
each date, each code ("7h00", "02/CT-TLĐ"), each capitalised name and each quoted phrase of the
sentence occurs in the evidence (the passages,
title and date of the article the sentence rests on), compared as retrieval compares text:
normalised, accent-folded, numbers as values ("1.200" = "1200", "02/9" = "2/9", "ngày 2 tháng 9" =
"2/9"). What it cannot check: the words between them (a verb, a negation, who did what) —
docs/fluent-answers.md says so to the people who switch this on.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from knowledge import facts
from knowledge.text import fold, fold_same_length, normalize, split_sentences, words

# A number as written: digits with thousands or decimal separators, then a unit that changes
# what it says ("15%" is not "15", "2 triệu" is not "2 tỷ"), then the word it counts ("2 giải nhất"
# is not "2 giải ba" when the article gives 3 of those); read on accent-folded text.
_NUMBER = re.compile(r"(?<![\w.,])(\d+(?:[.,]\d+)*)(?![^\W\d_])(?:\s*(%|phan tram)|\s+(trieu|ty|ti|nghin|ngan)(?!\w))?"
                     r"(?:\s+([^\W\d_]+))?")
_UNIT = {"phan tram": "%", "ti": "ty", "ngan": "nghin"}
# Words after a number that are no counted noun ("24 và 25 đội"), folded.
_NOT_COUNTED = {"va", "hoac", "cua", "cho", "voi", "tai", "o", "trong", "de", "la", "duoc", "tu", "den", "toi", "so"}
_THOUSANDS = re.compile(r"\d{1,3}(?:([.,])\d{3})(?:\1\d{3})*")
_DIGITS = re.compile(r"\d+")
# Where a run of capitalised words ends: punctuation and dashes ("Hà Nội, Đà Nẵng" are two names).
_NAME_BREAK = re.compile(r"[,;:()\[\]“”\"«»!?…–—|]|\s-\s|\.(?:\s|$)")


def number_value(written: str) -> str:
    """One spelling per value: "1.200" / "1,200" / "1200" → "1200"; "3,5" / "3.5" → "3.5"; "02" → "2"."""
    if _THOUSANDS.fullmatch(written):
        whole, frac = re.sub(r"[.,]", "", written), ""
    elif "," in written and "." in written:  # "1.234,5"
        whole, _, frac = written.replace(".", "").partition(",")
    else:
        whole, _, frac = written.replace(",", ".").partition(".")
        frac = frac.replace(".", "")
    whole = whole.lstrip("0") or "0"
    frac = frac.rstrip("0")
    return f"{whole}.{frac}" if frac else whole


def _numbers(text: str) -> list[tuple[tuple, tuple, str]]:
    """((value, unit), (value, unit, counted noun) or None, as written) of each number in the text."""
    out = []
    for m in _NUMBER.finditer(fold_same_length(text)):
        unit = m.group(2) or m.group(3) or ""
        key = (number_value(m.group(1)), _UNIT.get(unit, unit))
        noun = (m.group(4) or "").lower()
        counted = (*key, noun) if noun and noun not in _NOT_COUNTED else None
        end = m.end(4) if counted else (m.end(3) if m.group(3) else m.end(2) if m.group(2) else m.end(1))
        out.append((key, counted, text[m.start():end].strip()))
    return out


def _date_key(span: str) -> tuple[int, ...]:
    return tuple(int(d) for d in _DIGITS.findall(span))


def _folded(text: str) -> str:
    return " ".join(fold(normalize(text)).split())


def _contains(haystack_folded: str, phrase: str) -> bool:
    needle = _folded(phrase)
    return bool(needle) and re.search(rf"(?<!\w){re.escape(needle)}(?!\w)", haystack_folded) is not None


@dataclass(frozen=True)
class Evidence:
    """What a model sentence may rest on, read once: folded text, number values, dates."""
    folded: str
    numbers: frozenset
    dates: tuple

    @classmethod
    def of(cls, text: str) -> "Evidence":
        text = normalize(text)
        return cls(_folded(text), frozenset(k for key, counted, _ in _numbers(text) for k in (key, counted) if k), tuple(_date_key(s.text) for s in facts.dates(text)))

    def has_date(self, key: tuple[int, ...], written: str) -> bool:
        if not key:  # "thứ hai hằng tuần": words only
            return _contains(self.folded, written)
        if len(key) == 1 and (str(key[0]), "") in self.numbers:  # "năm 2025" where the passage says "2025"
            return True
        n = len(key)
        return any(d[i:i + n] == key for d in self.dates for i in range(len(d) - n + 1))


def names(text: str) -> list[str]:
    """Runs of capitalised words as written ("Bộ GD&ĐT", "Việt Nam- Singapore"), the word that
    opens a sentence left out (it is capitalised anyway)."""
    out = []
    for sentence in split_sentences(text):
        first = True
        for piece in _NAME_BREAK.split(sentence):
            start = end = at = -1
            for w in words(piece) + [""]:
                at = piece.find(w, max(at, 0)) if w else len(piece)
                if w and w[0].isupper() and not first:
                    start = at if start < 0 else start
                    end = at + len(w)
                elif start >= 0:
                    out.append(piece[start:end])
                    start = -1
                first = first and not w
                at += len(w)
    return out


def ungrounded(answer: str, evidence: Evidence) -> list[str]:
    """Each fact of `answer` the evidence does not hold, as "kind: text" (empty = grounded)."""
    answer = normalize(answer)
    missing: list[str] = []
    rest = answer
    for q in facts.quotes(answer):
        if not _contains(evidence.folded, q.text):
            missing.append(f"quote: {q.text}")
        rest = rest.replace(q.text, " ")
    for d in facts.dates(rest):
        if not evidence.has_date(_date_key(d.text), d.text):
            missing.append(f"date: {d.text}")
        rest = rest.replace(d.text, " ", 1)
    missing += [f"number: {written}" for key, counted, written in _numbers(rest)
                if (counted or key) not in evidence.numbers]
    # Codes: digits and letters in one word ("7h00", "COVID-19", "02/CT-TLĐ"), as written.
    missing += [f"code: {w}" for w in words(rest) if any(c.isdigit() for c in w) and any(c.isalpha() for c in w)
                and not _contains(evidence.folded, w)]
    for name in names(rest):
        if not _contains(evidence.folded, name):
            missing.append(f"name: {name}")
    return missing
