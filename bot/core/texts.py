"""Every Vietnamese sentence the bot says to members and admins, in one place."""

NOT_FOUND = "Xin lỗi, các bài viết hiện có chưa nêu thông tin này."
NOT_FOUND_NEAREST = "Các bài gần nhất với câu hỏi:"
NOT_FOUND_HINT = "Bạn thử hỏi cụ thể hơn (tên đơn vị, năm, tên phong trào) nhé."
EMPTY_KB = "Kho bài viết đang trống, chưa thể trả lời. Quản trị viên cần nạp bài viết trước."
EMPTY_QUESTION = "Bạn hãy gõ câu hỏi, ví dụ: “Khẩu hiệu thi đua năm nay là gì?”"
TOO_LONG = "Câu hỏi dài quá ({n} ký tự). Bạn hãy hỏi ngắn gọn trong khoảng {limit} ký tự nhé."
SOURCE = "📰 Nguồn:"
# Under a sentence from the union's language model (UNIONBOT_LLM_URL): what follows is the article's own words.
FLUENT_QUOTE = "Nguyên văn trong bài:"
ALSO = "Câu này trong bài cũng có thể là câu trả lời:"  # a close runner-up sentence, quoted under the first
NON_TEXT = "Mình chỉ đọc được tin nhắn chữ. Bạn hãy gõ câu hỏi về hoạt động công đoàn nhé."
INTERNAL_ERROR = "Xin lỗi, hệ thống đang gặp sự cố khi trả lời. Bạn vui lòng thử lại sau ít phút."
FLOOD = "Bạn hỏi hơi nhanh 🙂 Vui lòng đợi khoảng {seconds} giây rồi hỏi tiếp nhé."
NOT_ADMIN = "Lệnh này chỉ dành cho quản trị viên."
UNKNOWN_COMMAND = "Mình chưa hiểu lệnh này. Gõ /help để xem các lệnh."
GROUP_HOI_USAGE = "Trong nhóm, hãy hỏi bằng lệnh: /hoi <câu hỏi>"
NO_LAST_ANSWER = "Chưa có câu trả lời nào để xem nguồn. Bạn hãy đặt câu hỏi trước nhé."
PASSAGE_HEADER = "Đoạn trích từ bài “{title}”:"
RELATED_HEADER = "Các bài liên quan:"
RELATED_NONE = "Không có bài liên quan nào khác."
FEEDBACK_THANKS = "Cảm ơn bạn đã góp ý!"
TYPING = "Đang soạn…"
BUTTON_PASSAGE = "Đoạn trích"
BUTTON_RELATED = "Bài liên quan"
EXPIRED = "Câu trả lời này đã cũ, bạn hãy hỏi lại nhé."

HELP = (
    "Xin chào! Mình là UnionBot — trợ lý hỏi đáp về hoạt động công đoàn.\n"
    "Mình trả lời từ {articles} bài viết (mới nhất: {newest}), luôn kèm nguồn bài viết.\n\n"
    "Bạn có thể hỏi, ví dụ:\n{examples}\n\n"
    "{howto}\n"
    "Hỏi tiếp được luôn (“còn năm ngoái thì sao?”, “tổ chức ở đâu?”). /lich: hoạt động sắp tới · "
    "/tim <từ khóa>: tìm bài viết · /moi: bài mới nhất."
)
HOWTO_PRIVATE = "Cứ gõ câu hỏi, có dấu hay không dấu đều được."
HOWTO_GROUP = "Trong nhóm: /hoi <câu hỏi>, hoặc nhắc tên mình, hoặc trả lời tin nhắn của mình."
HOWTO_ZALO = "Cứ gõ câu hỏi, có dấu hay không dấu đều được. Gõ /nguon để xem đoạn trích của câu trả lời gần nhất."
COMMANDS = {
    "start": "Giới thiệu và câu hỏi mẫu",
    "help": "Hướng dẫn sử dụng",
    "hoi": "Đặt câu hỏi (dùng trong nhóm)",
    "nguon": "Xem đoạn trích của câu trả lời gần nhất",
    "lich": "Các hoạt động sắp tới",
    "tim": "Tìm bài viết theo từ khóa",
    "moi": "Các bài viết mới nhất",
}

CHAT_PROMPT = "\nBạn: "  # `unionbot chat`: before the member's line
CHAT_WELCOME = "UnionBot — hỏi đáp công đoàn. Gõ câu hỏi; /nguon xem đoạn trích; /thoat để thoát."
CHAT_BYE = "Tạm biệt!"
SAMPLE_CREATED = "Đã tạo kho mẫu: {n} bài viết."


# Admin
ADMIN_LIST_HEADER = "Các bài viết mới nhất ({n}/{total}):"
ADMIN_LIST_EMPTY = "Kho bài viết trống."
ADMIN_REMOVE_USAGE = ("Cách dùng: /xoa <mã bài viết hoặc mã mục hỏi đáp> (mã bài xem bằng /baiviet, "
                      "mã mục hỏi đáp trong /hoidap)")
ADMIN_REMOVED = "Đã xóa bài “{title}” ({id}) và cập nhật chỉ mục."
ADMIN_REMOVED_FAQ = "Đã xóa mục hỏi đáp “{question}” ({id}) và cập nhật chỉ mục."
ADMIN_REMOVED_COMES_BACK = ("⚠️ Bài này vẫn còn trong nguồn {source}: lần /reload sau sẽ thêm lại. "
                            "Hãy xóa nó khỏi tệp hoặc thư mục nguồn.")
ADMIN_REMOVED_FAQ_COMES_BACK = ("⚠️ Mục này vẫn còn trong nguồn {source}: lần /reload sau sẽ thêm lại. "
                                "Hãy xóa nó khỏi tệp hoặc thư mục nguồn.")
ADMIN_NOT_FOUND_ID = "Không có bài viết với mã “{id}”."
ADMIN_NOT_FOUND_REMOVE = "Không có bài viết hay mục hỏi đáp nào mã “{id}” (mã bài xem bằng /baiviet)."
ADMIN_STATS = (
    "📊 Thống kê\n"
    "Bài viết: {articles} · đoạn: {chunks}\n"
    "7 ngày qua: {asked} câu hỏi, trả lời được {answered}, không tìm thấy {not_found}\n"
    "Góp ý: 👍 {up} · 👎 {down}\n"
    "{top}"
)
ADMIN_STATS_TOP = "Câu hỏi chưa có câu trả lời nhiều nhất:"
ADMIN_STATS_TOP_NONE = "Chưa có câu hỏi nào thiếu câu trả lời."
RELOAD_START = "⏳ Đang nạp lại tất cả nguồn ({n} nguồn)…"
RELOAD_PROGRESS = "⏳ Đã đọc {done}/{total} nguồn ({pct}%)…"
RELOAD_INDEXING = "⏳ Đang dựng chỉ mục tìm kiếm mới (thành viên vẫn hỏi đáp bình thường)…"
RELOAD_DONE = ("✅ Nạp lại xong trong {seconds:.0f} giây.\n"
               "Bài viết: thêm {added} · cập nhật {updated} · xóa {removed} · không đổi {unchanged}\n"
               "Tổng: {articles} bài, {chunks} đoạn.{skipped}")
RELOAD_SKIPPED = "\nBỏ qua {n}:\n{items}"
DISK_FULL = "hết dung lượng đĩa — hãy giải phóng chỗ trống trên máy chủ rồi /reload lại ({cause})"
RELOAD_FAILED = "❌ Dựng chỉ mục thất bại: {cause}\nChỉ mục cũ vẫn đang phục vụ, không mất câu trả lời nào."
ADD_USAGE = "Cách dùng: /them <đường dẫn bài viết>, hoặc gửi tệp {formats} cho bot."  # formats: loaders.SUPPORTED
ADD_FETCHING = "⏳ Đang tải {url}…"
ADD_FAILED = "❌ Không thêm được: {cause}"
ADD_DONE = "✅ {status} bài viết “{title}”{date}\nMã: {id}\n\n{preview}"
ADD_STATUS = {"added": "Đã thêm", "updated": "Đã cập nhật", "unchanged": "Không có gì mới ở"}
FILE_TOO_BIG_FOR_TELEGRAM = ("❌ Tệp quá lớn ({mb:.1f} MB): Telegram chỉ cho bot tải tệp đến {limit:g} MB. "
                             "Hãy chia nhỏ tệp, hoặc nạp nó trên máy chủ bằng lệnh unionbot ingest.")

# Subscriptions and broadcasts
SUBSCRIBED = "✅ Đã đăng ký: {where} sẽ nhận tin khi có bài viết mới. Hủy bằng /huydangky."
ALREADY_SUBSCRIBED = "{where} đã đăng ký nhận tin rồi."
UNSUBSCRIBED = "Đã hủy đăng ký nhận tin bài viết mới."
NOT_SUBSCRIBED = "{where} chưa đăng ký nhận tin."
WHERE_GROUP = "Nhóm này"
WHERE_PRIVATE = "Bạn"
SUBSCRIBE_GROUP_ADMIN_ONLY = "Chỉ quản trị viên của nhóm mới đăng ký/hủy nhận tin cho nhóm."
POST_HEADER = "📢 Bài viết mới"
BUTTON_ASK_ABOUT = "Hỏi về bài này"
ASK_ABOUT = "Bạn có thể hỏi về bài “{title}”, ví dụ:\n{examples}\n\nTrong nhóm: /hoi <câu hỏi>."
BROADCAST_USAGE = "Cách dùng: /phatsong <mã bài viết> (xem mã bằng /baiviet)"
BROADCAST_PREVIEW = "Xem trước bài đăng sẽ gửi tới {n} cuộc trò chuyện đã đăng ký:"
BROADCAST_CONFIRM_ZALO = "Gõ /xacnhan để gửi, hoặc bỏ qua để hủy."
BUTTON_CONFIRM = "✅ Gửi cho {n} cuộc trò chuyện"
BROADCAST_EXPIRED = "Bản xem trước này đã quá {minutes} phút nên không gửi. Gõ lại /phatsong {id} để xem và xác nhận."
BROADCAST_NOTHING = "Không có bài nào đang chờ xác nhận. Dùng /phatsong <mã bài viết> trước."
BROADCAST_NO_SUBSCRIBERS = "Chưa có cuộc trò chuyện nào đăng ký nhận tin."
BROADCAST_ALREADY = "Bài này đã được phát tới mọi cuộc trò chuyện đã đăng ký."
BROADCAST_STARTED = "📤 Bắt đầu gửi bài “{title}” tới {n} cuộc trò chuyện…"
BROADCAST_PROGRESS = "📤 Đã gửi {done}/{total}…"
BROADCAST_REPORT = ("📬 Xong bài “{title}”: đã gửi {sent}, lỗi {failed}, "
                    "đã gỡ {removed} (bot bị chặn hoặc bị xóa khỏi nhóm).")
BROADCAST_REPORT_UNKNOWN = (" Không rõ {n} cuộc trò chuyện đã nhận được chưa (ứng dụng nhắn tin nhận bài mà không "
                            "trả lời); bot không gửi lại để khỏi gửi trùng.")
BROADCAST_WAITING = ("⏳ Ứng dụng nhắn tin đang trục trặc: còn {n} cuộc trò chuyện chờ gửi lại. Bot tự thử lại "
                     "(lần tới sau khoảng {seconds} giây) và sẽ báo khi xong.")
POST_PARTLY_SENT = "chỉ gửi được {sent}/{total} phần bài đăng: {cause}"  # (a piece failed: not resent whole)
POST_ASK_HINT = "💬 Muốn biết thêm? Cứ gõ câu hỏi về bài này."
READ_MORE = "Đọc toàn bài"
GREETING = "Xin chào! Bạn cứ hỏi về hoạt động công đoàn — phong trào, khẩu hiệu, ngày tháng, sự kiện. Gõ /help để xem ví dụ."
THANKS = "Rất vui được giúp bạn! Cần gì cứ hỏi tiếp nhé."
# A message with no word to search ("😀", "?", ".", "Hỏi" alone): what to type instead
NO_CONTENT = "Mình chưa thấy câu hỏi trong tin nhắn này. Bạn hãy gõ câu hỏi bằng chữ, ví dụ: “Khẩu hiệu thi đua năm nay là gì?”"

# -- command line (admins at a terminal) -------------------------------------------------
CLI_EMPTY_KB = "Kho bài viết trống. Dùng `unionbot ingest THƯ_MỤC` để nạp bài."
CLI_LIST_TOTAL = "— {n} bài viết"
CLI_LIST_ARTICLE = "{id:<40} {date:<10} {chunks:>3} đoạn  {title}"
CLI_LIST_ENTRY = "{id:<40} {date:<10} hỏi đáp  {question}"
CLI_SHOW_QUESTION = "H: {question}"
CLI_SHOW_ANSWER = "Đ: {answer}"
CLI_SHOW_HEADER = "{title}\nNgày: {date}\nNguồn: {source}\n"
CLI_SHOW_CHUNK = "\n[đoạn {ord} · {id} · {chars} ký tự]\n  dữ kiện: {facts}"
CLI_LIST_FAQ = ", {n} hỏi đáp"
CLI_NO_ARTICLE = "Không có bài viết hay mục hỏi đáp nào mã “{id}”."
CLI_REMOVED = "Đã xóa bài viết “{id}”."
CLI_REMOVED_FAQ = "Đã xóa mục hỏi đáp “{id}”."
CLI_BAD_QUESTIONS = "Không đọc được tệp câu hỏi: {cause}"
CLI_LOADING = "Đang nạp mô hình và chỉ mục…"
CLI_EVAL_KB = "Kho tạm: {n} bài viết."
CLI_EVAL_NO_LLM = "--llm cần máy chủ mô hình: đặt UNIONBOT_LLM_URL (và UNIONBOT_LLM_MODEL), xem docs/fluent-answers.md."
TOKEN_MISSING = {"telegram": "Thiếu UNIONBOT_TELEGRAM_TOKEN (lấy từ @BotFather).",
                 "zalo": "Thiếu UNIONBOT_ZALO_TOKEN (lấy từ Zalo Bot Creator)."}
NO_CHANNELS = "chưa có kênh nhắn tin (chưa đặt token)"
SERVE_UP = "UnionBot đang chạy — trang hỏi đáp: http://{host}:{port}/ · kênh: {channels}"
START_FAILED = "Không khởi động được: {cause}"
DB_FAILED = "Lỗi cơ sở dữ liệu: {cause}\nKiểm tra UNIONBOT_DATABASE_URL (hoặc UNIONBOT_DATA_DIR)."
BACKUP_DONE = "Đã sao lưu {where} → {path} ({mb:.1f} MB; câu hỏi cũ hơn {days} ngày không có trong bản sao lưu)."
BACKUP_FAILED = "Sao lưu thất bại: {cause}"
RESTORE_DONE = "Đã khôi phục {path} → {where}: {articles} bài viết, {entries} mục hỏi đáp; chỉ mục đã dựng, bot trả lời được ngay."
RESTORE_FAILED = "Không khôi phục được: {cause}"
MIGRATE_SAME = "Kho đích trùng kho hiện tại ({where}): không có gì để chuyển."
MIGRATE_DONE = "Đã chuyển {where_from} → {where_to}:\n{tables}\nĐặt UNIONBOT_DATABASE_URL={url} để bot dùng kho mới."
MODEL_FAILED = "Lỗi mô hình nhúng: {cause}\nKiểm tra UNIONBOT_EMBED_MODEL (tên mô hình hoặc đường dẫn)."
CLI_CALIBRATED = "Đã khớp mô hình quyết định trên {n} câu ({pos} trả lời được, {neg} không): {path} (ngưỡng {threshold:.3f})"
CLI_FOLLOWUP_CALIBRATED = ("Đã khớp mô hình câu hỏi nối tiếp trên {n} lượt ({follows} nối tiếp, {fresh} câu mới): "
                           "{path} (ngưỡng {threshold:.3f})")
CLI_OWNCASE_CALIBRATED = ("Đã khớp mô hình trường hợp riêng trên {questions} câu ({own} trường hợp riêng, {news} câu "
                          "tin tức): {path}.\nKiểm định chéo (theo mục / theo bài): {own_recognised}/{own} trường hợp "
                          "riêng được nhận ra; {news_taken_for_own}/{news} câu tin tức bị coi là trường hợp riêng.")
CLI_FAQ_CALIBRATED = ("Đã khớp ngưỡng hỏi đáp trên {questions} câu ({with_entry} có mục trả lời): {path} "
                      "(ngưỡng {threshold:.3f}).\nKiểm định chéo theo mục: {entry_answer:.0%} câu có mục được trả lời "
                      "đúng mục; {wrong_entry} câu nhận câu trả lời không phải của mình (trong đó {without_entry_answered} câu "
                      "không có mục nào).")

# -- the web page's API (JSON errors a browser or a script can show) -------------------------
WEB_BAD_JSON = "Yêu cầu phải là JSON dạng {\"question\": \"câu hỏi\"}."
WEB_NOT_JSON = "Chỉ nhận nội dung JSON (Content-Type: application/json)."
WEB_TOO_BIG = "Yêu cầu quá lớn (tối đa {kb} KB)."
WEB_BAD_FEEDBACK = "Góp ý phải là JSON dạng {\"ref\": \"mã câu trả lời\", \"value\": 1 hoặc -1}."
WEB_COMMAND_ELSEWHERE = "Lệnh /{command} không dùng được trên trang web, chỉ trên Telegram hoặc Zalo."
UNDERSTOOD = "(về: {question})"
WEB_KNOWLEDGE = "Trả lời từ {articles} bài viết · mới nhất: {newest}"

# -- what is coming up (/lich, "sắp tới có hoạt động gì?") ------------------------------------
UPCOMING_HEADER = "📅 Sắp tới, theo các bài viết:"
UPCOMING_MONTH_HEADER = "📅 Tháng {month}, theo các bài viết:"
UPCOMING_LINE = "• {date} — {text}\n  📰 {title}"
NO_UPCOMING = "Các bài viết hiện có chưa nêu hoạt động sắp tới nào."
NO_UPCOMING_MONTH = "Các bài viết hiện có chưa nêu hoạt động nào trong tháng {month} sắp tới."
LATEST_ARTICLES = "Bài mới nhất:"

# -- a member's own case (routed to people, never answered from the news) -------------------
ROUTE_INTRO = ("Câu hỏi này liên quan đến quyền lợi hoặc trường hợp riêng của bạn — các bài tin tức không "
               "trả lời được, cán bộ công đoàn sẽ tư vấn trực tiếp:")
ROUTE_RELATED = "Có thể liên quan:"

# -- browsing (/tim, /moi) ----------------------------------------------------------------------
FIND_USAGE = "Gõ /tim kèm từ khóa, ví dụ: /tim mái ấm công đoàn"
FIND_HEADER = "🔎 Bài viết về “{query}”:"
FIND_NONE = "Không có bài viết nào về “{query}”. Thử từ khóa khác, hoặc gõ /moi để xem bài mới nhất."
LATEST_HEADER = "🆕 Bài viết mới nhất:"
FIND_MORE = "Xem thêm"
REMINDER_HEADER = "⏰ Nhắc lịch: ngày mai, {date}"

# -- curated hỏi đáp ----------------------------------------------------------------------------
FAQ_HEADER = "📘 Hỏi đáp của Công đoàn"
FAQ_UPDATED = " · cập nhật {date}"
FAQ_BASIS = "Căn cứ: {basis}"
FAQ_SOURCE = "Trả lời: {source}"
FAQ_SOURCE_ADMIN = "quản trị viên ({platform})"  # who answered an entry made with /traloi
ADD_FAQ_DONE = "✅ Hỏi đáp {status}: “{question}” (mã {id})."
HOIDAP_HEADER = "Câu hỏi chưa có câu trả lời (7 ngày qua) — trả lời bằng /traloi <mã> <câu trả lời>:"
HOIDAP_NONE = "Không có câu hỏi nào chưa được trả lời trong 7 ngày qua."
HOIDAP_CLOSEST = "   ↳ mục gần nhất: {id} (“{question}”)"
HOIDAP_ADD_PHRASING = ("Nếu mục gần nhất trả lời đúng câu hỏi, thêm cách hỏi đó vào mục: "
                       "/them_cauhoi <mã mục> <câu hỏi>.")
THEM_CAUHOI_USAGE = "Cách dùng: /them_cauhoi <mã mục hỏi đáp> <câu hỏi> (mã mục lấy từ /hoidap)."
THEM_CAUHOI_NO_ENTRY = "Không có mục hỏi đáp mã “{id}”. Xem mã mục trong /hoidap."
THEM_CAUHOI_ALREADY = "Mục {id} đã có đúng cách hỏi này."
THEM_CAUHOI_DONE = "✅ Đã thêm cách hỏi vào mục {id}: “{question}” (mục có {n} cách hỏi)."
TRALOI_USAGE = "Cách dùng: /traloi <mã câu hỏi> <câu trả lời> (mã lấy từ /hoidap)."
TRALOI_NO_QUESTION = "Không có câu hỏi mã {id} (có thể đã quá hạn lưu)."

# Channels that cannot start (the admin reads these when `unionbot serve` stops)
TELEGRAM_TOKEN_REFUSED = "Telegram từ chối token (UNIONBOT_TELEGRAM_TOKEN sai, …{tail})"
TELEGRAM_UNREACHABLE = "Không kết nối được Telegram Bot API: {cause}"
ZALO_TOKEN_REFUSED = "Zalo từ chối token (UNIONBOT_ZALO_TOKEN sai hoặc đã bị thu hồi)."
ZALO_UNREACHABLE = "Không kết nối được Zalo Bot API: {cause}"
ZALO_API_ERROR = "Zalo API lỗi {code}: {description}"

# Why a file, page, feed or database could not be used: knowledge's Problem codes (knowledge/problems.py)
# worded for the admin, with their facts. A fact that is itself a Problem (a row of a file, the page a
# feed linked) is worded too; a list is joined by "; ", the supported formats by ", ".
PROBLEMS = {
    # files (knowledge.loaders, knowledge.ingest)
    "too_big": "tệp quá lớn: {mb:.1f} MB (giới hạn UNIONBOT_MAX_FILE_MB = {limit_mb:g} MB)",
    "too_long": "bài “{title}” quá dài: {chars:,} ký tự (giới hạn UNIONBOT_MAX_ARTICLE_CHARS = {limit:,})",
    "no_text": "không có nội dung (no text after cleaning)",
    "empty_file": "tệp rỗng (empty file)",
    "title_only": "chỉ có tiêu đề, không có nội dung (title only, no body)",
    "no_main_text": "không tìm thấy nội dung chính trong HTML (no main text found)",
    "broken_docx": "tệp Word hỏng ({error})",
    "docx_no_text": "tệp Word không có chữ (no text)",
    "faq_fields": "hỏi đáp cần 'question' (hoặc 'questions') và 'answer'",
    "not_object": "bản ghi JSON phải là một object",
    "no_text_field": "bản ghi JSON thiếu trường 'text'",
    "field_not_text": "trường '{field}' phải là chữ, không phải {kind}",
    "encoding": "không đọc được bảng mã của tệp (not UTF-8, UTF-16 or Windows-1258 text)",
    "format": "định dạng không hỗ trợ: {suffix} (nhận {supported})",
    "csv": "CSV lỗi: {error}",
    "json": "JSON lỗi ở dòng {line}: {error}",
    "json_row": "JSON lỗi ({error})",
    "no_records": "tệp không có bài viết hay mục hỏi đáp nào (no records)",
    "row": "dòng {line}: {cause}",
    "rows": "{rows}",
    "error": "{error}",  # an unexpected failure: the library's own words
    "missing": "không tồn tại (not found)",
    "empty_folder": "không có tệp nào (empty folder)",
    "none_supported": "không có tệp nào được hỗ trợ ({supported})",
    # web pages and feeds (knowledge.fetch)
    "scheme": "địa chỉ phải bắt đầu bằng http:// hoặc https:// ({url})",
    "unresolved": "không phân giải được tên miền {host}",
    "private": ("từ chối tải địa chỉ nội bộ {host} ({ip}); đặt UNIONBOT_ALLOW_PRIVATE_URLS=true nếu đây là máy chủ "
                "tin nội bộ của đơn vị"),
    "http": "máy chủ trả về lỗi HTTP {status} cho {url}",
    "page_too_big": "trang quá lớn (hơn {mb} MB): {url}",
    "too_slow": "tải quá {seconds:g} giây, bỏ dở: {url}",
    "redirects": "chuyển hướng quá nhiều lần: {url}",
    "timeout": "hết thời gian chờ khi tải {url}",
    "unreachable": "không tải được {url}: {error}",
    "not_html": "không phải trang web (HTML) mà là {content_type}: {url}",
    "page": "{url}: {cause}",
    "not_feed": "nguồn tin {url} không phải RSS/Atom hợp lệ",
    # the database (knowledge.db, knowledge.store)
    "open": "không mở được cơ sở dữ liệu {where}: {error}",
    "restore_not_empty": "cơ sở dữ liệu {where} đã có dữ liệu: chỉ khôi phục vào một kho trống",
    "migrate_not_empty": "kho đích {where} đã có dữ liệu: chỉ chuyển vào một kho trống",
    "pg_tool": "không tìm thấy {name} (cài gói postgresql-client)",
    "pg_connect": "không kết nối được PostgreSQL {where}: {error}",
    "pg_program": "{name} {where}: {error}",
}
PROBLEM_NO_SUFFIX = "(không đuôi)"  # a file named without an extension
INGEST_SUMMARY = "Đã thêm {added} · cập nhật {updated} · không đổi {unchanged} · bỏ qua {skipped}"
INGEST_SUMMARY_REMOVED = " · đã xóa {removed}"
INGEST_RENAMED = "  đổi mã {old} → {new}: mã “{old}” đã thuộc bài từ nguồn khác"
INGEST_SKIPPED = "  bỏ qua {name}: {why}"


def explain(cause) -> str:
    """A failure in the admin's words: a knowledge Problem by its code and facts, anything else as it
    says itself (a code with no wording here still names itself and its facts)."""
    template = PROBLEMS.get(getattr(cause, "code", None))
    if template is None:
        return str(cause)
    facts = {k: _fact(v) for k, v in cause.facts.items()}
    if "suffix" in facts:
        facts["suffix"] = facts["suffix"] or PROBLEM_NO_SUFFIX
    try:
        return template.format(**facts)
    except (KeyError, IndexError, ValueError):  # a fact renamed in knowledge: still the code and its facts
        return str(cause)


def _fact(value):
    if hasattr(value, "code") and hasattr(value, "facts"):
        return explain(value)
    if isinstance(value, list):
        return "; ".join(explain(v) for v in value)
    if isinstance(value, tuple):
        return ", ".join(map(str, value))
    return value


def ingest_summary(report) -> str:
    """What `unionbot ingest` read: the counts, ids given anew, and every file skipped with its cause."""
    lines = [INGEST_SUMMARY.format(added=len(report.added), updated=len(report.updated),
                                   unchanged=len(report.unchanged), skipped=len(report.skipped))
             + (INGEST_SUMMARY_REMOVED.format(removed=len(report.removed)) if report.removed else "")]
    lines += [INGEST_RENAMED.format(old=old, new=new) for old, new in report.renamed]
    lines += [INGEST_SKIPPED.format(name=name, why=explain(why)) for name, why in report.skipped]
    return "\n".join(lines)
