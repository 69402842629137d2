"""Questions as members type them in Zalo/Telegram, made from answerable ones (`unionbot eval --synthetic`).

The dev set has few chat-style questions (53), written by a few people with their own shorthand; the
held-out questions are typed by others. So the chat style is made here from every answerable question,
by what is general in Vietnamese texting (not read from any question set):

* accents left off — on every word ("nodia") or on some (“somedia”: people type fast, the phone's
  keyboard adds a few);
* shorthand for common words (`SHORTHAND`: "ko / k / hok / hông" không, "đc / dc" được, "bn" bao nhiêu,
  "j" gì, "ng" người, "vs" với, "cx" cũng, "lm" làm, "bh" bao giờ, "trc" trước, "tg" thời gian, "ntn" như thế
  nào) and the union's own initials ("cđ", "lđlđ", "nlđ", "đh", "ct / pct", "cb", "nv");
* politeness around the question (`OPENINGS`, `CLOSINGS`: "cho em hỏi", "ad ơi", "… ạ", "… vậy", "… z ad");
* lowercase, no question mark.

Each question gets `N_VARIANTS` variants, seeded by the question's text (the same on every run and
machine), each tagged with what it did. A variant is scored against the same question unperturbed
(`chat_scores`): a failure is a variant answered wrong where the original is answered right.
"""
from __future__ import annotations

import random
import re

from knowledge.text import fold, fold_same_length, has_diacritics

from ..fitting.folds import bucket

# Phrase as news writes it (lowercase) → how members type it. Longer phrases are tried first.
SHORTHAND: dict[str, tuple[str, ...]] = {
    "không": ("ko", "k", "hok", "hông", "kh"), "được": ("dc", "đc", "đk"),
    "bao nhiêu": ("bn", "bnhiu", "bao nhiu", "bnh"), "gì": ("j", "gi"), "vậy": ("z", "v", "dzậy"),
    "rồi": ("r",), "người": ("ng",), "với": ("vs",), "mới": ("ms",), "cũng": ("cx",), "làm": ("lm",),
    "bao giờ": ("bh", "bjo"), "trước": ("trc",), "thời gian": ("tg",), "như thế nào": ("ntn",),
    "đại hội": ("đh",), "phó chủ tịch": ("pct",), "chủ tịch": ("ct",), "cán bộ": ("cb",), "nhân viên": ("nv",),
    "triệu": ("tr",), "hôm nay": ("hnay",), "công đoàn": ("cđ",), "liên đoàn lao động": ("lđlđ",),
    "người lao động": ("nlđ",), "công nhân": ("cn",), "đoàn viên": ("đv",), "doanh nghiệp": ("dn",),
    "thành phố": ("tp",), "việt nam": ("vn",), "công ty": ("cty",), "bệnh viện": ("bv",),
    "tổng liên đoàn": ("tlđ",), "mình": ("mk", "mik"), "nhiều": ("nhìu",), "biết": ("bít", "bik"),
}
# Phrases whose unaccented form is also another word ("moi": mới / mỗi, "lam": làm / Lâm, "vay": vậy / vay,
# "minh": mình / Minh): shortened only where the question typed them with their accents.
AMBIGUOUS_UNACCENTED = {"mới", "làm", "cũng", "với", "rồi", "vậy", "mình", "người", "biết", "triệu"}
# How members ask the same thing in speech (general, Southern or colloquial usage): asked instead of the
# question phrase with probability COLLOQUIAL_SHARE, from a generator of its own (the other choices stay).
COLLOQUIAL = {"khi nào": ("hồi nào", "chừng nào", "lúc nào"), "ngày nào": ("ngày mấy", "bữa nào", "hôm nào"),
              "tháng nào": ("tháng mấy",), "năm nào": ("năm mấy",), "ở đâu": ("ở chỗ nào", "chỗ nào"),
              "bao nhiêu tiền": ("nhiêu tiền",), "như thế nào": ("ra sao",)}
COLLOQUIAL_SHARE = 0.5
_COLLOQ_RE = re.compile(r"(?<!\w)(" + "|".join(sorted(map(re.escape, COLLOQUIAL), key=len, reverse=True)) + r")(?!\w)")
OPENINGS = ["cho em hỏi", "cho e hỏi", "cho mình hỏi", "cho mk hỏi", "ad ơi cho em hỏi", "ad ơi", "admin ơi",
            "cho hỏi", "xin hỏi", "em chào ad, cho em hỏi", "mn ơi cho mình hỏi", "bot ơi", "dạ cho em hỏi",
            "cho em hỏi chút", "ai biết cho em hỏi", "hỏi xíu"]
CLOSINGS = ["ạ", "vậy", "vậy ạ", "z", "v ad", "nhỉ", "nha", "nhé", "thế", "ạ ad", "vậy mn", "ad ơi", "ạ, cảm ơn ad",
            "hả", "z ạ", "dzậy", "với ạ", "thế ạ", "ha", "vậy ad"]
N_VARIANTS = 5
# The recipes, in order: (accents: "keep" / "some" / "none" / "either", share of phrases shortened, opening,
# closing, terse). "either": the question as typed with its accents or none, by the seed, about half each.
RECIPES = [("keep", 0.6, False, True, False), ("none", 0.6, True, False, False), ("some", 0.8, True, True, False),
           ("none", 1.0, False, True, False), ("either", 0.9, False, True, True)]

# Session 26 (issue 23): the made-up variants above keep every word of the question, and the team's chat
# questions do not — they are typed short the way a group chat is (general texting, not read from any set):
# the kind of unit before a province's or a company's name left off ("lđlđ tỉnh Phú Thọ" → "lđlđ phú thọ",
# "Công ty Cổ phần May X" → "cty may x"), an ordinal as a plain number ("lần thứ XIV" → "lần 14"), the small
# words of written Vietnamese left out ("của", "các", "những", "đã"), the places members name by their
# initials (`PLACE_SHORT`), and, typed with accents, a hỏi / ngã mark swapped (the commonest misspelling).
# The `terse` recipe (the last) does all of these; `make eval` asks it.
TERSE_DROPPED = re.compile(r"(?<!\w)(?:tỉnh|thành phố|huyện|cổ phần|tnhh|trách nhiệm hữu hạn)(?= [^\W\d_])")
TERSE_SMALL = re.compile(r"(?<!\w)(?:của|các|những|đã) (?=\w)")
TERSE_SHARE = 0.6  # each small word or unit left out with this probability
PLACE_SHORT = {"hải phòng": ("hp",), "hà nội": ("hn",), "bình dương": ("bd",), "vĩnh phúc": ("vp",),
               "quảng bình": ("qb",), "quảng nam": ("qnam", "qn"), "quảng ngãi": ("qngai",), "đà nẵng": ("đn", "đnẵng"),
               "hồ chí minh": ("hcm",), "bà rịa - vũng tàu": ("brvt", "vũng tàu"), "thừa thiên huế": ("huế", "tth")}
_PLACE_RE = re.compile(r"(?<!\w)(?:thành phố |tp\.? ?)?(" + "|".join(map(re.escape, PLACE_SHORT)) + r")(?!\w)")
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8, "ix": 9, "x": 10, "xi": 11,
          "xii": 12, "xiii": 13, "xiv": 14, "xv": 15, "xvi": 16, "xvii": 17, "xviii": 18, "xix": 19, "xx": 20}
_ORDINAL = re.compile(r"(?<!\w)(lần|khóa|kỳ)(?: thứ)? (" + "|".join(sorted(_ROMAN, key=len, reverse=True)) + r"|\d+)(?!\w)")
# hỏi ↔ ngã on the same vowel (composed forms): the marks people mix up
_HOI_NGA = dict(zip("ảẩẳẻểỉỏổởủửỷãẫẵẽễĩõỗỡũữỹ", "ãẫẵẽễĩõỗỡũữỹảẩẳẻểỉỏổởủửỷ"))

# Shorthand the pipeline does NOT read (`chat.CHAT` does not list it), also from general texting usage:
# `tools/chat_probe.py --unseen` types with these instead, to measure what a member's own shorthand costs
# (the lists above and the pipeline's were written by the same hand).
UNSEEN_SHORTHAND: dict[str, tuple[str, ...]] = {
    "không": ("hem", "khum", "hông"), "được": ("đx", "dk"), "gì": ("ji", "gì z"), "rồi": ("rùi", "oy"),
    "bao nhiêu": ("bao nhiu", "nhiu"), "người": ("ngừi", "nguoi"), "với": ("voi",), "vậy": ("zạ", "dị"),
    "công đoàn": ("c.đoàn", "cđoàn"), "liên đoàn lao động": ("lđ lđ", "liên đoàn lđ"), "đoàn viên": ("đ.viên",),
    "thế nào": ("tn",), "như thế nào": ("ntnao", "như nào"), "bao giờ": ("bgiờ",), "công nhân": ("c.nhân",),
}


def _table(shorthand: dict) -> tuple[re.Pattern, dict]:
    keys = {fold(k) for k in shorthand}
    return (re.compile(r"(?<!\w)(" + "|".join(sorted(map(re.escape, keys), key=len, reverse=True)) + r")(?!\w)"),
            {fold(k): k for k in shorthand})  # (no two phrases fold alike)


# (shorthand table, its pattern and folded keys) by `unseen`
_TABLES = {False: (SHORTHAND, *_table(SHORTHAND)), True: (UNSEEN_SHORTHAND, *_table(UNSEEN_SHORTHAND))}
_NUMBER_BEFORE = re.compile(r"\d\s*$")


def _shorten(text: str, share: float, rng: random.Random, accented: bool, tags: list[str],
             unseen: bool = False) -> str:
    """Phrases of SHORTHAND (UNSEEN_SHORTHAND with `unseen`) typed short, each with probability `share`. Matched accent-blind on the
    folded text, but only where the typed phrase is the phrase (folded "bao" is not "báo"): with accents
    typed, the accents must agree."""
    low = text.lower()
    folded = fold_same_length(low)
    out, last = [], 0
    shorthand, pattern, by_folded = _TABLES[unseen]
    for m in pattern.finditer(folded):
        phrase = by_folded[m.group(1)]
        typed = low[m.start():m.end()]
        if has_diacritics(typed) and typed != phrase:
            continue  # "báo" is not "bao", "mới" is not "mỗi"
        if not has_diacritics(typed) and (accented or phrase in AMBIGUOUS_UNACCENTED) and has_diacritics(phrase):
            continue  # an accented question's unaccented word is another word ("lam" ≠ "làm"); "moi" may be "mỗi"
        if phrase == "triệu" and not _NUMBER_BEFORE.search(low[:m.start()]):
            continue  # "tr" is only read after an amount
        if rng.random() >= share:
            continue
        form = rng.choice(shorthand[phrase])
        if not accented:
            form = fold(form)
        out += [text[last:m.start()], form]
        last = m.end()
        tags.append("short:" + fold(form))
    return "".join(out + [text[last:]])


def _colloquial(text: str, rng: random.Random, tags: list[str]) -> str:
    """Question phrases (typed with their accents) asked as members say them (`COLLOQUIAL`)."""
    def swap(m):
        if rng.random() >= COLLOQUIAL_SHARE:
            return m.group(0)
        form = rng.choice(COLLOQUIAL[m.group(1)])
        tags.append("colloq:" + fold(form))
        return form
    return _COLLOQ_RE.sub(swap, text)


def _strip_some(text: str, rng: random.Random) -> str:
    """About half the words typed without their accents."""
    return " ".join(fold(w) if rng.random() < 0.5 else w for w in text.split(" "))


def _terse(text: str, rng: random.Random, accented: bool, tags: list[str]) -> str:
    """The question typed short as in a group chat (lowercase text; see TERSE_DROPPED above): units before a
    name and small words left out, ordinals as numbers, places by their initials, one hỏi / ngã swapped."""
    def maybe_drop(m):
        return "" if rng.random() < TERSE_SHARE else m.group(0)
    out = TERSE_SMALL.sub(maybe_drop, TERSE_DROPPED.sub(maybe_drop, text))
    out = _ORDINAL.sub(lambda m: f"{m.group(1)} {_ROMAN.get(m.group(2), m.group(2))}", out)
    out = _PLACE_RE.sub(lambda m: rng.choice(PLACE_SHORT[m.group(1)]) if rng.random() < 0.7 else m.group(0), out)
    if accented and rng.random() < 0.5:
        marked = [i for i, c in enumerate(out) if c in _HOI_NGA]
        if marked:
            i = rng.choice(marked)
            out, _ = out[:i] + _HOI_NGA[out[i]] + out[i + 1:], tags.append("tone")
    if out != text:
        tags.append("terse")
    return " ".join(out.split())


# `unionbot eval --synthetic` asks two of the five (accents on some words with politeness both sides, and
# the terse recipe: a group chat's short typing): the five add ~2 minutes to make eval, these two under one.
EVAL_RECIPES = (2, 4)


def chat_variants(question: str, n: int = N_VARIANTS, seed: int = 0, which: tuple[int, ...] | None = None,
                  unseen: bool = False) -> list[tuple[tuple[str, ...], str]]:
    """Up to `n` chat-style variants of a question (or those of the RECIPES numbered `which`), each with
    the tags of what was done ("lower", "noq", "nodia", "somedia", "short:<form>", "open", "close").
    Seeded by the question's text and the recipe's number. `unseen`: with UNSEEN_SHORTHAND."""
    out = []
    for i, (accents, share, opening, closing, terse) in enumerate(RECIPES[:n]):
        if which is not None and i not in which:
            continue
        rng = random.Random(bucket(f"{seed}:{i}:{question}", 2 ** 31))
        if accents == "either":
            accents = "keep" if rng.random() < 0.5 else "none"
        tags = ["lower"]
        text = question.strip()
        if text.endswith("?"):
            text, _ = text.rstrip("? "), tags.append("noq")
        text = _colloquial(text.lower(), random.Random(bucket(f"colloq:{seed}:{i}:{question}", 2 ** 31)), tags)
        if terse:
            text = _terse(text, rng, accents == "keep" and has_diacritics(text), tags)
        text = _shorten(text, share, rng, has_diacritics(text), tags, unseen)
        as_typed = (lambda w: w) if has_diacritics(question) else fold  # noqa: E731
        if opening:
            text = f"{as_typed(rng.choice(OPENINGS))} {text}"
            tags.append("open")
        if closing:
            text = f"{text} {as_typed(rng.choice(CLOSINGS))}"
            tags.append("close")
        if accents == "none" and has_diacritics(text):
            text, _ = fold(text), tags.append("nodia")
        elif accents == "some" and has_diacritics(text):
            text, _ = _strip_some(text, rng), tags.append("somedia")
        text = " ".join(text.split())
        if text != question and text not in (v for _, v in out):
            out.append((tuple(tags), text))
    return out


def chat_scores(answerer, questions: list[dict], sides: list[str] | None = None, on_variant=None,
                answered: list | None = None, which: tuple[int, ...] | None = None, unseen: bool = False) -> dict:
    """Every question's chat variants asked (decision as committed). Answerable: of the variants whose
    original question is answered right (`reply_holds`), the share still answered right; unanswerable:
    of the variants whose original is declined, the share declined. By split when `sides` is given ("first" / "second" per question).
    `on_variant(question, tags, variant, answer, ok)` is called for each variant asked (a caller that
    prints filters on the split first). `answered`: the original questions' answers when already asked;
    `which`: the recipes to use (all by default)."""
    from ..fitting.scoring import reply_holds

    sides = sides or ["all"] * len(questions)
    out: dict = {}
    for i, (q, side) in enumerate(zip(questions, sides)):
        s = out.setdefault(side, {"variants": 0, "kept": 0, "unans_variants": 0, "unans_declined": 0})
        answerable = bool(q.get("article_id"))
        orig = answered[i] if answered is not None else answerer.ask(q["question"]).answer
        right = (orig.found and reply_holds(orig, q.get("answer"))) if answerable else not orig.found
        if not right:
            continue  # a variant fails only where its original is right
        for tags, v in chat_variants(q["question"], which=which, unseen=unseen):
            ans = answerer.ask(v).answer
            if answerable:
                ok = ans.found and reply_holds(ans, q.get("answer"))
                s["variants"] += 1
                s["kept"] += ok
            else:
                ok = not ans.found
                s["unans_variants"] += 1
                s["unans_declined"] += ok
            if on_variant:
                on_variant(q, tags, v, ans, ok)
    for s in out.values():
        s["in_reply"] = round(s["kept"] / s["variants"], 3) if s["variants"] else None
        s["declined"] = round(s["unans_declined"] / s["unans_variants"], 3) if s["unans_variants"] else None
    return out


def eval_row(scores: dict) -> dict:
    """`chat_scores` by split as one row of `unionbot eval`'s table."""
    row = {}
    for side, s in scores.items():
        row[f"{side}: variants"] = s["variants"]
        row[f"{side}: answer in reply"] = s["in_reply"]
        row[f"{side}: unanswerable variants"] = s["unans_variants"]
        row[f"{side}: declined"] = s["declined"]
    return row
