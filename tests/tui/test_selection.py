"""The selection outlives the session (per corpus, in the user's data folder),
and can be reviewed, pruned, reordered and cleared with an undo before export."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from facts.views.selection import Selection, load_selection, save_selection, selection_file
from tests.tui.tui_fixture import SIZES, factbase, loaded, table_lines
from tui.app import ScaledealApp
from tui.screens.selection import SelectionScreen
from tui.widgets.header import CorpusHeader


def data_dir() -> Path:
    return Path(os.environ["SCALEDEAL_DATA_DIR"])


@pytest.mark.parametrize("size", SIZES)
async def test_a_selection_is_back_after_quitting_and_relaunching(size: tuple[int, int]):
    app = ScaledealApp(factbase=factbase())
    async with app.run_test(size=size) as pilot:
        await loaded(pilot)
        await pilot.press("3", "space", "j", "space")
        chosen = list(app.selection)
        await pilot.press("q")
    assert len(chosen) == 2
    again = ScaledealApp(factbase=factbase())
    async with again.run_test(size=size) as pilot:
        await loaded(pilot)
        assert list(again.selection) == chosen
        assert again.query_one(CorpusHeader).selected == 2
    saved = list((data_dir() / "selections").glob("*.json"))
    assert len(saved) == 1 and saved[0].name.startswith("harborline-fixture-")


@pytest.mark.parametrize("size", SIZES)
async def test_facts_gone_from_the_corpus_are_dropped_with_a_notice(size: tuple[int, int]):
    fb = factbase()
    path = selection_file([], fb.corpus)
    save_selection(path, [("number", fb.numbers[0].id), ("number", "n:vanished.txt:3")], fb.corpus)
    app = ScaledealApp(factbase=fb)
    async with app.run_test(size=size) as pilot:
        await loaded(pilot)
        assert list(app.selection) == [("number", fb.numbers[0].id)]
        assert any("1 selected fact no longer in this corpus" in str(n.message) for n in app._notifications)
    assert load_selection(path) == [("number", fb.numbers[0].id)]


@pytest.mark.parametrize("size", SIZES)
async def test_clearing_the_selection_can_be_undone(size: tuple[int, int]):
    app = ScaledealApp(factbase=factbase())
    async with app.run_test(size=size) as pilot:
        await loaded(pilot)
        await pilot.press("3", "space", "j", "space")
        before = list(app.selection)
        await app.run_action("clear_selection")
        assert len(app.selection) == 0
        await pilot.press("u")
        assert list(app.selection) == before and app.query_one(CorpusHeader).selected == 2


@pytest.mark.parametrize("size", SIZES)
async def test_the_selection_view_removes_and_reorders_what_will_be_exported(size: tuple[int, int]):
    app = ScaledealApp(factbase=factbase())
    async with app.run_test(size=size) as pilot:
        await loaded(pilot)
        await pilot.press("3", "space", "j", "space", "j", "space", "v")
        await pilot.pause()
        assert isinstance(app.screen, SelectionScreen)
        first, second, third = list(app.selection)
        await pilot.press("J")  # the first moves below the second
        assert list(app.selection) == [second, first, third]
        await pilot.press("d")  # the cursor followed it: it is removed
        assert list(app.selection) == [second, third]
        rows = table_lines(app, "#selection")
        assert len([r for r in rows if "$" in r or "%" in r or r[:4].strip().isdigit()]) >= 2
        await pilot.press("x")
        assert len(app.selection) == 0
        await pilot.press("u")
        assert list(app.selection) == [second, third]
        await pilot.press("escape")
        assert not isinstance(app.screen, SelectionScreen)
        assert app.query_one(CorpusHeader).selected == 2
    saved = json.loads(next((data_dir() / "selections").glob("*.json")).read_text(encoding="utf-8"))
    assert [tuple(r) for r in saved["selected"]] == [second, third]


def test_a_corpus_opened_from_another_folder_keeps_its_own_selection(tmp_path: Path):
    a, b = selection_file([str(tmp_path / "a")], "deal"), selection_file([str(tmp_path / "b")], "deal")
    assert a != b and a.parent == b.parent == data_dir() / "selections"
    assert str(tmp_path) not in str(a)  # never beside the articles


def test_a_damaged_selection_file_reads_as_empty(tmp_path: Path):
    bad = tmp_path / "s.json"
    bad.write_text('{"selected": [["number"], ["widget", "x"], ["entity", 3], "junk"]', encoding="utf-8")
    assert load_selection(bad) == []
    bad.write_text('{"selected": [["number", "n:1"], ["widget", "x"], ["entity", 3]]}', encoding="utf-8")
    assert load_selection(bad) == [("number", "n:1")]


def test_moving_a_fact_stays_within_the_list():
    s = Selection([("number", "a"), ("number", "b"), ("number", "c")])
    assert s.move(("number", "a"), -1) == 0 and s.move(("number", "a"), 5) == 2
    assert list(s) == [("number", "b"), ("number", "c"), ("number", "a")]
    assert s.move(("number", "zzz"), 1) == -1
