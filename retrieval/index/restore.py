"""Put the accents back on a question typed without them, before embedding it.

multilingual-e5 understands "khẩu hiệu hành động" but not "khau hieu hanh dong".
A Viterbi pass picks, syllable by syllable, the accented form that the knowledge
base's own bigram/unigram counts make most likely. Question phrasing is rare in
news text, so a small vocabulary of how members ask is added to the counts.

A union starting out has a handful of articles, too few to hold the syllables of
its members' questions. General Vietnamese statistics shipped with the package
(vi_syllables.tsv, made by tools/vi_syllables.py; see docs/accents.md) fill in:
they add candidates the knowledge base never wrote and are the prior its counts
are smoothed toward, so where the knowledge base has counts they decide.
"""
from __future__ import annotations

import json
import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from knowledge.text import fold, normalize
from ..params import BETA, GENERAL_MIN_SHARE, GENERAL_PAIR_BOOST, GENERAL_WEIGHT, PHRASE_WEIGHT

# How members phrase questions, and the union's most common words (our own list, general
# Vietnamese — no topic nouns of particular articles): counted like article text, with weight.
# Chat particles ("vậy", "nhỉ", "ạ") are not here: chat.expand_question drops them first, and as
# lone syllables they outvoted the articles' own pairs ("sum vay" came back "sum vậy").
QUESTION_PHRASES = """
là gì|là ai|bao nhiêu|bao nhiêu tiền|bao nhiêu người|bao lâu|bao giờ|mấy|mấy người|ở đâu|tại đâu|
khi nào|lúc nào|ngày nào|năm nào|tháng nào|hôm nào|như thế nào|thế nào|ra sao|tên là gì|tên gì|
do ai|ai là|của ai|những ai|có bao nhiêu|được bao nhiêu|diễn ra ở đâu|diễn ra khi nào|tổ chức ở đâu|
tổ chức khi nào|tổ chức vào ngày nào|được tổ chức|được thành lập|thành lập khi nào|từ ngày nào đến ngày nào|
kéo dài bao lâu|phát động phong trào gì|khẩu hiệu là gì|chủ đề là gì|thông điệp là gì|mục tiêu là gì|
hỗ trợ bao nhiêu|trị giá bao nhiêu|có mấy|gồm mấy|gồm những gì|những đâu|ở những đâu|nơi nào|
địa phương nào|xã nào|tỉnh nào|phường nào|đơn vị nào|sự kiện gì|hoạt động gì|chương trình gì|
cho tôi hỏi|cho hỏi|xin hỏi|không|có phải|đầu tiên|chủ tịch|phó chủ tịch|người đứng đầu|
đoàn viên|người lao động|công nhân|công đoàn|liên đoàn lao động|công đoàn cơ sở|năm nay|hiện nay|
mới nhất|gần đây|sắp tới|
mỗi người|mỗi suất|mỗi phần|mỗi đội|mỗi năm|mỗi tháng|hồi nào|hồi tháng|hồi năm|tròn bao nhiêu năm|tròn mấy năm|
trận chung kết|mấy trận|bao nhiêu trận|ghé thăm|đến thăm|lúc mới|khi mới|lúc đầu|ban đầu|ông chủ|bà chủ|
tốn bao nhiêu|họp vào|cuộc họp|sân nào|chỗ nào|ở chỗ nào|đội nào|nghề gì|làm nghề gì|trong tuần|tuần nào|
dựa trên|dựa vào|cùng với|tặng quà|trao quà|đặt mục tiêu|đòi tiền|nhà trọ|phòng trọ|tại tỉnh nào|tính cả
"""
_SYL = re.compile(r"[^\W\d_]+")
# A number is a word of the chain too, one token for all ("năm 2010", "15 người", "ngày 3"): the
# syllable before or after a number is restored by what news writes next to numbers.
NUMBER = "<n>"
_TOKEN = re.compile(r"[^\W\d_]+|\d+")
GENERAL_FILE = Path(__file__).with_name("vi_syllables.tsv")
_DOTTED = re.compile(r"(?<![\w.])([a-zđ])\.([a-zà-ỹđ]{2,})(?![\w.])")


@dataclass(frozen=True)
class General:
    """General Vietnamese, not any knowledge base's: which accented forms a folded syllable
    has and how they share its use, and which syllable pairs make up dictionary words."""
    shares: dict[str, dict[str, float]] = field(default_factory=dict)  # folded → {form: share}
    pairs: frozenset[str] = frozenset()  # "a b" inside some dictionary word

    @classmethod
    def read(cls, path: Path) -> "General":
        counts: dict[str, dict[str, int]] = defaultdict(dict)
        pairs: set[str] = set()
        for line in path.read_text(encoding="utf-8").splitlines():
            kind, _, rest = line.partition("\t")
            if kind not in ("U", "B"):
                continue  # the header says where the counts come from
            what, _, n = rest.partition("\t")
            if kind == "U":
                counts[fold(what)][what] = int(n)
            else:
                pairs.add(what)
        totals = {k: sum(v.values()) for k, v in counts.items()}
        shares = {k: {f: c / totals[k] for f, c in v.items()} for k, v in counts.items()}
        return cls(shares, frozenset(pairs))


@lru_cache(maxsize=1)
def general() -> General:
    """The shipped statistics, read once per process (~0.5 MB of text)."""
    return General.read(GENERAL_FILE)


class Restorer:
    def __init__(self, uni: dict[str, dict[str, int]], bi: dict[str, int], gen: General | None = None):
        self.uni = uni  # folded syllable → {accented form: count}, the knowledge base's own
        self.bi = bi  # "prev next" (accented, lowercase) → count
        self.gen = general() if gen is None else gen  # not saved with the index: shipped
        # A syllable's every occurrence, the clause-final ones too: one the knowledge base only
        # ever ends a clause with ("hỏi" of "cho tôi hỏi") is unlikely to go on to "nghị".
        self.prev_total: dict[str, float] = {f: c for forms in uni.values() for f, c in forms.items()}
        self._cands: dict[str, dict[str, float]] = {}
        self._dotted: dict[str, dict[str, tuple[int, str]]] | None = None

    def candidates(self, key: str) -> dict[str, float]:
        """Accented forms of a folded syllable with their counts: the knowledge base's, plus
        GENERAL_WEIGHT occurrences shared as general Vietnamese uses the forms (its rare forms
        only where the knowledge base has them: each candidate costs time in the Viterbi pass)."""
        cands = self._cands.get(key)
        if cands is None:
            cands = dict(self.uni.get(key, {}))
            for form, share in self.gen.shares.get(key, {}).items():
                if form in cands or share >= GENERAL_MIN_SHARE:
                    cands[form] = cands.get(form, 0) + GENERAL_WEIGHT * share
            self._cands[key] = cands
        return cands

    @classmethod
    def build(cls, texts: list[str]) -> "Restorer":
        uni: dict[str, Counter] = defaultdict(Counter)
        bi: Counter = Counter()
        phrases = [p.strip() for p in QUESTION_PHRASES.replace("\n", "|").split("|") if p.strip()]
        folded: dict[str, str] = {}  # a few thousand distinct syllables, millions of occurrences
        for text, weight in [(t, 1) for t in texts] + [(p, PHRASE_WEIGHT) for p in phrases]:
            for clause in re.split(r"[.,;:!?()\"“”\n]+", normalize(text).lower()):
                syls = [NUMBER if t[0].isdigit() else t for t in _TOKEN.findall(clause)]
                for s in syls:
                    key = folded.get(s)
                    if key is None:
                        key = folded[s] = fold(s)
                    uni[key][s] += weight
                for a, b in zip(syls, syls[1:]):
                    bi[f"{a} {b}"] += weight
        return cls({k: dict(v) for k, v in uni.items()}, dict(bi))

    def dotted(self, question: str) -> str:
        """A first syllable typed as its letter and a dot ("c.đoàn", "c.nhân", "đ.viên": members shorten the
        first syllable of a two-syllable word so) written out as the knowledge base's most frequent pair of a
        syllable with that letter and the second ("công đoàn"); left as typed where it has none. Lowercase
        only (an uppercase "V.A" is a name's initials), a second part of two letters or more ("v.v" stays)."""
        if "." not in question:
            return question

        def out(m):
            first, second = m.group(1), m.group(2)
            best = self._by_second().get(fold(second.lower()), {}).get(fold(first), (0, None))
            if not best[1]:
                return m.group(0)
            return f"{best[1] if second != fold(second) else fold(best[1])} {second}"  # accents as typed
        return _DOTTED.sub(out, question)

    def _by_second(self) -> dict[str, dict[str, tuple[int, str]]]:
        """folded second syllable → folded first letter → (count, first syllable) of its best pair (once)."""
        if self._dotted is None:
            table: dict[str, dict[str, tuple[int, str]]] = defaultdict(dict)
            for pair, n in self.bi.items():
                a, _, b = pair.partition(" ")
                if not a or a == NUMBER or b == NUMBER or not a[0].isalpha():
                    continue
                key, letter = fold(b), fold(a[0])
                if n > table[key].get(letter, (0, None))[0]:
                    table[key][letter] = (n, a)
            self._dotted = dict(table)
        return self._dotted

    def restore(self, question: str, keep_typed: float = 0.0) -> str:
        """Accented question; syllables neither the knowledge base nor general Vietnamese
        knows stay as typed, and so do syllables typed with accents. `keep_typed` (a question typed
        with accents on most words): an unaccented syllable is 1 + keep_typed × (general Vietnamese's
        share of it written so) times likelier as typed than its counts say — "cho", "nam" typed so are
        mostly meant so; "xuat", which no word is, is a miss."""
        parts = re.split(r"([^\W\d_]+|\d+)", normalize(question))
        idx = [i for i in range(1, len(parts), 2)]
        if not idx:
            return question
        # Viterbi over the syllables; punctuation between them is kept as is.
        states: list[dict[str, tuple[float, list[str]]]] = []
        prev: dict[str, tuple[float, list[str]]] = {"<s>": (0.0, [])}
        for i in idx:
            typed = parts[i]
            if typed[0].isdigit():
                typed = NUMBER
            key = fold(typed)
            cands = self.candidates(key) if typed == fold(typed) or typed.lower() == key else None
            if not cands:
                cands = {typed.lower(): 1}
            total = sum(cands.values())
            cur: dict[str, tuple[float, list[str]]] = {}
            for form, c in cands.items():
                p_uni = c / total
                as_typed = form == typed.lower()
                kept = math.log(1 + keep_typed * self.gen.shares.get(key, {}).get(form, 0.0)) if as_typed else 0.0
                best = None
                for pform, (score, path) in prev.items():
                    # Dirichlet-smoothed bigram: a pair seen in the articles beats a
                    # frequent lone syllable ("chỉ thị", not "chí thi"). The prior it is
                    # smoothed toward favours pairs of dictionary words ("xuất phát").
                    pair = f"{pform} {form}"
                    prior = p_uni * (GENERAL_PAIR_BOOST if pair in self.gen.pairs else 1)
                    pt = self.prev_total.get(pform, 0)
                    p = (self.bi.get(pair, 0) + BETA * prior) / (pt + BETA)
                    s = score + math.log(p + 1e-9) + kept
                    if best is None or s > best[0]:
                        best = (s, path + [form])
                cur[form] = best
            prev = cur
            states.append(cur)
        _, path = max(prev.values(), key=lambda x: x[0])
        out = list(parts)
        for i, form in zip(idx, path):
            typed = parts[i]
            if typed[0].isdigit():
                continue
            if typed.isupper() and len(typed) > 1:
                form = form.upper()
            elif typed[:1].isupper():
                form = form[:1].upper() + form[1:]
            out[i] = form
        return "".join(out)

    def save(self, path: Path) -> None:
        path.write_text(json.dumps({"uni": self.uni, "bi": self.bi}, ensure_ascii=False), encoding="utf-8")

    @classmethod
    def load(cls, path: Path) -> "Restorer":
        """The knowledge base's counts as saved; the general ones join from the package."""
        d = json.loads(path.read_text(encoding="utf-8"))
        return cls(d["uni"], d["bi"])
