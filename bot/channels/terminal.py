"""Terminal adapter: `unionbot chat`, the same conversation core on stdin/stdout
(readline editing; /nguon shows the passage behind the last answer, /thoat quits)."""
from __future__ import annotations

import asyncio
import sys
from typing import TextIO

from ..core import render, texts
from ..core.conversation import Core
from ..core.messages import Incoming, Reply, parse_command

QUIT = {"thoat", "thoát", "quit", "exit"}


class TerminalChannel:
    name = "terminal"

    def __init__(self, core: Core, stdin: TextIO | None = None, stdout: TextIO | None = None):
        self.core = core
        self.stdin, self.stdout = stdin or sys.stdin, stdout or sys.stdout
        self.running = False

    def show(self, reply: Reply) -> None:
        text = render.reply_text(reply)
        if text:
            print("\nUnionBot: " + text, file=self.stdout, flush=True)

    def _read(self) -> str | None:
        if self.stdin is sys.stdin:
            try:
                import readline  # noqa: F401  (line editing and history for input())
            except ImportError:
                pass
            return input(texts.CHAT_PROMPT)
        print(texts.CHAT_PROMPT, end="", file=self.stdout, flush=True)
        line = self.stdin.readline()
        return line if line else None

    async def run(self) -> None:
        self.running = True
        print(texts.CHAT_WELCOME, file=self.stdout, flush=True)
        while True:
            try:
                line = await asyncio.to_thread(self._read)
            except (EOFError, KeyboardInterrupt):
                line = None
            if line is None:
                break
            line = line.strip()
            if not line:
                continue
            command, args = parse_command(line) if line.startswith("/") else (None, line)
            if command in QUIT or line in ("/thoát",):
                break
            if line == "/nguồn":
                command = "nguon"
            msg = Incoming(platform="terminal", chat_id="terminal", user_id="terminal", text=line,
                           command=command, args=args if command else "")
            for reply in await self.core.handle(msg):
                self.show(reply)
        print("\n" + texts.CHAT_BYE, file=self.stdout, flush=True)
        self.running = False
