"""Plain-text articles: the file as read is the text every offset indexes."""

from __future__ import annotations

from pathlib import Path

from facts.read.formats import Article, Unreadable
from facts.read.metadata import sniff
from facts.read.titles import title_of

SUFFIXES = (".txt",)
MAX_BYTES = 64 * 1024 * 1024  # a plain-text article is never this big


def read(path: Path, data: bytes) -> Article:
    return article_of(decode(data))


def article_of(text: str) -> Article:
    meta = sniff(text)  # only what the text states about itself
    return Article(text=text, title=title_of(text), outlet=meta.outlet, author=meta.author, date=meta.date)


def decode(raw: bytes) -> str:
    """UTF-8 with universal newlines, exactly like `open(p, encoding="utf-8").read()`."""
    sample = raw[:8192]
    if sample.count(0) * 20 > len(sample):  # UTF-16, images, executables
        raise Unreadable("binary file (many NUL bytes)")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        raise Unreadable(f"not UTF-8 (invalid byte 0x{raw[err.start]:02x} at offset {err.start})") from None
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text
