"""Table keys: the filter says how much it hides and Esc clears it; s sorts by the picked column."""

from __future__ import annotations

import pytest
from textual.widgets import Input

from tests.tui.tui_fixture import SIZES, factbase, loaded, settle
from tui.app import ScaledealApp


@pytest.mark.parametrize("size", SIZES)
async def test_the_filter_shows_how_many_rows_it_keeps_and_esc_clears_and_closes_it(size: tuple[int, int]):
    app = ScaledealApp(factbase=factbase())
    async with app.run_test(size=size) as pilot:
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


@pytest.mark.parametrize("size", SIZES)
async def test_esc_on_the_table_clears_a_filter_that_was_applied(size: tuple[int, int]):
    app = ScaledealApp(factbase=factbase())
    async with app.run_test(size=size) as pilot:
        await loaded(pilot)
        await pilot.press("3", "f", *"percent", "enter")
        pane = app.query_one("#pane-numbers")
        await settle(pilot, lambda: pane.table.has_focus)
        assert pane.table.has_focus and len(pane.table.rows) < len(app.factbase.numbers)
        await pilot.press("escape")  # typed after Enter: it waits its turn (tui/app.py, keys typed ahead)
        await settle(pilot, lambda: len(pane.table.rows) == len(app.factbase.numbers))
        assert len(pane.table.rows) == len(app.factbase.numbers)


@pytest.mark.parametrize("size", SIZES)
async def test_s_sorts_by_the_column_picked_with_the_arrows_and_again_reverses(size: tuple[int, int]):
    app = ScaledealApp(factbase=factbase())
    async with app.run_test(size=size) as pilot:
        await loaded(pilot)
        await pilot.press("3", "right", "right", "right", "right")
        table = app.query_one("#pane-numbers").table
        assert table.column_key == "attribute"
        assert "Attribute" in table.render_line(0).text
        await pilot.press("s")
        assert (table.sort_column, table.sort_reverse) == ("attribute", False)
        shown = [table.items[i].attribute for i in table.rows]
        assert shown == sorted(shown, key=str.casefold)
        await pilot.press("s")
        assert (table.sort_column, table.sort_reverse) == ("attribute", True)
        await pilot.press("left", "s")
        assert table.sort_column == "qualifier"
