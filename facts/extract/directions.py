"""The direction of a change written next to a figure: "fell 12%", "a 12% drop",
"a decline of 12%" are 12, down. The value keeps the contract's convention (the
figure as written); claims read the direction to tell a change from a level."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from facts.lexicon import load_model
from facts.lexicon.models import NumbersLexicon
from facts.model import Direction

WINDOW = 48  # characters looked at on each side: bounded work per figure
# Words that may stand between the direction word and the figure: "fell by about 12%".
_BETWEEN = (
    r"(?:(?:by|of|some|about|around|roughly|nearly|almost|approximately|another|a\s+further|an\s+additional)\s+){0,2}"
)
_PERCENT_ONLY = frozenset({"more", "less"})  # "30% more", but "12 more engineers" is a count


@dataclass(frozen=True)
class _Patterns:
    before: re.Pattern[str]
    after: re.Pattern[str]
    way: dict[str, Direction]  # a word -> its direction


def _alternation(words: set[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@cache
def _patterns() -> _Patterns:
    lx = load_model("numbers", NumbersLexicon).directions
    before = {w.lower() for d in lx.values() for w in d.before}
    after = {w.lower() for d in lx.values() for w in d.after}
    way: dict[str, Direction] = {}
    for name, words in lx.items():
        for w in (*words.before, *words.after):
            way[w.lower()] = name
    return _Patterns(
        before=re.compile(rf"(?<![\w-])({_alternation(before)})\s+{_BETWEEN}$", re.IGNORECASE),
        after=re.compile(rf"\s*({_alternation(after)})(?![\w-])(?!\s+(?:payment|to)\b)", re.IGNORECASE),
        way=way,
    )


def direction_of(text: str, start: int, end: int, unit: str) -> Direction:
    """ "up", "down" or "" for the figure at text[start:end]."""
    pats = _patterns()
    m = pats.before.search(text, max(0, start - WINDOW), start)
    if m is None:
        m = pats.after.match(text, end, min(len(text), end + WINDOW))
        if m is not None and m.group(1).lower() in _PERCENT_ONLY and unit != "percent":
            return ""
    return pats.way[m.group(1).lower()] if m else ""
