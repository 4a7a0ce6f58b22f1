"""Every mention of one entity in context; Enter opens the reader there."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Static

from facts.model import Entity, Span
from facts.text import display_safe
from facts.views.index import FactIndex
from tui.messages import OpenReader
from tui.widgets.fact_table import Column, FactTable
from tui.widgets.footer import Footer

CONTEXT = 80  # characters either side of a mention


class MentionsScreen(Screen[None]):
    """Keyword-in-context lines for one entity."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,q", "app.pop_screen", "Back")]

    def __init__(self, lookup: FactIndex, entity: Entity) -> None:
        super().__init__()
        self.lookup, self.entity = lookup, entity

    def compose(self) -> ComposeResult:
        e = self.entity
        yield Static(
            Content.assemble(
                (display_safe(e.name), "bold"),
                (f"  {e.kind} · {len(e.mentions)} mentions · Enter opens the reader there · Esc back", "$text-muted"),
            ),
            id="mentions-title",
        )
        yield FactTable(self._columns(), empty_text="No mentions.", id="mentions")
        yield Footer()

    def _columns(self) -> list[Column[Span]]:
        text = self.lookup.text_of
        widest = max((len(m.text) for m in self.entity.mentions), default=8)
        return [
            Column("source", "Source", lambda m: self.lookup.label_of(m.source), width=12, style="fact-table--dim"),
            Column("line", "Line", lambda m: str(self.lookup.line_of(m.source, m.start)), width=5, align="right",
                   sort_key=lambda m: (m.source, m.start)),
            Column("left", "", lambda m: text(m.source)[max(0, m.start - CONTEXT) : m.start], width=10, flex=1,
                   align="right", keep_end=True),
            Column("mention", "Mention", lambda m: m.text, width=min(30, max(7, widest)), style="fact-table--value"),
            Column("right", "", lambda m: text(m.source)[m.end : m.end + CONTEXT], width=10, flex=1),
        ]  # fmt: skip

    def on_mount(self) -> None:
        table = self.query_one(FactTable)
        table.set_items(sorted(self.entity.mentions, key=lambda m: (m.source, m.start)))
        table.focus()

    def on_fact_table_chosen(self, event: FactTable.Chosen) -> None:
        m: Span = event.item
        self.post_message(OpenReader(m.source, m.start))
