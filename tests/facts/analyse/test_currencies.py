"""Figures in two currencies, compared only at a rate the articles themselves state."""

from __future__ import annotations

from pathlib import Path

from facts.analyse.rates import find_rates
from facts.extract.numbers import find_numbers
from facts.model import Conflict, FactBase
from tests.facts.articles import build


def rate(text: str, a: str, b: str) -> float | None:
    return find_rates(find_numbers(text, "a.txt"), {"a.txt": text}).rate(a, b)


def numeric(fb: FactBase) -> list[Conflict]:
    return [c for c in fb.conflicts if c.kind == "numeric"]


# ---------------------------------------------------------------- stated rates
def test_a_bracketed_conversion_states_a_rate() -> None:
    r = rate("The group paid €2.0 billion ($2.2 billion) in cash.", "EUR", "USD")
    assert r is not None and abs(r - 1.1) < 1e-9
    back = rate("The group paid €2.0 billion ($2.2 billion) in cash.", "USD", "EUR")
    assert back is not None and abs(back - 1 / 1.1) < 1e-9


def test_a_hedged_conversion_in_brackets_states_a_rate() -> None:
    r = rate("It paid £1.0 billion (about $1.3 billion) for the plant.", "GBP", "USD")
    assert r is not None and abs(r - 1.3) < 1e-9


def test_an_explicit_rate_is_read() -> None:
    r = rate("The figures assume €1 = $1.08 throughout.", "EUR", "USD")
    assert r is not None and abs(r - 1.08) < 1e-9


def test_a_rate_per_currency_word_is_read() -> None:
    r = rate("Prices were converted at 1.25 dollars per pound.", "GBP", "USD")
    assert r is not None and abs(r - 1.25) < 1e-9


def test_two_unrelated_figures_state_no_rate() -> None:
    assert rate("It paid €2 billion for the plant and later sold a depot for $90 million.", "EUR", "USD") is None
    assert rate("Copper traded at $4 per pound of metal.", "GBP", "USD") is None


def test_the_median_of_several_rates_is_kept() -> None:
    text = "A cost €1.0 billion ($1.1 billion). B cost €2.0 billion ($2.0 billion). C cost €1.0 billion ($1.2 billion)."
    r = rate(text, "EUR", "USD")
    assert r is not None and abs(r - 1.1) < 1e-9


# ---------------------------------------------------------------- conflicts across currencies
DEAL_EUR = "Tarnwick Foods agreed to buy Pellory Dairy for €3.2 billion, the companies said on Monday.\n"
RATE = "Pellory Dairy had revenue of €1.1 billion (about $1.2 billion) last year.\n"


def pays(amount: str) -> str:
    return f"Tarnwick Foods will pay {amount} for Pellory Dairy.\n"


def test_bracketed_conversions_make_two_currencies_agree(tmp_path: Path) -> None:
    fb = build(
        tmp_path,
        {
            "a.txt": "Tarnwick Foods agreed to buy Pellory Dairy for €3.2 billion ($3.5 billion) on Monday.\n",
            "b.txt": "Tarnwick Foods will pay €3.2 billion for Pellory Dairy.\n",
            "c.txt": "Tarnwick Foods will pay $3.5 billion for Pellory Dairy.\n",
        },
    )
    assert numeric(fb) == []


def test_a_clear_difference_across_currencies_is_a_contradiction_naming_the_rate(tmp_path: Path) -> None:
    fb = build(tmp_path, {"a.txt": DEAL_EUR + RATE, "b.txt": pays("$4.6 billion")})
    (c,) = [c for c in numeric(fb) if c.attribute.startswith("deal value")]
    assert c.verdict == "contradiction"
    assert {cl.span.text for cl in c.claims} >= {"€3.2 billion", "$4.6 billion"}
    assert "1.09 $/€" in c.explanation and "€3.2B" in c.explanation and "$4.6B" in c.explanation


def test_a_few_percent_across_currencies_is_compatible_because_of_the_rate(tmp_path: Path) -> None:
    fb = build(tmp_path, {"a.txt": DEAL_EUR + RATE, "b.txt": pays("$3.6 billion")})
    (c,) = [c for c in numeric(fb) if c.attribute.startswith("deal value")]
    assert c.verdict == "compatible"
    assert "€3.2B is about $3.49B at the articles' own rate of 1.09 $/€" in c.explanation


def test_without_a_stated_rate_currencies_are_not_compared(tmp_path: Path) -> None:
    fb = build(tmp_path, {"a.txt": DEAL_EUR, "b.txt": pays("$4.6 billion")})
    assert [c for c in numeric(fb) if c.attribute.startswith("deal value")] == []


def test_an_explicit_rate_lets_currencies_be_compared(tmp_path: Path) -> None:
    explicit = DEAL_EUR + "The filing converts at €1 = $1.08.\n"
    fb = build(tmp_path, {"a.txt": explicit, "b.txt": pays("$4.6 billion")})
    (c,) = [c for c in numeric(fb) if c.attribute.startswith("deal value")]
    assert c.verdict == "contradiction"
    assert "1.08 $/€" in c.explanation
