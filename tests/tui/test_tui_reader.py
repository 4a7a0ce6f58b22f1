"""The reader: the whole article, facts highlighted, n / N to step through them."""

from __future__ import annotations

from textual.app import App, ComposeResult

from tests.tui.tui_fixture import ALPHA, factbase, loaded
from tui.app import ScaledealApp
from tui.screens.mentions import MentionsScreen
from tui.screens.reader import Reader, ReaderScreen, wrap


def reader_text(app: App) -> str:
    reader = app.screen.query_one(Reader)
    return "\n".join(reader.render_line(y).text.rstrip() for y in range(reader.size.height))


async def test_enter_on_a_source_opens_the_whole_article():
    app = ScaledealApp(factbase=factbase())
    async with app.run_test(size=(120, 36)) as pilot:
        await loaded(pilot)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        text = reader_text(app)
        assert "Harborline Robotics said on Tuesday" in text and "employs 340 people." in text
        await pilot.press("escape")
        assert not isinstance(app.screen, ReaderScreen)


async def test_n_and_shift_n_step_through_highlights_in_reading_order():
    app = ScaledealApp(factbase=factbase())
    async with app.run_test(size=(120, 36)) as pilot:
        await loaded(pilot)
        await pilot.press("enter")
        await pilot.pause()
        reader = app.screen.query_one(Reader)
        await pilot.press("n")
        first = reader.highlights[reader.current]
        assert first[0] == 0 and ALPHA[first[0] : first[1]] == "Harborline"
        await pilot.press("n", "n")
        third = reader.highlights[reader.current]
        assert third[0] > first[0]
        await pilot.press("N")
        assert reader.highlights[reader.current][0] < third[0]
        status = app.screen.query_one("#reader-status").content.plain
        assert f"of {len(reader.highlights)}" in status


async def test_reader_highlights_numbers_entities_and_claims_differently():
    app = ScaledealApp(factbase=factbase())
    async with app.run_test(size=(120, 36)) as pilot:
        await loaded(pilot)
        await pilot.press("enter")
        await pilot.pause()
        reader = app.screen.query_one(Reader)
        kinds = {kind for _, _, kind in reader.highlights}
        assert kinds == {"number", "entity", "claim"}
        styles = {k: reader.get_component_rich_style(f"reader--{k}") for k in kinds}
        assert len(set(styles.values())) == 3


async def test_enter_on_a_mention_in_context_opens_the_reader_there():
    fb = factbase()
    app = ScaledealApp(factbase=fb)
    async with app.run_test(size=(120, 36)) as pilot:
        await loaded(pilot)
        await pilot.press("2", "enter")
        await pilot.pause()
        assert isinstance(app.screen, MentionsScreen)
        await pilot.press("G", "enter")  # the last mention: in the hostile source
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        reader = app.screen.query_one(Reader)
        start, end, _ = reader.highlights[reader.current]
        last = fb.entities[0].mentions[-1]
        assert (start, end) == (last.start, last.end)
        await pilot.press("escape")
        assert isinstance(app.screen, MentionsScreen)


def test_wrapping_keeps_every_character_and_fits_the_width():
    text = ("word " * 40 + "\n") * 3 + "x" * 250
    starts, ends = wrap(text, 30)
    assert all(e - s <= 30 for s, e in zip(starts, ends, strict=True))
    rebuilt = "".join(text[s:e] for s, e in zip(starts, ends, strict=True))
    assert rebuilt == text.replace("\n", "")


class OneReader(App[None]):
    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def compose(self) -> ComposeResult:
        yield Reader(self.text, [(len(self.text) - 5, len(self.text), "number")])


async def test_a_five_megabyte_single_line_article_opens_and_scrolls_to_its_end():
    text = "deal news " * 500_000 + "THE END"
    app = OneReader(text)
    async with app.run_test(size=(80, 24)) as pilot:
        assert app.focused is app.query_one(Reader)
        await pilot.press("G")
        await pilot.pause()
        assert "THE END" in reader_text(app)
        await pilot.press("g", "n")
        await pilot.pause()
        assert "THE END" in reader_text(app)
