"""Resolution of the many ways one name is written, on deals of our own invention.

Each mechanism is pinned by a case that must join and by a near miss that must not:
tickers, spacing and case, transliterations, name order, surnames and honorifics,
possessives, corporate suffixes, and the things that are never one entity
(two people sharing a surname, a company and its founder, a parent and its subsidiary).
"""

from __future__ import annotations

from facts.analyse.resolve import spelling
from facts.extract.entities import ticker_after
from facts.model import Entity
from tests.facts.analyse.test_resolve import corpus, entity_of, together


def apart(entities: list[Entity], *surfaces: str) -> bool:
    return len({entity_of(entities, s).id for s in surfaces}) == len(surfaces)


# ---------------------------------------------------------------- tickers
def test_a_ticker_read_next_to_a_name_is_that_name_in_every_article() -> None:
    es = corpus(
        a="Halvard Systems Inc. (NASDAQ: HLVD) said on Monday it would buy a rival.\n",
        b="Traders sold HLVD after the call, and the stock of HLVD fell 3%.\n",
    )
    assert together(es, "Halvard Systems Inc.", "HLVD")
    assert entity_of(es, "HLVD").name == "Halvard Systems Inc."  # a symbol names it only when nothing else does


def test_exchange_after_a_comma_and_cashtags_give_the_ticker() -> None:
    assert ticker_after("Ostrel Labs, NYSE: OSTL, rose.", len("Ostrel Labs")) == "OSTL"
    assert ticker_after("Brenmoor ($BRMR) agreed.", len("Brenmoor")) == "BRMR"
    assert ticker_after("Quill Corp (Nasdaq:QUIL) fell.", len("Quill Corp")) == "QUIL"
    assert ticker_after("TALLIS GROUP. (private; TLGP delisted) - notes", len("TALLIS GROUP")) == "TLGP"


def test_a_bracket_without_a_listing_cue_is_not_a_ticker() -> None:
    assert ticker_after("Ostrel Labs (a maker of chips) said", len("Ostrel Labs")) == ""
    assert ticker_after("Ostrel Labs (CEO since 2019) said", len("Ostrel Labs")) == ""
    assert ticker_after("Ostrel Labs said (NYSE: OSTL)", len("Ostrel")) == ""


def test_a_ticker_claimed_by_two_different_names_joins_neither() -> None:
    es = corpus(
        a="Pellam Dynamics (NYSE: PLM) makes drones for farms.\n",
        b="Orvik Marine (NYSE: PLM) builds ferries in Norway.\n",
        c="Investors watched PLM closely this week.\n",
    )
    assert apart(es, "Pellam Dynamics", "Orvik Marine", "PLM")


def test_a_parent_and_its_subsidiary_named_differently_stay_two() -> None:
    es = corpus(
        a="Norvane Holdings (NYSE: NRVH) owns Tessaly Robotics, which it bought in 2021.\n",
        b="Tessaly Robotics said its orders rose, and Norvane Holdings said its profit fell.\n",
    )
    assert apart(es, "Norvane Holdings", "Tessaly Robotics")
    assert together(es, "Norvane Holdings", "NRVH")


# ---------------------------------------------------------------- spacing and case
def test_spacing_and_case_variants_are_one_name() -> None:
    es = corpus(
        a="Executives at Lumen Forge met on Monday to discuss hiring.\n",
        b="The startup Lumenforge is based in Oslo, and LUMENFORGE declined to comment.\n",
        c="Analysts at the bank said LumenForge would keep its staff.\n",
    )
    assert together(es, "Lumen Forge", "Lumenforge", "LUMENFORGE", "LumenForge")


def test_short_glued_names_are_not_joined_by_their_letters() -> None:
    es = corpus(a="Investors met Ada Ng on Monday to talk.\n", b="Analysts compared it with Adang on Tuesday.\n")
    assert apart(es, "Ada Ng", "Adang")


# ---------------------------------------------------------------- transliterations and spellings
def test_umlauts_and_their_expansions_are_one_name() -> None:
    es = corpus(
        a="Dr. Jürgen Müller, the chief executive, said the deal was fair.\n",
        b="Analysts said Juergen Mueller told reporters the price was right.\n",
        c="On Tuesday Jurgen Muller spoke to investors in Munich.\n",
    )
    assert together(es, "Dr. Jürgen Müller", "Juergen Mueller", "Jurgen Muller")


def test_particles_hyphens_and_vowel_spellings_are_one_name() -> None:
    es = corpus(
        a="The investor Omar Al-Rasheed, a partner at the fund, agreed to the terms.\n",
        b="The investor Omar Al Rashid did not comment on the terms.\n",
        c="The investor Omar El Rashid has backed three startups.\n",
    )
    assert together(es, "Omar Al-Rasheed", "Omar Al Rashid", "Omar El Rashid")


def test_a_swap_of_two_letters_is_one_misspelling_and_the_bare_surname_follows() -> None:
    es = corpus(
        a="The finance chief Ishaan Agrawal left in June. Ishaan Agrawal was replaced by a deputy.\n",
        b="The finance chief Ishaan Agrawal said the bonds were sold.\n",
        c="The director financial Ishaan Agarwal was dismissed, and Agarwal left the building.\n",
    )
    assert together(es, "Ishaan Agrawal", "Ishaan Agarwal", "Agarwal")
    e = entity_of(es, "Agarwal")
    assert e.name == "Ishaan Agrawal"  # the form most sources use titles the entity
    assert e.variants == ["Ishaan Agarwal"]


def test_short_names_that_transliteration_would_fold_together_stay_two() -> None:
    es = corpus(a="Sara Lee said the deal was good. Sara Li said it was not.\n")
    assert apart(es, "Sara Lee", "Sara Li")


def test_spelling_folds_transliterations_but_keeps_distinct_words_distinct() -> None:
    assert spelling("mueller") == spelling("muller")
    assert spelling("rasheed") == spelling("rashid")
    assert spelling("el") == spelling("al")
    assert spelling("miller") != spelling("muller")
    assert spelling("chen") != spelling("chan")


def test_a_word_and_its_inflection_are_not_misspellings() -> None:
    es = corpus(
        a="Sales in North America rose. North American buyers paid more, analysts at Orrin Partners said.\n",
        b="Revenue from North America fell, and North American demand slowed.\n",
    )
    assert apart(es, "North America", "North American")


# ---------------------------------------------------------------- name order
def test_family_name_first_and_given_name_first_are_one_person() -> None:
    es = corpus(
        a="The founder Sato Kenji, the chief executive, said the deal was done.\n",
        b="On Tuesday Kenji Sato told analysts that it would close.\n",
    )
    assert together(es, "Sato Kenji", "Kenji Sato")


def test_organisations_with_the_same_words_in_another_order_stay_two() -> None:
    es = corpus(a="Stone Ridge Partners and Ridge Stone Partners both bid for the site.\n")
    assert apart(es, "Stone Ridge Partners", "Ridge Stone Partners")


# ---------------------------------------------------------------- surnames, honorifics, possessives
def test_honorific_and_bare_surnames_join_the_person_named_in_full() -> None:
    es = corpus(
        a="The deal was led by Adaeze Okafor, the chief financial officer, and Dr. Hana Lee, its scientist.\n",
        b="Ms Okafor said the price was fair. Dr. Lee said the chips were ready, and Okafor agreed.\n",
    )
    assert together(es, "Adaeze Okafor", "Ms Okafor", "Okafor")
    assert together(es, "Dr. Hana Lee", "Dr. Lee")
    assert apart(es, "Ms Okafor", "Dr. Lee")


def test_a_surname_with_its_particle_after_an_honorific() -> None:
    es = corpus(
        a="The chairman Maarten de Vries said the board agreed.\n",
        b="Dr. de Vries told reporters the price was fair.\n",
    )
    assert together(es, "Maarten de Vries", "Dr. de Vries")


def test_a_surname_joins_a_person_whose_kind_was_not_read_from_context() -> None:
    es = corpus(
        a="After months of talks Talia Brenneck owns the company, and Brenneck has promised changes.\n",
        b="Critics said Brenneck had overpaid for the company.\n",
    )
    assert together(es, "Talia Brenneck", "Brenneck")


def test_two_people_sharing_a_surname_stay_two_and_the_bare_surname_joins_neither() -> None:
    es = corpus(
        a="The founder Tomas Okafor and his sister Adaeze Okafor, the chief financial officer, sold shares.\n",
        b="Okafor declined to comment, and Ms Okafor did not reply.\n",
    )
    assert apart(es, "Tomas Okafor", "Adaeze Okafor")
    assert entity_of(es, "Ms Okafor").id not in {entity_of(es, "Tomas Okafor").id, entity_of(es, "Adaeze Okafor").id}


def test_a_possessive_is_the_name_it_belongs_to() -> None:
    es = corpus(
        a="Brenmoor Analytics agreed to the deal on Monday.\n",
        b="Investors said Brenmoor's board had approved it, and Brenmoor’s shares rose.\n",
    )
    assert together(es, "Brenmoor Analytics", "Brenmoor")


# ---------------------------------------------------------------- corporate suffixes
def test_corporate_suffixes_do_not_make_another_company() -> None:
    es = corpus(
        a="Velar AG agreed to buy Calder plc, and Tessin GmbH sold its stake to Orvane SA.\n",
        b="Analysts said Velar paid too much for Calder, while Tessin and Orvane said little.\n",
        c="Investors in Quill Corp. and Quill Corporation, listed as QUILL CORP, cheered.\n",
    )
    assert together(es, "Velar AG", "Velar")
    assert together(es, "Calder plc", "Calder")
    assert together(es, "Tessin GmbH", "Tessin")
    assert together(es, "Orvane SA", "Orvane")
    assert together(es, "Quill Corp.", "Quill Corporation", "QUILL CORP")
    assert apart(es, "Velar AG", "Calder plc", "Tessin GmbH", "Orvane SA")


def test_holdings_joins_its_short_name_when_that_name_is_unambiguous() -> None:
    es = corpus(
        a="Kesh Holdings said on Friday it would buy a chip maker.\n",
        b="The purchase is the largest that Kesh has made.\n",
    )
    assert together(es, "Kesh Holdings", "Kesh")


# ---------------------------------------------------------------- never one entity
def test_a_company_and_its_founder_stay_two() -> None:
    es = corpus(
        a="Ravel Dynamics Inc. was founded by Jonas Ravel in 2012.\n",
        b="Investors said Ravel Dynamics grew fast. Jonas Ravel said he would stay.\n",
        c="Analysts expect Ravel to keep growing, and Ravel Inc. shares rose.\n",
    )
    assert apart(es, "Ravel Dynamics Inc.", "Jonas Ravel")
    assert entity_of(es, "Ravel Inc.").id != entity_of(es, "Jonas Ravel").id


def test_a_lowercase_hyphened_particle_is_part_of_the_name() -> None:
    es = corpus(
        a="The investor Omar al-Rasheed, a partner at the fund, agreed to the terms.\n",
        b="The investor Omar Al Rashid did not comment on the terms.\n",
    )
    assert together(es, "Omar al-Rasheed", "Omar Al Rashid")


def test_a_ticker_in_brackets_after_a_company_with_its_legal_form() -> None:
    es = corpus(
        a="Orrin Maps Inc. (ORMP) said on Monday it would buy a rival.\n",
        b="Traders sold ORMP after the call, and shares of Orrin Maps fell.\n",
    )
    assert together(es, "Orrin Maps Inc.", "ORMP", "Orrin Maps")


def test_an_exchange_named_in_a_bracket_is_not_the_ticker() -> None:
    assert ticker_after("Ostrel Labs (listed on the LSE) said", len("Ostrel Labs")) == ""


def test_a_who_clause_with_a_role_still_marks_a_person() -> None:
    es = corpus(a="Talia Brenneck, who is chief executive of the group, said the deal was fair.\n")
    assert entity_of(es, "Talia Brenneck").kind == "person"


def test_four_letter_names_that_differ_only_in_vowel_spelling_stay_two() -> None:
    es = corpus(a="The actor Marta Sheen met the banker Marta Shin on Monday to talk.\n")
    assert apart(es, "Marta Sheen", "Marta Shin")


def test_a_name_its_surname_stands_for_is_a_person() -> None:
    es = corpus(
        a="After the vote the company sold shares to Talia Brenneck for cash.\n",
        b="Critics said Brenneck had overpaid, and Brenneck has promised changes.\n",
    )
    assert entity_of(es, "Talia Brenneck").kind == "person"


# ---------------------------------------------------------------- which forms are misspellings
def test_only_forms_that_spell_a_word_differently_are_variants() -> None:
    es = corpus(
        a="Norvik Systems Inc. said Norvik would buy Tellmark. Norvik chief Ingrid Solberg spoke.\n",
        b="Norvick Systems agreed to pay for Tellmark. Norvik said so.\n",
        c="Norvik Systems bought it. Norvik shares rose.\n",
    )
    norvik = entity_of(es, "Norvick Systems")
    assert together(es, "Norvik", "Norvick Systems", "Norvik Systems Inc.")
    assert "Norvick Systems" in norvik.variants
    assert not {"Norvik Systems", "Norvik Systems Inc."} & set(norvik.variants)  # longer, not misspelt
