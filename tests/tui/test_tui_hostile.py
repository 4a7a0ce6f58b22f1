"""Article text is shown literally: markup is text, escapes are made visible."""

from __future__ import annotations

from dataclasses import replace

from textual.widgets import Static

from tests.tui.tui_fixture import factbase, loaded, settle
from tui.app import ScaledealApp
from tui.screens.reader import Reader
from tui.widgets.fact_table import FactTable

ESCAPES = ("\x1b", "\x07", "\x9b")


def visible_text(app: ScaledealApp) -> str:
    """Everything the current screen draws, as the terminal would get it."""
    lines = []
    for widget in app.screen.query("*"):
        if isinstance(widget, FactTable | Reader):
            lines += [widget.render_line(y).text for y in range(widget.size.height)]
        elif isinstance(widget, Static):
            content = widget.content
            lines.append(getattr(content, "plain", str(content)))
    return "\n".join(lines)


async def test_markup_in_a_title_shows_as_typed_in_the_sources_table():
    app = ScaledealApp(factbase=factbase())
    async with app.run_test(size=(160, 36)) as pilot:
        await loaded(pilot)
        await pilot.press("G")
        shown = visible_text(app)
        assert "Notes with [bold red]x[/] markup and [@click=app.quit]click me[/]" in shown
        assert not any(e in shown for e in ESCAPES)
        assert app.is_running


async def test_escapes_in_an_article_are_made_visible_in_the_reader_not_run():
    app = ScaledealApp(factbase=factbase())
    async with app.run_test(size=(120, 36)) as pilot:
        await loaded(pilot)
        await pilot.press("G", "enter")
        await pilot.pause()
        shown = visible_text(app)
        assert "␛[31mred␛[0m" in shown and "␛]52;c;aGVsbG8=␇" in shown
        assert "[link=http://example.com]here[/link]" in shown
        assert not any(e in shown for e in ESCAPES)
        await pilot.click(Reader, offset=(14, 0))  # on the [@click=app.quit] text: nothing happens
        assert app.is_running


async def test_hostile_number_shows_its_sentence_literally_in_the_detail_area():
    app = ScaledealApp(factbase=factbase())
    async with app.run_test(size=(120, 36)) as pilot:
        await loaded(pilot)
        await pilot.press("3", "G")
        detail = visible_text(app)
        assert "$9 billion [link=http://example.com]here[/link]." in detail
        assert not any(e in detail for e in ESCAPES)


async def test_hostile_entity_mentions_show_literally_in_context():
    app = ScaledealApp(factbase=factbase())
    async with app.run_test(size=(160, 36)) as pilot:
        await loaded(pilot)
        await pilot.press("2", "enter", "G")
        await pilot.pause()
        shown = visible_text(app)
        assert "␇ sit in this line" in shown
        assert not any(e in shown for e in ESCAPES)


def hostile_origin_factbase():
    """Who says the hostile figure is itself markup and escapes, as an extractor could copy them."""
    fb = factbase()
    hostile = fb.numbers[-1]
    hostile.attribution = replace(hostile.attribution, origin="[b]The [@click=app.quit]Wire[/]\x1b[31m")
    for check in fb.checks:
        check.inputs[0].attribution = hostile.attribution
    return fb


async def test_a_hostile_attribution_shows_literally_in_the_numbers_pane_and_checks():
    app = ScaledealApp(factbase=hostile_origin_factbase())
    async with app.run_test(size=(160, 36)) as pilot:
        await loaded(pilot)
        await pilot.press("3", "G")
        shown = visible_text(app)
        assert "[b]The [@click=app.quit]Wire[/]␛[31m" in shown
        await pilot.press("5")
        shown += visible_text(app)
        assert "said by [b]The [@click=app.quit]Wire[/]␛[31m" in shown
        assert not any(e in shown for e in ESCAPES)
        assert app.is_running


async def test_a_hostile_attribution_shows_literally_in_the_timeline():
    app = ScaledealApp(factbase=hostile_origin_factbase())
    async with app.run_test(size=(160, 36)) as pilot:
        await loaded(pilot)
        await pilot.press("3", "G", "t")
        await settle(pilot, lambda: getattr(app.screen, "entries", None) is not None)
        await pilot.press("G")
        shown = visible_text(app)
        assert "[b]The [@click=app.quit]Wire[/]␛[31m" in shown
        assert not any(e in shown for e in ESCAPES)
