"""Which sentence of the best article answers, and what is quoted from it.

Each sentence of the article becomes an `Option` (dense and lexical closeness to the
question, whether it holds a span of the asked kind); `scores` ranks them, `with_pairs` adds
each sentence read with a neighbour that holds a better span (a fact told over two
sentences), `compose` shows the winner — with the runner-up on a close call, or with the
neighbour that holds the fact when the winner holds none — and `pick` quotes the span the
question asks for, or gives up (an honest "not found") when no sentence near the top holds one.
"""
from __future__ import annotations

import copy
import re
from dataclasses import dataclass

import numpy as np

from knowledge.dates import display_date
from knowledge.text import fold, fold_same_length, folded_words, pattern, window


from ..language.chat import expand_unambiguous
from ..index.base import Index
from ..index.search import SearchResult, content_terms, scale_dense, scale_lexical
from .spans import (counts_other_occasion, extract_span, names_asked_kind, other_occasion_asked, plan_marks, tells_plan, type_fit,
                    years_reported)
from ..params import (ASKED_LEX_SHARE, BEYOND_TITLE_SHARE, CLOSE_CALL, COUNTED_ELSEWHERE_FIT, LEDE_VENUE_FIT, PLAN_ONLY_FIT, PLAN_UNSAID_FIT, DENSE_SHARE, GATE, LEAD_DATE_FIT, MAX_SENTENCE_CHARS, NAMED_ELSEWHERE_FIT, PAIR_DISCOUNT,
                      SPAN_SEARCH_DEPTH, WHAT_CLOSE_CALL, NUMBER_CLOSE_CALL, WINDOW_CHARS)

_FULL_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")  # an article dated to the day



@dataclass
class Option:
    sentence: int  # index into index.sentences
    chunk: int
    text: str
    passage: str  # the passage the sentence comes from (shown behind "Đoạn trích")
    feats: dict


def options(index: Index, res: SearchResult, article_id: str) -> list[Option]:
    q = res.query
    cand = index.article_sentences.get(article_id, [])
    if not cand:
        return []
    texts = [index.sentences[i]["text"] for i in cand]
    # The question's words beyond the article's title decide between its sentences (CV: right
    # sentence first for 167 of 189 dev questions, against 159 with the whole question); on the
    # lexical side they share the say with the whole question (BEYOND_TITLE_SHARE).
    plain = scale_lexical(res.lex_sent(cand))
    lex = plain
    beyond = res.lex_beyond_title(cand, article_id)
    if beyond is not None:
        lex = (1 - BEYOND_TITLE_SHARE) * lex + BEYOND_TITLE_SHARE * scale_lexical(beyond)
    asked = asked_lex(res, article_id, cand, texts[0], plain)
    marks = plan_marks(q.text, texts)
    title = index.articles.get(article_id, {}).get("title") or ""
    fits = [float(type_fit(q.qtype, t, q.text)) * (PLAN_UNSAID_FIT if unsaid else 1.0)
            for t, (unsaid, _) in zip(texts, marks)]
    if (q.qtype == "where" and not HELD_Q.search(fold(q.text).lower())
            and lede_venue_aside(q.text, title, texts, fits)):
        fits[0] *= LEDE_VENUE_FIT
    if q.qtype in ("slogan", "campaign"):
        fits = kind_named_elsewhere(q.qtype, q.text, texts, fits)
    if q.qtype == "number":
        fits = counted_elsewhere(q.text, title, texts, fits)
    plan_discounted = any(only for _, only in marks) and not announces(title, texts[0])
    # The dense side last: the focus text's vector is being encoded on another thread meanwhile (search's `ahead`).
    dense = scale_dense(res.focus_sent(cand))
    cos = res.dense_sent(cand)
    out = []
    for k, i in enumerate(cand):
        ci = int(index.sentences[i]["chunk"])
        out.append(Option(i, ci, texts[k], index.chunks[ci]["text"], {
            "dense": float(dense[k]), "lex": float(lex[k]), "cos": float(cos[k]), "asked_lex": float(asked[k]),
            "fit": fits[k],
            "tense": PLAN_ONLY_FIT if plan_discounted and marks[k][1] else 1.0}))
    published = index.articles.get(article_id, {}).get("date") or ""
    if q.qtype == "date" and out and out[0].feats["fit"] == 0 and _FULL_DATE.fullmatch(published):
        # A news lead without a date of its own reports the day's event: the dateline dates it.
        out[0].feats.update(fit=LEAD_DATE_FIT, dateline=display_date(published))
    return out


def kind_named_elsewhere(qtype: str, question: str, texts: list[str], fits: list[float]) -> list[float]:
    """A slogan / campaign question asks the name of a kind of thing ("Học bổng … mang tên gì", "Chợ Tết … có chủ đề
    gì"): when a sentence of the article names one right after that kind (`spans.names_asked_kind`: "trao 60 suất
    học bổng “…”", "với chủ đề “…”"), a sentence that quotes a name only after another cue (the lede's "tổ chức
    chương trình “…”", "hưởng ứng Tháng Công nhân") names something else — the event around it — and its fit is
    discounted to NAMED_ELSEWHERE_FIT. General news writing: the lede names the whole event, a later sentence the
    part asked; read alone, each sentence's fit cannot tell them apart (0.75 against 1.0). (Measured: docs/quality.md,
    session 37, helper P.)"""
    named = [f >= 1 and names_asked_kind(qtype, t, question) for t, f in zip(texts, fits)]
    if not any(named):
        return fits
    return [f if own else min(f, NAMED_ELSEWHERE_FIT) for f, own in zip(fits, named)]


def counted_elsewhere(question: str, title: str, texts: list[str], fits: list[float]) -> list[float]:
    """A count question that asks no total, running total or past edition (`spans.other_occasion_asked`) asks the
    reported occasion's own count: a sentence that tells its counts in the frame of another occasion (`spans.
    counts_other_occasion`: "Qua 5 năm, quỹ đã hỗ trợ tổng cộng 310 …", "Năm trước, hội thi … 64 đội …") has its
    fit lowered to COUNTED_ELSEWHERE_FIT when another sentence of the article holds a count (fit 1) in no such frame
    (measured: scaling the fit beside any count as fit, 0.75 for a question typed without accents, gave teamq26 +1
    read and teamq37 −1 unread). General news writing: the report gives its occasion's figures, and recalls the totals or
    the last edition's with the frame put first; read alone, each sentence's fit cannot tell them apart. Only when the
    question dates its occasion by a year and every year it names is the report's own (its title's or its lede's,
    texts[0]): "năm 2024 … bao nhiêu" of the 2025 edition's report asks the edition that report recalls as "Năm
    ngoái, …", and a count asked with no time ("Quảng Nam có bao nhiêu công đoàn cơ sở ngoài nhà nước?") may ask the
    state now, which "Đến nay, …" tells. (Measured: docs/quality.md,
    session 38, helper P.)"""
    if other_occasion_asked(question) or not years_reported(question, f"{title} {texts[0] if texts else ''}"):
        return fits
    framed = [f > 0 and counts_other_occasion(t, question) for t, f in zip(texts, fits)]
    if not any(framed) or not any(f >= 1 and not o for f, o in zip(fits, framed)):
        return fits
    return [min(f, COUNTED_ELSEWHERE_FIT) if o else f for f, o in zip(fits, framed)]


def announces(title: str, lede: str) -> bool:
    """Whether an article announces a coming event: its title or its lede tells it in the future ("Thủ tướng … sẽ đối
    thoại với 3.000 công nhân", "… có chủ đề … sẽ được phát động vào sáng 8/5") or as the plan for it ("Triển khai kế
    hoạch mừng kỷ niệm …", `spans.tells_plan`). Then its facts are all of a plan, and a question about that event
    asks them in no future words."""
    return tells_plan(title) or tells_plan(lede)


# "… được tổ chức / diễn ra / khai mạc ở đâu" asks the venue of the event itself, which is what a lede's venue gives
# (general news writing: "<time>, tại <venue>, <organiser> tổ chức …"): such a question keeps the lede's fit (teamq22
# pq085, "Buổi trao quà … được tổ chức tại đâu?"). Folded.
HELD_Q = re.compile(r"\b(?:to chuc|dien ra|khai mac|be mac|khai giang|ra quan|phat dong)\b")


# Syllables that name nothing (folded): a question's function words, its asking words and particles, tense words.
_NOT_NAMING = frozenset("""o tai ve den tu cua cho la voi va duoc bi thi trong boi ma hay hoac nhu de nham vao khi se da
dang co nao dau gi vay a nhi the khong chua nhung cac mot bao nhieu may ai""".split())


# "Ngoài X, …" (besides X) opens a sentence about something else: X named there is not what it tells (general
# Vietnamese; "Ngoài điểm chợ chính, Ban tổ chức bố trí thêm một điểm chợ tại …" gives no place of the main market).
_BESIDES = re.compile(r"^\W*(?:[Nn]goài|NGOÀI)(?!\w)[^,;]*[,;]")


def lede_venue_aside(question: str, title: str, texts: list[str], fits: list[float]) -> bool:
    """A where-question whose lede (the article's first sentence, texts[0]) gives a place, while another sentence gives
    one too (fit 1) and names a thing the question names and neither the title nor the lede does — two syllables side
    by side in the question, neither a function nor an asking word (`_NOT_NAMING`; not only dictionary words: it lacks
    many a compound news writes, "vòng bảng", "du xuân"): "Vòng bảng … đá ở sân nào" of a report whose lede opens "tại
    Sân vận động A, … khai mạc giải", and "Vòng bảng diễn ra … tại Sân bóng B" further on. General news writing: the
    lede's venue is where the reported event took place; a question naming something the lede does not asks the place
    of that thing (a later round, a course, an outing), and the sentence that names it with a place answers it. Then
    the lede's fit is discounted (LEDE_VENUE_FIT). Not for the venue of the event itself (`HELD_Q`, read by the
    caller), nor by a thing named in a "Ngoài …," clause (`_BESIDES`; teamq8 td04-2)."""
    if len(texts) < 2 or fits[0] < 1 or not any(f >= 1 for f in fits[1:]):
        return False
    known = _written_out(f"{title} {texts[0]}")
    syl = _written_out(question).split()
    asked = {f"{x} {y}" for x, y in zip(syl, syl[1:])
             if not ({x, y} & _NOT_NAMING or x.isdigit() or y.isdigit()) and f" {x} {y} " not in known}
    later = (_written_out(_BESIDES.sub("", t)) for t, f in zip(texts[1:], fits[1:]) if f >= 1)  # each written out once
    return any(f" {w} " in said for said in later for w in asked)


def _written_out(text: str) -> str:
    """Folded words with the union's initials written out (`chat.expand_unambiguous`: "LĐLĐ" → "lien doan lao
    dong"), space-padded: a lede writing "LĐLĐ tỉnh" names what a question's "liên đoàn lao động" does."""
    return expand_unambiguous(folded_words(text))


def asked_lex(res: SearchResult, article_id: str, cand: list[int], lede: str, plain: np.ndarray) -> np.ndarray:
    """BM25 of the article's sentences on the question's ASKED words: those that are neither the title's nor the
    lede's (its first sentence). The lede restates the title in other words, so the question's topic words that
    paraphrase the title are the lede's too; what the question asks beyond that topic is what tells the sentence
    holding the answer apart ("… bắt đầu xây từ lúc nào" of a report whose lede dates the handover). Scaled to
    the article's best; `plain` (the question's scaled BM25) when nothing is left, or for a follow-up, whose own
    words already are what it asks. Whatever is left counts, a question word alone too (min_terms 0): ASKED_LEX_SHARE
    was fitted so (with the title-only side's guard of two content words: not measured)."""
    asked = res.lex_beyond_title(cand, article_id, also=lede, min_terms=0)
    return plain if asked is None else scale_lexical(asked)


def closeness(o: Option) -> float:
    """How near the sentence comes to the question, whatever it holds: its dense and lexical closeness, with
    a share (ASKED_LEX_SHARE) of the lexical closeness on the question's asked words (`asked_lex`)."""
    return ((1 - ASKED_LEX_SHARE) * (DENSE_SHARE * o.feats["dense"] + (1 - DENSE_SHARE) * o.feats["lex"])
            + ASKED_LEX_SHARE * o.feats.get("asked_lex", o.feats["lex"]))


def scores(opts: list[Option], tensed: bool = True) -> np.ndarray:
    """Each option's closeness gated by its fit; `tensed`: a plan sentence's fit discounted for a question about what
    was done (feats["tense"], spans.plan_marks). That ranks the sentences of one article; what the article is worth
    in the reading order (answer.reading_order) is scored without it — a plan sentence still shows the article is
    about the event asked (teamq17's dialogue bd09 moved to the neighbour article when it counted there)."""
    return np.array([closeness(o) * (GATE + (1 - GATE) * o.feats["fit"] * (o.feats.get("tense", 1.0) if tensed else 1.0))
                     for o in opts])


def with_pairs(opts: list[Option], scores: np.ndarray) -> tuple[list[Option], np.ndarray]:
    """The options plus, for each sentence, itself read with a neighbour that holds a better span
    ("Ban chấp hành lâm thời … là đồng chí X." then "Có thể coi đây là Chủ tịch đầu tiên"): the
    pair is as close to the question as the sentence, with the neighbour's span, discounted for
    leaning on two sentences."""
    ext, sc = list(opts), list(scores)
    for i, o in enumerate(opts):
        for j in (i - 1, i + 1):
            if 0 <= j < len(opts) and opts[j].chunk == o.chunk and opts[j].feats["fit"] > o.feats["fit"]:
                n = opts[j]
                text = f"{n.text} {o.text}" if j < i else f"{o.text} {n.text}"
                ext.append(Option(n.sentence, n.chunk, text, n.passage, dict(n.feats)))
                sc.append(closeness(o) * (GATE + (1 - GATE) * n.feats["fit"]) * PAIR_DISCOUNT)
    return ext, np.array(sc)


def compose(opts: list[Option], scores: np.ndarray, n_sentences: int | None = None) -> tuple[Option, str]:
    """The chosen option and the text shown for it. Options past `n_sentences` are pairs
    (with_pairs): they have no neighbours of their own."""
    n_sentences = len(opts) if n_sentences is None else n_sentences
    best = int(np.argmax(scores))
    win = opts[best]
    text = win.text
    if win.feats["fit"] == 0.0 and best < n_sentences:
        # The fact may sit in the sentence before or after (a name, then "ông là người đứng đầu
        # đầu tiên"): show that neighbour too when it holds a span.
        for j in (best - 1, best + 1):
            if 0 <= j < n_sentences and opts[j].feats["fit"] > 0 and opts[j].chunk == win.chunk:
                text = f"{opts[j].text} {text}" if j < best else f"{text} {opts[j].text}"
                break
    return win, text


def close_call_of(qtype: str) -> float:
    """The share of the winner's score within which the runner-up sentence is quoted under it, by what is asked."""
    return WHAT_CLOSE_CALL if qtype == "what" else NUMBER_CLOSE_CALL if qtype == "number" else CLOSE_CALL


def second(opts: list[Option], scores: np.ndarray, shown: str, close_call: float = CLOSE_CALL) -> Option | None:
    """On a close call, the article's next sentence, quoted under the first: within `close_call` of the
    best score and not already part of what is shown."""
    top = float(scores.max()) if len(scores) else 0.0
    if top <= 0:
        return None
    for k in np.argsort(-scores, kind="stable"):
        if scores[k] < close_call * top:
            return None
        o = opts[int(k)]
        if o.text not in shown and shown not in o.text:
            return o
    return None


# Kinds of question that only a span of their kind answers ("what" can be a whole sentence). Not "campaign":
# "chương trình / hoạt động / giải / hình thức gì" is often answered by a sentence naming it without quotes or
# an occasion ("… tổ chức giải bóng đá công nhân …"); with no span of its kind its `fit` is 0 and the fitted
# decision weighs it. Transfer 0.841 → 0.845, false declines 0.048 → 0.044, declined unchanged (issue 23).
NEEDS_SPAN = {"date", "number", "who", "where", "slogan"}


def pick(ans, opts: list[Option], scores: np.ndarray):
    """The answer from the best sentence that holds a span of the asked kind (agreeing with
    the question), or from the best sentence when the kind needs none. None: no sentence
    near the top holds one, so the honest reply is "not found"."""
    n = len(opts)
    opts, scores = with_pairs(opts, scores)
    win, text = compose(opts, scores, n)
    first = realize(ans, win, text)
    if not (first.span or ans.qtype not in NEEDS_SPAN):
        for k in np.argsort(-scores, kind="stable")[1:SPAN_SEARCH_DEPTH]:
            alt = realize(ans, opts[int(k)], opts[int(k)].text)
            if alt.span:
                first = alt
                break
        else:
            return None
    runner = second(opts, scores, first.sentence or "", close_call_of(ans.qtype))
    if runner is not None:
        span = extract_span(ans.qtype, runner.text, ans.question)
        first.also = (window(runner.text, span, WINDOW_CHARS) if span or len(runner.text) <= WINDOW_CHARS
                      else focus_window(runner.text, ans.question, WINDOW_CHARS))
    return first


def realize(ans, win: Option, text: str, span: str | None = None):
    """`ans` (a found Answer) with the chosen sentence's span, text and passage filled in;
    the decision feature that depends on the choice is updated. `span`: the words to quote, when
    the caller chose them (notfound.unagreed); else the span the question asks for."""
    out = copy.copy(ans)
    if span is not None:
        out.span = span
    elif win.feats.get("dateline") and extract_span(ans.qtype, win.text, ans.question) is None:
        out.span = win.feats["dateline"]  # the lead itself gives no date (a runner-up shown beside it may)
        text = f"{out.span}: {text}"
    else:
        out.span = extract_span(ans.qtype, text, ans.question)
    out.sentence = text if len(text) <= MAX_SENTENCE_CHARS else trim(text, out.span)
    if out.span is None and len(out.sentence) > WINDOW_CHARS:
        out.sentence = focus_window(out.sentence, ans.question, WINDOW_CHARS)
    out.passage = win.passage
    out.features = {**(ans.features or {}), "type_fit": float(win.feats["fit"] > 0)}
    return out

def focus_window(sentence: str, question: str, limit: int) -> str:
    """A sentence quoted without a span (a "what" answer is the sentence itself), longer than the reply
    window: the part of it, cut at words, that holds the most of the question's topic words (each counted
    once; of those, the one reaching furthest past them). News states the answer of a long sentence after
    the words that repeat the question ("nếu phát hiện … bị bệnh nghề nghiệp, công đoàn sẽ hỗ trợ …"),
    not always in its first `limit` characters."""
    terms = set(content_terms(question))
    starts = [0] + [m.end() for m in re.finditer(r"\s+", sentence)]
    folded = fold_same_length(sentence)  # positions agree with the sentence
    words = [(m.start(), m.group(0)) for m in re.finditer(r"[^\W_]+", folded) if m.group(0) in terms]
    best, best_start = -1, 0
    for st in starts:
        if st and len(sentence) - st < limit // 2:
            break
        held = {w for at, w in words if st <= at < st + limit - 2}
        if len(held) >= best:
            best, best_start = len(held), st
    anchor = _asked_after(sentence, folded, question)
    if anchor is not None and not best_start <= anchor <= best_start + limit - _ANSWER_ROOM:
        # the answer follows the question's last words ("… rà soát hồ sơ [đóng bảo hiểm …]"):
        # the window holds them and what comes after
        best_start = next((st for st in starts if st >= max(0, anchor - (limit - _ANSWER_ROOM) // 2)), 0)
    if best_start == 0:
        return window(sentence, None, limit)
    piece = sentence[best_start:best_start + limit - 2]
    if best_start + len(piece) < len(sentence):
        piece = piece.rsplit(" ", 1)[0] + "…"
    return "…" + piece


_ANSWER_ROOM = 120  # characters after the question's last words that the window keeps for the answer


def _asked_after(sentence: str, folded: str, question: str) -> int | None:
    """Where the sentence says the question's last words before its question word ("… rà soát hồ sơ gì":
    "rà soát hồ sơ"), three syllables or more, as one phrase: news states the thing asked right after them. The
    position of the phrase's end; None when the sentence does not say them so."""
    m = re.search(r"((?:[a-z]+\s+){3,5})(?:gi|nao|j)\b[\s?.!]*$", fold(question).lower())
    if not m:
        return None
    words = m.group(1).split()
    for n in range(len(words), 2, -1):
        hit = pattern(r"\b" + r"[\s,;:]+".join(map(re.escape, words[-n:])) + r"\b").search(folded)
        if hit:
            return hit.end()
    return None


def trim(sentence: str, span: str | None) -> str:
    """A window of the sentence that keeps the span whole, cut at word boundaries."""
    at = sentence.find(span) if span else -1
    start = 0
    if at >= 0 and at + len(span) > MAX_SENTENCE_CHARS - 2:
        start = max(0, min(at - 120, len(sentence) - MAX_SENTENCE_CHARS + 2))
        start = sentence.find(" ", start) + 1 if start else 0
    piece = sentence[start:start + MAX_SENTENCE_CHARS - 2]
    if start + len(piece) < len(sentence):
        piece = piece.rsplit(" ", 1)[0] + "…"
    return ("…" if start else "") + piece
