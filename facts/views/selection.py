"""One selection shared by the panes, search and export, kept per corpus.

The selection of a corpus lives in the user's data folder
(facts.store.userdata), never beside the articles: one small JSON file per
corpus, written atomically on every change, read back when the corpus opens.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from facts.kinds import KIND_NAMES, FactRef
from facts.store.files import write_atomic
from facts.store.userdata import data_dir

SELECTIONS = "selections"
MAX_SAVED = 100_000  # a selection file is read whole: refuse a giant one rather than stall


class Selection:
    """An ordered set of fact references (the order they were selected in, or
    the order the user gave them)."""

    def __init__(self, refs: Iterable[FactRef] = ()) -> None:
        self._refs: dict[FactRef, None] = dict.fromkeys(refs)
        self._cleared: list[FactRef] = []  # the last selection cleared, for undo

    def toggle(self, ref: FactRef) -> bool:
        """Select `ref` if it was not, else unselect it; True if now selected."""
        if ref in self._refs:
            del self._refs[ref]
            return False
        self._refs[ref] = None
        return True

    def add(self, ref: FactRef) -> None:
        self._refs[ref] = None

    def remove(self, ref: FactRef) -> None:
        self._refs.pop(ref, None)

    def move(self, ref: FactRef, by: int) -> int:
        """Move `ref` `by` places (negative: earlier); its new position, or -1 if not selected."""
        order = list(self._refs)
        if ref not in self._refs:
            return -1
        i = order.index(ref)
        j = max(0, min(len(order) - 1, i + by))
        order.insert(j, order.pop(i))
        self._refs = dict.fromkeys(order)
        return j

    def replace(self, refs: Iterable[FactRef]) -> None:
        self._refs = dict.fromkeys(refs)

    def clear(self) -> int:
        """Unselect everything, remembered for `undo_clear`; how many were selected."""
        if self._refs:
            self._cleared = list(self._refs)
        n = len(self._refs)
        self._refs.clear()
        return n

    def undo_clear(self) -> int:
        """Select again what the last `clear` unselected; how many (0: nothing to undo)."""
        restored, self._cleared = self._cleared, []
        for ref in restored:
            self._refs[ref] = None
        return len(restored)

    def __contains__(self, ref: object) -> bool:
        return ref in self._refs

    def __iter__(self) -> Iterator[FactRef]:
        return iter(list(self._refs))

    def __len__(self) -> int:
        return len(self._refs)


# ---------------------------------------------------------------- kept per corpus


def selection_file(paths: Sequence[str], corpus: str, folder: Path | None = None) -> Path:
    """Where a corpus's selection is kept: named for people by the corpus,
    told apart by a hash of the folders it was opened from."""
    where = "\0".join(sorted(str(Path(p).expanduser().resolve()) for p in paths)) or f"bundled:{corpus}"
    digest = hashlib.sha256(where.encode("utf-8", "surrogatepass")).hexdigest()[:16]
    slug = re.sub(r"[^\w.-]+", "-", corpus, flags=re.ASCII)[:40].strip("-.") or "corpus"
    return (folder or data_dir() / SELECTIONS) / f"{slug}-{digest}.json"


def save_selection(path: Path, refs: Iterable[FactRef], corpus: str = "") -> None:
    """Write the selection atomically (the app's own file: replaced on each change)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    data = {"corpus": corpus, "selected": [list(r) for r in refs]}
    write_atomic(path, json.dumps(data, ensure_ascii=False, indent=1) + "\n", overwrite=True)


def load_selection(path: Path) -> list[FactRef]:
    """The saved selection, in order; [] when there is none or it cannot be read."""
    try:
        if path.stat().st_size > MAX_SAVED * 200:
            return []
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    rows = data.get("selected") if isinstance(data, dict) else None
    if not isinstance(rows, list):
        return []
    refs: list[FactRef] = []
    for row in rows[:MAX_SAVED]:
        if isinstance(row, list) and len(row) == 2 and row[0] in KIND_NAMES and isinstance(row[1], str):
            refs.append((row[0], row[1]))
    return refs
