"""`t`: an attribute's claims in date order; a superseded rumour reads as an update."""

from __future__ import annotations

from textual.widgets import Static

from tests.tui.tui_fixture import factbase, loaded, plain, settle, table_lines
from tui.app import ScaledealApp
from tui.screens.reader import Reader, ReaderScreen
from tui.screens.timeline import TimelineScreen


async def open_timeline(pilot, *keys: str) -> TimelineScreen:
    await pilot.press(*keys, "t")
    screen = pilot.app.screen
    assert isinstance(screen, TimelineScreen)
    await settle(pilot, lambda: screen.entries is not None)
    return screen


async def test_t_on_a_conflict_lists_its_claims_oldest_first_with_status_and_notes():
    app = ScaledealApp(factbase=factbase())
    async with app.run_test(size=(120, 36)) as pilot:
        await loaded(pilot)
        screen = await open_timeline(pilot, "4", "j")
        title = plain(screen.query_one("#timeline-title", Static))
        assert "deal value" in title and "Quillfeather Analytics" in title
        dated = [e.date for e in screen.entries if e.date]
        assert dated == sorted(dated) and len(dated) >= 3
        lines = table_lines(app, "#timeline")
        assert "Status" in lines[0] and "Dated by" in lines[0]
        assert "28 Mar 2031" in lines[1] and "rumour" in lines[1] and "over $2B" in lines[1]
        assert any("supersedes the rumoured over $2B" in e.note for e in screen.entries)
        assert any("2 Apr 2031" in line and "$2.4B" in line for line in lines)


async def test_the_highlighted_entry_says_where_its_date_comes_from():
    app = ScaledealApp(factbase=factbase())
    async with app.run_test(size=(120, 36)) as pilot:
        await loaded(pilot)
        screen = await open_timeline(pilot, "4", "j")
        detail = plain(screen.query_one("#timeline-detail", Static))
        assert "28 Mar 2031 (the article's date)" in detail and "rumour" in detail


async def test_enter_on_an_entry_reads_that_claim_and_escape_comes_back():
    app = ScaledealApp(factbase=factbase())
    async with app.run_test(size=(120, 36)) as pilot:
        await loaded(pilot)
        screen = await open_timeline(pilot, "4", "j")
        await pilot.press("j", "j", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        reader = app.screen.query_one(Reader)
        entry = screen.entries[2]
        start, end, _ = reader.highlights[reader.current]
        assert start <= entry.claim.span.start < end
        await pilot.press("escape")
        assert app.screen is screen


async def test_t_on_a_number_follows_its_attribute():
    app = ScaledealApp(factbase=factbase())
    async with app.run_test(size=(120, 36)) as pilot:
        await loaded(pilot)
        screen = await open_timeline(pilot, "3", "j", "j")
        assert "founding year" in plain(screen.query_one("#timeline-title", Static))
        assert {e.source for e in screen.entries} >= {"alpha.txt", "beta.txt"}


async def test_the_palette_opens_the_timeline_of_the_highlighted_fact():
    app = ScaledealApp(factbase=factbase())
    async with app.run_test(size=(120, 36)) as pilot:
        await loaded(pilot)
        await pilot.press("4", "j", "ctrl+p", *"timeline")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await settle(pilot, lambda: isinstance(app.screen, TimelineScreen))
        assert isinstance(app.screen, TimelineScreen)


async def test_t_on_a_source_explains_what_has_a_timeline():
    app = ScaledealApp(factbase=factbase())
    async with app.run_test(size=(120, 36)) as pilot:
        await loaded(pilot)
        await pilot.press("1", "t")
        assert not isinstance(app.screen, TimelineScreen)
        assert any("press t" in n.message for n in app._notifications)


async def test_a_qualitative_conflict_orders_its_own_claims_by_article_date():
    app = ScaledealApp(factbase=factbase())
    async with app.run_test(size=(120, 36)) as pilot:
        await loaded(pilot)
        screen = await open_timeline(pilot, "4", "G")
        assert [e.source for e in screen.entries] == ["alpha.txt", "gamma.txt"]  # 2 Apr before 5 Apr
        assert all(e.basis == "source" for e in screen.entries)
        assert "taking a 60% stake" in table_lines(app, "#timeline")[2]
