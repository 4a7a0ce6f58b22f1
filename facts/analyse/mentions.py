"""Entity mentions of one article, for the modules that read the words around
a figure (attributes, attribution): indexed once per build (facts/build.py),
found by bisect. They are not part of the Document: a Document is made per
article before names are resolved, in the pool's workers; mentions need the
corpus-wide entities."""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from facts.model import Entity


@dataclass(slots=True)
class Mention:
    start: int
    end: int
    entity: str
    kind: str
    listed: bool = False  # an item of "A, B and C": rarely what a figure is about


def by_source(entities: list[Entity]) -> dict[str, list[Mention]]:
    """Every mention of `entities`, per source, sorted: one pass over the corpus's
    entities (scanning them again for each article would be quadratic)."""
    index: dict[str, list[Mention]] = {}
    for e in entities:
        for m in e.mentions:
            index.setdefault(m.source, []).append(Mention(m.start, m.end, e.id, e.kind))
    for ms in index.values():
        ms.sort(key=lambda m: (m.start, -m.end))
    return index


class ArticleMentions:
    """The mentions of one article, sorted by start. Attributes and attribution
    read the same objects: a mention attributes marks as `listed` stays marked."""

    def __init__(self, mentions: list[Mention], limit: int) -> None:
        self.mentions = [m for m in mentions if m.end <= limit]
        self.starts = [m.start for m in self.mentions]

    @classmethod
    def of(cls, entities: list[Entity], source: str, limit: int) -> ArticleMentions:
        """One article's mentions, for a stage run on its own (a test, a script)."""
        return cls(by_source(entities).get(source, []), limit)

    def within(self, start: int, end: int) -> list[Mention]:
        i = bisect.bisect_left(self.starts, start)
        out = []
        while i < len(self.mentions) and self.mentions[i].start < end:
            if self.mentions[i].end <= end:
                out.append(self.mentions[i])
            i += 1
        return out
