"""Pane keys stay on the panes: the reader, mentions and timeline keep theirs; big tables
filter off the UI thread; skipped files and curation problems are told apart."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets import TabbedContent

from facts.model import FactBase, Notice
from tests.tui.tui_fixture import factbase, loaded, settle
from tui.app import ScaledealApp
from tui.screens.mentions import MentionsScreen
from tui.screens.reader import ReaderScreen
from tui.screens.timeline import TimelineScreen
from tui.widgets.fact_table import THREADED_ROWS, Column, FactTable
from tui.widgets.header import CorpusHeader


async def test_pane_keys_do_nothing_while_the_reader_is_open():
    app = ScaledealApp(factbase=factbase())
    async with app.run_test(size=(120, 36)) as pilot:
        await loaded(pilot)
        await pilot.press("enter")
        assert isinstance(app.screen, ReaderScreen)
        await pilot.press("3", "5", "c", "t", "e")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        assert app.query_one(TabbedContent).active == "sources"
        assert not app.clipboard and not app._notifications


async def test_space_in_the_mentions_list_does_not_select_the_entity_underneath():
    app = ScaledealApp(factbase=factbase())
    async with app.run_test(size=(120, 36)) as pilot:
        await loaded(pilot)
        await pilot.press("2", "enter")
        assert isinstance(app.screen, MentionsScreen)
        await pilot.press("space", "j", "space", "1")
        assert len(app.selection) == 0 and app.query_one(CorpusHeader).selected == 0
        assert isinstance(app.screen, MentionsScreen)


async def test_the_timeline_keeps_its_own_keys():
    app = ScaledealApp(factbase=factbase())
    async with app.run_test(size=(120, 36)) as pilot:
        await loaded(pilot)
        await pilot.press("4", "j", "t")
        screen = app.screen
        assert isinstance(screen, TimelineScreen)
        await pilot.press("space", "t", "2")
        assert app.screen is screen and len(app.selection) == 0
        assert app.query_one(TabbedContent).active == "conflicts"


async def test_a_palette_command_from_the_reader_goes_back_to_the_panes():
    app = ScaledealApp(factbase=factbase())
    async with app.run_test(size=(120, 36)) as pilot:
        await loaded(pilot)
        await pilot.press("enter", "ctrl+p", *"show checks")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await settle(pilot, lambda: app.query_one(TabbedContent).active == "checks")
        assert app.screen is app.screen_stack[0]
        assert app.query_one(TabbedContent).active == "checks"


class BigTable(App[None]):
    def __init__(self, count: int) -> None:
        super().__init__()
        self.count = count

    def compose(self) -> ComposeResult:
        yield FactTable([Column("n", "N", str, filterable=True)])

    def on_mount(self) -> None:
        self.query_one(FactTable).set_items(range(self.count))


async def test_a_big_table_filters_in_a_worker_and_keeps_taking_keys():
    app = BigTable(THREADED_ROWS * 5)
    async with app.run_test(size=(60, 20)) as pilot:
        table = app.query_one(FactTable)
        table.focus()
        table.set_filter("77")
        assert table.pending  # the UI thread handed the work off
        await pilot.press("j")  # and still answers keys meanwhile
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert not table.pending
        assert all("77" in str(table.items[i]) for i in table.rows)
        assert len(table.rows) == sum("77" in str(i) for i in range(app.count))


async def test_a_newer_filter_wins_over_one_still_running():
    app = BigTable(THREADED_ROWS * 5)
    async with app.run_test(size=(60, 20)) as pilot:
        table = app.query_one(FactTable)
        table.set_filter("1")
        table.set_filter("12345")
        await settle(pilot, lambda: not table.pending)
        assert table.rows and all("12345" in str(table.items[i]) for i in table.rows)


async def test_a_small_table_filters_at_once():
    app = BigTable(500)
    async with app.run_test(size=(60, 20)):
        table = app.query_one(FactTable)
        table.set_filter("49")
        assert not table.pending
        assert [table.items[i] for i in table.rows] == [i for i in range(500) if "49" in str(i)]


async def test_skipped_files_and_curation_problems_are_told_apart():
    fb = factbase()
    lines = ["corpus/broken.txt: skipped: not UTF-8 text", "claims.yaml:12: unknown key 'valeu'"]
    fb.warnings = [Notice.model_validate(line) for line in lines]
    app = ScaledealApp(factbase=fb)
    async with app.run_test(size=(120, 36)) as pilot:
        await loaded(pilot)
        titles = {n.title: n.message for n in app._notifications}
        assert "broken.txt" in titles["1 file skipped"] and "claims.yaml" not in titles["1 file skipped"]
        assert "claims.yaml:12" in titles["1 curation problem"]
        header = app.query_one(CorpusHeader).render().plain
        assert "1 skipped" in header and "1 curation problem" in header


async def test_only_curation_problems_never_claim_files_were_skipped():
    fb = FactBase(corpus="x", sources=factbase().sources, warnings=["claims.yaml:3: quote not found in a.txt"])
    app = ScaledealApp(factbase=fb)
    async with app.run_test(size=(120, 36)) as pilot:
        await loaded(pilot)
        await settle(pilot, lambda: bool(app._notifications))  # the toast follows the index
        assert [n.title for n in app._notifications] == ["1 curation problem"]
        assert "skipped" not in app.query_one(CorpusHeader).render().plain


class Unprintable(int):
    def __str__(self) -> str:  # what a cell shows
        return int.__repr__(self)

    def __repr__(self) -> str:  # a fact base of 100,000 facts takes seconds to print
        raise AssertionError("the filter worker printed its items")


async def test_a_big_filter_never_prints_the_facts_it_filters():
    app = BigTable(0)
    async with app.run_test(size=(60, 20)) as pilot:
        table = app.query_one(FactTable)
        table.set_items([Unprintable(i) for i in range(THREADED_ROWS + 1)])
        table.set_filter("999")
        await settle(pilot, lambda: not table.pending)
        assert [int(table.items[i]) for i in table.rows] == [i for i in range(THREADED_ROWS + 1) if "999" in str(i)]
