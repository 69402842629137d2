"""The team's evaluation sets (tests/data/team) stay well-formed: a quoted answer that is not in its article
would score every reply as wrong, an unanswerable row with an article would score a right decline as a miss."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

TEAM = Path(__file__).parent / "data" / "team"
SETS = sorted(p for p in TEAM.iterdir() if p.is_dir())


def _rows(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.mark.parametrize("team_set", SETS, ids=[p.name for p in SETS])
def test_every_answer_is_quoted_from_its_article(team_set: Path):
    articles = {a["id"]: a for a in (json.loads(p.read_text(encoding="utf-8"))
                                     for p in (team_set / "articles").glob("*.json"))}
    assert len(articles) == 20
    for name in ("questions.jsonl", "dialogues.jsonl"):
        rows = _rows(team_set / name)
        assert len({r["id"] for r in rows}) == len(rows), f"{name}: ids repeat"
        for r in rows:
            if r["article_id"] is None:
                assert r["answer"] is None and (name == "dialogues.jsonl" or r["variant"] == "unanswerable"), r["id"]
            else:
                assert r["answer"] in articles[r["article_id"]]["text"], r["id"]
    turns = _rows(team_set / "dialogues.jsonl")
    assert {t["kind"] for t in turns} == {"first", "followup_slot", "followup_topic", "fresh"}
    assert all(t["kind"] == "first" for t in turns if t["turn"] == 1)
