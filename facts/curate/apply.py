"""Merging a validated `Curation` into the automatic fact base.

Curated facts win over automatic ones and are marked `provenance: curated`;
a correction naming something the automatic layer did not produce becomes a
`Problem` and changes nothing.
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Callable, Iterable

from facts.curate.safe_yaml import Problem
from facts.curate.schema import Curation, Located, MergeEntities, RejectConflict, SetNumber, SplitEntity
from facts.extract.document import document_of, trimmed
from facts.model import Claim, Conflict, Entity, FactBase, Number, Span
from facts.text import fold

Report = Callable[[int, str], None]  # (line in claims.yaml, message)


def apply(fb: FactBase, cur: Curation) -> list[Problem]:
    """Change `fb` in place; return what could not be applied."""
    problems: list[Problem] = []
    claims_file = cur.files.get("claims", "claims.yaml")

    def bad(line: int, message: str) -> None:
        problems.append(Problem(claims_file, line, message))

    changed = _apply_sources(fb, cur)
    entities = _Entities(fb)
    for split, line in cur.splits:
        changed |= entities.split(split, line, bad)
    for merge, line in cur.merges:
        changed |= entities.merge(merge, line, bad)
    entities.finish()
    numbers = _NumberIndex(fb.numbers)
    for fix, span, line in cur.numbers:
        changed |= _set_number(entities, numbers, fix, span, line, bad)
    if changed:  # the deal and conflicts were found on what curation just corrected
        from facts.analyse.conflicts import find_conflicts
        from facts.analyse.deal import find_deal

        fb.deal = find_deal(fb)
        fb.conflicts = find_conflicts(fb)
    _reject(fb, cur, bad)
    _add_conflicts(fb, cur, numbers, entities)
    return problems


def _apply_sources(fb: FactBase, cur: Curation) -> bool:
    """Curated titles, outlets, authors and dates; True when a date changed
    (dates decide which claims are earlier rumours)."""
    dated = False
    for src in fb.sources:
        entry = cur.sources.get(src.id)
        if entry is None:
            continue
        meta = entry[0]
        for key in ("title", "outlet", "author", "date"):
            if getattr(meta, key):  # empty means "not curated": the automatic value stays
                dated |= key == "date" and src.date != meta.date
                setattr(src, key, getattr(meta, key))
                src.provenance = "curated"
    return dated


# ---------------------------------------------------------------- entities
class _Entities:
    """Entity corrections through dict lookups (by id, name, folded name):
    the cost does not grow with the number of entities times corrections."""

    def __init__(self, fb: FactBase) -> None:
        self.fb = fb
        self.by_key: dict[str, Entity] = {}
        for e in reversed(fb.entities):  # the first entity wins a shared name
            self._index(e)
        self.gone: set[int] = set()
        self.added: dict[int, list[Entity]] = {}  # id(old) -> entities split out of it
        self.renamed: dict[str, str] = {}  # merged-away id -> kept id

    def _index(self, e: Entity) -> None:
        for key in (f"f:{fold(e.name)}", f"n:{e.name}", f"i:{e.id}"):  # strongest last: it overwrites
            self.by_key[key] = e

    def get(self, ref: str) -> Entity | None:
        for key in (f"i:{ref}", f"n:{ref}", f"f:{fold(ref)}"):
            e = self.by_key.get(key)
            if e is not None and id(e) not in self.gone:
                return e
        return None

    def merge(self, merge: MergeEntities, line: int, bad: Report) -> bool:
        found = [(self.get(ref), ref) for ref in merge.entities]
        missing = [ref for e, ref in found if e is None]
        if missing:
            bad(line, f"merge: unknown entity {missing[0]!r}")
            return False
        keep = found[0][0]
        assert keep is not None
        for other, _ in found[1:]:
            if other is None or other is keep:
                continue
            keep.mentions.extend(other.mentions)
            keep.aliases.extend([other.name, *other.aliases])
            keep.variants.extend(other.variants)
            self.renamed[other.id] = keep.id
            self.gone.add(id(other))
        if merge.name and merge.name != keep.name:
            keep.aliases.append(keep.name)
            keep.name = merge.name
        keep.mentions.sort(key=lambda m: (m.source, m.start))
        keep.aliases = _unique(a for a in keep.aliases if a != keep.name)
        keep.variants = _unique(keep.variants)
        keep.provenance = "curated"
        self._index(keep)
        return True

    def split(self, split: SplitEntity, line: int, bad: Report) -> bool:
        old = self.get(split.entity)
        if old is None:
            bad(line, f"split: unknown entity {split.entity!r}")
            return False
        forms = set(split.forms)
        moved = [m for m in old.mentions if m.text in forms]
        if not moved:
            bad(line, f"split: none of {sorted(forms)} is a mention of {old.name!r}")
            return False
        kept = [m for m in old.mentions if m.text not in forms]
        name = split.name or split.forms[0]
        new = Entity(
            id=self._free_id(name),
            name=name,
            kind=split.kind or old.kind,
            aliases=_unique(m.text for m in moved if m.text != name),
            mentions=moved,
            provenance="curated",
        )
        old.mentions = kept
        old.aliases = [a for a in old.aliases if a not in forms]
        old.variants = [v for v in old.variants if v not in forms]
        if old.name in forms and kept:  # its name left with the split: the commonest remaining form
            old.name = Counter(m.text for m in kept).most_common(1)[0][0]
            old.aliases = [a for a in old.aliases if a != old.name]
        old.provenance = "curated"
        self.added.setdefault(id(old), []).append(new)
        self._index(new)
        return True

    def _free_id(self, name: str) -> str:
        base = "-".join(fold(name).split()) or "entity"
        k, candidate = 2, base
        while f"i:{candidate}" in self.by_key:
            candidate, k = f"{base}-{k}", k + 1
        return candidate

    def finish(self) -> None:
        """One pass: drop merged-away entities, place split-off ones after
        their origin, point numbers and conflicts at the kept ids."""
        out: list[Entity] = []
        for e in self.fb.entities:
            if id(e) not in self.gone:
                out.append(e)
            out.extend(x for x in self.added.get(id(e), []) if id(x) not in self.gone)
        self.fb.entities = out
        if self.renamed:
            facts: list[Number | Conflict] = [*self.fb.numbers, *self.fb.conflicts]
            for fact in facts:
                fact.subject = _final(self.renamed, fact.subject)


def _final(renamed: dict[str, str], eid: str) -> str:
    seen = set()
    while eid in renamed and eid not in seen:  # merged twice: follow the chain
        seen.add(eid)
        eid = renamed[eid]
    return eid


def _unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))


# ---------------------------------------------------------------- numbers
class _NumberIndex:
    """Numbers by source, sorted by start: the number under a quote in log time."""

    def __init__(self, numbers: list[Number]) -> None:
        self.by_source: dict[str, list[Number]] = {}
        for n in numbers:
            self.by_source.setdefault(n.span.source, []).append(n)
        for ns in self.by_source.values():
            ns.sort(key=lambda n: n.span.start)
        self.starts = {s: [n.span.start for n in ns] for s, ns in self.by_source.items()}

    def inside(self, span: Span) -> list[Number]:
        """Numbers lying within `span`, else the ones overlapping it."""
        ns = self.by_source.get(span.source, [])
        starts = self.starts.get(span.source, [])
        lo = max(0, bisect.bisect_left(starts, span.start) - 4)  # a number may start before the quote
        hi = bisect.bisect_left(starts, span.end)
        near = [n for n in ns[lo:hi] if n.span.start < span.end and span.start < n.span.end]
        within = [n for n in near if span.start <= n.span.start and n.span.end <= span.end]
        return within or near


def _set_number(entities: _Entities, index: _NumberIndex, fix: SetNumber, span: Span, line: int, bad: Report) -> bool:
    found = index.inside(span)
    if not found:
        bad(line, f"numbers: no number found at {fix.quote!r} in {fix.source}")
        return False
    subject = ""
    if fix.subject:
        entity = entities.get(fix.subject)
        if entity is None:
            bad(line, f"numbers: unknown entity {fix.subject!r}")
            return False
        subject = entity.id
    number = found[0]
    if fix.attribute:
        number.attribute = fix.attribute
    if subject:
        number.subject = subject
    number.provenance = "curated"
    return True


# ---------------------------------------------------------------- conflicts
def _reject(fb: FactBase, cur: Curation, bad: Report) -> None:
    drop: set[str] = set()
    for rej, line in cur.rejects:
        hit = {c.id for c in fb.conflicts if c.provenance == "auto" and _same(rej, c)}
        if not hit:
            what = f"conflict {rej.conflict!r}" if rej.conflict else f"conflict on attribute {rej.attribute!r}"
            bad(line, f"reject: no automatic {what}")
        drop |= hit
    fb.conflicts = [c for c in fb.conflicts if c.id not in drop]


def _same(rej: RejectConflict, c: Conflict) -> bool:
    return c.id == rej.conflict if rej.conflict else c.attribute == rej.attribute


def _add_conflicts(fb: FactBase, cur: Curation, numbers: _NumberIndex, entities: _Entities) -> None:
    """Curated conflicts join the automatic ones; one with the id of an
    automatic conflict replaces it."""
    sentences = _Sentences(fb)
    curated = [
        Conflict(
            id=conflict.id,
            attribute=conflict.attribute,
            kind=conflict.kind,
            verdict=conflict.verdict,
            explanation=conflict.explanation,
            subject=_subject(entities, conflict.subject),
            claims=[_claim(loc, numbers, sentences) for loc in located],
            provenance="curated",
        )
        for conflict, located, _ in cur.conflicts
    ]
    ids = {c.id for c in curated}
    fb.conflicts = [c for c in fb.conflicts if c.id not in ids and not _covered(c, curated)] + curated


def _covered(auto: Conflict, curated: list[Conflict]) -> bool:
    """An automatic dispute in words that a curated conflict already makes
    (two of its disputed words among the curated quotes): the curated one says it."""
    if auto.kind != "qualitative" or not curated:
        return False
    quoted = {(c.span.source, c.span.start, c.span.end) for cc in curated for c in cc.claims}
    by_source: dict[str, list[tuple[int, int]]] = {}
    for source, start, end in quoted:
        by_source.setdefault(source, []).append((start, end))
    hits = sum(
        any(a < c.span.end and c.span.start < b for a, b in by_source.get(c.span.source, ())) for c in auto.claims
    )
    return hits >= 2


def _subject(entities: _Entities, ref: str) -> str:
    found = entities.get(ref) if ref else None
    return found.id if found else ""


def _claim(loc: Located, numbers: _NumberIndex, sentences: _Sentences) -> Claim:
    c, span = loc.claim, loc.span
    claim = Claim(span=span, value=c.value, unit=c.unit, qualifier=c.qualifier, provenance="curated")
    claim.sentence = sentences.around(span)
    if c.value is None:  # a quote of a number: the automatic reading gives its value
        found = [n for n in numbers.inside(span) if span.start <= n.span.start and n.span.end <= span.end]
        if len(found) == 1:
            n = found[0]
            claim.value, claim.unit, claim.qualifier = n.value, n.unit, n.qualifier
            claim.low, claim.high, claim.number_id = n.low, n.high, n.id
    return claim


class _Sentences:
    """The sentence around a quote, from its article's one Document, cut to a
    window around the quote so a wall of text is never copied whole."""

    WINDOW = 400

    def __init__(self, fb: FactBase) -> None:
        self.texts = {s.id: s.text for s in fb.sources}

    def around(self, span: Span) -> Span | None:
        text = self.texts.get(span.source)
        if text is None:
            return None
        lo, hi = max(0, span.start - self.WINDOW), min(len(text), span.end + self.WINDOW)
        start, end = document_of(text).sentence_at(span.start)
        if end > start:  # inside a sentence: the part of it in the window, trimmed
            start, end = trimmed(text, max(start, lo), min(end, hi))
        start, end = min(start, span.start), max(end, span.end)  # a quote may run over a sentence end
        return Span(source=span.source, start=start, end=end, text=text[start:end])
