"""Who says each figure and claim, how well each side of a dispute is sourced, and names for ids."""

from __future__ import annotations

from textual.widgets import Static

from tests.tui.tui_fixture import claim, factbase, loaded, plain, table_lines
from tui.app import ScaledealApp
from tui.widgets.diff import disagreeing_first


def diff_columns(app: ScaledealApp) -> list[str]:
    return [plain(c) for c in app.query(".diff-column").results(Static)]


async def test_the_numbers_pane_says_who_says_each_figure():
    app = ScaledealApp(factbase=factbase())
    async with app.run_test(size=(120, 36)) as pilot:
        await loaded(pilot)
        await pilot.press("3", "f", *"said:anonymous", "enter")
        lines = table_lines(app, "#pane-numbers #table")
        assert "Said by" in lines[0]
        assert len(lines) == 2 and "$2B" in lines[1] and "people close" in lines[1]
        detail = plain(app.query_one("#pane-numbers #detail"))
        assert "people close to the talks (anonymous)" in detail and "“People close to the talks said”" in detail


async def test_a_figure_in_the_articles_own_voice_says_so():
    app = ScaledealApp(factbase=factbase())
    async with app.run_test(size=(120, 36)) as pilot:
        await loaded(pilot)
        await pilot.press("3")
        assert "the article, in its own voice" in plain(app.query_one("#pane-numbers #detail"))


async def test_what_a_figure_is_about_is_shown_by_name_not_by_id():
    app = ScaledealApp(factbase=factbase())
    async with app.run_test(size=(120, 36)) as pilot:
        await loaded(pilot)
        await pilot.press("3", "j")
        row = table_lines(app, "#pane-numbers #table")[2]
        assert "Quillfeather" in row and "quillfeather-analytics" not in row
        assert "deal value · Quillfeather Analytics" in plain(app.query_one("#pane-numbers #detail"))
        await pilot.press("4", "j")
        await pilot.pause()
        assert "about Quillfeather Analytics" in plain(app.query_one("#diff-title", Static))


async def test_each_claim_in_the_side_by_side_diff_says_who_says_it():
    app = ScaledealApp(factbase=factbase())
    async with app.run_test(size=(140, 40)) as pilot:
        await loaded(pilot)
        await pilot.press("4", "j")
        await pilot.pause()
        columns = diff_columns(app)
        assert "said by Harborline Robotics (official)" in columns[0]
        assert "said by people close to the talks (anonymous)" in columns[1]
        sides = plain(app.query_one("#diff-title", Static))
        assert "$2.4B: 2 origins" in sides and "over $2B: 1 origin" in sides


async def test_o_ranks_disputes_with_well_sourced_sides_first():
    app = ScaledealApp(factbase=factbase())
    async with app.run_test(size=(120, 36)) as pilot:
        await loaded(pilot)
        await pilot.press("4", "o")
        lines = table_lines(app, "#pane-conflicts #table")
        assert "Origins ▼" in lines[0]
        assert "deal value" in lines[-1]  # one side rests on a single unnamed source
        assert "2 · 1" in lines[-1]


async def test_a_conflict_that_reads_as_an_update_says_so():
    app = ScaledealApp(factbase=factbase())
    async with app.run_test(size=(120, 36)) as pilot:
        await loaded(pilot)
        await pilot.press("4", "j")
        await pilot.pause()
        row = table_lines(app, "#pane-conflicts #table")[2]
        assert "deal value" in row and "update" in row
        verdict = plain(app.query_one("#diff-verdict", Static))
        assert "reads as an update" in verdict and "over $2B" in verdict


def test_the_first_two_columns_of_a_diff_always_disagree():
    fb = factbase()
    same, differs, also_same = (claim(n) for n in (fb.numbers[1], fb.numbers[13], fb.numbers[12]))
    shown = disagreeing_first([same, also_same, differs])
    assert [c.value for c in shown[:2]] == [same.value, differs.value]
    assert shown[2] is also_same


async def test_the_diff_opens_on_claims_that_disagree():
    fb = factbase()
    deal = fb.conflicts[1]
    deal.claims = [deal.claims[0], deal.claims[2], deal.claims[1]]  # two equal values first
    app = ScaledealApp(factbase=fb)
    async with app.run_test(size=(80, 24)) as pilot:
        await loaded(pilot)
        await pilot.press("4", "j")
        await pilot.pause()
        columns = diff_columns(app)
        assert len(columns) == 2
        assert "$2.4B" in columns[0] and "over $2B" in columns[1]
