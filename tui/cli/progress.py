"""A progress bar on stderr for the headless commands (no textual, no rich).

Drawn only when stderr is a terminal, so pipes and logs stay clean.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from typing import TextIO

WIDTH = 30
MIN_SECONDS = 0.5  # a quick run never flashes a bar


def stderr_progress(label: str = "extracting", stream: TextIO | None = None) -> Callable[[int, int], None] | None:
    """A `progress(done, total)` callback drawing a bar, or None off a terminal."""
    stream = stream or sys.stderr
    if not stream.isatty():
        return None
    started = time.monotonic()
    drawn = False

    def progress(done: int, total: int) -> None:
        nonlocal drawn
        if not drawn and (done >= total or time.monotonic() - started < MIN_SECONDS):
            return
        filled = WIDTH * done // max(total, 1)
        stream.write(f"\r{label} [{'#' * filled}{'.' * (WIDTH - filled)}] {done:,}/{total:,}")
        drawn = True
        if done >= total:
            stream.write("\r\x1b[K")  # erase the bar: warnings and output follow
        stream.flush()

    return progress
