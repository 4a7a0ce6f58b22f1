"""Who says each figure: outlets, unnamed sources, official statements, quoted
speakers and hearsay; and how many independent origins back a value.
Every sentence here is made up about fictional companies."""

from __future__ import annotations

from facts.analyse.attribution import attribute_numbers, conflict_sourcing, origins, rank_conflicts, sourcing
from facts.extract.document import Document
from facts.model import Attribution, Claim, Conflict, Span
from tests.facts.analyse.test_attributes import entity, num


def said_by(text: str, quote: str, value: float, unit: str = "USD", *names: tuple[str, str]):
    n = num(text, quote, value, unit)
    entities = [entity({"a.txt": text}, name, kind) for name, kind in names]
    attribute_numbers([n], Document(text), entities)
    return n.attribution


def test_according_to_a_publication_names_the_outlet():
    text = "According to Reuters, Quill Robotics will pay $3 billion for the unit."
    a = said_by(text, "$3 billion", 3e9)
    assert (a.kind, a.origin) == ("outlet", "Reuters")
    assert text[a.span.start : a.span.end] == a.span.text
    assert a.span.text.startswith("According to Reuters")


def test_unnamed_sources_quoted_by_an_outlet_are_credited_to_the_outlet():
    text = "According to three sources quoted by Reuters, Quill Robotics agreed to pay $3 billion."
    assert said_by(text, "$3 billion", 3e9).origin == "Reuters"


def test_people_familiar_with_the_terms_are_anonymous():
    text = "Quill Robotics offered $3 billion, two people familiar with the terms said."
    a = said_by(text, "$3 billion", 3e9)
    assert a.kind == "anonymous"
    assert a.origin == "two people familiar with"


def test_a_company_statement_is_official():
    text = "Quill Robotics said in a statement that the price was $3 billion."
    a = said_by(text, "$3 billion", 3e9, "USD", ("Quill Robotics", "organisation"))
    assert (a.kind, a.origin, a.entity) == ("official", "Quill Robotics", "quill-robotics")


def test_the_companies_announcing_is_official_without_a_name():
    a = said_by("The companies announced a price of $3 billion on Monday.", "$3 billion", 3e9)
    assert a.kind == "official"
    assert a.origin == "The companies"


def test_a_figure_inside_a_quotation_belongs_to_its_speaker():
    text = "The mood was upbeat. “We expect sales of $40 million next year,” Priya Nandakumar said."
    a = said_by(text, "$40 million", 4e7, "USD", ("Priya Nandakumar", "person"))
    assert (a.kind, a.origin) == ("speaker", "Priya Nandakumar")


def test_a_speaker_named_before_the_quotation_counts_too():
    text = "Priya Nandakumar added: “Margins should reach 30% soon.”"
    a = said_by(text, "30%", 30, "percent", ("Priya Nandakumar", "person"))
    assert (a.kind, a.origin) == ("speaker", "Priya Nandakumar")


def test_reportedly_is_hearsay():
    a = said_by("Quill Robotics is reportedly weighing a $3 billion bid.", "$3 billion", 3e9)
    assert a.kind == "hearsay"


def test_a_figure_nobody_is_credited_with_is_the_articles_own():
    assert said_by("Quill Robotics paid $3 billion for the unit.", "$3 billion", 3e9) is None


def test_an_open_source_model_is_not_an_anonymous_source():
    assert said_by("Its open source model cost $3 million to train.", "$3 million", 3e6) is None


# ---------------------------------------------------------------- independence
def claim(source: str, value: float, attribution: Attribution | None = None) -> Claim:
    span = Span(source=source, start=0, end=3, text="$3B")
    return Claim(span=span, value=value, unit="USD", attribution=attribution)


OUTLET = Attribution(kind="outlet", origin="The Ledger")
UNNAMED = Attribution(kind="anonymous", origin="people familiar")
RUMOUR = Attribution(kind="hearsay", origin="reportedly")
OFFICIAL = Attribution(kind="official", origin="Quill Robotics")


def test_articles_citing_the_same_outlet_count_as_one_origin():
    assert origins([claim("a.txt", 3e9, OUTLET), claim("b.txt", 3e9, OUTLET)]) == ["The Ledger"]


def test_an_outlets_own_article_and_a_citation_of_it_are_one_origin():
    claims = [claim("ledger.txt", 3e9), claim("b.txt", 3e9, OUTLET)]
    assert len(origins(claims, {"ledger.txt": "The Ledger"})) == 1
    assert len(origins(claims)) == 2


def test_unnamed_sources_count_once_per_article():
    claims = [claim("a.txt", 3e9, UNNAMED), claim("a.txt", 3e9, UNNAMED), claim("b.txt", 3e9, UNNAMED)]
    assert len(origins(claims)) == 2


def test_an_official_statement_outweighs_repeated_hearsay():
    assert sourcing([claim("a.txt", 3e9, OFFICIAL)]) > sourcing([claim("b.txt", 4e9, RUMOUR)] * 3)


def test_conflict_sides_are_ranked_by_their_sourcing():
    c = Conflict(
        id="price", attribute="deal value", claims=[claim("a.txt", 3e9, RUMOUR), claim("b.txt", 4e9, OFFICIAL)]
    )
    sides = conflict_sourcing(c)
    assert [label for label, _, _ in sides] == ["$4B", "$3B"]
    assert sides[0][1] == 1


def test_a_dispute_between_two_solid_sides_ranks_above_one_against_a_rumour():
    weak = Conflict(id="weak", attribute="x", claims=[claim("a.txt", 3e9, RUMOUR), claim("b.txt", 4e9, OFFICIAL)])
    solid = Conflict(id="solid", attribute="x", claims=[claim("a.txt", 3e9, OUTLET), claim("b.txt", 4e9, OFFICIAL)])
    assert [c.id for c in rank_conflicts([weak, solid])] == ["solid", "weak"]


# ---------------------------------------------------------------- beyond one sentence
def test_a_lead_in_ending_with_a_colon_carries_to_the_next_sentence():
    text = "Ingrid Solberg said:\nThe buyer will pay $3 billion for the unit."
    a = said_by(text, "$3 billion", 3e9, "USD", ("Ingrid Solberg", "person"))
    assert (a.kind, a.origin) == ("speaker", "Ingrid Solberg")


def test_according_to_at_the_start_carries_to_the_next_sentence_only():
    text = (
        "According to Reuters, Quill Robotics is selling its sensor unit. The price is $3 billion. "
        "The unit employs 400 people."
    )
    assert said_by(text, "$3 billion", 3e9).origin == "Reuters"
    assert said_by(text, "400", 400, "count") is None


def test_a_lead_in_does_not_cross_a_paragraph():
    text = "According to Reuters, Quill Robotics is selling its sensor unit.\n\nThe price is $3 billion."
    assert said_by(text, "$3 billion", 3e9) is None


def test_he_said_is_the_person_named_last():
    text = "Petter Moen runs the unit. The price will be $3 billion, he said."
    a = said_by(text, "$3 billion", 3e9, "USD", ("Petter Moen", "person"))
    assert (a.kind, a.origin, a.entity) == ("speaker", "Petter Moen", "petter-moen")


def test_she_said_after_a_quotation_is_the_person_named_last():
    text = "Ingrid Solberg spoke on Monday. “Sales will reach $40 million,” she said."
    a = said_by(text, "$40 million", 4e7, "USD", ("Ingrid Solberg", "person"))
    assert (a.kind, a.origin) == ("speaker", "Ingrid Solberg")


def test_one_person_quoted_by_full_name_and_surname_is_one_origin():
    full = Claim(
        span=Span(source="a.txt", start=0, end=2, text="$3"),
        value=3.0,
        attribution=Attribution(kind="speaker", origin="Ingrid Solberg"),
    )
    short = Claim(
        span=Span(source="b.txt", start=0, end=2, text="$3"),
        value=3.0,
        attribution=Attribution(kind="speaker", origin="Solberg"),
    )
    assert origins([full, short]) == ["Ingrid Solberg"]
    assert sourcing([full, short]) == sourcing([full])
