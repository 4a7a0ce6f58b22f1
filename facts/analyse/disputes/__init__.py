"""Disagreements in words, found in the text: what the deal is (the whole
company or a minority stake), how it is paid, who leads the bidding group,
where a company has its headquarters, who holds a post.

    find_disputes(fb) -> list[Conflict]     qualitative conflicts, with the disputed words

Each finder reads one article at a time with regular expressions built once
from facts/lexicon/disputes.yaml, anchored on cue words and the entity
mentions next to them (a dict or bisect lookup each); judge.py compares the
few distinct values of each attribute, never pairs of sentences.
"""

from __future__ import annotations

from facts.analyse.deal import deal_of
from facts.analyse.disputes import consortium, headquarters, payment, roles, structure
from facts.analyse.disputes.article import Article, Stance
from facts.analyse.disputes.judge import Rule, judge
from facts.analyse.mentions import by_source
from facts.model import Conflict, FactBase

__all__ = ["find_disputes"]

_RULES = {
    structure.ATTRIBUTE: Rule(
        lambda a, b: a != b, "a company bought outright is not one in which a minority stake was bought."
    ),
    payment.ATTRIBUTE: Rule(payment.clash, "one price cannot be paid in these forms at once."),
    consortium.ATTRIBUTE: Rule(consortium.clash, "the group cannot be led by different names."),
    headquarters.ATTRIBUTE: Rule(headquarters.clash, "a company has one headquarters."),
}
_ROLE = Rule(roles.clash, "one person holds the post at a time.", changes=True)


def _rule(attribute: str) -> Rule:
    return _RULES.get(attribute, _ROLE)


def find_disputes(fb: FactBase) -> list[Conflict]:
    """Qualitative conflicts found in the articles' words (never curated)."""
    mentions = by_source(fb.entities)
    parties = frozenset(p.entity for p in deal_of(fb).parties)
    names = {e.id: e.name for e in fb.entities}
    stances: list[Stance] = []
    for source in fb.sources:
        art = Article(source, mentions.get(source.id, []), parties)
        stances += structure.find(art)
        stances += payment.find(art)
        stances += consortium.find(art)
        stances += headquarters.find(art)
        stances += roles.find(art, names)
    dates = {s.id: s.date for s in fb.sources if s.date}
    return judge(stances, _rule, dates)
