"""The numerous records (spans, numbers, claims) are plain slotted objects, yet
a fact base read from a file or the cache is validated as strictly as before."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from facts.extract.numbers import find_numbers
from facts.model import FactBase, Number, Span, parse, plain
from facts.store.contract import dump_yaml, load_yaml

TEXT = "Acme paid $3 billion for 40% of Beta. Revenue was $1.2 billion in 2024."


def test_a_fact_base_round_trips_through_its_file():
    fb = FactBase(corpus="c", numbers=find_numbers(TEXT, "a.txt"))
    assert load_yaml(dump_yaml(fb)) == fb
    assert FactBase.model_validate_json(fb.model_dump_json()) == fb


@pytest.mark.parametrize(
    "change",
    [{"start": -1}, {"sneaky": "key"}],
    ids=["negative offset", "unknown key"],
)
def test_a_file_with_a_bad_span_is_refused(change):
    n = plain(find_numbers(TEXT, "a.txt")[0])
    n["span"] |= change
    with pytest.raises(ValidationError):
        FactBase.model_validate({"numbers": [n]})
    with pytest.raises(ValidationError):
        parse(Number, n)


def test_a_fact_base_keeps_the_records_it_is_given():
    numbers = find_numbers(TEXT, "a.txt")
    fb = FactBase(numbers=numbers)
    assert all(a is b for a, b in zip(fb.numbers, numbers, strict=True))  # not copied, not revalidated


def test_the_numbers_of_one_sentence_keep_its_text_once():
    first, second, third, fourth = find_numbers(TEXT, "a.txt")
    assert first.sentence is second.sentence
    assert third.sentence is fourth.sentence
    assert first.sentence != third.sentence
    assert isinstance(first.sentence, Span) and TEXT[first.sentence.start : first.sentence.end] == first.sentence.text
