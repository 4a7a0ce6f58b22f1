"""`?`: every key, grouped by where it works."""

from __future__ import annotations

from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from tui.actions import help_rows

KEYS: list[tuple[str, list[tuple[str, str]]]] = help_rows()


def keys_table() -> Table:
    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold", justify="right", min_width=14)
    table.add_column()
    for i, (group, rows) in enumerate(KEYS):
        if i:
            table.add_row(Text(""), Text(""))
        table.add_row(Text(""), Text(group, style="bold underline"))
        for key, what in rows:
            table.add_row(Text(key), Text(what))
    return table


class HelpScreen(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,q,question_mark", "dismiss", "Close")]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help"):
            yield Static(Text("scaledeal keys", style="bold"), id="help-title")
            yield Static(keys_table())
            yield Static(Text("Esc closes", style="dim"))
