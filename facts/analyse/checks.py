"""Deal arithmetic: what reported figures imply, held against what is reported.

    find_checks(fb, documents=None) -> list[Check]

Kinds: an amount for a stake implies a valuation ("$6.2B for 40%"); revenue
times a sales multiple implies a valuation; a price per share times the shares
implies the headline value; an offer against the prior price implies the
premium; cash plus stock make the total; "double to $2B" against the figure of
the period before. Inputs are paired only when the text leaves no doubt: within
one sentence (or clause) with one candidate of each kind, else one candidate in
the whole article. Every figure allows the interval its written digits or hedge
allow, so "$30.2B implied" meets "$30 billion" but not "$29 billion".
Each derived value is compared with every reported value of its attribute,
subject and period (one pass over the numbers: no comparison of all pairs).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import cache

from facts.analyse.attributes import unit_family
from facts.analyse.conflicts import interval, number_claim
from facts.analyse.deal import MAIN, deal_of, subject_key
from facts.extract.document import Document, document_of
from facts.labels import format_claim, format_value
from facts.lexicon import load_model
from facts.lexicon.models import ChecksLexicon
from facts.model import Check, Claim, FactBase, Number
from facts.text import fold, words_re

PRECISE = ("exact", "approx")  # an open figure ("over $10B") is never an input
MAX_SENTENCE_FIGURES = 40  # more figures than this in one "sentence" is a table or a list: nothing pairs in it
HEADLINE = ("deal value", "valuation", "market capitalisation")  # what a price per share adds up to


# ---------------------------------------------------------------- lexicon
@dataclass(frozen=True, slots=True)
class _Lex:
    tolerance: float
    growth: dict[str, float]
    growth_re: re.Pattern[str]
    rise: frozenset[str]
    fall: frozenset[str]
    target_re: re.Pattern[str]  # the words between a growth word and its target
    base_re: re.Pattern[str]  # anchored at the end: "from " before a base figure
    to_re: re.Pattern[str]  # anchored at the end: "to " before a target figure
    revenue_multiple: re.Pattern[str]
    cash: re.Pattern[str]
    stock: re.Pattern[str]
    prior: re.Pattern[str]
    share_counts: frozenset[str]


@cache
def _lex() -> _Lex:
    raw = load_model("checks", ChecksLexicon)
    targets = "|".join(re.escape(w) for w in raw.target_words)
    bases = "|".join(re.escape(w) for w in raw.base_words)
    return _Lex(
        tolerance=raw.tolerance,
        growth={k.lower(): v for k, v in raw.growth_words.items()},
        growth_re=words_re(list(raw.growth_words)),
        rise=frozenset(raw.rise_attributes),
        fall=frozenset(raw.fall_attributes),
        target_re=re.compile(rf"^\s+(?:{targets})\s+[^\d.;]{{0,24}}$", re.IGNORECASE),
        base_re=re.compile(rf"(?<![\w-])(?:{bases})\s+[^\d.;,]{{0,24}}$", re.IGNORECASE),
        to_re=re.compile(rf"(?<![\w-])(?:{targets})\s+[^\d.;,]{{0,24}}$", re.IGNORECASE),
        revenue_multiple=words_re(list(raw.revenue_multiples)),
        cash=words_re(list(raw.cash_words)),
        stock=words_re(list(raw.stock_words)),
        prior=words_re(list(raw.prior_price_cues)),
        share_counts=frozenset(raw.share_counts),
    )


# ---------------------------------------------------------------- the corpus, indexed once
@dataclass(slots=True)
class _Found:
    """A derived value before it is held against the reported ones."""

    kind: str
    attribute: str
    key: str  # subject key (MAIN for the corpus's deal)
    period: str
    unit: str
    inputs: list[Number]
    implied: float
    lo: float
    hi: float
    words: str  # "$6.2B for 40%"
    reported: list[Number] = field(default_factory=list)  # figures of the same sentence to hold it against


@dataclass(slots=True)
class _Sentence:
    source: str
    start: int
    end: int
    numbers: list[Number]


class _Corpus:
    def __init__(self, fb: FactBase, documents: Mapping[str, Document] | None) -> None:
        self.fb, self.lex = fb, _lex()
        self.deal = deal_of(fb)
        self.texts = {s.id: s.text for s in fb.sources}
        self.documents = documents or {}
        self.reported: dict[tuple[str, str, str], list[Number]] = {}
        self.by_source: dict[str, list[Number]] = {}
        self._sentences: list[_Sentence] | None = None
        for n in fb.numbers:
            if isinstance(n.value, str) or unit_family(n.unit) not in ("money", "percent", "multiplier", "count"):
                continue
            self.by_source.setdefault(n.span.source, []).append(n)
            if n.attribute:
                self.reported.setdefault((n.attribute, self.key(n), n.period), []).append(n)

    def key(self, n: Number) -> str:
        """The subject a figure is about, the parties of the corpus's deal folded into one."""
        return subject_key(self.deal, n.subject, n.attribute, reach="all")

    def text(self, n: Number) -> str:
        return self.texts.get(n.span.source, "")

    def document(self, source: str) -> Document:
        return self.documents.get(source) or document_of(self.texts.get(source, ""))

    def sentences(self) -> list[_Sentence]:
        """Every sentence with figures, split once: each kind of check walks them."""
        if self._sentences is None:
            self._sentences = list(self._split())
        return self._sentences

    def _split(self) -> Iterator[_Sentence]:
        for source, numbers in self.by_source.items():
            doc = self.document(source)
            groups: dict[tuple[int, int], list[Number]] = {}
            for n in sorted(numbers, key=lambda n: n.span.start):
                groups.setdefault(doc.sentence_at(n.span.start), []).append(n)
            for (s, e), members in groups.items():
                if len(members) <= MAX_SENTENCE_FIGURES:
                    yield _Sentence(source, s, e, members)

    def article(self, source: str) -> list[Number]:
        return self.by_source.get(source, [])


def _precise(n: Number) -> bool:
    return n.qualifier in PRECISE and isinstance(n.value, float | int) and float(n.value) > 0


def _one(numbers: list[Number]) -> Number | None:
    """The figure, if all of `numbers` say one value (else ambiguous: None)."""
    values = {float(n.value) for n in numbers}
    return numbers[0] if len(values) == 1 else None


def _of(numbers: list[Number], attribute: str, family: str) -> list[Number]:
    return [n for n in numbers if n.attribute == attribute and unit_family(n.unit) == family and _precise(n)]


def _fmt(n: Number) -> str:
    return format_claim(n.value, n.unit, n.qualifier)


def _span(n: Number) -> tuple[float, float]:
    lo, hi = interval(n)
    return (max(lo, 0.0), hi)


# ---------------------------------------------------------------- kinds
def _pair_in(numbers: list[Number], a: tuple[str, str], b: tuple[str, str]) -> tuple[Number, Number] | None:
    x, y = _one(_of(numbers, *a)), _one(_of(numbers, *b))
    return (x, y) if x is not None and y is not None else None


def _pairs(cx: _Corpus, a: tuple[str, str], b: tuple[str, str]) -> Iterator[tuple[Number, Number]]:
    """Pairs of figures with attributes a and b: one of each in a sentence, else in
    a clause of it, else in the whole article (the deal's figures only)."""
    paired: set[str] = set()
    for s in cx.sentences():
        pair = _pair_in(s.numbers, a, b)
        if pair is None:
            for cs, ce in cx.document(s.source).clauses_in(s.start, s.end):
                pair = pair or _pair_in([n for n in s.numbers if cs <= n.span.start < ce], a, b)
        if pair is not None and cx.key(pair[0]) == cx.key(pair[1]):
            paired.add(s.source)
            yield pair
    for source, numbers in cx.by_source.items():
        if source not in paired:
            pair = _pair_in([n for n in numbers if cx.key(n) == MAIN], a, b)
            if pair is not None:
                yield pair


def _implied_valuations(cx: _Corpus) -> Iterator[_Found]:
    for amount, stake in _pairs(cx, ("deal value", "money"), ("stake", "percent")):
        if not 0 < float(stake.value) <= 100:
            continue
        (alo, ahi), (slo, shi) = _span(amount), _span(stake)
        if slo <= 0:
            continue
        v = float(amount.value) / (float(stake.value) / 100)
        yield _Found(
            "implied valuation", "valuation", cx.key(amount), amount.period, amount.unit, [amount, stake],
            v, alo / (shi / 100), ahi / (slo / 100), f"{_fmt(amount)} for {_fmt(stake)}",
        )  # fmt: skip


def _revenue_for(cx: _Corpus, multiple: Number, sentence: list[Number]) -> Number | None:
    """The revenue a sales multiple applies to: the one in its sentence, else the one
    of its subject in its article, else in the corpus; None when several periods compete."""
    key = cx.key(multiple)
    for pool in (sentence, cx.article(multiple.span.source), None):
        if pool is None:
            candidates = [n for (attr, k, _), ns in cx.reported.items() if attr == "revenue" and k == key for n in ns]
        else:
            candidates = [n for n in pool if n.attribute == "revenue" and cx.key(n) == key]
        candidates = [n for n in candidates if _precise(n) and unit_family(n.unit) == "money"]
        if candidates:
            return _one(candidates)
    return None


def _revenue_multiples(cx: _Corpus) -> Iterator[_Found]:
    for s in cx.sentences():
        text = cx.texts[s.source]
        for m in _of(s.numbers, "valuation multiple", "multiplier"):
            near = text[max(s.start, m.span.start - 60) : min(s.end, m.span.end + 40)]
            if not cx.lex.revenue_multiple.search(near):
                continue
            revenue = _revenue_for(cx, m, s.numbers)
            if revenue is None:
                continue
            (mlo, mhi), (rlo, rhi) = _span(m), _span(revenue)
            period = f" ({revenue.period})" if revenue.period else ""
            yield _Found(
                "revenue x multiple", "valuation", cx.key(m), m.period, revenue.unit, [m, revenue],
                float(m.value) * float(revenue.value), mlo * rlo, mhi * rhi,
                f"{_fmt(m)} revenue of {_fmt(revenue)}{period}",
                [n for n in s.numbers if n.attribute == "valuation"],
            )  # fmt: skip


def _price_times_shares(cx: _Corpus) -> Iterator[_Found]:
    for s in cx.sentences():
        price = _one(_of(s.numbers, "price per share", "money"))
        counts = [n for n in s.numbers if n.attribute in cx.lex.share_counts and n.unit == "count" and _precise(n)]
        shares = _one(counts)
        if price is None or shares is None:
            continue
        (plo, phi), (clo, chi) = _span(price), _span(shares)
        yield _Found(
            "price x shares", "deal value", cx.key(price), price.period, price.unit, [price, shares],
            float(price.value) * float(shares.value), plo * clo, phi * chi,
            f"{_fmt(price)} a share x {format_value(shares.value, 'count')} shares",
            [n for n in s.numbers if n.attribute in HEADLINE],
        )  # fmt: skip


def _premiums(cx: _Corpus) -> Iterator[_Found]:
    for s in cx.sentences():
        premiums = _of(s.numbers, "premium", "percent")
        if not premiums:
            continue
        text = cx.texts[s.source]
        money = [n for n in s.numbers if unit_family(n.unit) == "money" and _precise(n)]
        prior = [n for n in money if cx.lex.prior.search(text, max(s.start, n.span.start - 40), n.span.start)]
        offers = [n for n in money if n not in prior and n.attribute in ("price per share", "unit price", "")]
        base, offer = _one(prior), _one(offers)
        if base is None or offer is None or base.unit != offer.unit:
            continue
        (olo, ohi), (blo, bhi) = _span(offer), _span(base)
        if blo <= 0:
            continue
        yield _Found(
            "premium", "premium", cx.key(premiums[0]), "", "percent", [offer, base],
            (float(offer.value) / float(base.value) - 1) * 100, (olo / bhi - 1) * 100, (ohi / blo - 1) * 100,
            f"{_fmt(offer)} against a prior {_fmt(base)}", premiums,
        )  # fmt: skip


def _followed(text: str, n: Number, end: int, words: re.Pattern[str]) -> bool:
    """`words` directly after the figure: "$10 billion in cash"."""
    m = words.search(text, n.span.end, min(end, n.span.end + 12))
    return m is not None and not text[n.span.end : m.start()].strip()


def _cash_and_stock(cx: _Corpus) -> Iterator[_Found]:
    for s in cx.sentences():
        text = cx.texts[s.source]
        money = [n for n in s.numbers if unit_family(n.unit) == "money" and _precise(n)]

        cash = _one([n for n in money if _followed(text, n, s.end, cx.lex.cash)])
        stock = _one(
            [n for n in money if _followed(text, n, s.end, cx.lex.stock) and not _followed(text, n, s.end, cx.lex.cash)]
        )
        if cash is None or stock is None or cash is stock or cash.unit != stock.unit:
            continue
        (clo, chi), (slo, shi) = _span(cash), _span(stock)
        key = cx.key(cash) if cash.subject else cx.key(stock)
        yield _Found(
            "cash + stock", "deal value", key, cash.period, cash.unit, [cash, stock],
            float(cash.value) + float(stock.value), clo + slo, chi + shi,
            f"{_fmt(cash)} in cash + {_fmt(stock)} in stock",
            [n for n in s.numbers if n.attribute == "deal value" and n not in (cash, stock)],
        )  # fmt: skip


# ---------------------------------------------------------------- growth
def _previous(cx: _Corpus, target: Number) -> Number | None:
    """The same attribute's figure of the period before `target`'s: in its article, else the corpus."""
    if not target.period.isdigit():
        return None
    key, before = cx.key(target), str(int(target.period) - 1)
    same = [
        n
        for n in cx.article(target.span.source)
        if n.attribute == target.attribute and n.period == before and cx.key(n) == key and _precise(n)
    ]
    if same:
        return _one(same)
    return _one([n for n in cx.reported.get((target.attribute, key, before), []) if _precise(n)])


def _growth_target(cx: _Corpus, s: _Sentence, word_end: int) -> Number | None:
    text = cx.texts[s.source]
    for n in s.numbers:
        if n.span.start >= word_end:
            between = text[word_end : n.span.start]
            ok = cx.lex.target_re.match(between) and unit_family(n.unit) in ("money", "count")
            return n if ok and _precise(n) else None
    return None


def _growth_base(s: _Sentence, before: int, target: Number | None) -> Number | None:
    """The nearest figure before the growth word of the target's attribute and unit."""
    for n in reversed([n for n in s.numbers if n.span.end <= before]):
        if unit_family(n.unit) not in ("money", "count") or not n.attribute or not _precise(n):
            continue
        if target is None:
            return n
        if n.attribute == target.attribute and n.unit == target.unit:
            early = not (n.period and target.period) or n.period < target.period
            return n if early else None
    return None


def _multiplied(cx: _Corpus) -> Iterator[_Found]:
    """'expected to double to $2 billion' against the figure it doubles."""
    for s in cx.sentences():
        text = cx.texts[s.source]
        for w in cx.lex.growth_re.finditer(text, s.start, s.end):
            factor = cx.lex.growth[w.group().lower()]
            target = _growth_target(cx, s, w.end())
            base = _growth_base(s, w.start(), target)
            if base is None and target is not None:
                base = _previous(cx, target)
            if base is None:
                continue
            period = target.period if target else (str(int(base.period) + 1) if base.period.isdigit() else "")
            if target is None and not period:
                continue  # nothing says which later figure to hold it against
            lo, hi = _span(base)
            yield _growth(cx, base, target, factor, (lo, hi), period, f"{_fmt(base)}{_per(base)} x{factor:g}")


def _per(n: Number) -> str:
    return f" ({n.period})" if n.period else ""


def _growth(
    cx: _Corpus, base: Number, target: Number | None, factor: float, span: tuple[float, float], period: str, words: str
) -> _Found:
    lo, hi = span
    return _Found(
        "growth", base.attribute, cx.key(target or base), period, base.unit, [base],
        float(base.value) * factor, lo * factor, hi * factor, f"{words} ('{_growth_word(cx, base, target)}')",
        [target] if target else [],
    )  # fmt: skip


def _growth_word(cx: _Corpus, base: Number, target: Number | None) -> str:
    text = cx.text(base)
    a, b = sorted((base.span.end, (target or base).span.start))
    m = cx.lex.growth_re.search(text, a, b) if b > a else None
    return m.group() if m else "grow"


def _percent_growth(cx: _Corpus) -> Iterator[_Found]:
    """'revenue grew 30% to $1.3 billion from $1 billion' (or from the period before)."""
    for s in cx.sentences():
        text = cx.texts[s.source]
        for p in s.numbers:
            sign = 1 if p.attribute in cx.lex.rise else -1 if p.attribute in cx.lex.fall else 0
            if not sign or p.unit != "percent" or not _precise(p):
                continue
            money = [n for n in s.numbers if unit_family(n.unit) in ("money", "count") and _precise(n)]
            targets = [
                n for n in money if n.span.start > p.span.end and cx.lex.to_re.search(text, s.start, n.span.start)
            ]
            target = targets[0] if targets else None
            if target is None or not target.attribute:
                continue
            bases = [
                n
                for n in money
                if n is not target
                and n.attribute == target.attribute
                and cx.lex.base_re.search(text, max(s.start, n.span.start - 30), n.span.start)
            ]
            base = _one(bases) if bases else _previous(cx, target)
            if base is None or base.unit != target.unit:
                continue
            factor = 1 + sign * float(p.value) / 100
            plo, phi = _span(p)
            lo, hi = _span(base)
            flo, fhi = sorted((1 + sign * plo / 100, 1 + sign * phi / 100))
            found = _growth(cx, base, target, factor, (lo, hi), target.period, f"{_fmt(base)}{_per(base)}")
            found.lo, found.hi = lo * flo, hi * fhi
            found.inputs = [base, p]
            found.words = f"{_fmt(base)}{_per(base)} {'+' if sign > 0 else '-'}{_fmt(p)}"
            yield found


# ---------------------------------------------------------------- comparison
KINDS = (
    _implied_valuations,
    _revenue_multiples,
    _price_times_shares,
    _premiums,
    _cash_and_stock,
    _multiplied,
    _percent_growth,
)


def _held_against(cx: _Corpus, f: _Found) -> list[Number]:
    """Reported values of the derived value's attribute, subject and period, one
    per source and value; never an input, nor a figure equal to an input's."""
    return list(_reported(cx, f))


def _reported(cx: _Corpus, f: _Found) -> Iterator[Number]:
    """_held_against one at a time: a derivation merged into an earlier check
    asks only whether there is one (the pool grows with the corpus)."""
    inputs = {n.id for n in f.inputs}
    same = {(n.attribute, float(n.value)) for n in f.inputs}
    local = [n for n in f.reported if n.period == f.period]  # a figure of another year is another fact
    pool = local + cx.reported.get((f.attribute, f.key, f.period), [])
    seen: set[tuple[str, float, str]] = set()
    for n in pool:
        if n.id in inputs or (n.attribute, float(n.value)) in same or unit_family(n.unit) != unit_family(f.unit):
            continue
        if unit_family(n.unit) == "money" and n.unit != f.unit:
            continue
        k = (n.span.source, float(n.value), n.qualifier)
        if k not in seen:
            seen.add(k)
            yield n


def _gap(f: _Found, n: Number) -> float:
    v = float(n.value)
    return abs(f.implied - v) / abs(v) if v else float("inf")


def _percent(x: float) -> str:
    return f"{x * 100:.1f}%" if x < 0.01 else f"{x * 100:.0f}%"


def _phrase(f: _Found, n: Number, confirms: bool) -> str:
    gap = _gap(f, n)
    if confirms:
        return (
            f"matches the reported {_fmt(n)}" if gap < 0.001 else f"close to the reported {_fmt(n)} ({_percent(gap)})"
        )
    side = "above" if f.implied > float(n.value) else "below"
    return f"{_percent(gap)} {side} the reported {_fmt(n)}"


def _check(cx: _Corpus, f: _Found, reported: list[Number]) -> Check:
    slack = cx.lex.tolerance * abs(f.implied)
    confirms: list[Claim] = []
    contradicts: list[Claim] = []
    phrases: list[str] = []
    for n in sorted(reported, key=lambda n: (_gap(f, n), n.span.source, n.span.start)):
        lo, hi = interval(n)
        ok = f.lo - slack <= hi and lo <= f.hi + slack
        (confirms if ok else contradicts).append(number_claim(n))
        label = _fmt(n)
        if all(label not in p for p in phrases):
            phrases.append(_phrase(f, n, ok))
    implied = format_value(f.implied, f.unit)
    return Check(
        id="",
        kind=f.kind,
        attribute=f.attribute + (f" ({f.period})" if f.period else ""),
        inputs=[number_claim(n) for n in f.inputs],
        implied=f.implied,
        unit=f.unit,
        confirms=confirms,
        contradicts=contradicts,
        gap=min((_gap(f, n) for n in reported), default=None),
        explanation=f"{f.words} implies {implied}: " + ", ".join(phrases) + ".",
    )


def _slug(text: str) -> str:
    return "-".join(fold(text).split()) or "x"


def find_checks(fb: FactBase, documents: Mapping[str, Document] | None = None) -> list[Check]:
    """Every derived value with something reported to hold it against, with
    deterministic ids; the same derivation stated by several articles is one
    check citing all of their figures. `documents` by source id: the build's,
    else each source's from `document_of`."""
    cx = _Corpus(fb, documents)
    merged: dict[tuple[str, str, str, str, str], tuple[_Found, Check]] = {}
    for kind in KINDS:
        for f in kind(cx):
            key = (f.kind, f.attribute, f.key, f.period, f"{f.implied:.4g}")
            if key in merged:
                if next(_reported(cx, f), None) is not None:
                    merged[key][1].inputs += [number_claim(n) for n in f.inputs]
            elif reported := _held_against(cx, f):
                merged[key] = (f, _check(cx, f, reported))
    names = {e.id: e.name for e in fb.entities}
    checks, seen = [], set()
    for f, check in merged.values():
        subject = names.get(f.key, f.key) if f.key != MAIN else ""
        base = "check-" + _slug(f"{f.kind} {subject} {f.words}")
        check.id, n = base, 1
        while check.id in seen:
            n += 1
            check.id = f"{base}-{n}"
        seen.add(check.id)
        check.inputs = _unique(check.inputs)
        checks.append(check)
    return checks


def _unique(claims: list[Claim]) -> list[Claim]:
    seen: set[tuple[str, int]] = set()
    out = []
    for c in claims:
        if (c.span.source, c.span.start) not in seen:
            seen.add((c.span.source, c.span.start))
            out.append(c)
    return out
