"""The live folder: batches of changes to a folder's articles and curated
files, reported from a thread. Headless (no textual): the app runs
`watch_folder` in a thread worker and posts a message per batch."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from facts.read.formats.registry import SUFFIXES

WATCHED = frozenset((*SUFFIXES, ".yaml", ".yml"))  # articles, and the curated files applied on every open
DEBOUNCE_MS = 300  # changes this close together are one batch: a save that writes twice reloads once


def relevant(_change: object, path: str) -> bool:
    """An article or a curated file; not an editor's hidden swap or backup file."""
    p = Path(path)
    return not p.name.startswith((".", "~")) and p.suffix.lower() in WATCHED


def watch_folder(folder: Path, stop: threading.Event, on_change: Callable[[list[str]], None]) -> None:
    """Call `on_change(paths)` for each batch of changes under `folder` until `stop` is set."""
    from watchfiles import watch

    for changes in watch(
        folder, watch_filter=relevant, debounce=DEBOUNCE_MS, step=50, stop_event=stop, raise_interrupt=False
    ):
        if stop.is_set():
            return
        on_change(sorted({p for _, p in changes}))
