"""Properties of the grammar on generated text: every written figure is read once, whole.

Text is built from quantities written in many notations, names and addresses with
digits that are no quantities, and neutral filler words between them. Whatever the
mix, each digit of a quantity lies inside exactly one number, no digit of a name or
address lies inside any, spans quote the text and never overlap.
"""

from __future__ import annotations

import time

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from facts.extract.numbers import find_numbers
from facts.model import Number

FILLER = ["said", "rose", "while", "that", "board", "the", "and", "with", "reported", "yesterday"]
NOT_NUMBERS = [
    "Pixel 8", "GPT-4o", "Schedule 14A", "Form 10-K", "A320neo", "COVID-19", "F-35", "Q3",
    "https://example.org/2024/05/item-88123", "section 4", "Orca 2",
]  # fmt: skip
PREFIXES = ["$", "€", "£", "US$", "CHF ", "HK$", "Rs ", "R$", "A$", "C$"]
AFTER = [" dollars", " euros", " of yen", " USD", " €", "%", " per cent", " bps", " billion dollar", "x", " times"]
SCALES = ["", " million", " billion", "bn", "m"]
MONTHS = ["Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def _english(n: int, cents: int | None) -> str:
    body = f"{n:,}"
    return body if cents is None else f"{body}.{cents:02d}"


def _european(n: int, cents: int | None) -> str:
    body = f"{n:,}".replace(",", " ")
    return body if cents is None else f"{body},{cents:02d}"


@st.composite
def amount(draw: st.DrawFn) -> str:
    n = draw(st.integers(min_value=1, max_value=9_999_999))
    cents = draw(st.one_of(st.none(), st.integers(min_value=1, max_value=99)))
    body = draw(st.sampled_from([_english, _european]))(n, cents)
    form = draw(st.integers(min_value=0, max_value=2))
    if form == 0:
        scale = draw(st.sampled_from(SCALES))
        return draw(st.sampled_from(PREFIXES)) + body + (scale if scale != "m" or cents else "")
    if form == 1:
        return body + draw(st.sampled_from(AFTER))
    return draw(st.sampled_from(["about ", "over ", "up to ", "nearly ", "~"])) + body + " employees"


@st.composite
def date(draw: st.DrawFn) -> str:
    d, m = draw(st.integers(min_value=1, max_value=28)), draw(st.integers(min_value=1, max_value=12))
    y = draw(st.integers(min_value=1990, max_value=2030))
    forms = [
        f"{d:02d}.{m:02d}.{y}",
        f"{d}/{m}/{y}",
        f"{d}-{MONTHS[m % 11]}-{y % 100:02d}",
        f"{d}-{MONTHS[m % 11]}",
        f"{MONTHS[m % 11]}-{y}",
        f"{d} {MONTHS[m % 11]} {y}",
        f"FY{y % 100:02d}",
        f"{1 + m % 4}Q{y % 100:02d}",
        f"Q{1 + m % 4} {y}",
        f"{y}-{m:02d}-{d:02d}",
    ]
    return draw(st.sampled_from(forms))


piece = st.one_of(
    amount().map(lambda s: (s, True)),
    date().map(lambda s: (s, True)),
    st.sampled_from(NOT_NUMBERS).map(lambda s: (s, False)),
)


def _assemble(parts: list[tuple[str, bool]], fillers: list[str]) -> tuple[str, list[tuple[int, int, bool]]]:
    text, spans = "Today", []
    for (p, is_number), word in zip(parts, fillers, strict=False):
        text += f" {word} "
        spans.append((len(text), len(text) + len(p), is_number))
        text += p
    return text + " today.", spans


def _covering(found: list[Number], i: int) -> list[Number]:
    return [n for n in found if n.span.start <= i < n.span.end]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(piece, min_size=1, max_size=8), st.lists(st.sampled_from(FILLER), min_size=8, max_size=8))
def test_each_digit_run_is_inside_exactly_one_number_or_a_known_non_number(
    parts: list[tuple[str, bool]], fillers: list[str]
) -> None:
    text, spans = _assemble(parts, fillers)
    found = find_numbers(text, "generated.txt")
    previous_end = 0
    for n in found:
        assert text[n.span.start : n.span.end] == n.span.text
        assert n.span.start >= previous_end, "numbers never overlap"
        previous_end = n.span.end
    for start, end, is_number in spans:
        digits = [i for i in range(start, end) if text[i].isdigit()]
        owners = {id(n) for i in digits for n in _covering(found, i)}
        if is_number:
            assert all(len(_covering(found, i)) == 1 for i in digits), (text[start:end], text)
            assert len(owners) == 1, f"{text[start:end]!r} read as {len(owners)} numbers in {text!r}"
        else:
            assert not owners, f"{text[start:end]!r} read as a number in {text!r}"


def test_a_line_of_forty_thousand_spaces_never_hangs() -> None:
    for space in (" ", "\u00a0", "\u2009"):
        text = "7" + space * 40_000 + "500 and 12" + space * 40_000 + "€"
        started = time.perf_counter()
        find_numbers(text, "spaces.txt")
        assert time.perf_counter() - started < 30.0  # a guard against a hang, not a timing: benchmarks/bounded.py


def test_a_megabyte_line_stays_fast() -> None:
    unit = "Orsa paid about 2 450,5 million euros on 3/7/2019, and its board said the terms were fair to all. " * 2
    line = unit * (1_000_000 // len(unit) + 1)
    started = time.perf_counter()
    found = find_numbers(line, "line.txt")
    assert len(found) == 4 * line.count(unit)
    assert time.perf_counter() - started < 60.0  # linear; the bound leaves room for a loaded machine
    for text in ("123 " * 250_000, "12." * 330_000, "a" * 1_000_000, "-" * 1_000_000, "9" * 1_000_000):
        started = time.perf_counter()
        find_numbers(text, "line.txt")
        assert time.perf_counter() - started < 30.0
