"""A timeline of each fact: claims ordered by their dates, rumours told from announcements.

    timeline(fb, attribute, subject="", ix=None) -> list[TimelineEntry]   oldest first
    update_note(fb, conflict, ix=None) -> str      "" or why the conflict reads as an update

`ix`, a TimelineIndex(fb), dates the corpus once for many calls (the views
hold one: facts.views.index.FactIndex); without it each call builds its own.

A claim is dated by a date its sentence mentions ("on 10 June"), else by its
article's date. Its status comes from the words of its sentence, the cue nearest
to the figure winning (facts/lexicon/attribution.yaml `status`); a claim told by
unnamed sources or hearsay with no such cue is a rumour; a figure with no cue
takes the status of the same figure elsewhere in its article. A rumour that an
announcement (or a later claim) replaced with another figure is an update, not
a dispute.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass, replace
from functools import cache
from typing import Literal

from facts.analyse.attributes import spec
from facts.analyse.conflicts import number_claim
from facts.analyse.deal import deal_of, subject_key
from facts.extract.document import Spans, document_of, span_at
from facts.labels import format_claim
from facts.lexicon import load_model
from facts.lexicon.models import AttributionLexicon
from facts.model import Claim, Conflict, FactBase, Number
from facts.text import words_re

Status = Literal["rumour", "reported", "announced", ""]
WINDOW = 300  # status words and dates are looked for this far around a claim, inside its sentence


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    date: str  # ISO 8601, as much as known ("2025-06", "2025-06-10"); "" unknown
    basis: Literal["mentioned", "source", ""]  # the date is written by the claim, or is its article's date
    source: str
    claim: Claim
    status: Status  # rumour ("in talks", "sources said"), reported, announced ("announced", "agreed")
    note: str = ""  # "update: supersedes the rumoured over $10B"


# ---------------------------------------------------------------- cues
@cache
def _status_res() -> tuple[re.Pattern[str], re.Pattern[str]]:
    status = load_model("attribution", AttributionLexicon).status
    return words_re(list(status.rumour)), words_re(list(status.announced))


# ---------------------------------------------------------------- the corpus, indexed once per fact base
class TimelineIndex:
    """What dating a claim and reading its status need, indexed once per fact base."""

    def __init__(self, fb: FactBase) -> None:
        self.fb = fb
        self.deal = deal_of(fb)
        self.texts = {s.id: s.text for s in fb.sources}
        self.source_dates = {s.id: s.date[:10] for s in fb.sources if s.date}
        self.dates: dict[str, list[Number]] = {}
        years: Counter[str] = Counter()
        for n in fb.numbers:
            if n.unit == "date" and isinstance(n.value, str):
                self.dates.setdefault(n.span.source, []).append(n)
                if n.value[:4].isdigit():
                    years[n.value[:4]] += 1
        self.year = years.most_common(1)[0][0] if years else ""
        for ds in self.dates.values():
            ds.sort(key=lambda d: d.span.start)
        self.date_starts = {source: [d.span.start for d in ds] for source, ds in self.dates.items()}
        self._sentences: dict[str, Spans] = {}

    def sentence(self, source: str, offset: int) -> tuple[int, int]:
        # Each article's sentences are split once and kept here: the shared
        # Document cache holds only so many articles, and conflicts visit them in
        # no order, so on 10,000 articles each was split ten times over (16 s).
        spans = self._sentences.get(source)
        if spans is None:
            spans = self._sentences[source] = document_of(self.texts.get(source, "")).sentences
        return span_at(spans, offset)

    def key(self, subject: str, attribute: str) -> str:
        return subject_key(self.deal, subject, attribute, reach="parties")


# ---------------------------------------------------------------- one claim
def _full_date(ix: TimelineIndex, value: str, source: str) -> str:
    """'--06-10' with the year of its article, else of the corpus's dates."""
    if not value.startswith("--"):
        return value[:10]
    year = ix.source_dates.get(source, "")[:4] or ix.year
    return f"{year}{value[1:]}" if year else value


def _date(ix: TimelineIndex, c: Claim) -> tuple[str, Literal["mentioned", "source", ""]]:
    s, e = ix.sentence(c.span.source, c.span.start)
    s, e = max(s, c.span.start - WINDOW), min(e, c.span.end + WINDOW)
    dates = ix.dates.get(c.span.source, [])
    starts = ix.date_starts.get(c.span.source, [])
    near = dates[bisect.bisect_left(starts, s) : bisect.bisect_left(starts, e)]
    if near:
        d = min(near, key=lambda d: abs(d.span.start - c.span.start))
        return _full_date(ix, str(d.value), c.span.source), "mentioned"
    if c.span.source in ix.source_dates:
        return ix.source_dates[c.span.source], "source"
    return "", ""


def _status(ix: TimelineIndex, c: Claim) -> Status:
    text = ix.texts.get(c.span.source, "")
    s, e = ix.sentence(c.span.source, c.span.start)
    s, e = max(s, c.span.start - WINDOW), min(e, c.span.end + WINDOW)
    rumour, announced = _status_res()
    cues: list[tuple[re.Match[str], Status]] = [(m, "rumour") for m in rumour.finditer(text, s, e)]
    cues += [(m, "announced") for m in announced.finditer(text, s, e)]
    cues = [(m, k) for m, k in cues if m.end() <= c.span.start or m.start() >= c.span.end]
    if cues:
        return min(cues, key=lambda mk: _distance(mk[0], c))[1]
    if c.attribution is not None and c.attribution.kind in ("anonymous", "hearsay"):
        return "rumour"
    return "reported"


def _distance(m: re.Match[str], c: Claim) -> int:
    return c.span.start - m.end() if m.end() <= c.span.start else m.start() - c.span.end + 1


def _entries(ix: TimelineIndex, claims: list[Claim]) -> list[TimelineEntry]:
    entries = []
    for c in claims:
        date, basis = _date(ix, c)
        entries.append(TimelineEntry(date, basis, c.span.source, c, _status(ix, c)))
    # a figure with no cue of its own ("$10B" in a headline) is what the same figure is elsewhere in its article
    cued: dict[tuple[str, object], Status] = {}
    for e in entries:
        if e.status != "reported":
            k = (e.source, e.claim.value)
            cued[k] = "rumour" if cued.get(k) == "rumour" else e.status
    return [
        replace(e, status=cued.get((e.source, e.claim.value), e.status)) if e.status == "reported" else e
        for e in entries
    ]


def _label(c: Claim) -> str:
    return format_claim(c.value, c.unit, c.qualifier) if c.value is not None else c.span.text


def _sort_key(e: TimelineEntry) -> tuple[int, str, str, int]:
    # an undated rumour goes first, an undated report or announcement last; a
    # month known only roughly sorts at its end ("2025-06" after "2025-06-10")
    bucket = 1 if e.date else (0 if e.status == "rumour" else 2)
    padded = e.date + "-99" * (2 - e.date.count("-")) if e.date and not e.date.startswith("--") else e.date
    return (bucket, padded, e.source, e.claim.span.start)


# ---------------------------------------------------------------- updates
def _finals(entries: list[TimelineEntry]) -> list[TimelineEntry]:
    """The claims that settle the figure: the announced ones, else the latest dated."""
    announced = [e for e in entries if e.status == "announced"]
    if announced:
        return announced
    dated = [e for e in entries if e.date]
    if not dated or len(dated) < len(entries):
        return []
    last = max(_sort_key(e)[1] for e in dated)
    finals = [e for e in dated if _sort_key(e)[1] == last]
    return finals if len(finals) < len(entries) else []


def _sources(entries: list[TimelineEntry]) -> str:
    n = len({e.source for e in entries})
    return f"{n} source" + ("s" if n != 1 else "")


def _values(entries: list[TimelineEntry]) -> str:
    return ", ".join(dict.fromkeys(_label(e.claim) for e in entries))


def _superseded(
    entries: list[TimelineEntry], *, strict: bool = True
) -> tuple[list[TimelineEntry], list[TimelineEntry]]:
    """(old rumours, the claims that replaced them), or two empty lists when
    there is no update. `strict`: every other figure must be a rumour (else
    the disagreement is a dispute, not an update)."""
    finals = _finals(entries)
    labels = {_label(e.claim) for e in finals}
    old = [e for e in entries if _label(e.claim) not in labels]
    if strict and any(e.status != "rumour" for e in old):
        return [], []
    old = [e for e in old if e.status == "rumour"]
    if not finals or not old:
        return [], []
    return old, finals


def update_note(fb: FactBase, conflict: Conflict, ix: TimelineIndex | None = None) -> str:
    """'' or why `conflict` reads as an update: every figure that disagrees with
    the announced (or latest) one was a rumour."""
    if conflict.kind != "numeric" or len(conflict.claims) < 2:
        return ""
    old, finals = _superseded(_entries(ix or TimelineIndex(fb), conflict.claims))
    if not old:
        return ""
    settled = "announced" if finals[0].status == "announced" else "later"
    return (
        f"update, not a dispute: the rumoured {_values(old)} ({_sources(old)}) "
        f"was superseded by the {settled} {_values(finals)} ({_sources(finals)})."
    )


# ---------------------------------------------------------------- timeline
def _split(attribute: str) -> tuple[str, str]:
    """'revenue (2024)' -> ('revenue', '2024'): a conflict's attribute names its period."""
    m = re.fullmatch(r"(.+?) \((\d{4})\)", attribute)
    return (m.group(1), m.group(2)) if m else (attribute, "")


def timeline(fb: FactBase, attribute: str, subject: str = "", ix: TimelineIndex | None = None) -> list[TimelineEntry]:
    """The claims of `attribute` (about `subject`; the deal's parties are one
    subject), oldest first, each with its date, status and an update note."""
    ix = ix or TimelineIndex(fb)
    name, period = _split(attribute)
    want = ix.key(subject, name) if subject or spec(name).deal else None
    numbers = [
        n
        for n in fb.numbers
        if n.attribute == name
        and (not period or n.period == period)
        and (want is None or ix.key(n.subject, name) == want)
    ]
    entries = sorted(_entries(ix, [number_claim(n) for n in numbers]), key=_sort_key)
    old, finals = _superseded(entries, strict=False)
    if not old:
        return entries
    note_new = f"update: supersedes the rumoured {_values(old)}"
    note_old = f"superseded by the {'announced' if finals[0].status == 'announced' else 'later'} {_values(finals)}"
    final_ids = {id(e) for e in finals}
    old_ids = {id(e) for e in old}
    return [
        replace(e, note=note_new) if id(e) in final_ids else replace(e, note=note_old) if id(e) in old_ids else e
        for e in entries
    ]
