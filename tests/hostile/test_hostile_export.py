"""Export under hostile conditions: hostile article text renders as what the
article said, and a target that cannot be written (missing folder, a file in
the way, a refused or interrupted write) never leaves a half-written file, in
the dialog and in `scaledeal export` alike."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from markdown_it import MarkdownIt
from textual.app import App
from textual.widgets import Static

import facts.store.files as store
from facts.build import extract_paths
from facts.model import FactBase
from facts.text import display_safe
from facts.views.export import render_markdown
from tests.hostile.generate import BINARY_CASES, NAME_CASES, generate
from tests.tui.tui_fixture import loaded
from tui.app import ScaledealApp
from tui.cli.main import main
from tui.screens.export import ExportScreen

RENDER = MarkdownIt("commonmark").enable("table")
CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
SKIPPED = [*BINARY_CASES, *(n for n in NAME_CASES if n.startswith("skip_"))]


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("hostile_export")
    generate(out, tiny=5, huge_mb=0.02)
    return out


@pytest.fixture(scope="module")
def hostile_fb(hostile: Path) -> FactBase:
    return extract_paths([hostile])


def every_fact(fb: FactBase) -> list[tuple[str, str]]:
    refs = [("source", s.id) for s in fb.sources] + [("entity", e.id) for e in fb.entities]
    return refs + [("number", n.id) for n in fb.numbers] + [("conflict", c.id) for c in fb.conflicts]


def visible(md: str) -> str:
    """What a Markdown viewer shows: the HTML's text, tags dropped, entities decoded."""
    return html.unescape(re.sub(r"<[^>]+>", "", RENDER.render(md)))


# ---------------------------------------------------------------- hostile text
def test_markdown_of_the_hostile_corpus_has_no_control_characters(hostile_fb: FactBase):
    md = render_markdown(hostile_fb, every_fact(hostile_fb))
    assert CONTROLS.search(md) is None
    assert "␛[31m$3.1 billion␛[0m" in md.replace("\\", "")


def test_markup_in_quotes_renders_as_the_characters_the_article_had(hostile_fb: FactBase):
    md = render_markdown(hostile_fb, every_fact(hostile_fb))
    page = RENDER.render(md)
    assert 'href="javascript' not in page and "<script>" not in page and "<h1>heading" not in page
    shown = visible(md)
    for literal in (
        "[bold red]Breaking[/] news: [link=https://evil.example]click[/link]",
        "**Northwind Platforms** paid $3.1 billion | not # a [table](javascript:1)",
        "<script>alert(1)</script> [x](javascript:1)",
    ):
        assert literal in shown, literal


def test_every_quoted_sentence_of_a_number_survives_the_round_trip(hostile_fb: FactBase):
    refs = [("number", n.id) for n in hostile_fb.numbers if n.span.source == "hostile_deal.txt"]
    shown = visible(render_markdown(hostile_fb, refs))
    for n in hostile_fb.numbers:
        if n.span.source == "hostile_deal.txt":
            assert display_safe(n.span.text) in shown


# ---------------------------------------------------------------- the CLI
def test_cli_export_of_the_hostile_corpus_warns_once_per_skipped_file(hostile: Path, tmp_path: Path, capsys):
    target = tmp_path / "out.md"
    assert main(["export", str(hostile), "-o", str(target)]) == 0
    err = capsys.readouterr().err
    for name in SKIPPED:
        shown = display_safe(name)
        assert sum(shown in line or name in line for line in err.splitlines()) == 1, name
    assert "Traceback" not in err
    assert CONTROLS.search(target.read_text(encoding="utf-8")) is None


def test_cli_export_warnings_never_write_escapes_to_the_terminal(hostile: Path, tmp_path: Path, capsys):
    assert main(["export", str(hostile), "-o", str(tmp_path / "out.md")]) == 0
    assert CONTROLS.search(capsys.readouterr().err.replace("\n", "")) is None


def test_cli_extract_warnings_never_write_escapes_to_the_terminal(hostile: Path, capsys):
    assert main(["extract", str(hostile), "--format", "json"]) == 0
    err = capsys.readouterr().err
    assert CONTROLS.search(err.replace("\n", "")) is None
    assert "skip_esc␛]52;c;eA==␇.txt" in err


def test_cli_refuses_an_existing_file_and_replaces_it_with_force(hostile: Path, tmp_path: Path, capsys):
    target = tmp_path / "keep.md"
    target.write_text("mine\n", encoding="utf-8")
    assert main(["export", str(hostile), "-k", "conflict", "-o", str(target)]) == 2
    assert "already exists (use --force" in capsys.readouterr().err
    assert target.read_text(encoding="utf-8") == "mine\n"
    assert main(["export", str(hostile), "-k", "conflict", "-o", str(target), "--force"]) == 0
    assert target.read_text(encoding="utf-8").startswith("# Facts from")


def test_cli_target_under_a_file_instead_of_a_folder_is_one_line(hostile: Path, tmp_path: Path, capsys):
    (tmp_path / "plain").write_text("a file, not a folder\n", encoding="utf-8")
    assert main(["export", str(hostile), "-k", "source", "-o", str(tmp_path / "plain" / "x.md")]) == 2
    lines = [x for x in capsys.readouterr().err.splitlines() if "cannot write" in x]
    assert len(lines) == 1 and "plain" in lines[0]


def test_cli_read_only_target_is_one_line_and_leaves_nothing(hostile: Path, tmp_path: Path, monkeypatch, capsys):
    def refuse(*args: object, **kwargs: object):
        raise PermissionError(13, "Permission denied", str(tmp_path))

    monkeypatch.setattr(store.tempfile, "mkstemp", refuse)  # what a read-only folder does to the first write
    assert main(["export", str(hostile), "-k", "source", "-o", str(tmp_path / "x.md")]) == 2
    err = capsys.readouterr().err
    assert "cannot write" in err and "Permission denied" in err and "Traceback" not in err
    assert list(tmp_path.iterdir()) == []


def test_cli_interrupted_write_leaves_the_old_file_whole(hostile: Path, tmp_path: Path, monkeypatch, capsys):
    target = tmp_path / "old.md"
    target.write_text("old and whole\n", encoding="utf-8")

    def crash(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(store.os, "replace", crash)  # the disk fills just before the rename
    assert main(["export", str(hostile), "-k", "number", "-o", str(target), "--force"]) == 2
    assert "No space left on device" in capsys.readouterr().err
    assert target.read_text(encoding="utf-8") == "old and whole\n"
    assert [p.name for p in tmp_path.iterdir()] == ["old.md"]  # no temporary left behind


# ---------------------------------------------------------------- the dialog
class Host(App[None]):
    def __init__(self, fb: FactBase, path: str) -> None:
        super().__init__()
        self.fb, self.path, self.result = fb, path, "unset"

    def on_mount(self) -> None:
        refs = [("number", n.id) for n in self.fb.numbers[:20]]
        self.push_screen(ExportScreen(self.fb, refs, self.path), callback=self.done)

    def done(self, path: Path | None) -> None:
        self.result = path


async def write_with_dialog(fb: FactBase, path: Path) -> tuple[Host, str]:
    app = Host(fb, str(path))
    async with app.run_test(size=(140, 30)) as pilot:
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        status = str(app.screen.query_one("#export-status", Static).render()) if app.screen is not None else ""
    return app, status


async def test_dialog_target_under_a_file_is_one_line(hostile_fb: FactBase, tmp_path: Path):
    (tmp_path / "plain").write_text("x", encoding="utf-8")
    app, status = await write_with_dialog(hostile_fb, tmp_path / "plain" / "x.md")
    assert app.result == "unset" and status.startswith("Cannot write") and "\n" not in status


async def test_dialog_interrupted_write_keeps_the_old_file_whole(hostile_fb: FactBase, tmp_path: Path, monkeypatch):
    target = tmp_path / "old.md"
    target.write_text("old and whole\n", encoding="utf-8")

    def crash(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(store.os, "replace", crash)
    app = Host(hostile_fb, str(target))
    async with app.run_test(size=(140, 30)) as pilot:
        await pilot.press("enter")  # asks: the file exists
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("y")
        await app.workers.wait_for_complete()
        await pilot.pause()
        status = str(app.screen.query_one("#export-status", Static).render())
    assert status == f"Cannot write {target}: No space left on device."
    assert target.read_text(encoding="utf-8") == "old and whole\n"
    assert [p.name for p in tmp_path.iterdir()] == ["old.md"]


async def test_dialog_read_only_folder_is_one_line(hostile_fb: FactBase, tmp_path: Path, monkeypatch):
    def refuse(*args: object, **kwargs: object):
        raise PermissionError(13, "Permission denied", str(tmp_path))

    monkeypatch.setattr(store.tempfile, "mkstemp", refuse)
    _, status = await write_with_dialog(hostile_fb, tmp_path / "x.md")
    assert status == f"Cannot write {tmp_path / 'x.md'}: permission denied."
    assert list(tmp_path.iterdir()) == []


async def test_exporting_hostile_facts_from_the_app_writes_them_escaped(hostile: Path, tmp_path: Path):
    target = tmp_path / "picked.md"
    app = ScaledealApp([str(hostile)])
    async with app.run_test(size=(140, 40)) as pilot:
        await loaded(pilot, limit=60)
        await pilot.press("3")
        table = app.query_one("#pane-numbers").table
        for row, i in enumerate(table.rows):
            if table.items[i].span.source == "hostile_deal.txt":
                table.move_cursor(row)
                await pilot.press("space")
        await pilot.press("e")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ExportScreen)
        screen.query_one("#export-path").value = str(target)
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert any(n.title == "Exported" for n in app._notifications)
    md = target.read_text(encoding="utf-8")
    assert CONTROLS.search(md) is None
    assert "**Northwind Platforms** paid $3.1 billion | not # a [table](javascript:1)" in visible(md)
