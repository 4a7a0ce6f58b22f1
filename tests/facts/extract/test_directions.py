"""A change keeps its figure as written and says which way it went."""

from __future__ import annotations

import pytest

from facts.extract.numbers import find_numbers


def _directions(text: str) -> list[tuple[str, float | str, str]]:
    return [(n.span.text, n.value, n.direction) for n in find_numbers(text, "a.txt")]


@pytest.mark.parametrize(
    ("text", "quote", "direction"),
    [
        ("Orsa shares fell 8% in early trading.", "8%", "down"),
        ("Margins slipped by about 2.5% last quarter.", "about 2.5%", "down"),
        ("Analysts expect a 14% drop in bookings.", "14%", "down"),
        ("The lender reported a decline of 6% in loans.", "6%", "down"),
        ("Bookings were down 3% on the year.", "3%", "down"),
        ("Sales rose 11% to a record.", "11%", "up"),
        ("Revenue climbed by $2 billion.", "$2 billion", "up"),
        ("Staff numbers saw growth of 9% this year.", "9%", "up"),
        ("The bid was 30% higher than the last one.", "30%", "up"),
        ("Tamsin paid 25% more for the site.", "25%", "up"),
    ],
)
def test_a_change_keeps_its_figure_and_says_its_direction(text: str, quote: str, direction: str) -> None:
    found = [(q, d) for q, _, d in _directions(text)]
    assert (quote, direction) in found
    value = next(v for q, v, _ in _directions(text) if q == quote)
    assert isinstance(value, float) and value > 0  # the contract's convention: the figure as written


@pytest.mark.parametrize(
    "text",
    [
        "Orsa employs 400 people.",
        "Up to 40% of the staff may leave.",  # a hedge, not a rise
        "Buyers made a 20% down payment.",
        "The firm hired 12 more engineers.",  # a count, not a change
        "The rate fell to 4% in 2024.",  # the level reached, not the change
        "Sales fell in 2023.",  # a year does not move
    ],
)
def test_levels_hedges_and_counts_have_no_direction(text: str) -> None:
    assert all(d == "" for _, _, d in _directions(text))
