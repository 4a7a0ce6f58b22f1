"""Detection of the name forms that resolution needs whole: particles, legal forms, tickers, appositives."""

from __future__ import annotations

from facts.extract.entities import Candidate, find_candidates


def mention(text: str, surface: str) -> Candidate:
    hits = [c for c in find_candidates(text, "a") if c.span.text == surface]
    assert len(hits) == 1, f"{surface!r} not among {[c.span.text for c in find_candidates(text, 'a')]}"
    return hits[0]


def test_an_honorific_keeps_the_surname_particle() -> None:
    c = mention("Dr. van der Berg told reporters the price was fair.\n", "Dr. van der Berg")
    assert c.form == "van der Berg"
    assert c.kind == "person"


def test_a_lowercase_legal_form_closes_the_company_name() -> None:
    assert mention("Investors in Calder plc cheered on Monday.\n", "Calder plc").form == "Calder plc"


def test_a_company_led_by_a_chief_executive_is_not_a_person() -> None:
    c = mention("Analysts said Arvel, led by chief executive Dana Ruiz, grew fast.\n", "Arvel")
    assert c.kind != "person"


def test_an_appositive_role_still_marks_a_person() -> None:
    assert mention("Analysts said Dana Ruiz, the chief executive, would stay.\n", "Dana Ruiz").kind == "person"


def test_a_ticker_bracket_does_not_turn_the_line_into_a_label() -> None:
    c = mention("Halvard Systems Inc. (NASDAQ: HLVD) said on Monday it would buy a rival.\n", "Halvard Systems Inc.")
    assert not c.weak
    assert c.ticker == "HLVD"


def test_a_label_before_a_colon_is_still_a_title() -> None:
    cands = find_candidates("Deal Terms: Halvard will pay cash for the company.\n", "a")
    assert all(c.span.text != "Deal Terms" or c.weak for c in cands)


def test_a_chain_of_particles_stays_inside_one_name() -> None:
    assert mention("Officials said Ursula von der Leyen would visit.\n", "Ursula von der Leyen")
    assert mention("He met Maria de los Santos on Monday.\n", "Maria de los Santos")


def test_connectors_that_are_not_particles_do_not_chain() -> None:
    cands = [c.span.text for c in find_candidates("Talks between Orvik of the Harbour Group ended.\n", "a")]
    assert "Orvik of the Harbour Group" not in cands
