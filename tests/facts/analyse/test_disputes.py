"""Disagreements in words, found in invented articles read by the real pipeline."""

from __future__ import annotations

from pathlib import Path

import pytest

from facts.model import Conflict, FactBase
from tests.facts.articles import build


def disputes(fb: FactBase, attribute: str) -> list[Conflict]:
    return [c for c in fb.conflicts if c.kind == "qualitative" and c.attribute.startswith(attribute)]


def quotes(c: Conflict) -> set[tuple[str, str]]:
    return {(cl.span.source, cl.span.text) for cl in c.claims}


# ---------------------------------------------------------------- deal structure
BUY = (
    "Halvorsen Group agreed on Monday to acquire Corvane Systems for $3 billion. "
    "Halvorsen Group said Corvane Systems would join its software unit next year.\n"
)
STAKE = (
    "Halvorsen Group is buying a 30% non-voting stake in Corvane Systems for $3 billion. "
    "Corvane Systems will remain independent, its chair said.\n"
)


def test_acquisition_and_minority_stake_contradict_across_sources(tmp_path: Path) -> None:
    fb = build(tmp_path, {"a.txt": BUY, "b.txt": STAKE})
    (c,) = disputes(fb, "deal structure")
    assert c.verdict == "contradiction"
    assert {("a.txt", "acquire Corvane Systems"), ("b.txt", "30% non-voting stake")} <= quotes(c)
    assert ("b.txt", "remain independent") in quotes(c)
    assert c.explanation
    assert ".txt" not in c.explanation  # sources are named by label, not by file


def test_one_article_saying_both_is_a_conflict_within_it(tmp_path: Path) -> None:
    text = BUY + "In fact the filing shows Halvorsen Group buying nearly half of Corvane Systems' shares.\n"
    fb = build(tmp_path, {"a.txt": text, "b.txt": BUY})
    (c,) = [c for c in disputes(fb, "deal structure") if "(within " in c.attribute]
    assert {("a.txt", "acquire Corvane Systems"), ("a.txt", "nearly half")} <= quotes(c)
    assert ".txt" not in c.attribute  # the article named as people call it, not by its file


def test_a_stake_in_another_company_is_no_conflict(tmp_path: Path) -> None:
    other = BUY + "Halvorsen Group also bought a 20% stake in Marlowe Freight last year.\n"
    fb = build(tmp_path, {"a.txt": BUY, "b.txt": other})
    assert disputes(fb, "deal structure") == []


def test_a_stake_held_before_the_deal_is_no_conflict(tmp_path: Path) -> None:
    prior = BUY + "Halvorsen Group had built up a 9% stake in Corvane Systems before making its offer.\n"
    fb = build(tmp_path, {"a.txt": BUY, "b.txt": prior})
    assert disputes(fb, "deal structure") == []


@pytest.mark.parametrize(
    "holders",
    [
        "Shareholders owning just under a third of Corvane Systems' shares have backed the offer.\n",
        "Holders of 29% of Corvane Systems stock have given irrevocable undertakings.\n",
    ],
)
def test_other_shareholders_backing_the_bid_hold_no_stake_bought(tmp_path: Path, holders: str) -> None:
    fb = build(tmp_path, {"a.txt": BUY, "b.txt": BUY + holders})
    assert disputes(fb, "deal structure") == []


def test_buying_shares_of_the_target_is_not_buying_the_target(tmp_path: Path) -> None:
    shares = BUY + "Before the offer Halvorsen Group kept buying Corvane Systems shares on the market.\n"
    fb = build(tmp_path, {"a.txt": BUY, "b.txt": shares})
    assert disputes(fb, "deal structure") == []


# ---------------------------------------------------------------- headquarters
def test_two_cities_for_one_headquarters_contradict(tmp_path: Path) -> None:
    a = "Oslo-based Corvane Systems agreed to a takeover by Halvorsen Group on Monday.\n"
    b = (
        "Corvane Systems was bought by Halvorsen Group on Monday. "
        "Staff were told at the headquarters of the company in Bergen by the new owner.\n"
    )
    fb = build(tmp_path, {"a.txt": a, "b.txt": b})
    (c,) = disputes(fb, "headquarters")
    assert c.verdict == "contradiction"
    assert {cl.value for cl in c.claims} == {"Oslo", "Bergen"}
    assert ("a.txt", "Oslo-based Corvane Systems") in quotes(c)


def test_headquarters_of_two_companies_are_no_conflict(tmp_path: Path) -> None:
    a = "Oslo-based Corvane Systems agreed to a takeover by Halvorsen Group on Monday.\n"
    b = "Bergen-based Halvorsen Group agreed to buy Corvane Systems on Monday.\n"
    fb = build(tmp_path, {"a.txt": a, "b.txt": b})
    assert disputes(fb, "headquarters") == []


def test_a_country_or_a_regional_office_is_no_headquarters(tmp_path: Path) -> None:
    a = "Oslo-based Corvane Systems agreed to a takeover by Halvorsen Group on Monday.\n"
    b = (
        "Norway-based Corvane Systems agreed to a takeover by Halvorsen Group on Monday. "
        "Corvane Systems opened its regional headquarters in Bergen last year.\n"
    )
    fb = build(tmp_path, {"a.txt": a, "b.txt": b})
    assert disputes(fb, "headquarters") == []


# ---------------------------------------------------------------- payment
def test_all_cash_against_cash_and_stock_contradicts(tmp_path: Path) -> None:
    a = "Halvorsen Group will buy Corvane Systems in an all-cash deal worth $3 billion.\n"
    b = "Halvorsen Group will pay for Corvane Systems in cash and stock, a deal worth $3 billion.\n"
    fb = build(tmp_path, {"a.txt": a, "b.txt": b})
    (c,) = disputes(fb, "payment")
    assert {cl.span.text for cl in c.claims} == {"all-cash", "cash and stock"}


def test_part_paid_in_cash_is_compatible_with_cash_and_stock(tmp_path: Path) -> None:
    a = "Halvorsen Group will pay $2 billion in cash, with the rest in Halvorsen Group shares.\n"
    b = "Halvorsen Group will pay for Corvane Systems in cash and stock.\n"
    fb = build(tmp_path, {"a.txt": a, "b.txt": b})
    assert disputes(fb, "payment") == []


# ---------------------------------------------------------------- who leads, who holds a post
def test_different_consortium_leaders_contradict_but_a_rival_group_does_not(tmp_path: Path) -> None:
    a = "Corvane Systems accepted an offer from a consortium led by Halvorsen Group.\n"
    b = "Corvane Systems accepted an offer from a consortium led by Brightwater Capital.\n"
    c_ = a + "A rival consortium led by Brightwater Capital walked away.\n"
    fb = build(tmp_path / "x", {"a.txt": a, "b.txt": b})
    (c,) = disputes(fb, "consortium leader")
    assert {cl.value for cl in c.claims} == {"Halvorsen Group", "Brightwater Capital"}
    fb = build(tmp_path / "y", {"a.txt": a, "c.txt": c_})
    assert disputes(fb, "consortium leader") == []


def test_two_holders_of_one_post_contradict(tmp_path: Path) -> None:
    a = "Corvane Systems chief executive Ingrid Solberg said the offer was fair.\n"
    b = "Corvane Systems chief executive Petter Moen said the offer was fair.\n"
    fb = build(tmp_path, {"a.txt": a, "b.txt": b})
    (c,) = disputes(fb, "chief executive of Corvane Systems")
    assert {cl.value for cl in c.claims} == {"Ingrid Solberg", "Petter Moen"}


def test_a_former_holder_is_not_the_current_one(tmp_path: Path) -> None:
    a = "Corvane Systems chief executive Ingrid Solberg said the offer was fair.\n"
    b = "Former Corvane Systems chief executive Petter Moen said the offer was too low.\n"
    fb = build(tmp_path, {"a.txt": a, "b.txt": b})
    assert disputes(fb, "chief executive") == []


def test_a_change_of_holder_between_dated_articles_is_compatible(tmp_path: Path) -> None:
    a = "Corvane Systems chief executive Ingrid Solberg said the offer was fair.\n"
    b = "Corvane Systems chief executive Petter Moen said the offer was fair.\n"
    fb = build(tmp_path, {"a.txt": a, "b.txt": b}, dates={"a.txt": "2024-01-05", "b.txt": "2025-03-01"})
    from facts.analyse.conflicts import find_conflicts

    (c,) = [c for c in find_conflicts(fb) if c.attribute.startswith("chief executive")]
    assert c.verdict == "compatible"


def test_buying_the_rest_makes_an_earlier_stake_no_conflict(tmp_path: Path) -> None:
    step = (
        "Halvorsen Group bought a 25% stake in Corvane Systems in 2019. "
        "Halvorsen Group now agreed to acquire the remaining shares of Corvane Systems.\n"
    )
    fb = build(tmp_path, {"a.txt": BUY, "b.txt": step})
    assert disputes(fb, "deal structure") == []


def test_a_city_before_the_word_headquarters_is_the_headquarters(tmp_path: Path) -> None:
    a = "Oslo-based Corvane Systems agreed to a takeover by Halvorsen Group on Monday.\n"
    b = (
        "Corvane Systems agreed to a takeover by Halvorsen Group on Monday. "
        "Staff gathered at Corvane Systems' Bergen headquarters. "
        "Corvane Systems also runs its European headquarters from Vienna.\n"
    )
    fb = build(tmp_path, {"a.txt": a, "b.txt": b})
    (c,) = disputes(fb, "headquarters")
    assert {cl.value for cl in c.claims} == {"Oslo", "Bergen"}


def test_a_share_bought_of_the_company_is_a_stake_but_a_share_of_its_sales_is_not(tmp_path: Path) -> None:
    stake = "Halvorsen Group agreed to acquire 40% of Corvane Systems for $3 billion.\n"
    sales = BUY + "Exports make up 40% of Corvane Systems sales.\n"
    fb = build(tmp_path / "x", {"a.txt": BUY, "b.txt": stake})
    (c,) = disputes(fb, "deal structure")
    assert ("b.txt", "40%") in quotes(c)
    fb = build(tmp_path / "y", {"a.txt": BUY, "b.txt": sales})
    assert disputes(fb, "deal structure") == []


def test_a_consortium_of_investors_led_by_names_its_leader(tmp_path: Path) -> None:
    a = "Corvane Systems accepted an offer from a consortium of investors led by Halvorsen Group.\n"
    b = "Corvane Systems accepted an offer from a Brightwater Capital-led consortium.\n"
    fb = build(tmp_path, {"a.txt": a, "b.txt": b})
    (c,) = disputes(fb, "consortium leader")
    assert {cl.value for cl in c.claims} == {"Halvorsen Group", "Brightwater Capital"}


def test_a_bought_company_run_on_its_own_is_no_stake(tmp_path: Path) -> None:
    alone = "Halvorsen Group completed its takeover of Corvane Systems. Corvane Systems will remain independent.\n"
    within = BUY + "Corvane Systems will remain independent within the group.\n"
    fb = build(tmp_path, {"a.txt": BUY, "b.txt": alone, "c.txt": within})
    assert disputes(fb, "deal structure") == []


def test_an_apposition_names_the_company_a_city_based_phrase_describes(tmp_path: Path) -> None:
    a = "Halvorsen Group will buy Corvane Systems, an Oslo-based maker of pumps, for $3 billion.\n"
    b = "Halvorsen Group will buy Corvane Systems, a Bergen-based maker of pumps, for $3 billion.\n"
    fb = build(tmp_path, {"a.txt": a, "b.txt": b})
    (c,) = disputes(fb, "headquarters")
    assert c.subject == "corvane-systems"
    assert {cl.span.text for cl in c.claims} == {"Oslo-based", "Bergen-based"}


def test_a_disputed_claim_says_who_says_it(tmp_path: Path) -> None:
    a = "Oslo-based Corvane Systems agreed to a takeover by Halvorsen Group on Monday.\n"
    b = "According to Reuters, Bergen-based Corvane Systems agreed to a takeover by Halvorsen Group.\n"
    fb = build(tmp_path, {"a.txt": a, "b.txt": b})
    (c,) = disputes(fb, "headquarters")
    said = {cl.span.source: cl.attribution for cl in c.claims}
    assert said["a.txt"] is None
    assert said["b.txt"] is not None and said["b.txt"].origin == "Reuters"


def test_a_holder_named_in_an_apposition_counts_too(tmp_path: Path) -> None:
    a = "Ingrid Solberg, the chief executive of Corvane Systems, said the offer was fair.\n"
    b = "Petter Moen, Corvane Systems' chair, said the offer was fair. Corvane Systems boss Petter Moen agreed.\n"
    fb = build(tmp_path, {"a.txt": a, "b.txt": b})
    (c,) = disputes(fb, "chief executive of Corvane Systems")
    assert {cl.value for cl in c.claims} == {"Ingrid Solberg", "Petter Moen"}
    assert disputes(fb, "chair of") == []


def test_a_company_bought_by_another_is_the_one_bought(tmp_path: Path) -> None:
    passive = "Corvane Systems was acquired by Halvorsen Group on Monday for $3 billion.\n"
    fb = build(tmp_path, {"a.txt": passive, "b.txt": STAKE})
    (c,) = disputes(fb, "deal structure")
    assert c.subject == "corvane-systems"
    assert ("a.txt", "Corvane Systems was acquired") in quotes(c)


def test_the_rest_in_new_shares_against_entirely_cash_contradicts(tmp_path: Path) -> None:
    a = "Halvorsen Group will pay 60% in cash and the rest in new shares for Corvane Systems.\n"
    b = "Halvorsen Group will buy Corvane Systems in a deal paid entirely in cash.\n"
    fb = build(tmp_path, {"a.txt": a, "b.txt": b})
    (c,) = disputes(fb, "payment")
    assert c.verdict == "contradiction"
    assert "the rest in new shares" in {cl.span.text for cl in c.claims}


def test_two_sources_naming_different_next_chiefs_contradict(tmp_path: Path) -> None:
    a = "Vexa Partners bought Lumen Health. Anna Berg, 58, will become Lumen Health's chief executive.\n"
    b = "Vexa Partners closed its deal for Lumen Health. Lumen Health's new CEO is Mark Ellison, the company said.\n"
    fb = build(tmp_path, {"a.txt": a, "b.txt": b})
    (c,) = disputes(fb, "incoming chief executive")
    assert {cl.value for cl in c.claims} == {"Anna Berg", "Mark Ellison"}


def test_the_next_chief_is_no_rival_of_the_current_one(tmp_path: Path) -> None:
    a = "Lumen Health chief executive Sarah Quinn welcomed the deal with Vexa Partners.\n"
    b = "Lumen Health's new CEO is Mark Ellison, Vexa Partners said.\n"
    fb = build(tmp_path, {"a.txt": a, "b.txt": b})
    assert disputes(fb, "chief executive") == [] and disputes(fb, "incoming chief executive") == []
