"""What each number is about: attribute, subject and period from the words around it.

Numbers and entities are built by hand here, so these tests pin down the
attribute logic alone; sentences are made up for a fictional deal.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from facts.analyse.attributes import annotate
from facts.extract.document import Document
from facts.model import Entity, Number, Span


# ---------------------------------------------------------------- builders (shared with test_conflicts)
def num(
    text: str,
    quote: str,
    value: float | str,
    unit: str,
    qualifier: str = "exact",
    *,
    occurrence: int = 1,
    source: str = "a.txt",
) -> Number:
    """The `occurrence`-th standalone `quote` in `text` as a Number."""
    starts = [m.start() for m in re.finditer(r"(?<![\w.])" + re.escape(quote) + r"(?!\w)", text)]
    start = starts[occurrence - 1]
    span = Span(source=source, start=start, end=start + len(quote), text=quote)
    return Number(id=f"n:{source}:{start}", span=span, value=value, unit=unit, qualifier=qualifier)


def entity(texts: dict[str, str], name: str, kind: str, *forms: str) -> Entity:
    """An entity with a mention for every standalone form in every text."""
    mentions = []
    for source, text in texts.items():
        taken: list[tuple[int, int]] = []
        for form in sorted((name, *forms), key=len, reverse=True):
            for m in re.finditer(r"(?<!\w)" + re.escape(form) + r"(?!\w)", text):
                if not any(a < m.end() and m.start() < b for a, b in taken):
                    taken.append((m.start(), m.end()))
                    mentions.append(Span(source=source, start=m.start(), end=m.end(), text=form))
    return Entity(id=name.lower().replace(" ", "-"), name=name, kind=kind, mentions=mentions)


def annotated(text: str, quotes: list[tuple], entities: list[Entity] | None = None) -> list[Number]:
    numbers = [num(text, *q) for q in quotes]
    annotate(numbers, Document(text), entities or [])
    return numbers


def deal_entities(text: str, source: str = "a.txt") -> list[Entity]:
    texts = {source: text}
    return [
        entity(texts, "Orbit Labs", "organisation", "Orbit"),
        entity(texts, "Helix Vision", "organisation", "Helix"),
        entity(texts, "Pixel Corp", "organisation"),
        entity(texts, "Nimbus", "organisation"),
        entity(texts, "Dana Kovac", "person", "Kovac"),
    ]


# ---------------------------------------------------------------- attributes
def test_word_beside_the_figure_names_it() -> None:
    text = "Analysts call the $7 billion valuation generous and the 40% stake a bargain."
    valuation, stake = annotated(text, [("$7 billion", 7e9, "USD"), ("40%", 40, "percent")])
    assert valuation.attribute == "valuation"
    assert stake.attribute == "stake"


def test_price_after_for_is_the_deal_value_even_before_a_valuation_cue() -> None:
    text = "Orbit Labs agreed to buy Helix Vision for $3.2 billion, valuing the startup at $7 billion."
    price, value = annotated(text, [("$3.2 billion", 3.2e9, "USD"), ("$7 billion", 7e9, "USD")], deal_entities(text))
    assert price.attribute == "deal value"
    assert value.attribute == "valuation"


def test_cue_in_one_clause_does_not_leak_into_the_next() -> None:
    text = "Helix booked revenue of $300 million; Orbit later paid $3.2 billion for it."
    revenue, price = annotated(text, [("$300 million", 3e8, "USD"), ("$3.2 billion", 3.2e9, "USD")])
    assert revenue.attribute == "revenue"
    assert price.attribute == "deal value"


def test_aside_between_dashes_keeps_the_cue_of_its_clause() -> None:
    text = "Orbit weighs an investment—possibly over $3 billion—to take over Helix."
    (rumour,) = annotated(text, [("over $3 billion", 3e9, "USD", "over")])
    assert rumour.attribute == "deal value"


def test_list_of_names_is_one_clause_but_a_second_sentence_half_is_not() -> None:
    text = (
        "Clients include Orbit, Nimbus, and Pixel Corp, and the market will reach $9 billion by 2031, "
        "and Helix hopes for more."
    )
    cut = [text[a:b] for a, b in Document(text).clauses_in(0, len(text))]
    assert cut[0].startswith("Clients include Orbit, Nimbus, and Pixel Corp")
    assert any(c.startswith("the market will reach $9 billion by 2031") for c in cut)


def test_figure_without_any_cue_stays_unknown() -> None:
    text = "Nearly 60% of the respondents shrugged."
    (share,) = annotated(text, [("60%", 60, "percent")])
    assert share.attribute == ""


def test_money_invested_in_things_is_spending_not_a_deal() -> None:
    text = "Orbit will invest $1 billion in training and new tooling."
    (spend,) = annotated(text, [("$1 billion", 1e9, "USD")], deal_entities(text))
    assert spend.attribute == "spending"


def test_money_invested_in_a_company_is_the_deal() -> None:
    text = "Orbit plans to invest more than $2 billion in Helix Vision."
    (deal,) = annotated(text, [("more than $2 billion", 2e9, "USD", "over")], deal_entities(text))
    assert deal.attribute == "deal value"


def test_price_per_share_and_per_unit() -> None:
    text = "Holders get $41.50 per share; a sensor costs $12 a unit."
    share, unit = annotated(text, [("$41.50", 41.5, "USD"), ("$12", 12, "USD")])
    assert share.attribute == "price per share"
    assert unit.attribute == "unit price"


def test_counted_noun_names_a_count() -> None:
    text = "The firm pays 900,000 drivers and runs a 1,200-person team."
    drivers, team = annotated(text, [("900,000", 9e5, "count"), ("1,200", 1200, "count")])
    assert drivers.attribute == "drivers"
    assert team.attribute == "team size"


def test_figure_after_from_or_to_shares_the_attribute() -> None:
    text = "Helix revenue grew to $520 million in 2024, up from $410 million in 2023."
    now, before = annotated(text, [("$520 million", 5.2e8, "USD"), ("$410 million", 4.1e8, "USD")])
    assert now.attribute == before.attribute == "revenue"


# ---------------------------------------------------------------- years, dates and ages
def test_founding_year_needs_a_founding_verb() -> None:
    text = "Helix was founded in 2015 and moved to Lisbon in 2018."
    founded, moved = annotated(text, [("2015", 2015, "year"), ("2018", 2018, "year")])
    assert founded.attribute == "founding year"
    assert moved.attribute == ""


def test_then_age_beside_founding_is_age_at_founding() -> None:
    text = "Started in 2015 by then-22-year-old Dana Kovac, Helix grew fast."
    (age,) = annotated(text, [("22-year-old", 22, "age")], deal_entities(text))
    assert age.attribute == "age at founding"
    assert age.subject == "dana-kovac"


def test_leaving_school_at_an_age_to_found_is_age_at_founding() -> None:
    text = "Dana Kovac quit college at 20 to found Helix."
    (age,) = annotated(text, [("20", 20, "age")], deal_entities(text))
    assert age.attribute == "age at founding"


def test_opening_age_is_the_current_age_of_the_person_named() -> None:
    text = "At 31, Dana Kovac runs one of the busiest labs in Europe."
    (age,) = annotated(text, [("31", 31, "age")], deal_entities(text))
    assert age.attribute == "age"
    assert age.subject == "dana-kovac"


def test_pronoun_age_belongs_to_the_person_of_the_previous_sentence() -> None:
    text = "Kovac spoke with Orbit and Nimbus. She had done it all by 31."
    (age,) = annotated(text, [("31", 31, "age")], deal_entities(text))
    assert age.subject == "dana-kovac"


def test_announcement_date_from_its_verb() -> None:
    text = "Orbit announced the purchase on 4 March 2026."
    (date,) = annotated(text, [("4 March 2026", "2026-03-04", "date")])
    assert date.attribute == "announcement date"


# ---------------------------------------------------------------- periods
def test_year_belongs_to_the_figure_nearest_it() -> None:
    text = "Helix's valuation climbed from $2 billion in 2022 to $7 billion."
    old, new, _ = annotated(text, [("$2 billion", 2e9, "USD"), ("$7 billion", 7e9, "USD"), ("2022", 2022, "year")])
    assert (old.attribute, old.period) == ("valuation", "2022")
    assert (new.attribute, new.period) == ("valuation", "")


def test_year_before_the_noun_is_the_period_too() -> None:
    text = "Helix posted 2024 revenue of $300 million."
    _, revenue = annotated(text, [("2024", 2024, "year"), ("$300 million", 3e8, "USD")])
    assert (revenue.attribute, revenue.period) == ("revenue", "2024")


def test_year_across_a_verb_is_not_the_period() -> None:
    text = "A delay past 2027 could turn the $3 billion purchase into a loss."
    _, price = annotated(text, [("2027", 2027, "year"), ("$3 billion", 3e9, "USD")])
    assert price.attribute == "deal value"
    assert price.period == ""


def test_opening_in_year_frames_the_whole_clause() -> None:
    text = "In 2023, Helix earned revenue of $410 million."
    _, revenue = annotated(text, [("2023", 2023, "year"), ("$410 million", 4.1e8, "USD")])
    assert revenue.period == "2023"


# ---------------------------------------------------------------- subjects
def test_other_company_acquisition_names_that_company() -> None:
    text = "Orbit’s 2019 acquisition of Pixel Corp cost $400 million."
    _, price = annotated(text, [("2019", 2019, "year"), ("$400 million", 4e8, "USD")], deal_entities(text))
    assert price.attribute == "deal value"
    assert price.subject == "pixel-corp"
    assert price.period == "2019"


def test_possessive_name_owns_the_figure() -> None:
    text = "Helix trades at a price-to-sales multiple of 30x—below Nimbus's 45x."
    ours, theirs = annotated(text, [("30x", 30, "multiplier"), ("45x", 45, "multiplier")], deal_entities(text))
    assert ours.subject == "helix-vision"
    assert theirs.subject == "nimbus"


def test_names_in_a_list_are_not_the_subject() -> None:
    text = "Its buyers include Orbit, Nimbus and Pixel Corp, taking 35% of the global vision market."
    (share,) = annotated(text, [("35%", 35, "percent")], deal_entities(text))
    assert share.attribute == "market share"
    assert share.subject == ""


def test_annotate_on_an_article_without_numbers_does_nothing() -> None:
    annotate([], Document("No figures here."), [])


def test_buying_a_percentage_of_a_company_is_a_stake() -> None:
    text = "Orbit will acquire 35 per cent of Helix Vision."
    (stake,) = annotated(text, [("35 per cent", 35, "percent")], deal_entities(text))
    assert stake.attribute == "stake"


def test_a_market_said_to_be_worth_a_sum_is_its_size() -> None:
    text = "Helix leads the drone vision market, which analysts expect to be worth $40 billion by 2030."
    size, _ = annotated(text, [("$40 billion", 4e10, "USD"), ("2030", 2030, "year")])
    assert (size.attribute, size.period) == ("market size", "2030")


def test_then_aged_after_a_founding_is_age_at_founding() -> None:
    text = "Helix was founded in 2015 by Dana Kovac, then aged 27, in Porto."
    _, age = annotated(text, [("2015", 2015, "year"), ("27", 27, "age")], deal_entities(text))
    assert age.attribute == "age at founding"


# ---------------------------------------------------------------- robustness
_ALPHABET = st.sampled_from(
    [*list("abc XYZ $€%,.;:—–-()\n'’"), "in ", "for ", "then-", "founded ", "valued at ", "2024"]
)


@settings(max_examples=150, deadline=None)
@given(pieces=st.lists(st.one_of(_ALPHABET, st.integers(0, 3000).map(str)), max_size=60), data=st.data())
def test_random_text_never_breaks_annotation(pieces: list[str], data: st.DataObject) -> None:
    text = "".join(pieces)
    numbers = []
    for m in re.finditer(r"\d+", text):
        unit = data.draw(st.sampled_from(["USD", "percent", "count", "year", "age", "multiplier", "months"]))
        span = Span(source="r.txt", start=m.start(), end=m.end(), text=m.group())
        numbers.append(Number(id=f"n:r.txt:{m.start()}", span=span, value=float(m.group()), unit=unit))
    names = {"r.txt": text}
    annotate(numbers, Document(text), [entity(names, "XYZ", "organisation"), entity(names, "abc", "person")])
    for n in numbers:
        assert text[n.span.start : n.span.end] == n.span.text
        assert n.period == "" or n.period.isdigit()


# ---------------------------------------------------------------- financing and multiples
def test_a_bridge_facility_is_debt_and_a_rights_issue_is_funding() -> None:
    text = "Orbit will take a 2.5 billion pound bridge facility and plans a rights issue of up to £1.6bn."
    loan, rights = annotated(text, [("2.5 billion pound", 2.5e9, "GBP"), ("£1.6bn", 1.6e9, "GBP")])
    assert (loan.attribute, rights.attribute) == ("debt", "funding")


def test_times_its_earnings_is_a_valuation_multiple() -> None:
    (n,) = annotated("The offer values Helix at roughly 9.5 times its earnings.", [("9.5 times", 9.5, "multiplier")])
    assert n.attribute == "valuation multiple"


def test_money_a_bank_agrees_to_lend_is_debt() -> None:
    (n,) = annotated("A bank agreed to lend ¥85 billion to Orbit.", [("¥85 billion", 8.5e10, "JPY")])
    assert n.attribute == "debt"


def test_a_percentage_of_a_company_with_no_cue_near_is_a_stake() -> None:
    text = "Under the terms announced on Monday after weeks of talks, Orbit gets 49% of Helix Vision."
    (stake,) = annotated(text, [("49%", 49, "percent")], deal_entities(text))
    assert stake.attribute == "stake"


def test_a_percentage_of_a_company_s_sales_is_no_stake() -> None:
    text = "Under the terms announced on Monday after weeks of talks, exports are 49% of Helix Vision's sales."
    (share,) = annotated(text, [("49%", 49, "percent")], deal_entities(text))
    assert share.attribute != "stake"


def test_the_cash_part_of_a_price_is_no_stake() -> None:
    text = "Orbit will pay 60% in cash for Helix Vision."
    (part,) = annotated(text, [("60%", 60, "percent")], deal_entities(text))
    assert part.attribute == "cash portion"


def test_a_deal_worth_a_sum_is_its_value_but_a_company_worth_one_is_a_valuation() -> None:
    text = "Orbit will acquire Helix Vision in a deal worth $4.5 billion. Helix Vision was worth $3 billion in 2023."
    deal, company, _ = annotated(
        text, [("$4.5 billion", 4.5e9, "USD"), ("$3 billion", 3e9, "USD"), ("2023", 2023, "year")], deal_entities(text)
    )
    assert (deal.attribute, company.attribute) == ("deal value", "valuation")


def test_a_price_per_share_restated_in_all_is_the_deal_value() -> None:
    text = "Orbit will buy Helix Vision for 430 pence per share, or about £2.3 billion, in cash."
    quotes = [("430 pence", 4.3, "GBP"), ("about £2.3 billion", 2.3e9, "GBP")]
    share, total = annotated(text, quotes, deal_entities(text))
    assert (share.attribute, total.attribute) == ("price per share", "deal value")


def test_a_yearly_sum_is_no_unit_price() -> None:
    text = "Orbit is targeting savings of £75 million a year."
    (saving,) = annotated(text, [("£75 million", 7.5e7, "GBP")], deal_entities(text))
    assert saving.attribute != "unit price"


def test_the_investor_leading_a_round_is_not_what_its_size_is_about() -> None:
    text = "Helix Vision has raised $300 million in a round led by Pixel Corp."
    (size,) = annotated(text, [("$300 million", 3e8, "USD")], deal_entities(text))
    assert size.subject == "helix-vision"


def test_the_day_a_deal_was_agreed_is_its_announcement_date() -> None:
    text = "Orbit said on January 31 it had agreed to buy Helix Vision."
    (day,) = annotated(text, [("January 31", "--01-31", "date")], deal_entities(text))
    assert day.attribute == "announcement date"
