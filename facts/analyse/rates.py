"""Exchange rates the articles themselves state, never guessed nor looked up.

Two forms are read, in one pass over each article's figures in reading order,
looking only at each figure and the next one:

- a conversion: a money figure followed by the same amount in another currency,
  in brackets or after "or"/"=": "€3.2bn ($3.5bn)", "£1 = $1.27";
- a quoted rate: a money figure followed by "per"/"to the" and a currency word:
  "1.08 dollars per euro", "$1.08 to the euro".

Each currency pair keeps the median of its rates, so one odd figure does not
move the rate.
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from facts.analyse.attributes import unit_family
from facts.lexicon.loader import load_model
from facts.lexicon.models import NumbersLexicon
from facts.model import Number

MAX_GAP = 40  # characters between a figure and its conversion: beyond, it is another figure
RATE_RANGE = (1e-5, 1e5)  # no two currencies differ more: a ratio outside is two unrelated figures
# words that may sit between a figure and its bracketed or appended conversion
_CONVERSION = re.compile(
    r"\s*(?:[(\[]|,?\s*or\b|=|equals\b|/)\s*(?:(?:about|around|roughly|approximately|some|nearly|almost|c\.|ca\.|~)\s*)?",
    re.I,
)


@dataclass(frozen=True, slots=True)
class Rates:
    """Median stated rate per currency pair: how many units of `b` one unit of `a` is worth."""

    pairs: dict[tuple[str, str], float]

    def rate(self, a: str, b: str) -> float | None:
        """Units of `b` per unit of `a`, when the articles state one."""
        if a == b:
            return 1.0
        if (a, b) in self.pairs:
            return self.pairs[(a, b)]
        back = self.pairs.get((b, a))
        return 1.0 / back if back else None


@cache
def _per_currency() -> re.Pattern[str]:
    words = load_model("numbers", NumbersLexicon).currency_words
    alternation = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(
        rf"\s*(?:per|to\s+the|to\s+one|to\s+a|for\s+(?:each|one|every|a)|a|an|/)\s+({alternation})\b(?!\s+of\b)", re.I
    )


@cache
def _word_currency() -> dict[str, str]:
    return {k.casefold(): v for k, v in load_model("numbers", NumbersLexicon).currency_words.items()}


def _money(n: Number) -> bool:
    return isinstance(n.value, (int, float)) and n.value > 0 and unit_family(n.unit) == "money"


def _conversion(a: Number, b: Number, text: str) -> tuple[str, str, float] | None:
    """'€3.2bn ($3.5bn)': one unit of a's currency is worth b/a units of b's."""
    if not (_money(a) and _money(b)) or a.unit == b.unit or b.span.start - a.span.end > MAX_GAP:
        return None
    gap = text[a.span.end : b.span.start]
    if not _CONVERSION.fullmatch(gap):
        return None
    return a.unit, b.unit, float(b.value) / float(a.value)


def _quoted(n: Number, text: str) -> tuple[str, str, float] | None:
    """'1.08 dollars per euro': one euro is worth 1.08 dollars."""
    if not _money(n):
        return None
    m = _per_currency().match(text, n.span.end, min(len(text), n.span.end + MAX_GAP))
    if not m:
        return None
    unit = _word_currency().get(m.group(1).casefold(), "")
    return (unit, n.unit, float(n.value)) if unit and unit != n.unit else None


def _stated(numbers: list[Number], text: str) -> Iterable[tuple[str, str, float]]:
    ordered = sorted(numbers, key=lambda n: n.span.start)
    for i, n in enumerate(ordered):
        found = _quoted(n, text)
        if found is None and i + 1 < len(ordered):
            found = _conversion(n, ordered[i + 1], text)
        if found is not None:
            yield found


def find_rates(numbers: Iterable[Number], texts: dict[str, str]) -> Rates:
    """The rates the articles state, per pair (median): linear in the figures."""
    by_source: dict[str, list[Number]] = {}
    for n in numbers:
        by_source.setdefault(n.span.source, []).append(n)
    seen: dict[tuple[str, str], list[float]] = {}
    for source, own in by_source.items():
        for a, b, r in _stated(own, texts.get(source, "")):
            if not RATE_RANGE[0] <= r <= RATE_RANGE[1]:
                continue
            pair, value = ((a, b), r) if a < b else ((b, a), 1.0 / r)
            seen.setdefault(pair, []).append(value)
    return Rates({pair: statistics.median(rs) for pair, rs in seen.items()})
