"""Vietnamese text normalization shared by every layer.

Articles and questions must meet in one form before anything is compared:
NFC, one tone-mark placement, plain spaces; and a folded form (no diacritics,
đ→d, lowercase) so a question typed without accents finds the same passage.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_TONES = "\u0300\u0301\u0303\u0309\u0323"  # huyền, sắc, ngã, hỏi, nặng
_NOT_LETTER_AFTER = r"(?![^\W\d_]|[\u0300-\u036f])"
# Open syllables ending in oa/oe/uy carry the tone on the first vowel in the
# placement most of our sources use ("hòa", "khỏe", "thủy"); "quý" keeps its own.
_OA_OE = re.compile(r"([oO])([aAeE])([" + _TONES + r"])" + _NOT_LETTER_AFTER)
_UY = re.compile(r"(?<![qQ])([uU])([yY])([" + _TONES + r"])" + _NOT_LETTER_AFTER)
_ODD_SPACES = re.compile(r"[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\t\f\v]")
_ZERO_WIDTH = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad]")
_MULTI_SPACE = re.compile(r" {2,}")


_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")


# Texts up to this long are normalized once and remembered: answering one question normalizes the question and each
# sentence of the articles it reads ~130 times over (the same sentences for every question about an article; a
# sentence is ~150 characters). Longer texts (whole articles, read at ingest once) are normalized every time.
MEMO_CHARS = 600
MEMO_TEXTS = 16384  # remembered texts (~16 dev knowledge bases' sentences): ~10 MB typical, 40 MB at most


def normalize(text: str) -> str:
    """NFC, one tone placement, plain single spaces (newlines kept). A pure function of the text: short texts are
    answered from a bounded memory (`MEMO_CHARS`), the same string for the same text, whatever index is loaded."""
    if not text:
        return ""
    if len(text) <= MEMO_CHARS:
        return _normalize_memo(text)
    return _normalize(text)


def _normalize(text: str) -> str:
    text = unicodedata.normalize("NFD", text)
    text = _OA_OE.sub(r"\1\3\2", text)
    text = _UY.sub(r"\1\3\2", text)
    text = unicodedata.normalize("NFC", text)
    text = _ZERO_WIDTH.sub("", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    text = _CONTROL.sub("", text)  # ESC, NUL, …: never stored, never echoed to a terminal
    text = _ODD_SPACES.sub(" ", text)
    text = _MULTI_SPACE.sub(" ", text)
    return "\n".join(line.strip() for line in text.split("\n"))


_normalize_memo = lru_cache(maxsize=MEMO_TEXTS)(_normalize)  # (thread-safe; str values are immutable)


# Regular expressions built from words at answer time (a question's noun phrase, a kind from a fixed list, a year)
# are compiled here and kept: `re`'s own cache holds 512 and drops the oldest first, and one answer builds a few
# hundred such patterns (~880 distinct over the 508 dev questions), so the answer step compiled ~2 patterns an ask
# again, constant ones of its own among them. A compiled pattern is ~1–5 kB: 4,096 are a few MB at most.
PATTERNS = 4096


@lru_cache(maxsize=PATTERNS)
def pattern(source: str, flags: int = 0) -> re.Pattern:
    """`re.compile(source, flags)`, remembered (`PATTERNS`): for a pattern written from words at answer time, so
    that the same words meet the same compiled pattern. A pure function of its text (thread-safe)."""
    return re.compile(source, flags)


def _slow_fold(text: str) -> str:
    text = unicodedata.normalize("NFD", text.lower())
    return "".join(c for c in text if not unicodedata.combining(c)).replace("đ", "d")


# One table for str.translate: every accented Latin letter to its plain form, combining marks
# dropped. Same result as decomposing and filtering, ~20× faster (indexing folds millions of words).
_FOLD = {cp: (_slow_fold(chr(cp)) or None) for lo, hi in ((0xC0, 0x250), (0x1E00, 0x1F00))
         for cp in range(lo, hi) if _slow_fold(chr(cp)) != chr(cp)}
_FOLD.update({cp: None for lo, hi in ((0x300, 0x370), (0x1AB0, 0x1B00), (0x1DC0, 0x1E00), (0x20D0, 0x2100),
                                      (0xFE20, 0xFE30)) for cp in range(lo, hi) if unicodedata.combining(chr(cp))})


def fold(text: str) -> str:
    """Lowercase, diacritics removed, đ→d: the matching key for accent-free typing. Words and sentences (up to
    `MEMO_CHARS`) are answered from a bounded memory: one answer folds ~650 of them, mostly the same words and the
    same sentences of the articles it reads, each time (a lookup is ~5× cheaper than the lowercasing and the table)."""
    if len(text) <= MEMO_CHARS:
        return _fold_memo(text)
    return _fold(text)


def _fold(text: str) -> str:
    return text.lower().translate(_FOLD)


_fold_memo = lru_cache(maxsize=MEMO_TEXTS)(_fold)  # (thread-safe; str values are immutable)


# fold_same_length's table: each accented letter to the first letter of its folded form; combining
# marks are kept (a mark alone folds to nothing, and nothing would shift every offset after it).
_FOLD_SAME = {cp: v[:1] for cp, v in _FOLD.items() if v}


def fold_same_length(text: str) -> str:
    """Folded text with the same character offsets as the original (to find in folded
    text, then cut the original)."""
    lowered = text.lower()
    if len(lowered) == len(text):  # always, but for a few letters ("İ") whose lowercase is longer
        return lowered.translate(_FOLD_SAME)
    return "".join((fold(c) or c)[:1] for c in text)


def has_diacritics(text: str) -> bool:
    """True when the text carries any Vietnamese accent (or đ)."""
    return fold(text) != text.lower()


_FOLDED_WORD = re.compile(r"[a-z0-9]+")


def folded_words(text: str) -> str:
    """The folded words of `text` joined by single spaces, with a space at each end, so that
    `folded_words(name) in folded_words(text)` finds a name as whole words, however punctuated."""
    return f" {' '.join(_FOLDED_WORD.findall(fold(text)))} "


_WORD = re.compile(r"[^\W_]+(?:[./-][^\W_]+)*", re.UNICODE)


def words(text: str) -> list[str]:
    """Tokens as typed: syllables, numbers and codes like 02/CT-BCSĐ or 8/5/2020."""
    return _WORD.findall(text)


_SENT_END = re.compile(r"(?<=[.!?…;])[\"”’)]*\s+")


def split_sentences(paragraph: str) -> list[str]:
    """Sentences of one paragraph; a boundary needs an uppercase, digit or quote next.

    Abbreviations such as "TP. HCM" are kept together when the next word is a
    known short uppercase code, which is the common case in union news.
    """
    out: list[str] = []
    start = 0
    for m in _SENT_END.finditer(paragraph):
        nxt = paragraph[m.end():m.end() + 1]
        prev_word = paragraph[start:m.start()].rsplit(" ", 1)[-1]
        if not nxt or not (nxt.isupper() or nxt.isdigit() or nxt in "“\"'(-–•"):
            continue
        if len(prev_word) <= 3 and prev_word[:1].isupper() and prev_word.endswith("."):
            continue  # "TP.", "Th.", "ThS." — abbreviations, not sentence ends
        out.append(paragraph[start:m.end()].strip())
        start = m.end()
    tail = paragraph[start:].strip()
    if tail:
        out.append(tail)
    return [s for s in out if s]


def paragraphs(text: str) -> list[str]:
    """Non-empty paragraphs; blank lines or single newlines both separate them."""
    return [p.strip() for p in re.split(r"\n+", text) if p.strip()]


def window(sentence: str, span: str | None, limit: int) -> str:
    """The part of a long sentence around the span, cut at words, "…" where cut."""
    if len(sentence) <= limit:
        return sentence
    i = sentence.find(span) if span else -1
    if i < 0:
        return sentence[:limit].rsplit(" ", 1)[0] + "…"
    room = max(0, limit - len(span))
    start = max(0, i - room // 2)
    end = min(len(sentence), i + len(span) + (room - (i - start)))
    start = max(0, end - limit) if end == len(sentence) else start
    if start > 0:
        cut = sentence.find(" ", start, i)
        start = cut + 1 if cut >= 0 else start
    if end < len(sentence):
        cut = sentence.rfind(" ", i + len(span), end)
        end = cut if cut > 0 else end
    return ("…" if start > 0 else "") + sentence[start:end].strip() + ("…" if end < len(sentence) else "")
