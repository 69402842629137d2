"""Follow-up dialogues made from any question set, to measure follow-ups on articles we did not
write dialogues for (`unionbot eval --dialogues`).

Two questions about the same article become a dialogue the way members shorten the second one:
every word the first question or the article's title already said is dropped from it
("Lễ kỷ niệm … An Giang dự kiến tổ chức ngày nào?" after a question about that ceremony →
"dự kiến ngày nào?"). A question about another article follows as a fresh third turn: it must
not be merged with the dialogue. Nothing is copied from the question set: the dialogues are
built from it when the evaluation runs.
"""
from __future__ import annotations

import re
from collections import defaultdict
from typing import Callable

from knowledge.text import fold, folded_words

from ..fitting.folds import bucket
from . import parts
from .followup import MAX_TOPIC_TERMS, topic_terms
from ..answering.spans import COUNTED_NOUNS
from ..fitting.scoring import reply_holds

# Syllables of question phrasing: kept in the shortened turn even when the first question used them.
_ASKING = set("ai dau nao gi bao nhieu bn may khi lau gio sao the nhu ra".split())


# Two-syllable nouns that "nào" asks for (folded): kept whole before it ("địa điểm nào", "thời gian nào").
_ASKED_BY_NAO = {"dia diem", "thoi gian", "thoi diem", "su kien", "noi dung", "hinh thuc", "danh hieu", "chuc vu",
                 "hoat dong", "don vi", "co quan", "doanh nghiep", "linh vuc", "giai doan"} | COUNTED_NOUNS


def shorten(question: str, said: str) -> str:
    """The question without the phrases (two syllables or more) already `said`, its asking words
    and the thing it asks kept: members drop the name of what they are still talking about, not
    single syllables, and not what they ask ("bao nhiêu đoàn viên?", "vào ngày nào?" — never
    "vào nào?")."""
    said_f = folded_words(said)
    words = question.split()
    keys = [re.sub(r"[^a-z0-9]", "", fold(w).lower()) for w in words]
    drop = [False] * len(words)
    i = 0
    while i < len(words):
        j = i
        while j < len(words) and keys[j] and f" {' '.join(keys[i:j + 1])} " in said_f:
            j += 1
        if j - i >= 2:  # a shared phrase of two syllables or more
            drop[i:j] = [True] * (j - i)
            i = j
        else:
            i += 1
    for i, k in enumerate(keys):  # the thing counted stays with "bao nhiêu / mấy": it is the slot asked
        if k in ("may", "bn") or (k == "nhieu" and i and keys[i - 1] == "bao"):  # "bn": chat for "bao nhiêu"
            n = 2 if " ".join(keys[i + 1:i + 3]) in COUNTED_NOUNS else 1
            drop[i + 1:i + 1 + n] = [False] * len(drop[i + 1:i + 1 + n])
    for i, k in enumerate(keys):  # so does the thing "nào" asks for, before it ("ngày nào", "địa điểm nào")
        if k == "nao" and i and keys[i - 1] not in _ASKING:
            n = 2 if i >= 2 and " ".join(keys[i - 2:i]) in _ASKED_BY_NAO else 1
            drop[i - n:i] = [False] * n
    kept = [w for w, k, d in zip(words, keys, drop) if not d or k in _ASKING]
    return " ".join(kept).strip(" ,") or question


def _answerable_by_article(questions: list[dict]) -> dict[str, list[dict]]:
    by_article: dict[str, list[dict]] = defaultdict(list)
    for q in questions:
        if q.get("article_id") and q.get("answer"):
            by_article[q["article_id"]].append(q)
    return by_article


def _follow_up(first: dict, second: dict, titles: dict[str, str]) -> str:
    """The second question as a member asks it right after the first (about the same article)."""
    return shorten(second["question"], f"{first['question']} {titles.get(first['article_id'], '')}")


def make(questions: list[dict], titles: dict[str, str]) -> list[dict]:
    """Dialogues of three turns: a question, a shortened one about the same article, and a
    question about another article. Each answerable question opens at most one dialogue; then
    two-turn dialogues that move to a near-neighbour article (`cross_turns`)."""
    by_article = _answerable_by_article(questions)
    articles = sorted(by_article)
    out = []
    for n, aid in enumerate(articles):
        items = by_article[aid]
        other = by_article[articles[(n + 1) % len(articles)]] if len(articles) > 1 else []
        for k, (first, second) in enumerate(zip(items, items[1:])):
            if fold(first["answer"]) == fold(second["answer"]):
                continue  # the same fact asked twice: no follow-up to measure
            turn2 = _follow_up(first, second, titles)
            turns = [dict(first, follows=False), dict(second, question=turn2, follows=True,
                                                       elliptic=len(topic_terms(turn2)) <= MAX_TOPIC_TERMS)]
            if other:
                turns.append(dict(other[k % len(other)], follows=False))
            out.append({"id": f"{aid}#{k}", "turns": turns})
    seen: set[str] = set()
    for c in cross_turns(questions, titles):  # one cross-article dialogue per first question
        if c["first"]["question"] in seen:
            continue
        seen.add(c["first"]["question"])
        out.append({"id": f"{c['group']}#x{len(seen)}", "turns": [
            dict(c["first"], follows=False), dict(c["second"], question=c["message"], follows=True, cross=True)]})
    return out


FRESH_PER_QUESTION = 4  # fresh questions after each first question when fitting the continuation model
# Two questions of the same kind about different articles whose topic syllables (`topic_terms`: the
# union's generic words, years and question words aside) overlap this much (Jaccard) ask the same
# thing of another event — another year, province, congress or company: a member moves from one to
# the other. Read on the first split's pairs: at 0.3 they are "Đại hội … có bao nhiêu đại biểu chính
# thức?" of two provinces, two Mái ấm houses, two companies' unpaid insurance; the article titles
# (the earlier measure) paired any short generic title with everything.
NEIGHBOUR_OVERLAP = 0.3
CROSS_PER_QUESTION = 2  # nearest neighbours a first question moves to (fitting time grows with each)


def neighbours(questions: list[dict]) -> dict[int, list[int]]:
    """For each question (by position), the questions of the same kind about other articles that
    share `NEIGHBOUR_OVERLAP` of their topic syllables, nearest first."""
    from ..language.qtype import question_type

    terms = [set(topic_terms(q["question"])) for q in questions]
    kinds = [question_type(q["question"]) for q in questions]
    out: dict[int, list[int]] = {}
    for i, a in enumerate(questions):
        share = {j: len(terms[i] & terms[j]) / len(terms[i] | terms[j]) for j, b in enumerate(questions)
                 if b["article_id"] != a["article_id"] and kinds[j] == kinds[i] and terms[i] and terms[j]}
        out[i] = sorted((j for j, v in share.items() if v >= NEIGHBOUR_OVERLAP), key=lambda j: (-share[j], j))
    return out


def cross_turns(questions: list[dict], titles: dict[str, str]) -> list[dict]:
    """Follow-ups that move to another article: after a question about one article, the same
    question about another event (`neighbours`), shortened the way members do after "còn": what
    the first question and its article's title already said dropped. Every other one keeps "còn"
    in front (it points back in words); the rest lean on the chat by what they leave out. A pair
    whose second question leaves unsaid a value of the first's that its article lacks
    (`unsaid_values`) is no move a member makes: skipped."""
    by_article = _answerable_by_article(questions)
    answerable = [q for aid in sorted(by_article) for q in by_article[aid]]  # by article, in file order
    near = neighbours(answerable)
    out = []
    for i, first in enumerate(answerable):
        for n, j in enumerate(near[i][:CROSS_PER_QUESTION]):
            second = answerable[j]
            if unsaid_values(first["question"], second["question"], titles.get(second["article_id"], "")):
                continue  # the member would mean the first's place or occasion: no move to this article
            short = _follow_up(first, second, titles)
            # "còn" in front, the first letter lowered unless it opens an abbreviation ("LĐLĐ", "VN").
            lead = short[:1] if short[1:2].isupper() else short[:1].lower()
            message = f"còn {lead}{short[1:]}" if n % 2 == 0 else short
            out.append({"first": first, "second": second, "message": message, "group": first["article_id"]})
    return out


def unsaid_values(first: str, second: str, title: str) -> list[str]:
    """The kinds of value (place, company, ordinal, year) the first question names that the second
    does not name at all and the second's article (by its `title`) does not hold: after "… ở Bình
    Dương năm 2023 …", "còn Hội thao thì sao?" or "còn năm 2021?" is asked of Bình Dương — members
    name what they move away from, and the chat keeps the rest (`followup._renamed`, `parts.swap`).
    A second question that leaves such a value unsaid, about an article of another place or
    occasion, is no follow-up a member would type to move there."""
    one, two = parts.values(first), parts.values(second)
    held = lambda q: parts.held_by(q, f"{second} {title}")  # noqa: E731
    out = []
    if one.place and not two.place and not held(one.place):
        out.append("place")
    if one.company and not two.company and not held(f"công ty {one.company}"):
        out.append("company")
    if one.ordinal and not two.ordinal and not held(f"lần thứ {one.ordinal}"):
        out.append("ordinal")
    if (one.years or one.term) and not (two.years or two.term) and not held(" ".join(one.years[:1])):
        out.append("year")
    return out


def turns(questions: list[dict], titles: dict[str, str]) -> list[dict]:
    """Second turns for fitting the continuation model: every other question about the first
    one's article, shortened as in `make` (a follow-up), the cross-article follow-ups of
    `cross_turns`, and a few questions about other articles, chosen by a stable hash (fresh).
    `group` is the first question's article (for CV folds)."""
    by_article = _answerable_by_article(questions)
    cross: dict[str, list[dict]] = defaultdict(list)
    for c in cross_turns(questions, titles):
        cross[c["first"]["id"] if "id" in c["first"] else c["first"]["question"]].append(c)
    out = []
    for aid, items in sorted(by_article.items()):
        others = [q for other, qs in sorted(by_article.items()) if other != aid for q in qs]
        for first in items:
            for second in items:
                if second is not first and fold(first["answer"]) != fold(second["answer"]):
                    out.append({"first": first["question"], "expected": second, "follows": True, "group": aid,
                                "message": _follow_up(first, second, titles)})
            key = lambda q, f=first: bucket(f"{f['question']}|{q['question']}", 2 ** 31)  # noqa: E731
            for c in cross.get(first["id"] if "id" in first else first["question"], []):
                out.append({"first": first["question"], "expected": c["second"], "follows": True, "group": aid,
                            "message": c["message"], "cross": True})
            for fresh in sorted(others, key=key)[:FRESH_PER_QUESTION]:
                out.append({"first": first["question"], "expected": fresh, "follows": False, "group": aid,
                            "message": fresh["question"]})
    return out


def evaluate(dialogues: list[dict], ask: Callable[[str, str], tuple]) -> dict:
    """`ask(conversation, message)` → (Answer, what was understood or None). Scores the second
    turn (right article first, answer in the reply) and the third (never merged, answered)."""
    second, elliptic, fresh_kept, fresh_right, cross = [], [], [], [], []
    for d in dialogues:
        for i, t in enumerate(d["turns"]):
            ans, understood = ask(d["id"], t["question"])
            right = bool(ans.found and ans.ranked and ans.ranked[0] == t["article_id"]
                         and reply_holds(ans, t["answer"]))
            if i == 1 and t.get("cross"):
                cross.append(right)
            elif i == 1:
                second.append(right)
                if t.get("elliptic"):
                    elliptic.append(right)
            elif i == 2:
                fresh_kept.append(understood is None)
                fresh_right.append(right)
    rate = lambda xs: round(sum(xs) / len(xs), 3) if xs else None  # noqa: E731
    return {"dialogues": len(dialogues), "follow_up_answered": rate(second),
            "elliptic_turns": len(elliptic), "elliptic_answered": rate(elliptic),
            "cross_article": len(cross), "cross_article_answered": rate(cross),
            "fresh_never_merged": rate(fresh_kept), "fresh_answered": rate(fresh_right)}


# -- dialogues written as members chat (`kind`: first / followup_slot / followup_topic / fresh) ---
FOLLOW_KINDS = ("followup_slot", "followup_topic")


def conversations(rows: list[dict]) -> list[dict]:
    """Flat turns (`{"conversation", "turn", "question", "article_id", "answer", "kind"}`, the
    format `ask --batch` reads) grouped into dialogues, in file order."""
    out: dict[str, dict] = {}
    for r in rows:
        out.setdefault(str(r["conversation"]), {"id": str(r["conversation"]), "turns": []})["turns"].append(r)
    return list(out.values())


def turn_right(ans, turn: dict) -> bool:
    """Answerable: the right article first and the answer in the reply; else declined."""
    if not turn.get("article_id"):
        return not ans.found
    return bool(ans.found and ans.ranked and ans.ranked[0] == turn["article_id"] and reply_holds(ans, turn["answer"]))


def how_missed(turn: dict, ans, understood, after_miss: bool) -> str | None:
    """Why a turn went wrong, in words that name no text (so a set never read may be counted by them): a fresh
    question merged with the chat; a follow-up after a missed turn (it inherits the miss); a follow-up read alone; an
    unanswerable one answered; an answerable one declined, its article searched first or not; answered from another
    article; or the right article's wrong span. None for a turn that went right."""
    kind = turn.get("kind", "first")
    if kind == "fresh" and understood is not None:
        return "fresh merged"
    if turn_right(ans, turn):
        return None
    if after_miss and kind in FOLLOW_KINDS:
        return "after a miss"
    if kind in FOLLOW_KINDS and understood is None:
        return "read alone"
    if not turn.get("article_id"):
        return "unanswerable answered"
    right = bool(ans.ranked) and ans.ranked[0] == turn["article_id"]
    if not ans.found:
        return "declined on the right article" if right else "declined elsewhere"
    return "wrong span" if right else "wrong article"


def misses_by_how(misses: list[dict]) -> dict[str, int]:
    """The misses of `score` counted by turn kind and `how_missed`: counts only, safe on an unread set."""
    counts: dict[str, int] = defaultdict(int)
    for m in misses:
        counts[f"{m['kind']}: {m['how']}"] += 1
    return dict(sorted(counts.items()))


def score(convs: list[dict], ask: Callable[[str, str], tuple]) -> dict:
    """Each turn asked in order through `ask(conversation, message)` → (Answer, understood or
    None): first questions and follow-ups answered (or declined when no article answers), the
    cross-article ones (`followup_topic`) apart, fresh questions never merged. `misses` names
    the turns that went wrong (for reading the FIRST split's only)."""
    by_kind: dict[str, list[bool]] = defaultdict(list)
    merged_fresh, shown, misses = [], [], []
    for d in convs:
        missed = False
        for t in d["turns"]:
            ans, understood = ask(d["id"], t["question"])
            ok = turn_right(ans, t)
            kind = t.get("kind", "first")
            by_kind[kind].append(ok)
            if kind == "fresh":
                merged_fresh.append(understood is None)
            if kind in FOLLOW_KINDS and not t.get("article_id"):
                shown.append(understood is not None)
            how = how_missed(t, ans, understood, missed)
            if how:
                misses.append({"conversation": d["id"], "turn": t.get("turn"), "kind": kind, "how": how,
                               "understood": understood, "found": ans.found, "reason": ans.reason,
                               "article": ans.ranked[0] if ans.ranked else None, "span": ans.span})
            missed = not ok
    rate = lambda xs: round(sum(xs) / len(xs), 3) if xs else None  # noqa: E731
    follow = by_kind["followup_slot"] + by_kind["followup_topic"]
    return {"conversations": len(convs), "first_answered": rate(by_kind["first"]),
            "follow_ups": len(follow), "follow_ups_answered": rate(follow),
            "cross_article": len(by_kind["followup_topic"]), "cross_article_answered": rate(by_kind["followup_topic"]),
            "same_event_answered": rate(by_kind["followup_slot"]),
            "unanswerable_swaps_shown_understood": rate(shown),
            "fresh": len(merged_fresh), "fresh_never_merged": rate(merged_fresh),
            "fresh_answered": rate(by_kind["fresh"]), "misses": misses}
