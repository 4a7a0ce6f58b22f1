"""The site a printed page names beside its headline, on either side of a separator."""

from __future__ import annotations

from facts.read.formats.page_fields import site_beside

HEADLINE = "Ferry operator agrees to buy rival line"


def test_the_site_before_or_after_the_headline_is_found() -> None:
    assert site_beside(f"Coast Courier - {HEADLINE}", HEADLINE) == "Coast Courier"
    assert site_beside(f"{HEADLINE} | Coast Courier", HEADLINE) == "Coast Courier"


def test_a_headline_cut_short_still_matches_its_full_form() -> None:
    cut = "Ferry operator agrees to buy rival…"
    assert site_beside(f"{HEADLINE} | Coast Courier", cut) == "Coast Courier"


def test_a_long_tail_or_another_headline_is_no_site() -> None:
    assert site_beside(f"{HEADLINE} | and the long story of how the harbour came to be", HEADLINE) == ""
    assert site_beside("Coast Courier - Another story entirely", HEADLINE) == ""
    assert site_beside("Coast Courier - anything", "") == ""
