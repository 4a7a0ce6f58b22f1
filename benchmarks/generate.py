#!/usr/bin/env python3
"""Write a synthetic corpus of deal news, with the truth of every number in it.

    python benchmarks/generate.py N OUT_DIR [--seed S]

N articles (wire reports, blog posts, analyses) about a season of fictional
deals: companies with suffixes, people with honorifics (and misspelt now and
then), products with version numbers, places; money in several currencies
and scales, percents, counts, ages, years, dates, durations, ranges and
multiples, hedged or not; and sources that disagree (a rumour against the
final price, a misreported valuation). Deterministic for a given seed.

OUT_DIR/truth.json lists every quantity written: [source, start, end, text,
value, unit, qualifier], offsets into the article as Python str offsets.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import string
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

# ---------------------------------------------------------------- name pools
STEMS_A = "Vel Cor Nex Ara Tri Lum Quan Sol Zen Ori Kai Bry Mar Hal Fen Tor Cal Dra Ely Gal Iso Jun Kor Myr".split()
STEMS_B = "ion ex ara ica ant ify ora ix eon ium ova ent yx ano era ith".split()
MIDDLES = "al ar en in or ul ev am ot is ad er".split()  # for big corpora: 24 x 12 x 16 more names
SUFFIXES = ["Inc.", "Corp.", "Holdings", "Group", "AG", "plc", "Ltd", "Technologies", "Labs", "Systems", "Networks"]
FIRST = (
    "Anna Daniel Sofia Marcus Lena Omar Grace Felix Hannah Victor Ines Tomas Yuki Ravi Elena Jonas Clara Mateo "
    "Nadia Oscar Leila Henrik Amara Julian Mira Stefan Noor Lucas Ingrid Paolo"
).split()
SURNAMES = (
    "Halvorsen Okafor Brandt Castellano Lindqvist Moreau Varga Achterberg Kowalczyk Oyelaran Sandoval Whitcombe "
    "Marchetti Ferreira Nakagawa Dubois Eriksson Abernathy Quintero Blomqvist Haddad Radcliffe Szabo Ventura"
).split()
HONORIFICS = ["Dr.", "Ms.", "Mr.", "Prof."]
EXEC_TITLES = ["chief executive", "CEO", "chief financial officer", "chairman", "president"]
PRODUCTS = "Nimbus Atlas Vega Cirrus Quill Beacon Tundra Halo Prism Lattice Sparrow Onyx".split()
PLACES = "Lisbon Toronto Austin Munich Singapore Oslo Seoul Dublin Zurich Melbourne Nairobi Denver Lyon Osaka".split()
OUTLETS = [
    "The Ledger",
    "Market Wire",
    "Deal Street Journal",
    "Tech Dispatch",
    "Capital Brief",
    "The Northern Post",
    "Venture Daily",
]
MONTHS = "January February March April May June July August September October November December".split()
CURRENCIES = [("USD", 0.6), ("EUR", 0.2), ("GBP", 0.12), ("JPY", 0.08)]
SCALE_WORDS = {6: ["million", "m", "M", "mn"], 9: ["billion", "bn", "B"], 12: ["trillion", "tn"]}
APPROX = ["about", "roughly", "nearly", "around", "some", "approximately", "~"]
OVER = ["more than", "over", "exceeding", "upwards of"]
UNDER = ["less than", "below", "up to", "under"]


# ---------------------------------------------------------------- quantities
@dataclass
class Q:
    """A piece of text holding quantities at known offsets (relative)."""

    text: str
    items: list[tuple[int, int, float | str, str, str]] = field(default_factory=list)

    def __str__(self) -> str:
        return self.text


def num_text(x: float, decimals: int = 1, commas: bool = True) -> str:
    s = f"{x:,.{decimals}f}" if commas else f"{x:.{decimals}f}"
    return s.rstrip("0").rstrip(".") if "." in s else s


def money(r: random.Random, value: float, cur: str, qual: str = "exact") -> Q:
    """`value` in `cur` written the way some outlet would."""
    exp = 12 if value >= 1e12 else 9 if value >= 1e9 else 6
    if exp == 9 and value < 2e9 and r.random() < 0.3:
        exp = 6  # "$1,500 million"
    amount = num_text(value / 10**exp, 2)
    word = r.choice(SCALE_WORDS[exp])
    glue = " " if word in ("million", "billion", "trillion") else ""
    sym = {"USD": r.choice(["$", "$", "$", "US$", "USD "]), "EUR": r.choice(["€", "EUR "]), "GBP": "£", "JPY": "¥"}
    prefix, suffix = sym[cur], ""
    if cur == "EUR" and r.random() < 0.3:
        prefix, suffix = "", " euros"
        glue, word = " ", {6: "million", 9: "billion", 12: "trillion"}[exp]
    core = f"{prefix}{amount}{glue}{word}{suffix}"
    return hedge(r, core, value, cur, qual)


def hedge(r: random.Random, core: str, value: float | str, unit: str, qual: str) -> Q:
    if qual == "exact":
        return Q(core, [(0, len(core), value, unit, qual)])
    if qual == "over" and r.random() < 0.25 and not core.endswith("euros"):
        text = core + "+"
    else:
        words = {"approx": APPROX, "over": OVER, "under": UNDER}[qual]
        w = r.choice(words)
        text = f"{w}{'' if w == '~' else ' '}{core}"
    return Q(text, [(0, len(text), value, unit, qual)])


def money_range(r: random.Random, low: float, high: float, cur: str) -> Q:
    """ "$3-4 billion" or "between $3 billion and $4 billion": both ends."""
    sym = {"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥"}[cur]
    exp = 9 if low >= 1e9 else 6
    word = {9: "billion", 6: "million"}[exp]
    lo, hi = num_text(low / 10**exp, 2), num_text(high / 10**exp, 2)
    if r.random() < 0.5:
        text = f"{sym}{lo}-{hi} {word}"
        cut = len(sym) + len(lo)
        return Q(text, [(0, cut, low, cur, "range"), (cut + 1, len(text), high, cur, "range")])
    a, b = f"{sym}{lo} {word}", f"{sym}{hi} {word}"
    text = f"between {a} and {b}"
    return Q(text, [(8, 8 + len(a), low, cur, "range"), (len(text) - len(b), len(text), high, cur, "range")])


def percent(r: random.Random, value: float, qual: str = "exact") -> Q:
    n = num_text(value, 1, commas=False)
    return hedge(r, r.choice([f"{n}%", f"{n} per cent", f"{n} percent"]), value, "percent", qual)


def count(r: random.Random, value: int, qual: str = "exact") -> Q:
    return hedge(r, f"{value:,}" if value >= 10000 or r.random() < 0.7 else str(value), value, "count", qual)


def age(r: random.Random, value: int, forms: tuple[str, ...] = ("{n}-year-old", "aged {n}", "at the age of {n}")) -> Q:
    form = r.choice(forms)
    text = form.format(n=value)
    return Q(text, [(0, len(text), value, "age", "exact")])


def year(value: int) -> Q:
    return Q(str(value), [(0, 4, value, "year", "exact")])


def date(r: random.Random, y: int, m: int, d: int) -> Q:
    style = r.randrange(5)
    if style == 0:
        text, iso = f"{MONTHS[m - 1]} {d}, {y}", f"{y:04d}-{m:02d}-{d:02d}"
    elif style == 1:
        text, iso = f"{d} {MONTHS[m - 1]} {y}", f"{y:04d}-{m:02d}-{d:02d}"
    elif style == 2:
        text, iso = f"{y:04d}-{m:02d}-{d:02d}", f"{y:04d}-{m:02d}-{d:02d}"
    elif style == 3:
        text, iso = f"{MONTHS[m - 1]} {y}", f"{y:04d}-{m:02d}"
    else:
        text, iso = f"{d} {MONTHS[m - 1]}", f"--{m:02d}-{d:02d}"
    return Q(text, [(0, len(text), iso, "date", "exact")])


def duration_range(low: int, high: int, unit: str) -> Q:
    text = f"{low} to {high} {unit}"
    return Q(
        text,
        [(0, len(str(low)), low, unit, "range"), (len(text) - len(f"{high} {unit}"), len(text), high, unit, "range")],
    )


def multiple(r: random.Random, value: float) -> Q:
    n = num_text(value, 1, commas=False)
    text = r.choice([f"{n}x", f"{n} times"])
    return Q(text, [(0, len(text), value, "multiplier", "exact")])


def nice(r: random.Random, low: float, high: float, digits: int = 2) -> float:
    """A round-looking number in [low, high): 2 or 3 significant digits."""
    x = r.uniform(low, high)
    mag = 10 ** (len(str(int(x))) - digits)
    return round(x / mag) * mag


# ---------------------------------------------------------------- the world
@dataclass
class Person:
    first: str
    last: str
    honorific: str
    title: str
    age: int

    @property
    def full(self) -> str:
        return f"{self.first} {self.last}"


@dataclass
class Deal:
    acquirer: str
    acq_short: str
    target: str
    tgt_short: str
    ceo: Person
    founder: Person
    product: str
    place: str
    currency: str
    value: float
    stake: float
    valuation: float
    revenue: float
    revenue_year: int
    founded: int
    headcount: int
    announced: tuple[int, int, int]


def company(r: random.Random, used: set[str]) -> tuple[str, str]:
    """A fictional company name never used before in this corpus."""
    for tries in range(10_000):
        short = r.choice(STEMS_A) + (r.choice(MIDDLES) if tries > 20 else "") + r.choice(STEMS_B)
        if short not in used:
            used.add(short)
            return f"{short} {r.choice(SUFFIXES)}", short
    raise ValueError("ran out of company names")


def person(r: random.Random, title: str) -> Person:
    return Person(r.choice(FIRST), r.choice(SURNAMES), r.choice(HONORIFICS), title, r.randint(24, 67))


def make_deal(r: random.Random, used: set[str]) -> Deal:
    acquirer, acq_short = company(r, used)
    target, tgt_short = company(r, used)
    cur = r.choices([c for c, _ in CURRENCIES], [w for _, w in CURRENCIES])[0]
    scale = 100.0 if cur == "JPY" else 1.0
    value = nice(r, 0.3e9, 40e9) * scale
    stake = r.choice([100, 100, 51, 49, 35, 20, 75])
    valuation = value * 100 / stake if stake < 100 else value
    valuation = round(valuation / 1e8) * 1e8
    return Deal(
        acquirer=acquirer,
        acq_short=acq_short,
        target=target,
        tgt_short=tgt_short,
        ceo=person(r, r.choice(EXEC_TITLES)),
        founder=person(r, "founder"),
        product=f"{r.choice(PRODUCTS)} {r.randint(2, 9)}",
        place=r.choice(PLACES),
        currency=cur,
        value=value,
        stake=stake,
        valuation=valuation,
        revenue=nice(r, 20e6, 2e9) * scale,
        revenue_year=r.randint(2019, 2025),
        founded=r.randint(1995, 2020),
        headcount=int(nice(r, 40, 25000)),
        announced=(r.randint(2021, 2026), r.randint(1, 12), r.randint(1, 28)),
    )


def misspell(r: random.Random, name: str) -> str:
    """A plausible typo: two neighbouring letters swapped or one doubled."""
    i = r.randrange(1, len(name) - 1)
    if r.random() < 0.5:
        return name[:i] + name[i + 1] + name[i] + name[i + 2 :]
    return name[:i] + name[i] + name[i:]


# ---------------------------------------------------------------- writing
class Writer:
    """Builds one article; records where each quantity landed."""

    def __init__(self, source: str) -> None:
        self.source, self.parts, self.pos = source, [], 0
        self.truth: list[list] = []

    def say(self, template: str, **slots: object) -> None:
        for literal, name, _spec, _conv in string.Formatter().parse(template):
            self._put(literal)
            if name is not None:
                self._put(slots[name])

    def _put(self, piece: object) -> None:
        if isinstance(piece, Q):
            for s, e, value, unit, qual in piece.items:
                self.truth.append([self.source, self.pos + s, self.pos + e, piece.text[s:e], value, unit, qual])
            piece = piece.text
        piece = str(piece)
        self.parts.append(piece)
        self.pos += len(piece)

    def text(self) -> str:
        return "".join(self.parts)


@dataclass
class View:
    """How one article sees its deal: which figures it reports, and how."""

    r: random.Random
    deal: Deal
    stance: str  # rumour, final or misreport
    ceo_name: str
    founder_name: str

    def value(self) -> Q:
        d, r = self.deal, self.r
        if self.stance == "rumour":
            kind = r.random()
            if kind < 0.4:
                return money(r, nice(r, d.value * 0.6, d.value * 0.95, 1), d.currency, "over")
            if kind < 0.75:
                return money(r, nice(r, d.value * 0.95, d.value * 1.08), d.currency, "approx")
            low = nice(r, d.value * 0.7, d.value * 0.9, 1)
            return money_range(r, low, low + 10 ** (len(str(int(low))) - 1), d.currency)
        if self.stance == "misreport":
            return money(r, nice(r, d.value * 1.1, d.value * 1.3), d.currency)
        return money(r, d.value, d.currency)

    def valuation(self) -> Q:
        d, r = self.deal, self.r
        v = d.valuation if self.stance != "misreport" else nice(r, d.valuation * 1.15, d.valuation * 1.4)
        return money(r, v, d.currency, "approx" if self.stance == "rumour" else "exact")

    def headcount(self) -> Q:
        d, r = self.deal, self.r
        if self.stance == "final":
            return count(r, d.headcount)
        return count(r, int(nice(r, d.headcount * 0.9, d.headcount * 1.1)), r.choice(["approx", "over", "exact"]))


Sentence = Callable[[Writer, View], None]


def s_deal(w: Writer, v: View) -> None:
    d, r = v.deal, v.r
    verb = "is in talks to buy" if v.stance == "rumour" else r.choice(["agreed to buy", "will acquire", "is buying"])
    stake = "" if d.stake == 100 else r.choice(["a {stake} stake in ", "{stake} of "])
    w.say(
        f"{d.acquirer} {verb} {stake}{d.target} for {{value}}, " + r.choice(SOURCES_PHRASES) + ".",
        stake=percent(r, d.stake),
        value=v.value(),
    )


SOURCES_PHRASES = [
    "according to people familiar with the matter",
    "the companies said in a statement",
    "two people briefed on the talks said",
    "according to a regulatory filing",
]


def s_valuation(w: Writer, v: View) -> None:
    d, r = v.deal, v.r
    w.say(
        r.choice(
            [
                f"The transaction values {d.tgt_short} at {{val}}.",
                f"That puts a price tag of {{val}} on {d.tgt_short}.",
                f"{d.tgt_short} was last valued at {{val}}, the report said.",
            ]
        ),
        val=v.valuation(),
    )


def s_revenue(w: Writer, v: View) -> None:
    d, r = v.deal, v.r
    mult = d.valuation / d.revenue
    w.say(
        f"{d.tgt_short} reported revenue of {{rev}} in {{yr}}, which means the buyer is paying {{mult}} sales.",
        rev=money(r, d.revenue, d.currency, r.choice(["exact", "exact", "approx"])),
        yr=year(d.revenue_year),
        mult=multiple(r, round(mult, 0) if mult > 10 else round(mult, 1)),
    )


def s_growth(w: Writer, v: View) -> None:
    d, r = v.deal, v.r
    w.say(
        "Sales grew {g} last year and are expected to reach {fut} by {yr}.",
        g=percent(r, r.randint(8, 140)),
        fut=money(r, nice(r, d.revenue * 1.3, d.revenue * 2.5), d.currency),
        yr=year(d.revenue_year + r.randint(1, 3)),
    )


def s_founder(w: Writer, v: View) -> None:
    d, r = v.deal, v.r
    f = d.founder
    w.say(
        r.choice(
            [
                f"{d.tgt_short} was founded in {{yr}} by {v.founder_name}, then {{age}}, in {d.place}.",
                f"Founded in {{yr}} and based in {d.place}, {d.tgt_short} is led by {v.founder_name}, {{age}}.",
            ]
        ),
        yr=year(d.founded if v.stance != "misreport" or r.random() < 0.5 else d.founded + 1),
        age=age(r, max(21, f.age - (2026 - d.founded)), ("aged {n}", "at the age of {n}")),
    )


def s_ceo(w: Writer, v: View) -> None:
    d, r = v.deal, v.r
    c = d.ceo
    w.say(
        r.choice(
            [
                f'"This is a defining moment for us," said {v.ceo_name}, {d.acq_short}\'s {c.title}.',
                f"{c.honorific} {c.last}, the {{age}} {c.title} of {d.acq_short}, called the deal "
                f"{r.choice(['transformative', 'a natural fit', 'overdue'])}.",
            ]
        ),
        age=age(r, c.age, ("{n}-year-old",)),
    )


def s_staff(w: Writer, v: View) -> None:
    d, r = v.deal, v.r
    w.say(
        r.choice(
            [
                f"{d.tgt_short} employs {{n}} people across {{offices}} offices.",
                f"The company has {{n}} staff, most of them engineers working on {d.product}.",
            ]
        ),
        n=v.headcount(),
        offices=count(r, r.randint(2, 30)),
    )


def s_timeline(w: Writer, v: View) -> None:
    d, r = v.deal, v.r
    y, m, day = d.announced
    if r.random() < 0.5:
        w.say(
            "The deal was announced on {date} and is expected to close in {dur}, pending approval in {place}.",
            date=date(r, y, m, day),
            dur=duration_range(*sorted(r.sample([6, 9, 12, 18, 24], 2)), "months"),
            place=d.place,
        )
    else:
        w.say(
            "Regulators have until {date} to review it; closing is expected in Q{q} {yr}.",
            date=date(r, y + (m > 6), (m + 5) % 12 + 1, day),
            q=r.randint(1, 4),
            yr=year(y + 1),
        )


def s_share_price(w: Writer, v: View) -> None:
    d, r = v.deal, v.r
    w.say(
        f"Shares of {d.acq_short} fell {{drop}} to {{px}} in early trading.",
        drop=percent(r, round(r.uniform(0.5, 9), 1)),
        px=price(r.randint(1200, 48000) / 100),
    )


def price(value: float) -> Q:
    text = f"${value:.2f}"
    return Q(text, [(0, len(text), value, "USD", "exact")])


def s_product(w: Writer, v: View) -> None:
    d, r = v.deal, v.r
    w.say(
        f"Its flagship {d.product} platform, which added 3D mapping and B2B billing this year, "
        f"serves {{cust}} customers in {{countries}} countries.",
        cust=count(r, int(nice(r, 200, 90000)), r.choice(["exact", "over"])),
        countries=count(r, r.randint(3, 120)),
    )


def s_context(w: Writer, v: View) -> None:
    d, r = v.deal, v.r
    w.say(
        r.choice(
            [
                f"Analysts said the move gives {d.acq_short} a foothold in a market rivals have struggled to enter.",
                f"The agreement follows months of speculation about {d.tgt_short}'s future.",
                "Neither company would comment on the terms beyond the statement.",
                f"Critics argue {d.acq_short} is overpaying, though investors appeared unconcerned.",
                "Competition authorities are expected to look closely at the combination.",
                f"Why now? {d.acq_short} has been under pressure to show growth.",
            ]
        )
    )


BANKS = ["Harlow & Finch", "Meridian Partners", "Calder Brothers", "Ostrander Securities", "Pell Street Capital"]
SEGMENTS = ["logistics software", "industrial sensors", "payments", "data labelling", "cloud security", "robotics"]


def s_advisers(w: Writer, v: View) -> None:
    d, r = v.deal, v.r
    a, b = r.sample(BANKS, 2)
    w.say(
        f"{a} advised {d.acq_short} and {b} advised {d.tgt_short}; the break fee is set at {{fee}}.",
        fee=money(r, nice(r, d.value * 0.02, d.value * 0.05), d.currency),
    )


def s_market(w: Writer, v: View) -> None:
    d, r = v.deal, v.r
    w.say(
        f"{d.tgt_short} holds {{share}} of the {r.choice(SEGMENTS)} market, which one research firm expects "
        "to be worth {size} by {yr}.",
        share=percent(r, r.randint(4, 45), r.choice(["exact", "approx", "over"])),
        size=money(r, nice(r, 5e9, 300e9), "USD"),
        yr=year(r.randint(2027, 2032)),
    )


def s_history(w: Writer, v: View) -> None:
    d, r = v.deal, v.r
    w.say(
        f"{d.acq_short} has spent {{spent}} on {{n}} acquisitions since {{yr}}, "
        "a pace that has drawn questions from some shareholders.",
        spent=money(r, nice(r, 1e9, 60e9), d.currency, r.choice(["exact", "over"])),
        n=count(r, r.randint(3, 40)),
        yr=year(r.randint(2005, 2020)),
    )


def s_earlier(w: Writer, v: View) -> None:
    d, r = v.deal, v.r
    if v.stance == "rumour":
        s_context(w, v)
        return
    w.say(
        "Earlier reports had put the price at {rumour}, and some had put it as low as {low}.",
        rumour=money(r, nice(r, d.value * 0.95, d.value * 1.05), d.currency, "approx"),
        low=money(r, nice(r, d.value * 0.5, d.value * 0.8, 1), d.currency),
    )


def s_outlook(w: Writer, v: View) -> None:
    d, r = v.deal, v.r
    w.say(
        r.choice(
            [
                f"People close to {d.acq_short} said integration work would start immediately, though the brands "
                "are expected to stay separate for now.",
                f"{d.tgt_short}'s existing investors, several of whom backed the company in its earliest rounds, "
                "are expected to see a sizeable return.",
                "Some customers said they were waiting to see whether prices would change once the deal closes.",
                f"A spokesperson for {d.acq_short} declined to say whether job cuts were planned.",
                "The deal is one of the largest in the sector this year, bankers said.",
            ]
        )
    )


BODY: list[Sentence] = [
    s_advisers,
    s_market,
    s_history,
    s_earlier,
    s_outlook,
    s_outlook,
    s_valuation,
    s_revenue,
    s_growth,
    s_founder,
    s_ceo,
    s_staff,
    s_timeline,
    s_share_price,
    s_product,
    s_context,
    s_context,
]


# ---------------------------------------------------------------- articles
def headline(v: View) -> str:
    d, r = v.deal, v.r
    if v.stance == "rumour":
        return f"{d.acq_short} In Talks To Buy {d.tgt_short}, Sources Say"
    return r.choice(
        [
            f"{d.acq_short} Agrees To Acquire {d.tgt_short}",
            f"{d.acq_short} bets big on {d.tgt_short} with landmark deal",
            f"Stay Ahead: What {d.acq_short}'s Purchase Of {d.tgt_short} Means",
        ]
    )


def article(r: random.Random, source: str, deal: Deal) -> Writer:
    stance = r.choices(["final", "rumour", "misreport"], [0.6, 0.3, 0.1])[0]
    founder = deal.founder.full
    if r.random() < 0.15:
        founder = f"{deal.founder.first} {misspell(r, deal.founder.last)}"
    v = View(r, deal, stance, f"{deal.ceo.honorific} {deal.ceo.full}", founder)
    w = Writer(source)
    style = r.choice(["wire", "blog", "analysis"])
    w.say("{h}\n", h=headline(v))
    y, m, day = deal.announced
    if style == "wire":
        w.say(
            "By {by} | {outlet}\n{date}\n\n", by=person(r, "").full, outlet=r.choice(OUTLETS), date=date(r, y, m, day)
        )
        w.say("{place} — ", place=deal.place.upper())
    elif style == "blog":
        w.say("Posted {date} by {by}\n\n", date=date(r, y, m, day), by=person(r, "").first)
        w.say("Big news today. ")
    else:
        w.say("Analysis | {outlet}\n\n", outlet=r.choice(OUTLETS))
    s_deal(w, v)
    body = r.sample(BODY, r.randint(12, len(BODY))) + r.sample(BODY, r.randint(0, 6))
    for i, sentence in enumerate(body):
        if style == "analysis" and i % 3 == 0:
            w.say("\n\n{n}. ", n=i // 3 + 1)  # list numbering: not a quantity
        elif i % 3 == 0:
            w.say("\n\n")
        else:
            w.say(" ")
        sentence(w, v)
    w.say("\n")
    return w


def generate(n: int, out: Path, seed: int = 7) -> dict:
    """Write `n` articles and truth.json into `out`; return the truth."""
    out.mkdir(parents=True, exist_ok=True)
    r = random.Random(seed)
    used: set[str] = set()
    deals = [make_deal(r, used) for _ in range(max(1, n // 12))]
    truth: list[list] = []
    chars = 0
    for i in range(n):
        source = f"{i:05d}_{hashlib.sha256(f'{seed}:{i}'.encode()).hexdigest()[:12]}.txt"
        w = article(random.Random(f"{seed}:{i}"), source, deals[i % len(deals)])
        text = w.text()
        (out / source).write_text(text, encoding="utf-8")
        truth.extend(w.truth)
        chars += len(text)
    doc = {"seed": seed, "articles": n, "chars": chars, "numbers": truth}
    (out / "truth.json").write_text(json.dumps(doc), encoding="utf-8")
    return doc


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("n", type=int, help="number of articles")
    p.add_argument("out", type=Path, help="folder to write (created)")
    p.add_argument("--seed", type=int, default=7)
    a = p.parse_args()
    doc = generate(a.n, a.out, a.seed)
    print(f"{a.n} articles, {doc['chars']:,} characters, {len(doc['numbers']):,} quantities -> {a.out}")


if __name__ == "__main__":
    main()
