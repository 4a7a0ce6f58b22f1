"""Dates as articles write them -> ISO 8601 ("3 Oct 2025", "Oct. 3, 2025",
"2025-10-03T08:15", "October 2025"); only as much as is written."""

from __future__ import annotations

import re
from functools import cache

from facts.lexicon import load_model
from facts.lexicon.models import MetadataLexicon


def _months() -> dict[str, int]:
    return load_model("metadata", MetadataLexicon).months


@cache
def _date_forms() -> list[tuple[re.Pattern[str], str]]:
    months = "|".join(sorted(_months(), key=len, reverse=True))
    mon = rf"(?P<mon>(?i:{months}))\.?"
    day = r"(?P<d>\d{1,2})(?:st|nd|rd|th)?"
    time = r"(?:[ T](?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2}))?)?"
    return [
        (re.compile(rf"(?P<y>\d{{4}})-(?P<m>\d{{1,2}})-(?P<d>\d{{1,2}}){time}"), "ymd"),
        (re.compile(r"(?P<y>\d{4})/(?P<m>\d{1,2})/(?P<d>\d{1,2})"), "ymd"),
        (re.compile(rf"{mon}\s+{day},?\s+(?P<y>\d{{4}})"), "mdy"),
        (re.compile(rf"{day}\s+{mon},?\s+(?P<y>\d{{4}})"), "dmy"),
        (re.compile(rf"{mon},?\s+(?P<y>\d{{4}})"), "my"),
    ]


def full_date(s: str) -> str:
    """The ISO date when `s` is a date and nothing else (a byline field)."""
    s = s.strip()
    for pattern, _ in _date_forms():
        m = pattern.fullmatch(s)
        if m:
            return _iso(m)
    return ""


def parse_date(s: str) -> str:
    """The ISO date `s` starts with; "" if it starts with none."""
    for pattern, _ in _date_forms():
        m = pattern.match(s)
        if m:
            return _iso(m)
    return ""


def _iso(m: re.Match[str]) -> str:
    g = m.groupdict()
    month = int(g["m"]) if g.get("m") else _months()[g["mon"].casefold()]
    y = int(g["y"])
    if not 1 <= month <= 12:
        return ""
    if g.get("d") is None:
        return f"{y:04d}-{month:02d}"
    d = int(g["d"])
    if not 1 <= d <= 31:
        return ""
    iso = f"{y:04d}-{month:02d}-{d:02d}"
    if g.get("H") is not None:
        iso += f"T{int(g['H']):02d}:{g['M']}" + (f":{g['S']}" if g.get("S") else "")
    return iso
