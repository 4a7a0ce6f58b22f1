"""Entity mentions of one article, for the modules that read the words around
a figure (attributes, attribution): indexed once per corpus, found by bisect."""

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


# The pipeline calls each reader once per article with the same entity list;
# scanning every entity per article would be quadratic over the corpus.
_INDEX: list[object] = [None, {}]


def by_source(entities: list[Entity]) -> dict[str, list[Mention]]:
    if _INDEX[0] is entities:
        return _INDEX[1]  # type: ignore[return-value]
    index: dict[str, list[Mention]] = {}
    for e in entities:
        for m in e.mentions:
            index.setdefault(m.source, []).append(Mention(m.start, m.end, e.id, e.kind))
    for ms in index.values():
        ms.sort(key=lambda m: (m.start, -m.end))
    _INDEX[0], _INDEX[1] = entities, index
    return index


class ArticleMentions:
    """The mentions of one article, sorted by start."""

    def __init__(self, entities: list[Entity], source: str, limit: int) -> None:
        self.mentions = [m for m in by_source(entities).get(source, []) if m.end <= limit]
        self.starts = [m.start for m in self.mentions]

    def within(self, start: int, end: int) -> list[Mention]:
        i = bisect.bisect_left(self.starts, start)
        out = []
        while i < len(self.mentions) and self.mentions[i].start < end:
            if self.mentions[i].end <= end:
                out.append(self.mentions[i])
            i += 1
        return out
