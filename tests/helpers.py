"""Paths to the shared dev data (read there, never copied into the project)."""
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"
DEV_ARTICLES = SHARED / "dev" / "articles"
DEV_QUESTIONS = SHARED / "dev" / "questions.jsonl"
SEED_TXT = SHARED / "seed" / "lso-congdoan-sotaichinh.txt"


def dev_questions() -> list[dict]:
    return [json.loads(line) for line in DEV_QUESTIONS.read_text(encoding="utf-8").splitlines() if line.strip()]


def dev_article(article_id: str) -> dict:
    return json.loads((DEV_ARTICLES / f"{article_id}.json").read_text(encoding="utf-8"))
