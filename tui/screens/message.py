"""A whole-screen message for when there is nothing to show."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Center, Middle
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Static

from facts.text import single_line


class MessageScreen(Screen[None]):
    """A whole-screen message for when there is nothing to show (no articles)."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("q,escape", "app.quit", "Quit")]

    def __init__(self, headline: str, detail: str, hint: str) -> None:
        super().__init__()
        self.headline, self.detail, self.hint = headline, detail, hint

    def compose(self) -> ComposeResult:
        body = Content.assemble(
            (self.headline, "bold $error"), "\n\n", single_line(self.detail), "\n\n", (self.hint, "$text-muted")
        )
        with Middle(), Center():
            yield Static(body, id="message")
