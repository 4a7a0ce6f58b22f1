"""The filter says how much it hides, and Esc clears and closes it as its hint says."""

from __future__ import annotations

from textual.widgets import Input

from tests.tui.tui_fixture import factbase, loaded
from tui.app import ScaledealApp


async def test_the_filter_shows_how_many_rows_it_keeps_and_esc_clears_and_closes_it():
    app = ScaledealApp(factbase=factbase())
    async with app.run_test(size=(120, 36)) as pilot:
        await loaded(pilot)
        await pilot.press("3", "f", *"percent")
        await pilot.pause()
        pane = app.query_one("#pane-numbers")
        box = pane.query_one("#filter", Input)
        total = len(app.factbase.numbers)
        assert box.border_subtitle == f"{len(pane.table.rows)} of {total}" and 0 < len(pane.table.rows) < total
        await pilot.press("escape")
        await pilot.pause()
        assert box.value == "" and not box.has_class("open") and len(pane.table.rows) == total
        assert pane.table.has_focus and not box.border_subtitle


async def test_esc_on_the_table_clears_a_filter_that_was_applied():
    app = ScaledealApp(factbase=factbase())
    async with app.run_test(size=(120, 36)) as pilot:
        await loaded(pilot)
        await pilot.press("3", "f", *"percent", "enter")
        await pilot.pause()
        pane = app.query_one("#pane-numbers")
        assert pane.table.has_focus and len(pane.table.rows) < len(app.factbase.numbers)
        await pilot.press("escape")
        await pilot.pause()
        assert len(pane.table.rows) == len(app.factbase.numbers)
