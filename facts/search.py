"""One fuzzy index over every fact kind (stub: to be written).

Interface used by the TUI:
    index = SearchIndex(factbase)            # build once per fact base
    hits = index.search("valuaton", limit=50)  # typo-tolerant, best first
"""

from __future__ import annotations

from dataclasses import dataclass

from .model import FactBase
from .selection import FactKind


@dataclass(frozen=True, slots=True)
class Hit:
    kind: FactKind
    fact_id: str
    label: str  # one line for people: what the fact is
    context: str  # one line: the sentence or where it comes from
    score: float  # 0..100, higher is better


class SearchIndex:
    def __init__(self, fb: FactBase) -> None:
        self.fb = fb

    def search(self, query: str, limit: int = 50) -> list[Hit]:
        return []
