"""One selection shared by the panes, search and export."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from facts.kinds import FactRef


class Selection:
    """An ordered set of fact references (the order they were selected in)."""

    def __init__(self, refs: Iterable[FactRef] = ()) -> None:
        self._refs: dict[FactRef, None] = dict.fromkeys(refs)

    def toggle(self, ref: FactRef) -> bool:
        """Select `ref` if it was not, else unselect it; True if now selected."""
        if ref in self._refs:
            del self._refs[ref]
            return False
        self._refs[ref] = None
        return True

    def add(self, ref: FactRef) -> None:
        self._refs[ref] = None

    def clear(self) -> None:
        self._refs.clear()

    def __contains__(self, ref: object) -> bool:
        return ref in self._refs

    def __iter__(self) -> Iterator[FactRef]:
        return iter(list(self._refs))

    def __len__(self) -> int:
        return len(self._refs)
