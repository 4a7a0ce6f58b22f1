"""The number grammar, on sentences written for these tests (not from the seeds)."""

from __future__ import annotations

import itertools

import pytest

from facts.extract.numbers import find_numbers
from facts.model import Number


def numbers(text: str) -> list[Number]:
    return find_numbers(text, "note.txt")


def quoted(text: str) -> dict[str, Number]:
    return {n.span.text: n for n in numbers(text)}


def the_number(text: str, quote: str) -> Number:
    found = quoted(text)
    assert quote in found, f"{quote!r} not among {list(found)}"
    return found[quote]


# ---------------------------------------------------------------- money
@pytest.mark.parametrize(
    ("text", "quote", "value", "unit"),
    [
        ("Orbital agreed to pay $14.8 billion in cash.", "$14.8 billion", 14.8e9, "USD"),
        ("The buyer offered €3.2bn for the lender.", "€3.2bn", 3.2e9, "EUR"),
        ("Its seed round brought in $96M last spring.", "$96M", 96e6, "USD"),
        ("The brewer sold its stake for £130m.", "£130m", 130e6, "GBP"),
        ("Each label costs $0.18 to produce.", "$0.18", 0.18, "USD"),
        ("Fees reached USD 5 million this quarter.", "USD 5 million", 5e6, "USD"),
        ("The founder said 5 million dollars was too little.", "5 million dollars", 5e6, "USD"),
        ("A bond of 10 billion euros was issued.", "10 billion euros", 10e9, "EUR"),
        ("Tokyo lenders pledged ¥500 billion.", "¥500 billion", 500e9, "JPY"),
        ("Mumbai investors put in ₹40 crore.", "₹40 crore", 400e6, "INR"),
        ("The canton approved CHF 2.5bn of aid.", "CHF 2.5bn", 2.5e9, "CHF"),
        ("A Sydney fund wrote a A$1.2bn cheque.", "A$1.2bn", 1.2e9, "AUD"),
        ("Toronto buyers paid C$300m.", "C$300m", 300e6, "CAD"),
        ("The tycoon spent HK$8bn on towers.", "HK$8bn", 8e9, "HKD"),
        ("Shanghai partners added RMB 5 billion.", "RMB 5 billion", 5e9, "CNY"),
        ("They raised 8 billion yuan in the offering.", "8 billion yuan", 8e9, "CNY"),
        ("Northwind's US$ 12.5 million grant arrived.", "US$ 12.5 million", 12.5e6, "USD"),
        ("A $2.5 trillion market cap was reached.", "$2.5 trillion", 2.5e12, "USD"),
        ("The buyer will pay $700 mln in stock.", "$700 mln", 700e6, "USD"),
        ("The fund closed at $1,250,000 after fees.", "$1,250,000", 1.25e6, "USD"),
        ("The bid is 410p a share.", "410p", 4.10, "GBP"),
        ("Each download earns 35 cents.", "35 cents", 0.35, "USD"),
        ("Lenders approved a $5.5-billion facility.", "$5.5-billion", 5.5e9, "USD"),
        ("A filing put it at US $5 billion.", "US $5 billion", 5e9, "USD"),
    ],
)
def test_money_is_expanded_and_given_its_currency_code(text, quote, value, unit):
    n = the_number(text, quote)
    assert n.value == pytest.approx(value)
    assert n.unit == unit
    assert n.qualifier == "exact"
    assert n.low == n.high == pytest.approx(value)


def test_capitalised_scale_words_in_headlines_still_scale():
    n = the_number("Why Northwind's $7 Billion Wager Matters", "$7 Billion")
    assert n.value == 7e9


# ---------------------------------------------------------------- percents and multiples
@pytest.mark.parametrize(
    ("text", "quote", "value"),
    [
        ("Kestrel keeps 49% of the voting shares.", "49%", 49),
        ("Kestrel keeps 49 per cent of the voting shares.", "49 per cent", 49),
        ("Kestrel keeps 49 percent of the voting shares.", "49 percent", 49),
        ("Defects dropped to 0.3% in the pilot.", "0.3%", 0.3),
        ("Margins widened by 2 percentage points.", "2 percentage points", 2),
    ],
)
def test_percents_are_numbers_in_percent(text, quote, value):
    n = the_number(text, quote)
    assert (n.value, n.unit) == (pytest.approx(value), "percent")


def test_a_negative_growth_rate_keeps_its_sign():
    n = the_number("Sales moved -3% year on year.", "-3%")
    assert n.value == -3


@pytest.mark.parametrize(
    ("text", "quote", "value"),
    [
        ("The target trades at 33x earnings.", "33x", 33),
        ("The price was 25 times sales.", "25 times", 25),
        ("Buyers paid 2.5x revenue.", "2.5x", 2.5),
        ("Output saw a 3-fold rise.", "3-fold", 3),
    ],
)
def test_multiples_are_multipliers(text, quote, value):
    n = the_number(text, quote)
    assert (n.value, n.unit) == (value, "multiplier")


# ---------------------------------------------------------------- counts, ages, years
@pytest.mark.parametrize(
    ("text", "quote", "value", "qualifier"),
    [
        ("The 1,500-person staff moved offices.", "1,500", 1500, "exact"),
        ("It serves 100,000 riders a day.", "100,000", 100000, "exact"),
        ("Crews work in 100+ countries.", "100+", 100, "over"),
        ("The platform plans to add 10 million gig workers.", "10 million", 10e6, "exact"),
        ("Drivers operate in 9,000 towns.", "9,000", 9000, "exact"),
        ("The company employs 2,000 engineers.", "2,000", 2000, "exact"),
        ("The company employs 2000 engineers.", "2000", 2000, "exact"),
        ("Its model has 70B parameters.", "70B", 70e9, "exact"),
        ("Roughly 10k users signed up.", "Roughly 10k", 10e3, "approx"),
        ("The console sold 1m units.", "1m", 1e6, "exact"),
    ],
)
def test_counts_are_counts(text, quote, value, qualifier):
    n = the_number(text, quote)
    assert (n.value, n.unit, n.qualifier) == (value, "count", qualifier)


@pytest.mark.parametrize(
    ("text", "quote", "value"),
    [
        ("She launched the studio as a 19-year-old.", "19-year-old", 19),
        ("Her then-22-year-old cofounder wrote the code.", "22-year-old", 22),
        ("He sold his first company at the age of 24.", "24", 24),
        ("At 28, the chemist runs three labs.", "28", 28),
        ("She left college at 17 to start the firm.", "17", 17),
        ("The chairman, aged 61, will step down.", "61", 61),
        ("He became chief executive at 31; nobody expected it.", "31", 31),
        ("The founder is 45 years old.", "45 years old", 45),
        ("Okafor, 58, will retire next year.", "58", 58),
        ("It was started by Lindqvist, then 29, in a garage.", "29", 29),
    ],
)
def test_ages_are_recognised_from_the_words_around_them(text, quote, value):
    n = the_number(text, quote)
    assert (n.value, n.unit) == (value, "age")


def test_at_before_a_percent_is_not_an_age():
    n = the_number("The vendor labels images at 15% of the cost.", "15%")
    assert n.unit == "percent"


def test_a_price_closing_at_a_level_is_not_an_age():
    assert the_number("The shares closed at 52.", "52").unit != "age"


@pytest.mark.parametrize(
    ("text", "quote", "value"),
    [
        ("The lab was founded in 2011 in Leeds.", "2011", 2011),
        ("Its 2024 revenue beat forecasts.", "2024", 2024),
        ("The market should double by 2030.", "2030", 2030),
        ("The two have worked together since 2014.", "2014", 2014),
        ("Deliveries start in Q3 2026.", "Q3 2026", 2026),
        ("A refresh is due in H2 2026.", "H2 2026", 2026),
        ("Guidance for FY2025 was raised.", "FY2025", 2025),
        ("Margins fell in 2Q24 again.", "2Q24", 2024),
        ("The mid-2024 launch slipped.", "2024", 2024),
        ("The rival's 2014 purchase set a record.", "2014", 2014),
    ],
)
def test_calendar_years_used_as_time_references_are_years(text, quote, value):
    n = the_number(text, quote)
    assert (n.value, n.unit, n.qualifier) == (value, "year", "exact")


def test_a_year_like_number_before_a_counted_noun_is_a_count():
    assert the_number("The plant hired 1999 workers.", "1999").unit == "count"


# ---------------------------------------------------------------- dates and durations
@pytest.mark.parametrize(
    ("text", "quote", "value"),
    [
        ("The merger closed on June 13, 2025, after review.", "June 13, 2025", "2025-06-13"),
        ("The merger closed on 13 June 2025 after review.", "13 June 2025", "2025-06-13"),
        ("It was announced on 10 June by both boards.", "10 June", "--06-10"),
        ("Talks began in May 2024 in Paris.", "May 2024", "2024-05"),
        ("Filed: 2025-06-09 by the clerk.", "2025-06-09", "2025-06-09"),
        ("Updated 2025-06-09 00:57:26 UTC.", "2025-06-09 00:57:26", "2025-06-09"),
        ("Published 2026-03-03T14:05:00Z online.", "2026-03-03T14:05:00Z", "2026-03-03"),
        ("The board met Jan. 5 to vote.", "Jan. 5", "--01-05"),
        ("The filing is dated Sept. 30, 2024.", "Sept. 30, 2024", "2024-09-30"),
        ("Regulators ruled in October 2023 on the bid.", "October 2023", "2023-10"),
        ("The vote is on Monday, 3rd March.", "3rd March", "--03-03"),
    ],
)
def test_dates_become_iso_strings_with_as_much_as_is_written(text, quote, value):
    n = the_number(text, quote)
    assert (n.value, n.unit) == (value, "date")
    assert n.low is None and n.high is None


def test_a_year_inside_a_full_date_is_not_a_separate_year():
    assert [n.span.text for n in numbers("The deal closed on 3 March 2026.")] == ["3 March 2026"]


@pytest.mark.parametrize(
    ("text", "quote", "value", "unit"),
    [
        ("Integration will take 18 months.", "18 months", 18, "months"),
        ("The audit lasts 12 weeks.", "12 weeks", 12, "weeks"),
        ("The lock-up runs 3 years.", "3 years", 3, "years"),
        ("Buyers get a 30-day window.", "30-day", 30, "days"),
        ("The lease spans 2 decades.", "2 decades", 20, "years"),
    ],
)
def test_durations_carry_their_time_unit(text, quote, value, unit):
    n = the_number(text, quote)
    assert (n.value, n.unit) == (value, unit)


# ---------------------------------------------------------------- ranges
@pytest.mark.parametrize(
    ("text", "ends", "values", "unit"),
    [
        ("Bankers pitched a $3-4 billion valuation.", ("$3", "4 billion"), (3e9, 4e9), "USD"),
        ("Offers came in at €90-100m.", ("€90", "100m"), (90e6, 100e6), "EUR"),
        ("The fee is between $2 and $3 million.", ("$2", "$3 million"), (2e6, 3e6), "USD"),
        ("Rollout shrank from 18 to 12 months.", ("18", "12 months"), (18, 12), "months"),
        ("Churn runs at 10–15% a year.", ("10", "15%"), (10, 15), "percent"),
        ("The plan covers 2016-2020.", ("2016", "2020"), (2016, 2020), "year"),
        ("Results for 2024-25 were restated.", ("2024", "25"), (2024, 2025), "year"),
        ("Between 2,000 and 3,000 workers joined.", ("2,000", "3,000"), (2000, 3000), "count"),
        ("Paying 20-25% more is bold.", ("20", "25%"), (20, 25), "percent"),
        ("The budget for 2025/26 grew.", ("2025", "26"), (2025, 2026), "year"),
    ],
)
def test_ranges_give_both_ends_sharing_unit_and_scale(text, ends, values, unit):
    found = quoted(text)
    for quote, value in zip(ends, values, strict=True):
        n = found[quote]
        assert (n.value, n.unit, n.qualifier) == (value, unit, "range")
        assert (n.low, n.high) == (min(values), max(values))


def test_a_percent_followed_by_to_and_a_count_is_not_a_range():
    found = quoted("Headcount rose 40% to 3,500.")
    assert found["40%"].qualifier == "exact" and found["3,500"].unit == "count"


def test_a_year_followed_by_to_and_money_is_not_a_range():
    found = quoted("The value climbed from $14 billion in 2021 to $20 billion.")
    assert found["2021"].unit == "year" and found["$20 billion"].qualifier == "exact"


# ---------------------------------------------------------------- hedges
@pytest.mark.parametrize(
    ("text", "quote", "qualifier", "low", "high"),
    [
        ("It paid about $15 billion.", "about $15 billion", "approx", 14.5e9, 15.5e9),  # half its last digit
        ("It paid roughly $2bn.", "roughly $2bn", "approx", 1.9e9, 2.1e9),
        ("It owns nearly 40% of it.", "nearly 40%", "approx", 36, 40),
        ("Some 500 staff left.", "Some 500", "approx", 475, 525),
        ("The round was ~$7M.", "~$7M", "approx", 6.65e6, 7.35e6),
        ("Rumours said more than $10 billion.", "more than $10 billion", "over", 10e9, None),
        ("It holds over 25% of the market.", "over 25%", "over", 25, None),
        ("A figure exceeding $10 billion was floated.", "exceeding $10 billion", "over", 10e9, None),
        ("Bloggers predicted a $10 billion+ deal.", "$10 billion+", "over", 10e9, None),
        ("Headlines said $10B+ again.", "$10B+", "over", 10e9, None),
        ("At least 20 banks joined.", "At least 20", "over", 20, None),
        ("Errors stay below 0.3% now.", "below 0.3%", "under", None, 0.3),
        ("Costs are less than $5m.", "less than $5m", "under", None, 5e6),
        ("They may cut up to 300 jobs.", "up to 300", "under", None, 300),
        ("It could pay as much as $1bn.", "as much as $1bn", "under", None, 1e9),
        ("Bids of 200 or more firms arrived.", "200 or more", "over", 200, None),
        ("A 500-odd strong crew.", "500-odd", "approx", 475, 525),
        ("It runs 100,000-level jobs.", "100,000-level", "approx", 95000, 105000),
        ("No fewer than 400 firms signed.", "No fewer than 400", "over", 400, None),
        ("It hires upward of 90 people.", "upward of 90", "over", 90, None),
        ("Bids need a minimum of 20% cover.", "a minimum of 20%", "over", 20, None),
    ],
)
def test_hedges_become_qualifiers_and_intervals(text, quote, qualifier, low, high):
    n = the_number(text, quote)
    assert n.qualifier == qualifier
    assert n.low == (pytest.approx(low) if low is not None else None)
    assert n.high == (pytest.approx(high) if high is not None else None)


def test_a_hedge_two_words_back_still_starts_the_span():
    n = the_number("The bidder is potentially over $10 billion.", "over $10 billion")
    assert n.qualifier == "over"


def test_over_before_a_year_is_not_a_hedge():
    n = the_number("Over 2024 the group expanded.", "2024")
    assert (n.unit, n.qualifier) == ("year", "exact")


# ---------------------------------------------------------------- not numbers
@pytest.mark.parametrize(
    "text",
    [
        "Compare Llama 4 with GPT-4 and Claude 4.",
        "The iPhone 15 and Windows 11 ship soon.",
        "The F-35 and COVID-19 stories ran.",
        "Web3 firms buy A100 and H100 chips.",
        "Screens show 4K over 5G links.",
        "1. Building the moat\n2) Second point",
        "A 3D model for B2B use, open 24/7.",
        "Version v2.1 shipped with build 3.5.1.",
        "See note [1] and clause No. 4 and page 12.",
        "Call +1 415 555 0100 or 555-123-4567 or +44 20 7946 0958.",
        "The vote ended 10:30 sharp.",
        "The 21st edition is out.",
        "Tesla Model 3 and a Boeing 737-800 jet.",
        "Terms are in the 8-K and the 10-Q.",
        "Read https://news.example/2025/06/13/story?id=123 or mail desk99@example.org.",
        "Sources: 1) a wire 2) a blog, ranked No.3 overall.",
    ],
)
def test_digits_in_names_labels_and_identifiers_are_not_numbers(text):
    assert numbers(text) == []


def test_a_capitalised_subject_before_an_amount_does_not_make_a_name():
    n = the_number("Northwind paid 10 billion for it.", "10 billion")
    assert n.value == 10e9


def test_a_product_name_before_a_counted_noun_is_still_a_count():
    n = the_number("ACME CUTS 300 JOBS", "300")
    assert n.unit == "count"


# ---------------------------------------------------------------- spans, ids, sentences
def test_spans_quote_the_text_and_point_back_at_it():
    text = "First, $5 million.\nThen about 12% more, in 2021."
    for n in numbers(text):
        assert text[n.span.start : n.span.end] == n.span.text
        assert n.span.source == "note.txt"
        assert n.id == f"n:note.txt:{n.span.start}"


def test_each_number_carries_the_sentence_holding_it():
    text = "The fund grew. It now manages $3 billion for clients. Nothing else changed."
    n = the_number(text, "$3 billion")
    assert n.sentence is not None and n.sentence.text == "It now manages $3 billion for clients."


def test_numbers_come_sorted_and_never_overlap():
    text = "Between $2 and $3 million, over 10%, 2016-2020, 10 or more, more than 20 of them."
    found = numbers(text)
    starts = [n.span.start for n in found]
    assert starts == sorted(starts)
    assert all(a.span.end <= b.span.start for a, b in itertools.pairwise(found))


def test_lookalike_spaces_are_accepted_without_moving_offsets():
    text = "A $5\u00a0billion deal and 3\u2009000 staff."
    found = quoted(text)
    assert found["$5\u00a0billion"].value == 5e9
    assert found["3\u2009000"].value == 3000


def test_text_without_digits_has_no_numbers():
    assert numbers("Nothing countable here, only words.") == []
    assert numbers("") == []


# ---------------------------------------------------------------- currency words several currencies share
@pytest.mark.parametrize(
    ("text", "quote", "unit"),
    [
        ("It paid NOK 9.8 billion, of which 600 million crowns in cash.", "600 million crowns", "NOK"),
        ("The fine was 600 million crowns.", "600 million crowns", "SEK"),  # nothing else named: the first
        ("It bid A$2 billion; rivals offered 1.5 billion dollars.", "1.5 billion dollars", "AUD"),
        ("Revenue rose, DKK figures show: 40 million kroner.", "40 million kroner", "DKK"),  # a code written
        ("It raised 300 million Norwegian crowns.", "300 million Norwegian crowns", "NOK"),
    ],
)
def test_a_shared_currency_word_takes_the_currency_the_article_names(text, quote, unit):
    (n,) = [n for n in find_numbers(text, "a.txt") if n.span.text == quote]
    assert n.unit == unit


def test_a_shared_word_takes_the_nearest_named_currency():
    text = "Oslo bid NOK 5 billion. Stockholm bid SEK 6 billion, or 6 billion crowns."
    (n,) = [n for n in find_numbers(text, "a.txt") if n.span.text == "6 billion crowns"]
    assert n.unit == "SEK"


# ---------------------------------------------------------------- quantities in words
@pytest.mark.parametrize(
    ("text", "quote", "value", "unit", "qualifier"),
    [
        ("It paid two billion dollars for it.", "two billion dollars", 2e9, "USD", "exact"),
        ("a deal worth nearly half a billion euros", "nearly half a billion euros", 5e8, "EUR", "approx"),
        ("It has three million users.", "three million", 3e6, "count", "exact"),
        ("fifteen per cent of the shares", "fifteen per cent", 15, "percent", "exact"),
        ("more than twenty-five percent", "more than twenty-five percent", 25, "percent", "over"),
        (
            "a hundred and twenty-five million pounds",
            "a hundred and twenty-five million pounds",
            1.25e8,
            "GBP",
            "exact",
        ),
        ("two and a half billion yen", "two and a half billion yen", 2.5e9, "JPY", "exact"),
        ("44 thousand million dollars", "44 thousand million dollars", 4.4e10, "USD", "exact"),
        ("a 25-per-cent stake", "25-per-cent", 25, "percent", "exact"),
    ],
)
def test_quantities_in_words_before_a_scale_or_percent_word(text, quote, value, unit, qualifier):
    (n,) = [n for n in find_numbers(text, "a.txt") if n.span.text == quote]
    assert (n.value, n.unit, n.qualifier) == (pytest.approx(value), unit, qualifier)


@pytest.mark.parametrize(
    "text", ["one of the three companies", "a billion-dollar deal", "a thousand times", "a percent", "the million"]
)
def test_number_words_that_are_no_figure_are_not_read(text):
    assert find_numbers(text, "a.txt") == []


def test_words_where_digits_were_read_are_not_read_twice():
    numbers = find_numbers("It sold 5 billion shares and two million more.", "a.txt")
    assert [n.span.text for n in numbers] == ["5 billion", "two million"]


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        ("Chief executive Anna Berg (61) said the deal made sense.", "61"),  # European papers' style
        ("Berg, who is 61, will stay on.", "61"),
        ("Kovac, now 34, runs Helix.", "34"),
    ],
)
def test_more_ways_of_writing_a_person_s_age(text, quote):
    (n,) = [n for n in find_numbers(text, "a.txt") if n.span.text == quote]
    assert n.unit == "age"


def test_a_number_in_brackets_after_a_label_is_no_age():
    assert [n.unit for n in find_numbers("Section (25) of the act applies.", "a.txt")] == []
