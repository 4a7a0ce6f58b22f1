"""What each number is about (stub: to be written)."""

from __future__ import annotations

from .model import Entity, Number


def annotate(numbers: list[Number], text: str, entities: list[Entity]) -> None:
    return None
