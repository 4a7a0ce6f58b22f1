"""Sentences (as the Document splits them) and display safety."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from facts.extract.document import split_sentences
from facts.text import display_safe, fold, line_of, words_re


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


def _flat(phrases: list[str]) -> re.Pattern[str]:
    """The plain alternation words_re replaces, as the reference."""
    alternatives = sorted({p.lower() for p in phrases}, key=len, reverse=True)
    body = "|".join(r"\s+".join(re.escape(w) for w in p.split()) for p in alternatives)
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", re.IGNORECASE)


_PHRASES = ["stake", "stakes", "stake in", "staff", "share of", "share", "shares", "market share", "c.", "per cent"]


@pytest.mark.parametrize(
    "text",
    [
        "It bought a stake in Orsa and stakes elsewhere; staff shares rose.",
        "Its market  share and share of sales, per\ncent, c. 2019.",
        "stakeholders, mistake, staffing, market-share, sharecroppers",
        "",
    ],
)
def test_a_phrase_list_finds_what_a_flat_alternation_finds(text: str) -> None:
    found = [(m.start(), m.end()) for m in words_re(_PHRASES).finditer(text)]
    assert found == [(m.start(), m.end()) for m in _flat(_PHRASES).finditer(text)]


def test_a_phrase_list_prefers_the_longest_phrase_and_whole_words() -> None:
    found = [m.group() for m in words_re(_PHRASES).finditer("A stake in it; a mistake; market share.")]
    assert found == ["stake in", "market share"]


def test_a_case_sensitive_phrase_list_keeps_case() -> None:
    assert [m.group() for m in words_re(["The Ledger"], 0).finditer("the ledger, The Ledger")] == ["The Ledger"]


@given(st.lists(st.sampled_from(["stake", "s", " in", "share", "market ", "-", "of ", "c.", "per", " cent", "\n"])))
@settings(max_examples=200, deadline=None)
def test_a_phrase_list_agrees_with_a_flat_alternation_on_any_text(parts: list[str]) -> None:
    text = "".join(parts)
    found = [(m.start(), m.end()) for m in words_re(_PHRASES).finditer(text)]
    assert found == [(m.start(), m.end()) for m in _flat(_PHRASES).finditer(text)]
