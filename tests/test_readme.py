"""The README tells the truth: its keys are the app's keys, its set-up
commands are the ones CI runs."""

from __future__ import annotations

from tests.conftest import ROOT
from tui.screens.help import KEYS

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_readme_lists_every_key_of_the_help_screen():
    for _group, rows in KEYS:
        for keys, _what in rows:
            for key in keys.split():
                assert f"`{key}`" in README, f"README's key table lacks {key!r}"


def test_readme_gives_the_test_command_ci_runs():
    assert "python3 dev.py test" in README and "python3 dev.py app" in README
    assert "python3 dev.py test" in (ROOT / ".ci" / "run").read_text()
