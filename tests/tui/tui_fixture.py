"""A small hand-built fact base for TUI tests and snapshots.

An invented deal (a robotics firm buying a software startup), written for
these tests, so snapshots stay stable however the extractor changes. One
source is hostile: markup, ANSI and OSC 52 escapes in its text.
"""

from __future__ import annotations

import re

from facts.model import Attribution, Check, Claim, Conflict, Entity, FactBase, Number, Span, number_id
from facts.read.corpus import make_source

ALPHA = (
    "Harborline agrees to buy Quillfeather for $2.4 billion\n"
    "Dockside Ledger, 2031-04-02\n\n"
    "Harborline Robotics said on Tuesday it will pay $2.4 billion for Quillfeather Analytics, "
    "a maker of warehouse software. Quillfeather chief executive Mira Okonkwo will join the "
    "Harborline board. The startup was founded in 2019 and employs 340 people. "
    "Quillfeather expects its revenue to double to $300 million next year, from $140 million this year.\n"
)
BETA = (
    "Quillfeather deal valued at more than $2 billion, people say\n"
    "The Pier Gazette\n\n"
    "People close to the talks said Harborline would pay more than $2 billion for the startup. "
    "Ms. Okonkwo founded Quillfeather in 2018 with two partners. Harborline plans to keep all 340 staff.\n"
)
GAMMA = (
    "Harborline takes a 60% stake, not the whole company\n\n"
    "Quillfeather will stay independent: Harborline Robotics is taking a 60% stake for "
    "$2.4 billion, according to a filing. Okonkwo remains chief executive. "
    "The filing values Quillfeather at $4.1 billion.\n"
)
HOSTILE = (
    "Notes with [bold red]x[/] markup and [@click=app.quit]click me[/] inside\n\n"
    "An escape \x1b[31mred\x1b[0m and a clipboard write \x1b]52;c;aGVsbG8=\x07 sit in this line. "
    "Someone claims Harborline paid $9 billion [link=http://example.com]here[/link].\n"
)
TEXTS = {"alpha.txt": ALPHA, "beta.txt": BETA, "gamma.txt": GAMMA, "hostile.txt": HOSTILE}
META = {
    "alpha.txt": ("Dockside Ledger", "2031-04-02"),
    "beta.txt": ("The Pier Gazette", "2031-03-28"),
    "gamma.txt": ("", "2031-04-05"),
    "hostile.txt": ("", ""),
}


def span(source: str, quote: str, occurrence: int = 1) -> Span:
    text = TEXTS[source]
    start = -1
    for _ in range(occurrence):
        start = text.index(quote, start + 1)
    return Span(source=source, start=start, end=start + len(quote), text=quote)


def sentence(source: str, inner: Span) -> Span:
    text = TEXTS[source]
    stop = text.rfind(". ", 0, inner.start)
    start = max(stop + 2 if stop >= 0 else 0, text.rfind("\n", 0, inner.start) + 1)
    ends = [i for i in (text.find(". ", inner.end), text.find(".\n", inner.end)) if i >= 0]
    end = min(ends) + 1 if ends else len(text)
    end = min(end, text.find("\n", inner.end) if "\n" in text[inner.end :] else end)
    return Span(source=source, start=start, end=end, text=text[start:end])


def number(source: str, quote: str, value: float, unit: str, attribute: str, occurrence: int = 1, **kw) -> Number:
    s = span(source, quote, occurrence)
    return Number(
        id=number_id(source, s.start),
        span=s,
        value=value,
        unit=unit,
        attribute=attribute,
        sentence=sentence(source, s),
        **kw,
    )


def mentions(forms: list[str]) -> list[Span]:
    """Every occurrence of the forms in every source, longest form first, no overlaps."""
    found: list[Span] = []
    for source, text in TEXTS.items():
        taken: set[int] = set()
        for form in sorted(forms, key=len, reverse=True):
            for m in re.finditer(rf"\b{re.escape(form)}\b", text):
                if taken.isdisjoint(range(m.start(), m.end())):
                    taken.update(range(m.start(), m.end()))
                    found.append(Span(source=source, start=m.start(), end=m.end(), text=m.group()))
    return sorted(found, key=lambda s: (s.source, s.start))


def claim(n: Number) -> Claim:
    return Claim.of_number(n)


def said(kind: str, origin: str, source: str, words: str, entity: str = "") -> Attribution:
    """Who says a figure, citing the attributing words."""
    return Attribution(kind=kind, origin=origin, entity=entity, span=span(source, words))


def checks(valuation: Number, price: Number, stake: Number, base: Number, target: Number) -> list[Check]:
    """Two deal-arithmetic checks: a stake's implied valuation, and a growth word against its target."""
    double = span("alpha.txt", "double")
    return [
        Check(
            id="check:implied-valuation:gamma",
            kind="implied valuation",
            attribute="valuation",
            inputs=[claim(price), claim(stake)],
            implied=4e9,
            unit="USD",
            confirms=[claim(valuation)],
            gap=0.025,
            explanation="$2.4B for 60% implies $4B: close to the reported $4.1B (2.5%)",
        ),
        Check(
            id="check:growth:alpha",
            kind="growth",
            attribute="revenue",
            inputs=[
                claim(base),
                Claim(span=double, value=2, unit="multiplier", sentence=sentence("alpha.txt", double)),
            ],
            implied=2.8e8,
            unit="USD",
            contradicts=[claim(target)],
            gap=0.071,
            explanation="double $140M is $280M: 7.1% below the reported $300M",
        ),
    ]


def factbase() -> FactBase:
    sources = []
    for sid, text in TEXTS.items():
        src = make_source(sid, f"fixture/{sid}", text)
        src.outlet, src.date = META[sid]
        sources.append(src)
    official = said("official", "Harborline Robotics", "alpha.txt", "Harborline Robotics said", "harborline-robotics")
    alpha_price = number(
        "alpha.txt", "$2.4 billion", 2.4e9, "USD", "deal value", occurrence=2, attribution=official,
        subject="quillfeather-analytics",
    )  # fmt: skip
    insiders = said("anonymous", "people close to the talks", "beta.txt", "People close to the talks said")
    beta_price = number(
        "beta.txt", "$2 billion", 2e9, "USD", "deal value", 2, qualifier="over", low=2e9, attribution=insiders,
        subject="quillfeather-analytics",
    )  # fmt: skip
    filing = said("official", "a filing", "gamma.txt", "according to a filing")
    gamma_price = number("gamma.txt", "$2.4 billion", 2.4e9, "USD", "deal value", attribution=filing)
    stake = number("gamma.txt", "60%", 60, "percent", "stake", 2, attribution=filing)
    valuation = number("gamma.txt", "$4.1 billion", 4.1e9, "USD", "valuation", attribution=filing)
    base = number("alpha.txt", "$140 million", 1.4e8, "USD", "revenue", period="2031")
    target = number("alpha.txt", "$300 million", 3e8, "USD", "revenue", period="2032")
    alpha_year = number("alpha.txt", "2019", 2019, "year", "founding year")
    beta_year = number("beta.txt", "2018", 2018, "year", "founding year")
    numbers = [
        number("alpha.txt", "$2.4 billion", 2.4e9, "USD", "deal value"),
        alpha_price,
        alpha_year,
        number("alpha.txt", "340", 340, "count", "headcount"),
        target,
        base,
        number("beta.txt", "$2 billion", 2e9, "USD", "deal value", qualifier="over", low=2e9),
        beta_price,
        beta_year,
        number("beta.txt", "340", 340, "count", "headcount"),
        number("gamma.txt", "60%", 60, "percent", "stake"),
        stake,
        gamma_price,
        valuation,
        number(
            "hostile.txt", "$9 billion", 9e9, "USD", "deal value",
            attribution=said("hearsay", "someone", "hostile.txt", "Someone claims"),
        ),
    ]  # fmt: skip
    entities = [
        Entity(
            id="harborline-robotics",
            name="Harborline Robotics",
            kind="organisation",
            aliases=["Harborline"],
            mentions=mentions(["Harborline Robotics", "Harborline"]),
        ),
        Entity(
            id="quillfeather-analytics",
            name="Quillfeather Analytics",
            kind="organisation",
            aliases=["Quillfeather"],
            mentions=mentions(["Quillfeather Analytics", "Quillfeather"]),
        ),
        Entity(
            id="mira-okonkwo",
            name="Mira Okonkwo",
            kind="person",
            aliases=["Okonkwo", "Ms. Okonkwo"],
            mentions=mentions(["Mira Okonkwo", "Ms. Okonkwo", "Okonkwo"]),
        ),
        Entity(
            id="dockside-ledger",
            name="Dockside Ledger",
            kind="publication",
            mentions=mentions(["Dockside Ledger"]),
        ),
    ]
    structure_alpha = span("alpha.txt", "will pay $2.4 billion for Quillfeather Analytics")
    structure_gamma = span("gamma.txt", "taking a 60% stake")
    conflicts = [
        Conflict(
            id="founding-year",
            attribute="founding year",
            verdict="contradiction",
            explanation="2019 vs 2018 cannot both hold",
            claims=[claim(alpha_year), claim(beta_year)],
        ),
        Conflict(
            id="deal-value",
            attribute="deal value",
            verdict="compatible",
            explanation="over $2B is compatible with $2.4B",
            subject="quillfeather-analytics",
            claims=[claim(alpha_price), claim(beta_price), claim(gamma_price)],
        ),
        Conflict(
            id="deal-structure",
            attribute="deal structure",
            kind="qualitative",
            verdict="contradiction",
            explanation="buying the whole company is not taking a 60% stake",
            provenance="curated",
            claims=[
                Claim(span=structure_alpha, sentence=sentence("alpha.txt", structure_alpha), provenance="curated"),
                Claim(span=structure_gamma, sentence=sentence("gamma.txt", structure_gamma), provenance="curated"),
            ],
        ),
    ]
    return FactBase(corpus="harborline-fixture", sources=sources, numbers=numbers, entities=entities,
                    conflicts=conflicts, checks=checks(valuation, gamma_price, stake, base, target))  # fmt: skip


async def loaded(pilot, limit: float = 20.0) -> None:
    """Wait until the app has indexed its fact base (a worker thread does it)."""
    waited = 0.0
    while pilot.app.lookup is None and waited < limit:
        await pilot.pause(0.02)
        waited += 0.02
    await pilot.pause()


async def until(pilot, condition, limit: float = 5.0) -> bool:  # type: ignore[no-untyped-def]
    """Wait until `condition()` holds (messages hop through queues: a loaded machine needs more than one pause)."""
    waited = 0.0
    while not condition() and waited < limit:
        await pilot.pause(0.02)
        waited += 0.02
    return bool(condition())


def check(fb: FactBase) -> None:
    """Every span of the fixture quotes its source exactly (the project's rule)."""
    spans = [n.span for n in fb.numbers] + [m for e in fb.entities for m in e.mentions]
    spans += [c.span for k in fb.conflicts for c in k.claims]
    spans += [c.span for k in fb.checks for c in (*k.inputs, *k.confirms, *k.contradicts)]
    spans += [n.attribution.span for n in fb.numbers if n.attribution and n.attribution.span]
    for s in spans:
        assert TEXTS[s.source][s.start : s.end] == s.text, s


def table_lines(app, selector: str) -> list[str]:
    """Every line a FactTable draws: its header, then one per row."""
    table = app.screen.query_one(selector)
    return [table.render_line(y).text for y in range(len(table.rows) + 1)]


def plain(widget) -> str:
    content = widget.content
    return getattr(content, "plain", str(content))


async def settle(pilot, done, limit: float = 10.0) -> None:
    """Pause until `done()` holds (a worker posting its result), at most `limit` seconds."""
    waited = 0.0
    while not done() and waited < limit:
        await pilot.pause(0.02)
        waited += 0.02
    await pilot.pause()


# the two sizes every workflow is tried at: a small terminal and a common one (issue 16)
SIZES = [(80, 24), (120, 36)]
