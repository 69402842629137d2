"""`unionbot` command line: the admin's view of the knowledge base and the answerer."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import logging

from knowledge.config import Settings, get_settings
from knowledge.dates import display_date
from knowledge.ingest import ingest_paths
from knowledge.sample import sample_dir
from knowledge.store import Store, dumps
from retrieval.embedder import ModelError

from . import texts


def _store(settings: Settings) -> Store:
    return Store(settings.db_path)


def ensure_sample(store: Store) -> None:
    """An empty knowledge base gets the shipped seed article, so the bot works out of the box."""
    if store.count()[0] == 0:
        report = ingest_paths(store, [sample_dir()], progress=False)
        print(texts.SAMPLE_CREATED.format(n=report.articles), file=sys.stderr)


def cmd_ingest(args, settings: Settings) -> int:
    from knowledge.fetch import ingest_url

    store = _store(settings)
    urls = [p for p in args.paths if p.startswith(("http://", "https://"))]
    report = ingest_paths(store, [Path(p) for p in args.paths if p not in urls], progress=not args.quiet)
    for url in urls:  # a web page, fetched and extracted like the admin's /them
        ingest_url(store, url, report)
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


def _answerer(settings: Settings):
    from retrieval.service import Answerer

    store = _store(settings)
    return Answerer(settings, store)


def _ask_one(answerer, question: str) -> tuple:
    from retrieval.answer import Answer

    question = (question or "").strip()
    if not question:
        return Answer(question="", found=False, qtype="other", reason="empty question"), 0.0
    timed = answerer.ask(question)
    return timed.answer, timed.latency_ms


def cmd_ask(args, settings: Settings) -> int:
    from . import render

    answerer = _answerer(settings)
    if answerer.store.count()[0] == 0:
        print(texts.EMPTY_KB, file=sys.stderr)
        return 1
    answerer.warm()
    if args.batch:
        from retrieval.evaluate import load_questions

        try:
            items = load_questions(Path(args.batch))
        except (OSError, ValueError) as e:
            print(f"Không đọc được tệp câu hỏi: {e}", file=sys.stderr)
            return 2
        for item in items:
            ans, ms = _ask_one(answerer, str(item.get("question", "")))
            print(json.dumps(render.as_json(ans, ms, item), ensure_ascii=False), flush=True)
        return 0
    question = " ".join(args.question)
    if not question.strip():
        print(texts.EMPTY_QUESTION, file=sys.stderr)
        return 2
    ans, ms = _ask_one(answerer, question)
    if args.json:
        print(json.dumps(render.as_json(ans, ms, {"question": question}), ensure_ascii=False))
    else:
        print(render.plain(ans))
    return 0


def cmd_chat(args, settings: Settings) -> int:
    """Interactive terminal chat with readline editing and history."""
    from . import render

    try:
        import readline  # noqa: F401  (line editing and history for input())
    except ImportError:
        pass
    store = _store(settings)
    ensure_sample(store)
    answerer = _answerer(settings)
    print("Đang nạp mô hình và chỉ mục…", file=sys.stderr)
    answerer.ensure_fresh(progress=True)
    answerer.warm()
    print(texts.CHAT_WELCOME)
    last = None
    while True:
        try:
            line = input("\nBạn: ").strip()
        except (EOFError, KeyboardInterrupt):
            print("\n" + texts.CHAT_BYE)
            return 0
        if not line:
            continue
        if line in ("/thoat", "/thoát", "/quit", "/exit"):
            print(texts.CHAT_BYE)
            return 0
        if line in ("/nguon", "/nguồn"):
            if last is None or not last.found:
                print(texts.NO_LAST_ANSWER)
            else:
                print(texts.PASSAGE_HEADER.format(title=last.sources[0].title))
                print(last.passage)
            continue
        ans, _ = _ask_one(answerer, line)
        last = ans
        print("\nUnionBot: " + render.plain(ans))


def cmd_eval(args, settings: Settings) -> int:
    import tempfile

    from retrieval.evaluate import evaluate, load_questions, table

    questions = load_questions(Path(args.questions))
    tmp = None
    if args.articles:
        tmp = tempfile.TemporaryDirectory(prefix="unionbot-eval-")
        settings = settings.model_copy(update={"data_dir": Path(tmp.name),
                                               "model_cache_dir": settings.models_dir.resolve()})
        report = ingest_paths(_store(settings), [Path(args.articles)], progress=False)
        print(f"Kho tạm: {report.articles} bài viết.", file=sys.stderr)
    answerer = _answerer(settings)
    answerer.warm()
    result = evaluate(questions, lambda q: _ask_one(answerer, q))
    if args.json:
        print(json.dumps({k: v for k, v in result.items() if k != "rows" or args.rows}, ensure_ascii=False, indent=2))
    else:
        print(table(result))
    if tmp:
        tmp.cleanup()
    return 0


def _start_error(e: Exception) -> int:
    print(f"Không khởi động được: {e}", file=sys.stderr)
    return 4


TOKEN_HELP = {"telegram": "Thiếu UNIONBOT_TELEGRAM_TOKEN (lấy từ @BotFather).",
              "zalo": "Thiếu UNIONBOT_ZALO_TOKEN (lấy từ Zalo Bot Creator)."}


def run_bot(settings: Settings, only: str | None = None) -> int:
    """`serve` (every configured channel + web chat) or one channel alone."""
    import asyncio
    import signal

    from retrieval.service import Answerer

    from .core import Core
    from .server import run_channels, serve
    from .telegram_channel import ChannelError, TelegramChannel
    from .zalo_channel import ZaloChannel

    wanted = [only] if only else ["telegram", "zalo"]
    if only and not getattr(settings, f"{only}_token"):
        print(TOKEN_HELP[only], file=sys.stderr)
        return 2
    store = _store(settings)
    ensure_sample(store)
    core = Core(settings, Answerer(settings, store, background_refresh=True))
    factories = {"telegram": TelegramChannel, "zalo": ZaloChannel}
    channels = [factories[n](core) for n in wanted if getattr(settings, f"{n}_token")]
    webhooks = any(getattr(settings, f"{n}_webhook_url") for n in wanted)
    # uvicorn shuts down gracefully on SIGTERM, then re-raises it: end with status 0 then.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    try:
        if only is None or webhooks:
            if only is None:
                up = ", ".join(c.name for c in channels) or "chưa có kênh nhắn tin (chưa đặt token)"
                print(f"UnionBot đang chạy — trang hỏi đáp: http://{settings.http_host}:{settings.http_port}/ "
                      f"· kênh: {up}", flush=True)
            asyncio.run(serve(core, channels, settings.http_host, settings.http_port, web=only is None))
        else:
            asyncio.run(run_channels(core, channels))
    except ChannelError as e:
        return _start_error(e)
    return 0


def cmd_serve(args, settings: Settings) -> int:
    return run_bot(settings)


def cmd_telegram(args, settings: Settings) -> int:
    return run_bot(settings, "telegram")


def cmd_zalo(args, settings: Settings) -> int:
    return run_bot(settings, "zalo")


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

    s = sub.add_parser("ingest", help="nạp bài viết từ tệp/thư mục/đường dẫn web")
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

    s = sub.add_parser("ask", help="hỏi một câu (hoặc --batch tệp .jsonl)")
    s.add_argument("question", nargs="*")
    s.add_argument("--json", action="store_true", help="in một đối tượng JSON")
    s.add_argument("--batch", metavar="FILE.jsonl", help="mỗi dòng một JSON có trường question")
    s.set_defaults(func=cmd_ask)

    s = sub.add_parser("chat", help="trò chuyện trong terminal")
    s.set_defaults(func=cmd_chat)

    s = sub.add_parser("serve", help="chạy bot: mọi kênh đã cấu hình + trang hỏi đáp web")
    s.set_defaults(func=cmd_serve)

    s = sub.add_parser("telegram", help="chạy riêng kênh Telegram")
    s.set_defaults(func=cmd_telegram)

    s = sub.add_parser("zalo", help="chạy riêng kênh Zalo")
    s.set_defaults(func=cmd_zalo)

    s = sub.add_parser("eval", help="đo chất lượng trên tệp câu hỏi")
    s.add_argument("questions")
    s.add_argument("--articles", metavar="DIR", help="dựng kho tạm từ thư mục này trước")
    s.add_argument("--json", action="store_true")
    s.add_argument("--rows", action="store_true", help="kèm kết quả từng câu (với --json)")
    s.set_defaults(func=cmd_eval)
    return p


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.command in ("telegram", "zalo", "serve") else logging.WARNING, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    for noisy in ("bm25s", "faiss.loader", "httpx", "sentence_transformers"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    _quiet_libraries()
    settings = get_settings()
    try:
        return args.func(args, settings) or 0
    except KeyboardInterrupt:
        return 130
    except ModelError as e:
        print(f"Lỗi mô hình nhúng: {e}\nKiểm tra UNIONBOT_EMBED_MODEL (tên mô hình hoặc đường dẫn).", file=sys.stderr)
        return 3


def _quiet_libraries() -> None:
    """Model-loading chatter (progress bars, load reports) is noise for admins."""
    import os

    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    try:
        from transformers.utils import logging as hf_logging

        hf_logging.set_verbosity_error()
        hf_logging.disable_progress_bar()
    except ImportError:
        pass


if __name__ == "__main__":
    sys.exit(main())
