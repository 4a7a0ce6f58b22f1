"""Sentences (as the Document splits them) and display safety."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from facts.extract.document import split_sentences
from facts.text import display_safe, fold, line_of


def sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text)]


def test_sentences_split_on_full_stops_but_not_abbreviations():
    text = "Dr. Ode joined Acme Inc. in May. The U.S. regulator agreed! Shares rose."
    assert sentences(text) == ["Dr. Ode joined Acme Inc. in May.", "The U.S. regulator agreed!", "Shares rose."]


def test_lines_without_full_stops_are_sentences_of_their_own():
    assert sentences("A Headline Here\nBody text follows.") == ["A Headline Here", "Body text follows."]


def test_display_safe_keeps_length_and_neutralises_escapes():
    hostile = "a\x1b[31mred\x1b]52;c;aGk=\x07\u202eevil\u200b\x00z"
    safe = display_safe(hostile)
    assert len(safe) == len(hostile)
    assert not any(ord(c) < 0x20 and c not in "\t\n" for c in safe)
    assert "\u202e" not in safe and "\u200b" not in safe


def test_fold_ignores_case_accents_and_punctuation():
    assert fold("Zoë  Müller-Smith") == fold("zoe muller smith")


def test_line_of_counts_from_one():
    assert line_of("a\nb\nc", 4) == 3


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_sentence_spans_are_ordered_and_inside_the_text(text):
    last = 0
    for s, e in split_sentences(text):
        assert last <= s < e <= len(text)
        last = e
