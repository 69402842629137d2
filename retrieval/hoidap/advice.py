"""Questions about a member's own situation or rights — pay, contracts, dismissal, social
insurance, maternity, union dues, joining — which news articles never answer. They are routed
to people who can help (UNIONBOT_LEGAL_HELP), never answered with a span from the news.

The cues are general knowledge of how workers ask (first person, "có được … không", "phải làm
gì"), of the labour-rights vocabulary and of what a news question names (a year, a congress, a
campaign, a place, a capitalised name, a when/who/where question); how much of the question the
first article holds says whether the news covers it. How they weigh is fitted (`own_case.json`,
`unionbot calibrate-owncase`) on the team's own-case and news questions, cross-validated by entry
and by article. A question with none of the own-case cues is news.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import numpy as np

from knowledge.text import fold, normalize

from ..fitting import logistic
from ..fitting.folds import bucket
from ..answering.notfound import coverage
from ..language.chat import expand_question, typed_with_accents
from ..language.places import places
from ..language.qtype import question_type
from ..params import OWN_CASE_THRESHOLD
from .asking import ASKING, question_part

PARAMS_FILE = Path(__file__).with_name("own_case.json")
FEATURES = ["first_person", "first_person_asked", "rights", "rights_asked", "advice_shape", "event", "names",
            "fact_type", "story", "story_first_person", "news_coverage"]
# What a news report answers and a member's own case rarely asks: when, who, where, which slogan.
_FACT_TYPES = {"date", "who", "where", "slogan", "role", "campaign"}

# The asker tells their own case: "tôi / em / mình / vợ tôi / công ty em …".
# ("tối thiểu", "tối đa", "tối nay" fold like "tôi": they are not the asker; "anh em", "chị em"
# are the workers in general; "các / những / mỗi em", "em học sinh", "em bé" are children, and so are "một / mỗi /
# các / những cháu", "cháu nhỏ", "cháu bé")
_FIRST_PERSON = re.compile(r"\b(toi(?! (?:thieu|da|nay|qua|hom|mai))|(?<!anh )(?<!chi )(?<!cac )(?<!nhung )(?<!moi )em(?! hoc sinh| be\b| nho\b)|e|minh|(?<!mot )(?<!moi )(?<!cac )(?<!nhung )chau(?! nho| be\b)|vo toi|chong toi|con toi|bo toi|me toi|"
                           r"(?:cong ty|cty|doanh nghiep|xuong|noi) (?:toi|em|minh))\b")
# The first person's words as typed with accents: in a question typed with accents, a word folding like one of
# them but typed otherwise is another word ("chuyển tới công nhân": "tới" is "to", not "tôi"; "tối", "êm",
# "minh bạch", "Châu Á"); typed without accents it stays ambiguous and is read as the first person.
_FIRST_PERSON_TYPED = {"toi": {"tôi"}, "minh": {"mình"}, "chau": {"cháu"}, "em": {"em"}, "e": {"e"}}


# Typed without accents, fixed phrases whose last word folds like the first person's: "hướng tới", "sắp tới"
# ("towards, next") and the "Minh" of "Hồ Chí Minh" (the shorthand "TP.HCM" is written out to it). Not "tien
# toi": "tiền tôi" (my money) and "tiến tới" cannot be told apart. Typed with accents the mask below tells them.
_NOT_FIRST_UNACCENTED = re.compile(r"\b(huong|sap) toi\b|\b(ho chi) minh\b")


def _first_person_reading(text: str) -> str:
    """`text` as the first-person cue reads it: folded, and in a question typed with accents the words that
    fold like the first person's but were typed with other accents masked (`_FIRST_PERSON_TYPED`); typed
    without accents, the fixed phrases of `_NOT_FIRST_UNACCENTED` masked."""
    expanded = normalize(expand_question(text))
    if not typed_with_accents(expanded):
        return _NOT_FIRST_UNACCENTED.sub(lambda m: f"{m.group(1) or m.group(2)} _", fold(expanded))
    out = []
    for w in expanded.split():
        bare = w.strip(",.;:?!()“”\"'").lower()
        typed = _FIRST_PERSON_TYPED.get(fold(bare))
        out.append("_" if typed is not None and bare not in typed else fold(w))
    return " ".join(out)


def _first_person(question: str) -> tuple[bool, bool]:
    """(the whole message, its question part) tell the asker's own case in the first person (`_FIRST_PERSON`,
    read on `_first_person_reading`; "cho em hỏi", "mình muốn hỏi" only ask)."""
    part = question_part(question)
    whole = _first_person_reading(question)
    asked = _first_person_reading(part) if part else whole
    return (bool(_FIRST_PERSON.search(ASKING.sub(" ", whole))), bool(_FIRST_PERSON.search(ASKING.sub(" ", asked))))


# Rights, benefits and procedures a member asks about.
_RIGHTS = re.compile(
    r"\b(quyen loi|che do|thai san|bao hiem xa hoi|bao hiem that nghiep|bao hiem y te|tro cap|phu cap|"
    r"luong toi thieu|muc luong|tien luong|no luong|cham luong|tru luong|tang ca|lam them gio|ngay nghi|"
    r"nghi phep|phep nam|sa thai|cho nghi viec|cham dut hop dong|hop dong lao dong|thu viec|ky luat|"
    r"doan phi|kinh phi cong doan|ket nap|vao cong doan|the doan vien|huu tri|nghi huu|om dau|"
    r"boi thuong|khieu nai|khoi kien|kien (?:cong ty|doanh nghiep|ra toa)|tranh chap|sinh con|hop dong|thoi vu|(?<!gia )dinh cong|bi phat|bi tru|bi no|giu bang|giu giay to|ban goc|"
    r"nghi khong luong|tuoi nghi huu|cam ket boi hoan|doc hai|ca dem|rut bao hiem|so bao hiem|an giua ca|"
    r"gia nhap cong doan|tham gia cong doan|quy cong doan|luong huu|nghi om|con om|tai nan lao dong|"
    r"phat tien|tru tien|thuong tet|luong thang 13|kham suc khoe|chuyen (?:cong viec|sinh hoat)|that nghiep|"
    r"nghi viec|thoi viec|mat viec|sa thai|nghi (?:cuoi|ket hon|le|tet)|vo sinh|chon sinh|sinh doi|mang thai|"
    r"cho thue lai lao dong|sap nhap|giai the|pha san|ngay phep|le,? tet|huong (?:nguyen )?luong|co luong|"
    r"tai nan|nha o xa hoi|luat su)\b")
# The shape of an advice question. ("đóng bao nhiêu" pays; "<number> tỉ / triệu / nghìn đồng bao nhiêu …" is an
# amount of money followed by another question, `_MONEY_THEN_ASKED`: "công ty đóng bao nhiêu" still pays.)
_ASKS_ADVICE = re.compile(r"\b(co duoc .*khong|duoc khong|co phai .*khong|phai lam (gi|sao|the nao)|"
                          r"lam (the nao|sao) de|thu tuc|can (giay to|lam) gi|bao nhieu phan tram luong|"
                          r"(?<!lao )dong (bao nhieu|the nao)|huong (bao nhieu|the nao)|co bi .*khong|co sao khong|"
                          r"co dung (luat )?(khong|ko)|dung luat (khong|ko)|co sai (khong|ko)|co vi pham|co hop phap)\b")
_MONEY_THEN_ASKED = re.compile(r"\d[\d.,]*\s*(?:ti|ty|trieu|nghin|ngan)\s+dong (?:bao nhieu|the nao)")


def _advice_shape(text: str) -> bool:
    """`_ASKS_ADVICE` in folded `text`, an amount of money followed by a question left out (`_MONEY_THEN_ASKED`)."""
    return bool(_ASKS_ADVICE.search(_MONEY_THEN_ASKED.sub(" ", text)))


# Any question at all: a rights question put in general terms ("tuổi nghỉ hưu là bao nhiêu?").
_ASKS = re.compile(r"\b(bao nhieu|bao lau|sao|may|the nao|ra sao|la gi|gi|nao|khong|ko|dau)\b")
# Event cues: such a question is about news, whatever else it says.
_EVENT = re.compile(r"\b(19|20)\d\d\b|\b(dai hoi|hoi thao|hoi thi|hoi nghi|le ky niem|phong trao|thang cong nhan|"
                    r"thang hanh dong|giai thuong|chuong trinh|cuoc thi|tet sum vay|mai am|phat dong)\b")


# A name the news would carry, written with capitals mid-sentence ("Công đoàn Bưu điện Quảng Trị",
# "Sóng Thần"); the words below are capitalised in members' own questions too.
_COMMON_CAPS = {"cong", "doan", "lao", "dong", "bo", "luat", "nha", "nuoc", "tet", "nguyen", "dan", "duong", "lich",
                "bao", "hiem", "xa", "hoi", "y", "te", "quoc", "khanh", "chinh", "phu", "toa", "an", "nhan", "dan",
                "vn", "viet", "nam", "tong", "lien", "thuong", "vu", "ban", "chap", "hanh", "co", "so", "toi", "em"}


def _names(text: str) -> bool:
    """Does the text name something the news covers (a place, an organisation, a facility)?"""
    if places(text):
        return True
    run: list[str] = []
    for i, w in enumerate(text.split()):
        w = w.strip(",;:()“”\"'")
        if i and w[:1].isupper() and not w.isupper():
            run.append(fold(w))
            continue
        if len(run) >= 2 and set(run) - _COMMON_CAPS:
            return True
        run = []
    return len(run) >= 2 and bool(set(run) - _COMMON_CAPS)


@lru_cache(maxsize=64)
def _news_names(news: str) -> frozenset[str]:
    """Pairs of adjacent words (folded) the news writes with capitals mid-sentence ("Texwell Vina",
    "Hàn Quốc"), but for pairs of words capitalised in members' own questions too."""
    out: set[str] = set()
    prev, start = "", True
    for w in news.split():
        bare = w.strip(",;:()“”\"'")
        cap = bare[:1].isupper() and not start
        if cap and prev and not {prev, fold(bare)} <= _COMMON_CAPS:
            out.add(f"{prev} {fold(bare)}")
        prev = fold(bare) if cap else ""
        start = w.endswith((".", "!", "?", ":", "…"))
    return frozenset(out)


def _names_lowercase(text: str, news: str) -> bool:
    """A question typed all in lowercase (on a phone, often without accents too) shows no name by its
    capitals (the `names` cue): two of its words in a row that the news writes as a name are one."""
    if not news or any(c.isupper() for c in text):
        return False
    words = re.findall(r"\w+", fold(text))
    return bool(_news_names(news) & {f"{a} {b}" for a, b in zip(words, words[1:])})


def _reading(question: str) -> tuple[str, str, str | None]:
    """(the whole message folded, its question part folded, the question part as typed): the
    story of a long message is context, its question part says what is asked."""
    part = question_part(question)
    whole = fold(expand_question(question))
    return whole, fold(expand_question(part)) if part else whole, part


def _rules(question: str) -> bool:
    """The hand-written decision, used when no fitted model ships (`own_case.json` missing)."""
    whole, asked, part = _reading(question)
    if _EVENT.search(asked) or (part is not None and _names(part)):
        return False
    rights = bool(_RIGHTS.search(whole))
    asks_advice = _advice_shape(whole)
    first = _FIRST_PERSON.search(_first_person_reading(question))
    if part is not None and first and _ASKS.search(asked):
        return True  # a story of the asker's own situation, then a question about it
    return bool(first and (rights or asks_advice)) or bool(rights and asks_advice)


def features(question: str, news: str = "", idf: dict | None = None) -> dict:
    """The named cues the own-case model weighs. In a long message the story (company, year,
    amounts) is context: event, name and fact-type cues are read in the question part only.
    `news`: the text of the article the search put first; how much of what is asked it holds
    tells a question about an event the news covers from a member's own case."""
    whole, asked, part = _reading(question)
    # "cho em hỏi", "mình muốn hỏi" only ask: they do not make the case the asker's own
    first, first_asked = _first_person(question)
    return {
        "first_person": float(first),
        "first_person_asked": float(first_asked),
        "rights": float(bool(_RIGHTS.search(whole))),
        "rights_asked": float(bool(_RIGHTS.search(asked))),
        "advice_shape": float(_advice_shape(whole)),
        "event": float(bool(_EVENT.search(asked))),
        # places read on the written-out question: "ở bd", "tp hcm" name a province as much as "Bình Dương"
        "names": float(_names(part or question) or bool(places(fold(expand_question(part or question))))),
        "fact_type": float(question_type(part or question) in _FACT_TYPES),
        "story": float(part is not None),
        "story_first_person": float(part is not None and first),
        "news_coverage": coverage(expand_question(part or question), news, idf) if news else 0.0,
    }


def _cued(feats: dict) -> bool:
    """Any sign of a member's own case: the asker's own situation, rights vocabulary, or the
    shape of an advice question. Without one a question is news (the model weighs the rest)."""
    return bool(feats["first_person"] or feats["rights"] or feats["advice_shape"])


# A right set by region or province (the regional minimum wage, the rates paid in a province): asked with the
# place named, it is still the member's right, not a report of others.
_RIGHT_BY_REGION = re.compile(r"\b(?:luong toi thieu|muc (?:dong|huong|luong)|ty le dong|ti le dong)\b")


def _rights_named(feats: dict, question: str = "") -> bool:
    """Rights vocabulary is the only own-case cue (no first person, no advice shape) and the question names a
    place or a body: it asks what a report tells of others ("bao nhiêu người chết vì tai nạn lao động ở <tỉnh>",
    "thỏa ước … ở <Công ty X>"), news; a member asks of a right in general terms ("tuổi nghỉ hưu là bao
    nhiêu") or of his own case. Of the project's own questions (tests/data) no own case names one so, one
    news question does (docs/quality.md, session 16) — so a right set by region (`_RIGHT_BY_REGION`: "lương tối
    thiểu vùng ở <tỉnh>") named with its place stays the member's."""
    if question and _RIGHT_BY_REGION.search(fold(expand_question(question)).lower()):
        return False
    return bool(feats["rights"] and not (feats["first_person"] or feats["advice_shape"]) and feats["names"])


def is_advice(question: str, news: str = "", idf: dict | None = None) -> bool:
    """The asker's own case or rights: the model `own_case.json` (fitted by `unionbot
    calibrate-owncase` on the team's own-case and news questions), else the rules."""
    model = logistic.load_model(PARAMS_FILE)
    if model is None:
        return _rules(question)
    # A question typed in lowercase that names what the news writes as a name is about the news: of
    # the project's own questions (tests/data), 47 news questions do, no own case does (docs/quality.md).
    part = question_part(question)
    feats = features(question, news, idf)
    return _says_own(model, feats) and not _rights_named(feats, question) and not _names_lowercase(part or question, news)


def _says_own(model: logistic.Logistic, feats: dict) -> bool:
    return _cued(feats) and model.answers(feats)


def first_person_only(question: str) -> bool:
    """The question's only own-case cue is its first person ("mình", "em", "tôi"): it names no
    right, benefit or procedure (`_RIGHTS`), has no advice shape ("có được … không", "phải làm
    sao") and tells no story. Members write in the first person about anything; such a question
    asks a fact, and when it follows a news question in a chat it asks about that news
    (`conversation.continuation`), not about the member's own case."""
    whole, _, part = _reading(question)
    return (part is None and _first_person(question)[0]
            and not _RIGHTS.search(whole) and not _advice_shape(whole))


def mentions_event(question: str) -> bool:
    """A year, a congress, a campaign, a contest… in what is asked: a news question first."""
    return bool(_EVENT.search(_reading(question)[1]))


# -- fitting (unionbot calibrate-owncase) --------------------------------------------------
def labelled(questions: list[dict]) -> list[dict]:
    """Own case (1) or news (0) for each question of the team's files: `"own"` (the hỏi đáp
    questions), `"route"` (the routing examples), else a news question (with or without an
    article). Its fold group: the entry it asks for, the article it is about, or itself."""
    out = []
    for q in questions:
        own = q["own"] if "own" in q else q.get("route", False)
        group = (f"e:{q['entry']}" if q.get("entry") else f"a:{q['article_id']}" if q.get("article_id")
                 else f"q:{q['question']}")
        out.append({"question": q["question"], "own": bool(own), "group": group})
    return out


def rows(questions: list[dict], news: list[str], idf: dict | None) -> tuple[np.ndarray, np.ndarray]:
    """Features and labels of `labelled` questions; `news`: each one's first article's text."""
    X = [logistic.vector(features(q["question"], n, idf), FEATURES) for q, n in zip(questions, news)]
    return np.array(X).reshape(-1, len(FEATURES)), np.array([float(q["own"]) for q in questions])


def _cued_rows(X: np.ndarray) -> np.ndarray:
    return np.array([_cued(dict(zip(FEATURES, r))) for r in X], dtype=bool).reshape(len(X))


def fit(X: np.ndarray, y: np.ndarray) -> logistic.Logistic:
    """The logistic model at OWN_CASE_THRESHOLD (params.py), fitted on the rows it decides
    (those with an own-case cue)."""
    cued = _cued_rows(X)
    model = logistic.fit_logistic(X[cued], y[cued], FEATURES)
    model.threshold = OWN_CASE_THRESHOLD
    return model


def cross_validate(X: np.ndarray, y: np.ndarray, questions: list[dict], k: int = 5) -> dict:
    """Each fold decided by the model fitted on the others; folds by entry (own cases) and by
    article (news), so no phrasing of a fold's entry or article is seen in fitting."""
    folds = np.array([bucket(q["group"], k) for q in questions])
    said = np.zeros(len(y), dtype=bool)
    for f in range(k):
        train, test = folds != f, folds == f
        if test.any() and len(set(y[train])) == 2:
            model = fit(X[train], y[train])
            said[test] = [_says_own(model, dict(zip(FEATURES, r))) for r in X[test]]
    own = y == 1
    return {"questions": int(len(y)), "own": int(own.sum()), "news": int((~own).sum()),
            "own_recognised": int((said & own).sum()), "news_taken_for_own": int((said & ~own).sum())}
