"""Disagreements in words, found in the text: what the deal is (the whole
company or a minority stake), how it is paid, who leads the bidding group,
where a company has its headquarters, who holds a post.

    find_disputes(fb, labels) -> list[Conflict]     qualitative conflicts, with the disputed words
    article_stances(source, mentions, parties, names) -> list[Stance]   what ONE article says

Each finder reads one article at a time with regular expressions built once
from facts/lexicon/disputes.yaml, anchored on cue words and the entity
mentions next to them (a dict or bisect lookup each); judge.py compares the
few distinct values of each attribute, never pairs of sentences.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from facts.analyse.attribution import attribute_spans
from facts.analyse.deal import deal_of
from facts.analyse.disputes import consortium, headquarters, payment, roles, structure
from facts.analyse.disputes.article import Article, Stance
from facts.analyse.disputes.judge import Rule, judge
from facts.analyse.mentions import ArticleMentions, Mention, by_source
from facts.extract.document import Document, document_of
from facts.labels import source_label
from facts.model import Claim, Conflict, FactBase, Source

__all__ = ["Stance", "article_stances", "find_disputes"]

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


def find_disputes(
    fb: FactBase,
    labels: dict[str, str] | None = None,
    mentions: dict[str, list[Mention]] | None = None,
    documents: Mapping[str, Document] | None = None,
    stances: Sequence[Stance] | None = None,
) -> list[Conflict]:
    """Qualitative conflicts found in the articles' words (never curated);
    `labels` (source id -> label) name the sources in explanations; `mentions`,
    each article's (by_source), and `documents` (by source id), when the caller
    has them already; `stances`, every article's in source order, when the
    build's workers found them (article_stances)."""
    documents = documents or {}
    mentions = by_source(fb.entities) if mentions is None else mentions
    if stances is None:
        parties = frozenset(p.entity for p in deal_of(fb).parties)
        names = {e.id: e.name for e in fb.entities}
        found: list[Stance] = []
        for source in fb.sources:
            found += article_stances(source, mentions.get(source.id, []), parties, names, documents.get(source.id))
        stances = found
    dates = {s.id: s.date for s in fb.sources if s.date}
    if labels is None:
        labels = {s.id: source_label(s) for s in fb.sources}
    conflicts = judge(list(stances), _rule, dates, labels)
    _attribute(conflicts, fb, mentions, documents)
    return conflicts


def article_stances(
    source: Source,
    mentions: list[Mention],
    parties: frozenset[str],
    names: Mapping[str, str],
    doc: Document | None = None,
) -> list[Stance]:
    """What ONE article says on each disputed attribute, in finder order; `parties`,
    the deal's entity ids; `names`, entity id -> name (of its mentions at least)."""
    art = Article(source, mentions, parties, doc)
    found = structure.find(art) + payment.find(art) + consortium.find(art) + headquarters.find(art)
    return found + roles.find(art, names)


def _attribute(
    conflicts: list[Conflict], fb: FactBase, mentions: dict[str, list[Mention]], documents: Mapping[str, Document]
) -> None:
    """Who says each disputed claim ("according to ...", a quoted speaker), as for a figure."""
    by_source: dict[str, list[Claim]] = {}
    for c in conflicts:
        for claim in c.claims:
            by_source.setdefault(claim.span.source, []).append(claim)
    texts = {s.id: s.text for s in fb.sources}
    for source, claims in by_source.items():
        text = texts.get(source, "")
        said = attribute_spans(
            [c.span for c in claims],
            documents.get(source) or document_of(text),
            ArticleMentions(mentions.get(source, []), len(text)),
        )
        for claim, attribution in zip(claims, said, strict=True):
            claim.attribution = attribution
