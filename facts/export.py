"""Markdown export of selected facts with quotes and citations (stub: to be written).

Interface used by the TUI and `scaledeal export`:
    text = render_markdown(factbase, refs, now=datetime)   # refs: list[FactRef]
    facts.store.write_atomic(path, text, overwrite=False)  # never clobbers silently
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from .model import FactBase
from .selection import FactRef


def render_markdown(fb: FactBase, refs: Iterable[FactRef], *, now: dt.datetime | None = None) -> str:
    return ""
