"""`scaledeal extract -o FILE` when FILE cannot be written: one line naming
it, exit 2, no traceback, nothing half-written."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tui.cli.main import main


@pytest.fixture
def corpus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("SCALEDEAL_NO_CACHE", "1")
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "one.txt").write_text("Pelmark Tools agreed to buy Ossery Mills for $40 million.\n", encoding="utf-8")
    return folder


def lines(err: str) -> list[str]:
    return [line for line in err.splitlines() if line]


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full here")
def test_a_full_disk_is_one_line_and_exit_2(corpus, capsys):
    assert main(["extract", str(corpus), "-o", "/dev/full"]) == 2
    [line] = lines(capsys.readouterr().err)
    assert line == "scaledeal: error: cannot write /dev/full: No space left on device"


def test_a_name_too_long_is_refused_before_extracting(corpus, tmp_path, capsys, monkeypatch):
    monkeypatch.setattr("facts.build.extract_paths", lambda *_a, **_k: pytest.fail("extracted anyway"))
    target = tmp_path / ("x" * 300 + ".json")
    assert main(["extract", str(corpus), "-o", str(target)]) == 2
    [line] = lines(capsys.readouterr().err)
    assert line.endswith(": File name too long") and "x" * 300 in line


def test_the_longest_legal_name_is_written(corpus, tmp_path, capsys):
    target = tmp_path / ("x" * 250 + ".json")
    assert main(["extract", str(corpus), "-o", str(target)]) == 0
    assert target.read_text(encoding="utf-8").startswith("{")
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["articles", target.name])


def test_a_read_only_folder_is_one_line_and_nothing_is_left(corpus, tmp_path, capsys, monkeypatch):
    out = tmp_path / "out"
    out.mkdir()

    def refuse(*_a: object, **_k: object) -> None:
        raise PermissionError(13, "Permission denied", str(out / ".sd-x.tmp"))

    monkeypatch.setattr("tempfile.mkstemp", refuse)  # a folder that turned read-only after the check
    assert main(["extract", str(corpus), "-o", str(out / "facts.json")]) == 2
    [line] = lines(capsys.readouterr().err)
    assert line == f"scaledeal: error: cannot write {out / 'facts.json'}: Permission denied"
    assert list(out.iterdir()) == []


def test_an_existing_output_is_kept_and_says_how_to_replace_it(corpus, tmp_path, capsys):
    target = tmp_path / "facts.json"
    target.write_text("mine\n")
    assert main(["extract", str(corpus), "-o", str(target)]) == 2
    [line] = lines(capsys.readouterr().err)
    assert line == f"scaledeal: error: {target}: already exists (use --force to replace it)"
    assert target.read_text() == "mine\n"
