"""The Checks pane: deal arithmetic listed, cited, selectable, searchable, copyable and exportable."""

from __future__ import annotations

from textual.widgets import TabbedContent

from tests.tui.tui_fixture import factbase, loaded, plain, settle, table_lines
from tui.app import ScaledealApp
from tui.widgets.header import CorpusHeader


async def test_five_lists_each_check_with_what_it_implies_and_how_it_came_out():
    app = ScaledealApp(factbase=factbase())
    async with app.run_test(size=(120, 36)) as pilot:
        await loaded(pilot)
        await pilot.press("5")
        lines = table_lines(app, "#pane-checks #table")
        assert "Implies" in lines[0] and "Result" in lines[0]
        stake = next(line for line in lines if "implied valuation" in line)
        assert "$4B" in stake and "✓ 1" in stake and "2.5%" in stake
        growth = next(line for line in lines if "growth" in line)
        assert "$280M" in growth and "✗ 1" in growth
        assert "2 checks" in app.query_one(CorpusHeader).render().plain


async def test_a_checks_detail_quotes_its_inputs_and_the_figure_it_confirms():
    app = ScaledealApp(factbase=factbase())
    async with app.run_test(size=(120, 36)) as pilot:
        await loaded(pilot)
        await pilot.press("5")
        detail = plain(app.query_one("#pane-checks #detail"))
        assert "$4B USD" in detail
        # sources by outlet or a short title, and a paragraph a reader can count to; never a file name
        assert "$2.4B · Harborline takes a 60%… · paragraph 2 · line 3 · said by a filing (official)" in detail
        assert "60% · Harborline takes a 60%… · paragraph 2" in detail and "gamma.txt" not in detail
        assert detail.count("is taking a 60% stake") == 1  # one sentence holding both inputs is quoted once
        assert "✓ confirms" in detail and "The filing values Quillfeather at $4.1 billion." in detail
        await pilot.press("j")
        detail = plain(app.query_one("#pane-checks #detail"))
        assert "✗ against" in detail and "$300M · Dockside Ledger · paragraph" in detail


async def test_a_check_is_selected_copied_and_exported_like_any_fact(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    app = ScaledealApp(factbase=factbase())
    async with app.run_test(size=(120, 36)) as pilot:
        await loaded(pilot)
        await pilot.press("5", "space", "c")
        assert list(app.selection) == [("check", "check:implied-valuation:gamma")]
        assert "implied valuation" in app.clipboard and "“Harborline takes a 60%" in app.clipboard
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("enter")
        target = tmp_path / "scaledeal-export.md"
        await settle(pilot, target.exists)
        markdown = target.read_text(encoding="utf-8")
        assert "implied valuation" in markdown and "gamma.txt" in markdown


async def test_search_shows_checks_as_their_own_group_and_jumps_to_one():
    app = ScaledealApp(factbase=factbase())
    async with app.run_test(size=(120, 36)) as pilot:
        await loaded(pilot)
        await pilot.press("slash", *"implied valuaton")
        await settle(pilot, lambda: bool(getattr(app.screen, "hits", None)))
        options = app.screen.query_one("#search-results")
        headings = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert any(h.startswith("Checks (") for h in headings)
        check_hit = next(i for i, h in enumerate(app.screen.hits) if h.kind == "check")
        options.highlighted = options.get_option_index(f"hit-{check_hit}")
        await pilot.press("enter")
        await pilot.pause()
        assert app.query_one(TabbedContent).active == "checks"
        assert app.query_one("#pane-checks").table.current.kind == "implied valuation"


def test_headless_export_takes_checks_as_a_kind():
    from tui.cli.export import parse_kinds, select

    kinds = parse_kinds(["checks"])
    assert kinds == ("check",)
    assert select(factbase(), None, kinds, 85.0) == [
        ("check", "check:implied-valuation:gamma"),
        ("check", "check:growth:alpha"),
    ]
