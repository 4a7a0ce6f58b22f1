"""Form of payment: all cash vs cash and stock vs all stock.

"In cash" alone does not say the whole price is cash ("$1.4 billion in cash,
the rest in shares"), so it disputes only an all-stock deal. A cue in a
clause naming a company outside the deal is about another deal."""

from __future__ import annotations

import re
from functools import cache

from facts.analyse.disputes.article import Article, Stance
from facts.lexicon import load_model
from facts.lexicon.models import DisputesLexicon
from facts.text import words_re

ATTRIBUTE = "payment"
CASH_ONLY, STOCK_ONLY, MIXED, CASH, STOCK = "all cash", "all stock", "cash and stock", "cash", "stock"
# which forms cannot describe one price together
CLASHES = frozenset(
    {
        frozenset({CASH_ONLY, MIXED}),
        frozenset({CASH_ONLY, STOCK}),
        frozenset({CASH_ONLY, STOCK_ONLY}),
        frozenset({STOCK_ONLY, MIXED}),
        frozenset({STOCK_ONLY, CASH}),
    }
)


@cache
def _cues() -> tuple[tuple[re.Pattern[str], str], ...]:
    w = load_model("disputes", DisputesLexicon).payment
    return (
        (words_re(w.cash_only), CASH_ONLY),
        (words_re(w.stock_only), STOCK_ONLY),
        (words_re(w.mixed), MIXED),
        (words_re(w.cash), CASH),
        (words_re(w.stock), STOCK),
    )


def clash(a: str, b: str) -> bool:
    return frozenset({a, b}) in CLASHES


def find(art: Article) -> list[Stance]:
    """The most telling cue wins where cues overlap: "in cash and stock" is mixed, not cash."""
    out: list[Stance] = []
    covered: set[int] = set()  # offsets of accepted cues: a few words each
    for pattern, form in _cues():
        for m in pattern.finditer(art.text):
            if covered.isdisjoint(range(m.start(), m.end())) and not _other_deal(art, m.start()):
                covered.update(range(m.start(), m.end()))
                out.append(art.stance(ATTRIBUTE, "", form, form, m.start(), m.end()))
    return sorted(out, key=lambda s: s.span.start)


def _other_deal(art: Article, pos: int) -> bool:
    """The clause names a company that is not a party: another deal's payment."""
    s, e = art.doc.clause_at(pos)
    named = {m.entity for m in art.within(s, e) if m.kind == "organisation"}
    return bool(named - art.parties)
