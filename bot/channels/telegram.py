"""Telegram adapter (python-telegram-bot): updates → core → HTML replies with buttons.

Thin by design: it translates, renders and sends; the core decides.
"""
from __future__ import annotations

import asyncio
import logging
import re
import secrets

import httpx

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route
from telegram import (BotCommand, InlineKeyboardButton, InlineKeyboardMarkup, LinkPreviewOptions, MessageEntity,
                      ReplyParameters, Update)
from telegram.constants import ChatAction, ChatType, ParseMode
from telegram.error import (BadRequest, ChatMigrated, Forbidden, InvalidToken, NetworkError, RetryAfter, TelegramError,
                            TimedOut)
from telegram.ext import (AIORateLimiter, Application, ApplicationBuilder, CallbackQueryHandler, ContextTypes,
                          MessageHandler, filters)

from ..core import render, texts
from ..core.admin import upload_refusal
from ..core.conversation import Core
from ..core.messages import (ChannelError, ChatGone, ChatMoved, Incoming, Post, Reply, SendFailed, SendLater,
                             SendUnknown, FOR_ANOTHER_BOT, article_key, parse_command, post_pieces)
from .base import checked_json, deliver

log = logging.getLogger(__name__)
WEBHOOK_PATH = "/telegram/webhook"
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"


def _keyboard(qid: int) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup([
        [InlineKeyboardButton(texts.BUTTON_PASSAGE, callback_data=f"p:{qid}"),
         InlineKeyboardButton(texts.BUTTON_RELATED, callback_data=f"r:{qid}")],
        [InlineKeyboardButton("👍", callback_data=f"f:{qid}:1"),
         InlineKeyboardButton("👎", callback_data=f"f:{qid}:-1")],
    ])


# Bot API getFile: a bot may download files up to 20 MB, whatever UNIONBOT_MAX_FILE_MB allows
# (larger ones: "file is too big").
TELEGRAM_DOWNLOAD_MB = 20


def _took_nothing(e: NetworkError) -> bool:
    """A 5xx answer or a request never (wholly) sent: Telegram has not got the message. A timeout
    waiting for the answer (or a 4xx, which PTB also raises as NetworkError) is not that."""
    if isinstance(e, BadRequest):
        return False
    if isinstance(e, TimedOut):
        return isinstance(e.__cause__, (httpx.ConnectTimeout, httpx.PoolTimeout, httpx.WriteTimeout)) \
            or "Pool timeout" in str(e)
    return not isinstance(e.__cause__, httpx.RemoteProtocolError)  # closed without an answer: unknown


class TelegramChannel:
    name = "telegram"

    def __init__(self, core: Core, token: str | None = None, api_url: str | None = None,
                 webhook_url: str | None = None, webhook_secret: str | None = None, poll_timeout: int = 10):
        s = core.settings
        self.core = core
        self.token = token or s.telegram_token
        self.webhook_url = webhook_url if webhook_url is not None else s.telegram_webhook_url
        self.webhook_secret = webhook_secret or s.telegram_webhook_secret or secrets.token_urlsafe(32)
        base = (api_url or s.telegram_api_url).rstrip("/")
        if not base.endswith("/bot"):
            base += "/bot"
        self.app: Application = (
            ApplicationBuilder().token(self.token).base_url(base).base_file_url(base.replace("/bot", "/file/bot"))
            .connect_timeout(s.send_timeout_seconds).read_timeout(s.send_timeout_seconds)
            .write_timeout(s.send_timeout_seconds).pool_timeout(s.send_timeout_seconds)
            .rate_limiter(AIORateLimiter(max_retries=3)).concurrent_updates(True).build())
        self.app.add_handler(CallbackQueryHandler(self.on_button))
        # New messages only: an edited question is not answered twice; channel posts are not members.
        self.app.add_handler(MessageHandler(filters.UpdateType.MESSAGE, self.on_message))
        self.app.add_error_handler(self.on_error)
        self.running = False
        self.doubtful = False  # a send timed out: ping before the next one (base.deliver, broadcasts)
        self.poll_timeout = poll_timeout  # long-poll seconds; stop() waits for the current poll

    # -- lifecycle -------------------------------------------------------
    async def start(self) -> None:
        try:
            await self.app.initialize()
        except InvalidToken as e:  # the token itself is never printed (it is a password)
            raise ChannelError(texts.TELEGRAM_TOKEN_REFUSED.format(
                tail=self.token[-4:] if len(self.token) > 8 else "")) from e
        except TelegramError as e:
            raise ChannelError(texts.TELEGRAM_UNREACHABLE.format(cause=str(e).replace(self.token, "***"))) from e
        await self.app.start()
        try:
            await self.app.bot.set_my_commands([BotCommand(k, v) for k, v in texts.COMMANDS.items()])
        except TelegramError as e:
            log.warning("setMyCommands failed: %s", e)
        if self.webhook_url:
            await self.app.bot.set_webhook(url=self.webhook_url.rstrip("/") + WEBHOOK_PATH,
                                           secret_token=self.webhook_secret, allowed_updates=Update.ALL_TYPES)
        else:
            await self.app.bot.delete_webhook()
            await self.app.updater.start_polling(poll_interval=0.0, timeout=self.poll_timeout, allowed_updates=Update.ALL_TYPES)
        self.running = True
        log.info("Telegram channel up as @%s (%s)", self.app.bot.username, "webhook" if self.webhook_url else "polling")

    async def stop(self) -> None:
        if not self.running:
            return
        self.running = False
        if self.app.updater and self.app.updater.running:
            await self.app.updater.stop()
        await self.app.stop()  # waits for in-flight handlers
        await self.app.shutdown()

    def routes(self) -> list[Route]:
        return [Route(WEBHOOK_PATH, self.webhook, methods=["POST"])]

    async def webhook(self, request: Request) -> Response:
        body = await checked_json(request, SECRET_HEADER, self.webhook_secret)
        if isinstance(body, Response):
            return body
        try:
            update = Update.de_json(body, self.app.bot)
        except Exception:
            return JSONResponse({"ok": False, "error": "bad update"}, status_code=400)
        await self.app.update_queue.put(update)
        return JSONResponse({"ok": True})

    # -- updates -----------------------------------------------------------
    def _incoming(self, update: Update) -> Incoming | None:
        m = update.effective_message
        if m is None or update.effective_user is None:
            return None
        bot = self.app.bot
        chat = update.effective_chat
        private = chat.type == ChatType.PRIVATE
        text = m.text or m.caption or ""
        kind = "text" if m.text else "file" if m.document else "sticker" if m.sticker else \
            "photo" if m.photo else "voice" if (m.voice or m.audio) else "other"
        command, args = None, text
        if m.text and m.entities and m.entities[0].type == MessageEntity.BOT_COMMAND and m.entities[0].offset == 0:
            command, args = parse_command(text, bot.username)
            if command == FOR_ANOTHER_BOT:
                return None
        mentioned = bool(bot.username) and any(
            e.type == MessageEntity.MENTION and m.parse_entity(e).lower() == f"@{bot.username.lower()}"
            for e in (m.entities or []))
        if mentioned:  # (Telegram matches the username in any case: "@unionbot chào")
            args = re.sub(re.escape(f"@{bot.username}"), " ", text, flags=re.I).strip()
        replied = bool(m.reply_to_message and m.reply_to_message.from_user
                       and m.reply_to_message.from_user.id == bot.id)
        if m.document and not private and not command:
            return None  # files are only taken in private chats
        return Incoming(platform="telegram", chat_id=str(chat.id), user_id=str(update.effective_user.id),
                        text=args if command is None else text, chat_type="private" if private else "group",
                        kind=kind, command=command, args=args if command else "",
                        addressed=private or command is not None or mentioned or replied,
                        display_name=update.effective_user.full_name or "",
                        file_name=m.document.file_name if m.document else None)

    async def on_message(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        msg = self._incoming(update)
        if msg is None or (msg.chat_type == "group" and not msg.addressed):
            return
        chat_id = update.effective_chat.id
        msg.notify = lambda text: self.send(chat_id, Reply(text))
        if msg.command in ("dangky", "huydangky") and msg.chat_type == "group":
            try:
                member = await context.bot.get_chat_member(chat_id, int(msg.user_id))
                msg.is_chat_admin = member.status in ("administrator", "creator")
            except TelegramError as e:
                log.warning("getChatMember failed: %s", e)
        if msg.kind == "file" and self.core.is_admin("telegram", msg.user_id):
            size = update.effective_message.document.file_size
            refusal = upload_refusal(self.core, size)
            if not refusal and size and size > TELEGRAM_DOWNLOAD_MB * 1024 * 1024:
                refusal = texts.FILE_TOO_BIG_FOR_TELEGRAM.format(mb=size / 1024 / 1024, limit=TELEGRAM_DOWNLOAD_MB)
            if refusal:  # before downloading
                await self.send(chat_id, Reply(refusal), reply_to=update.effective_message.message_id)
                return
            f = await update.effective_message.document.get_file()
            msg.file_bytes = bytes(await f.download_as_bytearray())
        if msg.kind == "text" and (msg.command in (None, "hoi")):
            try:  # best effort: the messenger being away must not cost the answer
                await context.bot.send_chat_action(chat_id=update.effective_chat.id, action=ChatAction.TYPING)
            except TelegramError as e:
                log.debug("typing action failed: %s", e)
                self.doubtful = self.doubtful or isinstance(e, TimedOut)
        for reply in await self.core.handle(msg):
            await self.send(update.effective_chat.id, reply, reply_to=update.effective_message.message_id)

    async def send(self, chat_id: int | str, reply: Reply, reply_to: int | None = None) -> None:
        if reply.post is not None:
            pieces = render.post_messages(reply.post, render.TELEGRAM)
        elif reply.answer:
            pieces = render.answer_messages(reply.answer, render.TELEGRAM, reply.understood)
        elif reply.text or reply.buttons:
            pieces = render.text_messages(reply.text or "👇", render.TELEGRAM)
        else:
            return
        for i, html in enumerate(pieces):
            last = i == len(pieces) - 1
            markup = None
            if last and reply.answer and reply.answer.found and reply.question_id:
                markup = _keyboard(reply.question_id)
            elif last and reply.buttons:
                markup = InlineKeyboardMarkup([[InlineKeyboardButton(label, callback_data=action)]
                                               for label, action in reply.buttons])
            sent = await deliver(lambda: self._send_message(
                chat_id=chat_id, text=html, parse_mode=ParseMode.HTML, reply_markup=markup,
                # (a reply to a message deleted meanwhile is still sent, just not as a reply)
                reply_parameters=ReplyParameters(message_id=reply_to, allow_sending_without_reply=True)
                if reply_to and i == 0 else None,
                link_preview_options=LinkPreviewOptions(is_disabled=True)), self, f"telegram:{chat_id}")
            if sent is None:  # given up: the rest of this reply would read wrong without it
                return

    async def _send_message(self, **kw):
        """sendMessage; a messenger that took nothing (5xx, unreachable) raises SendLater, one that
        took the request and never answered raises SendUnknown (and puts the channel in doubt)."""
        try:
            sent = await self.app.bot.send_message(**kw)
        except NetworkError as e:
            if _took_nothing(e):
                raise SendLater(str(e) or type(e).__name__) from e
            if isinstance(e, BadRequest):
                raise
            self.doubtful = True
            raise SendUnknown(f"{type(e).__name__}: {e}") from e
        self.doubtful = False
        return sent

    async def ping(self) -> None:
        """getMe, which changes nothing: SendLater while Telegram does not answer it in time."""
        try:
            await self.app.bot.get_me()
        except NetworkError as e:
            raise SendLater(f"getMe: {type(e).__name__}: {e}") from e
        self.doubtful = False

    async def on_button(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        q = update.callback_query
        parts = (q.data or "").split(":")
        if parts[0] in self.core.actions and len(parts) == 2:
            await q.answer()
            await self._action(update, parts[0], parts[1])
            return
        try:
            kind, qid = parts[0], int(parts[1])
        except (IndexError, ValueError):
            await q.answer()
            return
        user = str(update.effective_user.id)
        if kind == "f" and len(parts) == 3:
            await q.answer(self.core.feedback(qid, "telegram", user, int(parts[2])))
            return
        await q.answer()
        reply = self.core.passage_reply(qid) if kind == "p" else self.core.related_reply(qid)
        await self.send(update.effective_chat.id, reply)

    async def _action(self, update: Update, kind: str, arg: str) -> None:
        chat = update.effective_chat
        msg = Incoming(platform="telegram", chat_id=str(chat.id), user_id=str(update.effective_user.id),
                       chat_type="private" if chat.type == ChatType.PRIVATE else "group")
        msg.notify = lambda text: self.send(chat.id, Reply(text))
        for reply in await self.core.action(kind, arg, msg):
            await self.send(chat.id, reply)

    # -- broadcasts ------------------------------------------------------
    async def post(self, chat_id: str, post: Post) -> None:
        """One broadcast post, every piece of it (a post over Telegram's 4096 characters is split,
        the button under the last); platform errors become ChatGone / ChatMoved / SendFailed."""
        markup = InlineKeyboardMarkup([[InlineKeyboardButton(texts.BUTTON_ASK_ABOUT,
                                                             callback_data=f"a:{article_key(post.article_id)}")]])
        pieces = render.post_messages(post, render.TELEGRAM)
        await post_pieces(pieces, lambda i, html: self._post_piece(chat_id, html,
                                                                   markup if i == len(pieces) - 1 else None))

    async def _post_piece(self, chat_id: str, html: str, markup: InlineKeyboardMarkup | None) -> None:
        for attempt in range(3):
            try:  # (SendLater passes through: the ledger tries again after a backoff)
                await self._send_message(chat_id=chat_id, text=html,
                                         parse_mode=ParseMode.HTML, reply_markup=markup,
                                         link_preview_options=LinkPreviewOptions(is_disabled=True))
                return
            except ChatMigrated as e:
                raise ChatMoved(str(e.new_chat_id)) from e
            except Forbidden as e:
                raise ChatGone(e.message) from e
            except RetryAfter as e:  # the rate limiter already retried; wait the rest out
                wait = e.retry_after  # seconds, or a timedelta in newer PTB
                await asyncio.sleep(wait.total_seconds() if hasattr(wait, "total_seconds") else float(wait))
            except BadRequest as e:
                if "chat not found" in e.message.lower():
                    raise ChatGone(e.message) from e
                raise SendFailed(e.message) from e
            except NetworkError as e:  # (a timeout after reaching Telegram is SendUnknown, passed on)
                raise SendFailed(f"{type(e).__name__}: {e}") from e
        raise SendFailed("Telegram kept answering 429")

    async def on_error(self, update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
        log.error("Telegram handler error: %s", context.error, exc_info=context.error)
        # No apology to a chat that blocked the bot, nor into a messenger that just timed out (it
        # may have delivered what timed out: the apology would be a second message, to no avail).
        if isinstance(update, Update) and update.effective_chat and not isinstance(context.error, (Forbidden, TimedOut)):
            try:
                await context.bot.send_message(chat_id=update.effective_chat.id, text=texts.INTERNAL_ERROR)
            except TelegramError:
                pass
