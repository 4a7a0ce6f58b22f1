"""What an export says, before it is written as Markdown, CSV or JSON.

    doc = build_export(fb, refs, now=now, index=ix)

Every format renders this one document, so they carry the same content: each
selected fact with its details and its exact quotes, one timeline per measure
(however many selected facts share it), and the numbered list of the sources
the quotes cite (title, outlet, author, date; the file name last). A quote
cites its source's number and paragraph, and its page where the source has pages.

Quote text is the article's own characters (controls made visible): the
figure a quote is cited for is kept beside it, never marked inside it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from facts.analyse.attribution import attribution_label, conflict_sourcing, origins
from facts.kinds import BY_NAME, KIND_NAMES, FactKind, FactRef
from facts.labels import claim_label, format_claim, format_value, source_citation
from facts.model import Check, Claim, Conflict, Entity, FactBase, Number, Source, Span
from facts.text import display_safe, single_line
from facts.views.index import FactIndex

if TYPE_CHECKING:
    from facts.kinds import Fact

TIMELINE_ROWS = 12  # a timeline shows this many claims, then a count of the rest
TITLE_QUOTE_CHARS = 300
MENTIONS_QUOTED = 3  # an entity's export quotes this many of its mentions


@dataclass(frozen=True)
class Quote:
    text: str  # the article's words, character for character (controls made visible)
    source: int  # the number of its source in ExportDoc.sources
    paragraph: int
    page: int | None = None  # for a paged source (a PDF)
    figure: str = ""  # the words the quote is cited for, as written ("" when it is the whole quote)
    label: str = ""  # what the quote stands for: "claim 1: $2B", "input", "mention"


@dataclass
class ExportFact:
    kind: FactKind
    id: str
    title: str
    details: list[tuple[str, str]] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    timeline: str = ""  # the title of its measure's timeline, "" for none


@dataclass(frozen=True)
class TimelineRow:
    date: str
    status: str
    value: str
    source: int
    paragraph: int
    page: int | None = None
    note: str = ""


@dataclass
class Timeline:
    title: str  # "valuation of Acme (2024)"
    rows: list[TimelineRow]
    more: int = 0  # rows left out after TIMELINE_ROWS


@dataclass(frozen=True)
class CitedSource:
    number: int
    citation: str  # “Title”, Outlet, by Author, 9 Jun 2025
    file: str
    title: str = ""
    outlet: str = ""
    author: str = ""
    date: str = ""


@dataclass
class ExportDoc:
    corpus: str
    exported: str  # ISO 8601
    corpus_sizes: str  # "3 sources, 4 entities, ..."
    facts: list[ExportFact]
    timelines: list[Timeline]
    sources: list[CitedSource]
    missing: int = 0  # selected facts no longer in the corpus


def human_value(value: float | str | None, unit: str, qualifier: str = "exact") -> str:
    """A value as people write it, hedges included: "over $10B", "about 49%"."""
    return "" if value is None else format_claim(value, unit, qualifier)


def plain_number(v: float) -> str:
    text = f"{v:,.2f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def raw_value(v: float | str) -> str:
    # 2012.0 -> "2012": as the contract's JSON writes it
    return str(int(v)) if isinstance(v, float) and v.is_integer() and abs(v) < 2**53 else str(v)


def quote_text(text: str) -> str:
    """The article's words as quoted: exact, but never a terminal control."""
    return display_safe(text.replace("\r\n", "\n")).strip()


class _Builder:
    """Numbers sources in the order quotes first cite them; keeps one timeline per measure."""

    def __init__(self, ix: FactIndex) -> None:
        self.ix = ix
        self.numbers: dict[str, int] = {}
        self.timelines: dict[str, Timeline] = {}

    def source_no(self, source_id: str) -> int:
        return self.numbers.setdefault(source_id, len(self.numbers) + 1)

    def quote(self, span: Span, sentence: Span | None = None, label: str = "") -> Quote:
        """`span` quoted in its sentence, the span's words kept apart as the figure."""
        whole = self.ix.sentence(span, sentence)
        figure = "" if whole == span else single_line(span.text)
        return Quote(
            text=quote_text(whole.text),
            source=self.source_no(span.source),
            paragraph=self.ix.paragraph_of(span.source, span.start),
            page=self.ix.page_of(span.source, span.start),
            figure=figure,
            label=label,
        )

    def claim_quote(self, c: Claim, label: str) -> Quote:
        return self.quote(c.span, self.ix.claim_sentence(c), label)

    def timeline(self, attribute: str, subject: str, period: str = "") -> str:
        """The title of the measure's timeline, built the first time it is asked for; "" when
        fewer than two claims make one."""
        measure = attribute + (f" ({period})" if period else "")
        title = measure + (f" of {self.ix.name_of(subject)}" if subject else "")
        if title in self.timelines:
            return title
        entries = self.ix.timeline(measure, subject)
        if len(entries) < 2:
            return ""
        rows = [
            TimelineRow(
                date=e.date or "undated",
                status=e.status or "reported",
                value=human_value(e.claim.value, e.claim.unit, e.claim.qualifier),
                source=self.source_no(e.claim.span.source),
                paragraph=self.ix.paragraph_of(e.claim.span.source, e.claim.span.start),
                page=self.ix.page_of(e.claim.span.source, e.claim.span.start),
                note=e.note,
            )
            for e in entries[:TIMELINE_ROWS]
        ]
        self.timelines[title] = Timeline(title, rows, max(0, len(entries) - TIMELINE_ROWS))
        return title


# ---------------------------------------------------------------- one fact each


def _source(b: _Builder, s: Source) -> ExportFact:
    details = [("file", s.id), ("words", f"{s.words:,}")]
    details += [(k, v) for k, v in (("outlet", s.outlet), ("author", s.author), ("date", s.date)) if v]
    span = _title_span(s)
    quotes = [b.quote(span, span, "headline")] if span is not None else []
    return ExportFact("source", s.id, s.title or s.id, details, quotes)


def _title_span(s: Source) -> Span | None:
    """Where the title stands in the text (else the first line), cut short on a giant one-line file."""
    title = s.title.removesuffix("…").strip()
    start = s.text.find(title) if title else -1
    if start >= 0:
        end = start + len(title)
    else:
        first = re.search(r"\S[^\n]*", s.text)
        if first is None:
            return None
        start, end = first.start(), first.end()
    end = min(end, start + TITLE_QUOTE_CHARS)
    end = start + len(s.text[start:end].rstrip())
    return Span(source=s.id, start=start, end=end, text=s.text[start:end])


def _entity(b: _Builder, e: Entity) -> ExportFact:
    sources = {m.source for m in e.mentions}
    details: list[tuple[str, str]] = [("kind", e.kind)]
    details += [(k, ", ".join(v)) for k, v in (("aliases", e.aliases), ("spelled also", e.variants)) if v]
    details.append(("mentions", f"{len(e.mentions)} in {len(sources)} source{'s' if len(sources) != 1 else ''}"))
    if e.provenance != "auto":
        details.append(("provenance", e.provenance))
    quotes = [b.quote(m, None, "mention") for m in _spread(e.mentions, MENTIONS_QUOTED)]
    return ExportFact("entity", e.id, e.name, details, quotes)


def _spread(mentions: list[Span], n: int) -> list[Span]:
    """Up to `n` mentions, one per source first: quotes from different articles say more."""
    picked: list[int] = []
    seen: set[str] = set()
    for i, m in enumerate(mentions):
        if m.source not in seen and len(picked) < n:
            seen.add(m.source)
            picked.append(i)
    picked += [i for i in range(len(mentions)) if i not in picked][: n - len(picked)]
    return [mentions[i] for i in sorted(picked)]


def _number(b: _Builder, n: Number) -> ExportFact:
    shown = human_value(n.value, n.unit, n.qualifier)
    details = [("value", f"{raw_value(n.value)} {n.unit}".rstrip()), ("qualifier", n.qualifier)]
    if (n.low is not None or n.high is not None) and n.low != n.high:  # only a hedged value has a span
        details.append(("interval", f"{_bound(n.low)} to {_bound(n.high)}"))
    details += [(k, v) for k, v in (("attribute", n.attribute), ("period", n.period)) if v]
    if n.subject:
        details.append(("about", b.ix.name_of(n.subject)))
    if n.provenance != "auto":
        details.append(("provenance", n.provenance))
    if n.attribution is not None:
        details.append(("said by", attribution_label(n.attribution)))
    title = shown + (f" — {n.attribute}" if n.attribute else "")
    fact = ExportFact("number", n.id, title, details, [b.quote(n.span, n.sentence, "figure")])
    fact.timeline = b.timeline(n.attribute, n.subject, n.period) if n.attribute else ""
    return fact


def _bound(v: float | None) -> str:
    return "…" if v is None else plain_number(v)


def _conflict(b: _Builder, c: Conflict) -> ExportFact:
    details = [("verdict", c.verdict + (f": {c.explanation}" if c.explanation else ""))]
    details += [("kind", c.kind), ("provenance", c.provenance)]
    if c.subject:
        details.append(("about", b.ix.name_of(c.subject)))
    details += [("sourcing", line) for line in _sourcing(b.ix, c)]
    note = b.ix.update_note(c) if c.kind == "numeric" else ""
    if note:
        details.append(("note", note))
    quotes = [
        b.claim_quote(cl, f"claim {i}: {claim_label(cl)}" + (" (curated)" if cl.provenance != "auto" else ""))
        for i, cl in enumerate(c.claims, 1)
    ]
    fact = ExportFact("conflict", c.id, f"{c.attribute or c.id} — {c.verdict}", details, quotes)
    fact.timeline = b.timeline(c.attribute, c.subject) if c.kind == "numeric" else ""
    return fact


def _sourcing(ix: FactIndex, c: Conflict) -> list[str]:
    """Who says each value and how many independent origins back it, best sourced first."""
    out = []
    for label, count, score in conflict_sourcing(c, ix.outlets, ix.labels):
        names = ", ".join(origins([x for x in c.claims if claim_label(x) == label], ix.outlets, ix.labels))
        out.append(f"{label}: {count} origin{'s' if count != 1 else ''} (score {score:g}) — {names}")
    return out


def _check(b: _Builder, c: Check) -> ExportFact:
    gap = f"{c.gap:.1%} to the nearest reported value" if c.gap is not None else "nothing reported to compare"
    details = [("explanation", c.explanation), ("kind", c.kind), ("provenance", c.provenance), ("gap", gap)]
    quotes = [
        b.claim_quote(cl, f"{role}: {claim_label(cl)}")
        for role, claims in (("input", c.inputs), ("confirms", c.confirms), ("contradicts", c.contradicts))
        for cl in claims
    ]
    title = f"{c.kind}: {format_value(c.implied, c.unit)} {c.attribute}"
    return ExportFact("check", c.id, title, details, quotes)


_BUILD: dict[FactKind, Callable[[_Builder, Any], ExportFact]] = {
    "source": _source,
    "entity": _entity,
    "number": _number,
    "conflict": _conflict,
    "check": _check,
}


# ---------------------------------------------------------------- the document


def _sizes(fb: FactBase) -> str:
    sizes = f"{len(fb.sources)} sources, {len(fb.entities)} entities, {len(fb.numbers)} numbers, "
    return sizes + f"{len(fb.conflicts)} conflicts" + (f", {len(fb.checks)} checks" if fb.checks else "")


def build_export(
    fb: FactBase, refs: Iterable[FactRef], *, now: dt.datetime | None = None, index: FactIndex | None = None
) -> ExportDoc:
    """The selected facts, grouped by kind in pane order, each kind in the order selected."""
    now = now or dt.datetime.now(dt.UTC).astimezone()
    ix = index or FactIndex.build(fb)
    found: dict[FactKind, list[Fact]] = {k: [] for k in KIND_NAMES}
    missing = 0
    for ref in dict.fromkeys(refs):  # each fact once
        fact = ix.get(ref)
        if fact is None:
            missing += 1
        else:
            found[ref[0]].append(fact)
    b = _Builder(ix)
    facts = [_BUILD[kind](b, f) for kind in KIND_NAMES for f in found[kind]]
    cited = [_cited(n, ix.sources.get(sid), sid) for sid, n in b.numbers.items()]
    return ExportDoc(
        corpus=fb.corpus or "corpus",
        exported=now.isoformat(timespec="seconds"),
        corpus_sizes=_sizes(fb),
        facts=facts,
        timelines=list(b.timelines.values()),
        sources=cited,
        missing=missing,
    )


def _cited(number: int, s: Source | None, source_id: str) -> CitedSource:
    if s is None:
        return CitedSource(number, "a source no longer in the corpus", source_id)
    return CitedSource(number, source_citation(s), s.id, s.title, s.outlet, s.author, s.date)


def count_label(n: int, kind: FactKind) -> str:
    return f"{n} {kind if n == 1 else BY_NAME[kind].plural}"


def locator(source: int, paragraph: int, page: int | None) -> str:
    """“source 2, paragraph 4” (“source 2, page 3, paragraph 4” in a PDF)."""
    return f"source {source}" + (f", page {page}" if page is not None else "") + f", paragraph {paragraph}"
