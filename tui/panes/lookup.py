"""Indexes over a FactBase that the views need: by id, and per source.

Built once per fact base in one pass over each fact list (never per row or
per keystroke), so opening 10,000 articles stays linear.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from facts.analyse import attribution, timeline
from facts.analyse.attribution import Side
from facts.model import Attribution, Check, Claim, Conflict, Entity, FactBase, Number, Source, Span
from facts.views.selection import FactKind, FactRef

Highlight = tuple[int, int, str]  # (start, end, "number" | "entity" | "claim")
Fact = Source | Entity | Number | Conflict | Check


def said_by(a: Attribution | None) -> str:
    """`The Information (outlet)`; "" for a figure the article states in its own voice."""
    return f"{a.origin} ({a.kind})" if a is not None else ""


@dataclass
class FactLookup:
    fb: FactBase
    sources: dict[str, Source] = field(default_factory=dict)
    numbers: dict[str, Number] = field(default_factory=dict)
    entities: dict[str, Entity] = field(default_factory=dict)
    conflicts: dict[str, Conflict] = field(default_factory=dict)
    checks: dict[str, Check] = field(default_factory=dict)
    sides: dict[str, list[Side]] = field(default_factory=dict)  # per conflict id
    _updates: dict[str, str] = field(default_factory=dict)  # per conflict id: facts.analyse.timeline.update_note
    numbers_in: Counter[str] = field(default_factory=Counter)
    entities_in: Counter[str] = field(default_factory=Counter)  # distinct entities per source
    conflicts_in: Counter[str] = field(default_factory=Counter)  # distinct conflicts per source
    highlights_in: dict[str, list[Highlight]] = field(default_factory=lambda: defaultdict(list))

    @classmethod
    def build(cls, fb: FactBase) -> FactLookup:
        ix = cls(fb)
        ix.sources = {s.id: s for s in fb.sources}
        ix.numbers = {n.id: n for n in fb.numbers}
        ix.entities = {e.id: e for e in fb.entities}
        ix.conflicts = {c.id: c for c in fb.conflicts}
        ix.checks = {c.id: c for c in fb.checks}
        outlets = {s.id: s.outlet for s in fb.sources if s.outlet}
        ix.sides = {c.id: attribution.sides(c, outlets) for c in fb.conflicts}
        # here, off the UI thread: the first note indexes the whole fact base
        ix._updates = {c.id: timeline.update_note(fb, c) for c in fb.conflicts}
        for n in fb.numbers:
            ix.numbers_in[n.span.source] += 1
            ix.highlights_in[n.span.source].append((n.span.start, n.span.end, "number"))
        for e in fb.entities:
            for src in {m.source for m in e.mentions}:
                ix.entities_in[src] += 1
            for m in e.mentions:
                ix.highlights_in[m.source].append((m.start, m.end, "entity"))
        for c in fb.conflicts:
            for src in {cl.span.source for cl in c.claims}:
                ix.conflicts_in[src] += 1
            for cl in c.claims:
                ix.highlights_in[cl.span.source].append((cl.span.start, cl.span.end, "claim"))
        for spans in ix.highlights_in.values():
            spans.sort()
        return ix

    def get(self, ref: FactRef) -> Fact | None:
        kind, fid = ref
        table: dict[FactKind, dict] = {
            "source": self.sources,
            "entity": self.entities,
            "number": self.numbers,
            "conflict": self.conflicts,
            "check": self.checks,
        }
        return table[kind].get(fid)

    def name_of(self, entity_id: str) -> str:
        """An entity's name for people (ids are for machines); the id if it is not an entity."""
        entity = self.entities.get(entity_id)
        return entity.name if entity is not None else entity_id

    def update_note(self, conflict: Conflict) -> str:
        """Why the conflict reads as an update ("" if it does not)."""
        return self._updates.get(conflict.id, "")

    def weakest_side(self, conflict: Conflict) -> tuple[float, float]:
        return attribution.weakest_side(self.sides.get(conflict.id, []))

    def text_of(self, source_id: str) -> str:
        src = self.sources.get(source_id)
        return src.text if src else ""

    def highlights(self, source_id: str) -> list[Highlight]:
        return self.highlights_in.get(source_id, [])

    def sentence(self, span: Span, given: Span | None = None) -> Span:
        """The sentence around `span`: the one the fact carries, else the
        text between the nearest sentence ends (cheap: only looks nearby)."""
        if given is not None and given.source == span.source:
            return given
        text = self.text_of(span.source)
        start = max(text.rfind(". ", 0, span.start), text.rfind("\n", 0, span.start), span.start - 400) + 1
        ends = [i for i in (text.find(". ", span.end), text.find("\n", span.end)) if i >= 0]
        end = min([*ends, span.end + 400, len(text)])
        end = end + 1 if end < len(text) and text[end] == "." else end
        start = max(0, start)
        while start < span.start and text[start].isspace():
            start += 1
        return Span(source=span.source, start=start, end=end, text=text[start:end])

    def line_of(self, source_id: str, offset: int) -> int:
        return self.text_of(source_id).count("\n", 0, offset) + 1


def claim_sentence(lookup: FactLookup, claim: Claim) -> Span:
    return lookup.sentence(claim.span, claim.sentence)
