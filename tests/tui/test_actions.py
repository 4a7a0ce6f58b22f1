"""One table of actions: the keys bound, the palette and the help screen all come from it."""

from __future__ import annotations

from textual.binding import Binding
from textual.dom import DOMNode

from tests.tui.tui_fixture import factbase, loaded
from tui.actions import ACTIONS, MAIN_SCREEN_ACTIONS, Action
from tui.app import ScaledealApp
from tui.commands import COMMANDS
from tui.panes.base import FactPane
from tui.panes.checks import ChecksPane
from tui.panes.conflicts import ConflictsPane
from tui.panes.entities import EntitiesPane
from tui.panes.numbers import NumbersPane
from tui.panes.sources import SourcesPane
from tui.screens.help import KEYS
from tui.screens.selection import SelectionScreen
from tui.widgets.fact_table import FactTable

SHOWN = {"slash": "/", "question_mark": "?", "down": "↓", "up": "↑", "pagedown": "pgdn", "pageup": "pgup"}
SHOWN |= {"left": "←", "right": "→"}
OWNERS: dict[type[DOMNode], str] = {
    ScaledealApp: "app",
    FactPane: "pane",
    SourcesPane: "pane",
    EntitiesPane: "pane",
    NumbersPane: "pane",
    ChecksPane: "pane",
    ConflictsPane: "conflicts",
    FactTable: "table",
    SelectionScreen: "selection",
}


def _row(action: Action) -> tuple[str, str]:
    """The help row that lists `action`: its own, or the one above it it shares."""
    i = ACTIONS.index(action)
    while not ACTIONS[i].help_keys:
        i -= 1
    return ACTIONS[i].help_keys, ACTIONS[i].help


def test_every_binding_of_the_app_panes_and_tables_is_in_the_table() -> None:
    table = {(a.keys, a.action, a.description, a.show) for a in ACTIONS}
    for cls, owner in OWNERS.items():
        for b in cls.BINDINGS:
            assert isinstance(b, Binding)
            assert (b.key, b.action, b.description, b.show) in table, (cls.__name__, b.key)
        mine = [a for a in ACTIONS if a.owner == owner and a.keys]
        own = cls.__dict__.get("BINDINGS", [])
        assert not own or [b.key for b in own] == [a.keys for a in mine], cls.__name__


def test_every_palette_action_of_the_table_is_in_the_palette() -> None:
    wanted = [a.palette for a in ACTIONS if a.palette]
    titles = [title for title, _, _ in COMMANDS]
    assert sorted(titles) == sorted(wanted)
    for title, _, action in COMMANDS:
        assert callable(getattr(ScaledealApp, f"action_{action.split('(')[0]}", None)), title


def test_the_help_screen_lists_every_key_of_the_table() -> None:
    rows = {row for _, group in KEYS for row in group}
    for action in ACTIONS:
        if not action.keys:
            continue
        keys, _ = _row(action)
        assert _row(action) in rows, action.keys
        first = action.keys.split(",")[0]
        assert SHOWN.get(first, first) in keys.split(), action.keys


def test_only_the_app_s_own_commands_work_over_other_screens() -> None:
    assert MAIN_SCREEN_ACTIONS.isdisjoint({"search", "help", "quit"})
    assert {"show_pane", "filter", "open_current", "rank_conflicts"} <= MAIN_SCREEN_ACTIONS


async def test_the_palette_offers_quit_once() -> None:
    app = ScaledealApp(factbase=factbase())
    async with app.run_test(size=(120, 36)) as pilot:
        await loaded(pilot)
        system = [c.title for c in app.get_system_commands(app.screen)]
        assert "Quit" not in system and system  # Textual's other commands stay
        assert [title for title, _, _ in COMMANDS].count("Quit") == 1
