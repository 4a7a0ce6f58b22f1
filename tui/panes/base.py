"""What every pane shares: a FactTable of one fact kind, a filter line and a
detail area for the highlighted fact. Panes only present the FactBase."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, ClassVar, Protocol

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Input, Static

from facts.kinds import FactKind, FactRef
from facts.views.index import FactIndex
from tui.actions import bindings
from tui.widgets.fact_table import Column, FactTable

if TYPE_CHECKING:
    from facts.views.selection import Selection


class Identified(Protocol):
    """A row of a pane: every kind of fact carries its id."""

    @property
    def id(self) -> str: ...


class FactPane(Vertical):
    kind: ClassVar[FactKind]
    empty_text: ClassVar[str] = "Nothing here."
    filter_hint: ClassVar[str] = "filter (column:text looks in one column) · Enter apply · Esc close"
    BINDINGS: ClassVar[list[BindingType]] = bindings("pane")

    def __init__(self, selection: Selection, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.selection = selection  # the app's: it marks rows, the app changes it
        self.lookup: FactIndex | None = None
        self._positions: dict[str, int] = {}

    # ---------------------------------------------------------------- shape
    def columns(self) -> list[Column[Any]]:
        raise NotImplementedError

    def items(self, lookup: FactIndex) -> Sequence[Any]:
        raise NotImplementedError

    def fact_id(self, item: Identified) -> str:
        return item.id

    def detail(self, item: Any) -> Content:
        raise NotImplementedError

    def open(self, item: Any) -> None:
        """Enter on a row."""

    def timeline_of(self, item: Any) -> tuple[str, str] | None:
        """The (attribute, subject) whose timeline `t` shows for this row; None if it has none."""
        return None

    # ---------------------------------------------------------------- parts
    def compose(self) -> ComposeResult:
        yield Input(placeholder=self.filter_hint, id="filter", classes="filter")
        yield FactTable(self.columns(), marked=self._is_selected, empty_text=self.empty_text, id="table")
        yield from self.compose_detail()

    def compose_detail(self) -> ComposeResult:
        with VerticalScroll(classes="detail"):  # Tab reaches it: ↓ pgdn end scroll what does not fit
            yield Static(Content(""), id="detail")

    @property
    def table(self) -> FactTable[Any]:
        return self.query_one("#table", FactTable)

    def _is_selected(self, item: Any) -> bool:
        return (self.kind, self.fact_id(item)) in self.selection

    # ---------------------------------------------------------------- data
    def load(self, lookup: FactIndex) -> None:
        self.lookup = lookup
        self._positions = {}  # built on the first jump to a fact: a pass over every row
        self.table.set_items(self.items(lookup))

    @property
    def current_ref(self) -> FactRef | None:
        item = self.table.current
        return None if item is None else (self.kind, self.fact_id(item))

    def focus_fact(self, fact_id: str) -> bool:
        if not self._positions and self.table.items:
            self._positions = {self.fact_id(x): i for i, x in enumerate(self.table.items)}
        index = self._positions.get(fact_id)
        if index is None or not self.table.focus_index(index):
            return False
        self.table.focus()
        return True

    def show_detail(self, item: Any) -> None:
        content = Content(self.empty_text) if item is None or self.lookup is None else self.detail(item)
        self.query_one("#detail", Static).update(content)

    # ---------------------------------------------------------------- events
    def on_fact_table_highlighted(self, event: FactTable.Highlighted) -> None:
        event.stop()
        self.show_detail(event.item)
        self._show_count()

    def _show_count(self) -> None:
        """ "8 of 88" on the filter line while a filter holds rows back."""
        table, box = self.table, self.query_one("#filter", Input)
        shown = f"{len(table.rows):,} of {len(table.items):,}" if table.filter_text else ""
        box.border_subtitle = shown + (" …" if shown and table.pending else "")

    def on_fact_table_chosen(self, event: FactTable.Chosen) -> None:
        event.stop()
        self.open(event.item)

    def action_filter(self) -> None:
        box = self.query_one("#filter", Input)
        box.add_class("open")
        box.focus()

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.table.set_filter(event.value)  # a big table filters in a worker: typing never waits

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.table.set_filter(event.value)
        self._close_filter()

    def key_escape(self) -> None:
        """Esc clears the filter and closes it, as its hint says (from the table too)."""
        box = self.query_one("#filter", Input)
        if box.has_focus or box.value:
            box.value = ""
            self.table.set_filter("")
            self._close_filter()

    def _close_filter(self) -> None:
        box = self.query_one("#filter", Input)
        if not box.value:
            box.remove_class("open")
        self.table.focus()
