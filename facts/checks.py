"""Deal arithmetic checks (stub: to be written).

    find_checks(fb) -> list[Check]   derived values held against reported ones
"""

from __future__ import annotations

from .model import Check, FactBase


def find_checks(fb: FactBase) -> list[Check]:
    return []
