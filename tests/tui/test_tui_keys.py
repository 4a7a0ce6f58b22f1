"""Selection, copy, search, export, help and the command palette from the keyboard."""

from __future__ import annotations

from textual.widgets import TabbedContent

from tests.tui.tui_fixture import factbase, loaded
from tui.app import ScaledealApp
from tui.commands import COMMANDS
from tui.screens.help import KEYS, HelpScreen
from tui.widgets.fact_table import MARK
from tui.widgets.header import CorpusHeader


async def test_space_selects_and_unselects_with_a_mark_and_a_count():
    app = ScaledealApp(factbase=factbase())
    async with app.run_test(size=(120, 36)) as pilot:
        await loaded(pilot)
        await pilot.press("3", "j", "space")
        table = app.query_one("#pane-numbers").table
        assert table.render_line(2).text.startswith(MARK)
        assert app.query_one(CorpusHeader).selected == 1
        assert "1 selected" in app.query_one(CorpusHeader).render().plain
        await pilot.press("space")
        assert not table.render_line(2).text.startswith(MARK)
        assert len(app.selection) == 0


async def test_selection_is_shared_by_every_pane():
    app = ScaledealApp(factbase=factbase())
    async with app.run_test(size=(120, 36)) as pilot:
        await loaded(pilot)
        await pilot.press("space", "2", "space", "4", "space")
        assert [kind for kind, _ in app.selection] == ["source", "entity", "conflict"]
        assert app.query_one(CorpusHeader).selected == 3


async def test_c_copies_the_highlighted_fact_with_its_citation():
    app = ScaledealApp(factbase=factbase())
    async with app.run_test(size=(120, 36)) as pilot:
        await loaded(pilot)
        await pilot.press("3", "j", "c")
        assert "$2.4 billion" in app.clipboard and "Dockside Ledger, 2 Apr 2031, paragraph" in app.clipboard


async def test_search_finds_an_entity_despite_a_typo_and_jumps_to_it():
    app = ScaledealApp(factbase=factbase())
    async with app.run_test(size=(120, 36)) as pilot:
        await loaded(pilot)
        await pilot.press("slash", *"Quilfeathr Analytic")
        for _ in range(50):
            await pilot.pause(0.05)
            if getattr(app.screen, "hits", None):
                break
        await pilot.press("enter")
        await pilot.pause()
        assert app.query_one(TabbedContent).active == "entities"
        assert app.query_one("#pane-entities").table.current.id == "quillfeather-analytics"


async def test_export_writes_the_selection_as_markdown_with_quotes_and_citations(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    app = ScaledealApp(factbase=factbase())
    async with app.run_test(size=(120, 36)) as pilot:
        await loaded(pilot)
        await pilot.press("3", "j", "space", "e")
        await pilot.pause()
        await pilot.press("enter")
        target = tmp_path / "scaledeal-export.md"
        for _ in range(50):
            await pilot.pause(0.05)
            if target.exists():
                break
        markdown = target.read_text(encoding="utf-8")
        assert "```text\n" in markdown and "Figure: `$2.4 billion`" in markdown
        assert "Dockside Ledger, 2 Apr 2031 — file `alpha.txt`" in markdown


async def test_export_with_nothing_selected_says_how_to_select():
    app = ScaledealApp(factbase=factbase())
    async with app.run_test(size=(120, 36)) as pilot:
        await loaded(pilot)
        await pilot.press("e")
        assert any("space" in n.message for n in app._notifications)


async def test_question_mark_opens_help_listing_every_key():
    app = ScaledealApp(factbase=factbase())
    async with app.run_test(size=(120, 36)) as pilot:
        await loaded(pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        listed = " ".join(key for _, rows in KEYS for key, _ in rows)
        for binding in app.BINDINGS:
            for key in binding.key.split(","):
                shown = {"slash": "/", "question_mark": "?"}.get(key, key)
                assert shown in listed, key
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


async def test_command_palette_shows_a_pane_by_name():
    app = ScaledealApp(factbase=factbase())
    async with app.run_test(size=(120, 36)) as pilot:
        await loaded(pilot)
        await pilot.press("ctrl+p", *"show conflicts")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert app.query_one(TabbedContent).active == "conflicts"


def test_every_palette_command_runs_an_action_of_the_app():
    for _, _, action in COMMANDS:
        name = action.split("(")[0]
        assert callable(getattr(ScaledealApp, f"action_{name}", None)), name


async def test_j_and_k_move_like_the_arrows():
    app = ScaledealApp(factbase=factbase())
    async with app.run_test(size=(120, 36)) as pilot:
        await loaded(pilot)
        table = app.query_one("#pane-sources").table
        await pilot.press("j", "j", "down")
        assert table.cursor == 3
        await pilot.press("k", "up")
        assert table.cursor == 1
