"""Conflicts between sources (and within one): grouping, verdicts, explanations.

Unit tests build numbers with their attribute already set, so they pin down
the grouping and interval logic alone; the last tests run the whole pipeline
on two short articles of our own about a fictional deal.
"""

from __future__ import annotations

from pathlib import Path

from facts.analyse.conflicts import find_conflicts
from facts.labels import format_claim, format_value
from facts.model import Conflict, Entity, FactBase, Number, Source
from tests.facts.analyse.test_attributes import entity, num
from tests.facts.articles import build

ORBIT = "orbit-labs"
HELIX = "helix-vision"


def claim(
    source: str,
    text: str,
    quote: str,
    value: float | str,
    unit: str,
    attribute: str,
    qualifier: str = "exact",
    *,
    subject: str = HELIX,
    period: str = "",
    occurrence: int = 1,
) -> Number:
    n = num(text, quote, value, unit, qualifier, occurrence=occurrence, source=source)
    n.attribute, n.subject, n.period = attribute, subject, period
    return n


def factbase(
    numbers: list[Number], entities: list[Entity] | None = None, dates: dict[str, str] | None = None
) -> FactBase:
    sources = sorted({n.span.source for n in numbers} | {m.source for e in entities or [] for m in e.mentions})
    dates = dates or {}
    return FactBase(
        sources=[Source(id=s, path=s, date=dates.get(s, "")) for s in sources],
        numbers=numbers,
        entities=entities or [],
    )


def numeric(fb: FactBase) -> list[Conflict]:
    return [c for c in find_conflicts(fb) if c.kind == "numeric"]


def quotes(c: Conflict) -> set[tuple[str, str]]:
    return {(cl.span.source, cl.span.text) for cl in c.claims}


RUMOUR = "Orbit is said to be ready to pay over $3 billion for Helix."
FINAL = "Orbit paid $3.4 billion for Helix on Monday."


# ---------------------------------------------------------------- verdicts
def test_hedged_rumour_is_compatible_with_final_price() -> None:
    fb = factbase(
        [
            claim("a.txt", RUMOUR, "over $3 billion", 3e9, "USD", "deal value", "over"),
            claim("b.txt", FINAL, "$3.4 billion", 3.4e9, "USD", "deal value"),
        ]
    )
    (c,) = numeric(fb)
    assert c.verdict == "compatible"
    assert quotes(c) == {("a.txt", "over $3 billion"), ("b.txt", "$3.4 billion")}
    assert "over $3B" in c.explanation and "$3.4B" in c.explanation


def test_rounded_figure_is_compatible_with_precise_one() -> None:
    rough = "Orbit will pay about $3.5 billion."
    fb = factbase(
        [
            claim("a.txt", rough, "about $3.5 billion", 3.5e9, "USD", "deal value", "approx"),
            claim("b.txt", FINAL, "$3.4 billion", 3.4e9, "USD", "deal value"),
        ]
    )
    (c,) = numeric(fb)
    assert c.verdict == "compatible"


def test_different_valuations_are_a_contradiction() -> None:
    one, other = "Helix is valued at $7 billion.", "The deal values Helix at $8 billion."
    fb = factbase(
        [
            claim("a.txt", one, "$7 billion", 7e9, "USD", "valuation"),
            claim("b.txt", other, "$8 billion", 8e9, "USD", "valuation"),
        ]
    )
    (c,) = numeric(fb)
    assert c.verdict == "contradiction"
    assert c.id == "valuation"
    assert "$7B" in c.explanation and "$8B" in c.explanation and "cannot" in c.explanation


def test_neighbouring_round_figures_do_not_overlap() -> None:
    one, other = "Helix is valued at $29 billion.", "Helix is valued at $30 billion."
    fb = factbase(
        [
            claim("a.txt", one, "$29 billion", 29e9, "USD", "valuation"),
            claim("b.txt", other, "$30 billion", 30e9, "USD", "valuation"),
        ]
    )
    assert [c.verdict for c in numeric(fb)] == ["contradiction"]


def test_precise_figure_within_rounding_of_another_is_compatible() -> None:
    one, other = "It cost $3.4 billion.", "It cost $3.42 billion."
    fb = factbase(
        [
            claim("a.txt", one, "$3.4 billion", 3.4e9, "USD", "deal value"),
            claim("b.txt", other, "$3.42 billion", 3.42e9, "USD", "deal value"),
        ]
    )
    assert [c.verdict for c in numeric(fb)] == ["compatible"]


def test_same_value_everywhere_is_no_conflict() -> None:
    fb = factbase(
        [
            claim("a.txt", FINAL, "$3.4 billion", 3.4e9, "USD", "deal value"),
            claim("b.txt", FINAL, "$3.4 billion", 3.4e9, "USD", "deal value"),
        ]
    )
    assert numeric(fb) == []


def test_outlier_within_one_article_is_an_internal_contradiction() -> None:
    text = "Orbit paid $3.4 billion for Helix. Later the article calls it the $8 billion investment."
    fb = factbase(
        [
            claim("a.txt", text, "$3.4 billion", 3.4e9, "USD", "deal value"),
            claim("a.txt", text, "$8 billion", 8e9, "USD", "deal value", subject=""),
        ]
    )
    (c,) = numeric(fb)
    assert c.verdict == "contradiction"
    assert "within a." in c.explanation  # the file name without its extension


def test_explanation_names_a_source_by_its_outlet_not_its_file() -> None:
    text = "Orbit paid $3.4 billion for Helix. Later the article calls it the $8 billion investment."
    fb = factbase(
        [
            claim("a.txt", text, "$3.4 billion", 3.4e9, "USD", "deal value"),
            claim("a.txt", text, "$8 billion", 8e9, "USD", "deal value", subject=""),
        ]
    )
    fb.sources[0].outlet = "The Harbour Ledger"
    (c,) = numeric(fb)
    assert "within The Harbour Ledger." in c.explanation
    assert "a.txt" not in c.explanation


def test_rumour_and_outlier_give_one_contradiction_and_one_compatible() -> None:
    outlier = "Critics call it the $8 billion investment."
    fb = factbase(
        [
            claim("a.txt", RUMOUR, "over $3 billion", 3e9, "USD", "deal value", "over"),
            claim("b.txt", FINAL, "$3.4 billion", 3.4e9, "USD", "deal value"),
            claim("c.txt", outlier, "$8 billion", 8e9, "USD", "deal value"),
        ]
    )
    found = {c.verdict: c for c in numeric(fb)}
    assert quotes(found["contradiction"]) == {("b.txt", "$3.4 billion"), ("c.txt", "$8 billion")}
    assert ("a.txt", "over $3 billion") in quotes(found["compatible"])


def test_headline_rounding_takes_the_hedge_of_its_own_article() -> None:
    text = "Orbit Eyes $3 Billion Helix Deal. Orbit could pay over $3 billion for Helix."
    fb = factbase(
        [
            claim("a.txt", text, "$3 Billion", 3e9, "USD", "deal value"),
            claim("a.txt", text, "over $3 billion", 3e9, "USD", "deal value", "over"),
            claim("b.txt", FINAL, "$3.4 billion", 3.4e9, "USD", "deal value"),
        ]
    )
    (c,) = numeric(fb)
    assert c.verdict == "compatible"
    assert ("a.txt", "$3 Billion") in quotes(c)


# ---------------------------------------------------------------- time
def test_current_age_in_differently_dated_articles_is_compatible() -> None:
    one, other = "At 31, Kovac runs Helix.", "Kovac, now 34, runs Helix."
    fb = factbase(
        [
            claim("a.txt", one, "31", 31, "age", "age", subject="dana-kovac"),
            claim("b.txt", other, "34", 34, "age", "age", subject="dana-kovac"),
        ]
    )
    (c,) = numeric(fb)
    assert c.verdict == "compatible"
    assert "publication dates" in c.explanation


def test_current_age_in_articles_of_the_same_day_is_a_contradiction() -> None:
    one, other = "At 31, Kovac runs Helix.", "Kovac, now 34, runs Helix."
    fb = factbase(
        [
            claim("a.txt", one, "31", 31, "age", "age", subject="dana-kovac"),
            claim("b.txt", other, "34", 34, "age", "age", subject="dana-kovac"),
        ],
        dates={"a.txt": "2026-03-04", "b.txt": "2026-03-04"},
    )
    assert [c.verdict for c in numeric(fb)] == ["contradiction"]


def test_age_at_founding_disagreement_is_a_contradiction() -> None:
    one, other = "Kovac founded Helix at 20.", "Kovac was 23 when she founded Helix."
    fb = factbase(
        [
            claim("a.txt", one, "20", 20, "age", "age at founding", subject="dana-kovac"),
            claim("b.txt", other, "23", 23, "age", "age at founding", subject="dana-kovac"),
        ]
    )
    (c,) = numeric(fb)
    assert c.verdict == "contradiction"
    assert c.subject == "dana-kovac"
    assert c.id == "age-at-founding-dana-kovac"


def test_dates_of_different_precision_agree() -> None:
    one, other = "Orbit announced it on 4 March.", "The deal was announced in March 2026."
    fb = factbase(
        [
            claim("a.txt", one, "4 March", "--03-04", "date", "announcement date"),
            claim("b.txt", other, "March 2026", "2026-03", "date", "announcement date"),
        ]
    )
    (c,) = numeric(fb)
    assert c.verdict == "compatible"


def test_dates_of_different_days_contradict() -> None:
    one, other = "It was announced on 4 March 2026.", "It was announced on 9 March 2026."
    fb = factbase(
        [
            claim("a.txt", one, "4 March 2026", "2026-03-04", "date", "announcement date"),
            claim("b.txt", other, "9 March 2026", "2026-03-09", "date", "announcement date"),
        ]
    )
    assert [c.verdict for c in numeric(fb)] == ["contradiction"]


# ---------------------------------------------------------------- grouping
def test_revenue_of_different_years_is_not_a_conflict() -> None:
    text = "Helix earned $410 million in 2023 and expects $520 million in 2024."
    fb = factbase(
        [
            claim("a.txt", text, "$410 million", 4.1e8, "USD", "revenue", period="2023"),
            claim("b.txt", text, "$520 million", 5.2e8, "USD", "revenue", period="2024"),
        ]
    )
    assert numeric(fb) == []


def test_revenue_of_two_companies_is_not_a_conflict() -> None:
    text = "Helix earned $410 million while Orbit earned $2 billion."
    fb = factbase(
        [
            claim("a.txt", text, "$410 million", 4.1e8, "USD", "revenue", subject=HELIX),
            claim("b.txt", text, "$2 billion", 2e9, "USD", "revenue", subject=ORBIT),
        ]
    )
    assert numeric(fb) == []


def test_other_company_acquisition_is_not_the_main_deal() -> None:
    texts = {
        "a.txt": "Orbit paid $3.4 billion for Helix.",
        "b.txt": "Orbit paid $3.4 billion for Helix, after its purchase of Pixel Corp for $400 million.",
    }
    ents = [
        entity(texts, "Orbit Labs", "organisation", "Orbit"),
        entity(texts, "Helix Vision", "organisation", "Helix"),
        entity(texts, "Pixel Corp", "organisation"),
    ]
    fb = factbase(
        [
            claim("a.txt", texts["a.txt"], "$3.4 billion", 3.4e9, "USD", "deal value", subject=HELIX),
            claim("b.txt", texts["b.txt"], "$3.4 billion", 3.4e9, "USD", "deal value", subject=ORBIT),
            claim("b.txt", texts["b.txt"], "$400 million", 4e8, "USD", "deal value", subject="pixel-corp"),
        ],
        ents,
    )
    assert numeric(fb) == []


def test_unnamed_subject_joins_the_only_named_one() -> None:
    one, other = "Helix holds 35% of the vision market.", "It has 20% of the market."
    fb = factbase(
        [
            claim("a.txt", one, "35%", 35, "percent", "market share"),
            claim("b.txt", other, "20%", 20, "percent", "market share", subject=""),
        ]
    )
    assert [c.verdict for c in numeric(fb)] == ["contradiction"]


def test_unknown_or_descriptive_attributes_never_conflict() -> None:
    text = "Errors fell 70% and costs fell 40%; 15% and 60% of staff moved."
    fb = factbase(
        [
            claim("a.txt", text, "70%", 70, "percent", "decline"),
            claim("a.txt", text, "40%", 40, "percent", "decline"),
            claim("a.txt", text, "15%", 15, "percent", ""),
            claim("a.txt", text, "60%", 60, "percent", ""),
        ]
    )
    assert numeric(fb) == []


def test_different_currencies_are_not_compared() -> None:
    one, other = "Orbit paid $3.4 billion.", "Orbit paid €3.1 billion."
    fb = factbase(
        [
            claim("a.txt", one, "$3.4 billion", 3.4e9, "USD", "deal value"),
            claim("b.txt", other, "€3.1 billion", 3.1e9, "EUR", "deal value"),
        ]
    )
    assert numeric(fb) == []


def test_conflict_ids_are_stable_and_unique() -> None:
    one, other = "Helix is valued at $7 billion.", "The deal values Helix at $8 billion."
    numbers = [
        claim("a.txt", one, "$7 billion", 7e9, "USD", "valuation"),
        claim("b.txt", other, "$8 billion", 8e9, "USD", "valuation"),
        claim("a.txt", RUMOUR, "over $3 billion", 3e9, "USD", "deal value", "over"),
        claim("b.txt", FINAL, "$3.4 billion", 3.4e9, "USD", "deal value"),
    ]
    first = [c.id for c in find_conflicts(factbase(numbers))]
    again = [c.id for c in find_conflicts(factbase(list(reversed(numbers))))]
    assert sorted(first) == sorted(again) == ["deal-value-compatible", "valuation"]


# ---------------------------------------------------------------- spelling
def test_spelling_variants_make_a_spelling_conflict() -> None:
    texts = {"a.txt": "Dana Kovac leads Helix.", "b.txt": "Dana Kovacs leads Helix.", "c.txt": "Dana Kovac agreed."}
    kovac = entity(texts, "Dana Kovac", "person", "Dana Kovacs")
    kovac.variants = ["Dana Kovacs"]
    (c,) = find_conflicts(factbase([], [kovac]))
    assert (c.kind, c.verdict, c.id) == ("spelling", "contradiction", "spelling-dana-kovac")
    assert {cl.value for cl in c.claims} == {"Dana Kovac", "Dana Kovacs"}
    assert '"Dana Kovac" (2 sources)' in c.explanation and '"Dana Kovacs" (1 source)' in c.explanation


def test_entity_without_variants_has_no_spelling_conflict() -> None:
    texts = {"a.txt": "Dana Kovac leads Helix. Kovac smiled."}
    assert find_conflicts(factbase([], [entity(texts, "Dana Kovac", "person", "Kovac")])) == []


# ---------------------------------------------------------------- formatting
def test_values_read_like_a_person_wrote_them() -> None:
    assert format_value(14.8e9, "USD") == "$14.8B"
    assert format_value(870e6, "USD") == "$870M"
    assert format_value(3.2e9, "EUR") == "€3.2B"
    assert format_value(0.18, "USD") == "$0.18"
    assert format_value(49, "percent") == "49%"
    assert format_value(2016, "year") == "2016"
    assert format_value(33, "multiplier") == "33x"
    assert format_value(1500, "count") == "1,500"
    assert format_value("--06-10", "date") == "10 Jun"
    assert format_value("2025-06", "date") == "Jun 2025"
    assert format_claim(10e9, "USD", "over") == "over $10B"
    assert format_claim(15e9, "USD", "approx") == "about $15B"


# ---------------------------------------------------------------- the whole pipeline, our own articles
RUMOUR_ARTICLE = """Harbor Robotics Nears Deal for Quillon Systems

Harbor Robotics is in advanced talks to buy Quillon Systems for more than $4 billion, people familiar with the matter \
said on Monday. The agreement would value Quillon at roughly $6 billion, the people added.

Quillon, founded in 2012 by Mira Castell, reported revenue of $410 million in 2023.
"""

FINAL_ARTICLE = """Harbor Robotics Takes 60% of Quillon Systems

Harbor Robotics agreed on Tuesday to acquire a 60% stake in Quillon Systems for $4.6 billion, valuing the French \
software maker at $7.7 billion.

Quillon's revenue grew to $520 million in 2024, up from $410 million in 2023. Mira Castell, who founded Quillon in \
2012, will remain chief executive.

Harbor's 2019 purchase of Tessel Labs cost $900 million, while its robotics unit raised $300 million last spring.
"""


def test_two_articles_of_another_deal_give_the_right_conflicts(tmp_path: Path) -> None:
    from facts.build import extract_paths

    (tmp_path / "rumour.txt").write_text(RUMOUR_ARTICLE, encoding="utf-8")
    (tmp_path / "final.txt").write_text(FINAL_ARTICLE, encoding="utf-8")
    fb = extract_paths([tmp_path])
    found = {(c.attribute, c.verdict): quotes(c) for c in fb.conflicts if c.kind == "numeric"}
    assert found[("deal value", "compatible")] == {
        ("rumour.txt", "more than $4 billion"),
        ("final.txt", "$4.6 billion"),
    }
    assert found[("valuation", "contradiction")] == {
        ("rumour.txt", "roughly $6 billion"),
        ("final.txt", "$7.7 billion"),
    }
    assert len(found) == 2  # no revenue conflict across years, nothing from the other purchase


def test_count_of_things_no_one_is_named_for_is_not_disputed() -> None:
    one, other = "It made 6 acquisitions in a decade.", "It made 9 acquisitions in a decade."
    fb = factbase(
        [
            claim("a.txt", one, "6", 6, "count", "acquisitions", subject=""),
            claim("a.txt", other, "9", 9, "count", "acquisitions", subject=""),
        ]
    )
    assert numeric(fb) == []


def test_random_claims_never_break_conflict_finding() -> None:
    import random

    rng = random.Random(7)
    text = " ".join(f"{i}" for i in range(400))
    numbers = []
    for _i in range(300):
        q = rng.choice(["exact", "approx", "over", "under", "range"])
        quote = str(rng.randrange(400))
        n = num(
            text,
            quote,
            float(quote) * rng.choice([1, 1e6, 1e9]),
            rng.choice(["USD", "percent", "age"]),
            q,
            source=rng.choice(["a.txt", "b.txt", "c.txt"]),
        )
        n.attribute = rng.choice(["deal value", "valuation", "age", "stake", "market share", ""])
        n.subject = rng.choice(["", HELIX, ORBIT])
        n.low, n.high = (n.value * 0.9, n.value * 1.1) if q == "range" else (None, None)
        numbers.append(n)
    conflicts = find_conflicts(factbase(numbers))
    assert len({c.id for c in conflicts}) == len(conflicts)
    for c in conflicts:
        assert len({cl.value for cl in c.claims}) >= 2 or c.verdict == "contradiction"
        assert c.explanation


def test_a_wire_dateline_does_not_date_the_claims_under_it(tmp_path: Path) -> None:
    a = "Nordfisk buys Havbruk\n\nOSLO, April 5 (Reuters) - Nordfisk agreed to buy Havbruk for $10.2 billion.\n"
    b = "Nordfisk buys Havbruk\n\nBERGEN, April 3 (AP) - Nordfisk agreed to buy Havbruk for $9.8 billion.\n"
    fb = build(tmp_path, {"a.txt": a, "b.txt": b})
    (c,) = [c for c in fb.conflicts if c.kind == "numeric" and c.attribute == "deal value"]
    assert c.verdict == "contradiction"


def test_a_price_in_words_contradicts_one_in_digits(tmp_path: Path) -> None:
    a = "Nordfisk agreed to buy Havbruk for two billion dollars, the companies said.\n"
    b = "Nordfisk agreed to buy Havbruk for $2.6 billion, the companies said.\n"
    fb = build(tmp_path, {"a.txt": a, "b.txt": b})
    (c,) = [c for c in fb.conflicts if c.kind == "numeric" and c.attribute == "deal value"]
    assert c.verdict == "contradiction"
    assert {cl.span.text for cl in c.claims} == {"two billion dollars", "$2.6 billion"}


def test_a_round_is_held_against_a_round_and_a_running_total_against_a_running_total(tmp_path: Path) -> None:
    a = (
        "Quillon has raised $300 million in a Series C round led by Acme Ventures. "
        "The round brings Quillon's total funding to $520 million.\n"
    )
    b = "Quillon has secured $250 million in fresh funding. It has raised $600 million to date.\n"
    fb = build(tmp_path, {"a.txt": a, "b.txt": b})
    found = {frozenset(cl.span.text for cl in c.claims) for c in fb.conflicts if c.kind == "numeric"}
    assert frozenset({"$300 million", "$250 million"}) in found
    assert frozenset({"$520 million", "$600 million"}) in found
    assert not any("$520 million" in f and "$300 million" in f for f in found)


def test_a_merger_s_exchange_ratio_ownership_split_and_savings_are_disputed(tmp_path: Path) -> None:
    a = (
        "Ardent Energy and Belcourt Power agreed to combine in an all-stock merger. Belcourt shareholders "
        "will receive 0.72 Ardent shares for each share they own and will hold 45% of the combined company. "
        "The companies expect $400 million in annual cost savings.\n"
    )
    b = (
        "Ardent Energy will buy Belcourt Power. Belcourt investors will get 0.75 Ardent shares plus $5 in cash "
        "for each share, leaving them with 48 percent of the enlarged group. Ardent targets $350 million of "
        "yearly synergies.\n"
    )
    fb = build(tmp_path, {"a.txt": a, "b.txt": b})
    found = {c.attribute: {cl.span.text for cl in c.claims} for c in fb.conflicts if c.kind == "numeric"}
    assert found["exchange ratio"] == {"0.72", "0.75"}
    assert found["combined ownership"] == {"45%", "48 percent"}
    assert found["synergies"] == {"$400 million", "$350 million"}


GREYFIELD = (
    "Greyfield takes Marlin Foods private in $3.1 billion deal\n\n"
    "Greyfield Partners agreed to buy Marlin Foods for $42 a share in cash, a premium of 45% to Marlin's "
    "30-day volume-weighted average price. The deal gives Marlin an enterprise value of $3.1 billion including debt.\n"
)
MARLIN = (
    "Marlin Foods accepts $2.4bn buyout\n\n"
    "Greyfield Partners will pay $42 per share for Marlin Foods, a 31% premium to Friday's closing price, "
    "valuing its equity at $2.4bn.\n"
)


def test_premiums_to_different_reference_prices_and_prices_on_different_bases_may_both_hold(tmp_path: Path) -> None:
    fb = build(tmp_path, {"a.txt": GREYFIELD, "b.txt": MARLIN})
    verdicts = {c.attribute: c.verdict for c in fb.conflicts if c.kind == "numeric"}
    assert verdicts["premium"] == "compatible"  # to a 30-day average vs to the last close
    assert verdicts["deal value"] == "compatible"  # the headline figures are the bodies' EV and equity value


def test_premiums_to_the_same_reference_price_contradict(tmp_path: Path) -> None:
    same = MARLIN.replace("31% premium to Friday's closing price", "31% premium to the 30-day average price")
    fb = build(tmp_path, {"a.txt": GREYFIELD, "b.txt": same})
    (premium,) = [c for c in fb.conflicts if c.attribute == "premium"]
    assert premium.verdict == "contradiction"


def test_counts_in_articles_dated_a_day_apart_are_of_one_time() -> None:
    one, other = "Vantis operates in 14 countries.", "Vantis operates in 12 countries."
    fb = factbase(
        [
            claim("a.txt", one, "14", 14, "count", "countries", subject=HELIX),
            claim("b.txt", other, "12", 12, "count", "countries", subject=HELIX),
        ],
        dates={"a.txt": "2025-02-03", "b.txt": "2025-02-04"},
    )
    assert [c.verdict for c in numeric(fb)] == ["contradiction"]


def test_about_a_round_figure_allows_half_its_last_digit_not_a_twentieth(tmp_path: Path) -> None:
    """'~$44bn' against '$43 billion': about 44 is 43.5 to 44.5, so they disagree."""
    a = "Orbit agreed to buy Helix Vision for $43 billion.\n"
    b = "Orbit agreed to buy Helix Vision for ~$44bn.\n"
    fb = build(tmp_path, {"a.txt": a, "b.txt": b})
    assert [c.verdict for c in fb.conflicts if c.attribute == "deal value"] == ["contradiction"]


def test_a_year_before_a_measure_dates_its_figures_and_a_hyphenated_share_price_is_one(tmp_path: Path) -> None:
    a = (
        "Telvor made an offer of $18 per share for Quarry Media. "
        "Quarry Media reported revenue of $640 million in 2024.\n"
    )
    b = "Quarry Media rejected a $20-a-share approach from Telvor. Quarry Media's 2024 revenue rose 6% to $655m.\n"
    fb = build(tmp_path, {"a.txt": a, "b.txt": b})
    found = {c.attribute: {cl.span.text for cl in c.claims} for c in fb.conflicts if c.kind == "numeric"}
    assert found["price per share"] == {"$18", "$20"}
    assert found["revenue (2024)"] == {"$640 million", "$655m"}


def test_job_cuts_at_the_target_named_by_industry_are_disputed(tmp_path: Path) -> None:
    """'Kraven' is 'Kraven Steel' (an industry word, like 'Systems'), and 'positions at Kraven Steel'
    are Kraven's whoever sheds them; a hedge, not dates, lets undated headcounts agree."""
    a = "Kraven Steel will cut 2,000 jobs after its takeover by Osmund Industries. Kraven employs 13,500 people.\n"
    b = "Osmund Industries intends to shed around 2,500 positions at Kraven Steel. Kraven has about 13,000 employees.\n"
    fb = build(tmp_path, {"a.txt": a, "b.txt": b})
    assert len([e for e in fb.entities if e.name.startswith("Kraven")]) == 1
    by = {c.attribute: c for c in fb.conflicts if c.kind == "numeric"}
    assert by["job cuts"].verdict == "contradiction"
    assert by["headcount"].verdict == "compatible" and "hedge" in by["headcount"].explanation


def test_the_time_a_deal_takes_to_close_is_disputed_in_one_unit_only(tmp_path: Path) -> None:
    a = "Harrow agreed to buy Pellam. The deal is expected to close within 12 months.\n"
    b = "Harrow agreed to buy Pellam. The transaction is expected to close in 18 months.\n"
    c = "Harrow agreed to buy Pellam. The deal is expected to close within 1 year.\n"
    fb = build(tmp_path / "x", {"a.txt": a, "b.txt": b})
    (close,) = [k for k in fb.conflicts if k.attribute == "time to close"]
    assert close.verdict == "contradiction"
    fb = build(tmp_path / "y", {"a.txt": a, "c.txt": c})
    assert [k for k in fb.conflicts if k.attribute == "time to close"] == []  # 12 months is a year


def test_annual_sales_are_held_against_revenue_with_no_basis_written(tmp_path: Path) -> None:
    a = "Corvid will buy Talon Software. Talon had annual recurring revenue of $310 million.\n"
    b = "Corvid agreed to buy Talon Software. Talon's revenue reached $290 million.\n"
    c = "Corvid agreed to buy Talon Software. Talon's quarterly revenue reached $80 million.\n"
    fb = build(tmp_path / "x", {"a.txt": a, "b.txt": b})
    assert [k.verdict for k in fb.conflicts if k.attribute == "revenue"] == ["contradiction"]
    fb = build(tmp_path / "y", {"a.txt": a, "c.txt": c})
    assert [k for k in fb.conflicts if k.attribute == "revenue"] == []  # a quarter's is another figure
