"""A timeline of each fact: claims ordered by their dates (stub: to be written).

    timeline(fb, attribute, subject="") -> list[TimelineEntry]   oldest first
    update_note(fb, conflict) -> str      "" or why the conflict reads as an update
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from .model import Claim, Conflict, FactBase

Status = Literal["rumour", "reported", "announced", ""]


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    date: str  # ISO 8601, as much as known ("2025-06", "2025-06-10"); "" unknown
    basis: Literal["mentioned", "source", ""]  # the date is written by the claim, or is its article's date
    source: str
    claim: Claim
    status: Status  # rumour ("in talks", "sources said"), reported, announced ("announced", "agreed")
    note: str = ""  # "update: supersedes the rumoured over $10B"


def timeline(fb: FactBase, attribute: str, subject: str = "") -> list[TimelineEntry]:
    return []


def update_note(fb: FactBase, conflict: Conflict) -> str:
    return ""
