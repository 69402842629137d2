"""What every dev tool here sets up: the tree it measures (ROOT, put first on the path, so a helper's
worktree measures its own code), the dev data (DEV), a warm Answerer over a built knowledge base
(EXPDATA) and the first split's article ids — the only ones whose text a tool may print.

    from workbench import ROOT, DEV, answerer, arg, shown   # first, before the project's imports
"""
import json
import os
import re
import sys
from pathlib import Path

ROOT = Path(os.environ.get("ROOT", Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(ROOT))
os.chdir(ROOT)
DEV = Path(os.environ.get("DEV", ROOT / ".." / "shared" / "data" / "dev")).resolve()
MODELS = ROOT / ".cache" / "models"


def answerer(data: Path | None = None, build: bool = False):
    """A warm Answerer over the knowledge base in `data` (EXPDATA by default); `build`: ingest the dev
    articles first when `data` does not exist yet."""
    from bot.settings import Settings
    from retrieval.service import Answerer

    data = Path(data or os.environ["EXPDATA"])
    fresh = build and not data.exists()
    a = Answerer(Settings(data_dir=data, model_cache_dir=MODELS.resolve() if MODELS.exists() else None, llm_url=""))
    if fresh:
        a.ingest([DEV / "articles"], progress=False)
    a.warm()
    return a


def team_answerer(teamq: Path, data: Path):
    """A warm Answerer over a team set's knowledge base in `data`: the first split's articles plus the set's own
    (`teamq`/articles, where it brings some), ingested the first time (`data` missing)."""
    import shutil
    import tempfile

    if not data.exists():
        src = Path(tempfile.mkdtemp()) / "articles"
        src.mkdir()
        for aid in first_split():
            shutil.copy(DEV / "articles" / f"{aid}.json", src / f"{aid}.json")
        for own in sorted((teamq / "articles").glob("*.json")):  # a set with articles of the team's own
            shutil.copy(own, src / own.name)
        from bot.settings import Settings
        from retrieval.service import Answerer
        Answerer(Settings(data_dir=data, model_cache_dir=MODELS.resolve() if MODELS.exists() else None,
                          llm_url="")).ingest([src], progress=False)
    return answerer(data)


def arg(name: str, default):
    """`--name value` from the command line, typed like `default`."""
    return type(default)(sys.argv[sys.argv.index(name) + 1]) if name in sys.argv else default


def first_split() -> set[str]:
    return set(json.loads((DEV / "splits.json").read_text())["first"])


_FIRST: set[str] = set()
# The team sets whose failures may be read (tests/data/team/README.md); the others are unread yardsticks.
READABLE = {"teamq6", "teamq7", "teamq8", "teamq9", "teamq10", "teamq11", "teamq12", "teamq13", "teamq14", "teamq15", "teamq16", "teamq17", "teamq18", "teamq19", "teamq20", "teamq21", "teamq22", "teamq23", "teamq24", "teamq25", "teamq26", "teamq27", "teamq28", "teamq41", "teamq44"}


def readable_team(teamq: str | os.PathLike | None) -> None:
    """Stops a tool that prints questions when it is pointed at an unread team set."""
    if teamq and Path(teamq).name not in READABLE:
        sys.exit(f"{Path(teamq).name} is an unread yardstick (tests/data/team/README.md): aggregate lines only (tools/team.py)")


def shown(ans, text):
    """`text` of an answer (its span, its sentence) when the article it comes from is a first-split one; a
    question of the first split may be answered from a second-split article, whose words are never printed."""
    if not _FIRST:
        _FIRST.update(first_split())
    return text if ans is not None and ans.ranked[:1] and ans.ranked[0] in _FIRST else "(second split)"


def question_set(team: bool):
    """(knowledge base dir, questions, side of each): the dev set on EXPDATA, its sides "first" / "second" (only the
    first's text may be printed); or (`team`) a READABLE team set TEAMQ on its knowledge base EXPDATA_FIRST, side "team"."""
    from retrieval.evaluation.evaluate import load_questions, split_of
    if team:
        qs = load_questions(Path(os.environ["TEAMQ"]) / "questions.jsonl")
        return Path(os.environ["EXPDATA_FIRST"]), qs, ["team"] * len(qs)
    qs = load_questions(DEV / "questions.jsonl")
    return Path(os.environ.get("EXPDATA", "/work/expdata")), qs, split_of(qs, json.loads((DEV / "splits.json").read_text()))


def reason_kind(reason: str) -> str:
    """A decline's reason with the question's own words and numbers left out (quoted names, years, places, shares):
    what KIND of evidence declined, safe to print for an unread set."""
    kind = re.sub(r"“[^”]*”|\(.*?\)|\d[\d.,%]*", "…", reason or "")
    kind = re.sub(r"^năm .*? (không có trong)", r"năm … \1", kind)  # a year named in words ("năm Ất Tỵ")
    return re.sub(r"(nơi khác, không phải)\s.*$", r"\1 …", kind).strip()  # the other value not quoted: places
