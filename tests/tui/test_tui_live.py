"""A live folder: an added, changed or removed article shows in every pane
within seconds, with the cursor and the selection kept."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from tests.tui.tui_fixture import loaded
from tui.app import ScaledealApp

A = "Harbourline Group agreed to buy Tidewater Ferries for $400 million.\nThe deal closes in May.\n"
B = "Harbourline Group will pay $450 million for Tidewater Ferries, people familiar said.\n"
C = "Tidewater Ferries carried 2 million passengers last year.\n"


@pytest.fixture(autouse=True)
def no_cache(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("SCALEDEAL_CACHE_DIR", str(tmp_path / "cache"))


async def until(pilot, ready, seconds: float = 8.0) -> None:  # type: ignore[no-untyped-def]
    for _ in range(int(seconds / 0.05)):
        if ready():
            return
        await pilot.pause(0.05)
    raise AssertionError("the app did not follow the folder in time")


def sources(app: ScaledealApp) -> set[str]:
    return set(app.lookup.sources) if app.lookup is not None else set()


async def test_added_changed_and_removed_articles_update_the_panes(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text(A, encoding="utf-8")
    (folder / "b.txt").write_text(B, encoding="utf-8")
    app = ScaledealApp([str(folder)], live=True)
    async with app.run_test(size=(120, 36)) as pilot:
        await loaded(pilot)
        assert sources(app) == {"a.txt", "b.txt"}
        await asyncio.sleep(0.5)  # the watcher starts after the first load
        (folder / "c.txt").write_text(C, encoding="utf-8")
        await until(pilot, lambda: "c.txt" in sources(app))
        (folder / "b.txt").write_text(B.replace("$450 million", "$470 million"), encoding="utf-8")
        await until(pilot, lambda: any(n.span.text == "$470 million" for n in app.factbase.numbers))
        (folder / "c.txt").unlink()
        await until(pilot, lambda: sources(app) == {"a.txt", "b.txt"})


async def test_the_cursor_and_the_selection_survive_a_reload(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text(A, encoding="utf-8")
    (folder / "b.txt").write_text(B, encoding="utf-8")
    app = ScaledealApp([str(folder)], live=True)
    async with app.run_test(size=(120, 36)) as pilot:
        await loaded(pilot)
        await pilot.press("down")
        ref = app._current_ref()
        assert ref is not None
        app.action_toggle_select()
        await asyncio.sleep(0.5)
        (folder / "c.txt").write_text(C, encoding="utf-8")
        await until(pilot, lambda: "c.txt" in sources(app))
        await pilot.pause()
        assert list(app.selection) == [ref]
        assert app._current_ref() == ref


async def test_an_empty_folder_opens_when_an_article_arrives(tmp_path: Path) -> None:
    from tui.screens.message import MessageScreen

    folder = tmp_path / "corpus"
    folder.mkdir()
    app = ScaledealApp([str(folder)], live=True)
    async with app.run_test(size=(120, 36)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, MessageScreen))
        await asyncio.sleep(0.5)
        (folder / "a.txt").write_text(A, encoding="utf-8")
        await until(pilot, lambda: sources(app) == {"a.txt"})
        assert not isinstance(app.screen, MessageScreen)


async def test_no_watch_leaves_the_folder_alone(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text(A, encoding="utf-8")
    app = ScaledealApp([str(folder)], live=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await loaded(pilot)
        (folder / "c.txt").write_text(C, encoding="utf-8")
        await pilot.pause(1.5)
        assert sources(app) == {"a.txt"}
