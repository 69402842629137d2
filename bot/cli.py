"""`unionbot` command line: the admin's view of the knowledge base and the answerer."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from knowledge.config import Settings, get_settings
from knowledge.dates import display_date
from knowledge.ingest import ingest_paths
from knowledge.sample import sample_dir
from knowledge.store import Store, dumps


def _store(settings: Settings) -> Store:
    return Store(settings.db_path)


def ensure_sample(store: Store) -> None:
    """An empty knowledge base gets the shipped seed article, so the bot works out of the box."""
    if store.count()[0] == 0:
        report = ingest_paths(store, [sample_dir()], progress=False)
        print(f"Đã tạo kho mẫu: {report.articles} bài viết.", file=sys.stderr)


def cmd_ingest(args, settings: Settings) -> int:
    store = _store(settings)
    report = ingest_paths(store, [Path(p) for p in args.paths], progress=not args.quiet)
    print(report.summary())
    if report.changed:
        _refresh_index(settings, store)
    return 0 if report.articles or not report.skipped else 1


def cmd_list(args, settings: Settings) -> int:
    rows = _store(settings).article_meta()
    if args.json:
        print(dumps(rows))
        return 0
    if not rows:
        print("Kho bài viết trống. Dùng `unionbot ingest THƯ_MỤC` để nạp bài.")
        return 0
    for r in rows:
        print(f"{r['id']:<40} {display_date(r['date']):<10} {r['chunks']:>3} đoạn  {r['title']}")
    print(f"— {len(rows)} bài viết")
    return 0


def cmd_show(args, settings: Settings) -> int:
    info = _store(settings).describe(args.id)
    if info is None:
        print(f"Không có bài viết với mã “{args.id}”.", file=sys.stderr)
        return 1
    if args.json:
        print(dumps(info))
        return 0
    print(f"{info['title']}\nNgày: {display_date(info['date']) or '—'}\nNguồn: {info['url'] or info['source']}\n")
    print(info["text"])
    for c in info["chunks"]:
        facts = "; ".join(f"{f['kind']}: {f['value']}" for f in c["facts"])
        print(f"\n[đoạn {c['ord']} · {c['id']} · {len(c['text'])} ký tự]\n  dữ kiện: {facts or '—'}")
    return 0


def cmd_remove(args, settings: Settings) -> int:
    store = _store(settings)
    if not store.remove(args.id):
        print(f"Không có bài viết với mã “{args.id}”.", file=sys.stderr)
        return 1
    print(f"Đã xóa bài viết “{args.id}”.")
    _refresh_index(settings, store)
    return 0


def _refresh_index(settings: Settings, store: Store) -> None:
    """Keep the search index in step with the store (no-op until retrieval exists)."""
    try:
        from retrieval.service import refresh_index
    except ImportError:
        return
    refresh_index(settings, store)


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="unionbot", description="UnionBot — hỏi đáp hoạt động công đoàn")
    sub = p.add_subparsers(dest="command", required=True)

    s = sub.add_parser("ingest", help="nạp bài viết từ tệp/thư mục")
    s.add_argument("paths", nargs="+")
    s.add_argument("-q", "--quiet", action="store_true", help="không hiện thanh tiến trình")
    s.set_defaults(func=cmd_ingest)

    s = sub.add_parser("list", help="liệt kê bài viết")
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=cmd_list)

    s = sub.add_parser("show", help="xem một bài viết: văn bản, đoạn, dữ kiện")
    s.add_argument("id")
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=cmd_show)

    s = sub.add_parser("remove", help="xóa một bài viết")
    s.add_argument("id")
    s.set_defaults(func=cmd_remove)
    return p


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    settings = get_settings()
    try:
        return args.func(args, settings) or 0
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
