"""Shared test set-up: no test reads or writes the user's real cache or data folder."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"


@pytest.fixture(autouse=True, scope="session")
def _private_cache_dir(tmp_path_factory: pytest.TempPathFactory) -> None:
    mp = pytest.MonkeyPatch()
    mp.setenv("SCALEDEAL_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
    mp.setenv("SCALEDEAL_DATA_DIR", str(tmp_path_factory.mktemp("data")))  # selections, the clipboard file
    yield
    mp.undo()
