"""Whatever the text, the number grammar never crashes and its spans stay honest."""

from __future__ import annotations

import math

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from facts.extract.numbers import find_numbers

# Pieces that exercise the grammar: digits, separators, currencies, scales, hedges,
# months, joiners and lookalike spaces, shuffled into nonsense.
PIECES = [
    "0", "1", "7", "19", "24", "100", "2016", "2025", "1,500", "3.2", ".", ",", "-", "–", "—", "+", "%", "x",
    "$", "US$", "€", "£", "¥", "₹", "HK$", "USD", "EUR", " ", "\u00a0", "\u2009", "\n", "\t", "\x1b", "\x00",
    "bn", "m", "M", "B", "k", "million", "billion", " per cent", "times", "fold", "about ", "over ", "up to ",
    "more than ", "nearly ", "~", " or more", "-odd", "-year-old", " months", " years", "June", "Jan.", "May ",
    "Q3 ", "FY", "at ", "aged ", "between ", " and ", " to ", "GPT-", "Llama ", "No. ", "[", "]", "(", ")", ":",
    "/", "é", "中", "\u202e", "Meta", "the ", "2025-06-09", " 00:57:26",
]  # fmt: skip

soup = st.lists(st.sampled_from(PIECES), max_size=40).map("".join)
anything = st.text(max_size=200)
mixed = st.one_of(soup, anything, st.lists(st.one_of(soup, anything), max_size=4).map("".join))


def check_invariants(text: str) -> None:
    found = find_numbers(text, "random.txt")
    previous_end = 0
    for n in found:
        s = n.span
        assert 0 <= s.start < s.end <= len(text)
        assert text[s.start : s.end] == s.text
        assert s.start >= previous_end, "spans are sorted and never overlap"
        previous_end = s.end
        assert n.sentence is not None
        assert n.sentence.start <= s.start and s.end <= n.sentence.end
        assert text[n.sentence.start : n.sentence.end] == n.sentence.text
        if isinstance(n.value, float):
            assert math.isfinite(n.value)
        for bound in (n.low, n.high):
            assert bound is None or math.isfinite(bound)
        if n.low is not None and n.high is not None:
            assert n.low <= n.high


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mixed)
def test_random_text_never_crashes_and_spans_quote_the_text(text: str) -> None:
    check_invariants(text)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(["1", "2", "3", ",", ".", "-", " "]), min_size=1, max_size=300).map("".join))
def test_runs_of_digits_and_joiners_never_break_the_spans(text: str) -> None:
    check_invariants(text)


def test_a_very_long_run_of_digits_and_commas_is_no_number():
    assert find_numbers("9" * 100_000, "long.txt") == []
    check_invariants("1,2" * 30_000)


def test_a_long_single_line_of_prose_keeps_every_amount():
    line = "Acme paid about $2.5 billion for 40% of Zenith in 2021, and " * 5_000
    found = find_numbers(line, "line.txt")
    assert len(found) == 15_000
    assert all(n.sentence is not None and len(n.sentence.text) < 1_000 for n in found)
