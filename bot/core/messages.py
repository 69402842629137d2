"""What flows between the channels and the conversation core: platform-neutral
messages in, replies and broadcast posts out, and the errors a channel reports."""
from __future__ import annotations

import hashlib
import logging
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Awaitable, Callable, Protocol

from retrieval.api import Answer, fold

from . import texts

log = logging.getLogger(__name__)


@dataclass
class Incoming:
    platform: str  # "telegram" | "zalo" | "web" | "terminal"
    chat_id: str
    user_id: str
    text: str = ""
    chat_type: str = "private"  # "private" | "group"
    kind: str = "text"  # text | sticker | photo | voice | file | other
    command: str | None = None  # "hoi" for "/hoi ...", without the slash
    args: str = ""
    addressed: bool = True  # in groups: a command, a mention or a reply to the bot
    display_name: str = ""
    is_chat_admin: bool = False  # admin of the group itself (Telegram getChatMember)
    file_name: str | None = None
    file_bytes: bytes | None = None
    notify: Callable[[str], Awaitable[None]] | None = None  # progress messages during long admin work

    async def say(self, text: str) -> None:
        if self.notify is not None:
            try:
                await self.notify(text)
            except Exception:  # progress is best effort; the final reply still comes
                log.warning("progress message failed", exc_info=True)


@dataclass
class Post:
    """A broadcast: a new article in short (or a reminder of an event), each channel renders it."""
    article_id: str
    title: str
    date: str | None
    url: str | None
    summary: str
    key: str = ""  # its row in the broadcast ledger: the article id, or a reminder's key
    header: str = ""  # the first line; empty: "Bài viết mới"

    def __post_init__(self) -> None:
        self.key = self.key or self.article_id


@dataclass
class Reply:
    text: str = ""  # plain text (adapters escape it)
    answer: Answer | None = None
    post: Post | None = None
    question_id: int | None = None  # enables the buttons / feedback
    buttons: list[tuple[str, str]] = field(default_factory=list)  # (label, action) extra buttons
    retry_after: int | None = None  # set when the member is asking too fast (the web answers 429)
    understood: str | None = None  # a follow-up read together with the previous question: what was asked


class ChannelError(RuntimeError):
    """A channel cannot start; the message names the cause for the admin."""


class ChatGone(Exception):
    """The bot was blocked or removed: unsubscribe the chat."""


class ChatMoved(Exception):
    """The chat has a new id (Telegram group → supergroup)."""

    def __init__(self, new_id: str):
        super().__init__(new_id)
        self.new_id = str(new_id)


class SendFailed(Exception):
    """Any other failure: recorded, not retried automatically."""


def send_backoff(settings, failures: int) -> float:
    """The wait after this many failed sends in a row: UNIONBOT_SEND_BACKOFF_SECONDS, doubling with
    each, up to UNIONBOT_SEND_BACKOFF_MAX_SECONDS (replies and broadcast posts alike)."""
    return min(settings.send_backoff_max_seconds, settings.send_backoff_seconds * 2 ** failures)


class SendLater(Exception):
    """The messenger is away (a 5xx answer, unreachable): it took nothing, so the send is tried
    again after a backoff. A send that timed out after reaching it is SendUnknown instead."""


async def post_pieces(pieces: list, send_piece: Callable[[int, object], Awaitable[None]]) -> None:
    """A broadcast post in pieces, in order. The messenger away before the first piece is SendLater
    (the ledger sends the whole post again); after it, a retry would repeat the pieces delivered, so
    it is SendFailed naming how far it got."""
    for i, piece in enumerate(pieces):
        try:
            await send_piece(i, piece)
        except SendLater as e:
            if i == 0:
                raise
            raise SendFailed(texts.POST_PARTLY_SENT.format(sent=i, total=len(pieces), cause=e)) from e


class SendUnknown(SendFailed):
    """The request reached the messenger and its answer never came (a read timeout). Telegram
    and Zalo can deliver a message whose answer was lost and offer no way to ask, so it is never
    repeated (nothing is sent twice); the channel is in doubt until its ping answers again."""


class Sender(Protocol):
    """What a broadcast needs of a channel. `doubtful` is true after a send timed out; `ping`
    (an API call with no effect) raises SendLater while the messenger still does not answer."""
    doubtful: bool

    async def post(self, chat_id: str, post: Post) -> None: ...

    async def ping(self) -> None: ...


def article_key(article_id: str) -> str:
    """Short stable key for button payloads (Telegram allows 64 bytes)."""
    return hashlib.sha1(article_id.encode()).hexdigest()[:16]


FOR_ANOTHER_BOT = "@"  # parse_command's command for "/lenh@another_bot" (no command name has an "@")


def parse_command(text: str, bot_username: str | None = None) -> tuple[str | None, str]:
    """"/hoi@UnionBot câu hỏi" → ("hoi", "câu hỏi"); "/hoi: câu hỏi" and "/hoi?" too (members type
    punctuation after the command), typed with accents ("/tìm …" is /tim); a command for another bot →
    (FOR_ANOTHER_BOT, ""); anything else → (None, text), a plain question — also a slash before a number
    ("/24h có tin gì mới?", "/2 ngày phép …"): no command starts with a digit."""
    m = re.match(r"^/([^\W\d]\w*)(?:@(\w+))?(?:[\s:,.;?!]+(.*))?$", unicodedata.normalize("NFC", text.strip()), re.S)
    if not m:
        return None, text
    if m.group(2) and bot_username and m.group(2).lower() != bot_username.lower():
        return FOR_ANOTHER_BOT, ""
    return fold(m.group(1)), (m.group(3) or "").strip()
