"""`scaledeal PATH` with nothing to read says so in one line and exits 2, like the headless commands."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.main import main


def test_a_missing_folder_is_one_line_and_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "no-such-folder"
    assert main([str(missing)]) == 2
    err = capsys.readouterr().err.splitlines()
    assert err == [f"scaledeal: error: {missing}: no such file or directory"]


def test_a_device_is_not_a_corpus(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["/dev/null"]) == 2
    assert capsys.readouterr().err.strip() == "scaledeal: error: /dev/null: not a file or directory"
