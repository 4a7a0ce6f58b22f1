"""The user's data folder: state that outlives a session (the selection per
corpus, the clipboard fallback), never beside the articles.

$SCALEDEAL_DATA_DIR (tests, portable set-ups), else $XDG_DATA_HOME/scaledeal,
else ~/.local/share/scaledeal.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path


def data_dir(env: Mapping[str, str] | None = None) -> Path:
    env = os.environ if env is None else env
    if env.get("SCALEDEAL_DATA_DIR"):
        return Path(env["SCALEDEAL_DATA_DIR"])
    base = env.get("XDG_DATA_HOME") or os.path.join(os.path.expanduser("~"), ".local", "share")
    return Path(base) / "scaledeal"
