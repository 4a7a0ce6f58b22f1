"""Who leads the bidding group: "a consortium led by ACME" / "an ACME-led
consortium". Another group ("a rival consortium led by ...") is not the deal's."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from facts.analyse.disputes.article import Article, Stance
from facts.lexicon import load_model
from facts.lexicon.models import DisputesLexicon
from facts.text import words_re

ATTRIBUTE = "consortium leader"
LEADERS = frozenset({"organisation", "other", "person"})
_AND = re.compile(r"\s*(?:,|and|&)\s*(?:and\s+)?")
MAX_LEADERS = 4


@dataclass(frozen=True, slots=True)
class _Lex:
    led_by: re.Pattern[str]  # "consortium led by"
    led: re.Pattern[str]  # "-led consortium"
    other: frozenset[str]


@cache
def _lex() -> _Lex:
    w = load_model("disputes", DisputesLexicon).consortium
    groups = words_re(w.groups).pattern
    verbs = words_re(w.lead_verbs).pattern
    return _Lex(
        # "a consortium led by", "a consortium of investors led by"
        led_by=re.compile(
            rf"(?P<group>{groups})(?:\s+of\s+[a-z-]+(?:\s+[a-z-]+)?)?\s*,?\s*(?:{verbs})\s", re.IGNORECASE
        ),
        led=re.compile(rf"-led\s+(?:[a-z-]+\s+)?(?P<group>{groups})", re.IGNORECASE),
        other=frozenset(w.other_groups),
    )


def clash(a: str, b: str) -> bool:
    """Leaders named by two sources with nobody in common."""
    return not set(a.split("+")) & set(b.split("+"))


def find(art: Article) -> list[Stance]:
    lex, out = _lex(), []
    for m in lex.led_by.finditer(art.text):
        if not _other_group(art, lex, m.start("group")):
            out += _stance(art, _leaders_after(art, m.end()), m.start())
    for m in lex.led.finditer(art.text):
        leader = art.mention_ending(m.start(), LEADERS)
        if leader is not None and not _other_group(art, lex, leader.start):
            out += _stance(art, [(leader.entity, leader.start, leader.end)], leader.start, m.end())
    return out


def _other_group(art: Article, lex: _Lex, pos: int) -> bool:
    return bool(set(art.words_before(pos, 2)) & lex.other)


def _leaders_after(art: Article, pos: int) -> list[tuple[str, int, int]]:
    """'ACME', 'ACME and Globex', 'ACME, Globex and Initech'."""
    found: list[tuple[str, int, int]] = []
    while len(found) < MAX_LEADERS and (m := art.mention_at(pos, LEADERS)) is not None:
        found.append((m.entity, m.start, m.end))
        sep = _AND.match(art.text, m.end)
        if sep is None or not sep.group().strip():
            break
        pos = sep.end()
    return found


def _stance(art: Article, leaders: list[tuple[str, int, int]], start: int, end: int = 0) -> list[Stance]:
    if not leaders:
        return []
    ids = sorted({e for e, _, _ in leaders})
    label = ", ".join(art.text[a:b] for _, a, b in leaders)
    return [art.stance(ATTRIBUTE, "", "+".join(ids), label, start, max(end, leaders[-1][2]))]
