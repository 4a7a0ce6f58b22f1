"""Conflicts: one row per disputed attribute; the highlighted one is shown
side by side, a column per claim, with its verdict."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.content import Content

from facts.kinds import FactKind
from facts.labels import claim_label
from facts.model import Conflict
from facts.views.index import FactIndex
from tui.actions import bindings
from tui.messages import OpenReader
from tui.panes.base import FactPane
from tui.widgets.diff import DiffView
from tui.widgets.fact_table import Column


def values_cell(c: Conflict) -> str:
    out = []
    for cl in c.claims:
        value = claim_label(cl) if cl.value is not None else f"“{cl.span.text}”"
        if value not in out:
            out.append(value)
    return " · ".join(out)


class ConflictsPane(FactPane):
    kind: ClassVar[FactKind] = "conflict"
    empty_text = "No conflicts: the sources agree (or say different things)."
    BINDINGS: ClassVar[list[BindingType]] = bindings("conflicts")

    def columns(self) -> list[Column[Conflict]]:
        return [
            Column("attribute", "Attribute", lambda c: c.attribute, width=14, flex=1, filterable=True),
            Column("kind", "Kind", lambda c: c.kind, width=11, filterable=True, style="fact-table--dim",
                   hide_below=90),
            Column("verdict", "Verdict", lambda c: c.verdict, width=13, filterable=True, style="fact-table--value"),
            Column("provenance", "Prov.", lambda c: c.provenance, width=7, filterable=True,
                   style="fact-table--dim"),
            Column("claims", "#", lambda c: str(len(c.claims)), width=3, align="right",
                   sort_key=lambda c: len(c.claims)),
            Column("values", "Values", values_cell, width=16, flex=2, filterable=True),
            Column("origins", "Origins", self._origins_cell, width=9, sort_key=self._sourcing_key),
            Column("update", "Update", self._update_cell, width=6, hide_below=100, filterable=True,
                   style="fact-table--value"),
        ]  # fmt: skip

    def _origins_cell(self, c: Conflict) -> str:
        """Independent origins behind each value, in the order of the Values column: `2 · 1`."""
        sides = self.lookup.sides.get(c.id, []) if self.lookup is not None else []
        return " · ".join(str(len(s.origins)) for s in sides)

    def _sourcing_key(self, c: Conflict) -> tuple[float, float]:
        # ascending puts the weakest-sourced disputes first; S (reverse) ranks the best-sourced first
        return self.lookup.weakest_side(c) if self.lookup is not None else (0.0, 0.0)

    def action_rank(self) -> None:
        """Best-sourced disputes first: those whose weaker side still has solid origins."""
        self.table.sort_by("origins", reverse=True)
        self.app.notify("Ranked by how well each side is sourced (weaker side first, then stronger)", timeout=2)

    def _update_cell(self, c: Conflict) -> str:
        return "update" if self.lookup is not None and self.lookup.update_note(c) else ""

    def timeline_of(self, c: Conflict) -> tuple[str, str]:
        return c.attribute, c.subject

    def compose_detail(self) -> ComposeResult:
        yield DiffView(id="diff", classes="detail")

    def items(self, lookup: FactIndex) -> Sequence[Conflict]:
        return lookup.fb.conflicts

    def show_detail(self, item: Conflict | None) -> None:
        if self.lookup is not None:
            self.query_one(DiffView).show(self.lookup, item)

    def detail(self, item: Conflict) -> Content:  # the DiffView draws conflicts
        return Content("")

    def action_shift(self, direction: int) -> None:
        self.query_one(DiffView).action_shift(direction)

    def open(self, c: Conflict) -> None:
        diff = self.query_one(DiffView)
        if diff.claims:
            first = diff.claims[diff.first]
            self.post_message(OpenReader(first.span.source, first.span.start))
