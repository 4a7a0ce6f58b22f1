"""`v`: the selection under review before an export: remove, reorder, clear
(with undo), jump to a fact, export. Changes are the app's selection itself,
kept on disk by the app after each one."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Static

from facts.kinds import FactRef
from facts.model import FactBase
from facts.views.export import fact_line
from facts.views.index import FactIndex
from facts.views.selection import Selection
from tui.actions import bindings
from tui.widgets.fact_table import Column, FactTable
from tui.widgets.footer import Footer

HINT = "d remove · K J move up / down · x clear (u undoes) · e export · Enter show · Esc back"


@dataclass(frozen=True)
class Row:
    position: int
    ref: FactRef
    summary: str


class SelectionScreen(Screen[FactRef | None]):
    """The selected facts in export order; dismisses with a fact to show, or None."""

    BINDINGS: ClassVar[list[BindingType]] = bindings("selection")

    def __init__(
        self,
        fb: FactBase,
        lookup: FactIndex,
        selection: Selection,
        changed: Callable[[], None],
        export: Callable[[], None],
    ) -> None:
        super().__init__()
        self.fb, self.lookup, self.selection = fb, lookup, selection
        self.changed, self.export = changed, export

    def compose(self) -> ComposeResult:
        yield Static(id="selection-title")
        yield FactTable(self._columns(), empty_text="Nothing selected: space selects a fact.", id="selection")
        yield Footer()

    def _columns(self) -> list[Column[Row]]:
        return [
            Column("n", "#", lambda r: str(r.position), width=4, align="right", sort_key=lambda r: r.position),
            Column("kind", "Kind", lambda r: r.ref[0], width=9, style="fact-table--dim"),
            Column("fact", "Fact, as exported", lambda r: r.summary, width=20, flex=1),
        ]

    def on_mount(self) -> None:
        self.refill(0)
        self.query_one(FactTable).focus()

    def refill(self, cursor: int) -> None:
        rows = [Row(i, ref, fact_line(self.fb, ref, self.lookup)) for i, ref in enumerate(self.selection, 1)]
        table = self.query_one(FactTable)
        table.set_items(rows)
        table.move_cursor(cursor)
        n = len(rows)
        self.query_one("#selection-title", Static).update(
            Content.assemble((f"{n} selected fact{'s' * (n != 1)}", "bold"), (f"  {HINT}", "$text-muted"))
        )

    def _current(self) -> tuple[int, Row] | None:
        table = self.query_one(FactTable)
        row = table.current
        return (table.cursor, row) if row is not None else None

    def action_remove(self) -> None:
        current = self._current()
        if current is None:
            return
        self.selection.remove(current[1].ref)
        self.changed()
        self.refill(current[0])

    def action_move(self, by: int) -> None:
        current = self._current()
        if current is None:
            return
        at = self.selection.move(current[1].ref, by)
        self.changed()
        self.refill(at)

    def action_clear(self) -> None:
        if not len(self.selection):
            return
        n = self.selection.clear()
        self.changed()
        self.refill(0)
        self.notify(f"Unselected {n} facts. Press u to undo.", title="Selection cleared")

    def action_undo(self) -> None:
        if not self.selection.undo_clear():
            self.notify("No cleared selection to bring back.")
            return
        self.changed()
        self.refill(0)

    def action_export(self) -> None:
        self.export()

    def on_fact_table_chosen(self, event: FactTable.Chosen) -> None:
        event.stop()
        self.dismiss(event.item.ref)

    def action_back(self) -> None:
        self.dismiss(None)
