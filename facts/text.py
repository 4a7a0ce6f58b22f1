"""Plain-text helpers shared by the extractors and the views.

Offsets always index the original text; nothing here rewrites an article.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache

# Abbreviations after which a full stop does not end a sentence.
_ABBREV = frozenset(
    "mr mrs ms dr prof sen rep gov gen col lt sgt st jr sr inc corp co ltd plc llc "
    "vs etc e.g i.e u.s u.k u.n no nos fig jan feb mar apr jun jul aug sep sept oct "
    "nov dec est approx mt ft ave".split()
)
_BOUNDARY = re.compile(r"""[.!?]+["'”’)\]]*(?=\s+["'“‘(\[]?[A-Z0-9])|\n\s*\n|\n""")
_WORD = re.compile(r"\w+(?:[-'’]\w+)*")


@lru_cache(maxsize=2048)  # texts a corpus holds anyway; bounded across corpora
def sentence_spans(text: str) -> tuple[tuple[int, int], ...]:
    """`split_sentences`, cached for the views that split an article's text
    themselves; the pipeline's stages read `facts.extract.document` instead."""
    return tuple(split_sentences(text))


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Split `text` into sentences: (start, end) offsets, whitespace trimmed.

    Newlines end sentences too: articles from the web put headlines, captions
    and list items on lines of their own without a full stop.
    """
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        end = m.end() if m.group().strip() else m.start()
        if m.group()[:1] == "." and _is_abbreviation(text, m.start()):
            continue
        _push(text, start, end, spans)
        start = m.end()
    _push(text, start, len(text), spans)
    return spans


def _is_abbreviation(text: str, dot: int) -> bool:
    word = re.search(r"([\w.]+)$", text[max(0, dot - 12) : dot])
    if not word:
        return False
    token = word.group(1).lower().rstrip(".")
    # single capitals ("J. Smith") and known abbreviations
    return token in _ABBREV or (len(token) == 1 and token.isalpha())


def _push(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))


def sentence_at(spans: Sequence[tuple[int, int]], offset: int) -> tuple[int, int]:
    """The sentence span holding `offset` (binary search over sorted spans)."""
    lo, hi = 0, len(spans) - 1
    while lo <= hi:
        mid = (lo + hi) // 2
        s, e = spans[mid]
        if offset < s:
            hi = mid - 1
        elif offset >= e:
            lo = mid + 1
        else:
            return spans[mid]
    return (offset, offset)


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def word_count(text: str) -> int:
    return sum(1 for _ in _WORD.finditer(text))


def line_of(text: str, offset: int) -> int:
    """1-based line number of `offset`."""
    return text.count("\n", 0, offset) + 1


# ---------------------------------------------------------------- display safety
# Characters that must never reach a terminal as themselves: C0/C1 controls
# (ESC starts CSI/OSC sequences), bidi overrides and zero-width characters.
_BIDI = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"


@lru_cache(maxsize=1)
def _display_table() -> dict[int, str]:
    # One code point in, one out: offsets into the article stay valid for
    # highlighting. C0 controls become their control pictures (ESC -> U+241B),
    # everything else invisible or direction-changing becomes U+FFFD.
    table: dict[int, str] = {cp: chr(0x2400 + cp) for cp in range(0x20) if cp not in (0x09, 0x0A)}
    table[0x7F] = "\u2421"
    for cp in range(0x80, 0xA0):
        table[cp] = "\ufffd"
    for ch in _BIDI + _ZERO_WIDTH:
        table[ord(ch)] = "\ufffd"
    return table


def display_safe(text: str) -> str:
    """Text a terminal can show literally: controls made visible, never run.

    Same length as `text`. The result is still plain text: callers put it in
    a `rich.text.Text` (or escape it) so `[bold]` in an article is never markup.
    """
    return text.translate(_display_table())


def single_line(text: str) -> str:
    """`display_safe` folded onto one line, for tables and lists."""
    return " ".join(display_safe(text).split())


def fold(text: str) -> str:
    """A key for comparing names: case, accents and punctuation folded."""
    decomposed = unicodedata.normalize("NFKD", text)
    letters = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(re.findall(r"\w+", letters.casefold()))


# ---------------------------------------------------------------- escape sequences
# CSI (ESC [ or the C1 CSI byte), OSC/DCS/APC/PM strings up to BEL or ST, and
# two-character escapes: their parameters ("10;10H", an OSC 52 payload) are
# not prose, so the extractors never see them as figures or names.
_ESCAPES = re.compile(
    r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]?"
    r"|(?:\x1b[\]P^_X]|[\x90\x9d\x9e\x9f])[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"
    r"|\x1b[ -/]*[0-~]?"
)


def mask_escapes(text: str) -> str:
    """`text` with every terminal escape sequence blanked to spaces: same
    length, so offsets found in the result index `text` too."""
    if "\x1b" not in text and not any("\x90" <= c <= "\x9f" for c in text if c > "\x8f"):
        return text
    return _ESCAPES.sub(lambda m: " " * len(m.group()), text)
