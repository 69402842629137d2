"""Extractive answers: the exact span, the sentence that supports it, its article.

No generated text: every word returned comes from an article. When the
evidence is weak the answer is "not found" with the nearest articles, and no
source is attached to anything it does not support.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np

from knowledge.facts import Span
from knowledge.text import fold, fold_same_length, normalize, pattern, window

from ..index.base import Index
from ..index.search import SearchResult
from ..language.names import FOLDED_FAMILY_NAMES, kinds_but
from ..language.places import place_spans
from ..params import ARTICLE_SHARPNESS, ARTICLES_READ, OFFICE_READ_DEPTH, READ_ON_MIN_REACH, SPAN_SEARCH_DEPTH, WINDOW_CHARS
from . import choose, decision
from .notfound import (ANOTHER_TIME_CHECKS, SINGLE_YEAR, UNDONE_CHECKS, another_category, another_superlative, category_told,
                       coverage, decide, superlative_told,
                       editions, evidence_against, measure_for_count, tells_year, missing_roles, names_counted_noun, office_held,
                       unagreed, unsaid_rank,
                       written_out)
from .occasion import NAMED_BY_YEAR, another_occasion, lede_gives
from .spans import rate_for_total, slot, total_for_rate, type_fit


@dataclass
class Source:
    article_id: str
    title: str
    date: str | None
    url: str | None
    score: float

    def as_dict(self) -> dict:
        return {"article_id": self.article_id, "title": self.title, "date": self.date, "url": self.url,
                "score": round(self.score, 4)}


@dataclass
class Answer:
    question: str
    found: bool
    qtype: str
    span: str | None = None
    sentence: str | None = None
    passage: str | None = None
    sources: list[Source] = field(default_factory=list)
    related: list[Source] = field(default_factory=list)  # next best articles / suggestions
    reason: str = ""  # why not found, for logs and the admin report
    ranked: list[str] = field(default_factory=list)  # article ids, best first (top 5)
    # The decision's inputs, and (when declined) the answer it would have given: lets
    # calibration and cross-validation re-decide without searching again.
    features: dict | None = None
    candidate: "Answer | None" = None
    options: list | None = None  # the article's sentences as scored (choose.Option), for re-choosing
    # "news" (an answer from an article), "not_found", or "route": a question about the member's
    # own rights or situation, sent to people who can help (route_help) — never a news span.
    kind: str = ""
    route_help: str | None = None
    faq: dict | None = None  # the hỏi đáp entry answering (kind "faq"): id, answer, basis, source, valid_from
    # The language model's sentence, shown above the quote (fluent/, only when UNIONBOT_LLM_URL is set
    # and it passed the grounding check); else why it was not shown ("timeout", "ungrounded: …").
    fluent: str | None = None
    fluent_why: str = ""
    # On a close call, the article's next sentence (its window), quoted under the first: the reply
    # holds two candidate sentences, and evaluation counts such replies apart (two_shown).
    also: str | None = None

    def __post_init__(self) -> None:
        if not self.kind:
            self.kind = "news" if self.found else "not_found"

    @property
    def shown_sentence(self) -> str:
        """The part of the sentence(s) a member sees: a window around the span."""
        return window(self.sentence or "", self.span, WINDOW_CHARS)


def _source(index: Index, article_id: str, score: float) -> Source:
    a = index.articles.get(article_id, {})
    return Source(article_id, a.get("title", article_id), a.get("date"), a.get("url"), score)


def reading_order(index: Index, res: SearchResult) -> tuple[list[tuple[str, float]], list, np.ndarray, dict]:
    """The ranking with the article that is read first in front, that article's options with
    their scores, and its not-found verdict (`notfound.decide`).

    The search ranks articles as wholes; each of the top ARTICLES_READ is weighed by the evidence
    that it answers: its score relative to the first, to the power ARTICLE_SHARPNESS, times its
    best sentence's score, times the share of the question's topic words (IDF-weighted) the article
    holds — the named details (a company, a place, an ordinal, a quoted name) a near-miss article on
    the same kind of event lacks. Hard evidence against the best (a year, an ordinal or a province it
    lacks) moves the reading only to an article read that holds that detail and is about the same thing
    otherwise (`_read_on`): a question about an event the knowledge base lacks must not land on a lesser
    article (docs/quality.md, sessions 10 and 14)."""
    ranking = list(res.article_ranking)
    top = ranking[0][1] or 1e-9
    read, worth, plain, reaches = [], [], [], []  # per article read: (options, scores, verdict); its worth with
    # and without evidence; its reach
    for k, (aid, score) in enumerate(ranking[:ARTICLES_READ]):
        reach = search_reach(score, top)  # a sentence scores at most 1, and so does the evidence
        if k and max(worth) > 0 and reach <= max(worth) and not _ruled_out(read[int(np.argmax(worth))][2]):
            break  # (later articles score lower still: not worth reading, unless the best so far is ruled out)
        read.append(_read_article(index, res, aid))
        opts, scores, verdict = read[-1]
        reaches.append(reach)
        best_sentence = float(choose.scores(opts, tensed=False).max()) if opts else 0.0
        plain.append(article_worth(reach, best_sentence))
        worth.append(article_worth(reach, best_sentence, _evidence(verdict, read[0][2] if k else None)))
    if not any(worth):  # no article read holds the question's words: the best sentence decides alone
        worth = plain
    best = max(range(len(read)), key=lambda k: (worth[k], -k))
    if _ruled_out(read[best][2]):
        best = _read_on(index, res, ranking, read, worth, reaches, best)
    best = _person_named(index, res, ranking, read, worth, best)
    best = _office_named(index, res, ranking, read, worth, best)
    best = _year_review(index, res, ranking, read, best)
    if best:
        ranking.insert(0, ranking.pop(best))
    return (ranking, *read[best])


def search_reach(score: float, top: float) -> float:
    """How close the search holds an article to its first, as the reading order weighs it: (score / the first's) **
    ARTICLE_SHARPNESS. News comes in families of neighbours (the same kind of event in another year, province or
    company) that the search scores within a few hundredths of each other; a lead that small must not outweigh
    the neighbour holding the question's words its first lacks (params.ARTICLE_SHARPNESS)."""
    return (score / top) ** ARTICLE_SHARPNESS


def article_worth(reach: float, best_sentence: float, evidence: float = 1.0) -> float:
    """What an article read is worth as the one read first (`reading_order`): its reach (`search_reach`) × its best
    sentence's score × how far its own text bears the question out (`_evidence`; 1 for the worth without it)."""
    return reach * best_sentence * evidence


# A person named with the title news and members put before a name ("chị Trần Thị Thắm", "anh pham van tai"):
# folded, so a question typed in lower case without accents names the person too. Three syllables, the
# commonest length of a Vietnamese full name. Titles that fold like common words ("cô" / "cơ quan", "em", "bà" /
# "ba") are left out, and so are family names that fold like common words of union news ("chi đoàn", "ông
# Văn …" / "văn bản") unless typed with a capital.
_PERSON_TITLE = r"(?:anh|chi|ong|ba|dong chi)"
_COMMON_FAMILY = frozenset("doan quan van dong cao ha kim thai chu tu to la giang ninh lac vien yen ong au than tang "
                           "mai chau tieu ung hau luc lai".split())


def persons_named(question: str) -> list[str]:
    """The full names (folded, lower case) of people a question names after a title word: a family name
    (`names.FAMILY_NAMES`) and the two syllables after it ("cua chi tran thi tham tong kinh phi" → "tran thi
    tham"). Where the syllables after the family name are no part of the name, no article holds the string
    and nothing is read differently."""
    typed = normalize(question)
    q = fold(typed).lower()
    out = []
    for m in pattern(rf"(?<![a-z]){_PERSON_TITLE}\s+([a-z]+)\s+([a-z]+)\s+([a-z]+)(?![a-z])").finditer(q):
        capital = typed[m.start(1):m.start(1) + 1].isupper()
        if m.group(1) in FOLDED_FAMILY_NAMES and (capital or m.group(1) not in _COMMON_FAMILY):
            out.append(" ".join(m.groups()))
    return out


@lru_cache(maxsize=256)  # an article's text, read for every name of every question that reads it
def _folded_words(text: str) -> str:
    return f" {' '.join(re.findall(r'[a-z0-9]+', fold(text).lower()))} "


def _holds_person(index: Index, article_id: str, name: str) -> bool:
    return f" {name} " in _folded_words(index.titled_text(article_id))


def _person_named(index: Index, res: SearchResult, ranking: list, read: list, worth: list[float], best: int) -> int:
    """The article read first when the question names a person (`persons_named`) that article never writes
    and another of the top ARTICLES_READ writes every person named: that one, when nothing hard speaks
    against it. General news reading: reports of one kind of event (a house handed over, a worker helped)
    differ in the person they are about, and a full name is the most specific detail a question gives —
    an article that never writes it is a report about someone else. Reads the article when the search
    ranked it too low to be read so far (one more article's sentences: no encode)."""
    names = persons_named(res.query.text)
    if not names or all(_holds_person(index, ranking[best][0], n) for n in names):
        return best
    for k, (aid, _) in enumerate(ranking[:ARTICLES_READ]):
        if k == best or not all(_holds_person(index, aid, n) for n in names):
            continue
        _read_upto(index, res, ranking, read, worth, k)
        if read[k][0] and not read[k][2]["hard"]:
            return k
    return best


def _year_of(index: Index, aid: str) -> int | None:
    """The year an article was published in (its date's first four digits), or None."""
    m = re.match(r"((?:19|20)\d\d)", str(index.articles.get(aid, {}).get("date") or ""))
    return int(m.group(1)) if m else None


def _year_review(index: Index, res: SearchResult, ranking: list, read: list, best: int) -> int:
    """The article read first when a count or amount of one year is asked ("năm 2024 … bao nhiêu", one single year)
    and the best article's best sentence does not tell its fact of that year (`notfound.tells_year`: it names another
    year, or none — the event it reports), while another of the top ARTICLES_READ, published in a later year, held
    close to the first (`READ_ON_MIN_REACH`), against which nothing hard speaks and lacking no more of the question's
    names, has as its own best sentence one telling its fact of the year asked, scoring at least as high as the best's
    best (a report whose closest sentence tells its own event's figure, while another of its sentences names the year,
    answers a question about its event, not the year's review: t22 pq098). General
    news writing: a year's figures (its accidents, its members served, its revenue) are reported after the year ends —
    in the next year's review, conference or campaign launch ("năm 2024 toàn tỉnh xảy ra 31 vụ …" in the 2025 report),
    while the report published during the year tells that year's event and the year before's figures (t18 hq011, t20
    yq015, t22 pq032: the year asked names both, `search._context_bonus`). `best` otherwise."""
    q = res.query
    years = list(dict.fromkeys(SINGLE_YEAR.findall(fold(normalize(q.text)).lower())))
    opts, scores, _ = read[best]
    if q.qtype != "number" or len(years) != 1 or not opts:
        return best
    year = years[0]
    top_score = float(scores.max())
    if tells_year(q.text, opts[int(np.argmax(scores))].text, year):
        return best
    top = ranking[0][1] or 1e-9
    for k in range(min(ARTICLES_READ, len(ranking))):
        published = _year_of(index, ranking[k][0])
        if (k == best or published is None or published <= int(year)
                or search_reach(ranking[k][1], top) < READ_ON_MIN_REACH):
            continue
        _read_upto(index, res, ranking, read, [0.0] * len(read), k)  # (its worth is not weighed here: a throwaway list)
        k_opts, k_scores, verdict = read[k]
        if (verdict["hard"] or _ruled_by_details(verdict)
                or len(verdict["missing_names"]) > len(read[best][2]["missing_names"])):
            continue
        if (k_opts and float(k_scores.max()) >= top_score
                and tells_year(q.text, k_opts[int(np.argmax(k_scores))].text, year)):
            return k
    return best


def _read_upto(index: Index, res: SearchResult, ranking: list, read: list, worth: list[float], k: int) -> None:
    """Reads the ranking's articles up to the k-th when the search ranked them too low to be read so far (their
    sentences only: no encode)."""
    while len(read) <= k:
        read.append(_read_article(index, res, ranking[len(read)][0]))
        opts, scores, _ = read[-1]
        worth.append(float(scores.max()) if opts else 0.0)


def _office_named(index: Index, res: SearchResult, ranking: list, read: list, worth: list[float], best: int) -> int:
    """The article read first when a who-question asks an office (`notfound.missing_roles`: "Chủ tịch LĐLĐ TP Cần Thơ
    là ai", "người đứng đầu …") that the best article names only for a deputy or not at all: the first of the search's
    top OFFICE_READ_DEPTH that names it, against which nothing hard speaks, that lacks none of the names the question
    gives and whose best sentence gives the office to a person (type fit 1). General news reading: one body's reports
    (this year's fair and last year's) name its head in some and only a deputy in others; an article that never names the office cannot say who holds it, so the
    neighbour naming it is the one to read — as a full name asked is (`_person_named`)."""
    if not read[best][2].get("missing_role") or _ruled_by_details(read[best][2]):  # (a year lacking: `_read_on`'s)
        return best
    for k in range(min(OFFICE_READ_DEPTH, len(ranking))):
        if k == best:
            continue  # (no READ_ON_MIN_REACH here, review R27 #8, session 29: with it the heads of teamq13 and
            # teamq16, ranked 4th and 2nd well below the first, went unread — reply −1 on each)
        _read_upto(index, res, ranking, read, worth, k)
        opts, scores, verdict = read[k]
        if (opts and not verdict["hard"] and not verdict["missing_names"] and not _ruled_out(verdict)
                and opts[int(np.argmax(scores))].feats["fit"] >= 1):
            return k  # (its best sentence names someone holding the office asked: not a report naming no one so)
    return best


def _read_article(index: Index, res: SearchResult, aid: str) -> tuple:
    """One article read for the question: its sentence options, their scores, its not-found verdict. The verdict
    first: it needs only the question's own cosine (its best sentence's), while the options' dense side waits for the
    focus vector the search started encoding on another thread (`search(ahead=True)`), which this work overlaps."""
    cand = index.article_sentences.get(aid, [])
    best_cos = float(res.dense_sent(cand).max()) if len(cand) else 0.0
    verdict = decide(index, res, aid, index.titled_text(aid), best_cos)
    title, text = index.articles.get(aid, {}).get("title", ""), index.text_of(aid)
    verdict["other_occasion"] = (another_occasion(res.query.text, "", title, text)
                                 + years_only_named(res.query.text, f"{title}. {text}"))
    verdict["other_body"] = other_bodies(res.query.text, index.titled_text(aid))
    verdict["missing_names"] = verdict["missing_names"] + verdict["other_body"]  # a name it lacks (`_evidence`)
    opts = choose.options(index, res, aid)
    return opts, choose.scores(opts), verdict


# A company or bank of a family with one per province or region, named by its kind, its legal form if written, its
# family's words and its place ("Công ty Điện lực Hải Phòng", "Công ty TNHH MTV Điện lực Hải Phòng", "Tổng công ty Điện
# lực miền Nam", "cty dien luc dong nai"), folded: group 1 is the kind, group 2 the family's words (one to five; the
# legal form, the same family's with or without it, is read apart and uses none of them), the place follows. The
# regions are the country's three (miền Bắc / Trung / Nam).
_FAMILY_WORDS = 5  # a family's words ("điện lực", "cấp thoát nước", "môi trường đô thị"): one to this many
_LEGAL_FORMS = r"tnhh|cp|co phan|mtv|mot thanh vien"
# The characters before a place read for the body's kind, legal form and family words: the longest kind ("tong cong
# ty", 12), the longest legal form ("tnhh mot thanh vien", 20) and five syllables of up to seven letters (Vietnamese
# syllables are one to seven) fit; farther back a kind word belongs to another phrase of the sentence. Set by hand with
# the pattern (not fitted: the harness never varied it).
_KIND_REACH = 80
# Folded, the kinds (`names.COMPANY_KINDS`) but "doanh nghiệp", a common noun before a place ("các doanh nghiệp khu vực
# Vĩnh Phúc" names no firm of a family: three such readings on the readable texts with it), and "hãng", which folds like
# "hàng" (goods).
_BODY_KINDS = [fold(k) for k in kinds_but("doanh nghiệp", "hãng")]
_BODY_KIND = re.compile(rf"(?<![a-z0-9])({'|'.join(_BODY_KINDS)})(?:\s+(?:{_LEGAL_FORMS})(?![a-z0-9]))*"
                        rf"((?:\s+[a-z0-9]+){{1,{_FAMILY_WORDS}}}?)\s*$")
_PLACE_KINDS = {"tinh", "thanh", "pho", "tp", "chi", "nhanh"}
_LINKS = {"o", "tai", "ben", "cua", "va", "voi", "thuoc", "tren", "trong"}  # the place is where it is, not its name
_REGION = re.compile(r"(?<![a-z0-9])mien (?:bac|trung|nam)(?![a-z0-9])")


@lru_cache(maxsize=256)  # an article's bodies, read for every question naming one that reads the article
def bodies_by_place(text: str) -> tuple[tuple[str, str, str], ...]:
    """(kind, family words, place) of each organisation `text` names by its place (`_BODY_KIND`), folded: "Công đoàn
    Tổng công ty Điện lực miền Bắc tổ chức …" → (("tong cong ty", "dien luc", "mien bac"),). The place is a province
    (`places.place_spans`) or a region, written right after the family's words; the kind tells a group from its
    members ("Tổng công ty Điện lực miền Trung" is no sibling of "Công ty Điện lực Quảng Bình")."""
    text = normalize(text)
    folded = fold_same_length(text).lower()
    spans = place_spans(text) + [m.span() for m in _REGION.finditer(folded)]
    out = []
    for s, e in spans:
        m = _BODY_KIND.search(folded[max(0, s - _KIND_REACH):s])
        family = m.group(2).split() if m else []
        while family and family[-1] in _PLACE_KINDS:  # "… tỉnh Nam Định" is "… Nam Định"
            family.pop()
        if m and family and not any(w in _LINKS for w in family):  # "Công ty Giày Phú Thịnh ở Long An": where it is
            kind = "cong ty" if m.group(1) == "cty" else m.group(1)
            out.append((kind, " ".join(family), " ".join(folded[s:e].split())))
    return tuple(dict.fromkeys(out))


def other_bodies(question: str, article_text: str) -> list[str]:
    """The organisations the question names by their place (`bodies_by_place`) that the article never names, while it
    names one of the same kind and family at another place: "Tổng công ty Điện lực miền Nam" asked, an article on
    "Tổng công ty Điện lực miền Bắc" (its "năm" folds like "Nam"). General news writing: a company or a bank of a
    family with one per province or region is told from its siblings by its place alone, and a report on one of them
    names it so; an article naming a sibling and never it is about another organisation, however well the rest
    matches (the reading order reads on past it). Folded (the question typed with or without accents). [] for most
    questions: they name no such body."""
    asked = bodies_by_place(question)
    if not asked:
        return []
    words = _folded_words(article_text)
    held = bodies_by_place(article_text)
    return [f"{family} {place}" for kind, family, place in asked
            if (kind, family, place) not in held and f" {family} {place} " not in words
            and any(k == kind and f == family and p != place for k, f, p in held)]


def years_only_named(question: str, article_text: str) -> list[str]:
    """Single years of the question (not a law's it names itself) that the article writes only as a law's or a
    comparison's year ("Luật Công đoàn năm 2024", "so với năm 2023": `occasion.NAMED_BY_YEAR`): general news
    writing names a law by its year and compares with another year, and neither dates the article's event — it
    holds the year asked in letters only, and is ruled out like an article whose lede dates its event otherwise."""
    years = dict.fromkeys(SINGLE_YEAR.findall(NAMED_BY_YEAR.sub(" ", fold(normalize(question)).lower())))
    if not years:  # most questions name none: the article is not folded (every article read, every question)
        return []
    fa = fold(normalize(article_text)).lower()
    unnamed = NAMED_BY_YEAR.sub(" ", fa)
    return [f"năm {y}" for y in years
            if pattern(rf"(?<!\d){y}(?!\d)").search(fa) and not pattern(rf"(?<!\d){y}(?!\d)").search(unnamed)]


def _ruled_out(verdict: dict) -> bool:
    """A detail telling one event from another of its kind that the question gives and the article lacks
    (`notfound.decide`): a year, an ordinal or anniversary, an occasion, an activity, another province; or one
    its lede gives its own event otherwise (`occasion.another_occasion`: the article tells of the occasion asked
    only in passing — a report of this year's contest recalling the last one's)."""
    return _ruled_by_details(verdict) or bool(verdict.get("other_occasion"))


def _ruled_by_details(verdict: dict) -> bool:
    """A year, an ordinal / occasion / activity or another province the question gives and the article lacks, or an
    organisation it names by its place where the article names a sibling (`other_bodies`)."""
    return bool(verdict["missing_years"] or verdict["event_details"] or verdict["other_place"]
                or verdict.get("other_body"))


def _read_on(index: Index, res: SearchResult, ranking: list, read: list, worth: list[float], reaches: list[float],
             best: int) -> int:
    """The article read first when the best one is ruled out by such a detail: another article read that
    holds it (the year, the ordinal, the province named — not merely an article naming no province), against
    which no hard evidence speaks, that lacks none of the names the question gives, that the search holds
    close to its first (`READ_ON_MIN_REACH`), and that covers the rest of the question — its words beyond
    those details — at least as well (IDF-weighted). General news reading: two reports of one kind of event
    (another year's contest, another province's congress) differ in exactly those details, so the one that
    holds them is the report asked about, when it is about the same thing otherwise. Where the best is ruled out by
    its own lede naming its event otherwise, an article the search ranks at least as high needs no more coverage
    (session 19, helper S): it is no lesser article, and a report names its event in words of its own. (Session 10's version,
    any article not ruled out covering the whole question as well, moved a question whose year no article
    holds to any article holding that year: synthetic unanswerable variants 0.924 → 0.888 declined.)
    `best` when there is none."""
    ruled = read[best][2]
    rest = _without_details(res.query.text, ruled)
    covered = coverage(rest, written_out(index.titled_text(ranking[best][0])), index.idf)
    fair = [k for k in range(len(read)) if k != best and worth[k] > 0 and not read[k][2]["hard"]
            and not read[k][2].get("other_occasion")
            and not read[k][2]["missing_names"] and (not ruled["other_place"] or read[k][2]["names_asked_place"])
            and reaches[k] >= READ_ON_MIN_REACH
            and (coverage(rest, written_out(index.titled_text(ranking[k][0])), index.idf) >= covered
                 or _lede_reports(index, ranking[k][0], ruled)
                 or ruled.get("other_occasion") and reaches[k] >= reaches[best])]
    return max(fair, key=lambda k: (worth[k], -k)) if fair else best


def _lede_reports(index: Index, aid: str, ruled: dict) -> bool:
    """The best article is ruled out only by an occasion its lede gives otherwise, and `aid`'s lede gives that very
    occasion (`occasion.lede_gives`): `aid` is the report of it, though the other, recalling it in passing, may
    hold more of the question's words (general news writing: a report names its event's year and edition in its
    lede)."""
    if not ruled.get("other_occasion") or _ruled_by_details(ruled):
        return False
    return _article_lede_gives(index, aid, ruled["other_occasion"])


def _article_lede_gives(index: Index, aid: str, details: list[str]) -> bool:
    """`occasion.lede_gives` on article `aid`'s own title and text: whether it is the report of that occasion."""
    return lede_gives(details, index.articles.get(aid, {}).get("title", ""), index.text_of(aid))


def _without_details(question: str, verdict: dict) -> str:
    """The question folded, without the details that rule an article out (its years, ordinals, provinces)."""
    q = f" {fold(normalize(question)).lower()} "
    for d in [*verdict["missing_years"], *verdict["event_details"], *verdict["other_place"],
              *verdict.get("other_occasion", []), *verdict.get("other_body", [])]:
        q = pattern(rf"(?<![\w]){re.escape(fold(d).lower())}(?![\w])").sub(" ", q)
    return q


def _evidence(verdict: dict, first: dict | None) -> float:
    """How far an article's own text bears the question out: the IDF share of the question's topic
    words it holds. `first`: the search's first article's verdict, when weighing another — which is
    never read in its place when it lacks more of the names the question gives."""
    if first is not None and len(verdict["missing_names"]) > len(first["missing_names"]):
        return 0.0
    return verdict["features"]["coverage_idf"]


def span_sentence(found: Answer) -> str:
    """The one sentence of the article that holds the span, when the quote joins two (a sentence close to the question
    read with the neighbour holding the span, `choose.with_pairs`, or a winner without a span shown with it,
    `choose.compose`); else the quote itself. The close sentence may owe its closeness to the very qualifier the
    question tells its instance by, written there of another instance: "… 3 giải Ba …" beside "giải Nhì thuộc về anh
    X", "… sau bản thỏa ước nhóm tại KCN Thăng Long II ký năm 2022" beside "Thỏa ước có sự tham gia của 12 doanh
    nghiệp" (general news writing: a winner is named with the rank won, a fact with its own occasion or none)."""
    text, span = found.sentence or "", found.span or ""
    parts = [o.text for o in found.options or [] if o.text != text and o.text in text]
    holding = [p for p in parts if span and span in p]
    return holding[0] if len(parts) >= 2 and len(holding) == 1 else text


def _against(index: Index, q, top_id: str, found: Answer) -> dict[str, str]:
    """Hard evidence in the sentence `found` quotes (`notfound.evidence_against`) or, when there is none, in its
    article's lede (`occasion.another_occasion`, as "other_occasion"): the reasons shown to admins by the check
    that found them ({} for most answers)."""
    against = evidence_against(q.text, found.sentence or "", q.qtype, found.span or "")
    if "unsaid_office" in against and office_held(index.text_of(top_id), found.span or "",
                                                  slot(q.qtype, q.text).get("role") or ""):
        del against["unsaid_office"]  # the article writes the office by that person elsewhere
    own = span_sentence(found)
    if own != found.sentence and "unsaid_rank" not in against and (rank := unsaid_rank(q.qtype, q.text, own)):
        against["unsaid_rank"] = f"câu gần nhất không nói ai đạt “{rank}”"
    if not against and (other := another_occasion(q.text, found.sentence or "", index.articles.get(top_id, {}).get(
            "title", ""), index.text_of(top_id), found.passage or "", own)):  # the article's lede names its event otherwise
        against["other_occasion"] = f"bài gần nhất nói về dịp khác (không phải “{other[0]}”)"
    return against


def _rate_mismatch(q, found: Answer) -> str:
    """Why the span found cannot answer an amount asked: a rate for a total asked (`spans.rate_for_total`) or a
    total for one unit's amount asked (`spans.total_for_rate`) — the reason shown to admins, or ""."""
    sentence, span = found.sentence or "", found.span or ""
    if rate_for_total(q.qtype, q.text, sentence, span):
        return "bài gần nhất chỉ nêu mức cho mỗi đơn vị, không nêu tổng số"
    if total_for_rate(q.qtype, q.text, sentence, span):
        return "bài gần nhất chỉ nêu tổng số, không nêu mức cho mỗi đơn vị"
    return ""


def _unopposed_runner(index: Index, q, top_id: str, base: Answer, opts: list, scores: np.ndarray,
                      found: Answer, close_only: bool = True, counted: bool = False) -> Answer | None:
    """When the sentence chosen tells another year's or edition's fact (`notfound.another_time`), the article's runner-up
    sentence within the close call (`choose.close_call_of`: the one a close call quotes under it anyway) that
    holds a span of the asked kind and against which nothing speaks, as the answer. General news reading: a
    report recalls the last edition's figure beside this one's ("Kỳ lần thứ VII có 1.520 vận động viên"), and
    the two score alike; the one that is not about another edition answers. The same when the sentence chosen does
    not tell the doing a "who <verb>" question asks (`notfound.unsaid_doing`): a close sentence that tells it
    ("Phát biểu khai mạc, đồng chí …") names who did it, and when the span chosen for an office holder is a place
    (`notfound.place_for_person`) a sentence naming a person is the answer — looked for among the next SPAN_SEARCH_DEPTH sentences,
    not only within the close call (`close_only` False): the doing told is the evidence, as a span of the asked kind
    is for `unagreed`. `counted`: beyond the close call, only a sentence naming the noun the question counts
    (`notfound.names_counted_noun`) answers — the evidence for a count looked for there (`_reports_edition_asked`);
    within it, the runner is the one it always was. A runner for another sport's result or another superlative's holder
    must tell the one asked (`category_told`, `notfound.superlative_told`): a sentence naming no superlative names no
    "người trẻ nhất". None when there is none."""
    opts, scores = choose.with_pairs(opts, scores)
    top = float(scores.max()) if len(scores) else 0.0
    category = another_category(q.text, found.sentence or "")  # another sport's or distance's result: one telling it answers
    superlative = another_superlative(q.text, found.sentence or "")  # another superlative's holder: one telling it answers
    for rank, k in enumerate(np.argsort(-scores, kind="stable")):
        close = top > 0 and scores[k] >= choose.close_call_of(q.qtype) * top
        if top <= 0 or (not close if close_only else rank > SPAN_SEARCH_DEPTH):
            return None
        o = opts[int(k)]
        if o.text in (found.sentence or "") or (found.sentence or "") in o.text:
            continue
        alt = choose.realize(base, o, o.text)
        if not alt.span and q.qtype in choose.NEEDS_SPAN:
            continue
        if not close_only and missing_roles(q.qtype, q.text, fold(alt.sentence or "").lower()):
            continue  # an office asked: the sentence naming who did it names the office too
        if category and not category_told(q.text, alt.sentence or ""):
            continue
        if superlative and not superlative_told(superlative, alt.sentence or ""):
            continue
        if counted and not close and (not names_counted_noun(q.text, o.text) or _measured(q, alt)):
            continue
        alt.features = {**alt.features, "agree": 1.0, "fit": type_fit(q.qtype, alt.sentence or "", q.text)}
        if not _against(index, q, top_id, alt) and not _rate_mismatch(q, alt):
            return alt
    return None


def _measured(q, alt: Answer) -> bool:
    """A count asked and the span an amount, a duration or a share ("5% số vụ tai nạn"): it counts nothing
    (`notfound.measure_for_count`)."""
    return measure_for_count(slot(q.qtype, q.text), Span("number", 0, len(alt.span or ""), alt.span or ""), alt.sentence or "")


def edition_details(question: str) -> list[str]:
    """The edition a question tells its event by, as `occasion.lede_gives` reads details: its single years ("năm
    2025"), its numbered editions ("lần thứ IV" → "lần 4") and terms of a course ("khóa 2"); [] when it names none."""
    fq = fold(normalize(question)).lower()
    years = [f"năm {y}" for y in dict.fromkeys(SINGLE_YEAR.findall(fq))]
    numbered = [f"{'khóa' if kind == 'khoa' else 'lần'} {n}" for kind, n in sorted(editions(fq)) if kind != "hop"]
    return years + numbered


def _reports_edition_asked(index: Index, question: str, aid: str) -> bool:
    """Whether the article's lede gives its own event every edition the question names (`edition_details`,
    `occasion.lede_gives`): it is that edition's report, and a sentence of it that names no other edition tells the
    asked edition's fact. General news writing: a report recalls the last edition beside this one's ("từ sau hội thi
    lần thứ III, 27 thí sinh …", "ở khóa 1 có 52/60 học viên …" in the reports of lần thứ IV and khóa 2), and that
    recollection may read closer to the question than the sentence that answers ("… với 118 thí sinh", "khóa 2 được
    mở rộng với 150 học viên"), which then lies beyond the close call: for a count asked, the runner is looked for as
    deep as for an undone doing (`_unopposed_runner`, SPAN_SEARCH_DEPTH), among the sentences that name the noun
    counted (a count is told with its noun: "118 thí sinh"); within the close call nothing changes. teamq9 td12,
    teamq13 md09. Any runner deep (no noun asked of it) answered one unanswerable question more on an unread set
    (teamq28 decl .727 → .682), and the noun asked within the close call too lost one answer (teamq33 reply .898 →
    .891): the noun keeps the reach to the evidence a count carries, beyond what was read before."""
    details = edition_details(question)
    return bool(details) and _article_lede_gives(index, aid, details)


def answer(index: Index, res: SearchResult) -> Answer:
    q = res.query
    ans = Answer(question=q.text, found=False, qtype=q.qtype)
    if index.empty or not res.article_ranking:
        ans.reason = "empty index"
        return ans
    ranking, opts, scores, verdict = reading_order(index, res)
    top_id, top_score = ranking[0]
    ans.ranked = [a for a, _ in ranking[:5]]
    ans.related = [_source(index, a, s) for a, s in ranking[1:4]]
    if not opts:
        ans.reason = "no sentences"
        return ans
    model = decision.load_model()
    base = Answer(question=q.text, found=True, qtype=q.qtype, sources=[_source(index, top_id, top_score)],
                  related=ans.related, ranked=ans.ranked, features=verdict["features"], options=opts)
    found_ans = choose.pick(base, opts, scores)
    if found_ans is not None:
        found_ans.features = {**found_ans.features, "agree": 1.0}
    elif model is not None:  # spans of the kind that do not agree: the model weighs them (agree < 1)
        found_ans = unagreed(base, opts, scores)
    if found_ans is None:  # no sentence holds what was asked: never a span of another kind
        ans.reason = verdict["reason"] or "không có câu nào nêu đúng điều được hỏi"
        ans.related = [_source(index, a, s) for a, s in ranking[:3]]
        return ans
    found_ans.features["fit"] = type_fit(q.qtype, found_ans.sentence or "", q.text)  # graded: the model weighs it
    if mismatch := _rate_mismatch(q, found_ans):  # hard evidence too
        verdict = {**verdict, "hard": True, "reason": verdict["reason"] or mismatch}
    against = _against(index, q, top_id, found_ans)
    unsaid = next(iter(against.values()), "")
    undone = not UNDONE_CHECKS.isdisjoint(against)
    another_time = not ANOTHER_TIME_CHECKS.isdisjoint(against)
    recalled = not undone and another_time and q.qtype == "number" and _reports_edition_asked(index, q.text, top_id)
    if (unsaid and not verdict["hard"] and (undone or another_time)
            and (runner := _unopposed_runner(index, q, top_id, base, opts, scores, found_ans,
                                             close_only=not (undone or recalled), counted=recalled))):
        found_ans, unsaid = runner, ""
    if unsaid:  # a yes/no predicate the sentence does not state, what is asked told with another year: hard too
        verdict = {**verdict, "hard": True, "reason": verdict["reason"] or unsaid}
    if verdict["hard"]:  # no topic words, a year/ordinal/province the article lacks, a rate for a total
        decline = True
    elif model is not None:
        decline = not model.answers(found_ans.features)
    else:
        decline = verdict["decline"]
    if not decline:
        return found_ans
    ans.reason = verdict["reason"] or ("không có câu nào nêu đúng điều được hỏi" if found_ans.features.get("agree") < 1
                                       else "bài gần nhất ít liên quan")
    ans.related = [_source(index, a, s) for a, s in ranking[:3]]
    ans.features = found_ans.features if not verdict["hard"] else None
    ans.candidate = found_ans
    return ans


