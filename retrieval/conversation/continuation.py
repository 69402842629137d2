"""Whether a chat message continues the chat's topic or starts a new one.

Some messages say so in words: "còn …", "thế còn …", "kế hoạch đó …", or nothing but a slot
("ai nhận?", "tổ chức ở đâu?"). Those are always read with the chat's topic. Every other message
is read both ways — alone, and with the topic (`followup.combine_topic`) — and a small fitted
model (`continuation.json`, written by `unionbot calibrate-followup`) decides which reading the
member meant, from five named features:

- `own_terms`: how many topic syllables the message has of its own (few: it leans on the chat);
- `coverage_gap`: how much more of its topic words the chat's article holds than the article it
  finds alone (a fresh question names things the chat's article never mentions);
- `confidence_gain`: how much surer the answer is read with the topic than alone;
- `same_article`: alone, it already lands on the chat's article;
- `moves`: read with the topic, a value it names (year, ordinal, province, company) swapped in,
  it answers from another article — the same kind of event another year or place.

The combined reading is a choice when it answers from the chat's article, or from another one
after a swap: the model is fitted on both (`dialogues.turns` makes cross-article follow-ups from
near-neighbour articles, and fresh questions that name a year or place of their own). The threshold sits
above all but `MAX_FALSE_MERGE` of the fresh questions of the fitting dialogues: a fresh question
bent into the previous topic gets a wrong answer that looks confident. Without the file, the
combined reading is taken when alone finds nothing.
"""
from __future__ import annotations

import copy
import dataclasses
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from knowledge.text import fold, folded_words, normalize

from ..answering import choose, decision, occasion
from ..answering.spans import extract_span, type_fit
from ..language.chat import expand_question
from ..hoidap import advice
from ..fitting import logistic
from ..fitting.folds import bucket
from . import dialogues, followup, parts
from ..params import FULL_QUESTION_TERMS, MAX_FALSE_MERGE, MAX_OWN_TERMS, SWAP_ARTICLES, SWAP_COVERAGE

FEATURES = ["own_terms", "coverage_gap", "confidence_gain", "same_article", "moves"]
PARAMS_FILE = Path(__file__).with_name("continuation.json")


@dataclass
class Topic:
    """What the chat is about: the question that set it and the article it was answered from;
    `shown` / `span`: the sentence the chat last quoted from that article and the words quoted."""
    question: str
    article: str | None = None
    shown: str | None = None
    span: str | None = None
    # The last question as the chat understood it, when it was not `question` itself (a slot asked
    # of the topic: "Năm 2025 …, mỗi suất cơm chi hết bao nhiêu?"): what "còn năm 2024 thì sao?" asks again.
    last: str | None = None
    # The member's last message when it was read alone and answered from the topic's article: a
    # message that does not point back is read with it, not with `question` (the fitted model
    # decides on the question the member last asked; read with the event's question, a fresh
    # question after it got a confident answer from the old article more often).
    asked: str | None = None
    # Whether the chat's last reply quoted `article` (`shown`): `shown` survives a declined turn, but a decline
    # told the member nothing — "đợt đó" points at what the member was just told, not at what was quoted before.
    told: bool = False

    def dumps(self) -> str:
        return json.dumps({"q": self.question, "a": self.article, "s": self.shown, "p": self.span, "l": self.last,
                           "k": self.asked, "t": self.told}, ensure_ascii=False)

    @classmethod
    def loads(cls, text: str) -> "Topic":
        try:
            d = json.loads(text)
            return cls(d["q"], d.get("a"), d.get("s"), d.get("p"), d.get("l"), d.get("k"), bool(d.get("t")))
        except (ValueError, TypeError, KeyError):
            return cls(text)  # stored before articles were kept: the question alone


@dataclass
class Reading:
    timed: Any  # service.Timed
    understood: str | None  # the combined question when read with the topic, else None
    topic: Topic  # the chat's topic after this message


@dataclass
class _Both:
    """A message read alone and with the chat's topic."""
    alone: Any  # Timed
    combined: str
    new_topic: str
    with_topic: Any  # Timed
    features: dict
    live: bool  # the model decides: the combined reading answers from the chat's article


def _first(ans) -> str | None:
    return ans.ranked[0] if ans.ranked else None


def _confidence(ans) -> float:
    """P(the reply holds the answer) by the committed decision model (0 without features)."""
    model = decision.load_model()
    if ans.features is None:
        return 0.0
    return model.prob(ans.features) if model is not None else float(ans.found)


def _with_topic(answerer, message: str, topic: Topic) -> tuple[str, str, Any]:
    """(the combined question, the topic it keeps, its timed answer). A message that swaps a value
    in and asks nothing of its own ("còn năm 2024 thì sao?", `followup.asks_again`) asks the last
    question again (`Topic.last`), the value swapped in; the topic kept is the topic's question with
    the value swapped in (the event, not the last slot). A year said relative to the topic's ("năm
    ngoái") is read as that year (`followup.relative_year`)."""
    message = followup.relative_edition(topic.question, followup.relative_year(topic.question, message))
    if topic.last and followup.asks_again(topic.last, message):
        combined, _ = followup.combine_topic(topic.last, message)
        new_topic = followup.combine_topic(topic.question, message)[1]
    else:
        combined, new_topic = followup.combine_topic(topic.question, message)
    focus = followup.focus_of(message, combined, new_topic)
    # A follow-up whose only own-case cue is its first person ("mình thấy lễ có bao nhiêu người
    # dự?") asks about the chat's news topic: not routed as the member's own case.
    news = advice.first_person_only(message)
    timed = answerer.ask(combined, focus=focus, own_case=not news)
    new = followup.new_values(topic.question, message)
    # Another person named ("còn nhà của chị Phạm Thị Mai …" after a question about another
    # member's house): the article that answers must name them, like a unit.
    person = followup.person_of(topic.question, message)
    # A sector swapped in: its article names it. Only the edition swapped: the event's own sector, kept, as well.
    trade = _kept_sector(new, combined)
    names = tuple(n for n in (new.unit, person, new.sector, trade) if n)
    searched = timed
    if new or person:
        timed = _holding_values(answerer, combined, focus, timed, own_case=not news, names=names)
    timed = _place_unnamed(new, topic, answerer, _unit_unnamed(new, answerer, _old_occasion(new, topic, timed, answerer)))
    timed = _sector_elsewhere(new, combined, answerer, _year_unwritten(new, answerer, timed))
    timed = _other_trade(trade, topic, answerer, timed)
    if new and not timed.answer.found:
        timed = _another_holder(answerer, combined, focus, searched, timed, topic, not news, names)
    fewer, again, years = _without_old_details(answerer, combined, message, topic, new, timed, focus, not news)
    if again is not None:
        return fewer, _old_details_dropped(answerer, (new_topic,), message, _first(again.answer), years)[0], again
    aid = _first(timed.answer)
    if timed.answer.found and new and not _edition_only(new) and aid != topic.article:
        # Answered from another article after a swap to another place, company, unit or sector: the chat is now on
        # that article's event, whose year, group or observance need not be the old event's.
        years = bool(new.place or new.company)
        return (*_old_details_dropped(answerer, (combined, new_topic), message, aid, years), timed)
    return combined, new_topic, timed


def _old_details_dropped(answerer, questions: tuple[str, ...], message: str, aid: str, years: bool) -> tuple[str, ...]:
    """Each of `questions` (the combined question and the topic kept: the article read once) without the old event's details the member did not say and article `aid` (the event the chat
    moves to after a swap to another place, company, unit or sector) never writes (`parts.drop_details`); its
    years only when `years` (`_without_old_details` says when). General: those details named the old event, as
    its ordinal did. A year the article writes only in passing, its lede dating its own event otherwise
    (`occasion.other_years`: "Luật … 2024" in a report of 2025), goes too: the lede names the one event an article is
    about, as the answer step reads it. The one place the combined question, the topic kept and the answer's event
    meet this rule."""
    text = answerer.article_text(aid)
    own = occasion.article_lede(answerer.article_title(aid), text) if years else None
    return tuple(parts.drop_details(q, message, text, years=years, dated_otherwise=_dated_otherwise(own, q) if own else ())
                 for q in questions)


def _dated_otherwise(own, question: str) -> list[str]:
    """The years `question` names that an article whose lede is `own` (`occasion.lede_details`) writes only in passing,
    its lede dating its own event otherwise (`occasion.other_years`), bare ("2024")."""
    return [y.removeprefix("năm ") for y in occasion.other_years(fold(normalize(question)).lower(), "", own)]


def _without_old_details(answerer, combined: str, message: str, topic: Topic, new: parts.Values, timed,
                         focus: str | None, own_case: bool):
    """A swap to another province or company ("còn tỉnh X thì sao?") asks about X's own event of the
    same kind: the old event's own numbered group ("cụm thi đua số 3"), observance ("Tháng Công nhân")
    and year — details the member did not say in the message — need not hold for X's. When the combined
    question is declined on another article than the chat's, and that article lacks such a detail of the
    old topic (`parts.drop_details`), the question is asked again without it, among that article
    only. So for a message that moves to another article by other words ("còn hội thao thì sao?"),
    the old event's group number and observance — not its year, which may still be the member's. A
    message that swaps only the edition (a year, term or ordinal: `_edition_only`) keeps them all: the
    same event another time. Declined on the chat's own article (the search put the old event first on the
    old event's words: "còn công đoàn ngành Y tế tỉnh đó thì sao?" after Giáo dục's "năm học 2023–2024"), the
    next of the search's articles that names every place, company, unit and sector swapped in (`_next_named`)
    is the one read, without the old event's details — its year too, which the member did not say (session
    34). The chat's article counts as the old event's only when the chat has quoted it (`Topic.shown`): a first turn
    declined there left the chat on an article it never answered from, no event the member was told of — declined
    there, the swap is read on it as on any other article. (The question, the answer, whether the old years go) when
    that answers; (combined, None, …) otherwise."""
    ans = timed.answer
    if ans.found or not ans.ranked:
        return combined, None, False
    if _edition_only(new):
        return _anniversary_moved(answerer, combined, message, new, ans.ranked[0], topic, focus, own_case)
    aid = ans.ranked[0]
    if aid == topic.article and topic.shown:
        aid = _next_named(answerer, combined, new, ans.ranked, topic)
        if aid is None:
            return combined, None, False
    # A year names the old event's edition: it goes only with the place or company the member swapped
    # (another event of the kind, its own edition); a message that moves to another article by other
    # words may still mean the chat's year.
    moved = aid != ans.ranked[0]  # past the chat's own article to one naming every swapped name: its own edition
    years = bool(new.place or new.company) or moved
    fewer, = _old_details_dropped(answerer, (combined,), message, aid, years)
    if fewer == combined and not moved:
        return combined, None, years
    again = answerer.ask(fewer, focus=focus, among=[aid], own_case=own_case)
    if not again.answer.found or _first(again.answer) != aid:
        return combined, None, years
    return fewer, again, years


def _anniversary_moved(answerer, combined: str, message: str, new: parts.Values, aid: str, topic: Topic,
                       focus: str | None, own_case: bool):
    """A year swapped into a question that names an anniversary ("Lễ kỷ niệm 95 năm … năm 2025 thì chủ đề gì?")
    declined on another article than the chat's that never writes that count (`parts.drop_anniversaries`): the
    count moved with the year (the next year's ceremony is the 96th), so it is asked again without it, among that
    article. Only the edition swapped: every other detail of the event is still the member's. As
    `_without_old_details` returns."""
    if not new.years:
        return combined, None, False
    if aid == topic.article:
        return _anniversary_elsewhere(answerer, combined, message, topic, focus, own_case)
    fewer = parts.drop_anniversaries(combined, message, answerer.article_text(aid))
    if fewer == combined:
        return combined, None, False
    again = answerer.ask(fewer, focus=focus, among=[aid], own_case=own_case)
    if not again.answer.found or _first(again.answer) != aid:
        return combined, None, False
    return fewer, again, False


def _anniversary_elsewhere(answerer, combined: str, message: str, topic: Topic, focus: str | None, own_case: bool):
    """The same year swap declined on the chat's own article (the anniversary's count pulled the search back to the
    old ceremony, which writes it but not the year asked): the count the member did not say goes (it names the old
    year's ceremony) and the question is asked again over every article; taken when answered from another article
    that writes the year asked (`parts.holds_occasion`) — that year's ceremony. As `_without_old_details` returns."""
    fewer = parts.drop_anniversaries(combined, message, "")
    if fewer == combined:
        return combined, None, False
    again = answerer.ask(fewer, focus=focus, own_case=own_case)
    aid = _first(again.answer)
    if (not again.answer.found or aid == topic.article
            or not parts.holds_occasion(fewer, answerer.article_text(aid))):
        return combined, None, False
    return fewer, again, False


def _next_named(answerer, combined: str, new: parts.Values, ranked: list[str], topic: Topic) -> str | None:
    """A swap to another place, company, unit or sector declined on the chat's own article (the old event's: the
    search put it first on the old event's words): the first other article of the search's top `SWAP_ARTICLES`
    that names every place, company, unit and sector swapped in and holds at least `SWAP_COVERAGE` of the first
    one's topic words — the new place's own event, whose year or edition need not be the old one's. None when
    the swap names none of those, or no such article."""
    names = [(n, True) for n in (new.place,) if n] + [(n, False) for n in (new.company, new.unit, new.sector) if n]
    if not names or not ranked:
        return None
    enough = SWAP_COVERAGE * answerer.coverage_of(combined, ranked[0])
    for aid in ranked[:SWAP_ARTICLES]:
        if aid == topic.article:
            continue
        text = answerer.article_text(aid)
        if (all(parts.names_value(n, text, place=pl) for n, pl in names)
                and answerer.coverage_of(combined, aid) >= enough):
            return aid
    return None


def _edition_only(new: parts.Values) -> bool:
    """The member swapped only the edition — a year, term or ordinal ("còn năm 2025 thì chủ đề là
    gì?"), no place, company or unit: they ask about the same event another time, so its own
    observance ("Tháng Công nhân") and numbered group are what they still mean, not details to drop
    (another article that lacks them tells of another event)."""
    return bool(new.years or new.term or new.ordinal or new.date) and not (new.place or new.company or new.unit)


def _unit_unnamed(new: parts.Values, answerer, timed):
    """A follow-up that moved to another unit ("còn ở Yamaha …", `parts.Values.unit`) answered from
    an article that never names it: that article tells of another workplace's event (the old one's,
    or the country's), not the unit's. Declined — no article answers — showing "(về: …)"."""
    ans = timed.answer
    if not new.unit or not ans.found or folded_words(new.unit) in folded_words(answerer.article_text(_first(ans))):
        return timed
    return _declined(timed, "không bài nào nêu đơn vị được hỏi")


def _year_unwritten(new: parts.Values, answerer, timed):
    """A follow-up that swapped another year in ("vậy năm 2023 thì sao?") answered from an article that
    writes that year only within a span of years (`parts.writes_year`: "nhiệm kỳ 2023–2028" in a 2024
    report): the article tells of another time, and its answer is that time's. Declined — the next
    article that writes the year is tried (`_another_holder`), else "(về: …)" is shown."""
    ans = timed.answer
    if not new.years or not ans.found:
        return timed
    text = answerer.article_text(_first(ans))
    if all(parts.writes_year(y, text) for y in new.years):
        return timed
    return _declined(timed, "bài tìm được không nêu năm được hỏi")


def _sector_elsewhere(new: parts.Values, combined: str, answerer, timed):
    """A follow-up that moved to another sector's union (`parts.Values.sector`: "còn ngành Y tế thì
    sao?") and kept the topic's province answered from an article that never names that province: it
    tells of the sector's union elsewhere, not of this province's. Declined, showing "(về: …)"."""
    ans = timed.answer
    if not new.sector or new.place or not ans.found:
        return timed
    text = answerer.article_text(_first(ans))
    named = [combined[a:b] for a, b in parts.named_place_spans(combined)]
    if all(parts.names_value(p, text, place=True) for p in named):
        return timed
    return _declined(timed, "bài tìm được không nêu nơi được hỏi")


def _kept_sector(new: parts.Values, combined: str) -> str | None:
    """The sector of the event the understood question keeps ("Hội thao ngành Đường sắt") when the member swapped only
    its edition (`_edition_only`: "thế lần thứ IV …?"), else None."""
    where = parts.sector_of(combined) if _edition_only(new) else None
    return normalize(combined)[where[0]:where[1]] if where else None


def _other_trade(trade: str | None, topic: Topic, answerer, timed):
    """Only the edition swapped ("thế lần thứ IV khẩu hiệu là gì?" after "Hội thao ngành Đường sắt lần thứ II …"):
    the same event another time, so the same trade's. Answered from another article than the chat's that never names
    the event's sector (`trade`, `_kept_sector`: another trade's games of that edition), it tells of another event.
    Declined — no article answers — showing "(về: …)". General: an edition numbers one body's series of events."""
    ans = timed.answer
    if not trade or not ans.found or _first(ans) == topic.article:
        return timed
    if parts.names_value(trade, answerer.article_text(_first(ans))):
        return timed
    return _declined(timed, "bài tìm được không nêu ngành được hỏi")


def _place_unnamed(new: parts.Values, topic: Topic, answerer, timed):
    """A follow-up that swapped another province, district or company in ("còn huyện Thiệu Hóa thì
    sao?", "còn Hà Nam?") answered from the chat's own article, which never names it: that
    article tells of the old place's event (the search found nothing closer), so its answer is
    the old place's. Declined — no article answers the swap — showing "(về: …)"."""
    ans = timed.answer
    name = new.place or new.company
    if not name or not ans.found or not topic.article or _first(ans) != topic.article:
        return timed
    text = answerer.article_text(topic.article)
    if parts.names_value(name, text, place=bool(new.place)):
        return timed
    return _declined(timed, "bài của chủ đề trước không nêu nơi được hỏi")


def _declined(timed, reason: str):
    """`timed` as an honest "not found", the answer it would have given kept as the candidate."""
    ans = timed.answer
    out = copy.copy(ans)
    out.found, out.kind, out.span, out.sentence, out.passage, out.also = False, "not_found", None, None, None, None
    out.related, out.sources = [*ans.sources, *ans.related][:3], []
    out.reason = reason
    out.candidate, out.features = ans, None
    return type(timed)(out, timed.latency_ms)


def _old_occasion(new: parts.Values, topic: Topic, timed, answerer):
    """A follow-up that swapped another year, term or ordinal in (`new`) for the topic's own,
    answered from the chat's own article by a sentence that names none of them but in passing
    (`parts.tells_occasion`: a comparison "so với năm 2024", a target's year): the article is about the old occasion and mentions the other one in
    passing ("after the VII-th congress in 2018 …"), and its answer is the old occasion's. Declined — no article answers the swap — and
    the reply shows the understood question, "(về: …)". Only when the chat's article holds the topic's own
    occasion (`parts.holds_occasion`: the ordinal or year replaced): an article that lacks it ("Liên hoan …
    lần thứ V" answered or declined from the lần thứ VI article) was never the old occasion's — the first
    turn went wrong there, and the swap has found the occasion it names."""
    ans = timed.answer
    old = parts.values(topic.question)
    # Another occasion only when a value of the topic's own is replaced (an ordinal by an ordinal, a
    # year or term by a year or term) and none is said again: a year a question adds to a topic
    # that named none ("2020-2025 có bao nhiêu sáng kiến?") is the chat's own occasion, made precise.
    replaced = bool((new.ordinal and old.ordinal) or ((new.years or new.term) and (old.years or old.term)))
    if not replaced or new.restated or not ans.found or not topic.article or _first(ans) != topic.article:
        return timed
    if parts.tells_occasion(new, ans.sentence or ""):
        return timed
    if not _on_occasion(answerer, topic, ordinal=bool(new.ordinal and old.ordinal),
                        years=bool((new.years or new.term) and (old.years or old.term))):
        return timed
    return _declined(timed, "bài của chủ đề trước không nêu dịp được hỏi")


def _on_occasion(answerer, topic: Topic, ordinal: bool, years: bool) -> bool:
    """Whether the chat's article is about the topic's own occasion — its ordinal (`ordinal`) or year
    (`years`), `parts.holds_occasion`. Its title, when the title names an occasion of that kind: a news
    title names the one edition the article is about ("Sôi nổi Liên hoan … lần thứ VI"; its text may
    name the one before in passing); else its whole text."""
    title = answerer.article_title(topic.article)
    said = parts.values(title)
    where = title if (ordinal and said.ordinal) or (years and said.years) else answerer.article_text(topic.article)
    return parts.holds_occasion(topic.question, where, ordinal=ordinal, years=years)


def _another_holder(answerer, question: str, focus: str | None, searched, timed, topic: Topic, own_case: bool,
                    names: tuple[str, ...]):
    """A swap declined on the article the search put first or on the chat's own (`timed`, not found):
    that article may name the new year or ordinal only in passing ("tăng so với năm 2024"), so it held
    the values and was read, and its answer was the old occasion's or none. The next of the top
    `SWAP_ARTICLES` of the search (`searched`) that is not the chat's article and holds every swapped
    value (`parts.held_by`) with enough of the topic's words (`SWAP_COVERAGE`) is asked instead —
    the other edition's own article; the decline stands when none answers."""
    ranked = searched.answer.ranked[:SWAP_ARTICLES]
    if not ranked:
        return timed
    tried = {_first(timed.answer), topic.article}
    enough = SWAP_COVERAGE * answerer.coverage_of(question, ranked[0])
    holding = [aid for aid in ranked if aid not in tried and parts.held_by(question, answerer.article_text(aid), names)
               and answerer.coverage_of(question, aid) >= enough]
    if not holding:
        return timed
    again = answerer.ask(question, focus=focus, among=holding[:1], own_case=own_case)
    return again if again.answer.found else timed


def _holding_values(answerer, question: str, focus: str | None, timed, own_case: bool = True,
                    names: tuple[str, ...] = ()):
    """A follow-up that swapped a year, ordinal, province or company in asks about the occasion
    those values name: when the article the search puts first does not hold them all
    (`parts.held_by`: "năm 2013" and "lần thứ II" both), the answer comes from those of the top
    `SWAP_ARTICLES` that do, in the search's order. When none does, as searched (the answer step
    declines a year or ordinal its article lacks)."""
    ranked = timed.answer.ranked[:SWAP_ARTICLES]
    if not ranked:
        return timed
    enough = SWAP_COVERAGE * answerer.coverage_of(question, ranked[0])
    holding = [aid for aid in ranked if parts.held_by(question, answerer.article_text(aid), names)
               and (aid == ranked[0] or answerer.coverage_of(question, aid) >= enough)]
    if not holding or holding[0] == ranked[0]:
        return timed
    again = answerer.ask(question, focus=focus, among=holding, own_case=own_case)
    return again if again.answer.found or not timed.answer.found else timed


def _both(answerer, message: str, topic: Topic) -> _Both:
    alone = answerer.ask(message)
    combined, new_topic, with_topic = _with_topic(answerer, message, topic)
    if (topic.article and _first(with_topic.answer) != topic.article and new_topic == topic.question
            and not followup.person_of(topic.question, message)
            and not (alone.answer.found and _first(alone.answer) == _first(with_topic.answer))):
        # Read with the topic and swapping nothing in, the message asks of the chat's event: when the search puts
        # another article first (its words in another event's report: "mỗi cặp được tặng bao nhiêu" of another
        # province's wedding), the combined reading is the chat's article's answer, when it gives one. Not when the
        # message alone is answered from that same article: it is that article's question, a fresh one.
        again = answerer.ask(combined, focus=followup.focus_of(message, combined, new_topic), among=[topic.article],
                             own_case=not advice.first_person_only(message))
        with_topic = again if again.answer.found else with_topic
    a, c = alone.answer, with_topic.answer
    chat, other = topic.article, _first(a)
    own = len(followup.topic_terms(message))
    feats = {
        "own_terms": float(min(own, MAX_OWN_TERMS)),
        "coverage_gap": (answerer.coverage_of(message, chat) if chat else 0.0)
                        - (answerer.coverage_of(message, other) if other else 0.0),
        "confidence_gain": _confidence(c) - _confidence(a),
        "same_article": float(chat is not None and other == chat),
        "moves": float(new_topic != topic.question and _first(c) != chat),
    }
    # The combined reading is a choice when it answers from the chat's article (or from another
    # one with a value the message names swapped into the topic), and the message —
    # news, not a hỏi đáp entry or a member's own case — either does not answer from that article
    # alone or is too short to be a question of its own.
    # A whole question naming a value of its own (another ordinal, year, province) names its own
    # occasion: swapped into the old topic it would be bent into another event.
    new = followup.new_values(topic.question, message)
    own_occasion = own >= FULL_QUESTION_TERMS and bool(new)
    unswapped = _unswapped(new, topic, c)
    # A message the own-case detector routes alone for its first person only ("mình", "em": no right
    # or benefit named, no advice shape, no story) asks a fact: with a news topic, of that news.
    news = a.kind in ("news", "not_found") or (a.kind == "route" and advice.first_person_only(message))
    live = bool(chat and c.found and (_first(c) == chat or feats["moves"]) and news
                and not (a.found and other == chat and own > followup.MAX_TOPIC_TERMS) and not own_occasion
                and not unswapped)
    return _Both(alone, combined, new_topic, with_topic, feats, live)


def _unswapped(new: parts.Values, topic: Topic, combined) -> bool:
    """Another province or company (`new`: `followup.new_values`) swapped into the topic, yet the
    combined reading answers from the chat's article (about its own): the swap did not take, and
    it reads as the old event."""
    return bool(new.place or new.company) and combined.found and _first(combined) == topic.article


def _same_words(a: str, b: str) -> bool:
    return " ".join(fold(a).lower().strip(" ?.!").split()) == " ".join(fold(b).lower().strip(" ?.!").split())


def _merged(combined: str, new_topic: str, timed, topic: Topic, answerer=None, message: str = "") -> Reading:
    """The combined reading; the topic stays the chat's unless a year or place was swapped — and
    answered: a swap no article answers ("còn Bình Dương thì sao?" → not found) leaves the member on
    the event the chat knows, and the next slot ("mỗi lượt thi bao lâu?") asks of it, not of the
    place no article tells of. A swap declined on another article that holds every value swapped in
    (`_declined_elsewhere`) moves the topic there all the same."""
    if new_topic != topic.question and not timed.answer.found:
        if answerer is not None and _declined_elsewhere(answerer, combined, message, timed, topic):
            return Reading(timed, combined, Topic(new_topic, _first(timed.answer),
                                                  last=combined if combined != new_topic else None))
        return Reading(timed, combined, topic)
    if new_topic == topic.question:
        kept = Topic(topic.question, topic.article, topic.shown, topic.span, combined)
    else:
        kept = Topic(new_topic, _first(timed.answer) or topic.article,
                     last=combined if combined != new_topic else None)
    return Reading(timed, combined, kept)


def _declined_elsewhere(answerer, combined: str, message: str, timed, topic: Topic) -> bool:
    """A swap ("thế còn lần thứ VI thì ai nhất?", "khóa 2 thì bao nhiêu?", "còn ở KCN Phố Nối A Hưng Yên?")
    declined on an article other than the chat's that holds every value of the understood question and
    every name swapped in (`parts.held_by`: the new year, ordinal, province, company, unit): the search
    found the other edition's or place's own event, and only the slot asked was not found there. The
    member is now on that event: "lần đó thi ở đâu?", "bản đó có hiệu lực tới khi nào?" ask of it, not
    of the old one. An article that lacks a swapped value (another event) leaves the chat's topic."""
    ans = timed.answer
    aid = _first(ans)
    if ans.found or not aid or aid == topic.article:
        return False
    new = followup.new_values(topic.question, message)
    if not new:
        return False
    names = tuple(n for n in (new.unit, followup.person_of(topic.question, message), new.sector) if n)
    return parts.held_by(combined, answerer.article_text(aid), names)


def read(answerer, message: str, topic: Topic | None, model: logistic.Logistic | None = None) -> Reading:
    """The reply to a chat message. `answerer` has `ask(question, focus=…)` and
    `coverage_of(text, article_id)`; `model`, when given, replaces the committed one
    (cross-validation). The new topic remembers the sentence quoted (`_on_shown`)."""
    if topic is not None and not any(c.isalnum() for c in message):
        # No word at all ("👍", "?", "..."): a reaction, never a follow-up merged with the topic
        # ("(về: …, 👍?)"); read alone, and the chat keeps its topic.
        return Reading(answerer.ask(message), None, topic)
    reading = _read(answerer, message, topic, model)
    if topic is not None:
        reading = _on_shown(message, topic, reading)
    ans, kept = reading.timed.answer, reading.topic
    if ans.found and kept.article and _first(ans) == kept.article:
        kept = dataclasses.replace(kept, shown=ans.sentence, span=ans.span, told=True)
    elif kept.told:
        kept = dataclasses.replace(kept, told=False)
    return Reading(reading.timed, reading.understood, kept)


def _on_shown(message: str, topic: Topic, reading: Reading) -> Reading:
    """A question about the sentence the chat just quoted: "quỹ mái ấm cđ hỗ trợ bao nhiêu?"
    right after a sentence giving a house's total cost and, within it, the fund's share was quoted
    for the total. A member asks about what they just read; the article may say the same words
    elsewhere of something else (what the fund gave for all the year's houses). When the reply comes from the chat's
    article, the message swaps no value in (the same occasion), every topic syllable it names
    (`followup.topic_terms`: more than a slot's worth, `MAX_TOPIC_TERMS` — "chủ tịch tỉnh là ai?"
    says too little to point at a sentence) is in the quoted sentence and that sentence holds
    another span of the asked kind (agreeing with the message, not the one quoted before, fitting
    the question at least as well as the reply's), the reply quotes it from there."""
    ans = reading.timed.answer
    if not (ans.found and topic.shown and topic.article and _first(ans) == topic.article and ans.options):
        return reading
    if ans.sentence and topic.shown in ans.sentence:
        return reading
    terms = followup.topic_terms(message)
    words = set(folded_words(topic.shown).split())
    if len(terms) <= followup.MAX_TOPIC_TERMS or not set(terms) <= words or followup.new_values(topic.question, message):
        return reading
    asked = expand_question(normalize(message))
    core = topic.shown.strip("… ")
    fits = type_fit(ans.qtype, ans.sentence or "", asked)
    for opt in ans.options:
        if opt.text not in core and core not in opt.text:
            continue
        span = extract_span(ans.qtype, opt.text, asked)
        if (span and not (topic.span and fold(span).lower() == fold(topic.span).lower())
                and type_fit(ans.qtype, opt.text, asked) >= fits):
            break
    else:
        return reading
    out = choose.realize(ans, opt, opt.text, span=span)
    out.also = None
    return Reading(type(reading.timed)(out, reading.timed.latency_ms), reading.understood, reading.topic)


def _read(answerer, message: str, topic: Topic | None, model: logistic.Logistic | None = None) -> Reading:
    if topic is not None and not topic.article:
        topic = Topic(topic.question, _first(answerer.ask(topic.question).answer))
    if topic is None or _same_words(message, topic.question):  # asked again: asked anew, not merged with itself
        timed = answerer.ask(message)
        return Reading(timed, None, Topic(message, _first(timed.answer)))
    message = _said_relative(message, topic)
    if followup.points_back(message):
        return _pointed(answerer, message, topic)
    if followup.asks_what_about(message) and (pointed := _what_about(answerer, message, topic)) is not None:
        return pointed
    # A message that does not point back is read with the member's last question when that was
    # read alone (`Topic.asked`), as the model was fitted; the chat's event stays the topic's.
    base = Topic(topic.asked, topic.article, topic.shown, topic.span) if topic.asked else topic
    both = _both(answerer, message, base)
    # A message that names no event of its own (`followup.names_no_event`: a slot's words, no year, place, company,
    # person or name) asks of the chat's event: read alone, it lands on whichever article has the slot's words —
    # another event's (a football match's dates for "buổi lễ kết thúc lúc mấy giờ?"), and the chat moves there.
    if both.live and (followup.names_no_event(message) or continues(both.features, both.alone.answer, model)):
        reading = _merged(both.combined, both.new_topic, both.with_topic, base, answerer, message)
        if base is not topic and both.new_topic == base.question:
            kept = Topic(topic.question, reading.topic.article, topic.shown, topic.span, both.combined, topic.asked)
            reading = Reading(reading.timed, reading.understood, kept)
        return reading
    return Reading(both.alone, None, _alone_topic(message, topic, both.alone, both.combined, answerer))


def _what_about(answerer, message: str, topic: Topic) -> Reading | None:
    """"<X> thì sao?" without "còn" (`followup.asks_what_about`: "năm 2023 ở bình dương thì sao ạ") asks the chat's
    question of X, as "còn X thì sao?" does — read as a message that points back, when that reading lands on the
    article X's words find alone (or alone they find nothing). When the two part, X named a thing of its own whose
    article the chat's old words pulled away from: None, read as any message that does not say it continues
    (the fitted model decides). General Vietnamese: "X thì sao?" is "and X?", yet members also type it after a
    question of their own. The message alone is asked once: `_pointed` may have asked it already."""
    answerer = _AskedOnce(answerer)
    reading = _pointed(answerer, message, topic)
    if reading.understood is None:
        return reading
    alone = answerer.ask(message)
    if not alone.answer.found or _first(alone.answer) == _first(reading.timed.answer):
        return reading
    return None


class _AskedOnce:
    """`answerer` whose plain asks (a question, no options: a message read alone) are remembered for one message's
    reading, so that reading it two ways asks it alone once. Everything else is the answerer's own."""

    def __init__(self, answerer):
        self._answerer, self._asked = answerer, {}

    def ask(self, question: str, **options):
        if options:
            return self._answerer.ask(question, **options)
        if question not in self._asked:
            self._asked[question] = self._answerer.ask(question)
        return self._asked[question]

    def __getattr__(self, name):
        return getattr(self._answerer, name)


def _pointed(answerer, message: str, topic: Topic) -> Reading:
    """A message that says it continues the chat (`followup.points_back`), read with the topic unless it is whole."""
    whole = followup.reads_whole(topic.question, message)
    if whole:
        answerer = _AskedOnce(answerer)
    if whole and (said := _asks_nothing_answered(answerer, message, topic)) is not None:
        return said
    if whole:
        alone = answerer.ask(message)
        if alone.answer.found and _names_places(answerer, message, alone.answer):
            alone = _same_people(answerer, message, topic, alone)
            return Reading(alone, None, Topic(followup.as_topic(message), _first(alone.answer)))
        if alone.answer.found and not followup.new_values(topic.question, message):
            # A question of its own about a province its answer's article never names, and no
            # value to swap into the chat's question: no article answers it.
            return Reading(_declined(alone, "bài tìm được không nêu nơi được hỏi"), None, topic)
    combined, new_topic, timed = _with_topic(answerer, message, topic)
    timed = _on_chats_article(answerer, message, combined, topic, timed)
    if (_unswapped(followup.new_values(topic.question, message), topic, timed.answer)
            or (not timed.answer.found and followup.swaps_only(message)
                and not followup.names_only_values(message))) and not followup.opens_back(message):
        # "Ai là Phó Chủ tịch Liên đoàn Lao động thành phố Đà Nẵng?" names a place and little
        # else, yet with the topic it still lands on the old event's article: it asks about
        # that place's own union, read alone. So does a short question that names a year or
        # place and finds nothing with the topic ("Chủ đề Tháng Công nhân năm 2020 là gì?"
        # after another event): answered alone, it was a question of its own — unless it names
        # nothing but the value and its slot ("năm 2024 khẩu hiệu thế nào?"): alone it would be
        # any event of that year; declined with the topic, the chat does not know that edition.
        alone = answerer.ask(message)
        if alone.answer.found and _first(alone.answer) != topic.article:
            return Reading(alone, None, Topic(followup.as_topic(message), _first(alone.answer)))
    elif (alone := _same_alone(answerer, message, topic, timed)) is not None:
        return Reading(alone, None, Topic(followup.as_topic(message), _first(alone.answer)))
    return _merged(combined, new_topic, timed, topic, answerer, message)


def _same_people(answerer, message: str, topic: Topic, alone):
    """A whole "còn …" question read alone that counts "người" after the chat counted people by a noun of their
    own (`followup.people_counted`: "còn công ty B thì bao nhiêu người bị giảm giờ làm?" after "… bao nhiêu công
    nhân?"): asked again among the article it was answered from, with the chat's noun for the people — the same
    count of another body. `alone` when that finds nothing."""
    said = followup.people_counted(topic.last or topic.question, message)
    if said is None:
        return alone
    again = answerer.ask(said, among=[_first(alone.answer)])
    return again if again.answer.found else alone


def _asks_nothing_answered(answerer, message: str, topic: Topic) -> Reading | None:
    """A "còn / thế" message that names a whole other event or body and asks nothing of it ("còn clb nữ
    công của cty giày da tiền hải?", "còn đợt kiểm tra tài chính tháng 7/2025 ở Thanh Hóa?": no question
    word once its opening and a closing "thì sao" are cut and its shorthand written out, `followup.as_topic`,
    `followup.asks`): read alone it is a name with no question, and the reply can only tell of the
    article, not the fact the chat was asking. It asks the previous question of the new thing — the
    merged reading, taken when it answers (else None: read as before, alone first). General Vietnamese:
    "còn X?" means "and X, the same question?", however many words X takes. When the merged reading is declined
    and the message alone finds only a sentence with no span of the chat's own article (no slot asked, so nothing
    to quote: it tells of the article the merged question was just declined on, "thế năm 2025 ở <another mine> thì
    sao?" after a question of the chat), the merged decline is the reply: the member asked the chat's question of
    X, and no article answers it; the topic stays the chat's (`_merged`). An alone reading that quotes a span, or
    comes from another article (the event X may be that article's: the chat moves there, so the next slot is asked
    of it), goes first, as before."""
    if followup.asks(expand_question(normalize(followup.as_topic(message)))):  # "bn" asks, as "bao nhiêu"
        return None
    combined, new_topic, timed = _with_topic(answerer, message, topic)
    timed = _on_chats_article(answerer, message, combined, topic, timed)
    if not timed.answer.found:
        alone = answerer.ask(message).answer
        if alone.found and not alone.span and topic.article and _first(alone) == topic.article:
            return _merged(combined, new_topic, timed, topic, answerer, message)
        return None
    return _merged(combined, new_topic, timed, topic, answerer, message)


def _said_relative(message: str, topic: Topic) -> str:
    """A year or edition said relative to the chat's ("Năm trước thì chi bao nhiêu?", "khóa trước …") written
    as the one it names (`followup.relative_year`, `followup.relative_edition`), when the message, so
    written, leans on the chat (`followup.points_back`: a year and a slot). "Năm trước" counts from the
    chat's event — it names its time only through the chat, as "còn" does; read alone it is any event of
    any year before. Else the message as typed (a question of its own counts from today)."""
    said = followup.relative_edition(topic.question, followup.relative_year(topic.question, message))
    return said if said != message and followup.points_back(said) else message


def _on_chats_article(answerer, message: str, combined: str, topic: Topic, timed):
    """A message that says it continues the chat ("tổng giá trị giải thưởng lần đó bao nhiêu?") and swaps
    nothing in asks a slot of the chat's own event: when the search put another article first (another
    edition of the event, whose words are the same) and the answer is declined there, it is asked again
    among the chat's article. General: "lần đó / … đó" and a bare slot point at what the chat talked
    about. So when the answer came from another article and the message names the thing by "… đó / ấy" right after
    a reply quoting the chat's article (`Topic.told`): "đợt đó" is the event the member was just told of, not another
    edition the search found first — when that article lacks the year, ordinal or date the question names and the
    chat's article holds them (`_holds_asked`: "tháng 4/2025" answered from the 2024 round). After a declined turn
    nothing was told; and an article that holds them all may be the event the member meant (session 35). `timed` when that does not answer
    either."""
    ans = timed.answer
    pointed = (ans.found and topic.told and bool(topic.shown) and followup.says_that(message) and topic.article
               and _first(ans) != topic.article and not _holds_asked(combined, answerer.article_text(_first(ans)))
               and _holds_asked(combined, answerer.article_text(topic.article)))
    if ((ans.found and not pointed) or not topic.article or _first(ans) == topic.article
            or followup.new_values(topic.question, message) or followup.person_of(topic.question, message)):
        return timed
    focus = followup.focus_of(message, combined, topic.question)
    again = answerer.ask(combined, focus=focus, among=[topic.article], own_case=not advice.first_person_only(message))
    return again if again.answer.found else timed


def _holds_asked(question: str, text: str) -> bool:
    """Whether an article's `text` holds the occasion `question` names: its years and ordinals
    (`parts.holds_occasion`) and its dates however written ("tháng 04/2025", "tháng 4 năm 2025": `parts.dates`,
    `parts.writes_date`) — a month asked in a whole date too ("sáng 9/4/2025" holds "tháng 4/2025"; "14/2025" does
    not)."""
    return parts.holds_occasion(question, text) and all(parts.writes_date(d, text) for d in parts.dates(question))


def _same_alone(answerer, message: str, topic: Topic, timed):
    """A message that names a place and the body it asks about ("Ai là Chủ tịch LĐLĐ tỉnh Bình Định?" in a
    chat about a company's Tết holiday: `followup.swaps_only`, `followup.names_body`), does not open with
    "còn / thế", and whose reading with the topic (`timed`) moves to another article than the chat's: read
    alone, when alone it is answered from that same article with the same words. The topic added nothing
    the member needed — the message was a question of its own (general: a question that names its body
    and place is whole; "ở Quảng Ngãi mỗi suất trị giá bao nhiêu?" names none and leans on the chat) — and
    the merged question shown would be the old one's words about the new value. The alone reading
    (`Timed`), else None."""
    ans = timed.answer
    if (followup.opens_back(message) or not followup.swaps_only(message) or not followup.names_body(message)
            or not ans.found or _first(ans) == topic.article):
        return None
    alone = answerer.ask(message)
    a = alone.answer
    if a.found and _first(a) == _first(ans) and _same_words(a.span or "", ans.span or ""):
        return alone
    return None


def _names_places(answerer, message: str, ans) -> bool:
    """Whether the article `ans` comes from names every province the message names — those typed in
    lowercase too ("thế trường nghề ha nam thì ai làm hiệu trưởng?", `parts.lowercase_provinces`, which
    the answer step does not read as places). A "còn / thế" question about a province answered from an
    article that never names it tells of another province's body: not its answer."""
    text = answerer.article_text(_first(ans))
    named = [message[a:b] for a, b in parts.named_place_spans(message)] + parts.lowercase_provinces(message)
    return all(parts.names_value(p, text, place=True) for p in named)


def _alone_topic(message: str, topic: Topic, timed, combined: str, answerer) -> Topic:
    """The chat's topic after a message read alone: the message, unless it was answered from the
    chat's own article — then the member is still on the same event, and the question that set
    the topic still names it (a slot question answered alone, "ai kết luận hội nghị?", names
    none of its year, place or body for the next "còn …" to swap)."""
    if timed.answer.found and topic.article and _first(timed.answer) == topic.article:
        return Topic(topic.question, topic.article, last=combined, asked=message)
    if (timed.answer.found and _edition_only(followup.new_values(topic.question, message))
            and not followup.reads_alone_topic(topic.question, message)):
        # "Năm 2025 thì tặng bao nhiêu suất quà?" answered alone from the 2025 article: it names a year and a slot,
        # not the event — the next "năm đó ai dẫn đoàn?" asks of the chat's event that year, the year swapped in.
        # Only an edition (a year, term or ordinal): a message naming a company or place names its own workplace's
        # event ("Bữa cơm công đoàn ở Công ty …"), whole however few its words.
        return Topic(followup.combine_topic(topic.question, message)[1], _first(timed.answer))
    return Topic(_lede_dated(answerer, followup.as_topic(message), timed), _first(timed.answer))


def _lede_dated(answerer, question: str, timed) -> str:
    """The topic a question read alone sets, without a year its answer's article writes only in passing while its lede
    dates the article's own event otherwise (`occasion.other_years`: "được trao Cúp … năm 2024" answered from a report of
    the 2025 ceremony): the chat is now on that article's event, and the next slot ("lễ đó mang chủ đề gì?") asks of
    it, not of the year the member named a detail by. General news writing: the lede names the one event an article
    is about, as the answer step reads it."""
    ans = timed.answer
    if not ans.found or not ans.ranked:
        return question
    aid = ans.ranked[0]
    other = _dated_otherwise(occasion.article_lede(answerer.article_title(aid), answerer.article_text(aid)), question)
    return parts.drop_years(question, other) if other else question


def continues(feats: dict, alone, model: logistic.Logistic | None = None) -> bool:
    model = model or load_model()
    if model is None:
        return not alone.found
    return model.answers(feats)


def load_model() -> logistic.Logistic | None:
    return logistic.load_model(PARAMS_FILE)


# -- fitting (unionbot calibrate-followup) ----------------------------------------------
def rows(answerer, made: list[dict]) -> list[dict]:
    """Feature rows of made-up second turns (`dialogues.turns`): label 1 for a follow-up, 0 for a
    fresh question. Only the turns the model decides make rows: no words pointing back, and a
    combined reading that answers from the chat's article or, after a swap, from another."""
    topics: dict[str, Topic] = {}
    out = []
    for m in made:
        first = m["first"]
        if first not in topics:
            topics[first] = Topic(first, _first(answerer.ask(first).answer))
        topic, msg = topics[first], m["message"]
        if followup.points_back(msg):
            continue
        both = _both(answerer, msg, topic)
        if both.live:
            out.append({"features": both.features, "label": float(m["follows"]), "group": m["group"]})
    return out


def matrix(rs: list[dict]) -> tuple[np.ndarray, np.ndarray]:
    X = np.array([logistic.vector(r["features"], FEATURES) for r in rs]).reshape(-1, len(FEATURES))
    return X, np.array([r["label"] for r in rs])


def fit(rs: list[dict]) -> logistic.Logistic:
    X, y = matrix(rs)
    return logistic.threshold_above_wrong(logistic.fit_logistic(X, y, FEATURES), X, y, MAX_FALSE_MERGE)


def save(model: logistic.Logistic, rs: list[dict], source: str, path: Path = PARAMS_FILE) -> None:
    X, y = matrix(rs)
    logistic.save(model, X, y, source=source, path=path)


def cross_validate(answerer, questions: list[dict], titles: dict[str, str], k: int = 5,
                   rs: list[dict] | None = None) -> dict:
    """The dialogues of `dialogues.make`, each read with the model fitted on the turns (`rows`,
    made here unless given) of the other folds' articles (split like `evaluate.folds`)."""
    rs = rs if rs is not None else rows(answerer, dialogues.turns(questions, titles))
    models = {}
    for f in range(k):
        train = [r for r in rs if bucket(r["group"], k) != f]
        models[f] = fit(train) if len({r["label"] for r in train}) == 2 else None
    topics: dict[str, Topic] = {}

    def ask(conversation: str, message: str):
        article = conversation.rsplit("#", 1)[0]
        reading = read(answerer, message, topics.get(conversation), model=models[bucket(article, k)])
        topics[conversation] = reading.topic
        return reading.timed.answer, reading.understood

    report = dialogues.evaluate(dialogues.make(questions, titles), ask)
    return {**report, "fitting_turns": len(rs), "fitting_fresh": sum(r["label"] == 0 for r in rs)}


def cross_validate_set(answerer, convs: list[dict], rs: list[dict], k: int = 5) -> dict:
    """Dialogues written as members chat (`dialogues.conversations`), cross-validated by
    conversation: the conversations fall into k folds by id, and each is read with the model
    fitted on the made-up turns (`rows`) of articles that no conversation of its fold is about."""
    fold_of = {d["id"]: bucket(d["id"], k) for d in convs}
    models = {}
    for f in range(k):
        held = {t.get("article_id") for d in convs if fold_of[d["id"]] == f for t in d["turns"]}
        train = [r for r in rs if r["group"] not in held]
        models[f] = fit(train) if len({r["label"] for r in train}) == 2 else None
    topics: dict[str, Topic] = {}

    def ask(conversation: str, message: str):
        reading = read(answerer, message, topics.get(conversation), model=models[fold_of[conversation]])
        topics[conversation] = reading.topic
        return reading.timed.answer, reading.understood

    return dialogues.score(convs, ask)
