"""Properties of entity detection and resolution on arbitrary text: no crash, valid ordered spans."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import facts.extract.entities as entities
from facts.analyse.resolve import resolve
from facts.extract.entities import find_candidates

# Text with many capitals, brackets, dots, hyphens and apostrophes, mixed with arbitrary unicode.
_PIECES = st.sampled_from(
    [
        "Acme",
        "ACME",
        "AcMe",
        "of",
        "Bank",
        "Dr.",
        "U.S.",
        "(",
        ")",
        "’s",
        "'s",
        "-",
        " ",
        "\n",
        ". ",
        ": ",
        "The",
        "Why",
        "4",
        "x",
        "&",
        "“",
        "”",
        "Mr.",
        "CEO",
        "Inc.",
        "AI",
        "Ünïcode",
        "the head",
        " of ",
        "co-CEO",
        "van der",
        "company’s",
        "sold 40 units, then",
        "\u200b",
        "\x1b[31m",
    ]
)
_TEXT = st.one_of(
    st.text(max_size=300),
    st.lists(_PIECES, max_size=80).map("".join),
    st.lists(st.one_of(_PIECES, st.text(max_size=5)), max_size=60).map("".join),
)


@settings(max_examples=150, deadline=None)
@given(_TEXT)
def test_candidates_are_exact_sorted_and_non_overlapping(text: str) -> None:
    cands = find_candidates(text, "r.txt")
    end = 0
    for c in cands:
        assert 0 <= c.span.start < c.span.end <= len(text)
        assert text[c.span.start : c.span.end] == c.span.text
        assert c.span.start >= end
        end = c.span.end


@settings(max_examples=60, deadline=None)
@given(st.lists(_TEXT, min_size=1, max_size=4))
def test_resolution_keeps_every_mention_exact_and_in_one_entity(texts: list[str]) -> None:
    sources = {f"s{i}.txt": t for i, t in enumerate(texts)}
    entities = resolve({s: find_candidates(t, s) for s, t in sources.items()})
    seen: set[tuple[str, int]] = set()
    for e in entities:
        assert e.mentions and e.name and e.id
        for m in e.mentions:
            assert sources[m.source][m.start : m.end] == m.text
            assert (m.source, m.start) not in seen
            seen.add((m.source, m.start))
    assert len({e.id for e in entities}) == len(entities)


@settings(max_examples=200, deadline=None)
@given(_TEXT)
def test_reading_plain_prose_in_stretches_finds_what_reading_word_by_word_finds(text: str) -> None:
    fast = find_candidates(text, "r.txt")
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(entities, "_plain_or_token", lambda: entities._TOKEN)  # plain words collapsed one by one
        collapsed = find_candidates(text, "r.txt")
        tokens = entities._tokens
        mp.setattr(entities, "_tokens", lambda t, a, b, collapse=False: tokens(t, a, b))  # every word kept
        every = find_candidates(text, "r.txt")
    assert fast == collapsed == every
