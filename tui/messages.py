"""What panes, screens and the palette ask of the app.

They post these instead of calling the app's methods: a message bubbles up to
the App (from a pushed Screen too), so a pane never needs to know which app
it sits in, and the app stays the one place that opens screens.
"""

from __future__ import annotations

from textual.message import Message


class OpenReader(Message):
    """Read one article, scrolled to `offset` (a character offset) when given."""

    def __init__(self, source_id: str, offset: int | None = None) -> None:
        super().__init__()
        self.source_id = source_id
        self.offset = offset


class RunOnPanes(Message):
    """Run an action of the app on its panes: back to them first, from
    whatever screen is on top (the command palette sends this)."""

    def __init__(self, action: str) -> None:
        super().__init__()
        self.action = action
