"""The export dialog as a user drives it: Enter writes, an existing file needs a yes."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from textual.app import App
from textual.widgets import Input, Static

from tests.facts.views.test_export import deal_factbase
from tui.screens.export import ExportScreen

UNSET = object()
REFS = [("conflict", "founding-year"), ("entity", "priya-ramaswamy")]


class Host(App[None]):
    """A bare app that opens the export dialog and keeps what it returns."""

    def __init__(self, path: str, refs=REFS) -> None:
        super().__init__()
        self.path = path
        self.refs = refs
        self.result: Path | object | None = UNSET

    def on_mount(self) -> None:
        self.push_screen(ExportScreen(deal_factbase(), self.refs, self.path), callback=self.done)

    def done(self, path: Path | None) -> None:
        self.result = path


async def settle(app: App, pilot) -> None:
    await app.workers.wait_for_complete()
    await pilot.pause()


def status(app: App) -> str:
    return str(app.screen.query_one("#export-status", Static).render())


async def test_enter_writes_the_markdown_to_the_given_path(tmp_path: Path):
    target = tmp_path / "notes.md"
    app = Host(str(target))
    async with app.run_test() as pilot:
        assert app.screen.query_one(Input).value == str(target)
        await pilot.press("enter")
        await settle(app, pilot)
    assert app.result == target
    md = target.read_text(encoding="utf-8")
    assert md.startswith("# Facts from quillfield-deal")
    assert "### founding year — contradiction" in md and "### Priya Ramaswamy" in md
    assert "Claim 1: 2011, as written `2011` — source " in md


async def test_the_default_path_is_in_the_current_directory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.chdir(tmp_path)
    app = Host("scaledeal-export.md")
    async with app.run_test() as pilot:
        await pilot.press("enter")
        await settle(app, pilot)
    assert (tmp_path / "scaledeal-export.md").is_file()


async def test_an_existing_file_is_overwritten_only_after_a_second_enter(tmp_path: Path):
    target = tmp_path / "old.md"
    target.write_text("keep me\n", encoding="utf-8")
    app = Host(str(target))
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.press("enter")
        await settle(app, pilot)
        assert "exists: Enter or y overwrites it" in status(app)
        assert target.read_text(encoding="utf-8") == "keep me\n"
        assert app.result is UNSET
        await pilot.press("enter")
        await settle(app, pilot)
    assert app.result == target
    assert target.read_text(encoding="utf-8").startswith("# Facts from")


async def test_y_confirms_the_overwrite_but_is_an_ordinary_letter_otherwise(tmp_path: Path):
    target = tmp_path / "old.md"
    target.write_text("keep me\n", encoding="utf-8")
    app = Host(str(tmp_path / "ol"))
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.press("end", "y")  # no question asked yet: y is typed
        assert app.screen.query_one(Input).value.endswith("oly")
        await pilot.press("backspace", "d", ".", "m", "d", "enter")
        await settle(app, pilot)
        assert "exists" in status(app)
        await pilot.press("y")
        await settle(app, pilot)
    assert app.result == target and target.read_text(encoding="utf-8").startswith("# Facts from")


async def test_n_goes_back_to_editing_the_path(tmp_path: Path):
    target = tmp_path / "old.md"
    target.write_text("keep me\n", encoding="utf-8")
    app = Host(str(target))
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.press("enter")
        await settle(app, pilot)
        await pilot.press("n", "end", "backspace", "backspace", "backspace", "2", ".", "m", "d", "enter")
        await settle(app, pilot)
    assert app.result == tmp_path / "old2.md"
    assert target.read_text(encoding="utf-8") == "keep me\n"


async def test_editing_the_path_after_the_question_asks_again(tmp_path: Path):
    (tmp_path / "a.md").write_text("a\n", encoding="utf-8")
    (tmp_path / "b.md").write_text("b\n", encoding="utf-8")
    app = Host(str(tmp_path / "a.md"))
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.press("enter")
        await settle(app, pilot)
        app.screen.query_one(Input).value = str(tmp_path / "b.md")
        await pilot.pause()
        await pilot.press("enter")
        await settle(app, pilot)
        assert "b.md exists" in status(app)
    assert (tmp_path / "b.md").read_text(encoding="utf-8") == "b\n"


async def test_escape_cancels_and_writes_nothing(tmp_path: Path):
    target = tmp_path / "never.md"
    app = Host(str(target))
    async with app.run_test() as pilot:
        await pilot.press("escape")
        await pilot.pause()
    assert app.result is None and not target.exists()


async def test_a_missing_directory_is_reported_in_one_line(tmp_path: Path):
    app = Host(str(tmp_path / "nowhere" / "x.md"))
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.press("enter")
        await settle(app, pilot)
        message = status(app)
        assert isinstance(app.screen, ExportScreen)
    assert message.startswith("Cannot write") and "does not exist" in message and "\n" not in message
    assert app.result is UNSET


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes anywhere")
async def test_a_read_only_folder_is_reported_in_one_line(tmp_path: Path):
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        app = Host(str(folder / "x.md"))
        async with app.run_test(size=(120, 30)) as pilot:
            await pilot.press("enter")
            await settle(app, pilot)
            assert status(app) == f"Cannot write {folder / 'x.md'}: permission denied."
    finally:
        folder.chmod(0o755)


async def test_a_refused_write_is_reported_in_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("tui.screens.export.write_atomic", refuse)
    app = Host(str(tmp_path / "x.md"))
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.press("enter")
        await settle(app, pilot)
        assert status(app) == f"Cannot write {tmp_path / 'x.md'}: permission denied."
        assert isinstance(app.screen, ExportScreen)
    assert app.result is UNSET


async def test_a_directory_as_the_path_asks_for_a_file_name(tmp_path: Path):
    app = Host(str(tmp_path))
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.press("enter")
        await settle(app, pilot)
        assert "is a directory" in status(app)


async def test_an_empty_selection_writes_nothing_and_says_why(tmp_path: Path):
    target = tmp_path / "empty.md"
    app = Host(str(target), refs=[])
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.press("enter")
        await settle(app, pilot)
        assert "select facts with space" in status(app)
    assert not target.exists()


async def test_a_path_with_markup_is_shown_literally(tmp_path: Path):
    app = Host(str(tmp_path / "[bold]x[/]" / "y.md"))
    async with app.run_test(size=(160, 30)) as pilot:
        await pilot.press("enter")
        await settle(app, pilot)
        assert "[bold]x[/]" in status(app)


async def test_a_name_too_long_is_one_line_and_the_selection_survives(tmp_path: Path):
    too_long = tmp_path / ("x" * 300 + ".md")
    app = Host(str(too_long))
    async with app.run_test(size=(160, 30)) as pilot:
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, ExportScreen), "the dialog stays open"
        assert status(app).endswith(": File name too long.")
        assert app.screen.refs == REFS
        app.screen.query_one(Input).value = str(tmp_path / "short.md")  # fix the name, try again
        await pilot.press("enter")
        await settle(app, pilot)
    assert app.result == tmp_path / "short.md"
    assert "### Priya Ramaswamy" in (tmp_path / "short.md").read_text(encoding="utf-8")
