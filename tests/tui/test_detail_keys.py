"""At 80x24 a conflict's verdict is on screen first and the rest is reachable from the keyboard."""

from __future__ import annotations

import pytest

from tests.tui.tui_fixture import SIZES, factbase, loaded
from tui.app import ScaledealApp
from tui.widgets.diff import DiffView


@pytest.mark.parametrize("size", SIZES)
async def test_tab_reaches_the_conflict_detail_and_end_scrolls_it(size: tuple[int, int]):
    app = ScaledealApp(factbase=factbase())
    async with app.run_test(size=size) as pilot:
        await loaded(pilot)
        await pilot.press("4", "j")  # three claims: more than 80x24 shows at once
        await pilot.pause()
        diff = app.query_one(DiffView)
        verdict = diff.query_one("#diff-verdict")
        assert verdict.region.y < diff.query_one("#diff-columns").region.y  # the answer before the quotes
        assert verdict.region.y < diff.region.bottom  # and on screen without scrolling
        await pilot.press("tab")
        assert app.focused is diff
        await pilot.press("end")
        await pilot.pause()
        assert diff.scroll_y == diff.max_scroll_y  # the end of the detail, whatever its length
        assert diff.max_scroll_y > 0 or size != (80, 24)  # at 80x24 there is more than fits
        await pilot.press("home")
        await pilot.pause()
        assert diff.scroll_y == 0


@pytest.mark.parametrize("size", SIZES)
async def test_the_numbers_detail_takes_focus_too(size: tuple[int, int]):
    app = ScaledealApp(factbase=factbase())
    async with app.run_test(size=size) as pilot:
        await loaded(pilot)
        await pilot.press("3", "tab")
        assert app.focused is not None and "detail" in app.focused.classes
        await pilot.press("shift+tab")
        assert app.focused is app.query_one("#pane-numbers").table
