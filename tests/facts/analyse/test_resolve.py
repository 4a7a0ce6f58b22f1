"""Alias resolution across a corpus: one entity per real-world thing, never two things in one."""

from __future__ import annotations

from facts.analyse.resolve import name_key, resolve
from facts.extract.entities import find_candidates
from facts.model import Entity

# A small corpus of our own about a fictional deal: a port operator buys a sensor maker.
WIRE = (
    "Tidewater Logistics Inc. said on Monday it agreed to buy Corvane Sensors for about $900 million.\n"
    "Corvane was founded by Dr. Elena Marsh and Tomasz Brodecki. Marsh, 44, will join Tidewater.\n"
    "Tidewater chief executive Rufus Adebayo told analysts the deal closes in June.\n"
    "Corvane also sells the Beacon app and the Beacon 2 tracker, which rivals the Lumen 5 from Glint Labs.\n"
)
BLOG = (
    "Why Tidewater's Big Bet on Corvane Matters\n"
    "Imagine a port where every crane can see. That is what Corvane Sensors promises, and "
    "the founder Dr. Marsh has said so for years. Tidewater, which Rufus Adebayoh has run since 2020, "
    "reportedly paid more than $850 million. Elena Brandt, an analyst at Harwick Capital, said the price is fair.\n"
    "Stay Ahead of the Curve\n"
)
ANALYSIS = (
    "Tidewater Logistics: What It Gets\n"
    "The Federal Maritime Commission (FMC) may review the purchase. Regulators at the FMC said little.\n"
    "Corvane's Beacon 2 and Beacon 3 devices sell well. Glint, the maker of Lumen 5, cut prices.\n"
    "Marsh said the Beacon 3 will ship next year. Adebayo declined to comment.\n"
)


def corpus(**texts: str) -> list[Entity]:
    return resolve({src: find_candidates(text, src) for src, text in texts.items()})


def entity_of(entities: list[Entity], surface: str) -> Entity:
    hits = [e for e in entities if any(m.text == surface for m in e.mentions)]
    assert len(hits) == 1, f"{surface!r} is in {[e.name for e in hits]}"
    return hits[0]


def together(entities: list[Entity], *surfaces: str) -> bool:
    return len({entity_of(entities, s).id for s in surfaces}) == 1


def deal() -> list[Entity]:
    return corpus(wire=WIRE, blog=BLOG, analysis=ANALYSIS)


def test_company_short_form_joins_its_full_name() -> None:
    es = deal()
    assert together(es, "Tidewater Logistics Inc.", "Tidewater", "Tidewater Logistics")
    assert together(es, "Corvane Sensors", "Corvane")


def test_bare_surname_and_honorific_join_the_full_name() -> None:
    es = deal()
    assert together(es, "Dr. Elena Marsh", "Marsh", "Dr. Marsh")
    assert entity_of(es, "Marsh").kind == "person"


def test_misspelt_surname_joins_and_is_recorded_as_a_variant() -> None:
    es = deal()
    person = entity_of(es, "Rufus Adebayo")
    assert together(es, "Rufus Adebayo", "Rufus Adebayoh")
    assert person.name == "Rufus Adebayo"
    assert person.variants == ["Rufus Adebayoh"]


def test_two_people_sharing_a_first_name_stay_apart() -> None:
    es = deal()
    assert not together(es, "Dr. Elena Marsh", "Elena Brandt")


def test_bracketed_acronym_joins_the_long_name() -> None:
    assert together(deal(), "Federal Maritime Commission", "FMC")


def test_acronym_joins_a_name_with_those_initials() -> None:
    es = corpus(a="The Office of Naval Research paid for it. Later ONR asked for more.")
    assert together(es, "Office of Naval Research", "ONR")


def test_numbered_releases_of_one_family_are_never_merged() -> None:
    es = deal()
    assert not together(es, "Beacon 2", "Beacon 3")
    assert not together(es, "Beacon", "Beacon 2")


def test_single_release_joins_its_family() -> None:
    es = corpus(a="Glint sells the Lumen 5 camera. Reviewers like the Lumen camera range from Glint.")
    assert together(es, "Lumen", "Lumen 5")


def test_company_and_its_product_stay_apart() -> None:
    es = corpus(
        a="Critics compared Quorra with Halden Quorra and said Halden should focus.",
        b="Halden released Quorra last year, and Halden Quorra is now its bestseller.",
    )
    assert together(es, "Quorra", "Halden Quorra")
    assert not together(es, "Halden", "Quorra")


def test_case_variants_are_one_entity_and_not_misspellings() -> None:
    es = corpus(a="The ZeNo model beat ZENO in tests.", b="Later the Zeno model and ZeNo again.")
    e = entity_of(es, "ZeNo")
    assert together(es, "ZeNo", "ZENO", "Zeno")
    assert e.variants == []


def test_one_letter_missing_from_a_mixed_case_name_is_a_misspelling() -> None:
    es = corpus(a="They trained KaRMA on new data.", b="KaRMA leads, but the KRMA model also ran.")
    e = entity_of(es, "KaRMA")
    assert together(es, "KaRMA", "KRMA")
    assert e.variants == ["KRMA"]


def test_a_place_never_joins_an_organisation_it_starts() -> None:
    es = corpus(a="Exports from France fell. The France Telecom Group disagreed with France.")
    assert not together(es, "France", "France Telecom Group")
    assert entity_of(es, "France").kind == "place"


def test_headline_words_survive_only_when_written_as_names_elsewhere() -> None:
    es = deal()
    surfaces = {m.text for e in es for m in e.mentions}
    assert {"Why", "Imagine", "Stay Ahead", "Big Bet", "Curve"}.isdisjoint(surfaces)
    assert any(m.source == "blog" and m.text == "Tidewater" for m in entity_of(es, "Tidewater").mentions)


def test_ambiguous_surname_joins_nobody() -> None:
    es = corpus(a="Anna Kovacs and Peter Kovacs founded it. Kovacs said little.")
    assert not together(es, "Anna Kovacs", "Peter Kovacs")
    assert not together(es, "Kovacs", "Anna Kovacs")


def test_entities_are_sorted_by_mentions_and_mentions_by_place() -> None:
    es = deal()
    counts = [len(e.mentions) for e in es]
    assert counts == sorted(counts, reverse=True)
    for e in es:
        keys = [(m.source, m.start) for m in e.mentions]
        assert keys == sorted(keys)


def test_ids_are_unique_slugs_of_the_name() -> None:
    es = deal()
    ids = [e.id for e in es]
    assert len(ids) == len(set(ids))
    assert entity_of(es, "Rufus Adebayo").id == "rufus-adebayo"


def test_aliases_list_every_other_surface_form() -> None:
    e = entity_of(deal(), "Corvane")
    assert e.name == "Corvane Sensors"
    assert e.aliases == ["Corvane"]


def test_name_key_folds_case_legal_suffix_and_glued_version() -> None:
    assert name_key("ACME Widgets Inc.") == name_key("Acme Widgets")
    assert name_key("ORBIT7") == name_key("Orbit 7") == name_key("Orbit-7")


def test_empty_corpus_has_no_entities() -> None:
    assert resolve({}) == []
    assert resolve({"a.txt": []}) == []
