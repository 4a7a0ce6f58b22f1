"""Entity mention detection (stub: to be written)."""

from __future__ import annotations

from dataclasses import dataclass

from .model import EntityKind, Span


@dataclass(frozen=True, slots=True)
class Candidate:
    span: Span
    kind: EntityKind = "other"


def find_candidates(text: str, source: str) -> list[Candidate]:
    return []
