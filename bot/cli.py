"""`unionbot` command line: parses the arguments; bot/commands.py does the work."""
from __future__ import annotations

import argparse
import logging
import sys

from retrieval.api import DatabaseError, ModelError

from . import commands
from .core import texts
from .settings import get_settings


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="unionbot", description="UnionBot — hỏi đáp hoạt động công đoàn")
    sub = p.add_subparsers(dest="command", required=True)

    s = sub.add_parser("ingest", help="nạp bài viết từ tệp/thư mục/đường dẫn web")
    s.add_argument("paths", nargs="+")
    s.add_argument("-q", "--quiet", action="store_true", help="không hiện thanh tiến trình")
    s.set_defaults(func=commands.cmd_ingest)

    s = sub.add_parser("list", help="liệt kê bài viết")
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=commands.cmd_list)

    s = sub.add_parser("show", help="xem một bài viết: văn bản, đoạn, dữ kiện")
    s.add_argument("id")
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=commands.cmd_show)

    s = sub.add_parser("remove", help="xóa một bài viết")
    s.add_argument("id")
    s.set_defaults(func=commands.cmd_remove)

    s = sub.add_parser("migrate", help="chuyển toàn bộ kho (SQLite) sang PostgreSQL")
    s.add_argument("--to", required=True, metavar="URL", help="postgresql://người_dùng@máy/csdl (kho trống)")
    s.set_defaults(func=commands.cmd_migrate)

    s = sub.add_parser("backup", help="sao lưu toàn bộ kho khi bot đang chạy (SQLite: tệp .sqlite3; PostgreSQL: pg_dump)")
    s.add_argument("file")
    s.set_defaults(func=commands.cmd_backup)

    s = sub.add_parser("restore", help="khôi phục một bản sao lưu vào thư mục dữ liệu / cơ sở dữ liệu trống")
    s.add_argument("file")
    s.set_defaults(func=commands.cmd_restore)

    s = sub.add_parser("ask", help="hỏi một câu (hoặc --batch tệp .jsonl)")
    s.add_argument("question", nargs="*")
    s.add_argument("--json", action="store_true", help="in một đối tượng JSON")
    s.add_argument("--batch", metavar="FILE.jsonl", help="mỗi dòng một JSON có trường question")
    s.set_defaults(func=commands.cmd_ask)

    s = sub.add_parser("chat", help="trò chuyện trong terminal")
    s.set_defaults(func=commands.cmd_chat)

    s = sub.add_parser("serve", help="chạy bot: mọi kênh đã cấu hình + trang hỏi đáp web")
    s.set_defaults(func=commands.cmd_serve)

    s = sub.add_parser("telegram", help="chạy riêng kênh Telegram")
    s.set_defaults(func=commands.cmd_telegram)

    s = sub.add_parser("zalo", help="chạy riêng kênh Zalo")
    s.set_defaults(func=commands.cmd_zalo)

    s = sub.add_parser("eval", help="đo chất lượng trên tệp câu hỏi")
    s.add_argument("questions")
    s.add_argument("--articles", metavar="DIR", help="dựng kho tạm từ thư mục này trước")
    s.add_argument("--json", action="store_true")
    s.add_argument("--rows", action="store_true", help="kèm kết quả từng câu (với --json)")
    s.add_argument("--cv", type=int, default=0, metavar="K",
                   help="kiểm định chéo K phần, chia theo bài viết (quyết định trả lời khớp trên phần còn lại)")
    s.add_argument("--dialogues", action="store_true",
                   help="đo thêm câu hỏi nối tiếp: hội thoại dựng từ các cặp câu hỏi cùng bài")
    s.add_argument("--synthetic", action="store_true",
                   help="đo thêm việc từ chối câu không trả lời được dựng từ câu trả lời được (đổi năm, tỉnh, lần thứ, danh từ đếm)")
    s.add_argument("--transfer", metavar="SPLITS.json",
                   help="đo thêm điểm chuyển giao: khớp trên nhóm bài 'first', chấm trên nhóm 'second'")
    s.add_argument("--llm", action="store_true",
                   help="đo thêm câu trả lời của mô hình ngôn ngữ (UNIONBOT_LLM_URL): đúng bao nhiêu, bị loại bao nhiêu và vì sao")
    s.add_argument("--dialogue-set", metavar="FILE.jsonl",
                   help="đo thêm các hội thoại viết sẵn (trường conversation, kind), kiểm định chéo theo hội thoại")
    s.add_argument("--misses-of", metavar="SPLITS.json",
                   help="in các lượt sai của hội thoại có câu đầu thuộc phần 'first' của tệp chia này")
    s.set_defaults(func=commands.cmd_eval)

    s = sub.add_parser("calibrate-faq", help="khớp ngưỡng nhận câu hỏi đáp trên tệp mục hỏi đáp và câu hỏi")
    s.add_argument("entries", help="tệp mục hỏi đáp (.jsonl/.csv)")
    s.add_argument("questions", help=".jsonl: question, entry (id mục trả lời, hoặc null)")
    s.add_argument("--articles", metavar="DIR", help="bài viết đặt cạnh (trọng số từ như khi chạy thật)")
    s.add_argument("--out", metavar="FILE", help="ghi mô hình vào tệp này (mặc định: retrieval/hoidap/faq_match.json)")
    s.set_defaults(func=commands.cmd_calibrate_faq)

    s = sub.add_parser("calibrate-owncase", help="khớp mô hình nhận câu hỏi về trường hợp riêng của đoàn viên")
    s.add_argument("questions", nargs="+", help=".jsonl: question và own (true/false) hoặc route, hoặc câu hỏi tin tức (article_id)")
    s.add_argument("--articles", metavar="DIR", required=True, help="bài viết mà câu hỏi tin tức hỏi về")
    s.add_argument("--out", metavar="FILE", help="ghi mô hình vào tệp này (mặc định: retrieval/hoidap/own_case.json)")
    s.set_defaults(func=commands.cmd_calibrate_owncase)

    s = sub.add_parser("calibrate-followup",
                       help="khớp mô hình nhận câu hỏi nối tiếp trên hội thoại dựng từ tệp câu hỏi")
    s.add_argument("questions")
    s.add_argument("--articles", metavar="DIR", help="dựng kho tạm từ thư mục này trước")
    s.add_argument("--out", metavar="FILE", help="ghi mô hình vào tệp này (mặc định: retrieval/conversation/continuation.json)")
    s.set_defaults(func=commands.cmd_calibrate_followup)

    s = sub.add_parser("calibrate", help="khớp mô hình quyết định trả lời/từ chối trên tệp câu hỏi")
    s.add_argument("questions")
    s.add_argument("--articles", metavar="DIR", help="dựng kho tạm từ thư mục này trước")
    s.set_defaults(func=commands.cmd_calibrate)
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
        print(texts.MODEL_FAILED.format(cause=e), file=sys.stderr)
        return 3
    except DatabaseError as e:
        print(texts.DB_FAILED.format(cause=texts.explain(e)), file=sys.stderr)
        return 5


def _quiet_libraries() -> None:
    """Model-loading chatter (progress bars, load reports) is noise for admins. Said through the
    environment, which transformers reads when (if ever: the ONNX engine never needs it) it is
    imported — importing it here only to quiet it cost every command and every start 1–4 s."""
    import os

    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")


if __name__ == "__main__":
    sys.exit(main())
