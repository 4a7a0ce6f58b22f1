"""A corpus with nothing to read opens to a clear message, never a traceback."""

from __future__ import annotations

from textual.widgets import Static

from tests.tui.tui_fixture import loaded
from tui.app import ScaledealApp
from tui.screens.message import MessageScreen


async def wait_for_message(pilot) -> MessageScreen:
    for _ in range(200):
        if isinstance(pilot.app.screen, MessageScreen):
            break
        await pilot.pause(0.02)
    await pilot.pause()
    assert isinstance(pilot.app.screen, MessageScreen)
    return pilot.app.screen


async def test_a_folder_without_articles_says_so_and_q_quits(tmp_path):
    (tmp_path / "notes.csv").write_text("not,an,article", encoding="utf-8")
    app = ScaledealApp([str(tmp_path)])
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await wait_for_message(pilot)
        message = screen.query_one("#message", Static).content.plain
        assert "No articles to show" in message and str(tmp_path) in message
        assert "scaledeal PATH" in message
        await pilot.press("q")
        assert not app.is_running


async def test_a_missing_path_says_so(tmp_path):
    app = ScaledealApp([str(tmp_path / "nowhere")])
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await wait_for_message(pilot)
        assert "no such file or directory" in screen.query_one("#message", Static).content.plain


async def test_unreadable_files_are_named_in_a_warning(tmp_path):
    (tmp_path / "good.txt").write_text("Acme Corp bought Widgetry for $5 million in 2030.\n", encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"\xff\xfe\x00broken")
    app = ScaledealApp([str(tmp_path)])
    async with app.run_test(size=(120, 36)) as pilot:
        await loaded(pilot)
        assert app.lookup is not None and len(app.lookup.sources) == 1
        assert any("bad.txt" in n.message for n in app._notifications)
        assert "1 skipped" in app.query_one("#header").render().plain
