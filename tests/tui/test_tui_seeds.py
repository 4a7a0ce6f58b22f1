"""The real app on the bundled corpus: every pane fills and renders."""

from __future__ import annotations

from tests.tui.tui_fixture import loaded
from tui.app import PANES, ScaledealApp


async def test_the_bundled_corpus_fills_every_pane_at_80_columns():
    app = ScaledealApp()
    async with app.run_test(size=(80, 24)) as pilot:
        await loaded(pilot, limit=60)
        assert app.lookup is not None and len(app.lookup.sources) == 4
        for key, name in zip("12345", PANES, strict=True):
            await pilot.press(key)
            table = app.query_one(f"#pane-{name}").table
            lines = [table.render_line(y).text for y in range(table.size.height)]
            assert lines[0].strip(), name
            if (name != "conflicts" or app.factbase.conflicts) and (name != "checks" or app.factbase.checks):
                assert len(table.rows) > 0, name
        await pilot.press("1", "enter", "n", "n", "N")
        await pilot.pause()
        assert app.screen.query_one("#reader-status").content.plain
