"""The search screen as a user drives it: type (with typos), move, Enter or Escape."""

from __future__ import annotations

from textual.app import App
from textual.widgets import Input, OptionList

from facts.views.search import Hit, SearchIndex
from tests.facts.views.test_export import deal_factbase
from tui.screens.search import SearchScreen

UNSET = object()


class Host(App[None]):
    """A bare app that opens the search screen and keeps what it returns."""

    def __init__(self, query: str = "") -> None:
        super().__init__()
        self.index = SearchIndex(deal_factbase())
        self.query = query
        self.result: Hit | object | None = UNSET

    def on_mount(self) -> None:
        self.push_screen(SearchScreen(self.index, self.query), callback=self.done)

    def done(self, hit: Hit | None) -> None:
        self.result = hit


async def settle(app: Host, pilot) -> None:
    await app.workers.wait_for_complete()
    await pilot.pause()


def lines(app: Host) -> list[str]:
    results = app.screen.query_one(OptionList)
    return [str(o.prompt) for o in results.options]


async def test_a_typo_still_finds_the_fact_and_enter_returns_it():
    app = Host()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press(*"valuaton")
        await settle(app, pilot)
        assert app.screen.query_one(Input).value == "valuaton"
        await pilot.press("enter")
        await pilot.pause()
    assert isinstance(app.result, Hit)
    assert app.result.kind == "number" and "valuation" in app.result.label


async def test_results_are_grouped_under_a_heading_per_kind_the_best_match_first():
    app = Host("Quillfield")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        shown = lines(app)
        headings = [line for line in shown if not line.startswith("  ")]
        order = [h.split(" (")[0] for h in headings]
        assert len(order) == len(set(order)) >= 2 and "Sources" in order
        assert any("Quillfield Robotics (organisation)" in line for line in shown)
        # the cursor starts on the best match, and its kind's heading is the first one
        results = app.screen.query_one(OptionList)
        assert results.highlighted == 1
        best = app.screen.hits[0]
        assert order[0] == {"entity": "Entities", "number": "Numbers", "conflict": "Conflicts",
                            "source": "Sources", "check": "Checks"}[best.kind]  # fmt: skip


async def test_a_number_that_matches_best_is_listed_before_the_entities():
    app = Host("valuation")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        assert app.screen.hits[0].kind == "number"
        assert lines(app)[0].startswith("Numbers")
        assert app.screen.query_one(OptionList).highlighted == 1


async def test_down_and_ctrl_k_move_and_enter_returns_the_highlighted_fact():
    app = Host()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press(*"quillfield")
        await settle(app, pilot)
        results = app.screen.query_one(OptionList)
        first = results.highlighted
        await pilot.press("down")
        assert results.highlighted != first
        await pilot.press("ctrl+k")
        assert results.highlighted == first
        await pilot.press("ctrl+j", "enter")
        await pilot.pause()
    expected = app.index.search("quillfield", limit=60)
    assert isinstance(app.result, Hit) and app.result != expected[0]


async def test_escape_goes_back_with_nothing():
    app = Host()
    async with app.run_test() as pilot:
        await pilot.press(*"stake")
        await settle(app, pilot)
        await pilot.press("escape")
        await pilot.pause()
    assert app.result is None


async def test_only_the_latest_query_is_shown_while_typing():
    app = Host()
    async with app.run_test() as pilot:
        await pilot.press(*"priya")
        await pilot.press("backspace", "backspace", "backspace", "backspace", "backspace")
        await pilot.press(*"stake")
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, SearchScreen)
        assert screen.shown_query == "stake"
        assert screen.hits[0].label == "40% · stake"


async def test_nothing_found_says_so():
    app = Host()
    async with app.run_test() as pilot:
        await pilot.press(*"zzqxv")
        await settle(app, pilot)
        assert "No matches" in str(app.screen.query_one("#search-status").render())
        await pilot.press("enter")  # nothing to open: the screen stays
        await pilot.pause()
        assert isinstance(app.screen, SearchScreen)
    assert app.result is UNSET


async def test_hostile_article_text_is_shown_literally_in_results():
    app = Host("loud note")
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(app, pilot)
        shown = "\n".join(lines(app))
        assert "<script>alert(1)</script>" in shown and "`rm -rf`" in shown
        assert "\x1b" not in shown
        headline = Host("odd headline")
    async with headline.run_test(size=(120, 30)) as pilot:
        await settle(headline, pilot)
        assert any("Odd [bold]headline[/] | with # marks" in line for line in lines(headline))


async def test_a_long_group_is_cut_short_so_every_kind_is_in_view_and_enter_shows_the_rest(monkeypatch):
    monkeypatch.setattr("tui.screens.search.PER_KIND", 1)
    app = Host("Quillfield")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        screen = app.screen
        numbers = [h for h in screen.hits if h.kind == "number"]
        assert len(numbers) > 1
        more = next(line for line in lines(app) if "more numbers" in line)
        assert more.strip() == f"… {len(numbers) - 1} more numbers: Enter shows them"
        assert sum(1 for line in lines(app) if line.startswith("  ") and "·" in line and "$" in line) <= 1
        results = screen.query_one(OptionList)
        results.highlighted = results.get_option_index("more-number")
        await pilot.press("enter")
        await pilot.pause()
        assert not any("more numbers" in line for line in lines(app))
        assert results.highlighted_option.id == f"hit-{screen.hits.index(numbers[1])}"
        await pilot.press("enter")
        await pilot.pause()
    assert app.result == numbers[1]
