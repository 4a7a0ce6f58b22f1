"""Each pane shows its facts the way a person reads them (Pilot, on the fixture)."""

from __future__ import annotations

from textual.widgets import Static

from tests.tui.tui_fixture import factbase, loaded
from tui.app import ScaledealApp
from tui.widgets.diff import DiffView


def rows(app: ScaledealApp, pane: str) -> list[str]:
    table = app.query_one(f"#pane-{pane}").table
    height = len(table.rows) + 1
    return [table.render_line(y).text for y in range(height)]


def plain(widget: Static) -> str:
    content = widget.content
    return getattr(content, "plain", str(content))


async def test_sources_pane_lists_every_article_with_outlet_date_and_counts():
    app = ScaledealApp(factbase=factbase())
    async with app.run_test(size=(120, 36)) as pilot:
        await loaded(pilot)
        lines = rows(app, "sources")
        assert "Title" in lines[0] and "Outlet" in lines[0] and "Confl" in lines[0]
        first = lines[1]
        assert "Harborline agrees to buy" in first and "Dockside Ledger" in first and "2031-04-02" in first
        assert len(lines) == 5
        assert "6 numbers" in plain(app.query_one("#pane-sources #detail"))


async def test_entities_pane_shows_kind_aliases_and_mentions_per_source():
    app = ScaledealApp(factbase=factbase())
    async with app.run_test(size=(120, 36)) as pilot:
        await loaded(pilot)
        await pilot.press("2", "j", "j")
        row = rows(app, "entities")[3]
        assert "Mira Okonkwo" in row and "person" in row and "Ms. Okonkwo" in row
        assert "Dockside Ledger 1" in row
        detail = plain(app.query_one("#pane-entities #detail"))
        assert "3 in 3 sources" in detail


async def test_numbers_are_written_for_people_with_their_sentence():
    app = ScaledealApp(factbase=factbase())
    async with app.run_test(size=(120, 36)) as pilot:
        await loaded(pilot)
        await pilot.press("3")
        text = "\n".join(rows(app, "numbers"))
        for shown in ("$2.4B", "60%", "2019", "$2B", "over"):
            assert shown in text
        assert "The startup was founded in 2019" in text
        await pilot.press("j")
        detail = plain(app.query_one("#pane-numbers #detail"))
        assert "Dockside Ledger · paragraph" in detail and "will pay $2.4 billion" in detail


async def test_numbers_sort_by_value_and_reverse():
    app = ScaledealApp(factbase=factbase())
    async with app.run_test(size=(120, 36)) as pilot:
        await loaded(pilot)
        await pilot.press("3", "s")
        lines = rows(app, "numbers")
        assert "Value ▲" in lines[0]
        assert lines[1].split()[0] == "$140M"  # money first, smallest first
        await pilot.press("S")
        assert rows(app, "numbers")[1].split()[0] == "2019"


async def test_numbers_filter_by_unit_keeps_only_that_unit():
    app = ScaledealApp(factbase=factbase())
    async with app.run_test(size=(120, 36)) as pilot:
        await loaded(pilot)
        await pilot.press("3", "f", *"unit:percent", "enter")
        lines = rows(app, "numbers")
        assert len(lines) == 3 and "60%" in lines[1] and "60%" in lines[2]
        await pilot.press("f", *["backspace"] * 12, "enter")
        assert len(rows(app, "numbers")) == 16


async def test_conflicts_pane_lists_verdicts_and_values():
    app = ScaledealApp(factbase=factbase())
    async with app.run_test(size=(120, 36)) as pilot:
        await loaded(pilot)
        await pilot.press("4")
        lines = rows(app, "conflicts")
        assert "founding year" in lines[1] and "contradiction" in lines[1] and "2019 · 2018" in lines[1]
        assert "compatible" in lines[2] and "over $2B" in lines[2]
        assert "curated" in lines[3]


async def test_highlighted_conflict_shows_one_column_per_claim_with_verdict():
    app = ScaledealApp(factbase=factbase())
    async with app.run_test(size=(120, 36)) as pilot:
        await loaded(pilot)
        await pilot.press("4")
        await pilot.pause()
        columns = [plain(c) for c in app.query(".diff-column").results(Static)]
        assert len(columns) == 2
        assert "Dockside Ledger" in columns[0] and "founded in 2019" in columns[0]
        assert "The Pier Gazette" in columns[1] and "in 2018 with two partners" in columns[1]
        verdict = plain(app.query_one("#diff-verdict", Static))
        assert "contradiction" in verdict and "2019 vs 2018 cannot both hold" in verdict


async def test_curated_conflict_shows_in_the_diff_marked_curated():
    app = ScaledealApp(factbase=factbase())
    async with app.run_test(size=(120, 36)) as pilot:
        await loaded(pilot)
        await pilot.press("4", "G")
        await pilot.pause()
        assert "curated" in plain(app.query_one("#diff-title", Static))
        columns = [plain(c) for c in app.query(".diff-column").results(Static)]
        assert any("taking a 60% stake" in c for c in columns)


async def test_more_claims_than_fit_page_with_brackets():
    app = ScaledealApp(factbase=factbase())
    async with app.run_test(size=(80, 24)) as pilot:
        await loaded(pilot)
        await pilot.press("4", "j")
        await pilot.pause()
        diff = app.query_one(DiffView)
        assert "claims 1–2 of 3" in plain(app.query_one("#diff-title", Static))
        await pilot.press("]")
        await pilot.pause()
        assert diff.first == 1
        columns = [plain(c) for c in app.query(".diff-column").results(Static)]
        assert any("Harborline takes a 60%" in c for c in columns)
