"""Figures of one measure in two currencies, compared at the articles' own rate.

Each side is the common ground of one currency's agreeing figures (the range
every one of them allows) and its typical value. Converted at a rate the
articles state (facts/analyse/rates.py), the sides either overlap (they
agree: no conflict), differ by a few percent (a stated rate is itself
rounded: compatible, and the rate is the reason), or clearly differ (a
contradiction naming the rate). Without a stated rate nothing is compared.
"""

from __future__ import annotations

from dataclasses import dataclass

from facts.labels import currency_symbol, format_value
from facts.model import Verdict

FEW_PERCENT = 0.05  # a conversion at a rounded rate of rounded figures drifts this much


@dataclass(frozen=True, slots=True)
class Side:
    """What one currency's agreeing figures allow: [lo, hi], typically `value`."""

    unit: str
    lo: float
    hi: float
    value: float


def rate_text(a: str, b: str, rate: float) -> str:
    """The rate as people write it, above one: '1.09 $/€' (rate = units of b per a)."""
    if rate >= 1:
        return f"{rate:.3g} {currency_symbol(b)}/{currency_symbol(a)}"
    return f"{1 / rate:.3g} {currency_symbol(a)}/{currency_symbol(b)}"


def compare(a: Side, b: Side, rate: float) -> tuple[Verdict, str] | None:
    """None when a and b agree at `rate` (units of b per unit of a), else a verdict and its reason."""
    lo, hi = b.lo / rate, b.hi / rate
    if lo <= a.hi and a.lo <= hi:
        return None
    converted = a.value * rate
    drift = abs(converted - b.value) / max(abs(converted), abs(b.value))
    at = f"at the articles' own rate of {rate_text(a.unit, b.unit, rate)}"
    said = f"{format_value(a.value, a.unit)} is about {format_value(converted, b.unit)}"
    if drift <= FEW_PERCENT:
        return "compatible", f"{said} {at}; the difference is within the rounding of the rate."
    return "contradiction", f"{said} {at}, not {format_value(b.value, b.unit)}: these cannot all hold."
