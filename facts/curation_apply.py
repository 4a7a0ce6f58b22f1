"""Merging a validated `Curation` into the automatic fact base.

Curated facts win over automatic ones and are marked `provenance: curated`;
a correction naming something the automatic layer did not produce becomes a
`Problem` and changes nothing.
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Callable, Iterable

from .curation_schema import Curation, Located, MergeEntities, RejectConflict, SetNumber, SplitEntity
from .model import Claim, Conflict, Entity, FactBase, Number, Span
from .safe_yaml import Problem
from .text import fold, sentence_at, sentence_spans

Report = Callable[[int, str], None]  # (line in claims.yaml, message)


def apply(fb: FactBase, cur: Curation) -> list[Problem]:
    """Change `fb` in place; return what could not be applied."""
    problems: list[Problem] = []
    claims_file = cur.files.get("claims", "claims.yaml")

    def bad(line: int, message: str) -> None:
        problems.append(Problem(claims_file, line, message))

    changed = _apply_sources(fb, cur)
    for split, line in cur.splits:
        changed |= _split(fb, split, line, bad)
    for merge, line in cur.merges:
        changed |= _merge(fb, merge, line, bad)
    numbers = _NumberIndex(fb.numbers)
    for fix, span, line in cur.numbers:
        changed |= _set_number(fb, numbers, fix, span, line, bad)
    if changed:  # the automatic conflicts were found on what curation just corrected
        from .conflicts import find_conflicts

        fb.conflicts = find_conflicts(fb)
    _reject(fb, cur, bad)
    _add_conflicts(fb, cur, numbers)
    return problems


def _apply_sources(fb: FactBase, cur: Curation) -> bool:
    """Curated titles, outlets and dates; True when a date changed (dates
    decide which claims are earlier rumours)."""
    dated = False
    for src in fb.sources:
        entry = cur.sources.get(src.id)
        if entry is None:
            continue
        meta = entry[0]
        for key in ("title", "outlet", "date"):
            if getattr(meta, key):  # empty means "not curated": the automatic value stays
                dated |= key == "date" and src.date != meta.date
                setattr(src, key, getattr(meta, key))
                src.provenance = "curated"
    return dated


# ---------------------------------------------------------------- entities
def _entity(fb: FactBase, ref: str) -> Entity | None:
    """An entity by id, else by exact name, else by folded name."""
    for test in (lambda e: e.id == ref, lambda e: e.name == ref, lambda e: fold(e.name) == fold(ref)):
        for e in fb.entities:
            if test(e):
                return e
    return None


def _merge(fb: FactBase, merge: MergeEntities, line: int, bad: Report) -> bool:
    found = [(_entity(fb, ref), ref) for ref in merge.entities]
    missing = [ref for e, ref in found if e is None]
    if missing:
        bad(line, f"merge: unknown entity {missing[0]!r}")
        return False
    keep, others = found[0][0], [e for e, _ in found[1:] if e is not found[0][0]]
    assert keep is not None
    for other in others:
        assert other is not None
        keep.mentions.extend(other.mentions)
        keep.aliases.extend([other.name, *other.aliases])
        keep.variants.extend(other.variants)
        _renamed_subject(fb, other.id, keep.id)
    if merge.name and merge.name != keep.name:
        keep.aliases.append(keep.name)
        keep.name = merge.name
    keep.mentions.sort(key=lambda m: (m.source, m.start))
    keep.aliases = _unique(a for a in keep.aliases if a != keep.name)
    keep.variants = _unique(keep.variants)
    keep.provenance = "curated"
    gone = {id(e) for e in others}
    fb.entities = [e for e in fb.entities if id(e) not in gone]
    return True


def _split(fb: FactBase, split: SplitEntity, line: int, bad: Report) -> bool:
    old = _entity(fb, split.entity)
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
        id=_free_id(fb, name),
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
    fb.entities.insert(fb.entities.index(old) + 1, new)
    return True


def _renamed_subject(fb: FactBase, old: str, new: str) -> None:
    for n in fb.numbers:
        if n.subject == old:
            n.subject = new
    for c in fb.conflicts:
        if c.subject == old:
            c.subject = new


def _free_id(fb: FactBase, name: str) -> str:
    base = "-".join(fold(name).split()) or "entity"
    taken = {e.id for e in fb.entities}
    k, candidate = 2, base
    while candidate in taken:
        candidate, k = f"{base}-{k}", k + 1
    return candidate


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


def _set_number(fb: FactBase, index: _NumberIndex, fix: SetNumber, span: Span, line: int, bad: Report) -> bool:
    found = index.inside(span)
    if not found:
        bad(line, f"numbers: no number found at {fix.quote!r} in {fix.source}")
        return False
    subject = ""
    if fix.subject:
        entity = _entity(fb, fix.subject)
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


def _add_conflicts(fb: FactBase, cur: Curation, numbers: _NumberIndex) -> None:
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
            subject=(_entity(fb, conflict.subject).id if conflict.subject and _entity(fb, conflict.subject) else ""),
            claims=[_claim(loc, numbers, sentences) for loc in located],
            provenance="curated",
        )
        for conflict, located, _ in cur.conflicts
    ]
    ids = {c.id for c in curated}
    fb.conflicts = [c for c in fb.conflicts if c.id not in ids] + curated


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
    """Sentence spans per source, computed once and only for sources a claim cites."""

    def __init__(self, fb: FactBase) -> None:
        self.texts = {s.id: s.text for s in fb.sources}
        self.spans: dict[str, list[tuple[int, int]]] = {}

    def around(self, span: Span) -> Span | None:
        text = self.texts.get(span.source)
        if text is None:
            return None
        if span.source not in self.spans:
            self.spans[span.source] = sentence_spans(text)
        start, end = sentence_at(self.spans[span.source], span.start)
        start, end = min(start, span.start), max(end, span.end)  # a quote may run over a sentence end
        return Span(source=span.source, start=start, end=end, text=text[start:end])
