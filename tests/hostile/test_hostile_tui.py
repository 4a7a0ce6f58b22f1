"""The app on the generated hostile corpus: every pane, the reader, the
mentions, search, the conflict diff, the detail areas and the notifications
draw article text literally, and nothing a terminal would act on ever leaves
the app (checked on the bytes a real terminal would receive)."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from rich.console import Console
from textual import events
from textual.widgets import Input

from facts.model import FactBase
from facts.read.corpus import make_source
from tests.hostile.generate import generate
from tests.tui.tui_fixture import loaded
from tui.app import ScaledealApp
from tui.screens.mentions import MentionsScreen
from tui.screens.message import MessageScreen
from tui.screens.reader import Reader, ReaderScreen
from tui.screens.search import SearchScreen

SIZE = (140, 40)
# What the app itself sends: colours (SGR) and cursor positioning, nothing else.
COLOURS = re.compile(r"\x1b\[[0-9;]*m")
MOVES = re.compile(r"\x1b\[\d+;\d+H")
# Never on screen as themselves: C0/C1 controls (but newline), DEL, bidi and zero-width characters.
FORBIDDEN = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]")


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("hostile_tui")
    generate(out, tiny=200, huge_mb=0.05)
    return out


def terminal_bytes(app: ScaledealApp) -> str:
    """The whole frame exactly as the app would write it to a terminal."""
    console = Console(
        width=app.size.width,
        height=app.size.height,
        file=io.StringIO(),
        force_terminal=True,
        color_system="truecolor",
        legacy_windows=False,
    )
    update = app.screen._compositor.render_update(full=True, screen_stack=app._background_screens)
    return update.render_segments(console)


def screen_text(app: ScaledealApp) -> str:
    """The frame as a person sees it, after checking nothing in it could drive the terminal."""
    plain = MOVES.sub("", COLOURS.sub("", terminal_bytes(app)))  # one line per screen row
    bad = FORBIDDEN.search(plain)  # an OSC 8 link made from `[link=...]` would leave its ESC here too
    assert bad is None, (
        f"{bad.group()!r} would reach the terminal: {plain[max(0, bad.start() - 40) : bad.end() + 40]!r}"
    )
    return plain


def screen_lines(app: ScaledealApp) -> list[str]:
    return screen_text(app).split("\n")


async def open_app(pilot) -> ScaledealApp:
    await loaded(pilot, limit=120)
    app = pilot.app
    assert app.lookup is not None, "the hostile corpus never finished loading"
    return app


async def walk_table(pilot, rows: int) -> list[str]:
    """Move down `rows` rows from the top, checking every frame on the way."""
    app = pilot.app
    seen = []
    await pilot.press("g")
    for _ in range(rows):
        await pilot.pause()
        seen.append(screen_text(app))
        await pilot.press("j")
    return seen


def row_of(app: ScaledealApp, pane: str, source: str) -> int:
    table = app.query_one(f"#pane-{pane}").table
    for row, index in enumerate(table.rows):
        item = table.items[index]
        sid = getattr(item, "id", None) if pane == "sources" else item.span.source
        if sid == source:
            return row
    raise AssertionError(f"{source} is not in the {pane} pane")


async def goto(pilot, pane: str, source: str) -> None:
    table = pilot.app.query_one(f"#pane-{pane}").table
    table.move_cursor(row_of(pilot.app, pane, source))
    await pilot.pause()


def app_on(hostile: Path) -> ScaledealApp:
    return ScaledealApp([str(hostile)])


# ---------------------------------------------------------------- every pane
async def test_every_pane_of_the_hostile_corpus_draws_without_an_escape_reaching_the_terminal(hostile):
    app = app_on(hostile)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_app(pilot)
        for key in "1234":
            await pilot.press(key)
            await pilot.pause()
            frames = await walk_table(pilot, min(40, len(app.active_pane.table.rows)))
            assert frames
        assert app.is_running


async def test_sources_pane_shows_markup_titles_and_file_names_as_typed(hostile):
    app = app_on(hostile)
    async with app.run_test(size=(160, 40), notifications=True) as pilot:
        await open_app(pilot)
        app.clear_notifications()  # the skipped-files toast would cover the detail area
        await goto(pilot, "sources", "markup.txt")
        shown = screen_text(app)
        assert "[bold red]Breaking[/] news: [link=https://evil.example]click[/link]" in shown
        await goto(pilot, "sources", "[b]named [i]x[@click=app.quit]y.txt")
        shown = screen_text(app)
        assert "[b]named [i]x[@click=app.quit]y.txt" in shown  # the detail area's file line
        await goto(pilot, "sources", "esc\x1b[31mname\x1b]0;t\x07.txt")
        assert "esc␛[31mname␛]0;t␇.txt" in screen_text(app)


async def test_the_skipped_file_warning_names_a_hostile_file_name_safely(hostile):
    app = app_on(hostile)
    async with app.run_test(size=(160, 40), notifications=True) as pilot:
        await open_app(pilot)
        warning = next(n for n in app._notifications if "skipped" in (n.title or ""))
        assert "skip_esc␛]52;c;eA==␇.txt" in warning.message
        shown = ""
        for _ in range(100):  # the toast slides in over a few refreshes
            await pilot.pause(0.05)
            shown = screen_text(app)
            if "files skipped" in shown:
                break
        assert "files skipped" in shown and "␛" in shown  # the long path wraps anywhere in the toast


async def test_entities_found_inside_markup_show_literally_with_their_mentions_in_context(hostile):
    app = app_on(hostile)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_app(pilot)
        await pilot.press("2")
        table = app.query_one("#pane-entities").table
        names = [table.items[i].name for i in table.rows]
        table.move_cursor(names.index("Northwind Platforms"))
        await pilot.pause()
        assert "Northwind Platforms" in screen_text(app)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, MentionsScreen)
        mentions = app.screen.query_one("#mentions")
        mentions.move_cursor(row_of_mention(mentions, "hostile_deal.txt"))
        await pilot.pause()
        shown = screen_text(app)
        assert "[@click=app.quit]" in shown or "[bold]" in shown
        for _ in range(min(30, len(mentions.rows))):  # every context line on the way is safe
            await pilot.press("j")
            screen_text(app)
        mentions.move_cursor(row_of_mention(mentions, "hostile_deal.txt"))
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        assert "[bold]Northwind Platforms[/bold] to buy Helix Vision" in screen_text(app)
        assert app.is_running


def row_of_mention(table, source: str) -> int:
    return next(row for row, i in enumerate(table.rows) if table.items[i].source == source)


async def test_numbers_next_to_escapes_show_their_sentence_with_the_escape_made_visible(hostile):
    app = app_on(hostile)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_app(pilot)
        app.clear_notifications()  # the skipped-files toast would cover the detail area
        await pilot.press("3")
        table = app.query_one("#pane-numbers").table
        row = next(
            r for r, i in enumerate(table.rows)
            if table.items[i].span.source == "hostile_deal.txt" and table.items[i].span.text == "$3.1 billion"
            and "Whitcombe said" in table.items[i].sentence.text
        )  # fmt: skip
        table.move_cursor(row)
        await pilot.pause()
        shown = screen_text(app)
        assert "**Northwind Platforms** paid $3.1 billion | not # a [table](javascript:1)" in shown
        await goto(pilot, "numbers", "controls.txt")
        screen_text(app)


async def test_the_conflict_diff_of_hostile_claims_shows_the_sentences_literally(hostile):
    app = app_on(hostile)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_app(pilot)
        await pilot.press("4")
        table = app.query_one("#pane-conflicts").table
        for row in range(len(table.rows)):
            table.move_cursor(row)
            await pilot.pause()
            screen_text(app)
            for _ in range(3):  # page through the claims side by side
                await pilot.press("]")
                await pilot.pause()
                screen_text(app)
        attributes = [table.items[i].attribute for i in table.rows]
        table.move_cursor(attributes.index("founding year"))
        await pilot.pause()
        app.clear_notifications()  # the skipped-files toast would cover the second column
        await pilot.pause()
        shown = screen_text(app)
        assert app.lookup.label_of("hostile_deal.txt") in shown and "2011" in shown and "2014" in shown
        assert "[link=https://evil.example]src[/link]" in shown  # the sentence, markup as typed
        assert "␛]52;c;cm0gLXJmIH4=␇" in shown


async def test_the_reader_shows_every_hostile_article_literally(hostile):
    app = app_on(hostile)
    expected = {
        "markup.txt": "[@click=app.quit]quit[/]",
        "ansi.txt": "␛[2J␛[H cleared?",
        "bidi.txt": "Price: �$1.5 billion� then",
        "controls.txt": "nul␀end, del␡, c1�31m.",
        "hostile_deal.txt": "will pay ␛[31m$3.1 billion␛[0m for Helix Vision",
        "long_words.txt": "$9999",
        "regex_bait.txt": "about about",
        "huge_single_line.txt": "Northwind Platforms agreed",
    }
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_app(pilot)
        for source, literal in expected.items():
            app.open_reader(source, 0)
            await pilot.pause()
            assert isinstance(app.screen, ReaderScreen)
            assert literal in screen_text(app), source
            for key in ("n", "n", "G", "N"):  # step through highlights, jump to the end
                await pilot.press(key)
                await pilot.pause()
                screen_text(app)
            await pilot.press("escape")
            await pilot.pause()
        assert app.is_running


async def test_clicking_on_click_markup_in_the_text_never_quits(hostile):
    app = app_on(hostile)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_app(pilot)
        app.open_reader("hostile_deal.txt", 0)
        await pilot.pause()
        lines = screen_lines(app)
        reader = app.screen.query_one(Reader)
        hits = [(line.index("[@click"), y) for y, line in enumerate(lines) if "[@click=app.quit]" in line]
        assert hits
        top = reader.region.y
        for x, y in hits:
            for dx in range(0, 17, 4):
                await pilot.click(offset=(x + dx, y))
                await pilot.pause()
        assert app.is_running and isinstance(app.screen, ReaderScreen)
        assert top == reader.region.y


async def test_search_results_for_hostile_text_are_shown_literally(hostile):
    app = app_on(hostile)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_app(pilot)
        await pilot.press("slash")
        await pilot.pause()
        assert isinstance(app.screen, SearchScreen)
        for query in ("Northwind", "click", "link evil", "31m", "[bold]", "founded"):
            app.screen.query_one(Input).value = query
            await app.workers.wait_for_complete()
            await pilot.pause()
            screen_text(app)
        box = app.screen.query_one(Input)
        box.value = ""
        app.post_message(events.Paste("\x1b[2J\x1b]52;c;eA==\x07Helix\u202e Vision\x9b31m"))  # a pasted article line
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert box.value == "[2J]52;c;eA==Helix Vision31m"
        screen_text(app)
        app.screen.query_one(Input).value = "Helix Vision founded"
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "Helix Vision" in screen_text(app)
        await pilot.press("enter")  # jumps to the best hit in its pane
        await pilot.pause()
        assert not isinstance(app.screen, SearchScreen)
        screen_text(app)


async def test_copy_and_select_notifications_quote_hostile_text_safely(hostile):
    app = app_on(hostile)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_app(pilot)
        await pilot.press("3")
        await goto(pilot, "numbers", "hostile_deal.txt")
        await pilot.press("space", "c")
        await pilot.pause()
        copied = next(n for n in app._notifications if n.title in ("Copied", "Saved"))
        assert "\x1b" not in copied.message and "\x07" not in copied.message
        assert "clipboard" in copied.message.splitlines()[-1]  # and it says where the copy went
        screen_text(app)
        await pilot.press("?")  # the help screen over it
        await pilot.pause()
        screen_text(app)


# ---------------------------------------------------------------- opening
async def test_the_whole_hostile_corpus_opens_and_reports_what_it_skipped(hostile):
    app = app_on(hostile)
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await open_app(pilot)
        header = app.query_one("#header").render().plain
        assert "4 skipped" in header
        assert len(app.lookup.sources) >= 200
        assert not isinstance(app.screen, MessageScreen)


async def test_a_folder_of_only_unreadable_files_opens_to_a_message(tmp_path):
    (tmp_path / "x\x1b]0;t\x07.txt").write_bytes(b"\xff\xfe\x00\x00junk")
    app = ScaledealApp([str(tmp_path)])
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        for _ in range(200):
            if isinstance(app.screen, MessageScreen):
                break
            await pilot.pause(0.02)
        assert isinstance(app.screen, MessageScreen)
        await pilot.pause()
        assert "could be read" in screen_text(app)


async def test_a_five_megabyte_line_opens_in_the_reader_and_scrolls_to_its_end():
    text = ("[b]Harbor\x1b[31m line\x07 " * 300_000)[: 5 * 1024 * 1024]
    fb = FactBase(corpus="big", sources=[make_source("big.txt", "big.txt", text)])
    app = ScaledealApp(factbase=fb)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await open_app(pilot)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        assert "[b]Harbor␛[31m line␇" in screen_text(app)
        await pilot.press("G")
        await pilot.pause()
        assert "Harbor" in screen_text(app)
