"""The export's formats, by name or by a file's extension (no heavy imports:
the CLI asks before it reads a corpus)."""

from __future__ import annotations

from pathlib import PurePath
from typing import Literal

Format = Literal["md", "csv", "json"]
FORMATS: tuple[Format, ...] = ("md", "csv", "json")


def format_for(asked: str | None, output: str | None = None) -> Format:
    """The format asked for, else the one the file's extension names, else Markdown."""
    name = asked or (PurePath(output).suffix.lower().lstrip(".") if output and output != "-" else "")
    for known in FORMATS:
        if name == known:
            return known
    return "md"
