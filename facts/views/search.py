"""One fuzzy index over every fact kind.

Interface used by the TUI:
    index = SearchIndex(factbase)            # build once per fact base (index=: its FactIndex, to reuse it)
    hits = index.search("valuaton", limit=50)  # typo-tolerant, best first

Every fact becomes one folded "name" string (entity names and aliases; a
number as written, formatted, and its attribute; a conflict's attribute and
values; a source's title and file), and numbers add their sentence as a second,
weaker string (shared by all numbers of that sentence). A query is one
rapidfuzz scan over those strings: no per-fact Python work per keystroke;
labels are built only for the hits returned.
"""

from __future__ import annotations

import heapq
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from rapidfuzz import fuzz, process

from facts.kinds import BY_NAME, SEARCH_ORDER, FactKind
from facts.model import Check, Claim, Conflict, Entity, FactBase, Number
from facts.text import fold, single_line
from facts.views.export import human_value
from facts.views.index import FactIndex

if TYPE_CHECKING:
    from facts.kinds import Fact  # the union of fact models, named once

SENTENCE_WEIGHT = 0.9  # a word found in a number's sentence counts less than one in the number itself
CHUNK = 8192  # rapidfuzz holds the GIL while it scans: scan in chunks so the UI thread can run between them
OVERFETCH = 4  # several strings can point at one fact: fetch more, then keep each fact once


_WORD = re.compile(r"\w+")


def _fold(text: str) -> str:
    """facts.text.fold, with a fast path for ASCII (most of it): the index folds every string once."""
    if text.isascii():
        return " ".join(_WORD.findall(text.lower()))
    return fold(text)


@dataclass(frozen=True, slots=True)
class Hit:
    kind: FactKind
    fact_id: str
    label: str  # one line for people: what the fact is
    context: str  # one line: the sentence or where it comes from
    score: float  # 0..100, higher is better


class SearchIndex:
    def __init__(self, fb: FactBase, index: FactIndex | None = None) -> None:
        self.fb = fb
        self.fact_index = index or FactIndex.build(fb)  # names and sentences, as every view reads them
        self._facts: list[tuple[FactKind, Fact]] = []
        self._choices: list[str] = []  # folded; the facts' own strings first, then sentences
        self._owners: list[tuple[int, ...]] = []  # choice -> indices into _facts
        self._primary = 0  # choices below this index are the facts' own strings
        self._build()

    # ------------------------------------------------------------ building
    def _build(self) -> None:
        for kind in SEARCH_ORDER:
            for fact in kind.facts(self.fb):
                self._add(kind.name, fact, _fact_words(fact, self.fact_index))
        self._primary = len(self._choices)
        by_sentence: dict[str, list[int]] = {}
        for i, (_, fact) in enumerate(self._facts):
            if isinstance(fact, Number):
                by_sentence.setdefault(self._sentence(fact), []).append(i)
        for sentence, owners in by_sentence.items():
            folded = _fold(sentence)
            if folded:
                self._choices.append(folded)
                self._owners.append(tuple(owners))

    def _add(self, kind: FactKind, fact: Fact, words: str) -> None:
        self._facts.append((kind, fact))
        self._choices.append(_fold(words))
        self._owners.append((len(self._facts) - 1,))

    def _sentence(self, n: Number) -> str:
        return self.fact_index.sentence(n.span, n.sentence).text

    def __len__(self) -> int:
        return len(self._facts)

    # ------------------------------------------------------------ searching
    def search(
        self,
        query: str,
        limit: int | None = 50,
        *,
        min_score: float = 70.0,
        cancelled: Callable[[], bool] | None = None,
    ) -> list[Hit]:
        """Facts matching `query` (typos allowed), best first; `limit=None` for all.

        `cancelled` is polled between chunks so a newer keystroke can stop an
        older search early (the result is then empty).
        """
        q = _fold(query)
        if not q or not self._choices:
            return []
        fetch = None if limit is None else max(limit * OVERFETCH, 64)
        found = self._scan(q, fetch, min_score, cancelled)
        if found is None:
            return []
        return self._hits(q, found, limit, min_score)

    def _scan(
        self, q: str, fetch: int | None, cutoff: float, cancelled: Callable[[], bool] | None
    ) -> list[tuple[float, int]] | None:
        best: list[tuple[float, int]] = []  # a min-heap of (score, choice index) when fetch is set
        for base in range(0, len(self._choices), CHUNK):
            if cancelled is not None and cancelled():
                return None
            if fetch is not None and len(best) >= fetch:
                cutoff = max(cutoff, best[0][0])  # nothing below the current top `fetch` can get in
            chunk = self._choices[base : base + CHUNK]
            for _, score, i in process.extract(
                q, chunk, scorer=fuzz.partial_ratio, processor=None, limit=fetch, score_cutoff=cutoff
            ):
                item = (score, base + i)
                if fetch is None:
                    best.append(item)
                elif len(best) < fetch:
                    heapq.heappush(best, item)
                else:
                    heapq.heappushpop(best, item)
        return best

    def _hits(self, q: str, found: list[tuple[float, int]], limit: int | None, min_score: float) -> list[Hit]:
        ranked: dict[int, tuple[float, float, int]] = {}  # fact -> (score, tie-break, -kind rank)
        for score, choice in found:
            primary = choice < self._primary
            weighted = score if primary else score * SENTENCE_WEIGHT
            if weighted < min_score:
                continue
            # among equal scores, prefer the fact whose whole string is closest to the query
            tie = fuzz.ratio(q, self._choices[choice]) if primary else 0.0
            for fact in self._owners[choice]:
                key = (weighted, tie, -BY_NAME[self._facts[fact][0]].search_rank)
                if key > ranked.get(fact, (-1.0, -1.0, -9)):
                    ranked[fact] = key
        order = sorted(ranked, key=lambda f: (ranked[f], -f), reverse=True)
        if limit is not None:
            order = order[:limit]
        return [self._hit(f, ranked[f][0]) for f in order]

    def _hit(self, index: int, score: float) -> Hit:
        kind, fact = self._facts[index]
        sentence = self._sentence(fact) if isinstance(fact, Number) else ""
        label, context = describe(kind, fact, sentence, self.fact_index.label_of)
        return Hit(kind=kind, fact_id=fact.id, label=label, context=context, score=round(score, 1))


# ---------------------------------------------------------------- strings per fact


@lru_cache(maxsize=1 << 16)
def _shown(value: float | str, unit: str, qualifier: str) -> str:
    # corpora repeat their figures; formatting is the costliest step of building the index
    return human_value(value, unit, qualifier)


def _fact_words(fact: Fact, ix: FactIndex) -> str:
    if isinstance(fact, Entity):
        return " ".join([fact.name, *fact.aliases, *fact.variants, fact.kind])
    if isinstance(fact, Number):
        shown = _shown(fact.value, fact.unit, fact.qualifier)
        return " ".join([fact.span.text, shown, fact.attribute, fact.period, fact.unit])
    if isinstance(fact, Conflict):
        values = [c.span.text for c in fact.claims]
        values += [human_value(c.value, c.unit, c.qualifier) for c in fact.claims if c.value is not None]
        subject = ix.name_of(fact.subject) if fact.subject in ix.entities else ""
        return " ".join([fact.attribute, *dict.fromkeys(values), subject, fact.verdict])
    if isinstance(fact, Check):
        return _check_words(fact)
    return " ".join([fact.title, fact.outlet, fact.date, fact.id])


def _check_words(c: Check) -> str:
    """'implied valuation', the derived figure, its inputs and what it was held against."""
    claims = [*c.inputs, *c.confirms, *c.contradicts]
    values = [x.span.text for x in claims]
    values += [_shown(x.value, x.unit, x.qualifier) for x in claims if x.value is not None]
    implied = _shown(c.implied, c.unit, "exact")
    return " ".join([c.kind, f"implied {c.attribute}", implied, *dict.fromkeys(values), "check"])


def describe(kind: FactKind, fact: Fact, sentence: str = "", label_of: Callable[[str], str] = str) -> tuple[str, str]:
    """(label, context): two display-safe lines that say what a fact is and where it is from;
    `label_of` names a source for people (FactIndex.label_of: outlet or short title)."""
    if isinstance(fact, Entity):
        sources = len({m.source for m in fact.mentions})
        also = f"also {', '.join(fact.aliases)} · " if fact.aliases else ""
        return single_line(f"{fact.name} ({fact.kind})"), single_line(
            f"{also}{len(fact.mentions)} mentions in {sources} sources"
        )
    if isinstance(fact, Number):
        label = human_value(fact.value, fact.unit, fact.qualifier) + (f" · {fact.attribute}" if fact.attribute else "")
        return single_line(label), single_line(f"{label_of(fact.span.source)}: {sentence or fact.span.text}")
    if isinstance(fact, Conflict):
        sides = " vs ".join(_claim_short(c, label_of) for c in fact.claims)
        return single_line(f"{fact.attribute or fact.id} · {fact.verdict}"), single_line(sides)
    if isinstance(fact, Check):
        roles = (("confirms", fact.confirms), ("contradicts", fact.contradicts))
        verdict = " · ".join(f"{word} {len(claims)}" for word, claims in roles if claims)
        label = f"{fact.kind}: {human_value(fact.implied, fact.unit)} {fact.attribute} · {verdict}"
        return single_line(label), single_line(fact.explanation)
    place = " · ".join(x for x in (fact.id, fact.outlet, fact.date) if x)
    return single_line(fact.title or fact.id), single_line(f"{place} · {fact.words:,} words")


def _claim_short(c: Claim, label_of: Callable[[str], str]) -> str:
    value = human_value(c.value, c.unit, c.qualifier) if c.value is not None else c.span.text
    return f"{value} ({label_of(c.span.source)})"
