"""Why differing figures of one measure may all hold.

Intervals (facts/analyse/conflicts.py) settle hedges and rounding. Beyond
them, two sides of a disagreement can both be true when the words around
the figures say they are not the same claim: one is a new value ("was
raised to"), one a plan and the other what happened, or they count on
different bases (equity value vs enterprise value). Each side is the claim
keys (facts/analyse/claims.py) of one cluster of agreeing figures.
"""

from __future__ import annotations

from collections.abc import Sequence

from facts.analyse.claims import ClaimKey

PLAN = frozenset({"target"})  # a forecast is a claim about the same figure, a plan is not yet one
ACTUAL = frozenset({"reported", "announced"})


def _tense(status: str) -> str:
    return "plan" if status in PLAN else "actual" if status in ACTUAL else status


def _uniform(side: Sequence[ClaimKey], of: str) -> str:
    """The one value of a key field shared by a whole side, else ""."""
    values = {getattr(k, of) if of != "tense" else _tense(k.status) for k in side}
    return values.pop() if len(values) == 1 else ""


def _each_its_own(sides: Sequence[Sequence[ClaimKey]], of: str) -> list[str]:
    """Each side's one value of `of`, when every side has one and no two share it."""
    values = [_uniform(side, of) for side in sides]
    return values if all(values) and len(set(values)) == len(values) else []


def reconcile(sides: Sequence[Sequence[ClaimKey]]) -> str:
    """Why the sides may all hold ("" when nothing says so)."""
    if len(sides) < 2:
        return ""
    if sum(1 for side in sides if not any(k.changed for k in side)) <= 1:
        return "the figure changed over time: the later value was written as a change ('raised to', 'halved to')."
    tenses = _each_its_own(sides, "tense")
    if sorted(tenses) == ["actual", "plan"]:
        return "one side is a plan and the other what was reported; both may hold."
    bases = _each_its_own(sides, "base")
    if bases:
        return f"they count on different bases ({' vs '.join(bases)}); both may hold."
    if _dated_apart(sides):
        return "each side is measured at a different date; both may hold."
    return ""


def _dated_apart(sides: Sequence[Sequence[ClaimKey]]) -> bool:
    """Two sides, every claim naming the date it is measured at, no date on both
    (more sides are more likely different things than different dates)."""
    dates = [{k.as_of for k in side} for side in sides]
    if len(dates) != 2 or not all(d and "" not in d for d in dates):
        return False
    return sum(len(d) for d in dates) == len(set().union(*dates))
