"""The direction of a change written next to a figure: "fell 12%", "a 12% drop",
"a decline of 12%" are 12, down. The value keeps the contract's convention (the
figure as written); claims read the direction to tell a change from a level."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from facts.lexicon import load_model
from facts.lexicon.models import NumbersLexicon
from facts.model import Direction

WINDOW = 40  # characters looked at on each side: bounded work per figure
# Words that may stand between the direction word and the figure: "fell by about 12%".
_BETWEEN = frozenset("by of some about around roughly nearly almost approximately another further additional".split())
_PERCENT_ONLY = frozenset({"more", "less"})  # "30% more", but "12 more engineers" is a count
_NOT_AFTER = frozenset({"payment", "payments", "to"})  # "a 20% down payment", "5% up to ..."
_STRIP = ",.;:()\"'“”‘’"


@dataclass(frozen=True)
class _Words:
    before: dict[str, Direction]
    after: dict[str, Direction]


@cache
def _words() -> _Words:
    lx = load_model("numbers", NumbersLexicon).directions
    before: dict[str, Direction] = {}
    after: dict[str, Direction] = {}
    for way, words in lx.items():
        before.update((w.lower(), way) for w in words.before)
        after.update((w.lower(), way) for w in words.after)
    return _Words(before, after)


def direction_of(text: str, start: int, end: int, unit: str) -> Direction:
    """ "up", "down" or "" for the figure at text[start:end]."""
    words = _words()
    before = text[max(0, start - WINDOW) : start]
    if before[-1:].isspace():  # the figure follows a word, not a bracket or a quote
        for w in reversed(before.lower().split()[-4:]):
            if w in words.before:
                return words.before[w]
            if w not in _BETWEEN and w not in ("a", "an"):
                break
    after = text[end : end + WINDOW].lower().split()[:2]
    if not after or not text[end : end + 1].isspace():
        return ""
    first = after[0].rstrip(_STRIP)
    way = words.after.get(first, "")
    if not way or (first in _PERCENT_ONLY and unit != "percent"):
        return ""
    return "" if len(after) > 1 and after[1].rstrip(_STRIP) in _NOT_AFTER else way
