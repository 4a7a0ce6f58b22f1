"""The five panes in their tabs: mounted after the app's first frame, so
their imports (and pydantic's) never delay it."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import TabbedContent, TabPane

from facts.kinds import KINDS
from facts.views.selection import Selection
from tui.panes.base import FactPane
from tui.panes.checks import ChecksPane
from tui.panes.conflicts import ConflictsPane
from tui.panes.entities import EntitiesPane
from tui.panes.numbers import NumbersPane
from tui.panes.sources import SourcesPane

PANE_CLASSES: dict[str, type[FactPane]] = {
    p.kind: p for p in (SourcesPane, EntitiesPane, NumbersPane, ConflictsPane, ChecksPane)
}


class PaneTabs(Vertical):
    def __init__(self, selection: Selection, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.selection = selection

    def compose(self) -> ComposeResult:
        with TabbedContent(id="tabs", initial="sources"):
            for kind in KINDS:  # in the registry's order, each under its key
                with TabPane(f"{kind.key} {kind.title}", id=kind.collection):
                    yield PANE_CLASSES[kind.name](self.selection, id=f"pane-{kind.collection}")
