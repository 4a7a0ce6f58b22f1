"""Who says each claim (stub: to be written).

    attribute_numbers(numbers, text)  -> sets Number.attribution for ONE article
    origins(claims)                   -> the distinct independent origins behind claims
    sourcing(claims)                  -> a score: how well these claims are sourced (higher is better)
"""

from __future__ import annotations

from collections.abc import Iterable

from .model import Claim, Number


def attribute_numbers(numbers: list[Number], text: str) -> None:
    return None


def origins(claims: Iterable[Claim]) -> list[str]:
    return []


def sourcing(claims: Iterable[Claim]) -> float:
    return 0.0
