"""No input file is ever modified: every byte (and every timestamp) of the
articles and curated files is the same after a full session of the CLI and
the app on a hostile corpus; and `check` on it names each unusable file once."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from tests.hostile.generate import BINARY_CASES, NAME_CASES, generate
from tests.tui.tui_fixture import loaded
from tui.app import ScaledealApp
from tui.cli.main import main
from tui.screens.export import ExportScreen
from tui.screens.search import SearchScreen

CLAIMS = """\
conflicts:
  - id: price-dispute
    attribute: deal value
    verdict: contradiction
    explanation: "[bold]two prices[/] \\e[31m"
    claims:
      - {source: markup.txt, quote: "about $2.5 billion", value: 2500000000, unit: USD}
      - {source: hostile_deal.txt, quote: "$3.1 billion", occurrence: 2, value: 3100000000, unit: USD}
"""
SOURCES = "markup.txt:\n  note: markup everywhere\n"
SKIPPED = [*BINARY_CASES, *(n for n in NAME_CASES if n.startswith("skip_"))]


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    root = tmp_path / "articles"
    generate(root, tiny=30, huge_mb=0.05)
    (root / "claims.yaml").write_text(CLAIMS, encoding="utf-8")
    (root / "sources.yaml").write_text(SOURCES, encoding="utf-8")
    for p in root.rglob("*"):  # read-only, as a careful user might leave them
        if p.is_file() and not p.is_symlink():
            p.chmod(0o444)
    return root


def fingerprint(root: Path) -> dict[str, tuple[str, int, int]]:
    """Every file under `root` (not following links): its hash, mode and modification time."""
    out = {}
    for dirpath, _dirs, files in os.walk(root, followlinks=False):
        for name in files:
            p = Path(dirpath) / name
            st = p.lstat()
            digest = hashlib.sha256(p.read_bytes()).hexdigest() if p.is_file() and not p.is_symlink() else "link"
            out[str(p.relative_to(root))] = (digest, st.st_mode, st.st_mtime_ns)
    return out


async def app_session(root: Path, export_to: Path) -> None:
    """Open the app, walk every pane, read, search, select and export."""
    app = ScaledealApp([str(root)])
    async with app.run_test(size=(120, 36)) as pilot:
        await loaded(pilot, limit=120)
        assert app.lookup is not None
        for key in "1234":
            await pilot.press(key, "j", "j", "space", "enter")
            await pilot.pause()
            while len(app.screen_stack) > 1:
                await pilot.press("escape")
                await pilot.pause()
        await pilot.press("slash")
        await pilot.pause()
        assert isinstance(app.screen, SearchScreen)
        await pilot.press(*"Northwind")
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("space", "e")
        await pilot.pause()
        assert isinstance(app.screen, ExportScreen)
        app.screen.query_one("#export-path").value = str(export_to)
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
    assert export_to.is_file()


async def test_a_full_session_leaves_every_input_file_untouched(corpus: Path, tmp_path: Path, capsys):
    before = fingerprint(corpus)
    out = tmp_path / "out"
    out.mkdir()
    assert main(["extract", str(corpus), "--format", "json"]) == 0
    assert main(["extract", str(corpus), "--format", "yaml", "-o", str(out / "facts.yaml")]) == 0
    assert main(["check", str(corpus)]) == 0  # skipped files are warnings, as for extract
    assert main(["export", str(corpus), "-o", str(out / "all.md")]) == 0
    assert main(["export", str(corpus), "-q", "Helix", "-o", str(out / "all.md"), "--force"]) == 0
    capsys.readouterr()
    await app_session(corpus, out / "picked.md")
    assert fingerprint(corpus) == before, "an input file was modified, added or removed"


def test_check_names_each_unusable_file_of_the_hostile_corpus_once(corpus: Path, capsys):
    assert main(["check", str(corpus)]) == 0
    captured = capsys.readouterr()
    lines = captured.err.splitlines()
    assert "Traceback" not in captured.out + captured.err
    for name in SKIPPED:
        assert sum(name in x or name.replace("\x1b", "␛").replace("\x07", "␇") in x for x in lines) == 1, name
    assert not any("\x1b" in x or "\x07" in x for x in lines)
    assert all(x.startswith("scaledeal check: warning: ") for x in lines)


def test_check_of_a_missing_path_is_one_line_and_exit_2(tmp_path: Path, capsys):
    assert main(["check", str(tmp_path / "gone")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "gone" in err
