"""What an article states about itself: outlet, author and date."""

from __future__ import annotations

from facts.read.corpus import make_source
from facts.read.metadata import sniff


def test_wire_dateline_names_the_agency_as_outlet() -> None:
    outlet = sniff("OSLO (Nordic Wire) - A ferry operator said on Friday it would add routes.").outlet
    assert outlet == "Nordic Wire"


def test_dateline_with_a_date_before_the_agency() -> None:
    outlet = sniff("LISBON, March 3 (Coast Press) — Harbour fees will rise next year.").outlet
    assert outlet == "Coast Press"


def test_byline_on_its_own_line_is_the_author() -> None:
    meta = sniff("Harbour fees to rise\nBy Maria Lopes and Tom Berg\n\nThe port said...")
    assert (meta.author, meta.outlet) == ("Maria Lopes and Tom Berg", "")


def test_sentence_starting_with_by_is_no_byline() -> None:
    assert sniff("Harbour fees to rise\nBy Friday the port will publish its tariffs.\n") == ("", "", "")


def test_author_label_stops_at_a_glued_date_label() -> None:
    meta = sniff("Body of the piece.\nAuthor: Harbour Desk TeamCreation Time: 2024-11-02 08:15:00\n")
    assert meta.author == "Harbour Desk Team"
    assert meta.date == "2024-11-02T08:15:00"


def test_published_date_is_preferred_to_updated() -> None:
    date = sniff("Updated: 2024-05-20\nPublished on 3 March 2024\n\nText.").date
    assert date == "2024-03-03"


def test_month_name_dates_become_iso() -> None:
    assert sniff("Posted on Sept. 14, 2023 by the desk").date == "2023-09-14"
    assert sniff("Published: April 2022\n").date == "2022-04"


def test_impossible_date_is_not_invented() -> None:
    assert sniff("Published: 2024-14-40\n").date == ""


def test_plain_date_word_is_no_label() -> None:
    assert sniff("The biggest order to date 2021 figures aside.").date == ""


def test_copyright_line_names_the_outlet() -> None:
    outlet = sniff("Body text here.\n© 2024 Harbour Gazette Ltd. All rights reserved.").outlet
    assert outlet == "Harbour Gazette Ltd"


def test_newsletter_footer_is_a_weak_outlet_cue() -> None:
    text = "Body.\n" + "filler words " * 400 + "\nGet the daily email from Port Pulse that explains shipping.\n"
    assert sniff(text).outlet == "Port Pulse"


def test_generic_subscription_box_names_nobody() -> None:
    assert sniff("Subscribe to our newsletter for more.").outlet == ""


def test_unknown_stays_empty() -> None:
    assert sniff("A plain paragraph about harbour fees without any metadata.") == ("", "", "")


def test_cues_in_the_middle_of_a_long_article_are_not_read() -> None:
    middle = "word " * 2000 + "\nPublished: 2020-01-01\n" + "word " * 2000
    assert sniff(middle) == ("", "", "")


def test_sources_carry_sniffed_metadata() -> None:
    src = make_source("a.txt", "a.txt", "Fees rise\nBy Ana Silva\nPublished: 2024-02-01\n\nText.")
    assert (src.author, src.date, src.provenance) == ("Ana Silva", "2024-02-01", "auto")
