"""Word-level differences between claim sentences (facts/diff.py)."""

from __future__ import annotations

from facts.views.diff import changed_ranges, compare_all


def marked(sentence: str, ranges: list[tuple[int, int]]) -> list[str]:
    return [sentence[s:e] for s, e in ranges]


def test_only_the_differing_words_are_marked():
    a = "The firm was founded in 2019 by two engineers."
    b = "The firm was founded in 2018 by two engineers."
    assert marked(a, changed_ranges(a, b)) == ["2019"]


def test_case_alone_is_not_a_difference():
    a = "Shares rose Sharply on Monday"
    b = "shares rose sharply on monday"
    assert changed_ranges(a, b) == []


def test_each_of_several_sentences_is_compared_with_the_first():
    first = "They paid $3 billion for the company."
    second = "They paid more than $2 billion for the company."
    third = "Reports put the price at $3 billion."
    ranges = compare_all([first, second, third])
    assert marked(first, ranges[0]) == ["$3"]
    assert "more than $2" in marked(second, ranges[1])
    assert "Reports put the price at" in " ".join(marked(third, ranges[2]))


def test_a_lone_sentence_has_nothing_to_differ_from():
    assert compare_all(["Only one claim here."]) == [[]]
