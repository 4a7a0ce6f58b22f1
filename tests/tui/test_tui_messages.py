"""Panes and screens ask the app for things by posting messages; the app acts on them."""

from __future__ import annotations

from textual.message import Message
from textual.pilot import Pilot
from textual.widgets import TabbedContent

from tests.tui.tui_fixture import factbase, loaded, until
from tui.app import ScaledealApp
from tui.messages import OpenReader, RunOnPanes
from tui.panes.base import FactPane
from tui.screens.mentions import MentionsScreen
from tui.screens.reader import ReaderScreen


class Recorder:
    """Every OpenReader posted while the app runs (once each, though it is
    handed on from the pane to each parent up to the app)."""

    def __init__(self) -> None:
        self.messages: list[OpenReader] = []

    def __call__(self, message: Message) -> None:
        if isinstance(message, OpenReader) and not any(m is message for m in self.messages):
            self.messages.append(message)

    @property
    def opened(self) -> list[tuple[str, int | None]]:
        return [(m.source_id, m.offset) for m in self.messages]


async def choose_first_row(pilot: Pilot[None], key: str) -> FactPane:
    await pilot.press(key)
    await pilot.pause()
    pane = pilot.app.query_one("#pane-numbers" if key == "3" else "#pane-sources", FactPane)
    await pilot.press("enter")
    await pilot.pause()
    return pane


async def test_enter_on_a_number_asks_for_its_article_and_the_reader_opens_there() -> None:
    app, seen = ScaledealApp(factbase=factbase()), Recorder()
    async with app.run_test(size=(120, 36), message_hook=seen) as pilot:
        await loaded(pilot)
        pane = await choose_first_row(pilot, "3")
        number = pane.table.current
        assert number is not None
        assert seen.opened == [(number.span.source, number.span.start)]
        assert isinstance(app.screen, ReaderScreen)
        assert app.screen._offset == number.span.start


async def test_enter_on_a_source_asks_for_the_article_from_its_top() -> None:
    app, seen = ScaledealApp(factbase=factbase()), Recorder()
    async with app.run_test(size=(120, 36), message_hook=seen) as pilot:
        await loaded(pilot)
        await choose_first_row(pilot, "1")
        assert seen.opened == [("alpha.txt", None)]
        assert isinstance(app.screen, ReaderScreen)


async def test_a_mention_chosen_on_a_pushed_screen_reaches_the_app() -> None:
    app, seen = ScaledealApp(factbase=factbase()), Recorder()
    async with app.run_test(size=(120, 36), message_hook=seen) as pilot:
        await loaded(pilot)
        await pilot.press("2", "enter")
        await pilot.pause()
        assert isinstance(app.screen, MentionsScreen)
        await pilot.press("enter")
        await pilot.pause()
        assert len(seen.opened) == 1
        assert isinstance(app.screen, ReaderScreen)


async def test_a_pane_action_from_the_reader_goes_back_to_the_panes_first() -> None:
    app = ScaledealApp(factbase=factbase())
    async with app.run_test(size=(120, 36)) as pilot:
        await loaded(pilot)
        app.open_reader("alpha.txt")
        await pilot.pause()
        app.post_message(RunOnPanes("show_pane('numbers')"))
        assert await until(pilot, lambda: app.query_one("#tabs", TabbedContent).active == "numbers")
        assert app.on_main_screen


async def test_panes_mark_the_selection_the_app_hands_them() -> None:
    app = ScaledealApp(factbase=factbase())
    async with app.run_test(size=(120, 36)) as pilot:
        await loaded(pilot)
        await pilot.press("space")
        await pilot.pause()
        pane = app.query_one("#pane-sources", FactPane)
        assert pane.selection is app.selection
        assert pane.current_ref in app.selection
