"""Alias resolution (stub: to be written)."""

from __future__ import annotations

from .entities import Candidate
from .model import Entity


def resolve(candidates: dict[str, list[Candidate]]) -> list[Entity]:
    return []
