"""The one registry of fact kinds: what each is called, where the FactBase
keeps it, and the order every view shows it in.

The panes, the header counts, the export's sections, `scaledeal export
--kind` and the search all read this table, so a new kind is one row here.
Imports no stage, and not pydantic: the app's first frame reads it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal, cast

if TYPE_CHECKING:
    from facts.model import Check, Conflict, Entity, FactBase, Number, Source

    Fact = Source | Entity | Number | Conflict | Check

FactKind = Literal["source", "entity", "number", "conflict", "check"]
FactRef = tuple[FactKind, str]  # a fact by its kind and id: in a selection, a search hit, an export


@dataclass(frozen=True, slots=True)
class Kind:
    name: FactKind  # in a FactRef, a search hit and `--kind`
    collection: str  # the FactBase attribute holding them; also the pane's id
    plural: str  # "3 entities"; the singular is the name
    title: str  # the pane's tab, the export's section heading, the search's group
    key: str  # the key that shows its pane
    about: str  # what the pane holds, for the command palette
    search_rank: int  # search shows names first and whole articles last

    @property
    def singular(self) -> str:
        return self.name

    def facts(self, fb: FactBase) -> Sequence[Fact]:
        return cast("Sequence[Fact]", getattr(fb, self.collection))


# In the order the panes, the header and the export show them.
KINDS: tuple[Kind, ...] = (
    Kind("source", "sources", "sources", "Sources", "1", "the articles", 4),
    Kind("entity", "entities", "entities", "Entities", "2", "people, companies, products", 0),
    Kind("number", "numbers", "numbers", "Numbers", "3", "every figure with its sentence", 1),
    Kind("conflict", "conflicts", "conflicts", "Conflicts", "4", "where the sources disagree", 2),
    Kind("check", "checks", "checks", "Checks", "5", "deal arithmetic: what the figures imply", 3),
)
KIND_NAMES: tuple[FactKind, ...] = tuple(k.name for k in KINDS)
BY_NAME: dict[str, Kind] = {k.name: k for k in KINDS}
SEARCH_ORDER: tuple[Kind, ...] = tuple(sorted(KINDS, key=lambda k: k.search_rank))


def kind_named(word: str) -> Kind | None:
    """`number`, `numbers` or `Numbers` -> the number kind; None if no kind is called that."""
    word = word.strip().lower()
    return next((k for k in KINDS if word in (k.name, k.plural)), None)
