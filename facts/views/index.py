"""One index over a FactBase for every view: the TUI, search and export.

    index = FactIndex.build(fb)         # once per fact base, off the UI thread
    index.get(("number", "n:a.txt:12")) # a fact by kind and id
    index.claim_sentence(claim)         # the sentence a view quotes for a claim

Built in one pass over each fact list (never per row or per keystroke), so
opening 10,000 articles stays linear. A fact's sentence is found here and only
here, so the TUI, the diff and the export always quote the same words.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter, defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from facts.analyse import attribution
from facts.analyse.attribution import Side
from facts.analyse.timeline import TimelineEntry, TimelineIndex, timeline, update_note
from facts.extract.document import document_of
from facts.kinds import FactKind, FactRef

if TYPE_CHECKING:
    from facts.kinds import Fact
from facts.labels import source_label
from facts.model import Check, Claim, Conflict, Entity, FactBase, Number, Source, Span
from facts.views.paragraphs import paragraph_starts

Highlight = tuple[int, int, str]  # (start, end, "number" | "entity" | "claim") for the reader

_NEWLINE = re.compile("\n")


@dataclass
class FactIndex:
    fb: FactBase
    sources: dict[str, Source] = field(default_factory=dict)
    numbers: dict[str, Number] = field(default_factory=dict)
    entities: dict[str, Entity] = field(default_factory=dict)
    conflicts: dict[str, Conflict] = field(default_factory=dict)
    checks: dict[str, Check] = field(default_factory=dict)
    outlets: dict[str, str] = field(default_factory=dict)  # source id -> its outlet, where known
    labels: dict[str, str] = field(default_factory=dict)  # source id -> what people call it (labels.source_label)
    sides: dict[str, list[Side]] = field(default_factory=dict)  # per conflict id
    numbers_in: Counter[str] = field(default_factory=Counter)  # per source
    entities_in: Counter[str] = field(default_factory=Counter)  # distinct entities per source
    conflicts_in: Counter[str] = field(default_factory=Counter)  # distinct conflicts per source
    highlights_in: dict[str, list[Highlight]] = field(default_factory=lambda: defaultdict(list))
    _updates: dict[str, str] = field(default_factory=dict)  # per conflict id
    _timelines: TimelineIndex | None = None
    # filled on first use per source: only the articles a view quotes are split
    _newlines: dict[str, list[int]] = field(default_factory=dict)
    _paragraphs: dict[str, list[int]] = field(default_factory=dict)

    @classmethod
    def build(cls, fb: FactBase) -> FactIndex:
        ix = cls(fb)
        ix.sources = {s.id: s for s in fb.sources}
        ix.numbers = {n.id: n for n in fb.numbers}
        ix.entities = {e.id: e for e in fb.entities}
        ix.conflicts = {c.id: c for c in fb.conflicts}
        ix.checks = {c.id: c for c in fb.checks}
        ix.outlets = {s.id: s.outlet for s in fb.sources if s.outlet}
        ix.labels = {s.id: source_label(s) for s in fb.sources}
        ix.sides = {c.id: attribution.sides(c, ix.outlets, ix.labels) for c in fb.conflicts}
        # every note now, while the index is built off the UI thread: the first one dates the whole corpus
        ix._timelines = TimelineIndex(fb)
        ix._updates = {c.id: update_note(fb, c, ix._timelines) for c in fb.conflicts}
        ix._count_and_highlight()
        return ix

    def _count_and_highlight(self) -> None:
        for n in self.fb.numbers:
            self.numbers_in[n.span.source] += 1
            self.highlights_in[n.span.source].append((n.span.start, n.span.end, "number"))
        for e in self.fb.entities:
            for src in {m.source for m in e.mentions}:
                self.entities_in[src] += 1
            for m in e.mentions:
                self.highlights_in[m.source].append((m.start, m.end, "entity"))
        for c in self.fb.conflicts:
            for src in {cl.span.source for cl in c.claims}:
                self.conflicts_in[src] += 1
            for cl in c.claims:
                self.highlights_in[cl.span.source].append((cl.span.start, cl.span.end, "claim"))
        for spans in self.highlights_in.values():
            spans.sort()

    # ------------------------------------------------------------ facts
    def get(self, ref: FactRef) -> Fact | None:
        kind, fid = ref
        table: dict[FactKind, Mapping[str, Fact]] = {
            "source": self.sources,
            "entity": self.entities,
            "number": self.numbers,
            "conflict": self.conflicts,
            "check": self.checks,
        }
        return table.get(kind, {}).get(fid)

    def label_of(self, source_id: str) -> str:
        """What people call a source in a narrow place (facts.labels.source_label)."""
        return self.labels.get(source_id) or source_label(None, source_id)

    def name_of(self, entity_id: str) -> str:
        """An entity's name for people (ids are for machines); the id if it is not an entity."""
        entity = self.entities.get(entity_id)
        return entity.name if entity is not None else entity_id

    # ------------------------------------------------------------ conflicts
    def update_note(self, conflict: Conflict) -> str:
        """Why the conflict reads as an update ("" if it does not)."""
        return self._updates.get(conflict.id, "")

    def weakest_side(self, conflict: Conflict) -> tuple[float, float]:
        return attribution.weakest_side(self.sides.get(conflict.id, []))

    def timeline(self, attribute: str, subject: str = "") -> list[TimelineEntry]:
        """facts.analyse.timeline.timeline over this fact base, dated once for all calls."""
        if self._timelines is None:
            self._timelines = TimelineIndex(self.fb)
        return timeline(self.fb, attribute, subject, self._timelines)

    # ------------------------------------------------------------ text
    def text_of(self, source_id: str) -> str:
        src = self.sources.get(source_id)
        return src.text if src else ""

    def highlights(self, source_id: str) -> list[Highlight]:
        return self.highlights_in.get(source_id, [])

    def line_of(self, source_id: str, offset: int) -> int:
        """The 1-based line of `offset` in the source (a bisection, not a count per call)."""
        if source_id not in self._newlines:
            self._newlines[source_id] = [m.start() for m in _NEWLINE.finditer(self.text_of(source_id))]
        return bisect.bisect_left(self._newlines[source_id], offset) + 1

    def paragraph_of(self, source_id: str, offset: int) -> int:
        """The 1-based paragraph of `offset` in the source (facts.views.paragraphs)."""
        if source_id not in self._paragraphs:
            self._paragraphs[source_id] = paragraph_starts(self.text_of(source_id))
        return max(1, bisect.bisect_right(self._paragraphs[source_id], offset))

    def page_of(self, source_id: str, offset: int) -> int | None:
        """The 1-based page of `offset` in a paged source (a PDF); None for others."""
        src = self.sources.get(source_id)
        return src.page_at(offset) if src is not None else None

    def cited(self, span: Span) -> str:
        """Where a span stands, for people: "The Ledger · paragraph 4 · line 9" (a page first in a PDF)."""
        page = self.page_of(span.source, span.start)
        where = [self.label_of(span.source)] + ([f"page {page}"] if page is not None else [])
        where.append(f"paragraph {self.paragraph_of(span.source, span.start)}")
        return " · ".join([*where, f"line {self.line_of(span.source, span.start)}"])

    def sentence(self, span: Span, given: Span | None = None) -> Span:
        """The sentence that holds `span`: `given` (the one its fact recorded)
        when it holds it, else the sentence of its source text around it; the
        span itself when neither does (the text is not where the span says)."""
        if given is not None and given.source == span.source and given.start <= span.start <= span.end <= given.end:
            return given
        text = self.text_of(span.source)
        if text[span.start : span.end] != span.text:
            return span
        start, end = document_of(text).sentence_at(span.start)
        if end < span.end:
            return span
        return Span(source=span.source, start=start, end=end, text=text[start:end])

    def claim_sentence(self, claim: Claim) -> Span:
        """A claim's sentence: its own, else its number's, else its source text's."""
        number = self.numbers.get(claim.number_id) if claim.sentence is None else None
        return self.sentence(claim.span, claim.sentence or (number.sentence if number is not None else None))
