"""Word-level differences between sentences, for the side-by-side conflict view.

Pure and small: ranges are character offsets into each sentence as given, so a
view can style them without re-tokenising.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence

Range = tuple[int, int]
# a currency sign and a percent sign stay with their figure: "$3" and "49%" are one word
_TOKEN = re.compile(r"[$€£¥]?\w+(?:[-'’.,]\w+)*%?|[^\w\s]")


def tokens(sentence: str) -> list[tuple[str, int, int]]:
    """Words and punctuation marks with their offsets; the first item is a
    case-folded key so "Billion" and "billion" compare equal."""
    return [(m.group().casefold(), m.start(), m.end()) for m in _TOKEN.finditer(sentence)]


def changed_ranges(sentence: str, other: str) -> list[Range]:
    """The ranges of `sentence` whose words `other` does not share."""
    a, b = tokens(sentence), tokens(other)
    matcher = difflib.SequenceMatcher(a=[t[0] for t in a], b=[t[0] for t in b], autojunk=False)
    ranges: list[Range] = []
    for op, i1, i2, _j1, _j2 in matcher.get_opcodes():
        if op in ("replace", "delete") and i2 > i1:
            ranges.append((a[i1][1], a[i2 - 1][2]))
    return ranges


def compare_all(sentences: Sequence[str]) -> list[list[Range]]:
    """For each sentence, what differs from a pivot: every sentence is compared
    with the first, and the first with the second. Linear in the number of
    sentences, so a conflict with many claims stays cheap to show."""
    if len(sentences) < 2:
        return [[] for _ in sentences]
    out = [changed_ranges(sentences[0], sentences[1])]
    out.extend(changed_ranges(s, sentences[0]) for s in sentences[1:])
    return out
