"""The corpus's main deal: its parties, and the one rule for "about the deal".

    find_deal(fb) -> Deal                    once per build, after entities are resolved
    deal_of(fb) -> Deal                      fb.deal, found afresh if the fact base has none
    is_about(deal, subject, attribute, reach) -> bool
    subject_key(deal, subject, attribute, reach) -> str   MAIN for the deal's figures

A figure is about the deal when its subject is a party or unnamed and its
attribute belongs to deals (lexicon `deal: true`: deal value, stake, ...).
`reach` widens that for the stages that need more (see `Reach`).
"""

from __future__ import annotations

import math
from typing import Literal

from facts.analyse.attributes import spec
from facts.model import Deal, FactBase, Party

MAIN = "\0deal"  # the subject key of the deal's figures: its parties folded into one

# How far beyond deal attributes the deal reaches. Each stage keeps the reach it
# had before the rule was shared, so its results do not change:
#   "deal"    deal attributes only. Conflicts: the acquirer's revenue and the
#             target's are different facts, never disputed against each other.
#   "parties" and a party's own figures of any attribute. Timeline: the history
#             of a party's figure shows the other party's too.
#   "all"     and every unnamed figure of any attribute. Checks: deal arithmetic
#             takes the parties' own figures as inputs (revenue x multiple).
Reach = Literal["deal", "parties", "all"]
PARTIES = 2  # the deal's two sides


def find_deal(fb: FactBase) -> Deal:
    """The deal's parties: the organisations named in most sources, most often;
    without entities, the subjects most deal figures are about."""
    ranked = _by_mentions(fb)
    basis: Literal["mentions", "figures"] = "mentions"
    if not ranked:
        ranked, basis = _by_figures(fb), "figures"
    ranked.sort(reverse=True)
    parties = [Party(entity=eid) for _, _, eid in ranked[:PARTIES]]
    return Deal(parties=parties, basis=basis if parties else "")


def _by_mentions(fb: FactBase) -> list[tuple[int, int, str]]:
    """(sources, mentions, id) of each organisation named in half the sources or more."""
    need = max(1, math.ceil(len(fb.sources) / 2))
    ranked = []
    for e in fb.entities:
        if e.kind != "organisation" or not e.mentions:
            continue
        sources = len({m.source for m in e.mentions})
        if sources >= need:
            ranked.append((sources, len(e.mentions), e.id))
    return ranked


def _by_figures(fb: FactBase) -> list[tuple[int, int, str]]:
    """(sources, 0, subject) of each subject of a deal figure."""
    by_subject: dict[str, set[str]] = {}
    for n in fb.numbers:
        if n.subject and n.attribute and spec(n.attribute).deal:
            by_subject.setdefault(n.subject, set()).add(n.span.source)
    return [(len(srcs), 0, subject) for subject, srcs in by_subject.items()]


def deal_of(fb: FactBase) -> Deal:
    """The fact base's deal; found afresh when it has no parties (a fact base
    built by hand, or stored before the deal was)."""
    return fb.deal if fb.deal.parties else find_deal(fb)


def is_about(deal: Deal, subject: str, attribute: str, reach: Reach = "deal") -> bool:
    """Whether a figure of `attribute` about `subject` ("" unnamed) is about the deal."""
    if subject and not deal.is_party(subject):
        return False  # a third company's figure
    if reach == "all" or spec(attribute).deal:
        return True
    return reach == "parties" and bool(subject)


def subject_key(deal: Deal, subject: str, attribute: str, reach: Reach = "deal") -> str:
    """What to group a figure by: MAIN for the deal's figures, else its subject."""
    return MAIN if is_about(deal, subject, attribute, reach) else subject
