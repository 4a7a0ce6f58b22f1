"""The five panes in their tabs: mounted after the app's first frame, so
their imports (and pydantic's) never delay it."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import TabbedContent, TabPane

from .base import FactPane
from .checks import ChecksPane
from .conflicts import ConflictsPane
from .entities import EntitiesPane
from .numbers import NumbersPane
from .sources import SourcesPane

PANE_CLASSES: dict[str, type[FactPane]] = {
    "sources": SourcesPane,
    "entities": EntitiesPane,
    "numbers": NumbersPane,
    "conflicts": ConflictsPane,
    "checks": ChecksPane,
}


class PaneTabs(Vertical):
    def compose(self) -> ComposeResult:
        with TabbedContent(id="tabs", initial="sources"):
            for i, (key, pane) in enumerate(PANE_CLASSES.items()):
                with TabPane(f"{i + 1} {pane.title}", id=key):
                    yield pane(id=f"pane-{key}")
