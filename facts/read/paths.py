"""Whether a path is there to read: standard library only, so the app can say
so in one line before it imports textual or the schema."""

from __future__ import annotations

import os
from pathlib import Path


class CorpusError(Exception):
    """Nothing usable at the given paths: the CLI prints it and exits 2."""


def check_path(p: Path) -> None:
    """Raise CorpusError unless `p` is a file or folder there is to read."""
    if not os.path.lexists(p):
        raise CorpusError(f"{p}: no such file or directory")
    if not (p.is_dir() or p.is_file()):
        raise CorpusError(f"{p}: not a file or directory")
