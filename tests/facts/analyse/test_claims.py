"""Claims: what each figure measures, read from the words around it, and
which claims are matched into conflicts.

The first tests read claim keys of single sentences; the rest build short
articles of our own (a fictional deal between Orbit Labs and Veyra Systems)
through the whole pipeline, so the measure, subject and period all come
from the text.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from facts.analyse.claims import ClaimKey, claim_key
from facts.analyse.measure_words import lemma
from facts.build import extract_paths
from facts.model import Conflict
from tests.facts.analyse.test_attributes import num


def key(text: str, quote: str, value: float, unit: str, qualifier: str = "exact") -> ClaimKey:
    return claim_key(num(text, quote, value, unit, qualifier), text)


def numeric(tmp_path: Path, articles: dict[str, str]) -> list[Conflict]:
    for name, text in articles.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    return [c for c in extract_paths([tmp_path]).conflicts if c.kind == "numeric"]


def quotes(c: Conflict) -> set[tuple[str, str]]:
    return {(cl.span.source, cl.span.text) for cl in c.claims}


# ---------------------------------------------------------------- claim keys
def test_lemmas_fold_plurals() -> None:
    assert [lemma(w) for w in ("synergies", "losses", "staffers", "status", "people")] == [
        "synergy",
        "loss",
        "staffer",
        "status",
        "people",
    ]


@pytest.mark.parametrize(
    ("text", "quote", "value", "unit", "measure"),
    [
        ("Veyra employs 640 people in two cities.", "640", 640, "count", "headcount"),
        ("Veyra: 640 FTE, two plants.", "640", 640, "count", "headcount"),
        ("Orbit built up a 7.4% stake in Veyra.", "7.4%", 7.4, "percent", "stake"),
        ("Either side would owe a $90 million break-up fee.", "$90 million", 9e7, "USD", "fee"),
        ("The merger would save $55 million a year.", "$55 million", 5.5e7, "USD", "synergies"),
        ("Veyra lost $12 million last year.", "$12 million", 1.2e7, "USD", "loss"),
        ("Interest on the notes costs $40 million a year.", "$40 million", 4e7, "USD", "interest"),
        ("Orbit will ship 9,000 drones in 2027.", "9,000", 9000, "count", "shipments"),
        ("Veyra makes 80% of the drone cameras sold in Europe.", "80%", 80, "percent", "market share"),
        ("The price is 14 times sales.", "14", 14, "multiplier", "sales multiple"),
        ("Orbit has $700 million of bank loans.", "$700 million", 7e8, "USD", "debt"),
    ],
)
def test_the_words_beside_a_figure_name_its_measure(
    text: str, quote: str, value: float, unit: str, measure: str
) -> None:
    assert key(text, quote, value, unit).measure == measure


def test_an_unknown_noun_after_a_figure_is_its_own_measure() -> None:
    found = key("Orbit took a $300 million term loan.", "$300 million", 3e8, "USD")
    assert (found.measure, found.open) == ("term loan", True)


def test_a_rate_has_a_basis_and_no_period() -> None:
    found = key("Veyra expects to save $20m a year from 2028.", "$20m", 2e7, "USD")
    assert (found.basis, found.period) == ("a year", "")


def test_a_table_row_label_frames_the_row() -> None:
    text = "Q3 2025        revenue $48m; net loss $6m\n"
    assert key(text, "$6m", 6e6, "USD").period == "2025-Q3"


def test_a_changed_value_names_the_noun_before_its_verb() -> None:
    found = key("In May the bridge loan was cut to $200 million.", "$200 million", 2e8, "USD")
    assert (found.measure, found.changed) == ("bridge loan", True)


def test_status_comes_from_cue_words() -> None:
    assert key("Analysts estimate Veyra lost $9m.", "$9m", 9e6, "USD").status == "estimate"
    assert key("Orbit plans to cut 300 jobs.", "300", 300, "count").status == "target"


def test_a_sentence_without_text_keeps_the_attribute() -> None:
    n = num("Orbit paid $1 billion.", "$1 billion", 1e9, "USD")
    n.attribute = "deal value"
    assert claim_key(n, "").measure == "deal value"


# ---------------------------------------------------------------- matching
def test_headcounts_written_differently_are_one_measure(tmp_path: Path) -> None:
    found = numeric(
        tmp_path,
        {
            "a.txt": "Veyra Systems employs 640 people in Leeds.\n",
            "b.txt": "Veyra Systems has about 900 staff.\n",
        },
    )
    (c,) = found
    assert (c.attribute, c.verdict) == ("headcount", "contradiction")
    assert quotes(c) == {("a.txt", "640"), ("b.txt", "about 900")}


def test_savings_a_year_disagree(tmp_path: Path) -> None:
    found = numeric(
        tmp_path,
        {
            "a.txt": "Orbit Labs said the deal would save about $40 million a year.\n",
            "b.txt": "Orbit Labs expects the merger to save $65 million a year.\n",
        },
    )
    assert [(c.attribute, c.verdict) for c in found] == [("synergies", "contradiction")]


def test_the_same_figure_repeated_is_no_conflict(tmp_path: Path) -> None:
    found = numeric(
        tmp_path,
        {
            "a.txt": "Veyra Systems employs 640 people.\n",
            "b.txt": "Veyra Systems has 640 employees.\n",
        },
    )
    assert found == []


# ---------------------------------------------------------------- near misses
def test_a_quarter_and_next_quarters_guidance_are_not_a_conflict(tmp_path: Path) -> None:
    text = "Q2 2025        revenue $48m\nQ3 2025        revenue $55m\n"
    assert numeric(tmp_path, {"a.txt": text, "b.txt": "Veyra Systems had revenue of $48m in 2024.\n"}) == []


def test_one_companys_staff_is_not_anothers(tmp_path: Path) -> None:
    found = numeric(
        tmp_path,
        {
            "a.txt": "Veyra Systems employs 640 people. Orbit Labs employs 12,000 people.\n",
            "b.txt": "Orbit Labs has 12,000 employees and Veyra Systems 640.\n",
        },
    )
    assert found == []


def test_revenue_is_not_a_loss(tmp_path: Path) -> None:
    text = "Veyra Systems lost $12 million last year on revenue of $96 million.\n"
    assert numeric(tmp_path, {"a.txt": text, "b.txt": "Veyra Systems had revenue of $96 million.\n"}) == []


def test_two_debt_tranches_are_not_a_conflict(tmp_path: Path) -> None:
    found = numeric(
        tmp_path,
        {
            "a.txt": "Orbit Labs raised $800 million of debt, of which $300 million is a bridge loan.\n",
            "b.txt": "Orbit Labs has a $300 million bridge loan and a $500 million term loan.\n",
        },
    )
    assert found == []


def test_a_price_per_share_is_not_the_total(tmp_path: Path) -> None:
    found = numeric(
        tmp_path,
        {
            "a.txt": "Orbit Labs will buy Veyra Systems for $2.4 billion, or $31/sh.\n",
            "b.txt": "Orbit Labs agreed to buy Veyra Systems for $2.4 billion, $31 a share.\n",
        },
    )
    assert found == []


def test_a_restated_share_of_staff_is_a_cut_not_the_workforce(tmp_path: Path) -> None:
    found = numeric(
        tmp_path,
        {
            "a.txt": "Veyra Systems employs about 900 people. In May it cut 30% of staff, about 270 people.\n",
            "b.txt": "Veyra Systems has 900 employees.\n",
        },
    )
    assert found == []


# ---------------------------------------------------------------- reasons
def test_a_plan_and_the_outcome_are_compatible_with_a_reason(tmp_path: Path) -> None:
    found = numeric(
        tmp_path,
        {"a.txt": "Orbit Labs planned to cut 20% of jobs at Veyra Systems. In the end Orbit Labs cut 45% of jobs.\n"},
    )
    (c,) = found
    assert c.verdict == "compatible"
    assert "plan" in c.explanation


def test_a_value_written_as_a_change_is_compatible(tmp_path: Path) -> None:
    found = numeric(
        tmp_path,
        {
            "a.txt": "Orbit Labs took a $600 million bridge loan from its banks.\n",
            "b.txt": "Orbit Labs took a $600 million bridge loan. In June the loan was halved to $300 million.\n",
        },
    )
    (c,) = found
    assert c.verdict == "compatible"
    assert "changed over time" in c.explanation


def test_workforce_figures_of_undated_articles_contradict(tmp_path: Path) -> None:
    found = numeric(
        tmp_path,
        {"a.txt": "Veyra Systems employs 640 people.\n", "b.txt": "Veyra Systems employs 910 people.\n"},
    )
    assert [c.verdict for c in found] == ["contradiction"]


# ---------------------------------------------------------------- periods
def test_a_figure_of_a_named_year_stays_out_of_todays_dispute(tmp_path: Path) -> None:
    found = numeric(
        tmp_path,
        {
            "a.txt": "The valuation of Orbit Labs grew from $2 billion in 2023 to $5 billion.\n",
            "b.txt": "Orbit Labs is valued at $6 billion.\n",
        },
    )
    assert [quotes(c) for c in found if c.verdict == "contradiction"] == [
        {("a.txt", "$5 billion"), ("b.txt", "$6 billion")}
    ]


def test_a_plan_of_no_stated_year_joins_the_one_year_named(tmp_path: Path) -> None:
    found = numeric(
        tmp_path,
        {
            "a.txt": "Orbit Labs will ship 9,000 drones in 2027.\n",
            "b.txt": "Orbit Labs wants to ship 12,000 drones this year.\n",
        },
    )
    assert [(c.attribute, c.verdict) for c in found] == [("shipments (2027)", "contradiction")]


def test_equity_and_enterprise_value_are_compatible_bases(tmp_path: Path) -> None:
    found = numeric(
        tmp_path,
        {
            "a.txt": "Orbit Labs puts the equity value of Veyra Systems at $2.0 billion.\n",
            "b.txt": "Orbit Labs puts the enterprise value of Veyra Systems at $2.5 billion.\n",
        },
    )
    (c,) = found
    assert c.verdict == "compatible"
    assert "equity vs enterprise" in c.explanation


def test_premiums_over_two_dated_closes_are_compatible(tmp_path: Path) -> None:
    found = numeric(
        tmp_path,
        {
            "a.txt": "The offer is a 30% premium to the close on March 3.\n",
            "b.txt": "The offer is a 45% premium to the close on January 9.\n",
        },
    )
    (c,) = found
    assert c.verdict == "compatible"
    assert "different date" in c.explanation


# ---------------------------------------------------------------- subjects
def test_it_means_the_last_organisation_named(tmp_path: Path) -> None:
    found = numeric(
        tmp_path,
        {
            "a.txt": "Orbit Labs employs 12,000 people. Veyra Systems is far smaller. It employs 640 people.\n",
            "b.txt": "Veyra Systems has 900 staff.\n",
        },
    )
    (c,) = found
    assert quotes(c) == {("a.txt", "640"), ("b.txt", "900")}
    assert c.subject == "veyra-systems"


def test_people_who_use_a_product_are_not_its_workforce(tmp_path: Path) -> None:
    found = numeric(
        tmp_path,
        {
            "a.txt": "Veyra Systems employs 640 people. Its cameras are used by 90,000 people.\n",
            "b.txt": "Veyra Systems has 640 employees.\n",
        },
    )
    assert found == []


def test_a_forecast_that_names_no_time_is_not_of_a_named_year(tmp_path: Path) -> None:
    found = numeric(
        tmp_path,
        {
            "a.txt": "Veyra Systems will have revenue of $150 million, Orbit Labs said.\n",
            "b.txt": "Veyra Systems had revenue of $90 million in 2024.\n",
        },
    )
    assert found == []


def test_a_cut_in_prices_is_not_a_cut_in_jobs() -> None:
    assert key("Orbit cut prices by 15% in May.", "15%", 15, "percent").measure != "job cuts"
    assert key("Orbit cut 15% of its staff in May.", "15%", 15, "percent").measure == "job cuts"


def test_a_share_of_the_shares_sold_is_not_a_market_share() -> None:
    assert key("Orbit bought 30% of the shares sold.", "30%", 30, "percent").measure != "market share"


def test_a_deal_noun_with_modifiers_is_still_the_deal() -> None:
    assert key("Orbit agreed a $900 million cash deal.", "$900 million", 9e8, "USD").measure == "deal value"
    assert key("The offer was raised to $950 million.", "$950 million", 9.5e8, "USD").measure == "deal value"


def _dated(day: str, staff: int) -> str:
    return f"Veyra Systems expands\n\nBy Ana Ruiz | Tidewater Post | {day}\n\nVeyra Systems employs {staff} people.\n"


def test_workforce_figures_of_articles_days_apart_contradict(tmp_path: Path) -> None:
    found = numeric(tmp_path, {"a.txt": _dated("3 Oct 2025", 640), "b.txt": _dated("6 Oct 2025", 910)})
    assert [c.verdict for c in found] == ["contradiction"]


def test_workforce_figures_of_articles_months_apart_may_both_hold(tmp_path: Path) -> None:
    found = numeric(tmp_path, {"a.txt": _dated("3 Feb 2025", 640), "b.txt": _dated("6 Oct 2025", 910)})
    assert [c.verdict for c in found] == ["compatible"]
    assert "publication dates" in found[0].explanation
