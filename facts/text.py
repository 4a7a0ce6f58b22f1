"""Plain-text helpers shared by the extractors and the views.

Offsets always index the original text; nothing here rewrites an article.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

_WORD = re.compile(r"\w+(?:[-'’]\w+)*")


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


# ---------------------------------------------------------------- phrase lists
_Trie = dict[str, "_Trie"]
_END = ""  # the key that marks the end of a phrase in a trie node


def words_re(phrases: Iterable[str], flags: int = re.IGNORECASE) -> re.Pattern[str]:
    """A pattern for any of `phrases` as whole words, the longest where several
    fit, spaces inside a phrase matching any run of blanks."""
    spaced = {" ".join(str(p).split()) for p in phrases}
    body = alternation(spaced, fold_case=bool(flags & re.IGNORECASE), space=r"\s+")
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", flags)


def alternation(words: Iterable[str], *, fold_case: bool = False, space: str = "") -> str:
    """A regex alternation of literal `words`, the longest first where several fit,
    written as a trie ("acqui(?:red|sition)" rather than "acquired|acquisition"):
    the regex engine tries the branches of a flat list one by one at every
    position of the text, so a lexicon of hundreds of words cost hundreds of
    comparisons per character. `space` replaces a blank inside a word
    (default: the blank itself); `fold_case` for a case-insensitive pattern."""
    root: _Trie = {}
    for word in words:
        node = root
        for ch in word.lower() if fold_case else word:
            node = node.setdefault(ch, {})
        if node is not root:
            node[_END] = {}
    return _trie_body(root, space) or "(?!)"  # no words: a pattern that never matches


def _trie_body(node: _Trie, space: str) -> str:
    # children first, the end of a word last: the longest word is tried first
    branches = [_unit(ch, space) + _trie_body(child, space) for ch, child in sorted(node.items()) if ch != _END]
    if _END in node:
        branches.append("")
    if len(branches) == 1:
        return branches[0]
    return "(?:" + "|".join(branches) + ")"


def _unit(ch: str, space: str) -> str:
    return space if ch == " " and space else re.escape(ch)
