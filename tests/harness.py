"""`unionbot` run in a subprocess with test-only instruments, set by environment variables:

HARNESS_FULL_BUILDS=1    every index refresh is a full build (the test corpus is far below the
                         overlay's 300 changed articles), so a fault can hit the build's writer.
HARNESS_BUILD_GATE=PATH  while PATH exists, embedding passages waits: an index build is held
                         in progress until the test stops the process (no timing races).
HARNESS_ENOSPC=PATH      while PATH exists, writing the FAISS file fails with ENOSPC (used only
                         where no size-limited tmpfs can be mounted).
"""
import errno
import os
import sys
import time
from pathlib import Path


def install() -> None:
    if os.environ.get("HARNESS_FULL_BUILDS"):
        import retrieval.index.keeper

        retrieval.index.keeper.OVERLAY_MAX_ARTICLES = 0
    gate = os.environ.get("HARNESS_BUILD_GATE")
    if gate:
        from retrieval.index.embedder import Embedder

        passages = Embedder.passages

        def gated(self, *a, **k):
            while Path(gate).exists():
                time.sleep(0.05)
            return passages(self, *a, **k)

        Embedder.passages = gated
    full = os.environ.get("HARNESS_ENOSPC")
    if full:
        import faiss

        write_index = faiss.write_index

        def write(ix, path):
            if Path(full).exists():
                Path(path).write_bytes(b"\0" * 4096)  # a part written, then the disk is full
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), path)
            return write_index(ix, path)

        faiss.write_index = write


if __name__ == "__main__":
    install()
    from bot.cli import main

    sys.exit(main(sys.argv[1:]))
