"""Keys typed ahead apply in order, even while Enter is still opening a screen."""

from __future__ import annotations

import pytest
from textual import events
from textual.widgets import TabbedContent

from tests.tui.tui_fixture import SIZES, factbase, loaded, settle
from tui.app import ScaledealApp
from tui.screens.reader import ReaderScreen


async def typed_at_once(app: ScaledealApp, *keys: str) -> None:
    """As a fast typist's keys arrive: all queued before the first is handled."""
    for key in keys:
        app.post_message(events.Key(key, key if len(key) == 1 else None))


@pytest.mark.parametrize("size", SIZES)
async def test_enter_esc_4_typed_quickly_opens_and_closes_the_reader_then_shows_conflicts(size: tuple[int, int]):
    app = ScaledealApp(factbase=factbase())
    async with app.run_test(size=size) as pilot:
        await loaded(pilot)
        await pilot.press("3")
        await typed_at_once(app, "enter", "escape", "4")
        await settle(pilot, lambda: app.query_one(TabbedContent).active == "conflicts")
        await pilot.pause(0.3)  # a reader opened late (the old bug) would be up by now
        assert not isinstance(app.screen, ReaderScreen)
        assert app.query_one(TabbedContent).active == "conflicts"


@pytest.mark.parametrize("size", SIZES)
async def test_keys_after_an_enter_that_opens_nothing_still_apply(size: tuple[int, int]):
    app = ScaledealApp(factbase=factbase())
    async with app.run_test(size=size) as pilot:
        await loaded(pilot)
        await pilot.press("3", "f", *"zzzzqq")  # a filter that leaves no row: Enter opens nothing
        await typed_at_once(app, "enter", "2")
        await settle(pilot, lambda: app.query_one(TabbedContent).active == "entities")
        assert app.query_one(TabbedContent).active == "entities"
