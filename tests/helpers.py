"""Paths to the shared dev data (read there, never copied into the project)."""
import json
import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# The shared data sits beside the checkout (../shared/data); UNIONBOT_SHARED_DATA overrides.
SHARED = Path(os.environ.get("UNIONBOT_SHARED_DATA") or ROOT.parent / "shared" / "data")
if not (SHARED / "dev" / "articles").is_dir():
    raise RuntimeError(f"dev data not found at {SHARED}: clone beside ../shared or set UNIONBOT_SHARED_DATA")
DEV_ARTICLES = SHARED / "dev" / "articles"
DEV_QUESTIONS = SHARED / "dev" / "questions.jsonl"
SEED_TXT = SHARED / "seed" / "lso-congdoan-sotaichinh.txt"


def dev_questions() -> list[dict]:
    return [json.loads(line) for line in DEV_QUESTIONS.read_text(encoding="utf-8").splitlines() if line.strip()]


def dev_article(article_id: str) -> dict:
    return json.loads((DEV_ARTICLES / f"{article_id}.json").read_text(encoding="utf-8"))
