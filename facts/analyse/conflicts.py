"""Grouping claims and judging disagreements.

Each figure's claim key (facts/analyse/claims.py: the measure it quantifies,
in an open vocabulary, its time basis, period and status) decides its group:
the same measure, unit, basis, subject and period (dict lookups, never a
comparison of all pairs). Each claim allows an interval: an exact figure its
rounding, "about" a tolerance, "over"/"under" a half line. Within a group the
intervals are clustered by sorting (O(n log n)): claims in one cluster can all
hold at once. Two clusters are a contradiction, unless the words say why both
may hold (facts/analyse/reasons.py); differing values inside one cluster,
reconciled by hedges, are a compatible conflict. Money figures of one measure
in different currencies are grouped again without the currency and compared
at a rate the articles state (facts/analyse/rates.py, currencies.py).
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from facts.analyse.attributes import AttributeSpec, approx_tolerance, known, spec, unit_family
from facts.analyse.claims import SOME_YEAR, ClaimKey, article_keys
from facts.analyse.currencies import Side, compare
from facts.analyse.deal import MAIN, deal_of, subject_key
from facts.analyse.disputes import Stance, find_disputes
from facts.analyse.measure_words import disputable, drifts, measure_units
from facts.analyse.mentions import Mention, by_source
from facts.analyse.rates import Rates, find_rates
from facts.analyse.reasons import reconcile
from facts.extract.document import Document, document_of
from facts.labels import format_claim, source_label
from facts.model import Claim, Conflict, Deal, Entity, FactBase, Number, Span, Verdict
from facts.text import fold

INF = math.inf
MAX_CLAIMS = 200  # per conflict: a readable list even on 10,000 articles
MAX_CURRENCIES = 6  # per measure: pairs of them stay few


# ---------------------------------------------------------------- intervals
@dataclass(slots=True)
class _Claim:
    number: Number
    lo: float
    hi: float

    @property
    def source(self) -> str:
        return self.number.span.source

    @property
    def open(self) -> bool:
        return math.isinf(self.lo) or math.isinf(self.hi)


_DIGITS = re.compile(r"\d[\d,]*(?:\.\d+)?")


def _rounding(n: Number, v: float) -> float:
    """Half the last written digit ('$6.2 billion' -> 0.05 billion), capped at 2%
    so that '$3 billion' does not swallow '$2.5 billion'."""
    m = _DIGITS.search(n.span.text)
    if not m or v == 0:
        return 0.0
    literal = m.group().replace(",", "")
    try:
        written = float(literal)
    except ValueError:
        return 0.0
    decimals = len(literal.split(".")[1]) if "." in literal else 0
    scale = abs(v / written) if written else 1.0
    return min(0.5 * 10.0**-decimals * scale, 0.02 * abs(v))


def interval(n: Number) -> tuple[float, float]:
    """The values a reported figure allows: its rounding, or its hedge."""
    return _interval(n, float(n.value))


def _interval(n: Number, v: float) -> tuple[float, float]:
    half = _rounding(n, v)
    exact = (v - half, v + half * 0.999)  # half-open: "29" and "30" do not touch
    if n.qualifier == "approx":
        t = approx_tolerance()
        lo = n.low if n.low is not None else v * (1 - t)
        hi = n.high if n.high is not None else v * (1 + t)
        return (min(lo, hi, exact[0]), max(lo, hi, exact[1]))
    if n.qualifier == "over":
        return (n.low if n.low is not None else v, INF)
    if n.qualifier == "under":
        return (-INF, n.high if n.high is not None else v)
    if n.qualifier == "range" and n.low is not None and n.high is not None:
        return (min(n.low, n.high), max(n.low, n.high))
    return exact


_DATE = re.compile(r"^(?:(\d{4})|-)-?(\d{2})?(?:-(\d{2}))?")


def _date_parts(value: str) -> tuple[int | None, int | None, int | None] | None:
    m = _DATE.match(value)
    if not m:
        return None
    year, month, day = (int(g) if g else None for g in m.groups())
    return year, month, day


def _date_interval(parts: tuple[int | None, int | None, int | None], year: int) -> tuple[float, float] | None:
    y, m, d = parts
    y = y or year
    try:
        if m is None:
            return (dt.date(y, 1, 1).toordinal(), dt.date(y + 1, 1, 1).toordinal() - 0.5)
        if d is None:
            nxt = dt.date(y + (m == 12), m % 12 + 1, 1)
            return (dt.date(y, m, 1).toordinal(), nxt.toordinal() - 0.5)
        day = dt.date(y, m, d).toordinal()
        return (day, day + 0.5)
    except ValueError:
        return None


def _claims(numbers: list[Number], source_years: dict[str, int]) -> list[_Claim]:
    """Intervals of a group, with each source's bare figures taking the hedge of
    an equal hedged figure in that source (a headline's '$10 billion' beside
    'over $10 billion')."""
    if numbers and isinstance(numbers[0].value, str):
        return _date_claims(numbers, source_years)
    hedged: dict[tuple[str, float], Number] = {}
    for n in numbers:
        if n.qualifier in ("approx", "over", "under"):
            hedged.setdefault((n.span.source, float(n.value)), n)
    out = []
    for n in numbers:
        v = float(n.value)
        like = hedged.get((n.span.source, v)) if n.qualifier == "exact" else None
        lo, hi = _interval(like or n, v)
        out.append(_Claim(n, lo, hi))
    return out


def _date_claims(numbers: list[Number], source_years: dict[str, int]) -> list[_Claim]:
    parsed = [(n, _date_parts(str(n.value))) for n in numbers]
    years = Counter(p[0] for _, p in parsed if p and p[0])
    common = years.most_common(1)[0][0] if years else None
    out = []
    for n, parts in parsed:
        if not parts or (parts[1] is None and parts[0] is None):
            continue
        year = common or source_years.get(n.span.source)
        if parts[0] is None and year is None:
            continue
        iv = _date_interval(parts, year or 0)
        if iv:
            out.append(_Claim(n, *iv))
    return out


# ---------------------------------------------------------------- clustering
@dataclass(slots=True)
class _Cluster:
    point: float
    claims: list[_Claim] = field(default_factory=list)

    def sources(self) -> set[str]:
        return {c.source for c in self.claims}


def _stab(claims: Iterable[_Claim]) -> list[_Cluster]:
    """Fewest clusters of intervals sharing a point: sort by upper end, greedy."""
    clusters: list[_Cluster] = []
    for c in sorted(claims, key=lambda c: (c.hi, c.lo)):
        if clusters and c.lo <= clusters[-1].point:
            clusters[-1].claims.append(c)
        else:
            clusters.append(_Cluster(c.hi, [c]))
    return clusters


def _cluster(claims: list[_Claim]) -> list[_Cluster]:
    """Precise claims decide the clusters; an open-ended claim ('over $10B')
    joins the best-sourced cluster it fits, or clusters with the other leftovers."""
    clusters = _stab(c for c in claims if not c.open)
    leftovers = []
    for c in (c for c in claims if c.open):
        fits = [k for k in clusters if c.lo <= k.point <= c.hi]
        if fits:
            max(fits, key=lambda k: (len(k.sources()), len(k.claims))).claims.append(c)
        else:
            leftovers.append(c)
    return clusters + _stab(leftovers)


def _distinct(claims: list[_Claim]) -> int:
    return len({_key(c.number.value) for c in claims})


def _key(v: float | str) -> float | str:
    return v if isinstance(v, str) else float(f"{float(v):.6g}")


# ---------------------------------------------------------------- grouping
@dataclass(slots=True)
class _Group:
    attribute: str  # the measure: a lexicon attribute or an open one
    subject: str  # entity id, MAIN or ""
    period: str
    numbers: list[Number]
    basis: str = ""  # "a year": a rate
    keys: dict[str, ClaimKey] = field(default_factory=dict)  # number id -> its claim key


def measure_spec(measure: str, family: str = "") -> AttributeSpec:
    """The attribute lexicon's spec of a measure, else the measures lexicon's,
    else an open amount's ("$300m bridge loan"), else a counted noun's."""
    if known(measure):
        return spec(measure)
    if measure_units(measure):
        return AttributeSpec(
            measure, measure_units(measure), time_relative=drifts(measure), conflicts=disputable(measure)
        )
    if family in ("money", "percent"):
        return AttributeSpec(measure, frozenset({family}), counted=True)
    return spec(measure)


def _conflicting(n: Number, measure: str) -> AttributeSpec | None:
    if not measure or n.value is None:
        return None
    family = unit_family(n.unit)
    s = measure_spec(measure, family)
    if not s.conflicts or family not in s.units or isinstance(n.value, str) != (family == "date"):
        return None
    return s


def _keys(
    fb: FactBase, texts: dict[str, str], mentions: dict[str, list[Mention]], documents: Mapping[str, Document]
) -> dict[str, ClaimKey]:
    """Each figure's claim key, one article at a time."""
    by_source_numbers: dict[str, list[Number]] = {}
    for n in fb.numbers:
        by_source_numbers.setdefault(n.span.source, []).append(n)
    out: dict[str, ClaimKey] = {}
    for source, numbers in by_source_numbers.items():
        text = texts.get(source, "")
        doc = (documents.get(source) or document_of(text)) if text else None
        out.update(article_keys(numbers, text, doc, mentions.get(source, [])))
    return out


def _groups(deal: Deal, keys: dict[str, ClaimKey], numbers: list[Number], *, by_currency: bool = True) -> list[_Group]:
    """Blocked by (measure, unit, basis), then subject, then period: dict
    lookups, never a comparison of all pairs. Without `by_currency` money
    figures of every currency share a block (to compare at a stated rate)."""
    groups = []
    for (measure, _, basis), members in _buckets(keys, numbers, by_currency).items():
        groups += _subject_groups(deal, keys, measure, basis, members)
    return groups


def _buckets(
    keys: dict[str, ClaimKey], numbers: list[Number], by_currency: bool
) -> dict[tuple[str, str, str], list[Number]]:
    buckets: dict[tuple[str, str, str], list[Number]] = {}
    for n in numbers:
        key = keys[n.id]
        if _conflicting(n, key.measure) is not None:
            family = unit_family(n.unit)
            if not by_currency and family != "money":
                continue
            # sums in their currency, durations in their unit ("12 months" is not "1 year" apart)
            unit = n.unit if (family == "money" and by_currency) or family == "duration" else family
            # a yearly figure is what a flow is when no basis is written ("annual sales of $350m" is "revenue
            # of $380m"); a quarter's or a month's is not
            basis = "" if key.basis == YEARLY else key.basis
            buckets.setdefault((key.measure, unit, basis), []).append(n)
    return buckets


def _subject_groups(
    deal: Deal, keys: dict[str, ClaimKey], measure: str, basis: str, numbers: list[Number]
) -> list[_Group]:
    by_subject: dict[str, list[Number]] = {}
    for n in numbers:
        subject = n.subject or keys[n.id].subject
        by_subject.setdefault(subject_key(deal, subject, measure), []).append(n)
    _join_unknown(by_subject)
    # a count of something nobody is named for ("6 acquisitions") is too vague to dispute
    vague = measure_spec(measure, unit_family(numbers[0].unit)).counted
    groups = []
    for subject, members in by_subject.items():
        if len(members) < 2 or (vague and not subject):
            continue
        by_period: dict[str, list[Number]] = {}
        for n in members:
            by_period.setdefault(_period(keys[n.id]), []).append(n)
        _join_unknown(by_period)
        groups += [
            _Group(measure, subject, "" if p == NOW else p, ns, basis, {n.id: keys[n.id] for n in ns})
            for p, ns in by_period.items()
            if len(ns) > 1
        ]
    return groups


def _cross_currency_groups(deal: Deal, keys: dict[str, ClaimKey], fb: FactBase, rates: Rates) -> list[_Group]:
    """Groups of one measure holding figures in two currencies the articles give a rate for."""
    if not rates.pairs:
        return []
    groups = _groups(deal, keys, fb.numbers, by_currency=False)
    return [g for g in groups if _rated(sorted({n.unit for n in g.numbers})[:MAX_CURRENCIES], rates)]


def _rated(units: list[str], rates: Rates) -> bool:
    return any(rates.rate(a, b) is not None for i, a in enumerate(units) for b in units[i + 1 :])


YEARLY = "a year"
NOW = "\0now"  # the period of a reported figure that names none: its article's time


def _period(key: ClaimKey) -> str:
    """The period to group by. 'This year' in an article of unknown date is
    an unknown year ("") that may join the one year the others name; a
    figure that names no time at all is of its article's time."""
    if key.period == SOME_YEAR:
        return ""
    return key.period or NOW


def _join_unknown(by_key: dict[str, list[Number]]) -> None:
    """Figures of an unknown subject (or period) join the only known one."""
    named = [k for k in by_key if k]
    if "" in by_key and len(named) == 1:
        by_key[named[0]] += by_key.pop("")


# ---------------------------------------------------------------- verdicts
@dataclass(slots=True)
class _Finding:
    verdict: Verdict
    claims: list[_Claim]
    explanation: str


def _judge(group: _Group, claims: list[_Claim], source_dates: dict[str, str], labels: Labels) -> list[_Finding]:
    s = measure_spec(group.attribute, unit_family(group.numbers[0].unit))
    if s.time_relative:
        return _judge_time_relative(claims, source_dates, labels, undated_alike=drifts(group.attribute))
    clusters = _cluster(claims)
    findings = []
    why = reconcile([[group.keys[c.number.id] for c in k.claims if c.number.id in group.keys] for k in clusters])
    if len(clusters) > 1 and why:
        return [_Finding("compatible", claims, f"{_describe(claims)}: {why}")]
    if len(clusters) > 1:
        disputed = [c for k in clusters for c in (k.claims if all(x.open for x in k.claims) else _tight(k))]
        findings.append(_Finding("contradiction", disputed, _explain_contradiction(clusters, labels)))
    for k in clusters:
        if _distinct(k.claims) > 1:
            findings.append(_Finding("compatible", k.claims, _explain_compatible(k)))
    return findings


def _judge_currencies(claims: list[_Claim], rates: Rates) -> list[_Finding]:
    """Each currency's best-sourced agreeing figures against each other's, at the stated rate."""
    by_unit: dict[str, list[_Claim]] = {}
    for c in claims:
        by_unit.setdefault(c.number.unit, []).append(c)
    mains = {u: k for u, cs in sorted(by_unit.items())[:MAX_CURRENCIES] if (k := _main(cs))}
    units = sorted(mains)
    findings = []
    for i, a in enumerate(units):
        for b in units[i + 1 :]:
            rate = rates.rate(a, b)
            judged = compare(_side(mains[a]), _side(mains[b]), rate) if rate is not None else None
            if judged is not None:
                both = mains[a].claims + mains[b].claims
                findings.append(_Finding(judged[0], both, f"{_describe(both)}: {judged[1]}"))
    return findings


def _main(claims: list[_Claim]) -> _Cluster | None:
    clusters = _stab(c for c in claims if not c.open)
    return max(clusters, key=lambda k: (len(k.sources()), len(k.claims))) if clusters else None


def _side(k: _Cluster) -> Side:
    values = sorted(float(c.number.value) for c in k.claims)
    unit = k.claims[0].number.unit
    return Side(unit, max(c.lo for c in k.claims), min(c.hi for c in k.claims), values[len(values) // 2])


def _tight(k: _Cluster) -> list[_Claim]:
    return [c for c in k.claims if not c.open]


def _judge_time_relative(
    claims: list[_Claim], source_dates: dict[str, str], labels: Labels, *, undated_alike: bool = False
) -> list[_Finding]:
    """A current age or headcount may change between articles: different values
    in different sources are compatible, unless one source (or two of the same
    date) disagrees with itself. `undated_alike`: articles without a date are
    of one time (a workforce does not change within a deal's coverage)."""
    times = _same_times(source_dates, (c.source for c in claims))  # dated a few days apart: one time
    by_date: dict[str, list[_Claim]] = {}
    for c in claims:
        undated = "" if undated_alike else c.source
        date = source_dates.get(c.source) or undated
        by_date.setdefault(times.get(date, date), []).append(c)
    for same_time in by_date.values():
        if len(_cluster(same_time)) > 1:
            clusters = _cluster(claims)
            return [_Finding("contradiction", claims, _explain_contradiction(clusters, labels))]
    if _distinct(claims) > 1:
        if len(by_date) == 1:  # all of one time: what lets them agree is the hedge, not the dates
            (agreeing,) = _cluster(claims)
            return [_Finding("compatible", claims, _explain_compatible(agreeing))]
        return [_Finding("compatible", claims, _explain_dated(claims))]
    return []


SAME_TIME_DAYS = 31  # a workforce does not move by a tenth between articles a few days apart


def _same_times(source_dates: dict[str, str], sources: Iterable[str]) -> dict[str, str]:
    """Each full publication date -> the first date of its run of dates no more
    than SAME_TIME_DAYS apart: articles of one week report one time."""
    days = sorted({d for s in sources if (d := _day(source_dates.get(s, "")))})
    out: dict[str, str] = {}
    start: dt.date | None = None
    previous: dt.date | None = None
    for day in days:
        if previous is None or (day - previous).days > SAME_TIME_DAYS:
            start = day
        out[day.isoformat()] = (start or day).isoformat()
        previous = day
    return out


def _day(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10]) if len(value) >= 10 else None
    except ValueError:
        return None


# ---------------------------------------------------------------- explanations
Labels = dict[str, str]  # source id -> what people call it (facts.labels.source_label)


def source_labels(fb: FactBase) -> Labels:
    """Each source's label, built once per call: explanations name outlets, not files."""
    return {s.id: source_label(s) for s in fb.sources}


def _label(labels: Labels, source: str) -> str:
    return labels.get(source) or source_label(None, source)


def _sources(n: int) -> str:
    return f"{n} source" if n == 1 else f"{n} sources"


def _describe(claims: list[_Claim]) -> str:
    seen: dict[str, set[str]] = {}
    for c in claims:
        n = c.number
        seen.setdefault(format_claim(n.value, n.unit, n.qualifier), set()).add(c.source)
    return ", ".join(f"{text} ({_sources(len(srcs))})" for text, srcs in seen.items())


def _explain_contradiction(clusters: list[_Cluster], labels: Labels) -> str:
    sides = [_describe(k.claims if all(c.open for c in k.claims) else _tight(k)) for k in clusters]
    one = {c.source for k in clusters for c in k.claims}
    where = f" within {_label(labels, next(iter(one)))}" if len(one) == 1 else ""
    return " vs ".join(sides) + f": these cannot all hold{where}."


def _explain_compatible(k: _Cluster) -> str:
    if any(isinstance(c.number.value, str) for c in k.claims):
        return f"{_describe(k.claims)} agree: one date is only more precise than the other."
    hedged = [c for c in k.claims if c.number.qualifier != "exact" or c.open]
    precise = [c for c in k.claims if c not in hedged]
    if hedged and precise:
        return f"{_describe(hedged)} is compatible with {_describe(precise)}: the hedge allows both."
    return f"{_describe(k.claims)} differ only by rounding or hedging; they can all hold."


def _explain_dated(claims: list[_Claim]) -> str:
    return f"{_describe(claims)}: different values that may reflect different publication dates."


# ---------------------------------------------------------------- output
def _slug(text: str) -> str:
    return "-".join(fold(text).split()) or "x"


def number_claim(n: Number) -> Claim:
    """A number as a cited claim (with its attribution)."""
    return Claim.of_number(n)


def _ordered(claims: list[_Claim]) -> list[Claim]:
    picked = sorted(claims, key=lambda c: (c.source, c.number.span.start))[:MAX_CLAIMS]
    return [Claim.of_number(c.number) for c in picked]


def _subject_of(group: _Group) -> str:
    if group.subject != MAIN:
        return group.subject
    named = Counter(n.subject for n in group.numbers if n.subject)
    return named.most_common(1)[0][0] if named else ""


def _base_id(group: _Group, names: dict[str, str]) -> str:
    parts = [group.attribute]
    if group.subject and group.subject != MAIN:
        parts.append(names.get(group.subject, group.subject))
    if group.period:
        parts.append(group.period)
    return _slug(" ".join(parts))


def _numeric_conflicts(fb: FactBase, labels: Labels, keys: dict[str, ClaimKey]) -> list[Conflict]:
    deal = deal_of(fb)
    names = {e.id: e.name for e in fb.entities}
    source_dates = {s.id: s.date for s in fb.sources if s.date}
    source_years = {s.id: int(s.date[:4]) for s in fb.sources if s.date[:4].isdigit()}
    texts = {s.id: s.text for s in fb.sources}
    out = []
    for group in sorted(_groups(deal, keys, fb.numbers), key=_order):
        claims = _claims(group.numbers, source_years)
        out += _conflicts(group, _judge(group, claims, source_dates, labels), _base_id(group, names))
    rates = find_rates(fb.numbers, texts)
    for group in sorted(_cross_currency_groups(deal, keys, fb, rates), key=_order):
        findings = _judge_currencies(_claims(group.numbers, source_years), rates)
        out += _conflicts(group, findings, _base_id(group, names) + "-currencies")
    return out


def _order(group: _Group) -> tuple[str, str, str]:
    return (group.attribute, group.subject, group.period)


def _conflicts(group: _Group, findings: list[_Finding], base: str) -> list[Conflict]:
    out = []
    for i, f in enumerate(findings):
        suffix = "" if f.verdict == "contradiction" else "-compatible"
        out.append(
            Conflict(
                id=base + suffix + (f"-{i + 1}" if i and f.verdict == "compatible" else ""),
                attribute=group.attribute + (f" ({group.period})" if group.period else ""),
                kind="numeric",
                verdict=f.verdict,
                explanation=f.explanation,
                subject=_subject_of(group),
                claims=_ordered(f.claims),
            )
        )
    return out


def _spelling_conflict(e: Entity) -> Conflict | None:
    forms = {e.name, *e.variants}
    claims: dict[tuple[str, str], Span] = {}
    for m in e.mentions:
        if m.text in forms:
            claims.setdefault((m.source, m.text), m)
    by_form = Counter(text for _, text in claims)
    if len(by_form) < 2:
        return None
    sides = " vs ".join(f'"{form}" ({_sources(n)})' for form, n in by_form.most_common())
    return Conflict(
        id=f"spelling-{_slug(e.id)}",
        attribute=f"spelling of {e.name}",
        kind="spelling",
        verdict="contradiction",
        explanation=f"{sides}: one of the spellings is wrong.",
        subject=e.id,
        claims=[Claim(span=span, value=text, unit="") for (_, text), span in sorted(claims.items())],
    )


def find_conflicts(
    fb: FactBase,
    documents: Mapping[str, Document] | None = None,
    keys: dict[str, ClaimKey] | None = None,
    stances: Sequence[Stance] | None = None,
) -> list[Conflict]:
    """Numeric disagreements (contradictions and hedge-compatible differences)
    and spelling variants of one entity, with deterministic ids. `documents`
    by source id: the build's (document_of keeps only the latest 2,048, so a
    large corpus would split its articles again), else each from document_of;
    `keys`: every figure's claim key by number id, when the build's workers
    read them with the rest of each article (claims.article_keys); `stances`,
    every article's words on disputed attributes, likewise (article_stances)."""
    documents = documents or {}
    labels = source_labels(fb)
    mentions = by_source(fb.entities)  # once, for the claims' subjects and the disputes
    if keys is None:
        keys = _keys(fb, {s.id: s.text for s in fb.sources}, mentions, documents)
    conflicts = _numeric_conflicts(fb, labels, keys)
    conflicts += [c for e in fb.entities if e.variants and (c := _spelling_conflict(e))]
    conflicts += find_disputes(
        fb, labels, mentions, documents, stances
    )  # disagreements in words (facts/analyse/disputes/)
    seen: Counter[str] = Counter()
    for c in conflicts:
        seen[c.id] += 1
        if seen[c.id] > 1:
            c.id = f"{c.id}-{seen[c.id]}"
    return conflicts
