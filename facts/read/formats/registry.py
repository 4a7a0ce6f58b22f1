"""The formats scaledeal reads, by file suffix: the one place to add one."""

from __future__ import annotations

from pathlib import Path

from facts.read.formats import Reader, html, markdown, pdf, text

READERS: tuple[Reader, ...] = (text, markdown, html, pdf)
_BY_SUFFIX: dict[str, Reader] = {s: r for r in READERS for s in r.SUFFIXES}
SUFFIXES: tuple[str, ...] = tuple(_BY_SUFFIX)


def reader_for(path: Path) -> Reader | None:
    return _BY_SUFFIX.get(path.suffix.lower())
