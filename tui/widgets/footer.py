"""The key bar: compact below 100 columns, so the keys that matter fit at 80
(ctrl+p is in the help screen, so its hint goes first)."""

from __future__ import annotations

from textual import events
from textual.widgets import Footer as TextualFooter

COMPACT_BELOW = 100


class Footer(TextualFooter):
    def on_resize(self, event: events.Resize) -> None:
        narrow = event.size.width < COMPACT_BELOW
        self.compact = narrow
        self.show_command_palette = not narrow
