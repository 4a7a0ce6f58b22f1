"""Grouping claims and judging disagreements (stub: to be written)."""

from __future__ import annotations

from .model import Conflict, FactBase


def find_conflicts(fb: FactBase) -> list[Conflict]:
    return []
