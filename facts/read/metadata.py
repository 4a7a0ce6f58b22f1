"""What an article says about itself: its outlet, author and date.

Only what the text states, from general cues (bylines, "Published:" labels,
wire datelines, copyright lines, newsletter footers); unknown stays empty.
Metadata sits at the top or the bottom of a page, so only the first and last
few KB are read: the cost does not grow with the article.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from typing import NamedTuple

from facts.lexicon import load_model
from facts.lexicon.models import MetadataLexicon
from facts.read.bylines import NAME_CHARS, byline_fields, clean_name, dateline_date, lone_date
from facts.read.dates import parse_date

EDGE_CHARS = 2048

# A name: capitalised words (acronyms and "&" allowed), on one line.
_WORD = r"[A-Z0-9][\w&.'’-]*"
_NAME = rf"{_WORD}(?:[ \t]+(?:{_WORD}|&|de|van|von|der|da|di|du|le|la|bin|al))*"
_DASH = r"[-–—]"


class Meta(NamedTuple):
    outlet: str = ""
    author: str = ""
    date: str = ""  # ISO 8601


def sniff(text: str) -> Meta:
    """What `text` states about itself; "" where unknown."""
    head = text[:EDGE_CHARS].lstrip("\ufeff")
    tail = text[-EDGE_CHARS:] if len(text) > EDGE_CHARS else ""
    zones = (head, tail)
    line = byline_fields(head)
    outlet = _dateline(head) or line.outlet or _first(_copyright, zones) or _first(_newsletter, zones)
    author = _first(_labelled_byline, zones) or line.author or _by_line(head)
    date = _labelled_date(zones) or line.date or dateline_date(head) or lone_date(head)
    return Meta(outlet, author, date)


def _first(find: Callable[[str], str], zones: tuple[str, str]) -> str:
    for zone in zones:
        if zone and (found := find(zone)):
            return found
    return ""


def _lex() -> MetadataLexicon:
    return load_model("metadata", MetadataLexicon)


# ---------------------------------------------------------------- outlet cues
_DATELINE = re.compile(
    rf"(?m)^[ \t]*[A-Z][A-Z.' -]{{1,40}}(?:,[^\n(]{{1,40}})?[ \t]*"  # place, then maybe a region or a date
    rf"\(([A-Z][\w&.' -]{{1,40}})\)[ \t]*{_DASH}"
)


def _dateline(head: str) -> str:
    """SAN JOSE (Wire Service) - ...: the agency in the parentheses."""
    m = _DATELINE.search(head)
    return clean_name(m.group(1)) if m else ""


@cache
def _copyright_re() -> re.Pattern[str]:
    tails = "|".join(re.escape(t) for t in _lex().copyright_tail)
    return re.compile(
        rf"(?:©|\([cC]\)|\bCopyright\b)[ \t]*(?:©[ \t]*)?(?:\d{{4}}(?:[ \t]*[-–][ \t]*\d{{4}})?)?[ \t]*,?[ \t]*"
        rf"(?P<name>{_NAME}?)(?=[ \t]*(?:[.,|]|$|(?i:{tails})))",
        re.MULTILINE,
    )


def _copyright(zone: str) -> str:
    m = _copyright_re().search(zone)
    return clean_name(m.group("name")) if m else ""


@cache
def _labels_re(labels: tuple[str, ...], value: str) -> re.Pattern[str]:
    alt = "|".join(re.escape(x).replace(r"\ ", r"\s+") for x in sorted(labels, key=len, reverse=True))
    # a label may be glued to the text before it ("Editorial TeamCreation Time:")
    return re.compile(rf"(?:(?<!\w)|(?<=[a-z])(?=[A-Z]))(?i:(?P<label>{alt}))(?P<sep>\s*:\s*|\s+){value}")


def _labelled_byline(zone: str) -> str:
    """Author: Jane Doe (up to the end of the line, or a date label glued on)."""
    dates = "|".join(re.escape(x) for x in _lex().date_labels)
    name = rf"(?P<name>[^\n|•]{{2,{NAME_CHARS}}}?)(?=\s*(?:(?i:{dates})\s*:|$|[|•]))"
    for m in _labels_re(_lex().byline_labels, name).finditer(zone):
        # "Author:" needs its colon; "Written by Jane Doe" reads without one
        if ":" in m.group("sep") or m.group("label").casefold().endswith(" by"):
            return clean_name(m.group("name"))
    return ""


_BY = re.compile(rf"(?m)^[ \t]*By[ \t]+(?P<name>{_NAME}(?:(?:,|[ \t]+and)[ \t]+{_NAME})*)[ \t]*(?:$|[,|•(]|{_DASH})")


def _by_line(head: str) -> str:
    """A byline on a line of its own: "By Jane Doe and John Roe"."""
    for m in _BY.finditer(head):
        name = m.group("name")
        if len(name.split()) >= 2:  # "By Tuesday" is no byline
            return clean_name(name)
    return ""


@cache
def _newsletter_re() -> re.Pattern[str]:
    cues = sorted(_lex().newsletter_cues, key=len, reverse=True)
    alt = "|".join(re.escape(c).replace(r"\ ", r"[ \t]+") for c in cues)
    return re.compile(rf"(?i:\b(?:{alt}))[ \t]+(?P<name>{_NAME})")


def _newsletter(zone: str) -> str:
    """A sign-up box naming its publisher: the weakest outlet cue."""
    m = _newsletter_re().search(zone)
    return clean_name(m.group("name")) if m else ""


# ---------------------------------------------------------------- dates
_NEEDS_COLON = frozenset({"date", "dated", "created"})


def _labelled_date(zones: tuple[str, str]) -> str:
    """The date after the most telling label: Published before Updated."""
    labels = _lex().date_labels
    found: list[tuple[int, str]] = []
    for zone in zones:
        for m in _labels_re(labels, r"(?=(?:on\s+)?(?P<rest>[^\n]{0,40}))").finditer(zone):
            label = " ".join(m.group("label").split()).casefold()
            if ":" not in m.group("sep") and label in _NEEDS_COLON:
                continue  # "to date" is no label; "Date:" is
            iso = parse_date(m.group("rest"))
            if iso:
                rank = next((k for k, x in enumerate(labels) if x.casefold() == label), len(labels))
                found.append((rank, iso))
    return min(found)[1] if found else ""
