"""Whom a figure is about when its clause names no one: 'it', 'the company'.

The organisation an anaphor means is the last one named before it, within a
bounded reach back (bisect over the article's sorted mentions), and none when
another organisation stands between the anaphor and the figure.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from facts.analyse.mentions import Mention
from facts.model import Number

_ANAPHOR = re.compile(
    r"\b(?:it|its|it['’]s|the\s+(?:company|firm|group|bank|business|startup|start-up|maker|lender|insurer|"
    r"retailer|carrier|target|acquirer|buyer|seller|platform|network|developer|supplier|unit))\b",
    re.IGNORECASE,
)
REACH_BACK = 600  # characters an anaphor may reach back for its organisation


@dataclass(frozen=True, slots=True)
class Organisations:
    """One article's organisation mentions, sorted, with their starts for bisect."""

    mentions: list[Mention]
    starts: list[int]

    @classmethod
    def of(cls, mentions: list[Mention]) -> Organisations:
        found = [m for m in mentions if m.kind == "organisation"]
        return cls(found, [m.start for m in found])


def referent(n: Number, before: str, orgs: Organisations) -> str:
    """The organisation 'it' / 'the company' before a figure means: the last
    one named before the anaphor (within REACH_BACK), for a figure with no
    subject; none when another organisation stands between anaphor and figure."""
    found = list(_ANAPHOR.finditer(before)) if not n.subject else []
    if not found:
        return ""
    at = n.span.start - len(before) + found[-1].start()
    i = bisect.bisect_left(orgs.starts, at) - 1
    if bisect.bisect_left(orgs.starts, n.span.start) - 1 > i:
        return ""  # a name between the anaphor and the figure: it is not clear which is meant
    while i >= 0 and orgs.mentions[i].start >= at - REACH_BACK:
        if not orgs.mentions[i].listed:
            return orgs.mentions[i].entity
        i -= 1
    return ""
