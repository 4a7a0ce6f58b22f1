"""The number grammar (stub: to be written)."""

from __future__ import annotations

from .model import Number


def find_numbers(text: str, source: str) -> list[Number]:
    return []
