"""One reader per file format, behind one interface.

Each format is a module here exposing `SUFFIXES`, `MAX_BYTES` and
`read(path, data) -> Article`; `registry.py` lists them, so a new format is
one new module and one line there. A reader raises `Unreadable` with a
one-line reason for a file of its format that holds no article.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Protocol


@dataclass(frozen=True)
class Article:
    text: str
    title: str = ""
    outlet: str = ""
    author: str = ""
    date: str = ""  # ISO 8601, as much as the file gives
    pages: tuple[int, ...] = ()  # the offset in `text` where each page starts (PDF)
    extracted: bool = False  # `text` is not the file as read: the contract carries it


class Unreadable(Exception):
    """A file of a known format with no article in it; str() is the reason."""


class Reader(Protocol):
    @property
    def SUFFIXES(self) -> tuple[str, ...]: ...

    @property
    def MAX_BYTES(self) -> int: ...

    def read(self, path: Path, data: bytes) -> Article: ...
