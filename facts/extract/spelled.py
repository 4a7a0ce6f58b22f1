"""Quantities written in words: "two billion dollars", "half a billion euros",
"three million users", "twenty-five per cent".

Read only before a scale word or a percent word, where number words cannot
mean anything else ("one of the firms", "a deal" are never read); the digit
grammar (facts/extract/numbers.py) owns every quantity with digits and merges
these with its own. Each scale or percent word is an anchor and the words
before it are matched within WINDOW characters, so the work per anchor is
bounded whatever the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from facts.lexicon import load_model
from facts.lexicon.models import NumbersLexicon
from facts.text import alternation

WINDOW = 80  # characters of number words before a scale word: "one hundred and twenty-five"
_SEP = r"(?:[ \t\u00a0]|-)"
_PERCENT = "percent"


@dataclass(frozen=True)
class Spelled:
    start: int
    end: int
    value: float
    unit: str  # a currency code, "percent" or "count"
    word: str  # the currency word as written ("dollars"): several currencies may share it


@dataclass(frozen=True)
class _Grammar:
    anchor: re.Pattern[str]
    before: re.Pattern[str]
    currency: re.Pattern[str]
    units: dict[str, int]
    tens: dict[str, int]
    fractions: dict[str, float]
    scales: dict[str, float]
    currencies: dict[str, str]


@cache
def _grammar() -> _Grammar:
    lx = load_model("numbers", NumbersLexicon)
    units = {k.casefold(): v for k, v in lx.spelled_numbers.items()}
    tens = {k.casefold(): v for k, v in lx.spelled_tens.items()}
    fractions = {k.casefold(): v for k, v in lx.spelled_fractions.items()}
    scales = {w.casefold(): float(lx.scale_words[w]) for w in lx.spelled_scales}
    currencies = {k.casefold(): v for k, v in lx.currency_words.items()}
    currencies.update({k.casefold(): v for k, v in lx.currency_words_after_scale.items()})
    unit, ten = alternation(units), alternation(tens)
    below_hundred = rf"(?:{ten}(?:{_SEP}{unit})?|{unit})"
    card = rf"{below_hundred}(?:{_SEP}hundred(?:{_SEP}(?:and{_SEP})?{below_hundred})?)?(?:{_SEP}and{_SEP}a{_SEP}half)?"
    fraction = alternation(fractions, space=_SEP)
    return _Grammar(
        anchor=re.compile(
            rf"(?i)(?<![\w-])(?:(?P<scale>{alternation(scales)})|(?P<pct>per{_SEP}?cent|percent))(?![\w])"
        ),
        before=re.compile(rf"(?i)(?<![\w-])(?:(?P<frac>{fraction})|(?P<card>{card})){_SEP}+$"),
        currency=re.compile(rf"(?i){_SEP}+(?:of{_SEP}+)?(?P<cw>{alternation(currencies, space=_SEP)})(?![\w])"),
        units=units,
        tens=tens,
        fractions=fractions,
        scales=scales,
        currencies=currencies,
    )


def find_spelled(text: str) -> list[Spelled]:
    """Every quantity in words before a scale or percent word, in reading order."""
    g = _grammar()
    out: list[Spelled] = []
    for a in g.anchor.finditer(text):
        m = g.before.search(text, max(0, a.start() - WINDOW), a.start())
        if m is None or _adjectival(text, a.end()):
            continue  # "5 billion" (digits: numbers.py), "a billion-dollar deal" (no amount)
        if m.group("frac"):
            value = g.fractions[_words(m.group("frac"))]
        else:
            value = float(_cardinal(_words(m.group("card")), g))
            if value <= 1 and (a.group("pct") or a.group("scale").casefold() == "thousand"):
                continue  # "a percent", "a thousand times": phrases, not figures
        if a.group("pct"):
            out.append(Spelled(m.start(), a.end(), value, _PERCENT, ""))
            continue
        value *= g.scales[a.group("scale").casefold()]
        cur = g.currency.match(text, a.end())
        word = cur.group("cw").casefold() if cur else ""
        out.append(Spelled(m.start(), cur.end() if cur else a.end(), value, g.currencies.get(word, "count"), word))
    return out


_ADJECTIVAL = re.compile(r"-[A-Za-z]")


def _adjectival(text: str, end: int) -> bool:
    return _ADJECTIVAL.match(text, end) is not None


def _words(s: str) -> str:
    return " ".join(re.split(_SEP + "+", s.casefold()))


def _cardinal(words: str, g: _Grammar) -> float:
    """ "one hundred and twenty five" -> 125; "two and a half" -> 2.5."""
    total, half = 0, words.endswith(" and a half")
    if half:
        words = words[: -len(" and a half")]
    for w in words.split(" "):
        if w == "hundred":
            total *= 100
        elif w != "and":
            total += g.units.get(w, 0) + g.tens.get(w, 0)
    return total + 0.5 if half else float(total)
