"""Bylines and datelines in plain text: who wrote it, for whom, and when.

    Maria Okafor, Valley Ledger, 14 March 2026
    By A. Writer | The Outlet | 3 Oct 2025
    TOKYO, Oct. 3, 2025 — ...

Only lines of their own near the top are read, each at most LINE_CHARS long,
so the work is bounded whatever the article.
"""

from __future__ import annotations

import re
from functools import cache
from typing import NamedTuple

from facts.lexicon import load_model
from facts.lexicon.models import MetadataLexicon
from facts.read.dates import full_date, parse_date

HEAD_LINES = 12
LINE_CHARS = 160
NAME_CHARS = 80

_SEP = re.compile(r"\s*(?:[|•·]|,|\s[-–—]\s)\s*")
_INITIAL = re.compile(r"[A-Z]\.(?:[A-Z]\.)*")
_CAPWORD = re.compile(r"[A-Z][\w'’.-]*")
_JOINERS = frozenset({"and", "&", "de", "van", "von", "der", "da", "di", "du", "le", "la", "bin", "al", "of", "the"})
_BY = re.compile(r"(?i:by)\s+")
_DASH = r"[-–—]"
# TOKYO, Oct. 3, 2025 — / AUSTIN, Texas, 3 March 2025 -: the date after a capitalised place
_DATELINE = re.compile(r"^[ \t]*[A-Z][A-Z.' -]{1,40}(?:,[ \t]*[A-Z][\w.]*(?=,))?,[ \t]*(?P<rest>[^\n]{6,40})")


class Byline(NamedTuple):
    outlet: str = ""
    author: str = ""
    date: str = ""


def byline_fields(head: str) -> Byline:
    """The first line near the top that reads as a byline, split into its fields."""
    lines = [x.strip() for x in head.splitlines()[:HEAD_LINES]]
    for line in lines:
        if line and len(line) <= LINE_CHARS:
            found = _byline(line)
            if found is not None:
                return found
    return Byline()


def lone_date(head: str) -> str:
    """A date on a line of its own near the top ("October 3, 2025")."""
    for line in head.splitlines()[:HEAD_LINES]:
        if len(line) <= 40 and (iso := full_date(line.strip().rstrip("."))):
            return iso
    return ""


def dateline_date(head: str) -> str:
    """The date of a wire dateline: "TOKYO, Oct. 3, 2025 — The company said..."."""
    for line in head.splitlines()[:HEAD_LINES]:
        m = _DATELINE.match(line)
        if m and (iso := parse_date(m.group("rest"))) and _dash_follows(m.group("rest"), iso):
            return iso
    return ""


_DATELINE_PLACE = re.compile(r"[ \t]*[A-Z][A-Z.' -]{1,40}(?:,[ \t]*[A-Z][\w.]*)?,[ \t]*")
_DATELINE_END = re.compile(rf"[ \t]*(?:\([^)\n]{{1,40}}\))?[ \t]*{_DASH}")


def in_dateline(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is the date of a wire dateline ("OSLO, April 5
    (Reuters) - ..."): when the article was filed, not when anything it says happened."""
    line = text.rfind("\n", 0, start) + 1
    return bool(_DATELINE_PLACE.fullmatch(text, line, start)) and bool(_DATELINE_END.match(text, end))


def _dash_follows(rest: str, iso: str) -> bool:
    # the date must be followed by the dateline's dash (maybe after "(Agency)")
    return re.search(rf"\d{{4}}[ \t]*(?:\([^)\n]{{1,40}}\))?[ \t]*{_DASH}", rest) is not None and bool(iso)


def _byline(line: str) -> Byline | None:
    date, rest = _trailing_date(line)
    by = _BY.match(rest)
    if not date and not by:
        return None
    fields = [f for f in _SEP.split(rest[by.end() :] if by else rest) if f]
    if not fields and date and by is None:
        return None
    if len(fields) > 3 or not all(_is_name(f) for f in fields):
        return None
    if by is None and fields and fields[0].isupper():
        return None  # "TOKYO, 3 Oct 2025": a dateline's place, no byline
    return _assign(fields, date, bool(by))


def _trailing_date(line: str) -> tuple[str, str]:
    """(ISO date, the line before it) when the line ends in a date after a separator."""
    parts = _SEP.split(line)
    for k in range(1, min(4, len(parts))):  # a date holds at most two separators ("Oct. 3, 2025")
        tail = ", ".join(parts[-k:]) if k > 1 else parts[-1]
        iso = full_date(tail.rstrip(". "))
        if iso and len(parts) > k:
            return iso, _before(line, k)
    return "", line


def _before(line: str, k: int) -> str:
    seps = list(_SEP.finditer(line))
    return line[: seps[-k].start()].strip()


def _assign(fields: list[str], date: str, by: bool) -> Byline:
    author = outlet = ""
    for f in fields:
        f = tidy_name(f)
        if not author and (by or _is_person(f)) and not _is_outlet(f):
            author = f
        elif not outlet:
            outlet = f
        by = False
    return Byline(outlet, author, date)


def _is_name(field: str) -> bool:
    words = field.split()
    if not 1 <= len(words) <= 8 or len(field) > NAME_CHARS:
        return False
    if words[0] in _JOINERS:
        return False
    return all(w in _JOINERS or _INITIAL.fullmatch(w) or _CAPWORD.fullmatch(w) for w in words)


def _is_person(field: str) -> bool:
    words = [w for w in field.split() if w not in _JOINERS]
    return 2 <= len(words) <= 8 and not field.isupper()


@cache
def _outlet_words() -> frozenset[str]:
    return frozenset(w.casefold() for w in load_model("metadata", MetadataLexicon).outlet_words)


def _is_outlet(field: str) -> bool:
    return any(w.strip(".,").casefold() in _outlet_words() for w in field.split())


def tidy_name(name: str) -> str:
    """Blanks folded, and the punctuation a byline leaves around a name stripped."""
    return " ".join(name.split()).strip(" .,;:-–—|")


def clean_name(name: str, limit: int = NAME_CHARS) -> str:
    """A tidied name, or "" when it is too short or too long to be one."""
    name = tidy_name(name)
    return name if 1 < len(name) <= limit else ""
