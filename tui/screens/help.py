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

KEYS: list[tuple[str, list[tuple[str, str]]]] = [
    (
        "Everywhere",
        [
            ("/", "fuzzy search over every fact (typos are fine)"),
            ("?", "this help"),
            ("ctrl+p", "command palette: every action by name"),
            ("q", "quit (in the reader, mentions or timeline: back)"),
        ],
    ),
    (
        "On the panes",
        [
            ("1 2 3 4 5", "Sources, Entities, Numbers, Conflicts, Checks"),
            ("space", "select / unselect the highlighted fact"),
            ("e", "export the selection to Markdown"),
            ("c", "copy the highlighted fact with its citation"),
            ("t", "timeline: the claims of this attribute in date order"),
        ],
    ),
    (
        "Tables",
        [
            ("j k  ↓ ↑", "move"),
            ("pgdn pgup", "a page down / up"),
            ("g G  home end", "first / last row"),
            ("s  S", "sort by the next column / reverse the sort"),
            ("f", "filter (unit:USD looks in one column)"),
            ("enter", "open: reader, mentions in context"),
            ("[ ]", "conflicts: earlier / more claims side by side"),
            ("o", "conflicts: rank by how well each side is sourced"),
        ],
    ),
    (
        "Reader",
        [
            ("n  N", "next / previous highlight"),
            ("j k  space b", "scroll a line / a page"),
            ("escape", "back"),
        ],
    ),
    ("Timeline", [("enter", "read the claim in its article"), ("escape", "back")]),
    ("Search and dialogs", [("enter", "jump to the fact / confirm"), ("escape", "back")]),
]


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
