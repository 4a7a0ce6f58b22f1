"""Bylines and datelines in plain text give the author, outlet and date."""

from __future__ import annotations

from facts.read.metadata import sniff


def test_name_outlet_and_date_on_one_line() -> None:
    meta = sniff("Ferry fares rise again\nRosa Lindqvist, Fjord Ledger, 14 March 2026\n\nThe operator said...")
    assert meta == ("Fjord Ledger", "Rosa Lindqvist", "2026-03-14")


def test_by_author_bar_outlet_bar_date() -> None:
    meta = sniff("Ferry fares rise again\nBy K. Osei | Harbour Times | 3 Oct 2025\n\nThe operator said...")
    assert meta == ("Harbour Times", "K. Osei", "2025-10-03")


def test_wire_dateline_gives_the_date() -> None:
    meta = sniff("Ferry fares rise again\n\nOSLO, Oct. 3, 2025 — The operator said on Friday it would raise fares.")
    assert meta.date == "2025-10-03"


def test_dateline_with_a_region_and_an_agency() -> None:
    meta = sniff("LYON, Rhone, 3 March 2025 (Alpine Wire) - The operator said it would raise fares.")
    assert meta.date == "2025-03-03" and meta.outlet == "Alpine Wire"


def test_a_headline_with_commas_is_no_byline() -> None:
    assert sniff("Fares Rise, Routes Cut, Staff Wait\n\nThe operator said it would raise fares.") == ("", "", "")


def test_a_place_and_date_alone_are_no_author() -> None:
    meta = sniff("OSLO, 3 Oct 2025\n\nThe operator said it would raise fares.")
    assert meta.author == "" and meta.outlet == ""


def test_a_labelled_date_beats_the_byline_date() -> None:
    meta = sniff("By Ana Silva, 3 Oct 2025\nPublished: 2025-10-04\n\nText.")
    assert (meta.author, meta.date) == ("Ana Silva", "2025-10-04")


def test_the_date_of_a_wire_dateline_is_where_the_dateline_stands() -> None:
    from facts.read.bylines import in_dateline

    text = "Title\n\nOSLO, April 5 (Reuters) - Nordfisk agreed on April 3 to buy it.\n"
    first = text.index("April 5")
    second = text.index("April 3")
    assert in_dateline(text, first, first + len("April 5"))
    assert not in_dateline(text, second, second + len("April 3"))
