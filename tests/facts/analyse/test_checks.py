"""Deal arithmetic: what the reported figures imply, held against what is
reported. The articles are made up about fictional companies; the last tests
run on the seed articles for the two checks issue 8 asks for."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from facts.model import Check, FactBase
from facts.store.contract import to_contract
from tests.conftest import SHARED
from tests.facts.articles import build

ANNOUNCEMENT = """Northwind buys a stake in Helix Vision

Northwind Platforms said it agreed to pay $6 billion for a 40% stake in Helix Vision, valuing it at $15 billion.
Helix Vision had revenue of $500 million in 2024, which is expected to double to $1.2 billion in 2025.
"""
ANALYSIS = """A second look at Helix Vision

Analysts put the valuation of Helix Vision at $18 billion.
"""


def checks(fb: FactBase, kind: str) -> list[Check]:
    return [c for c in fb.checks if c.kind == kind]


def values(claims) -> list[float]:
    return sorted(float(c.value) for c in claims)


def test_an_amount_for_a_stake_implies_a_valuation_held_against_each_report(tmp_path: Path):
    fb = build(tmp_path, {"a.txt": ANNOUNCEMENT, "b.txt": ANALYSIS})
    (check,) = checks(fb, "implied valuation")
    assert check.implied == pytest.approx(15e9)
    assert values(check.inputs) == [40, 6e9]
    assert values(check.confirms) == [15e9]
    assert values(check.contradicts) == [18e9]
    assert check.gap == pytest.approx(0)
    assert check.explanation == "$6B for 40% implies $15B: matches the reported $15B, 17% below the reported $18B."


def test_an_implied_value_off_by_more_than_the_rounding_contradicts(tmp_path: Path):
    text = "Orbit Labs paid $9.8 billion for a 35% stake in Tern Analytics, valuing Tern Analytics at $25 billion.\n"
    fb = build(tmp_path, {"a.txt": text})
    (check,) = checks(fb, "implied valuation")
    assert check.implied == pytest.approx(28e9)
    assert check.confirms == [] and values(check.contradicts) == [25e9]
    assert "12% above the reported $25B" in check.explanation


def test_doubling_a_years_revenue_is_held_against_the_next_years_forecast(tmp_path: Path):
    fb = build(tmp_path, {"a.txt": ANNOUNCEMENT})
    (check,) = checks(fb, "growth")
    assert check.attribute == "revenue (2025)"
    assert check.implied == pytest.approx(1e9)
    assert values(check.inputs) == [5e8]
    assert values(check.contradicts) == [1.2e9]
    assert "double" in check.explanation


def test_price_per_share_times_shares_checks_the_headline_value(tmp_path: Path):
    text = "Kestrel Foods offered $30 a share for 50 million shares, a deal worth $1.5 billion.\n"
    fb = build(tmp_path, {"a.txt": text})
    (check,) = checks(fb, "price x shares")
    assert check.implied == pytest.approx(1.5e9)
    assert values(check.confirms) == [1.5e9]


def test_cash_and_stock_add_up_to_the_price(tmp_path: Path):
    text = "Kestrel Foods will pay $2 billion, made of $1.2 billion in cash and $0.9 billion in stock.\n"
    fb = build(tmp_path, {"a.txt": text})
    (check,) = checks(fb, "cash + stock")
    assert check.implied == pytest.approx(2.1e9)
    assert values(check.contradicts) == [2e9]


def test_revenue_times_a_sales_multiple_implies_the_valuation(tmp_path: Path):
    text = (
        "Tern Analytics reported revenue of $400 million in 2024.\n"
        "Its valuation of $10 billion puts it at a price-to-sales ratio of 25x.\n"
    )
    fb = build(tmp_path, {"a.txt": text})
    (check,) = checks(fb, "revenue x multiple")
    assert check.implied == pytest.approx(10e9)
    assert values(check.confirms) == [10e9]


def test_an_offer_against_the_prior_close_implies_the_premium(tmp_path: Path):
    text = "Kestrel Foods offered $26 a share, a 30% premium to the closing price of $20 on Friday.\n"
    fb = build(tmp_path, {"a.txt": text})
    (check,) = checks(fb, "premium")
    assert check.unit == "percent"
    assert check.implied == pytest.approx(30)
    assert values(check.confirms) == [30]


def test_figures_that_cannot_be_paired_make_no_check(tmp_path: Path):
    text = (
        "Orbit Labs bought a 20% stake in Tern Analytics.\n"
        "Orbit Labs invested $2 billion in one rival and $3 billion in another.\n"
        "Tern Analytics is valued at $10 billion.\n"
    )
    fb = build(tmp_path, {"a.txt": text})
    assert checks(fb, "implied valuation") == []


def test_check_ids_are_stable_and_distinct(tmp_path: Path):
    first = build(tmp_path / "one", {"a.txt": ANNOUNCEMENT, "b.txt": ANALYSIS})
    second = build(tmp_path / "two", {"a.txt": ANNOUNCEMENT, "b.txt": ANALYSIS})
    ids = [c.id for c in first.checks]
    assert ids == [c.id for c in second.checks]
    assert len(set(ids)) == len(ids)


def test_the_contract_lists_checks_with_cited_inputs(tmp_path: Path):
    fb = build(tmp_path, {"a.txt": ANNOUNCEMENT, "b.txt": ANALYSIS})
    data = json.loads(json.dumps(to_contract(fb)))
    check = next(c for c in data["checks"] if c["kind"] == "implied valuation")
    assert {
        "id",
        "kind",
        "attribute",
        "inputs",
        "implied",
        "unit",
        "confirms",
        "contradicts",
        "gap",
        "explanation",
    } <= set(check)
    text = (tmp_path / "a.txt").read_text(encoding="utf-8")
    for cited in check["inputs"]:
        assert text[cited["start"] : cited["end"]] == cited["text"]
    assert data["numbers"][0]["attribution"]["kind"] == "official"


# ---------------------------------------------------------------- the seeds
@pytest.fixture(scope="module")
def seeds(tmp_path_factory: pytest.TempPathFactory) -> FactBase:
    folder = SHARED / "seeds"
    if not folder.is_dir():
        pytest.skip("the shared seed articles are not here")
    texts = {p.name: p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))}
    return build(tmp_path_factory.mktemp("seeds"), texts)


def test_seeds_hold_the_stake_valuation_against_both_reported_valuations(seeds: FactBase):
    (check,) = checks(seeds, "implied valuation")
    assert len(check.confirms) + len(check.contradicts) >= 2
    assert {float(c.value) for c in check.confirms} != {float(c.value) for c in check.contradicts}
    assert {c.span.source for c in check.inputs} == {c.span.source for c in check.confirms + check.contradicts}


def test_seeds_hold_the_revenue_forecast_against_doubling(seeds: FactBase):
    (check,) = checks(seeds, "growth")
    assert "double" in check.explanation
    assert check.contradicts and not check.confirms
