"""Vietnam's provinces and centrally-run cities, to notice a question about another place.

A question about "tỉnh Kiên Giang" answered from an article about Đồng Tháp would
attach the wrong source. Names are matched with their capitals in accented text,
and folded in questions typed without accents (where names that are also common
words, like "hòa bình", are left out).
"""
from __future__ import annotations

import re
from functools import lru_cache

from knowledge.text import fold, fold_same_length, has_diacritics, normalize

# Provinces as before the 2025 mergers (articles span many years), plus common aliases.
_NAMES = """An Giang|Bà Rịa - Vũng Tàu=Bà Rịa|Bạc Liêu|Bắc Giang|Bắc Kạn|Bắc Ninh|Bến Tre|Bình Dương|Bình Định|
Bình Phước|Bình Thuận|Cà Mau|Cao Bằng|Cần Thơ|Đà Nẵng|Đắk Lắk=Đắc Lắc|Đắk Nông|Điện Biên|Đồng Nai|Đồng Tháp|
Gia Lai|Hà Giang|Hà Nam|Hà Nội|Hà Tĩnh|Hải Dương|Hải Phòng|Hậu Giang|Hòa Bình|Hồ Chí Minh=TP HCM=TP.HCM=TPHCM=Sài Gòn|
Hưng Yên|Khánh Hòa|Kiên Giang|Kon Tum|Lai Châu|Lạng Sơn|Lào Cai|Lâm Đồng|Long An|Nam Định|Nghệ An|Ninh Bình|
Ninh Thuận|Phú Thọ|Phú Yên|Quảng Bình|Quảng Nam|Quảng Ngãi|Quảng Ninh|Quảng Trị|Sóc Trăng|Sơn La|Tây Ninh|
Thái Bình|Thái Nguyên|Thanh Hóa|Thừa Thiên Huế=Huế|Tiền Giang|Trà Vinh|Tuyên Quang|Vĩnh Long|Vĩnh Phúc|Yên Bái"""
# Also ordinary words when written without accents or capitals.
_AMBIGUOUS_FOLDED = {"hoa binh", "thai binh", "an giang", "long an", "hue", "ben tre", "ha nam", "son la",
                     "gia lai", "binh dinh", "quang nam", "nam dinh", "phu tho"}
AMBIGUOUS_FOLDED = _AMBIGUOUS_FOLDED  # read with their kind ("tinh phu tho") by follow-ups


# A word written with a capital, Vietnamese capitals included ("Ứng", "Ô", "Đông"): names of people and places.
CAPITAL_WORD = r"(?:[A-ZĐÀÁẢÃẠÂẦẤẨẪẬĂẰẮẲẴẶÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ][\w]*)"


def _table() -> list[tuple[str, str]]:
    """(how it is written, canonical folded key)."""
    out = []
    for entry in _NAMES.replace("\n", "").split("|"):
        forms = [normalize(f.strip()) for f in entry.split("=")]
        key = fold(forms[0])
        out += [(f, key) for f in forms]
    return out


_TABLE = _table()
_ACCENTED = [(re.compile(rf"(?<![\w.]){re.escape(form)}(?!\w)"), key) for form, key in _TABLE]
_FOLDED = [(re.compile(rf"(?<![\w.]){re.escape(fold(form))}(?!\w)"), key) for form, key in _TABLE
           if fold(form) not in _AMBIGUOUS_FOLDED]


def with_accents(name: str) -> str:
    """A province typed without accents ("Dong Nai") as the table writes it ("Đồng Nai"); else as typed."""
    if has_diacritics(name):
        return name
    key = " ".join(fold(name).split())
    return next((form for form, _ in _TABLE if fold(form) == key and has_diacritics(form)), name)


def places(text: str) -> set[str]:
    """Canonical keys of the provinces a text names."""
    return set(_places(text))


@lru_cache(maxsize=2048)  # an article's text is asked about again and again: ~130 patterns each time
def _places(text: str) -> frozenset[str]:
    text = normalize(text)
    found = {key for rx, key in _ACCENTED if rx.search(text)}
    # Words typed without accents are read folded (a question can mix both: "liên đoàn lao
    # động tinh kien giang" once chat abbreviations are written out).
    bare = fold(" ".join(w if not has_diacritics(w) else "|" for w in text.split()))
    return frozenset(found | {key for rx, key in _FOLDED if rx.search(bare)})


# Names that are also ordinary words when written in lower case with their accents ("hòa bình" is peace,
# "cao bằng" is "as high as"): read in lower case only after their kind ("tỉnh", "thành phố", "tp").
_LOWER_AMBIGUOUS = {"hòa bình", "thái bình", "cao bằng"}
_KIND_BEFORE = r"(?:tỉnh|thành phố|tp\.?)\s+"
_LOWER = [(re.compile(rf"(?<![\w.]){_KIND_BEFORE if form.lower() in _LOWER_AMBIGUOUS else ''}"
                      rf"{re.escape(form.lower())}(?!\w)"), key)
          # Not "hồ chí minh": the shorthand writes "TP.HCM" out so ("thành phố hồ chí minh"), and read as asked it
          # declined two more answerable second-split questions, no unanswerable one (docs/quality.md, session 15 U).
          for form, key in _TABLE if has_diacritics(form) and key != "ho chi minh"]


def lowercase_places(text: str) -> set[str]:
    """The provinces a text names typed in lower case with their accents ("lđlđ tỉnh bình dương", "ở đà
    nẵng"): members chatting type accents without capitals, which `places` (capitals, or no accents) does not
    read. General Vietnamese: a province's name with its accents is that province; the few that are also
    ordinary words in lower case (`_LOWER_AMBIGUOUS`) count only after "tỉnh / thành phố / tp"."""
    return set(_lowercase_places(text))


@lru_cache(maxsize=2048)  # asked once per article read
def _lowercase_places(text: str) -> frozenset[str]:
    text = normalize(text)
    return frozenset(key for rx, key in _LOWER if rx.search(text))


# A province whose folded name is also ordinary words (`_AMBIGUOUS_FOLDED`: "thai binh", "nam dinh", "phu tho") read
# after its kind, both typed without accents ("tinh thai binh", "tp hue"): the kind says a place follows.
_KIND_AMBIGUOUS = re.compile(r"(?<![\w.])(?:tinh|thanh pho|tp)\.?\s+("
                             + "|".join(sorted(map(re.escape, _AMBIGUOUS_FOLDED), key=len, reverse=True)) + r")(?!\w)")


def kind_places(text: str) -> set[str]:
    """The provinces a text names without accents by a name that is also ordinary words, after its kind ("lien doan
    lao dong tinh Thai Binh", "cđ tp hue"), which `places` leaves out folded: general Vietnamese, "tỉnh / thành
    phố / tp" is followed by a place's name (the follow-up reader reads them so too, conversation.parts)."""
    text = normalize(text)
    bare = fold(" ".join(w if not has_diacritics(w) else "|" for w in text.split())).lower()
    return {_KEY_OF_FOLDED[m.group(1)] for m in _KIND_AMBIGUOUS.finditer(bare) if m.group(1) in _KEY_OF_FOLDED}


# A folded form's province key (the table's last form wins a fold two forms share, as the per-call dict did).
_KEY_OF_FOLDED = {fold(form).lower(): key for form, key in _TABLE}


# Every form folded with its key, longest first: a name read where a place must stand.
_FOLDED_KEYS = sorted({(fold(form).lower(), key) for form, key in _TABLE}, key=lambda fk: -len(fk[0]))


def province_first(text: str) -> str:
    """The province whose name (any form, folded, the ambiguous ones too) opens `text`, or "": for a place where a
    word before says a province's name follows (a federation of labour, "LĐLĐ Hà Nam", "Liên đoàn Lao động Long An"),
    where "ha nam" or "long an" can be nothing else."""
    head = " ".join(re.findall(r"[a-z0-9.]+", fold(normalize(text)).lower()))
    return next((key for form, key in _FOLDED_KEYS if re.match(rf"{re.escape(form)}(?![\w])", head)), "")


def unaccented_places(text: str) -> set[str]:
    """The provinces a text names only in words typed without accents ("da nang", not "Đà Nẵng"): the ones
    read from a folding that other words share ("đa năng" folds to "da nang" too)."""
    text = normalize(text)
    return set(_places(text)) - {key for rx, key in _ACCENTED if rx.search(text)}


def folded_forms(key: str) -> list[str]:
    """Every form of the province `key` folded ("da nang"; "ho chi minh", "tp hcm" …)."""
    return [fold(form).lower() for form, k in _TABLE if k == key]


# Every province's forms folded, longest first (a body's name read without the provinces in it).
FOLDED_FORMS = sorted({fold(form).lower() for form, _ in _TABLE}, key=len, reverse=True)
# Folded names run together, as a local outlet's web address writes its province ("baothanhhoa.vn",
# "gialaitv.vn", "vpubnd.haiduong.gov.vn"); the shorter forms ("hue") are left out: too short to tell.
_RUN_TOGETHER = sorted({(re.sub(r"[^a-z]", "", fold(form).lower()), key) for form, key in _TABLE
                        if len(re.sub(r"[^a-z]", "", fold(form))) >= 5}, key=lambda fk: -len(fk[0]))


def source_places(url: str | None) -> set[str]:
    """The province a local outlet's web address names ("https://baothanhhoa.vn/…" → {"thanh hoa"}): its
    host's labels, read for a province's name run together (the longest such name in a label)."""
    host = re.sub(r"^[a-z]+://", "", (url or "").lower()).split("/", 1)[0]
    out = set()
    for label in host.split("."):
        hit = next((key for run, key in _RUN_TOGETHER if run in label), None)
        if hit:
            out.add(hit)
    return out


def place_spans(text: str) -> list[tuple[int, int]]:
    """Where in `text` (normalized) provinces are named, in order: accented names with their
    capitals, or any name typed without accents."""
    text = normalize(text)
    spans = [(m.start(), m.end()) for rx, _ in _ACCENTED for m in rx.finditer(text)]
    folded = fold_same_length(text).lower()
    spans += [(m.start(), m.end()) for rx, _ in _FOLDED for m in rx.finditer(folded)
              if not has_diacritics(text[m.start():m.end()])]
    spans.sort()
    out: list[tuple[int, int]] = []
    for s, e in spans:  # the longest of overlapping matches ("Bà Rịa - Vũng Tàu" over "Bà Rịa")
        if out and s < out[-1][1]:
            if e > out[-1][1]:
                out[-1] = (out[-1][0], e)
            continue
        out.append((s, e))
    return out
