"""The number grammar as real coverage writes it: one case per line in data/number_cases.yaml beside it.

Every sentence there is written for these tests; each section is one class of writing
(European notation, currency after the amount, numeric dates, periods, signs, ...).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from facts.extract.numbers import find_numbers
from facts.model import Number

CASES: dict[str, Any] = yaml.safe_load((Path(__file__).parent / "data" / "number_cases.yaml").read_text("utf-8"))
QUANTITIES = [(section, *case) for section, cases in CASES.items() if section != "not_numbers" for case in cases]


def _quoted(text: str) -> dict[str, Number]:
    return {n.span.text: n for n in find_numbers(text, "case.txt")}


@pytest.mark.parametrize("case", QUANTITIES, ids=[f"{c[0]}:{c[2]}" for c in QUANTITIES])
def test_each_written_quantity_is_read_whole_with_its_value_and_unit(case: tuple[Any, ...]) -> None:
    _section, text, quote, value, unit, *rest = case
    found = _quoted(text)
    assert quote in found, f"{quote!r} not among {list(found)}"
    n = found[quote]
    assert n.unit == unit
    if unit == "date":
        assert n.value == value
    else:
        assert n.value == pytest.approx(float(value))  # YAML reads "4.2e6" as text
    if rest:
        assert n.qualifier == rest[0]


@pytest.mark.parametrize("text", CASES["not_numbers"])
def test_digits_in_names_labels_and_addresses_are_no_quantities(text: str) -> None:
    found = find_numbers(text, "case.txt")
    assert found == [], [n.span.text for n in found]


def test_a_spaced_figure_is_never_split_in_two() -> None:
    found = find_numbers("Staff fell to approximately 7 500 from 8 100.", "case.txt")
    assert [(n.span.text, n.value) for n in found] == [("approximately 7 500", 7500), ("8 100", 8100)]


def test_an_undecided_day_month_order_is_reported_once_as_a_date() -> None:
    found = find_numbers("The vote is on 4/5/2024.", "case.txt")
    assert [(n.span.text, n.unit) for n in found] == [("4/5/2024", "date")]


def test_a_quarter_without_a_year_is_no_number() -> None:
    assert find_numbers("Growth slowed in Q3 and Q4.", "case.txt") == []


def test_two_digit_years_in_periods_and_compact_dates_are_this_century() -> None:
    found = {n.span.text: n.value for n in find_numbers("In FY19, on 1-Jan-19.", "case.txt")}
    assert found == {"FY19": 2019, "1-Jan-19": "2019-01-01"}
